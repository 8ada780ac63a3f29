// Python: which of the four bases can work, at which version, and the view the template prints.
// The virtual environment is built in a builder stage at VENV and copied whole into the final
// image, so no package manager, compiler or build tool ships.
import { initPrefix } from '../../plan/init.js';
import type { PythonFacts } from './types.js';
import { UserError } from '../../errors.js';
import { today } from '../../knowledge/clock.js';
import { pypiNativeRow } from './knowledge/native.js';
import { portEnv } from '../../detect/port.js';
import { PDM, PIPENV, POETRY, POETRY_EXPORT, UV } from './knowledge/tools.js';
import {
  DISTROLESS_PYTHON, PYTHON_RELEASES, alpineImage, maintainedPythons, pythonRelease, slimImage, type DebianSuite,
} from './knowledge/versions.js';
import type { BaseOption, NativeDependency, Plan, StartCommand } from '../../types.js';
import { collectPackages, osPackagesView, type Distro } from '../../plan/os-packages.js';
import { pickVersion, withVersionArg } from '../../plan/versions.js';
import { describeCaps, pythonCaps, withinCaps } from './python-support.js';
import { ruledOut } from '../../plan/choose-base.js';

const PYTHON_VERSION_ARG = 'PYTHON_VERSION';
/** Where the venv lives, in the builder and in the final image alike (its scripts record the path). */
/** The virtual environment every Python image runs from (exported for the healthcheck probe). */
export const PYTHON_VENV = '/opt/venv';
const VENV = PYTHON_VENV;
/** distroless's nonroot user; on slim and alpine the Dockerfile creates APP_UID. */
export const DISTROLESS_NONROOT_UID = 65532;
const APP_UID = 10001;

/** Why no maintained Python fits the requirement, for every kind's message. */
function noVersionWhy(facts: PythonFacts, maintained: string[]): string {
  const { runtime } = facts;
  const release = PYTHON_RELEASES.find((r) => pickVersion(runtime, [r.minor]) !== null);
  if (runtime.pinned && release) {
    return `Python ${release.minor} (${runtime.source}) reached end of life in ${release.endOfLife} and has no maintained image; move to ${maintained.join(', ')} or pass --runtime-version`;
  }
  return `no maintained Python (${maintained.join(', ')}) satisfies "${runtime.constraint}" from ${runtime.source}; pass --runtime-version`;
}

/** The OS packages of a native dependency at run time, named for the Debian release in use. */
function debianRuntime(dep: NativeDependency, suite: DebianSuite): string[] {
  if (dep.runtime.debian.length === 0) return [];
  return pypiNativeRow(dep.name)?.debian.runtime[suite] ?? dep.runtime.debian;
}

function withSuite(deps: readonly NativeDependency[], suite: DebianSuite): NativeDependency[] {
  return deps.map((d) => ({ ...d, runtime: { ...d.runtime, debian: debianRuntime(d, suite) } }));
}

