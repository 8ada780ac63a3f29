// Which Python the project asks for, and where it says so. A file that names one version
// (.python-version, runtime.txt, .tool-versions, Pipfile python_version) pins it; a range
// (requires-python, Poetry's python constraint, a lockfile's requires-python) lets the planner
// choose among maintained versions.
import { UserError } from '../../errors.js';
import type { Project } from '../../project.js';
import type { RuntimeRequirement } from '../../types.js';
import { plainPythonVersion, pythonConstraintToSemver } from './constraint.js';

type Table = Record<string, unknown>;
const isTable = (value: unknown): value is Table => typeof value === 'object' && value !== null && !Array.isArray(value);

export interface VersionInputs {
  pyproject: Table | null;
  pipfile: Table | null;
  /** requires-python recorded in the lockfile, with the lockfile's name. */
  lock: { constraint: string; file: string } | null;
}

function pin(version: string, source: string): RuntimeRequirement {
  return { constraint: version, pinned: true, source };
}

function range(text: string, source: string): RuntimeRequirement {
  const constraint = pythonConstraintToSemver(text);
  if (constraint === null) {
    throw new UserError(`${source} says "${text}", which is not a Python version constraint this tool can read. Use PEP 440 syntax such as ">=3.11" or "~=3.12", or pass --runtime-version.`);
  }
  return { constraint, pinned: false, source };
}

export function detectPythonVersion(project: Project, inputs: VersionInputs, warnings: string[]): RuntimeRequirement {
  const pythonVersionFile = project.readText('.python-version');
  if (pythonVersionFile !== null) {
    // uv and pyenv allow several lines (several interpreters); the first is the default one.
    const first = pythonVersionFile.split(/\r?\n/).map((l) => l.replace(/#.*/, '').trim()).find((l) => l !== '');
    const version = first ? plainPythonVersion(first) : null;
    if (version) return pin(version, '.python-version');
    warnings.push(`.python-version says "${first ?? ''}", which is not a CPython 3 version; it was ignored.`);
  }
  const runtimeTxt = project.readText('runtime.txt');
  if (runtimeTxt !== null) {
    const version = plainPythonVersion(runtimeTxt.trim());
    if (version) return pin(version, 'runtime.txt');
    warnings.push(`runtime.txt says "${runtimeTxt.trim()}", which is not a CPython 3 version; it was ignored.`);
  }
  const toolVersions = project.readText('.tool-versions');
  if (toolVersions !== null) {
    const line = toolVersions.split(/\r?\n/).map((l) => l.trim().split(/\s+/)).find((words) => words[0] === 'python');
    const version = line?.[1] ? plainPythonVersion(line[1]) : null;
    if (version) return pin(version, '.tool-versions');
  }
  const requires = isTable(inputs.pipfile?.requires) ? inputs.pipfile.requires : null;
  const pipfileVersion = requires ? (requires.python_full_version ?? requires.python_version) : undefined;
  if (typeof pipfileVersion === 'string') {
    const version = plainPythonVersion(pipfileVersion);
    if (version) return pin(version, 'Pipfile [requires] python_version');
  }
  const project621 = isTable(inputs.pyproject?.project) ? inputs.pyproject.project : null;
  if (typeof project621?.['requires-python'] === 'string') {
    return range(project621['requires-python'], 'pyproject.toml requires-python');
  }
  const tool = isTable(inputs.pyproject?.tool) ? inputs.pyproject.tool : null;
  const poetry = isTable(tool?.poetry) ? tool.poetry : null;
  const poetryDeps = isTable(poetry?.dependencies) ? poetry.dependencies : null;
  if (typeof poetryDeps?.python === 'string') {
    return range(poetryDeps.python, 'pyproject.toml [tool.poetry.dependencies] python');
  }
  if (inputs.lock) return range(inputs.lock.constraint, `${inputs.lock.file} requires-python`);
  return { constraint: null, pinned: false, source: 'default (the project names no Python version)' };
}
