import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { portInCode } from '../app.js';
import { detectPython, recognizesPython } from '../detect.js';
import { UserError } from '../../../errors.js';
import { Project } from '../../../project.js';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', '..', 'test', 'fixtures');
const fixture = (name: string) => detectPython(new Project(join(FIXTURES, name)), {});

/** A throwaway project from a map of relative path -> contents. */
function project(files: Record<string, string>): Project {
  const root = mkdtempSync(join(tmpdir(), 'py-detect-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return new Project(root);
}

describe('Python detection over the fixtures', () => {
  it.each([
    ['python-fastapi-pip', 'pip', 'requirements.txt'],
    ['python-django-poetry-psycopg2', 'poetry', 'poetry.lock'],
    ['python-flask-uv', 'uv', 'uv.lock'],
    ['python-starlette-pipenv', 'pipenv', 'Pipfile.lock'],
    ['python-aiohttp-pdm', 'pdm', 'pdm.lock'],
    ['python-pep621-scripts', 'pip', 'pyproject.toml [project]'],
  ])('%s uses %s (from %s)', (name, manager, source) => {
    const facts = fixture(name);
    expect(facts.packageManager).toEqual({ value: manager, source });
  });

  it.each([
    ['python-fastapi-pip', '3.13', true, '.python-version'],
    ['python-torch-pip', '3.12.10', true, 'runtime.txt'],
    ['python-streamlit-pip', '3.13.3', true, '.tool-versions'],
    ['python-starlette-pipenv', '3.12', true, 'Pipfile [requires] python_version'],
    ['python-flask-uv', '>=3.11', false, 'pyproject.toml requires-python'],
    ['python-django-poetry-psycopg2', '^3.12', false, 'pyproject.toml [tool.poetry.dependencies] python'],
    ['python-fastapi-seed', null, false, 'default (the project names no Python version)'],
  ])('%s asks for Python %s', (name, constraint, pinned, source) => {
    const { runtime } = fixture(name);
    expect(runtime.pinned).toBe(pinned);
    expect(runtime.source).toBe(source);
    if (constraint !== null && !pinned) expect(runtime.constraint).not.toBeNull();
    if (pinned) expect(runtime.constraint).toBe(constraint);
    if (constraint === null) expect(runtime.constraint).toBeNull();
  });

  it.each([
    ['python-fastapi-pip', 'fastapi', ['python', '-m', 'uvicorn', 'app.main:app'], 8000],
    ['python-fastapi-seed', 'fastapi', ['python', '-m', 'uvicorn', 'main:app'], 8000],
    ['python-fastapi-uv-psycopg-binary', 'fastapi',
      ['python', '-m', 'gunicorn', 'api.main:app', '--worker-class', 'uvicorn_worker.UvicornWorker', '--chdir', 'src'], 8000],
    ['python-flask-uv', 'flask', ['python', '-m', 'gunicorn', 'app:app'], 8000],
    ['python-opencv-flask-pip', 'flask', ['python', '-m', 'gunicorn', 'wsgi:create_app()'], 8000],
    ['python-django-poetry-psycopg2', 'django', ['python', '-m', 'gunicorn', 'mysite.wsgi:application'], 8000],
    ['python-starlette-pipenv', 'starlette', ['python', '-m', 'uvicorn', 'server:application'], 8000],
    ['python-aiohttp-pdm', 'aiohttp', ['python', 'main.py'], 8081],
    ['python-streamlit-pip', 'streamlit', ['python', '-m', 'streamlit', 'run', 'streamlit_app.py'], 8501],
    ['python-pep621-scripts', null, ['notifier'], null],
    ['python-worker-requirements-includes', null, ['python', '-m', 'worker'], null],
    ['python-stdlib-distroless', null, ['python', 'server.py'], 8080],
    ['python-stdlib-slim-311', null, ['python', 'main.py'], 9000],
  ])('%s: %s app started with %j on port %s', (name, framework, argv, port) => {
    const facts = fixture(name);
    expect(facts.framework.value).toBe(framework);
    expect(facts.start.value).toEqual({ kind: 'exec', argv });
    expect(facts.port.value).toBe(port);
  });

  it('reads Django settings: WSGI_APPLICATION and STATIC_ROOT', () => {
    const facts = fixture('python-django-poetry-psycopg2');
    expect(facts.django).toEqual({ settingsModule: 'mysite.settings', collectstatic: true });
    expect(facts.start.source).toBe('WSGI_APPLICATION in mysite/settings.py');
  });

  it('leaves Poetry dev-group packages out', () => {
    const names = fixture('python-django-poetry-psycopg2').packages.map((p) => p.name);
    expect(names).toContain('psycopg2');
    expect(names).toContain('sqlparse');
    expect(names).not.toContain('pytest-django');
    expect(names).not.toContain('iniconfig');
  });

  it('walks uv.lock from the project without dev-dependencies, following extras', () => {
    expect(fixture('python-flask-uv').packages.map((p) => p.name)).toEqual(['blinker', 'flask', 'gunicorn', 'markupsafe', 'packaging']);
    const psycopg = fixture('python-fastapi-uv-psycopg-binary');
    expect(psycopg.packages.map((p) => p.name)).toContain('psycopg-binary');
  });

  it('classifies psycopg2 from source as glibc-only with libpq at build and run time', () => {
    const [dep] = fixture('python-django-poetry-psycopg2').nativeDependencies;
    expect(dep).toMatchObject({
      name: 'psycopg2', glibcOnly: true, source: 'poetry.lock',
      build: { debian: ['gcc', 'libc6-dev', 'libpq-dev'] }, runtime: { debian: ['libpq5'], alpine: ['libpq'] },
    });
  });

  it('lets psycopg[binary] remove psycopg’s need for libpq', () => {
    const psycopg = fixture('python-fastapi-uv-psycopg-binary').nativeDependencies.find((d) => d.name === 'psycopg');
    expect(psycopg?.runtime).toEqual({ debian: [], alpine: [] });
  });

  it('classifies packages missing from the table by the wheels the lockfile lists', () => {
    const deps = fixture('python-aiohttp-pdm').nativeDependencies;
    expect(deps.map((d) => [d.name, d.glibcOnly])).toEqual([['aiohttp', false], ['multidict', false], ['yarl', false]]);
    expect(fixture('python-flask-uv').nativeDependencies.map((d) => d.name)).toEqual(['markupsafe']);
  });

  it('follows -r includes and reads -c constraints without adding their packages', () => {
    const facts = fixture('python-worker-requirements-includes');
    expect(facts.installFiles).toEqual(['requirements.txt', 'requirements/base.txt', 'requirements/constraints.txt']);
    expect(facts.packages).toEqual([
      { name: 'mysqlclient', version: '2.2.7', wheels: [] },
      { name: 'python-ldap', version: '3.4.4', wheels: [] },
      { name: 'requests', version: '2.32.3', wheels: [] },
    ]);
  });

  it('installs the project itself for an entry point', () => {
    expect(fixture('python-pep621-scripts').installProject).toBe(true);
    expect(fixture('python-flask-uv').installProject).toBe(false);
  });
});

describe('Python detection edge cases', () => {
  it('treats [tool.uv] without uv.lock as a plain PEP 621 project installed by pip', () => {
    const facts = detectPython(project({ 'pyproject.toml': '[project]\nname="x"\ndependencies=[]\n[tool.uv]\n', 'main.py': '' }), {});
    expect(facts.packageManager.value).toBe('pip');
  });

  it('asks for poetry.lock in a Poetry project', () => {
    const p = project({ 'pyproject.toml': '[tool.poetry]\nname="x"\n[tool.poetry.dependencies]\npython="^3.12"\n', 'main.py': '' });
    expect(() => detectPython(p, {})).toThrow(/poetry lock/);
  });

  it('names a missing -r include', () => {
    const p = project({ 'requirements.txt': '-r base.txt\n', 'main.py': '' });
    expect(() => detectPython(p, {})).toThrow(UserError);
  });

  it('refuses an include outside the project', () => {
    const p = project({ 'requirements.txt': '-r ../shared.txt\n', 'main.py': '' });
    expect(() => detectPython(p, {})).toThrow(/outside the project folder/);
  });

  it('reports an unreadable requires-python with the file', () => {
    const p = project({ 'pyproject.toml': '[project]\nname="x"\nrequires-python="newest"\n', 'main.py': '' });
    expect(() => detectPython(p, {})).toThrow(/pyproject.toml requires-python says "newest"/);
  });

  it('warns about unpinned requirements', () => {
    const facts = detectPython(project({ 'requirements.txt': 'flask\ngunicorn==23.0.0\n', 'app.py': 'from flask import Flask\napp = Flask(__name__)\n' }), {});
    expect(facts.warnings.join(' ')).toMatch(/does not pin flask/);
  });

  it('falls back to the Flask development server without gunicorn, with a warning', () => {
    const facts = detectPython(project({ 'requirements.txt': 'flask==3.1.1\n', 'app.py': 'from flask import Flask\napp = Flask(__name__)\n' }), {});
    expect(facts.server).toBe('flask');
    expect(facts.port.value).toBe(5000);
    expect(facts.warnings.join(' ')).toMatch(/add gunicorn/);
  });

  it('takes the .python-version pin over requires-python', () => {
    const facts = detectPython(project({ '.python-version': '3.12\n', 'pyproject.toml': '[project]\nname="x"\nrequires-python=">=3.10"\n', 'main.py': '' }), {});
    expect(facts.runtime).toEqual({ constraint: '3.12', pinned: true, source: '.python-version' });
  });

  it('recognizes Python projects but not a bare folder', () => {
    expect(recognizesPython(project({ 'requirements.txt': '' }))).toBe(true);
    expect(recognizesPython(project({ 'app.py': '' }))).toBe(true);
    expect(recognizesPython(project({ 'README.md': '' }))).toBe(false);
  });

  it('ignores app objects defined in tests', () => {
    const facts = detectPython(project({
      'requirements.txt': 'fastapi==0.115.12\nuvicorn==0.34.2\n',
      'tests/test_app.py': 'from fastapi import FastAPI\napp = FastAPI()\n',
      'service/api.py': 'from fastapi import FastAPI\nweb = FastAPI()\n',
    }), {});
    expect(facts.start.value).toEqual({ kind: 'exec', argv: ['python', '-m', 'uvicorn', 'service.api:web'] });
  });
});

describe('ports named in code', () => {
  it.each([
    ['uvicorn.run(app, host="0.0.0.0", port=8080)', 8080],
    ['PORT = 5001', 5001],
    ['port = int(os.environ.get("PORT", "7000"))', 7000],
    ['HTTPServer(("", 9000), Handler)', 9000],
    ['print("hello")', null],
  ])('%s -> %s', (text, port) => {
    expect(portInCode(text)).toBe(port);
  });
});
