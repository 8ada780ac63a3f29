// Python files beside another ecosystem's app that serve only its documentation or checks: a
// requirements.txt of mkdocs plugins next to a Go server. Anything that could be an app (a
// project table in pyproject.toml, setup.py, manage.py, a lockfile, a Pipfile) keeps Python in.
import type { Project } from '../../project.js';
import { pythonDevTool } from './knowledge/dev-tools.js';
import { readRequirements } from './requirements.js';

const APP_MANIFESTS = ['setup.py', 'setup.cfg', 'manage.py', 'Pipfile', 'uv.lock', 'poetry.lock', 'pdm.lock', 'main.py', 'app.py', 'server.py', 'wsgi.py', 'asgi.py'];

/** Why the Python files here only serve tooling, or null when they may be the app. */
export function pythonTooling(project: Project): string | null {
  if (APP_MANIFESTS.some((file) => project.isFile(file))) return null;
  const pyproject = project.readText('pyproject.toml');
  if (pyproject !== null && /^\[(project|tool\.poetry|tool\.pdm)\]/m.test(pyproject)) return null;
  if (!project.isFile('requirements.txt')) return null;
  let names: string[];
  try {
    names = readRequirements(project, 'requirements.txt').packages.map((p) => p.name);
  } catch {
    return null; // detection proper reports a broken file
  }
  if (names.length === 0 || !names.every((name) => pythonDevTool(name) !== undefined)) return null;
  const kinds = [...new Set(names.map((name) => pythonDevTool(name)!.kind))];
  const what = kinds.map((k) => ({ docs: 'documentation', lint: 'code checks', test: 'tests' })[k]).join(' and ');
  return `requirements.txt lists only ${what} tools (${names.slice(0, 3).join(', ')}${names.length > 3 ? ', …' : ''}), no app`;
}
