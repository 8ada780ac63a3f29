// The Dockerfile a person writes first for a Python app (--compare builds it only to measure it).
// https://hub.docker.com/_/python "Create a Dockerfile in your Python app project"
import type { NaiveInput } from '../../ecosystem.js';
import { toml as tomlParser } from '../../lazy.js';

export function naivePython(input: NaiveInput): string[] {
  const lines = [`FROM python:${input.runtimeVersion}`, 'WORKDIR /usr/src/app', 'COPY . .'];
  if (input.has('requirements.txt')) lines.push('RUN pip install --no-cache-dir -r requirements.txt');
  else if (pyprojectDependencies(input)) lines.push('RUN pip install --no-cache-dir .');
  lines.push('CMD ["python", "main.py"]');
  return lines;
}

/** The project declares dependencies in pyproject.toml (PEP 621 or Poetry). */
function pyprojectDependencies(input: NaiveInput): boolean {
  try {
    const text = input.read('pyproject.toml');
    const toml = text ? (tomlParser().parse(text) as { project?: { dependencies?: unknown[] }; tool?: { poetry?: { dependencies?: object } } }) : {};
    const poetry = Object.keys(toml.tool?.poetry?.dependencies ?? {}).filter((name) => name !== 'python');
    return (toml.project?.dependencies?.length ?? 0) > 0 || poetry.length > 0;
  } catch {
    return false;
  }
}
