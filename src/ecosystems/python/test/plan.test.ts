import { describe, expect, it } from 'vitest';
import { serverPortSetting } from '../detect.js';
import type { PythonFacts } from '../types.js';
import { classifyNative } from '../native.js';
import { UserError } from '../../../errors.js';
import { chooseBase } from '../../../plan/choose-base.js';
import { assessPython, pythonView } from '../plan.js';
import { pythonConstraintToSemver } from '../constraint.js';

const TODAY = new Date('2026-11-27T00:00:00Z');

/** Facts as the detector makes them: the port setting follows the server unless given. */
function facts(overrides: Partial<PythonFacts> = {}): PythonFacts {
  const f = baseFacts(overrides);
  return overrides.portSetting ? f : { ...f, portSetting: serverPortSetting(f.server, f.listen, f.port.source) ?? { kind: 'unknown' } };
}

function baseFacts(overrides: Partial<PythonFacts>): PythonFacts {
  return {
    language: 'python',
    packageManager: { value: 'pip', source: 'requirements.txt' },
    framework: { value: 'fastapi', source: 'test' },
    runtime: { constraint: null, pinned: false, source: 'default' },
    port: { value: 8000, source: 'uvicorn default' },
    start: { value: { kind: 'exec', argv: ['python', '-m', 'uvicorn', 'main:app'] }, source: 'test' },
    nativeDependencies: [],
    warnings: [],
    installSecrets: [],
    lockfile: null,
    installFiles: ['requirements.txt'],
    requirementsFile: 'requirements.txt',
    installProject: false,
    installExtras: [],
    packages: [],
    server: 'uvicorn',
    addedServer: null,
    listen: 'server',
    django: null,
    ...overrides,
  };
}

const range = (text: string) => ({ constraint: pythonConstraintToSemver(text), pinned: false, source: 'pyproject.toml requires-python' });
const native = (...names: string[]) => classifyNative(names.map((name) => ({ name, version: null, wheels: [] })), 'requirements.txt');
const plan = (f: PythonFacts, base: 'auto' | 'slim' | 'alpine' | 'distroless' = 'auto') => chooseBase(assessPython(f, TODAY), base);

describe('choosing a base for Python', () => {
  it('never offers scratch, and says why', () => {
    const [scratch] = assessPython(facts(), TODAY);
    expect(scratch).toMatchObject({ kind: 'scratch', possible: false });
    expect(scratch?.why).toMatch(/interpreter/);
  });

  it('builds a ">=3.11" project on 3.13, because distroless carries 3.13', () => {
    const p = plan(facts({ runtime: range('>=3.11') }));
    expect(p).toMatchObject({ base: 'distroless', runtimeVersion: '3.13', builderImage: 'docker.io/library/python:3.13-slim-trixie', runtimeImage: 'gcr.io/distroless/python3-debian13:nonroot' });
  });

  it('gives a pin exactly its version: 3.12 rules distroless out and builds on alpine 3.12', () => {
    const options = assessPython(facts({ runtime: { constraint: '3.12', pinned: true, source: '.python-version' } }), TODAY);
    expect(options[1]).toMatchObject({ kind: 'distroless', possible: false });
    expect(options[1]?.why).toMatch(/carries only Python 3.13/);
    expect(options[2]).toMatchObject({ kind: 'alpine', possible: true, runtimeVersion: '3.12', runtimeImage: 'python:3.12-alpine' });
    expect(options[3]).toMatchObject({ kind: 'slim', runtimeVersion: '3.12', runtimeImage: 'python:3.12-slim-bookworm' });
  });

  it('takes the newest maintained version a range allows once distroless is out', () => {
    const p = plan(facts({ runtime: range('>=3.11'), nativeDependencies: native('psycopg2') }));
    expect(p).toMatchObject({ base: 'slim', runtimeVersion: '3.14', runtimeImage: 'docker.io/library/python:3.14-slim-trixie' });
  });

  it('rules out alpine for torch, which has no musllinux wheels', () => {
    const options = assessPython(facts({ runtime: { constraint: '3.12', pinned: true, source: 'runtime.txt' }, nativeDependencies: native('torch') }), TODAY);
    expect(options[2]?.possible).toBe(false);
    expect(options[2]?.why).toMatch(/torch has no musllinux wheels/);
    expect(chooseBase(options, 'auto').base).toBe('slim');
    expect(() => chooseBase(options, 'alpine')).toThrow(UserError);
  });

  it('rules out distroless when a dependency needs an OS library', () => {
    const options = assessPython(facts({ nativeDependencies: native('psycopg2') }), TODAY);
    expect(options[1]?.why).toMatch(/psycopg2 needs libpq5 at run time/);
  });

  it('keeps distroless for self-contained wheels', () => {
    expect(plan(facts({ nativeDependencies: native('psycopg2-binary', 'numpy', 'pydantic-core') })).base).toBe('distroless');
  });

  it('rules out distroless for a start command that needs a shell', () => {
    const options = assessPython(facts({ start: { value: { kind: 'shell', command: 'python a.py && python b.py' }, source: '--cmd' } }), TODAY);
    expect(options[1]?.why).toMatch(/needs a shell/);
  });

  it('builds an end-of-life pin (the shared check warns), but a range only picks maintained minors', () => {
    const options = assessPython(facts({ runtime: { constraint: '3.9', pinned: false, source: '.python-version' } }), TODAY);
    expect(options.every((o) => !o.possible)).toBe(true);
    const eol = assessPython(facts({ runtime: { constraint: '3.10', pinned: true, source: '.python-version' } }), TODAY);
    expect(eol[3]).toMatchObject({ possible: true, runtimeVersion: '3.10', runtimeImage: 'python:3.10-slim-bookworm' });
    const range = assessPython(facts({ runtime: { constraint: '>=3.10', pinned: false, source: 'pyproject.toml' } }), TODAY);
    expect(range[3]?.runtimeVersion).toBe('3.14');
  });

  it('asks for --cmd when no start command was found', () => {
    expect(() => assessPython(facts({ start: { value: { kind: 'exec', argv: [] }, source: 'not found' } }), TODAY)).toThrow(/--cmd/);
  });
});

