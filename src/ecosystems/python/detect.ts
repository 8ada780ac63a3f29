// The Python detector: package manager, Python version, dependencies (with native ones
// classified), framework, start command and port, each with the file it came from.
import { UsageError, UserError } from '../../errors.js';
import type { DetectOptions } from '../../ecosystem.js';
import { normalizePackageName } from './knowledge/native.js';
import type { Project } from '../../project.js';
import type { Fact, PortSetting } from '../../types.js';
import { detectApp, type AppFacts } from './app.js';
import { envSetting, lineOf } from '../../detect/port.js';
import { PYTHON_SERVER_ENV } from './knowledge/servers.js';
import { checkIndexCredentials, otherRequirementsFiles } from './credentials.js';
import { readPdmLock, readPipfileLock, readPoetryLock, readUvLock } from './lockfiles.js';
import { classifyNative } from './native.js';
import { detectPythonVersion } from './python-version.js';
import { describeCaps, pythonCaps, withinCaps } from './python-support.js';
import { maintainedPythons } from './knowledge/versions.js';
import { today } from '../../knowledge/clock.js';
import { findRequirementsFile, readRequirements } from './requirements.js';
import { PYTHON_PACKAGE_MANAGERS, type PythonFacts, type PythonListen, type PythonPackage, type PythonPackageManager, type PythonServer } from './types.js';
import { pythonMarks } from './entry.js';

type Table = Record<string, unknown>;
const isTable = (value: unknown): value is Table => typeof value === 'object' && value !== null && !Array.isArray(value);
const table = (value: unknown): Table => (isTable(value) ? value : {});

/** Root files that mark a Python project. */
export const recognizesPython = pythonMarks.mayBe;

/** Which tool manages dependencies, judged by lockfiles first, then manifests. */
function detectPackageManager(project: Project, pyproject: Table | null, requested: string | undefined): Fact<PythonPackageManager> {
  if (requested !== undefined) {
    if (!(PYTHON_PACKAGE_MANAGERS as readonly string[]).includes(requested)) {
      throw new UsageError(`--package-manager ${requested} is not a Python package manager; use one of ${PYTHON_PACKAGE_MANAGERS.join(', ')}.`);
    }
    return { value: requested as PythonPackageManager, source: '--package-manager' };
  }
  const tool = table(pyproject?.tool);
  if (project.isFile('uv.lock')) return { value: 'uv', source: 'uv.lock' };
  if (project.isFile('poetry.lock')) return { value: 'poetry', source: 'poetry.lock' };
  if (project.isFile('pdm.lock')) return { value: 'pdm', source: 'pdm.lock' };
  if (project.isFile('Pipfile.lock')) return { value: 'pipenv', source: 'Pipfile.lock' };
  if (project.isFile('Pipfile')) return { value: 'pipenv', source: 'Pipfile' };
  if (isTable(tool.poetry)) return { value: 'poetry', source: 'pyproject.toml [tool.poetry]' };
  if (isTable(tool.pdm)) return { value: 'pdm', source: 'pyproject.toml [tool.pdm]' };
  const requirements = findRequirementsFile(project);
  if (requirements) return { value: 'pip', source: requirements };
  if (isTable(pyproject?.project)) return { value: 'pip', source: 'pyproject.toml [project]' };
  return { value: 'pip', source: 'default (no dependency manifest: standard library only)' };
}

/** Names in a PEP 508 list: "fastapi[standard]>=0.110; python_version>'3.8'" -> "fastapi". */
function pep508Names(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list
    .map((item) => /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(String(item))?.[1])
    .filter((n): n is string => n !== undefined)
    .map(normalizePackageName);
}

function directDependencies(pyproject: Table | null, pipfile: Table | null): string[] {
  const project = table(pyproject?.project);
  const poetry = table(table(pyproject?.tool).poetry);
  return [
    ...pep508Names(project.dependencies),
    ...Object.keys(table(poetry.dependencies)).filter((n) => n !== 'python').map(normalizePackageName),
    ...Object.keys(table(pipfile?.packages)).map(normalizePackageName),
  ];
}

