// How a Python app starts: the framework (from the dependencies), the app object (from the
// code: `app = FastAPI()` in app/main.py is `app.main:app`), the server command and the port.
// Each question is a small function over the project's files; the answers carry their source.
import type { Project } from '../../project.js';
import type { Fact, StartCommand } from '../../types.js';
import type { PythonServer } from './types.js';

export interface AppFacts {
  framework: Fact<string | null>;
  start: Fact<StartCommand>;
  port: Fact<number | null>;
  server: PythonServer;
  /** The start command runs an installed entry point, so the project must be installed into the venv. */
  needsProjectInstall: boolean;
  django: { settingsModule: string | null; collectstatic: boolean } | null;
}

export interface AppInputs {
  /** Runtime packages (direct and locked), PEP 503 names. */
  installed: Set<string>;
  /** Direct dependencies from the manifests, PEP 503 names (empty when unknown). */
  direct: Set<string>;
  /** [project.scripts] / [tool.poetry.scripts] names. */
  scripts: string[];
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

/** The first file defining `<name> = <Constructor>(`, with the variable name. */
function findAppObject(project: Project, files: string[], constructor: string): { file: string; variable: string } | null {
  const pattern = new RegExp(`^([A-Za-z_][A-Za-z0-9_]*)\\s*(?::\\s*[A-Za-z_.]+\\s*)?=\\s*(?:[A-Za-z_]+\\.)?${constructor}\\(`, 'm');
  for (const file of files) {
    const match = pattern.exec(project.readText(file) ?? '');
    if (match) return { file, variable: match[1] as string };
  }
  return null;
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

function codePort(project: Project, file: string, fallback: number, fallbackSource: string): Fact<number> {
  const port = portInCode(project.readText(file) ?? '');
  return port !== null ? { value: port, source: file } : { value: fallback, source: fallbackSource };
}

function asgiStart(app: string, appDir: string | null, inputs: AppInputs, warnings: string[]): { argv: string[]; server: PythonServer } {
  if (inputs.installed.has('gunicorn')) {
    // uvicorn.workers is deprecated in favour of the uvicorn-worker package (uvicorn 0.30 notes).
    const worker = inputs.installed.has('uvicorn-worker') ? 'uvicorn_worker.UvicornWorker' : 'uvicorn.workers.UvicornWorker';
    return { argv: ['python', '-m', 'gunicorn', app, '--worker-class', worker, ...(appDir ? ['--chdir', appDir] : [])], server: 'gunicorn' };
  }
  if (!inputs.installed.has('uvicorn')) {
    warnings.push('uvicorn is not among the dependencies, but the start command runs it; add uvicorn (or fastapi[standard]) to the dependencies.');
  }
  return { argv: ['python', '-m', 'uvicorn', app, ...(appDir ? ['--app-dir', appDir] : [])], server: 'uvicorn' };
}

function pick(inputs: AppInputs, name: string): boolean {
  return inputs.direct.size > 0 ? inputs.direct.has(name) : inputs.installed.has(name);
}

export function detectApp(project: Project, inputs: AppInputs, warnings: string[]): AppFacts {
  const files = sourceFiles(project);
  const none = { needsProjectInstall: false, django: null };

  if (pick(inputs, 'django') && project.isFile('manage.py')) return detectDjango(project, inputs, warnings);

  for (const [framework, constructor] of [['fastapi', 'FastAPI'], ['starlette', 'Starlette']] as const) {
    if (!pick(inputs, framework)) continue;
    const found = findAppObject(project, files, constructor);
    if (!found) {
      warnings.push(`${framework} is a dependency, but no \`app = ${constructor}()\` was found in the code; pass --cmd with the start command.`);
      continue;
    }
    const { module, appDir } = moduleOf(found.file);
    const { argv, server } = asgiStart(`${module}:${found.variable}`, appDir, inputs, warnings);
    return {
      ...none,
      framework: { value: framework, source: `${framework} in the dependencies` },
      start: { value: exec(argv), source: `\`${found.variable} = ${constructor}()\` in ${found.file}` },
      port: codePort(project, found.file, DEFAULT_PORTS.uvicorn, `${server} default`),
      server,
    };
  }

  if (pick(inputs, 'flask')) {
    const found = findAppObject(project, files, 'Flask');
    const factory = found ? null : findFileWith(project, files, /^def create_app\(/m);
    if (found || factory) {
      const { module, appDir } = moduleOf((found?.file ?? factory) as string);
      const target = found ? `${module}:${found.variable}` : `${module}:create_app()`;
      const file = (found?.file ?? factory) as string;
      const source = found ? `\`${found.variable} = Flask()\` in ${file}` : `create_app() in ${file}`;
      if (inputs.installed.has('gunicorn')) {
        return {
          ...none,
          framework: { value: 'flask', source: 'flask in the dependencies' },
          start: { value: exec(['python', '-m', 'gunicorn', target, ...(appDir ? ['--chdir', appDir] : [])]), source },
          port: codePort(project, file, DEFAULT_PORTS.gunicorn, 'gunicorn default'),
          server: 'gunicorn',
        };
      }
      warnings.push("gunicorn is not among the dependencies, so the image runs Flask's development server; add gunicorn for production.");
      return {
        ...none,
        framework: { value: 'flask', source: 'flask in the dependencies' },
        start: { value: exec(['python', '-m', 'flask', '--app', appDir ? `${appDir}/${file.slice(appDir.length + 1)}` : target, 'run']), source },
        port: codePort(project, file, DEFAULT_PORTS.flask, 'Flask development server default'),
        server: 'flask',
      };
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
    const file = preferred ?? findFileWith(project, files, /^\s*import streamlit|^\s*from streamlit\b/m);
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

function detectDjango(project: Project, inputs: AppInputs, warnings: string[]): AppFacts {
  const manage = project.readText('manage.py') ?? '';
  const settingsModule = /DJANGO_SETTINGS_MODULE["']\s*,\s*["']([\w.]+)["']/.exec(manage)?.[1] ?? null;
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
  const application = wsgi?.match?.[1] ?? (settingsModule ? `${settingsModule.split('.')[0]}.wsgi.application` : null);
  const django = { settingsModule, collectstatic: staticRoot !== undefined };
  const framework: Fact<string | null> = { value: 'django', source: 'django in the dependencies and manage.py' };
  if (application === null) {
    warnings.push('manage.py does not set DJANGO_SETTINGS_MODULE and no WSGI_APPLICATION was found; pass --cmd with the start command.');
  }
  const target = application ? application.replace(/\.([^.]+)$/, ':$1') : 'wsgi:application';
  const source = wsgi ? `WSGI_APPLICATION in ${wsgi.file}` : 'manage.py';
  if (inputs.installed.has('gunicorn')) {
    return {
      framework, django, server: 'gunicorn', needsProjectInstall: false,
      start: { value: exec(['python', '-m', 'gunicorn', target]), source },
      port: { value: DEFAULT_PORTS.django, source: 'gunicorn default' },
    };
  }
  warnings.push("gunicorn is not among the dependencies, so the image runs Django's development server (runserver); add gunicorn for production.");
  return {
    framework, django, server: 'django-runserver', needsProjectInstall: false,
    start: { value: exec(['python', 'manage.py', 'runserver', '--noreload', `0.0.0.0:${DEFAULT_PORTS.django}`]), source: 'manage.py' },
    port: { value: DEFAULT_PORTS.django, source: 'Django runserver default' },
  };
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