describe('the Python template view', () => {
  it('on distroless: venv made through /usr/bin/python, venv python as entrypoint, CMD holds arguments only', () => {
    const f = facts();
    const view = pythonView(f, plan(f));
    expect(view).toMatchObject({
      linkInterpreter: true, venvPython: '/usr/bin/python', entrypoint: ['/opt/venv/bin/python'],
      cmd: ['-m', 'uvicorn', 'main:app'], user: '65532:65532', builderFrom: 'docker.io/library/python:${PYTHON_VERSION}-slim-trixie',
    });
    expect(view.env).toContainEqual({ name: 'UVICORN_PORT', value: '8000' });
    expect(view.env).toContainEqual({ name: 'PYTHONUNBUFFERED', value: '1' });
  });

  it('runs an entry point script with the venv python on distroless', () => {
    const f = facts({ start: { value: { kind: 'exec', argv: ['notifier', '--once'] }, source: '[project.scripts]' }, server: null });
    expect(pythonView(f, plan(f)).cmd).toEqual(['/opt/venv/bin/notifier', '--once']);
  });

  it('puts the port into the server environment, so --port needs no change to the command', () => {
    const f = facts({ port: { value: 9090, source: '--port' }, server: 'gunicorn' });
    expect(pythonView(f, plan(f)).env).toContainEqual({ name: 'GUNICORN_CMD_ARGS', value: '--bind=0.0.0.0:9090' });
  });

  it('on slim: creates a user, installs exactly the runtime libraries of the release, CMD is the whole command', () => {
    const f = facts({ runtime: { constraint: '3.12', pinned: true, source: '.python-version' }, nativeDependencies: native('python-ldap', 'psycopg2') });
    const view = pythonView(f, plan(f));
    expect(view.runtimePackages).toEqual({ apt: true, apk: false, packages: ['libldap-2.5-0', 'libpq5', 'libsasl2-2'] });
    expect(view.buildPackages.packages).toEqual(['gcc', 'libc6-dev', 'libldap-dev', 'libpq-dev', 'libsasl2-dev']);
    expect(view.createUser).toEqual({ debian: true, alpine: false, uid: 10001 });
    expect(view.entrypoint).toBeNull();
    expect(view.cmd).toEqual(['python', '-m', 'uvicorn', 'main:app']);
  });

  it('exports Poetry, Pipenv and PDM locks to hashed requirements and installs them without the tool', () => {
    for (const [pm, first] of [['poetry', 'poetry'], ['pipenv', 'pipenv'], ['pdm', 'pdm']] as const) {
      const f = facts({ packageManager: { value: pm, source: 'lock' } });
      const view = pythonView(f, plan(f));
      expect(view.installBefore[0]?.argv[0]).toBe(first);
      expect(view.installBefore[1]?.argv).toEqual(['pip', '--python', '/opt/venv/bin/python', 'install', '--no-deps', '--requirement', '/tmp/requirements.txt']);
    }
  });

  it('syncs uv from the lock without dev dependencies and without downloading Python', () => {
    const f = facts({ packageManager: { value: 'uv', source: 'uv.lock' }, installFiles: ['pyproject.toml', 'uv.lock'] });
    const view = pythonView(f, plan(f));
    expect(view.installBefore[0]?.argv).toEqual(['uv', 'sync', '--frozen', '--no-dev', '--no-install-project', '--no-editable']);
    expect(view.uvImage).toMatch(/^ghcr\.io\/astral-sh\/uv:\d+\.\d+\.\d+$/);
    expect(view.uvPython).toBe('/usr/bin/python');
  });

  it('copies nested requirement includes to their own folders', () => {
    const f = facts({ installFiles: ['requirements.txt', 'requirements/base.txt', 'requirements/constraints.txt'] });
    expect(pythonView(f, plan(f)).installCopies).toEqual([
      { sources: ['requirements.txt'], destination: './' },
      { sources: ['requirements/base.txt', 'requirements/constraints.txt'], destination: 'requirements/' },
    ]);
  });
});

