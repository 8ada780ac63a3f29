// Cargo manifests, the lockfile and toolchain files, read as Cargo reads them
// (https://doc.rust-lang.org/cargo/reference/manifest.html, .../cargo-targets.html#target-auto-discovery,
// .../workspaces.html; rustup's rust-toolchain.toml: https://rust-lang.github.io/rustup/overrides.html).
import { UserError } from '../../errors.js';
import { shorten, type Project } from '../../project.js';
import { globFolders, GlobLimitError, parseGlob, type Glob } from '../../detect/glob.js';

export interface CargoPackage {
  name: string;
  /** Folder of its Cargo.toml, "." for the root. */
  dir: string;
  bins: string[];
  defaultRun: string | null;
  /** Direct dependencies by crate name (after `package = "..."` renames), with the features asked for. */
  deps: Map<string, Set<string>>;
  rustVersion: string | null;
  edition: string | null;
}

export interface CargoProject {
  packages: CargoPackage[];
  workspace: boolean;
  /** Folders of [workspace] default-members (what a bare `cargo build`/`cargo run` builds), or null. */
  defaultMembers: string[] | null;
}

type Table = Record<string, unknown>;
const isTable = (v: unknown): v is Table => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

export function readCargoProject(project: Project): CargoProject {
  const root = project.readToml('Cargo.toml');
  if (root === null) throw new UserError('Cargo.toml is missing. Run the tool in the folder of the Cargo package or workspace.');
  const workspace = isTable(root.workspace) ? root.workspace : null;
  const inherited = workspaceInheritance(workspace);
  const packages: CargoPackage[] = [];
  if (isTable(root.package)) packages.push(readPackage(project, '.', root, inherited));
  if (workspace) {
    const excluded = new Set((Array.isArray(workspace.exclude) ? workspace.exclude : []).map((e) => normalize(String(e))));
    for (const dir of memberDirs(project, Array.isArray(workspace.members) ? workspace.members.map(String) : [])) {
      if (dir === '.' || excluded.has(dir)) continue;
      const manifest = project.readToml(`${dir}/Cargo.toml`);
      if (manifest === null) throw new UserError(`Cargo.toml lists workspace member ${dir}, but ${dir}/Cargo.toml does not exist. Fix [workspace] members and run again.`);
      if (!isTable(manifest.package)) continue;
      packages.push(readPackage(project, dir, manifest, inherited));
    }
  }
  if (packages.length === 0) throw new UserError('Cargo.toml has neither a [package] nor workspace members with one. Add a package and run again.');
  const defaultMembers = workspace && Array.isArray(workspace['default-members'])
    ? memberDirs(project, workspace['default-members'].map(String)).concat(workspace['default-members'].map(String).map(normalize).filter((d) => d === '.'))
    : null;
  return { packages, workspace: workspace !== null, defaultMembers };
}

interface Inherited {
  deps: Map<string, { crate: string; features: string[] }>;
  rustVersion: string | null;
  edition: string | null;
}

function workspaceInheritance(workspace: Table | null): Inherited {
  const deps = new Map<string, { crate: string; features: string[] }>();
  const table = workspace && isTable(workspace.dependencies) ? workspace.dependencies : {};
  for (const [key, spec] of Object.entries(table)) {
    deps.set(key, { crate: (isTable(spec) && str(spec.package)) || key, features: isTable(spec) && Array.isArray(spec.features) ? spec.features.map(String) : [] });
  }
  const pkg = workspace && isTable(workspace.package) ? workspace.package : {};
  return { deps, rustVersion: str(pkg['rust-version']), edition: str(pkg.edition) };
}

/** Forward slashes, no leading `./` or trailing slashes; a slice, not a `/\/+$/` regex, which is quadratic on a long run of slashes. */
function normalize(dir: string): string {
  let path = dir.replaceAll('\\', '/');
  if (path.startsWith('./')) path = path.slice(2);
  let end = path.length;
  while (end > 0 && path[end - 1] === '/') end--;
  return path.slice(0, end) || '.';
}

/** How deep a member glob reaches; real workspaces keep members one or two folders down. */
const MAX_MEMBER_DEPTH = 8;

/**
 * Workspace member globs (src/detect/glob.ts, the glob crate's syntax: `*`, `?`, `[...]`, `**`),
 * matched without building a RegExp from them.
 */
function memberDirs(project: Project, members: string[]): string[] {
  const out = new Set<string>();
  const tree = {
    children: (dir: string) => project.subfolders(dir),
    isDir: (dir: string) => project.isDir(dir),
  };
  for (const member of members.map(normalize)) {
    if (member.startsWith('/') || member.split('/').includes('..')) {
      throw new UserError(`Workspace member ${shorten(member)} is outside this folder; a Docker build sees only the build context. Run the tool from the workspace root.`);
    }
    let glob: Glob;
    try {
      glob = parseGlob(member);
    } catch (error) {
      if (!(error instanceof GlobLimitError)) throw error;
      throw new UserError(`Cargo.toml [workspace] members has a glob that ${error.message}: ${JSON.stringify(shorten(member, 60))}. Members name crate folders, such as "crates/*"; shorten it and run again.`);
    }
    for (const dir of globFolders(glob, tree, MAX_MEMBER_DEPTH)) if (project.isFile(`${dir}/Cargo.toml`)) out.add(dir);
  }
  return [...out].sort();
}