export function assessPython(facts: PythonFacts, now: Date = today()): BaseOption[] {
  const start = facts.start.value;
  if (start.kind === 'exec' && start.argv.length === 0) {
    throw new UserError(
      'Could not tell how this Python app starts: no FastAPI, Flask, Django, Starlette, aiohttp or Streamlit app, no ' +
        '[project.scripts] entry point, no package with __main__.py and no main.py/app.py was found. ' +
        'Pass the start command with --cmd, e.g. --cmd "python -m myapp".',
    );
  }
  // A pin builds even past end of life (the shared check warns); a range picks a maintained minor
  // that the locked packages run on. When the locked packages allow only end-of-life minors, the
  // newest of those builds, and the shared end-of-life warning says so (as for a pin).
  const released = PYTHON_RELEASES.filter((r) => Date.parse(r.released) <= now.getTime()).map((r) => r.minor).reverse();
  const caps = facts.runtime.pinned ? [] : pythonCaps(facts.packages);
  const capped = withinCaps(released, caps);
  const cappedMaintained = withinCaps(maintainedPythons(now), caps);
  const maintained = cappedMaintained.some((v) => pickVersion(facts.runtime, [v]) !== null) ? cappedMaintained : capped;
  const version = pickVersion(facts.runtime, facts.runtime.pinned ? released : maintained);
  // The caps are named wherever they moved the version (or left none).
  const uncapped = facts.runtime.pinned ? version : pickVersion(facts.runtime, maintainedPythons(now));
  const capNote = caps.length > 0 && uncapped !== null && version !== uncapped ? `; ${describeCaps(caps)}` : '';
  const baseVersionNote = facts.runtime.constraint === null
    ? 'the project names no Python version'
    : `${facts.runtime.pinned ? 'pinned' : `"${facts.runtime.constraint}"`} by ${facts.runtime.source}`;
  const versionNote = (facts.runtime.constraint === null
    ? 'the project names no Python version'
    : `${facts.runtime.pinned ? 'pinned' : `"${facts.runtime.constraint}"`} by ${facts.runtime.source}`) + capNote;
  const deps = facts.nativeDependencies;

  const scratch = ruledOut('scratch', 'a Python app needs the interpreter and its standard library at run time; scratch only fits one static binary');
  if (version === null) {
    const why = noVersionWhy(facts, maintainedPythons(now)) + capNote;
    return [scratch, ruledOut('distroless', why), ruledOut('alpine', why), ruledOut('slim', why)];
  }

  // distroless: Debian's Python 3.13 only, no shell, no package manager.
  const distrolessVersion = pickVersion(facts.runtime, maintained.includes(DISTROLESS_PYTHON.minor) ? [DISTROLESS_PYTHON.minor] : []);
  const distrolessCapped = distrolessVersion === null && !facts.runtime.pinned && capNote !== '' && pickVersion(facts.runtime, [DISTROLESS_PYTHON.minor]) !== null;
  const needsLibraries = deps.filter((d) => d.runtime.debian.length > 0);
  const blocking = deps.filter((d) => d.blocksDistroless !== null);
  let distrolessWhy: string | null = null;
  if (distrolessCapped) {
    distrolessWhy = `${DISTROLESS_PYTHON.image.split(':')[0]} carries only Python ${DISTROLESS_PYTHON.minor}, and ${describeCaps(caps)}`;
  } else if (distrolessVersion === null) {
    distrolessWhy = `the project needs Python ${facts.runtime.pinned ? version : `"${facts.runtime.constraint}"`} (${facts.runtime.source}), and ${DISTROLESS_PYTHON.image.split(':')[0]} carries only Python ${DISTROLESS_PYTHON.minor}`;
  } else if (start.kind === 'shell') {
    distrolessWhy = `the start command "${start.command}" needs a shell, and distroless has none`;
  } else if (blocking.length > 0) {
    distrolessWhy = blocking.map((d) => `${d.name}: ${d.blocksDistroless}`).join('; ');
  } else if (needsLibraries.length > 0) {
    distrolessWhy = `${needsLibraries.map((d) => `${d.name} needs ${d.runtime.debian.join(', ')}`).join('; ')} at run time, and distroless cannot install OS packages`;
  }
  const distroless: BaseOption = distrolessWhy === null
    ? {
        kind: 'distroless', possible: true, runtimeVersion: DISTROLESS_PYTHON.minor,
        builderImage: DISTROLESS_PYTHON.builder, runtimeImage: DISTROLESS_PYTHON.image,
        why: `${DISTROLESS_PYTHON.image} carries Python ${DISTROLESS_PYTHON.minor} (${baseVersionNote}), the start command needs no shell and no dependency needs OS packages; no shell or package manager in the final image`,
      }
    : ruledOut('distroless', distrolessWhy);

  const glibcOnly = deps.filter((d) => d.glibcOnly);
  const noAlpineName = deps.filter((d) => d.runtime.debian.length > 0 && d.runtime.alpine.length === 0);
  let alpineWhy: string | null = null;
  if (glibcOnly.length > 0) {
    alpineWhy = `${glibcOnly.map((d) => d.name).join(', ')} ${glibcOnly.length > 1 ? 'have' : 'has'} no musllinux wheels (${glibcOnly.map((d) => d.note).join(' ')}), and alpine uses musl`;
  } else if (noAlpineName.length > 0) {
    alpineWhy = `${noAlpineName.map((d) => d.name).join(', ')} need OS libraries with no known Alpine package`;
  }
  const alpine: BaseOption = alpineWhy === null
    ? {
        kind: 'alpine', possible: true, runtimeVersion: version, builderImage: alpineImage(version), runtimeImage: alpineImage(version),
        why: `every native dependency has musllinux wheels${deps.length === 0 ? ' (there are none)' : ''}; Python ${version} (${versionNote}); python:${version}-alpine keeps a shell and apk`,
      }
    : ruledOut('alpine', alpineWhy);

  const suite = pythonRelease(version)?.slimSuite ?? 'trixie';
  const libraries = collectPackages(withSuite(deps, suite), 'runtime', 'debian');
  const slim: BaseOption = {
    kind: 'slim', possible: true, runtimeVersion: version, builderImage: slimImage(version), runtimeImage: slimImage(version),
    why: `Debian ${suite} slim with glibc${libraries.length > 0 ? ` and the OS libraries ${libraries.join(', ')}` : ''} always works (Python ${version}, ${versionNote})`,
  };
  return [scratch, distroless, alpine, slim];
}

