// Reading the runtime (non-dev) packages out of each Python lockfile. Lockfiles list the whole
// dependency tree, so native packages pulled in indirectly (pydantic-core under fastapi) are seen.
import { UserError } from '../../errors.js';
import type { Project } from '../../project.js';
import { normalizePackageName } from './knowledge/native.js';
import type { PythonPackage } from './types.js';

type Table = Record<string, unknown>;

const isTable = (value: unknown): value is Table => typeof value === 'object' && value !== null && !Array.isArray(value);
const tables = (value: unknown): Table[] => (Array.isArray(value) ? value.filter(isTable) : []);
const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** Wheel file names out of `wheels = [{ url = ".../x.whl" }]` or `files = [{ file = "x.whl" }]`. */
function wheelNames(entries: unknown): string[] {
  return tables(entries)
    .map((e) => str(e.file) ?? str(e.url) ?? str(e.filename) ?? '')
    .map((f) => f.split('/').pop() ?? '')
    .filter((f) => f.endsWith('.whl'));
}

function pkg(name: string, version: string | null, wheels: string[] = []): PythonPackage {
  return { name: normalizePackageName(name), version, wheels };
}

/**
 * uv.lock: walk from the project's own package(s) (source `virtual`/`editable` ".") through
 * `dependencies` and the extras they ask for, leaving out `dev-dependencies` groups, which
 * `uv sync --no-dev` does not install.
 */
export function readUvLock(project: Project, file = 'uv.lock', extras: string[] = []): { packages: PythonPackage[]; requiresPython: string | null } {
  const lock = project.readToml(file);
  if (lock === null) throw new UserError(`${file} is missing.`);
  const all = tables(lock.package);
  const byName = new Map(all.map((p) => [normalizePackageName(str(p.name) ?? ''), p]));
  const isRoot = (p: Table) => {
    const source = isTable(p.source) ? p.source : {};
    return source.virtual === '.' || source.editable === '.' || source.directory === '.';
  };
  const roots = all.filter(isRoot);
  const seen = new Map<string, PythonPackage>();
  const queue: Array<{ name: string; extras: string[] }> = [];
  const follow = (deps: unknown) => {
    for (const dep of tables(deps)) {
      const name = str(dep.name);
      if (name) queue.push({ name: normalizePackageName(name), extras: Array.isArray(dep.extra) ? dep.extra.map(String) : [] });
    }
  };
  for (const root of roots) {
    follow(root.dependencies);
    // The project's own extras the image installs (`uv sync --extra prod`).
    const optional = isTable(root['optional-dependencies']) ? root['optional-dependencies'] : {};
    for (const extra of extras) follow(optional[extra]);
  }
  if (roots.length === 0) for (const p of all) queue.push({ name: normalizePackageName(str(p.name) ?? ''), extras: [] });
  const extrasSeen = new Set<string>();
  // A read index instead of queue.shift(), which moves the whole array each time: quadratic on
  // a lockfile of tens of thousands of packages.
  for (let head = 0; head < queue.length; head++) {
    const { name, extras } = queue[head]!;
    const entry = byName.get(name);
    if (!entry) continue;
    if (!seen.has(name)) {
      seen.set(name, pkg(name, str(entry.version), wheelNames(entry.wheels)));
      follow(entry.dependencies);
    }
    const optional = isTable(entry['optional-dependencies']) ? entry['optional-dependencies'] : {};
    for (const extra of extras) {
      const key = `${name}[${extra}]`;
      if (extrasSeen.has(key)) continue;
      extrasSeen.add(key);
      follow(optional[extra]);
    }
  }
  const roots_ = new Set(roots.map((r) => normalizePackageName(str(r.name) ?? '')));
  return {
    packages: [...seen.values()].filter((p) => !roots_.has(p.name)),
    requiresPython: str(lock['requires-python']),
  };
}

/** poetry.lock: packages in the `main` group (Poetry 2 `groups`, Poetry 1 `category`). */
export function readPoetryLock(project: Project, file = 'poetry.lock'): { packages: PythonPackage[]; pythonVersions: string | null } {
  const lock = project.readToml(file);
  if (lock === null) throw new UserError(`${file} is missing.`);
  const metadata = isTable(lock.metadata) ? lock.metadata : {};
  // Poetry before 1.2 kept the file lists apart, in [metadata.files] keyed by package name.
  const oldFiles = isTable(metadata.files) ? metadata.files : {};
  const oldFilesByName = new Map(Object.entries(oldFiles).map(([name, list]) => [normalizePackageName(name), list]));
  const packages = tables(lock.package)
    .filter((p) => {
      if (Array.isArray(p.groups)) return p.groups.includes('main');
      if (typeof p.category === 'string') return p.category === 'main';
      return true;
    })
    .map((p) => pkg(str(p.name) ?? '', str(p.version), wheelNames(p.files ?? oldFilesByName.get(normalizePackageName(str(p.name) ?? '')))));
  return { packages, pythonVersions: str(metadata['python-versions']) };
}

/** Pipfile.lock: the `default` section (not `develop`). */
export function readPipfileLock(project: Project, file = 'Pipfile.lock'): { packages: PythonPackage[]; pythonVersion: string | null } {
  const lock = project.readJson(file);
  if (!isTable(lock)) throw new UserError(`${file} is not a Pipfile.lock (expected a JSON object). Run pipenv lock to regenerate it.`);
  const section = isTable(lock.default) ? lock.default : {};
  const packages = Object.entries(section).map(([name, value]) => {
    const version = isTable(value) ? str(value.version) : null;
    return pkg(name, version ? version.replace(/^==/, '') : null);
  });
  const meta = isTable(lock._meta) ? lock._meta : {};
  const requires = isTable(meta.requires) ? meta.requires : {};
  return { packages, pythonVersion: str(requires.python_full_version) ?? str(requires.python_version) };
}

/** pdm.lock: packages in the `default` group. */
export function readPdmLock(project: Project, file = 'pdm.lock'): { packages: PythonPackage[]; requiresPython: string | null } {
  const lock = project.readToml(file);
  if (lock === null) throw new UserError(`${file} is missing.`);
  const packages = tables(lock.package)
    .filter((p) => !Array.isArray(p.groups) || p.groups.includes('default'))
    .map((p) => pkg(str(p.name) ?? '', str(p.version), wheelNames(p.files)));
  const metadata = isTable(lock.metadata) ? lock.metadata : {};
  const target = tables(metadata.targets)[0];
  return { packages, requiresPython: target ? str(target.requires_python) : null };
}
