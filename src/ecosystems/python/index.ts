// Python: detection (detect.ts and its helpers), bases and view (plan.ts), knowledge tables
// (knowledge/), templates/python/.
import { PYTHON_PROBE } from '../../plan/healthcheck.js';
import { PYTHON_VENV } from './plan.js';
import type { Ecosystem } from '../../ecosystem.js';
import { STOP_SIGNALS } from '../../knowledge/stop-signals.js';
import { detectPython, recognizesPython } from './detect.js';
import { pythonMarks } from './entry.js';
import { naivePython } from './naive.js';
import { assessPython, pythonView } from './plan.js';
import type { PythonFacts } from './types.js';
import { PYTHON_RELEASES } from './knowledge/versions.js';
import { pythonTooling } from './tooling.js';

export const python: Ecosystem<PythonFacts> = {
  language: 'python',
  markers: pythonMarks.markers,
  recognizes: recognizesPython,
  tooling: pythonTooling,
  apps: null,
  detect: detectPython,
  assess: (facts) => assessPython(facts),
  view: pythonView,
  runtimeName: 'Python',
  releases: (now) => PYTHON_RELEASES.filter((r) => Date.parse(r.released) <= now.getTime()).map((r) => ({ version: r.minor, endOfLife: r.endOfLife })),
  fields: {
    packages: { label: 'A dependency name or version', source: (f) => String(f.lockfile ?? f.requirementsFile ?? ''), fallback: 'pyproject.toml' },
    installFiles: { label: 'A dependency file name', fallback: 'requirements.txt -r/-c lines or the lockfile names' },
    requirementsFile: { label: 'The requirements file name', fallback: 'the project folder' },
    django: { label: 'The Django settings module', fallback: 'manage.py DJANGO_SETTINGS_MODULE' },
  },
  manifestExtensions: ['toml', 'txt', 'py', 'lock', 'cfg'],
  naive: naivePython,
  installCommand: /\b(pip3? install|python3? -m pip install|uv (sync|pip install)|poetry install|pipenv (install|sync)|pdm (install|sync))/,
  // The server the detector found (gunicorn, uvicorn) has its own row when it handles SIGTERM itself; anything else is python's.
  stop: {
    signals: (facts) => (facts.server !== null && STOP_SIGNALS.some((row) => row.id === facts.server) ? facts.server : 'python'),
    printsInit: true,
  },
  // Every Python image here runs the venv's python (src/ecosystems/python/plan.ts).
  probe: (_facts, _plan, url) => ({ command: [`${PYTHON_VENV}/bin/python`, '-c', PYTHON_PROBE, url] }),
};