/** Replace the literal version in an image name with the Dockerfile ARG, so one line pins it. */
function withArg(image: string, version: string): string {
  return withVersionArg(image, version, PYTHON_VERSION_ARG, ['python:{v}-']);
}

/** One shell command of a RUN line: words, and where its output goes (pipenv has no --output). */
interface Command {
  argv: string[];
  stdout: string | null;
}
const cmd = (argv: string[], stdout: string | null = null): Command => ({ argv, stdout });

const EXPORTED = '/tmp/requirements.txt';
const pipInto = (...args: string[]) => cmd(['pip', '--python', `${VENV}/bin/python`, 'install', ...args]);

/** The environment that tells the server where to listen (and, for uWSGI, which venv to load). */
function serverEnvironment(facts: PythonFacts, port: number | null): Record<string, string> {
  if (facts.server === null || port === null) return {};
  const listen = facts.listen ?? 'server';
  // uWSGI embeds Python: it finds the venv's packages only when told where the venv is.
  const venv: Record<string, string> = facts.server === 'uwsgi' ? { VIRTUAL_ENV: VENV, UWSGI_VIRTUALENV: VENV } : {};
  if (listen === 'config') return venv;
  // The variables the server reads for its address, from the port rule (detect.ts says which).
  return { ...portEnv(facts), ...venv };
}

/** The dependency install (before the sources are copied) and the steps after them. */
function installSteps(facts: PythonFacts) {
  const steps = lockInstallSteps(facts);
  // A server the dependencies lack is installed into the venv after them.
  if (!facts.addedServer) return steps;
  // With the dependencies, before the sources when they install first (so the layer caches).
  const install = pipInto(`${facts.addedServer.name}==${facts.addedServer.version}`);
  return steps.before.length > 0 ? { ...steps, before: [...steps.before, install] } : { ...steps, after: [...steps.after, install] };
}

function lockInstallSteps(facts: PythonFacts) {
  const pm = facts.packageManager.value;
  const installProject = facts.installProject;
  // `--extra prod` per production extra (uv), `--extras prod` (poetry export).
  const extras = (flag: string) => (facts.installExtras ?? []).flatMap((e) => [flag, e]);
  switch (pm) {
    case 'uv':
      return {
        cache: '/root/.cache/uv',
        tools: null,
        before: [cmd(['uv', 'sync', '--frozen', '--no-dev', ...extras('--extra'), '--no-install-project', '--no-editable'])],
        after: installProject ? [cmd(['uv', 'sync', '--frozen', '--no-dev', ...extras('--extra'), '--no-editable'])] : [],
      };
    case 'poetry':
    case 'pipenv':
    case 'pdm': {
      // Each tool writes its lock out as a hashed requirements file; pip installs exactly that
      // into the venv, so the tool itself stays in the builder.
      const exporters: Record<typeof pm, { tools: string[]; export: Command }> = {
        poetry: {
          tools: [`${POETRY.name}==${POETRY.version}`, `${POETRY_EXPORT.name}==${POETRY_EXPORT.version}`],
          export: cmd(['poetry', 'export', '--only', 'main', ...extras('--extras'), '--format', 'requirements.txt', '--output', EXPORTED]),
        },
        pipenv: { tools: [`${PIPENV.name}==${PIPENV.version}`], export: cmd(['pipenv', 'requirements', '--hash'], EXPORTED) },
        pdm: { tools: [`${PDM.name}==${PDM.version}`], export: cmd(['pdm', 'export', '--prod', '--format', 'requirements', '--output', EXPORTED]) },
      };
      const exporter = exporters[pm];
      return {
        cache: '/root/.cache/pip',
        tools: cmd(['pip', 'install', ...exporter.tools]),
        before: [exporter.export, pipInto('--no-deps', '--requirement', EXPORTED)],
        after: installProject ? [pipInto('--no-deps', '.')] : [],
      };
    }
    case 'pip': {
      if (facts.requirementsFile !== null) {
        const install = pipInto('--requirement', facts.requirementsFile);
        // A requirements file that installs the project itself (-e . / .) needs the sources first.
        return installProject
          ? { cache: '/root/.cache/pip', tools: null, before: [], after: [install] }
          : { cache: '/root/.cache/pip', tools: null, before: [install], after: [] };
      }
      if (facts.installFiles.includes('pyproject.toml')) {
        return { cache: '/root/.cache/pip', tools: null, before: [], after: [pipInto(facts.installExtras.length > 0 ? `.[${facts.installExtras.join(',')}]` : '.')] };
      }
      return { cache: '/root/.cache/pip', tools: null, before: [], after: [] };
    }
  }
}

