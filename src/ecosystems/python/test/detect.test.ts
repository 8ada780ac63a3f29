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

describe('development servers are not the production start', () => {
  const argv = (facts: ReturnType<typeof detectPython>) => (facts.start.value.kind === 'exec' ? facts.start.value.argv : []);

  it('adds gunicorn (pinned, with a warning) when Flask has no production server, and serves the wsgi.py callable', () => {
    const facts = detectPython(project({
      'requirements.txt': 'flask==3.1.1\n',
      'forum/app.py': 'from flask import Flask\n\ndef create_app(config=None):\n    app = Flask("forum")\n    return app\n',
      'wsgi.py': 'from forum.app import create_app\n\nforum = create_app(config="forum.cfg")\n',
    }), {});
    expect(argv(facts)).toEqual(['python', '-m', 'gunicorn', 'wsgi:forum']);
    expect(facts.server).toBe('gunicorn');
    expect(facts.addedServer).toEqual({ name: 'gunicorn', version: '23.0.0' });
    expect(facts.port).toEqual({ value: 8000, source: 'gunicorn default' });
    expect(facts.warnings.join(' ')).toMatch(/installs gunicorn==23.0.0 .* instead of Flask's development server/);
  });

  it('serves Django on the WSGI server among its dependencies, not runserver', () => {
    const facts = detectPython(project({
      'requirements.txt': 'Django==5.2.8\nwaitress==3.0.2\n',
      'manage.py': 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_cfg.settings")\n',
      'site_cfg/settings.py': 'DEBUG = False\n',
      'site_cfg/wsgi.py': 'application = get_wsgi_application()\n',
    }), {});
    expect(argv(facts)).toEqual(['waitress-serve', '--port=8080', 'site_cfg.wsgi:application']);
    expect(facts.port.value).toBe(8080);
    expect(facts.addedServer).toBeNull();
  });

  it('serves an ASGI-only Django project (uvicorn, no WSGI server) from asgi.py', () => {
    const facts = detectPython(project({
      'requirements.txt': 'Django==5.2.8\nuvicorn==0.34.2\n',
      'manage.py': 'os.environ.setdefault("DJANGO_SETTINGS_MODULE", "proj.settings")\n',
      'proj/settings.py': '', 'proj/asgi.py': 'application = get_asgi_application()\n', 'proj/wsgi.py': '',
    }), {});
    expect(argv(facts)).toEqual(['python', '-m', 'uvicorn', 'proj.asgi:application']);
  });

  it('reads DJANGO_SETTINGS_MODULE from wsgi.py when manage.py does not set it', () => {
    const facts = detectPython(project({
      'requirements.txt': 'Django==5.2.8\ngunicorn==23.0.0\n',
      'manage.py': 'import sys\n',
      'conf/settings.py': 'STATIC_ROOT = "static"\n',
      'conf/wsgi.py': 'os.environ.setdefault("DJANGO_SETTINGS_MODULE", "conf.settings")\napplication = get_wsgi_application()\n',
    }), {});
    expect(facts.django).toEqual({ settingsModule: 'conf.settings', collectstatic: true });
    expect(argv(facts)).toEqual(['python', '-m', 'gunicorn', 'conf.wsgi:application']);
  });
});

describe('the servers\' own config files', () => {
  const argv = (facts: ReturnType<typeof detectPython>) => (facts.start.value.kind === 'exec' ? facts.start.value.argv : []);
  const django = {
    'manage.py': 'os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings")\n',
    'shop/settings.py': '', 'shop/wsgi.py': 'application = get_wsgi_application()\n',
  };

  it('runs uWSGI with the ini that names the module, its http-socket the port', () => {
    const facts = detectPython(project({ ...django, 'requirements.txt': 'Django==5.2.8\nuWSGI==2.0.28\n', 'deploy/uwsgi.ini': '[uwsgi]\nhttp-socket = :9000\nmodule = shop.wsgi:application\nmaster = true\n' }), {});
    expect(argv(facts)).toEqual(['uwsgi', '--ini', 'deploy/uwsgi.ini']);
    expect(facts.port).toEqual({ value: 9000, source: 'deploy/uwsgi.ini http-socket' });
    expect(facts.listen).toBe('config');
  });

  it('sets the variable a uWSGI ini reads for its port, and adds uwsgi when only its config says how it is served', () => {
    const facts = detectPython(project({ ...django, 'requirements.txt': 'Django==5.2.8\n', 'etc/uwsgi.ini': '[uwsgi]\nhttp-socket=:$(PORT)\nwsgi-file=shop/wsgi.py\nchdir = /srv/shop\n' }), {});
    expect(argv(facts)).toEqual(['uwsgi', '--ini', 'etc/uwsgi.ini', '--chdir', '/app']);
    expect(facts.listen).toEqual({ variable: 'PORT' });
    expect(facts.addedServer).toEqual({ name: 'uwsgi', version: '2.0.28' });
    expect(facts.nativeDependencies.map((d) => d.name)).toContain('uwsgi');
  });

  it('says a uwsgi-protocol socket is not an HTTP port', () => {
    const facts = detectPython(project({ ...django, 'requirements.txt': 'Django==5.2.8\nuwsgi==2.0.28\n', 'uwsgi.ini': '[uwsgi]\nsocket = :3031\nmodule = shop.wsgi\n' }), {});
    expect(facts.listen).toBe('server');
    expect(facts.warnings.join(' ')).toMatch(/socket = :3031, which speaks the uwsgi protocol/);
  });

  it('passes the gunicorn config and takes its bind as the port', () => {
    const facts = detectPython(project({ ...django, 'requirements.txt': 'Django==5.2.8\ngunicorn==23.0.0\n', 'gunicorn.conf.py': 'bind = "0.0.0.0:5005"\nworkers = 3\n' }), {});
    expect(argv(facts)).toEqual(['python', '-m', 'gunicorn', '-c', 'gunicorn.conf.py', 'shop.wsgi:application']);
    expect(facts.port).toEqual({ value: 5005, source: 'gunicorn.conf.py bind' });
  });

  it('says a unix-socket bind is not a port and serves on the default', () => {
    const facts = detectPython(project({ ...django, 'requirements.txt': 'Django==5.2.8\ngunicorn==23.0.0\n', 'gunicorn.conf': "bind = 'unix:/run/app.sock'\n" }), {});
    expect(facts.port.value).toBe(8000);
    expect(facts.warnings.join(' ')).toMatch(/unix socket \/run\/app.sock, which is not a TCP port/);
  });

  it('takes the bind default an env lookup falls back to', () => {
    const facts = detectPython(project({ ...django, 'requirements.txt': 'Django==5.2.8\ngunicorn==23.0.0\n', 'gunicorn.conf.py': 'import os\nbind = os.environ.get("BIND", "0.0.0.0:7070")\n' }), {});
    expect(facts.port.value).toBe(7070);
  });
});

describe('finding the app', () => {
  const argv = (facts: ReturnType<typeof detectPython>) => (facts.start.value.kind === 'exec' ? facts.start.value.argv : []);

  it('finds a FastAPI app built by a factory and assigned at module level', () => {
    const facts = detectPython(project({
      'requirements.txt': 'fastapi==0.115.12\nuvicorn==0.34.2\n',
      'app/main.py': 'from fastapi import FastAPI\n\n\ndef get_application() -> FastAPI:\n    application = FastAPI(title="x")\n    return application\n\n\napp = get_application()\n',
    }), {});
    expect(argv(facts)).toEqual(['python', '-m', 'uvicorn', 'app.main:app']);
  });

  it('runs a factory nobody calls with uvicorn --factory', () => {
    const facts = detectPython(project({
      'requirements.txt': 'fastapi==0.115.12\nuvicorn==0.34.2\n',
      'src/svc/app.py': 'from fastapi import FastAPI\n\ndef create_application():\n    return FastAPI()\n',
    }), {});
    expect(argv(facts)).toEqual(['python', '-m', 'uvicorn', '--factory', 'svc.app:create_application', '--app-dir', 'src']);
  });

  it('takes the port of a uvicorn.run() call in a __main__ block', () => {
    const facts = detectPython(project({
      'requirements.txt': 'fastapi==0.115.12\nuvicorn==0.34.2\n',
      'api/server.py': 'from fastapi import FastAPI\napp = FastAPI()\n',
      'run.py': 'import uvicorn\nif __name__ == "__main__":\n    uvicorn.run("api.server:app", host="0.0.0.0", port=8081)\n',
    }), {});
    expect(argv(facts)).toEqual(['python', '-m', 'uvicorn', 'api.server:app']);
    expect(facts.port).toEqual({ value: 8081, source: 'uvicorn.run(port=8081) in run.py' });
  });

  it('runs the project\'s own launcher when its entry point starts uvicorn itself', () => {
    const facts = detectPython(project({
      'pyproject.toml': '[project]\nname = "node"\ndependencies = ["fastapi==0.115.12", "uvicorn==0.34.2"]\n[project.scripts]\nnode = "node.server:main"\n',
      'node/__init__.py': '', 'node/__main__.py': 'from .app import create_app\napp = create_app()\n',
      'node/app.py': 'from fastapi import FastAPI\ndef create_app():\n    return FastAPI()\n',
      'node/server.py': 'import uvicorn\ndef main():\n    uvicorn.Server(uvicorn.Config("node.__main__:app")).run()\n',
    }), {});
    expect(argv(facts)).toEqual(['node']);
    expect(facts.installProject).toBe(true);
  });
});

describe('a production extra holding the server', () => {
  it('installs a `prod` extra with the server instead of adding one', () => {
    const facts = detectPython(project({
      'pyproject.toml': '[project]\nname = "site"\nversion = "1.0"\nrequires-python = ">=3.12"\ndependencies = ["Django==5.2.8"]\n[project.optional-dependencies]\nprod = ["gunicorn==23.0.0"]\ndocs = ["sphinx"]\n',
      'manage.py': 'os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_cfg.settings")\n',
      'site_cfg/settings.py': '', 'site_cfg/wsgi.py': 'application = get_wsgi_application()\n',
    }), {});
    expect(facts.installExtras).toEqual(['prod']);
    expect(facts.addedServer).toBeNull();
    expect(facts.start.value).toEqual({ kind: 'exec', argv: ['python', '-m', 'gunicorn', 'site_cfg.wsgi:application'] });
  });

  it('leaves extras alone when the main dependencies hold a server', () => {
    const facts = detectPython(project({
      'pyproject.toml': '[project]\nname = "site"\nversion = "1.0"\ndependencies = ["flask==3.1.1", "gunicorn==23.0.0"]\n[project.optional-dependencies]\nprod = ["uvicorn==0.34.2"]\n',
      'app.py': 'from flask import Flask\napp = Flask(__name__)\n',
    }), {});
    expect(facts.installExtras).toEqual([]);
  });
});

describe('locked packages that allow only end-of-life Pythons', () => {
  it('says which package to upgrade', () => {
    const facts = detectPython(new Project(join(FIXTURES, 'python-fastapi-factory-poetry-eol')), {});
    expect(facts.warnings.join(' ')).toMatch(/asyncpg 0.26.0 runs on Python 3.10 at most .* upgrade asyncpg to move to a maintained Python/);
  });
});