function requireLock(project: Project, file: string, manager: string, command: string): void {
  // Something that is there but not a file (a folder, a FIFO) is named as such, not as missing.
  if (project.exists(file) && !project.isFile(file)) project.readText(file);
  if (!project.isFile(file)) {
    throw new UserError(`This is a ${manager} project but ${file} is missing, so the image cannot install the locked dependencies. Run \`${command}\`, commit ${file}, and run again.`);
  }
}

/** Servers that make an extra a production one. */
const SERVER_PACKAGES = ['gunicorn', 'uvicorn', 'uwsgi', 'waitress', 'hypercorn', 'daphne'];
/** Extra names that mean "what production installs". */
const PRODUCTION_EXTRA = /^(prod|production|deploy|deployment|server|serve|web|wsgi|asgi)$/i;

/**
 * Extras of the project itself that production installs: one named like `prod` that holds a
 * server, when the main dependencies hold none ([project.optional-dependencies] or Poetry extras).
 */
function productionExtras(pyproject: Table | null): string[] {
  const project = table(pyproject?.project);
  const poetry = table(table(pyproject?.tool).poetry);
  const main = [...pep508Names(project.dependencies), ...Object.keys(table(poetry.dependencies)).map(normalizePackageName)];
  if (main.some((n) => SERVER_PACKAGES.includes(n))) return [];
  const extras = { ...table(poetry.extras), ...table(project['optional-dependencies']) };
  return Object.entries(extras)
    .filter(([name, list]) => PRODUCTION_EXTRA.test(name) && pep508Names(list).some((n) => SERVER_PACKAGES.includes(n)))
    .map(([name]) => name)
    .slice(0, 1);
}