/** Install files grouped by folder, so each COPY keeps the paths `-r` includes rely on. */
function copyGroups(files: string[]): Array<{ sources: string[]; destination: string }> {
  const groups = new Map<string, string[]>();
  for (const file of files) {
    const dir = file.includes('/') ? `${file.slice(0, file.lastIndexOf('/'))}/` : './';
    groups.set(dir, [...(groups.get(dir) ?? []), file]);
  }
  return [...groups].map(([destination, sources]) => ({ sources, destination }));
}

/** On distroless the entrypoint is an interpreter: CMD gets python's arguments only. */
function distrolessArgs(argv: string[]): string[] {
  const [first, ...rest] = argv;
  if (first === undefined) return [];
  if (/^python(3(\.\d+)?)?$/.test(first)) return rest;
  // An entry point in the venv's bin/ is a Python script, which the venv's python runs.
  if (/^[A-Za-z0-9_.-]+$/.test(first)) return [`${VENV}/bin/${first}`, ...rest];
  return argv;
}

function argvOf(start: StartCommand): string[] {
  return start.kind === 'exec' ? start.argv : ['/bin/sh', '-c', start.command];
}

export function pythonView(facts: PythonFacts, plan: Plan) {
  const distro: Distro = plan.base === 'alpine' ? 'alpine' : 'debian';
  const distroless = plan.base === 'distroless';
  const suite = pythonRelease(plan.runtimeVersion)?.slimSuite ?? 'trixie';
  const deps = withSuite(facts.nativeDependencies, suite);
  const steps = installSteps(facts);
  const port = facts.port.value;
  const serverEnv = serverEnvironment(facts, port);
  const env = Object.entries({ PYTHONUNBUFFERED: '1', PYTHONDONTWRITEBYTECODE: '1', ...serverEnv }).map(([name, value]) => ({ name, value }));
  const argv = argvOf(facts.start.value);
  const uid = distroless ? DISTROLESS_NONROOT_UID : APP_UID;
  const pm = facts.packageManager.value;
  return {
    versionArg: PYTHON_VERSION_ARG,
    builderFrom: withArg(plan.builderImage, plan.runtimeVersion),
    runtimeFrom: withArg(plan.runtimeImage, plan.runtimeVersion),
    distroless,
    venv: VENV,
    // distroless runs Debian's interpreter, reached as /usr/bin/python; the builder's lives in
    // /usr/local/bin. The venv records the path it was made with, so it is made through a link
    // at the runtime's path (https://github.com/GoogleContainerTools/distroless/blob/main/python3/README.md).
    linkInterpreter: distroless,
    venvPython: distroless ? '/usr/bin/python' : 'python',
    buildPackages: osPackagesView(distro, collectPackages(deps, 'build', distro)),
    runtimePackages: osPackagesView(distro, distroless ? [] : collectPackages(deps, 'runtime', distro)),
    uvImage: pm === 'uv' ? `ghcr.io/astral-sh/uv:${UV.version}` : null,
    uvPython: distroless ? '/usr/bin/python' : '/usr/local/bin/python',
    tools: steps.tools,
    cacheTarget: steps.cache,
    // The cache, plus each index credential as a secret variable for the install steps only.
    installMounts: [`--mount=type=cache,target=${steps.cache}`, ...facts.installSecrets.map((n) => `--mount=type=secret,id=${n},env=${n}`)].join(' '),
    // The manifests are copied ahead of the sources only when an install runs before them.
    installCopies: steps.before.length > 0 ? copyGroups(facts.installFiles) : [],
    installBefore: steps.before,
    installAfter: steps.after,
    collectstatic: facts.django?.collectstatic ? [`${VENV}/bin/python`, 'manage.py', 'collectstatic', '--noinput'] : null,
    env,
    createUser: { debian: !distroless && distro === 'debian', alpine: distro === 'alpine', uid },
    user: `${uid}:${uid}`,
    userNote: distroless ? 'the nonroot user of distroless' : 'an unprivileged user made for the app',
    entrypoint: plan.init === true || distroless ? [...initPrefix(plan, facts), ...(distroless ? [`${VENV}/bin/python`] : [])] : null,
    cmd: distroless ? distrolessArgs(argv) : argv,
  };
}