describe('index credentials', () => {
  it('reach the install steps as secret variables, never as ARG or ENV', () => {
    const f = facts({ installSecrets: ['PYPI_TOKEN'] });
    const view = pythonView(f, plan(f, 'slim'));
    expect(view.installMounts).toBe('--mount=type=cache,target=/root/.cache/pip --mount=type=secret,id=PYPI_TOKEN,env=PYPI_TOKEN');
  });
});

describe('versions capped by locked packages', () => {
  const pkg = (name: string, version: string, wheels: string[] = []) => ({ name, version, wheels });

  it('caps a requirements pin by the table of first supporting releases, and names the package', () => {
    const p = plan(facts({ packages: [pkg('psycopg2-binary', '2.9.9'), pkg('greenlet', '3.0.1'), pkg('flask', '3.0.0')] }));
    expect(p.runtimeVersion).toBe('3.12');
    expect(p.base).toBe('alpine');
    expect(p.reasons.join(' ')).toMatch(/greenlet 3.0.1, psycopg2-binary 2.9.9 run on Python 3.12 at most/);
  });

  it('caps by the wheel names a lockfile lists (abi3 and pure wheels do not cap)', () => {
    const p = plan(facts({
      runtime: range('>=3.10'),
      packages: [
        pkg('uvloop', '0.19.0', ['uvloop-0.19.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl', 'uvloop-0.19.0-cp311-cp311-musllinux_1_1_x86_64.whl', 'uvloop-0.19.0-cp313-cp313-win_amd64.whl']),
        pkg('cryptography', '44.0.0', ['cryptography-44.0.0-cp39-abi3-manylinux_2_28_x86_64.whl']),
        pkg('idna', '3.10', ['idna-3.10-py3-none-any.whl']),
      ],
    }));
    expect(p.runtimeVersion).toBe('3.12');
    expect(p.reasons.join(' ')).toMatch(/uvloop 0.19.0 runs on Python 3.12 at most \(their locked wheels stop at cp312/);
  });

  it('builds on an end-of-life minor with the shared warning when the lock allows nothing newer', () => {
    const p = plan(facts({ runtime: range('^3.9'), packages: [pkg('asyncpg', '0.26.0', ['asyncpg-0.26.0-cp310-cp310-manylinux_2_17_x86_64.manylinux2014_x86_64.whl'])] }));
    expect(p.runtimeVersion).toBe('3.10');
    expect(p.base).toBe('alpine');
  });

  it('leaves a pin alone', () => {
    const p = plan(facts({ runtime: { constraint: '3.13', pinned: true, source: '.python-version' }, packages: [pkg('numpy', '1.22.4')] }));
    expect(p.runtimeVersion).toBe('3.13');
  });

  it('does not cap a version at or past every row', () => {
    expect(plan(facts({ packages: [pkg('django', '6.0.1')] }), 'slim').runtimeVersion).toBe('3.14');
    expect(plan(facts({ packages: [pkg('django', '5.1.2')] }), 'slim').runtimeVersion).toBe('3.12');
  });
});