export function detectPython(project: Project, options: DetectOptions): PythonFacts {
  const warnings: string[] = [];
  const pyproject = project.readToml('pyproject.toml');
  const pipfile = project.readToml('Pipfile');
  const packageManager = detectPackageManager(project, pyproject, options.packageManager);
  let installExtras = productionExtras(pyproject);

  let packages: PythonPackage[] = [];
  let lockfile: string | null = null;
  let installFiles: string[] = [];
  let requirementsFile: string | null = null;
  let lockPython: { constraint: string; file: string } | null = null;
  let installFromSources = false;

  switch (packageManager.value) {
    case 'uv': {
      requireLock(project, 'uv.lock', 'uv', 'uv lock');
      const lock = readUvLock(project, 'uv.lock', installExtras);
      packages = lock.packages;
      lockfile = 'uv.lock';
      installFiles = ['pyproject.toml', 'uv.lock'];
      if (lock.requiresPython) lockPython = { constraint: lock.requiresPython, file: 'uv.lock' };
      break;
    }
    case 'poetry': {
      requireLock(project, 'poetry.lock', 'Poetry', 'poetry lock');
      const lock = readPoetryLock(project);
      packages = lock.packages;
      lockfile = 'poetry.lock';
      installFiles = ['pyproject.toml', 'poetry.lock'];
      if (lock.pythonVersions) lockPython = { constraint: lock.pythonVersions, file: 'poetry.lock' };
      break;
    }
    case 'pdm': {
      installExtras = [];
      requireLock(project, 'pdm.lock', 'PDM', 'pdm lock');
      const lock = readPdmLock(project);
      packages = lock.packages;
      lockfile = 'pdm.lock';
      installFiles = ['pyproject.toml', 'pdm.lock'];
      if (lock.requiresPython) lockPython = { constraint: lock.requiresPython, file: 'pdm.lock' };
      break;
    }
    case 'pipenv': {
      installExtras = [];
      requireLock(project, 'Pipfile.lock', 'Pipenv', 'pipenv lock');
      const lock = readPipfileLock(project);
      packages = lock.packages;
      lockfile = 'Pipfile.lock';
      installFiles = ['Pipfile', 'Pipfile.lock'];
      break;
    }
    case 'pip': {
      requirementsFile = findRequirementsFile(project);
      if (requirementsFile) installExtras = [];
      if (requirementsFile) {
        const requirements = readRequirements(project, requirementsFile);
        packages = requirements.packages;
        installFiles = requirements.files;
        installFromSources = requirements.needsSources;
        const loose = packages.filter((p) => p.version === null).map((p) => p.name);
        if (loose.length > 0) {
          const shown = loose.length > 12 ? `${loose.slice(0, 10).join(', ')} and ${loose.length - 10} more` : loose.join(', ');
          warnings.push(`${requirementsFile} does not pin ${shown} with ==, so two builds may install different versions; pin them (pip freeze, pip-compile or uv pip compile).`);
        }
      } else if (isTable(pyproject?.project)) {
        const extraLists = installExtras.map((e) => table(table(pyproject.project)['optional-dependencies'])[e]);
        packages = [...pep508Names(table(pyproject.project).dependencies), ...extraLists.flatMap(pep508Names)].map((name) => ({ name, version: null, wheels: [] }));
        installFiles = ['pyproject.toml'];
        installFromSources = true;
        warnings.push('pyproject.toml has no lockfile next to it, so the image installs whatever versions are newest at build time; lock them (uv lock, pdm lock, or a pinned requirements.txt).');
      }
      break;
    }
  }

  // The image copies these files (the whole project, for the final stage): a credential in an
  // index URL is refused, and variables an index URL reads are named, since the build must get them.
  const credentialFiles = [...new Set([...installFiles, 'pyproject.toml', 'Pipfile', 'uv.toml', 'poetry.toml', ...otherRequirementsFiles(project)])];
  const installSecrets = new Set<string>();
  for (const { file, names } of checkIndexCredentials(project, credentialFiles)) {
    for (const name of names) installSecrets.add(name);
    warnings.push(
      `${file} reads ${names.map((n) => `\${${n}}`).join(', ')} in a package-index URL; the install step reads ${names.length > 1 ? 'them' : 'it'} as build secrets: ` +
        `build with ${names.map((n) => `\`--secret id=${n},env=${n}\``).join(' ')} (README "Registry credentials").`,
    );
  }

  // The lock covers the whole tree; the manifests name what the project imports directly.
  const direct = new Set([...directDependencies(pyproject, pipfile), ...installExtras.flatMap((e) => pep508Names(table(table(pyproject?.project)['optional-dependencies'])[e]).concat(pep508Names(table(table(table(pyproject?.tool).poetry).extras)[e])))]);
  // A set, not packages.some() per name: both lists can be long, and the product was quadratic.
  const installed = new Set(packages.map((p) => p.name));
  for (const name of direct) {
    if (lockfile === null && !installed.has(name)) {
      packages.push({ name, version: null, wheels: [] });
      installed.add(name);
    }
  }

  const runtime = detectPythonVersion(project, { pyproject, pipfile, lock: lockPython }, warnings);
  // Locked packages that allow only end-of-life minors: say which to upgrade (the version itself
  // is chosen, and warned about, by the planner and the shared end-of-life check).
  const caps = runtime.pinned ? [] : pythonCaps(packages);
  const maintained = maintainedPythons(today());
  if (caps.length > 0 && maintained.length > 0 && withinCaps(maintained, caps).length === 0) {
    warnings.push(`${describeCaps(caps)[0]!.toUpperCase()}${describeCaps(caps).slice(1)}, and every maintained Python (${maintained.join(', ')}) is newer: upgrade ${caps.filter((c) => c.max === caps[0]!.max).map((c) => c.name).join(', ')} to move to a maintained Python.`);
  }

  const projectTable = table(pyproject?.project);
  const poetryTable = table(table(pyproject?.tool).poetry);
  const scriptTable = { ...table(poetryTable.scripts), ...table(projectTable.scripts) };
  const scripts = Object.keys(scriptTable);
  const scriptTargets = Object.fromEntries(Object.entries(scriptTable).filter(([, v]) => typeof v === 'string') as Array<[string, string]>);
  const projectName = typeof projectTable.name === 'string' ? projectTable.name : typeof poetryTable.name === 'string' ? poetryTable.name : null;
  const app = detectApp(project, { installed, direct, scripts, scriptTargets, projectName }, warnings);

  const nativeSource = lockfile ?? requirementsFile ?? 'pyproject.toml';
  // A server the image adds is installed like a dependency, and classified like one.
  const addedServer = app.addedServer ? { name: app.addedServer.name, version: app.addedServer.version } : null;
  return {
    language: 'python',
    packageManager,
    framework: app.framework,
    runtime,
    port: app.port,
    portSetting: pythonPortSetting(project, app),
    start: app.start,
    nativeDependencies: [...classifyNative(packages, nativeSource), ...(addedServer ? classifyNative([{ ...addedServer, wheels: [] }], 'added by this tool') : [])].sort((a, b) => a.name.localeCompare(b.name)),
    dependencies: [...new Set(packages.map((p) => normalizePackageName(p.name)))].sort().map((name) => ({ registry: 'pypi', name, source: nativeSource })),
    warnings,
    installSecrets: [...installSecrets].sort(),
    lockfile,
    installFiles,
    requirementsFile,
    installProject: installFromSources || app.needsProjectInstall,
    installExtras,
    packages: [...packages].sort((a, b) => a.name.localeCompare(b.name)),
    server: app.server,
    addedServer,
    listen: app.listen ?? 'server',
    django: app.django,
  };
}

/** A server's own way to its port: its config file (fixed), a variable that file reads, or the server's variables; null for a server that takes it as an argument, or none. */
export function serverPortSetting(server: PythonServer, listen: PythonListen, portSource: string): PortSetting | null {
  if (listen === 'config') return { kind: 'fixed', where: portSource };
  if (typeof listen === 'object') return { kind: 'env', env: { [listen.variable]: '{port}' }, default: null, always: true, where: `${portSource.split(' ')[0]} reads $(${listen.variable})` };
  if (server === null) return null;
  const env = PYTHON_SERVER_ENV[server].env('{port}');
  if (Object.keys(env).length === 0) return null;
  return { kind: 'env', env, default: null, always: true, where: `${server} reads its address from ${Object.keys(env).join(', ')} (${PYTHON_SERVER_ENV[server].source})` };
}

/**
 * How the Python app is told its port (the port rule, src/detect/port.ts): a server through its
 * own variables (always set: they carry the host too), a port argument the start command holds
 * (waitress --port=8080, runserver 0.0.0.0:8000), the PORT variable the code reads, or a literal.
 */
function pythonPortSetting(project: Project, app: AppFacts): PortSetting {
  const port = app.port.value;
  const served = serverPortSetting(app.server, app.listen ?? 'server', app.port.source);
  if (served !== null) return served;
  if (port === null) return { kind: 'unknown' };
  const argv = app.start.value.kind === 'exec' ? app.start.value.argv : [];
  const argument = argv.find((a) => new RegExp(`^(?:--port=|0\\.0\\.0\\.0:)${port}$`).test(a));
  if (argument !== undefined) return { kind: 'argument', format: argument.replace(String(port), '{port}'), replaces: argument, default: null, where: `the start command passes ${argument}` };
  // The code: the file the port came from, unless it came from a default no file names.
  const file = app.port.source;
  const text = project.isFile(file) ? project.readText(file) : null;
  if (text === null) return { kind: 'fixed', where: `${app.port.source} (nothing in the code moves it)` };
  const env = /(?:getenv|environ\.get)\(\s*["']PORT["']|environ\[\s*["']PORT["']\s*\]/.exec(text);
  if (env) return envSetting('PORT', port, `${lineOf(file, text, env.index)} reads PORT, default ${port}`);
  const literal = new RegExp(`\\b${port}\\b`).exec(text);
  return { kind: 'fixed', where: literal ? `${lineOf(file, text, literal.index)} (${port})` : file };
}
