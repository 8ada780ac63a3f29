// How a Python app starts: the framework (from the dependencies), the app object (from the
// code: `app = FastAPI()` in app/main.py is `app.main:app`), the server command and the port.
// Each question is a small function over the project's files; the answers carry their source.
import type { Project } from '../../project.js';
import type { Fact, StartCommand } from '../../types.js';
import { ADDED_SERVERS, type AddedServer } from './knowledge/servers.js';
import { readGunicornConfig, readUwsgiConfig, type GunicornConfig, type UwsgiConfig } from './server-config.js';
import type { PythonListen, PythonServer } from './types.js';

export interface AppFacts {
  framework: Fact<string | null>;
  start: Fact<StartCommand>;
  port: Fact<number | null>;
  server: PythonServer;
  /** The start command runs an installed entry point, so the project must be installed into the venv. */
  needsProjectInstall: boolean;
  django: { settingsModule: string | null; collectstatic: boolean } | null;
  /** A production server the image installs because the dependencies have none. */
  addedServer?: AddedServer | null;
  /** How the server is told its port, when not by its own environment variables. */
  listen?: PythonListen;
}

export interface AppInputs {
  /** Runtime packages (direct and locked), PEP 503 names. */
  installed: Set<string>;
  /** Direct dependencies from the manifests, PEP 503 names (empty when unknown). */
  direct: Set<string>;
  /** [project.scripts] / [tool.poetry.scripts] names. */
  scripts: string[];
  /** Each script's `module:function` target, when it is a string. */
  scriptTargets?: Record<string, string>;
  projectName: string | null;
}

/** Default ports: uvicorn and gunicorn 8000, Flask's server 5000, aiohttp 8080, Streamlit 8501, Django 8000. */
const DEFAULT_PORTS = { uvicorn: 8000, gunicorn: 8000, flask: 5000, aiohttp: 8080, streamlit: 8501, django: 8000 } as const;

const isTest = (file: string) => /(^|\/)(tests?|testing)\//.test(file) || /(^|\/)(test_[^/]*|[^/]*_test|conftest)\.py$/.test(file);

