// Python's data for the cross-ecosystem suites (the type and what each part is for: test/ecosystem-cases.ts).
import { type EcosystemCases, folder, pathPart, put, q, randomTree, replace } from '../../../../test/ecosystem-cases.js';

export const cases: EcosystemCases = {
  language: 'python',
  manifest: 'pyproject.toml',
  project: {
    'requirements.txt': 'flask==3.1.0\n',
    'app.py': 'from flask import Flask\napp = Flask(__name__)\n',
  },
  fixture: 'python-fastapi-pip',
  ignored: ['.venv/bin/python', '__pycache__/x.pyc', 'build/lib/x.py', 'pip.conf', '.npmrc'],
  sources: ['app/main.py'],
  hostile: [
    { field: 'pyproject [project] name', fixture: 'python-pep621-scripts', file: 'pyproject.toml', benign: 'notifier', edits: (v) => ({ 'pyproject.toml': replace('name = "notifier"', `name = ${q(v)}`) }) },
    { field: 'pyproject [project.scripts] name', fixture: 'python-pep621-scripts', file: 'pyproject.toml', benign: 'notify', edits: (v) => ({ 'pyproject.toml': replace('notifier = "notifier.cli:main"', `${q(v)} = "notifier.cli:main"`) }) },
    { field: 'pyproject [project.scripts] target', fixture: 'python-pep621-scripts', file: 'pyproject.toml', benign: 'notifier.cli:run', edits: (v) => ({ 'pyproject.toml': replace('notifier = "notifier.cli:main"', `notifier = ${q(v)}`) }) },
    { field: 'pyproject requires-python', fixture: 'python-pep621-scripts', file: 'pyproject.toml', benign: '>=3.12', edits: (v) => ({ 'pyproject.toml': replace('requires-python = ">=3.12,<3.15"', `requires-python = ${q(v)}`) }) },
    { field: 'poetry python constraint', fixture: 'python-django-poetry-psycopg2', file: 'pyproject.toml', benign: '^3.12', edits: (v) => ({ 'pyproject.toml': replace(/^python = .*$/m, `python = ${q(v)}`) }) },
    { field: '.python-version', fixture: 'python-fastapi-pip', file: '.python-version', benign: '3.13', edits: (v) => ({ '.python-version': `${v}\n` }) },
    { field: 'runtime.txt', fixture: 'python-fastapi-pip', file: 'runtime.txt', benign: 'python-3.13.1', edits: (v) => ({ '.python-version': null, 'runtime.txt': `${v}\n` }) },
    { field: 'requirements.txt line', fixture: 'python-fastapi-pip', file: 'requirements.txt', benign: 'httpx==0.28.1', edits: (v) => ({ 'requirements.txt': (old) => `${old}${v}\n` }) },
    // pip reads one word after -r, so the name is the value without white space.
    { field: 'requirements.txt -r include name', path: (v) => folder(v).replace(/\s/g, '_'), fixture: 'python-fastapi-pip', file: 'requirements.txt', benign: 'base.txt', edits: (v) => ({ 'requirements.txt': `-r ${folder(v).replace(/\s/g, '_')}\n`, [folder(v).replace(/\s/g, '_')]: 'fastapi==0.115.12\nuvicorn==0.34.2\n' }) },
    { field: 'Django settings module in manage.py', fixture: 'python-django-poetry-psycopg2', file: 'manage.py', benign: 'mysite.settings', alternates: ['not a module'], edits: (v) => ({ 'manage.py': replace('"mysite.settings"', q(v)) }) },
    { field: 'Django WSGI_APPLICATION', fixture: 'python-django-poetry-psycopg2', file: /settings\.py/, benign: 'mysite.wsgi.application', edits: (v) => ({ 'mysite/settings.py': (old) => `${old.replace(/^WSGI_APPLICATION.*$/m, '')}\nWSGI_APPLICATION = ${q(v)}\n` }) },
    { field: 'FastAPI app module folder name', fixture: 'python-fastapi-pip', file: /main\.py|app/, benign: 'service', edits: (v) => ({ 'app/main.py': null, 'app/__init__.py': null, [`${folder(v)}/main.py`]: 'from fastapi import FastAPI\napp = FastAPI()\n', [`${folder(v)}/__init__.py`]: '' }) },
  ],
  variablePaths: [
    // COPY expands variables even in JSON form: base${X}.txt would copy base.txt.
    { what: 'a requirements include', fixture: 'python-fastapi-pip', edits: { 'requirements.txt': '-r base${X}.txt\n', 'base${X}.txt': 'fastapi==0.115.12\n' }, args: [], names: /requirements\.txt/ },
  ],
  malformed: [
    { what: 'pyproject.toml', fixture: 'python-pep621-scripts', edits: { 'pyproject.toml': '[project]\nname = "x"\nrequires-python = ">=3.12\n' }, message: /pyproject\.toml is not valid TOML \(line \d+\)/ },
    { what: 'pyproject.toml (duplicate table)', fixture: 'python-pep621-scripts', edits: { 'pyproject.toml': '[project]\nname = "x"\n[project]\nname = "y"\n' }, message: /pyproject\.toml is not valid TOML/ },
    { what: 'poetry.lock', fixture: 'python-django-poetry-psycopg2', edits: { 'poetry.lock': '[[package]]\nname = "django"\nversion = \n' }, message: /poetry\.lock is not valid TOML \(line \d+\)/ },
    { what: 'uv.lock', fixture: 'python-fastapi-uv-psycopg-binary', edits: { 'uv.lock': 'version = 1\n[[package]\nname = "x"\n' }, message: /uv\.lock is not valid TOML \(line \d+\)/ },
    { what: 'pdm.lock', fixture: 'python-aiohttp-pdm', edits: { 'pdm.lock': '[metadata\n' }, message: /pdm\.lock is not valid TOML/ },
    { what: 'Pipfile', fixture: 'python-starlette-pipenv', edits: { Pipfile: '[packages]\nstarlette = "*\n' }, message: /Pipfile is not valid TOML/ },
    { what: 'Pipfile.lock', fixture: 'python-starlette-pipenv', edits: { 'Pipfile.lock': '{"_meta": {}, "default": {\n' }, message: /Pipfile\.lock is not valid JSON/ },
  ],
  textFiles: [],
  randomTree: randomTree({
    benign: { name: 'app', requires: '>=3.12', script: 'serve', target: 'app.main:run', req: 'httpx==0.28.1', pyver: '3.13', dir: 'app' },
    structural: ['requires', 'script', 'target', 'pyver', 'dir'],
    optional: ['pyproject.toml', 'requirements.txt', '.python-version'],
    tree: (v, m, g) => {
      const files: Record<string, string> = {
        [`${pathPart(v.dir)}/main.py`]: 'from fastapi import FastAPI\napp = FastAPI()\n',
        [`${pathPart(v.dir)}/__init__.py`]: '',
      };
      put(files, 'pyproject.toml', m['pyproject.toml']!, `[project]\nname = ${q(v.name)}\nversion = "1.0.0"\nrequires-python = ${q(v.requires)}\ndependencies = ["fastapi==0.115.12", "uvicorn==0.34.2"]\n\n[project.scripts]\n${q(v.script)} = ${q(v.target)}\n`, g);
      put(files, 'requirements.txt', m['requirements.txt']!, `fastapi==0.115.12\nuvicorn==0.34.2\n${v.req}\n`, g);
      put(files, '.python-version', m['.python-version']!, `${v.pyver}\n`, g);
      if (!files['pyproject.toml'] && !files['requirements.txt']) files['requirements.txt'] = 'fastapi==0.115.12\nuvicorn==0.34.2\n';
      return files;
    },
  }),
  e2e: [
    {
      id: 'python-distroless',
      health: '/',
      dependencies: false,
      fixture: 'python-stdlib-distroless',
      args: [],
      base: 'distroless',
      touch: { file: 'server.py', comment: '# e2e change' },
      what: 'Python 3.13 standard library, distroless',
    },
    {
      id: 'python-slim',
      health: '/',
      dependencies: false,
      fixture: 'python-stdlib-slim-311',
      args: [],
      base: 'slim',
      touch: { file: 'main.py', comment: '# e2e change' },
      what: 'Python 3.11 standard library, slim',
    },
  ],
};