function readPackage(project: Project, dir: string, manifest: Table, inherited: Inherited): CargoPackage {
  const pkg = manifest.package as Table;
  const name = str(pkg.name);
  const file = dir === '.' ? 'Cargo.toml' : `${dir}/Cargo.toml`;
  if (name === null) throw new UserError(`${file} has a [package] without a name. Fix the file and run again.`);
  const fromWorkspace = (value: unknown, fallback: string | null): string | null =>
    isTable(value) && value.workspace === true ? fallback : str(value);
  return {
    name,
    dir,
    bins: binTargets(project, dir, name, pkg, manifest),
    defaultRun: str(pkg['default-run']),
    deps: dependencies(manifest, inherited),
    rustVersion: fromWorkspace(pkg['rust-version'], inherited.rustVersion),
    edition: fromWorkspace(pkg.edition, inherited.edition),
  };
}

/** [[bin]] entries plus auto-discovered src/main.rs, src/bin/*.rs and src/bin/<name>/main.rs. */
function binTargets(project: Project, dir: string, name: string, pkg: Table, manifest: Table): string[] {
  const at = (rel: string) => (dir === '.' ? rel : `${dir}/${rel}`);
  const bins: string[] = [];
  const explicitPaths = new Set<string>();
  for (const entry of Array.isArray(manifest.bin) ? manifest.bin : []) {
    if (!isTable(entry)) continue;
    const binName = str(entry.name) ?? name;
    if (!bins.includes(binName)) bins.push(binName);
    if (str(entry.path)) explicitPaths.add(normalize(str(entry.path) as string));
  }
  if (pkg.autobins !== false) {
    if (project.isFile(at('src/main.rs')) && !explicitPaths.has('src/main.rs') && !bins.includes(name)) bins.push(name);
    for (const entry of project.list(at('src/bin'))) {
      const stem = entry.endsWith('.rs') ? entry.slice(0, -3) : project.isFile(at(`src/bin/${entry}/main.rs`)) ? entry : null;
      const path = entry.endsWith('.rs') ? `src/bin/${entry}` : `src/bin/${entry}/main.rs`;
      if (stem !== null && !bins.includes(stem) && !explicitPaths.has(path)) bins.push(stem);
    }
  }
  return bins;
}

const DEPENDENCY_TABLES = ['dependencies', 'build-dependencies'];

function dependencies(manifest: Table, inherited: Inherited): Map<string, Set<string>> {
  const deps = new Map<string, Set<string>>();
  const add = (table: unknown) => {
    if (!isTable(table)) return;
    for (const [key, spec] of Object.entries(table)) {
      let crate = key;
      const features: string[] = [];
      if (isTable(spec)) {
        if (spec.workspace === true) {
          const base = inherited.deps.get(key);
          if (base) {
            crate = base.crate;
            features.push(...base.features);
          }
        }
        crate = str(spec.package) ?? crate;
        if (Array.isArray(spec.features)) features.push(...spec.features.map(String));
        // Default features matter too (sqlx's `sqlite` is a feature, not default), so nothing to add for them here.
      }
      const set = deps.get(crate) ?? new Set<string>();
      for (const f of features) set.add(f);
      deps.set(crate, set);
    }
  };
  for (const name of DEPENDENCY_TABLES) add(manifest[name]);
  if (isTable(manifest.target)) {
    for (const target of Object.values(manifest.target)) if (isTable(target)) for (const name of DEPENDENCY_TABLES) add(target[name]);
  }
  return deps;
}

export interface LockPackage {
  name: string;
  version: string;
  dependencies: string[];
}

export function readLock(project: Project): LockPackage[] | null {
  const lock = project.readToml('Cargo.lock');
  if (lock === null) return null;
  const packages = Array.isArray(lock.package) ? lock.package : [];
  return packages.filter(isTable).map((p) => ({
    name: String(p.name),
    version: String(p.version ?? ''),
    // Entries are "name", "name version" or "name version (source)".
    dependencies: Array.isArray(p.dependencies) ? p.dependencies.map((d) => String(d).split(' ')[0] as string) : [],
  }));
}

/** Crate names reachable from `start` in the lockfile graph (what the package's build pulls in). */
export function reachableCrates(lock: LockPackage[], start: string, follow: (parent: string, child: string) => boolean = () => true): Map<string, string> {
  // Linear in the lockfile: lists grown in place (copying one per entry was quadratic in a lock
  // with many versions of a crate), a read index instead of queue.shift(), and no push(...spread),
  // which overflows the stack with a huge dependency list.
  const byName = new Map<string, LockPackage[]>();
  for (const p of lock) {
    const same = byName.get(p.name);
    if (same) same.push(p);
    else byName.set(p.name, [p]);
  }
  const seen = new Map<string, string>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const name = queue[head] as string;
    for (const p of byName.get(name) ?? []) {
      if (seen.has(p.name) && seen.get(p.name) === p.version) continue;
      seen.set(p.name, p.version);
      for (const d of p.dependencies) if (!seen.has(d) && follow(p.name, d)) queue.push(d);
    }
  }
  return seen;
}

export interface Toolchain {
  channel: string;
  file: string;
}

/** rust-toolchain.toml, or the legacy rust-toolchain file (TOML or a bare channel name). */
export function readToolchain(project: Project): Toolchain | null {
  for (const file of ['rust-toolchain.toml', 'rust-toolchain']) {
    const text = project.readText(file);
    if (text === null) continue;
    if (file === 'rust-toolchain' && !text.includes('[toolchain]')) {
      const channel = text.trim();
      if (channel !== '') return { channel, file };
      continue;
    }
    const toml = project.readToml(file) ?? {};
    const channel = isTable(toml.toolchain) ? str(toml.toolchain.channel) : null;
    if (channel !== null) return { channel, file };
  }
  return null;
}