/** Project .py files outside tests, shallow and conventional names first. */
function sourceFiles(project: Project): string[] {
  const preferred = ['main.py', 'app.py', 'server.py', 'asgi.py', 'wsgi.py', 'api.py', 'application.py'];
  const rank = (file: string) => {
    const name = file.split('/').pop() ?? '';
    const i = preferred.indexOf(name);
    return file.split('/').length * 10 + (i < 0 ? preferred.length : i);
  };
  return project
    .find({ extensions: ['.py'], maxDepth: 3, maxFiles: 300 })
    .filter((f) => !isTest(f))
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** "src/app/main.py" -> { module: "app.main", appDir: "src" }. */
function moduleOf(file: string): { module: string; appDir: string | null } {
  const withoutExt = file.replace(/\.py$/, '').replace(/\/__init__$/, '');
  if (withoutExt.startsWith('src/')) return { module: withoutExt.slice(4).split('/').join('.'), appDir: 'src' };
  return { module: withoutExt.split('/').join('.'), appDir: null };
}

/** Function names that conventionally build the app (application factories). */
const FACTORY_NAMES = ['create_app', 'make_app', 'get_app', 'get_application', 'create_application', 'build_app', 'app_factory'];

/** Where the app object was found: `module:variable`, or `module:factory` when only a factory exists. */
interface FoundApp {
  file: string;
  module: string;
  appDir: string | null;
  /** The variable or factory function name. */
  name: string;
  factory: boolean;
  /** How it was found, for the start command's source. */
  how: string;
}

/** Top-level `def name(...)` blocks of a file, with their bodies (up to the next top-level line). */
function functions(text: string): Array<{ name: string; body: string }> {
  const out: Array<{ name: string; body: string }> = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const def = /^(?:async\s+)?def\s+([A-Za-z_]\w*)\s*\(/.exec(lines[i]!);
    if (!def) continue;
    let j = i + 1;
    while (j < lines.length && (lines[j] === '' || /^[\s#)]/.test(lines[j]!))) j++;
    out.push({ name: def[1] as string, body: lines.slice(i, j).join('\n') });
  }
  return out;
}

/** wsgi.py / asgi.py modules first: they exist to expose the app to a server. */
const entryModulesFirst = (files: string[]) =>
  [...files].sort((a, b) => Number(!/(^|\/)(wsgi|asgi)\.py$/.test(a)) - Number(!/(^|\/)(wsgi|asgi)\.py$/.test(b)));

function found(file: string, name: string, factory: boolean, how: string): FoundApp {
  const { module, appDir } = moduleOf(file);
  return { file, module, appDir, name, factory, how };
}

/**
 * The app object: `app = Flask(...)` at the top level of a module; else a factory (a function that
 * builds `Constructor(...)`, or a conventional name such as create_app) and the top-level
 * `app = create_app()` that calls it (in a wsgi.py/asgi.py first); else the factory alone.
 */
function findApp(project: Project, files: string[], constructor: string): FoundApp | null {
  const direct = new RegExp(`^([A-Za-z_][A-Za-z0-9_]*)\\s*(?::\\s*[A-Za-z_.]+\\s*)?=\\s*(?:[A-Za-z_]+\\.)?${constructor}\\(`, 'm');
  const factories: Array<{ file: string; name: string }> = [];
  for (const file of files) {
    const text = project.readText(file) ?? '';
    const match = direct.exec(text);
    if (match) return found(file, match[1] as string, false, `\`${match[1]} = ${constructor}()\` in ${file}`);
    for (const fn of functions(text)) {
      if (fn.body.includes(`${constructor}(`) || FACTORY_NAMES.includes(fn.name)) factories.push({ file, name: fn.name });
    }
  }
  if (factories.length === 0) return null;
  const names = [...new Set(factories.map((f) => f.name))].join('|');
  const call = new RegExp(`^([A-Za-z_][A-Za-z0-9_]*)\\s*(?::\\s*[A-Za-z_.]+\\s*)?=\\s*(?:[A-Za-z_][\\w.]*\\.)?(${names})\\(`, 'm');
  for (const file of entryModulesFirst(files)) {
    const match = call.exec(project.readText(file) ?? '');
    if (match) return found(file, match[1] as string, false, `\`${match[1]} = ${match[2]}()\` in ${file}`);
  }
  // A factory nobody calls: the server calls it (gunicorn 'mod:create_app()', uvicorn --factory).
  const preferred = factories.find((f) => FACTORY_NAMES.includes(f.name)) ?? factories[0]!;
  return found(preferred.file, preferred.name, true, `the application factory ${preferred.name}() in ${preferred.file}`);
}

function findFileWith(project: Project, files: string[], pattern: RegExp): string | null {
  return files.find((file) => pattern.test(project.readText(file) ?? '')) ?? null;
}

/** A port the code names: `port=8080`, `PORT = 8080`, `("0.0.0.0", 8080)`, `getenv("PORT", "8080")`. */
export function portInCode(text: string): number | null {
  const patterns = [
    /\bport\s*=\s*(\d{2,5})\b/i,
    /(?:getenv|environ\.get)\(\s*["']PORT["']\s*,\s*["']?(\d{2,5})/,
    /\(\s*["'][^"'\n]*["']\s*,\s*(\d{2,5})\s*\)/,
  ];
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    const port = match ? Number(match[1]) : NaN;
    if (port > 0 && port < 65536) return port;
  }
  return null;
}

const exec = (argv: string[]): StartCommand => ({ kind: 'exec', argv });

function pick(inputs: AppInputs, name: string): boolean {
  return inputs.direct.size > 0 ? inputs.direct.has(name) : inputs.installed.has(name);
}

/** A server the image runs: its start command, port and how it learns the port. */
interface Served {
  start: Fact<StartCommand>;
  port: Fact<number | null>;
  server: PythonServer;
  addedServer: AddedServer | null;
  listen: PythonListen;
}

/** The WSGI servers a project may depend on, in the order they are preferred. */
const WSGI_SERVERS = ['gunicorn', 'uwsgi', 'waitress'] as const;

/** `uvicorn.run("app.main:app", host=..., port=8080)` in a __main__ block: the author's port, and maybe the app. */
function uvicornRunCall(project: Project, files: string[]): { file: string; port: number | null; app: string | null } | null {
  for (const file of files) {
    const text = project.readText(file) ?? '';
    const at = text.search(/\buvicorn\.run\(/);
    if (at < 0) continue;
    const call = text.slice(at, at + 400).split(/\)\s*$/m)[0] ?? '';
    const port = /\bport\s*=\s*(\d{2,5})\b/.exec(call) ?? /(?:getenv|environ\.get)\(\s*["']PORT["']\s*,\s*["']?(\d{2,5})/.exec(call);
    const app = /uvicorn\.run\(\s*["']([\w.]+:[\w]+)["']/.exec(call);
    return { file, port: port ? Number(port[1]) : null, app: app ? (app[1] as string) : null };
  }
  return null;
}

/** The server's port from a config file's bind, or the server's default, saying which. */
function configPort(bind: { port: number | null; variable: string | null; problem: string | null } | null, file: string, fallback: number, server: string, warnings: string[]): Fact<number | null> {
  if (bind?.problem) {
    warnings.push(`${file} ${bind.problem}; the image serves HTTP on ${server}'s port ${fallback} instead.`);
    return { value: fallback, source: `${server} default (${file} binds a unix socket)` };
  }
  if (bind?.port != null) return { value: bind.port, source: `${file} bind` };
  if (bind?.variable) return { value: fallback, source: `${file} reads $${bind.variable}; ${server} default ${fallback} set in the image` };
  return { value: fallback, source: `${server} default` };
}

function added(name: keyof typeof ADDED_SERVERS, instead: string, warnings: string[]): AddedServer {
  const server = ADDED_SERVERS[name];
  warnings.push(`No production server is among the dependencies, so the image installs ${server.name}==${server.version} to serve the app instead of ${instead}; add a server to the dependencies to choose its version.`);
  return server;
}

/**
 * A WSGI app (`module:callable`, or `module:factory()` when `factory`) on the production server
 * the dependencies have, or gunicorn added when they have none. A uWSGI ini or a gunicorn
 * config in the project is the server's own configuration and is used as is.
 */
function wsgiServe(app: { module: string; name: string; factory: boolean; appDir: string | null } | null, source: string, inputs: AppInputs, configs: Configs, devServer: string, warnings: string[]): Served {
  const target = app ? `${app.module}:${app.name}${app.factory ? '()' : ''}` : null;
  if (configs.uwsgi) return uwsgiServe(configs.uwsgi, inputs, warnings);
  const installed = WSGI_SERVERS.find((s) => inputs.installed.has(s));
  if (installed === 'uwsgi' && target && !app?.factory) {
    return {
      start: { value: exec(['uwsgi', '--master', '--module', target, ...(app?.appDir ? ['--chdir', app.appDir] : [])]), source },
      port: { value: DEFAULT_PORTS.gunicorn, source: 'no uwsgi config names a port; 8000 set in the image' },
      server: 'uwsgi', addedServer: null, listen: 'server',
    };
  }
  if (installed === 'waitress' && target) {
    const call = app?.factory ? ['--call', `${app.module}:${app.name}`] : [target];
    return {
      start: { value: exec(['waitress-serve', '--port=8080', ...(app?.appDir ? [`--app-dir=${app.appDir}`] : []), ...call]), source },
      port: { value: 8080, source: 'waitress default' },
      server: 'waitress', addedServer: null, listen: 'server',
    };
  }
  const addedServer = installed ? null : added('gunicorn', devServer, warnings);
  const gunicorn = configs.gunicorn;
  const argv = ['python', '-m', 'gunicorn', ...(gunicorn ? ['-c', gunicorn.file] : []), ...(target ?? gunicorn?.app ? [target ?? gunicorn!.app!] : []), ...(app?.appDir ? ['--chdir', app.appDir] : [])];
  return {
    start: { value: exec(argv), source: gunicorn && !target ? `${gunicorn.file} wsgi_app` : source },
    port: configPort(gunicorn?.bind ?? null, gunicorn?.file ?? '', DEFAULT_PORTS.gunicorn, 'gunicorn', warnings),
    server: 'gunicorn', addedServer, listen: 'server',
  };
}

/** uWSGI with the project's ini: the ini says the app and, usually, the HTTP address. */
function uwsgiServe(config: UwsgiConfig, inputs: AppInputs, warnings: string[]): Served {
  const addedServer = inputs.installed.has('uwsgi') ? null : added('uwsgi', `the development server (${config.file} is a uWSGI config)`, warnings);
  const argv = ['uwsgi', '--ini', config.file];
  // The image keeps the app in /app; an absolute chdir elsewhere is the author's own layout.
  if (config.chdir !== null && config.chdir.startsWith('/') && config.chdir.replace(/\/$/, '') !== '/app') argv.push('--chdir', '/app');
  let listen: PythonListen = 'server';
  let port: Fact<number | null>;
  if (config.http?.problem) {
    port = configPort(config.http, config.file, DEFAULT_PORTS.gunicorn, 'uwsgi', warnings);
  } else if (config.http?.variable) {
    listen = { variable: config.http.variable };
    port = { value: config.http.port ?? DEFAULT_PORTS.gunicorn, source: `${config.file} http-socket reads $(${config.http.variable}); set to ${config.http.port ?? DEFAULT_PORTS.gunicorn} in the image` };
  } else if (config.http?.port != null) {
    listen = 'config';
    port = { value: config.http.port, source: `${config.file} http-socket` };
  } else {
    if (config.uwsgiSocket !== null) {
      warnings.push(`${config.file} sets socket = ${config.uwsgiSocket}, which speaks the uwsgi protocol to a front proxy, not HTTP; the image adds an HTTP socket on ${DEFAULT_PORTS.gunicorn}.`);
    }
    port = { value: DEFAULT_PORTS.gunicorn, source: `${config.file} sets no HTTP address; 8000 set in the image` };
  }
  return { start: { value: exec(argv), source: `${config.file} (module = ${config.app})` }, port, server: 'uwsgi', addedServer, listen };
}

function asgiServe(app: FoundApp | { module: string; name: string; factory: boolean; appDir: string | null }, source: string, inputs: AppInputs, configs: Configs, runCall: { file: string; port: number | null } | null, warnings: string[]): Served {
  const target = `${app.module}:${app.name}`;
  if (inputs.installed.has('gunicorn') && inputs.installed.has('uvicorn')) {
    // uvicorn.workers is deprecated in favour of the uvicorn-worker package (uvicorn 0.30 notes).
    const worker = inputs.installed.has('uvicorn-worker') ? 'uvicorn_worker.UvicornWorker' : 'uvicorn.workers.UvicornWorker';
    const gunicorn = configs.gunicorn;
    return {
      start: { value: exec(['python', '-m', 'gunicorn', ...(gunicorn ? ['-c', gunicorn.file] : []), `${target}${app.factory ? '()' : ''}`, '--worker-class', worker, ...(app.appDir ? ['--chdir', app.appDir] : [])]), source },
      port: configPort(gunicorn?.bind ?? null, gunicorn?.file ?? '', DEFAULT_PORTS.gunicorn, 'gunicorn', warnings),
      server: 'gunicorn', addedServer: null, listen: 'server',
    };
  }
  const addedServer = inputs.installed.has('uvicorn') ? null : added('uvicorn', 'nothing (an ASGI app needs a server)', warnings);
  return {
    start: { value: exec(['python', '-m', 'uvicorn', ...(app.factory ? ['--factory'] : []), target, ...(app.appDir ? ['--app-dir', app.appDir] : [])]), source },
    port: runCall?.port != null ? { value: runCall.port, source: `uvicorn.run(port=${runCall.port}) in ${runCall.file}` } : { value: DEFAULT_PORTS.uvicorn, source: 'uvicorn default' },
    server: 'uvicorn', addedServer, listen: 'server',
  };
}

/**
 * A [project.scripts] entry point whose function starts the server itself (uvicorn.run,
 * uvicorn.Server/Config): the project's own launcher, which applies its settings before serving.
 */
function serverLauncher(project: Project, inputs: AppInputs): { name: string; target: string; file: string; port: number | null } | null {
  const targets = inputs.scriptTargets ?? {};
  const names = Object.keys(targets).sort((a, b) => Number(b === inputs.projectName) - Number(a === inputs.projectName));
  for (const name of names) {
    const target = targets[name] as string;
    const module = target.split(':')[0]!.trim();
    const path = module.split('.').join('/');
    const file = [`${path}.py`, `${path}/__init__.py`, `src/${path}.py`, `src/${path}/__init__.py`].find((f) => project.isFile(f));
    if (!file) continue;
    const text = project.readText(file) ?? '';
    if (!/\buvicorn\.(run|Server|Config)\(/.test(text)) continue;
    const port = /\bport\s*=\s*(\d{2,5})\b/.exec(text);
    return { name, target, file, port: port ? Number(port[1]) : null };
  }
  return null;
}

interface Configs {
  uwsgi: UwsgiConfig | null;
  gunicorn: GunicornConfig | null;
}

export function detectApp(project: Project, inputs: AppInputs, warnings: string[]): AppFacts {
  const files = sourceFiles(project);
  const none = { needsProjectInstall: false, django: null };
  const configs: Configs = { uwsgi: readUwsgiConfig(project), gunicorn: readGunicornConfig(project) };

  if (pick(inputs, 'django') && project.isFile('manage.py')) return detectDjango(project, inputs, configs, warnings);

  const launcher = serverLauncher(project, inputs);
  for (const [framework, constructor] of [['fastapi', 'FastAPI'], ['starlette', 'Starlette']] as const) {
    if (!pick(inputs, framework)) continue;
    if (launcher) {
      return {
        ...none, needsProjectInstall: true, server: null, listen: 'server', addedServer: null,
        framework: { value: framework, source: `${framework} in the dependencies` },
        start: { value: exec([launcher.name]), source: `pyproject.toml [project.scripts] ${launcher.name} = "${launcher.target}", which starts uvicorn itself (${launcher.file})` },
        port: launcher.port !== null ? { value: launcher.port, source: launcher.file } : { value: null, source: `${launcher.file} starts the server with its own settings; no port found` },
      };
    }
    const runCall = uvicornRunCall(project, files);
    const app = findApp(project, files, constructor)
      ?? (runCall?.app ? { module: runCall.app.split(':')[0]!, name: runCall.app.split(':')[1]!, factory: false, appDir: null, how: `uvicorn.run("${runCall.app}") in ${runCall.file}` } : null);
    if (!app) {
      warnings.push(`${framework} is a dependency, but no \`app = ${constructor}()\` or application factory was found in the code; pass --cmd with the start command.`);
      continue;
    }
    const served = asgiServe(app, app.how, inputs, configs, runCall, warnings);
    return { ...none, ...served, framework: { value: framework, source: `${framework} in the dependencies` } };
  }

  if (pick(inputs, 'flask')) {
    const app = findApp(project, files, 'Flask');
    if (app || configs.uwsgi || configs.gunicorn?.app) {
      const served = wsgiServe(app, app?.how ?? 'server config', inputs, configs, "Flask's development server", warnings);
      return { ...none, ...served, framework: { value: 'flask', source: 'flask in the dependencies' } };
    }
    warnings.push('flask is a dependency, but no `app = Flask(__name__)` or create_app() was found; pass --cmd with the start command.');
  }

  if (pick(inputs, 'aiohttp')) {
    const file = findFileWith(project, files, /\brun_app\(/);
    if (file) {
      return {
        ...none,
        framework: { value: 'aiohttp', source: 'aiohttp in the dependencies' },
        start: { value: exec(['python', file]), source: `web.run_app() in ${file}` },
        port: codePort(project, file, DEFAULT_PORTS.aiohttp, 'aiohttp run_app default'),
        server: null,
      };
    }
  }

  if (pick(inputs, 'streamlit')) {
    const preferred = ['streamlit_app.py', 'app.py', 'main.py', 'Home.py'].find((f) => project.isFile(f));
    const file = preferred ?? findFileWith(project, files, /^[ \t]*import streamlit|^[ \t]*from streamlit\b/m);
    if (file) {
      return {
        ...none,
        framework: { value: 'streamlit', source: 'streamlit in the dependencies' },
        start: { value: exec(['python', '-m', 'streamlit', 'run', file]), source: file },
        port: { value: DEFAULT_PORTS.streamlit, source: 'streamlit default' },
        server: 'streamlit',
      };
    }
  }

  return detectPlainStart(project, files, inputs);
}

function codePort(project: Project, file: string, fallback: number, fallbackSource: string): Fact<number> {
  const port = portInCode(project.readText(file) ?? '');
  return port !== null ? { value: port, source: file } : { value: fallback, source: fallbackSource };
}

/** DJANGO_SETTINGS_MODULE as manage.py, or failing that a wsgi.py/asgi.py, sets it. */
function djangoSettingsModule(project: Project, files: string[]): { module: string; file: string } | null {
  // The same quote on both sides of the module name: `"x'; ...'"` is no module name.
  const pattern = /DJANGO_SETTINGS_MODULE["']\s*,\s*(["'])([\w.]+)\1/;
  for (const file of ['manage.py', ...files.filter((f) => /(^|\/)(wsgi|asgi)\.py$/.test(f))]) {
    const match = pattern.exec(project.readText(file) ?? '');
    if (match) return { module: match[2] as string, file };
  }
  return null;
}

function detectDjango(project: Project, inputs: AppInputs, configs: Configs, warnings: string[]): AppFacts {
  const files = sourceFiles(project);
  const settings = djangoSettingsModule(project, files);
  const settingsModule = settings?.module ?? null;
  const settingsFiles = settingsModule
    ? [`${settingsModule.replace(/\./g, '/')}.py`, `${settingsModule.replace(/\./g, '/')}/__init__.py`]
    : [];
  // Split settings (settings/base.py + production.py) keep the values in a sibling file.
  const siblings = settingsFiles.flatMap((f) => {
    const dir = f.split('/').slice(0, -1).join('/');
    return project.list(dir).filter((n) => n.endsWith('.py')).map((n) => `${dir}/${n}`);
  });
  const texts = [...settingsFiles, ...siblings].map((f) => ({ file: f, text: project.readText(f) })).filter((t) => t.text !== null) as Array<{ file: string; text: string }>;
  const wsgi = texts.map((t) => ({ file: t.file, match: /^WSGI_APPLICATION\s*=\s*["']([\w.]+)["']/m.exec(t.text) })).find((t) => t.match);
  const staticRoot = texts.find((t) => /^STATIC_ROOT\s*=\s*(?!None\b)\S/m.test(t.text));
  // The project package: the settings module's first part, else the folder holding wsgi.py.
  const wsgiFile = files.find((f) => /^[A-Za-z_]\w*\/wsgi\.py$/.test(f)) ?? null;
  const projectPackage = settingsModule?.split('.')[0] ?? wsgiFile?.split('/')[0] ?? null;
  const application = wsgi?.match?.[1] ?? (projectPackage ? `${projectPackage}.wsgi.application` : null);
  const django = { settingsModule, collectstatic: staticRoot !== undefined };
  const framework: Fact<string | null> = { value: 'django', source: 'django in the dependencies and manage.py' };
  const base = { framework, django, needsProjectInstall: false };
  if (application === null && !configs.uwsgi) {
    warnings.push('manage.py does not set DJANGO_SETTINGS_MODULE and no WSGI_APPLICATION or <project>/wsgi.py was found; pass --cmd with the start command.');
    return {
      ...base, server: 'django-runserver',
      start: { value: exec(['python', 'manage.py', 'runserver', '--noreload', `0.0.0.0:${DEFAULT_PORTS.django}`]), source: 'manage.py' },
      port: { value: DEFAULT_PORTS.django, source: 'Django runserver default' },
    };
  }
  const source = wsgi ? `WSGI_APPLICATION in ${wsgi.file}` : settings ? `DJANGO_SETTINGS_MODULE in ${settings.file}` : `${wsgiFile}`;
  const [module, callable] = application ? [application.replace(/\.[^.]+$/, ''), application.replace(/^.*\./, '')] : ['', ''];
  const app = application ? { module, name: callable, factory: false, appDir: null } : null;
  // An ASGI-only project (uvicorn, no WSGI server) serves <project>/asgi.py.
  const asgiFile = projectPackage ? `${projectPackage}/asgi.py` : null;
  if (!configs.uwsgi && !WSGI_SERVERS.some((s) => inputs.installed.has(s)) && inputs.installed.has('uvicorn') && asgiFile && project.isFile(asgiFile)) {
    const served = asgiServe({ module: `${projectPackage}.asgi`, name: 'application', factory: false, appDir: null }, asgiFile, inputs, configs, null, warnings);
    return { ...base, ...served };
  }
  return { ...base, ...wsgiServe(app, source, inputs, configs, "Django's development server (manage.py runserver)", warnings) };
}

/** No web framework: an entry point, `python -m package`, or a plain script. */
function detectPlainStart(project: Project, files: string[], inputs: AppInputs): AppFacts {
  const none = { framework: { value: null, source: 'no web framework among the dependencies' }, server: null, django: null };
  if (inputs.scripts.length > 0) {
    const name = inputs.scripts.find((s) => s === inputs.projectName) ?? inputs.scripts[0] as string;
    return {
      ...none,
      needsProjectInstall: true,
      // The source names the file, so a refused script name says where to fix it.
      start: { value: exec([name]), source: `pyproject.toml [project.scripts] ${name}` },
      port: { value: null, source: 'an entry point names no port' },
    };
  }
  const mainPackage = files.find((f) => /^(src\/)?[A-Za-z_][A-Za-z0-9_]*\/__main__\.py$/.test(f));
  if (mainPackage) {
    const { module, appDir } = moduleOf(mainPackage.replace(/\/__main__\.py$/, '.py'));
    const text = project.readText(mainPackage) ?? '';
    return {
      ...none,
      needsProjectInstall: appDir !== null,
      start: { value: exec(['python', '-m', module]), source: mainPackage },
      port: portFact(portInCode(text), mainPackage),
    };
  }
  const script = ['main.py', 'app.py', 'server.py', 'run.py', '__main__.py'].find((f) => project.isFile(f))
    ?? files.find((f) => !f.includes('/') && /^if __name__ == ["']__main__["']/m.test(project.readText(f) ?? ''));
  if (script) {
    return {
      ...none,
      needsProjectInstall: false,
      start: { value: exec(['python', script]), source: script },
      port: portFact(portInCode(project.readText(script) ?? ''), script),
    };
  }
  return {
    ...none,
    needsProjectInstall: false,
    start: { value: exec([]), source: 'not found' },
    port: { value: null, source: 'not found' },
  };
}

function portFact(port: number | null, file: string): Fact<number | null> {
  return port === null ? { value: null, source: `no port found in ${file}` } : { value: port, source: file };
}
