// package-lock.json / npm-shrinkwrap.json. v2 and v3 list every installed folder under
// `packages` with npm's own `dev` and `hasInstallScript` flags, so no graph walk is needed;
// v1 (npm 5-6) only has the nested `dependencies` tree, whose `dev` flag is also npm's own.
import { isRecord, lineAt, lockfileError, type LockedPackage, type LockfileContents, type ParseContext } from './lockfiles-common.js';

export function parseNpmLock(text: string, context: ParseContext): LockfileContents {
  const data = parseJson(text, context.file);
  if (!isRecord(data)) throw lockfileError(context.file, null, 'the top level is not a JSON object');
  if (isRecord(data.packages)) return fromPackages(data.packages);
  if (isRecord(data.dependencies)) return { packages: fromDependencyTree(data.dependencies), recordsInstallScripts: false };
  if (data.lockfileVersion !== undefined) return { packages: [], recordsInstallScripts: true };
  throw lockfileError(context.file, null, 'it has neither "packages" nor "dependencies" nor "lockfileVersion"');
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const match = /position (\d+)/.exec(String((error as Error).message));
    throw lockfileError(file, match ? lineAt(text, Number(match[1])) : null, `invalid JSON (${(error as Error).message})`);
  }
}

const NODE_MODULES = 'node_modules/';

/**
 * Installed packages, and the workspace packages by name: npm links each into the root's
 * node_modules, "node_modules/@acme/ui" with `link: true` and `resolved: "packages/ui"`
 * (https://docs.npmjs.com/cli/configuring-npm/package-lock-json#packages). One pass over a
 * section that has an entry per installed folder (tens of thousands in a big monorepo).
 */
function fromPackages(packages: Record<string, unknown>): LockfileContents {
  const out: LockedPackage[] = [];
  const byPath = new Map<string, LockedPackage>();
  const workspaces = new Map<string, string>();
  for (const path in packages) {
    const entry = packages[path];
    const at = path.lastIndexOf(NODE_MODULES);
    // "" is the project itself and "packages/x" a workspace folder: sources, not installed packages.
    if (!isRecord(entry) || at === -1) continue;
    if (entry.link === true) {
      if (at === 0 && typeof entry.resolved === 'string') workspaces.set(path.slice(NODE_MODULES.length), entry.resolved);
      continue;
    }
    const name = typeof entry.name === 'string' ? entry.name : path.slice(at + NODE_MODULES.length);
    const pkg: LockedPackage = {
      name,
      version: typeof entry.version === 'string' ? entry.version : '',
      dev: entry.dev === true,
    };
    if (entry.hasInstallScript === true) pkg.hasInstallScript = true;
    out.push(pkg);
    byPath.set(path, pkg);
  }
  return { packages: out, recordsInstallScripts: true, workspaces, productionOf: (workspace) => productionOf(packages, byPath, workspace) };
}

const PRODUCTION_FIELDS = ['dependencies', 'optionalDependencies', 'peerDependencies'];

/**
 * What `npm ci --omit=dev --workspace=<folder>` installs: the workspace's dependencies, optional
 * and peer dependencies (npm 7 and newer install peers), and theirs, each found as Node finds it
 * (the folder's own node_modules, then each enclosing one, a link leading to its workspace), with
 * the root's production dependencies counted too. Every folder is followed once.
 */
function productionOf(packages: Record<string, unknown>, byPath: Map<string, LockedPackage>, workspace: string): LockedPackage[] | null {
  if (!isRecord(packages[workspace])) return null;
  const out: LockedPackage[] = [];
  const followed = new Set<string>();
  const stack = [workspace, ''];
  while (stack.length > 0) {
    const from = stack.pop()!;
    const entry = packages[from];
    if (followed.has(from) || !isRecord(entry)) continue;
    followed.add(from);
    const pkg = byPath.get(from);
    if (pkg !== undefined) out.push(pkg);
    for (const field of PRODUCTION_FIELDS) {
      const deps = entry[field];
      if (!isRecord(deps)) continue;
      for (const name in deps) {
        const to = resolveFrom(packages, from, name);
        if (to !== null) stack.push(to);
      }
    }
  }
  return out;
}

/** The folder `name` resolves to from the folder `from`, or null when the lockfile has none (an optional or peer dependency left out). */
function resolveFrom(packages: Record<string, unknown>, from: string, name: string): string | null {
  for (let dir = from; ; ) {
    const candidate = dir === '' ? `${NODE_MODULES}${name}` : `${dir}/${NODE_MODULES}${name}`;
    const entry = packages[candidate];
    if (isRecord(entry)) return entry.link === true && typeof entry.resolved === 'string' ? entry.resolved : candidate;
    if (dir === '') return null;
    // "node_modules/a/node_modules/b" is inside "node_modules/a"; a workspace folder, inside the root.
    const at = dir.lastIndexOf(`/${NODE_MODULES}`);
    dir = at === -1 ? '' : dir.slice(0, at);
  }
}

/** Walks the v1 tree with an explicit stack, so deep nesting cannot overflow the call stack. */
function fromDependencyTree(root: Record<string, unknown>): LockedPackage[] {
  const out: LockedPackage[] = [];
  const stack: Record<string, unknown>[] = [root];
  while (stack.length > 0) {
    const level = stack.pop()!;
    for (const [key, entry] of Object.entries(level)) {
      if (!isRecord(entry)) continue;
      let name = key;
      let version = typeof entry.version === 'string' ? entry.version : '';
      // An alias ("foo": "npm:bar@1.2.3") installs bar under the name foo.
      if (version.startsWith('npm:')) {
        const spec = version.slice(4);
        const at = spec.lastIndexOf('@');
        if (at > 0) {
          name = spec.slice(0, at);
          version = spec.slice(at + 1);
        }
      }
      out.push({ name, version, dev: entry.dev === true });
      if (isRecord(entry.dependencies)) stack.push(entry.dependencies);
    }
  }
  return out;
}
