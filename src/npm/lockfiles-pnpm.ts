// pnpm-lock.yaml, lockfile versions 5.x (keys "/name/1.0.0_peer"), 6.x ("/name@1.0.0(peer)")
// and 9.x ("name@1.0.0", dependency graph under `snapshots`). `importers` name what each
// workspace project depends on, split into dependencies / optionalDependencies / devDependencies;
// packages carry no reliable dev flag in v9, so production is what the importers' production
// dependencies reach.
import { posix } from 'node:path';
import { DependencyGraph, isRecord, lockfileError, type LockfileContents, type ParseContext } from './lockfiles-common.js';
import { parseLockfileYaml } from './lockfiles-yaml.js';

export function parsePnpmLock(text: string, context: ParseContext): LockfileContents {
  const doc = parseLockfileYaml(text, context.file);
  if (doc === null || doc === undefined) return { packages: [], recordsInstallScripts: true };
  if (!isRecord(doc)) throw lockfileError(context.file, null, 'the top level is not a YAML mapping');
  const version = Number.parseFloat(String(doc.lockfileVersion ?? ''));
  if (!Number.isFinite(version)) throw lockfileError(context.file, null, 'lockfileVersion is missing');
  const modern = version >= 6;

  const packages = isRecord(doc.packages) ? doc.packages : {};
  // v9 keeps the graph in `snapshots` (keys with peer suffixes) and metadata in `packages`.
  const graphSource = isRecord(doc.snapshots) ? doc.snapshots : packages;

  const graph = new DependencyGraph();
  const ids = new Map<string, number>();
  for (const [key, entry] of Object.entries(graphSource)) {
    const meta = isRecord(packages[key]) ? packages[key] : packages[stripPeers(key)];
    const fromKey = nameAndVersion(key, modern);
    const name = stringField(entry, 'name') ?? stringField(meta, 'name') ?? fromKey.name;
    const ver = stringField(entry, 'version') ?? stringField(meta, 'version') ?? fromKey.version;
    const requiresBuild = isRecord(meta) && meta.requiresBuild === true ? true : undefined;
    ids.set(key, graph.add(name, ver, requiresBuild));
  }

  const resolve = (name: string, ref: string): number | undefined => {
    if (ref.startsWith('link:')) return undefined;
    // One of these is the key, depending on the lockfile version and on whether ref is an alias
    // ("npm:other@1.0.0" is written as "other@1.0.0" or "/other@1.0.0").
    return ids.get(ref) ?? ids.get(`/${name}@${ref}`) ?? ids.get(`${name}@${ref}`) ?? ids.get(`/${name}/${ref}`) ?? ids.get(`/${ref}`);
  };

  for (const [key, entry] of Object.entries(graphSource)) {
    if (!isRecord(entry)) continue;
    const from = ids.get(key)!;
    for (const field of ['dependencies', 'optionalDependencies']) {
      for (const [name, ref] of refs(entry[field])) {
        const to = resolve(name, ref);
        if (to !== undefined) graph.edge(from, to);
      }
    }
  }

  // A single-project v5 lockfile has the importer's fields at the top level.
  const importers = isRecord(doc.importers) ? doc.importers : { '.': doc };
  // A workspace dependency is a link relative to the importer's folder: "link:../../packages/db".
  const workspaces = new Map<string, string>();
  // Per importer: the packages its production dependencies name, and the workspaces it links to.
  const production = new Map<string, { roots: number[]; links: string[] }>();
  for (const [dir, importer] of Object.entries(importers)) {
    if (!isRecord(importer)) continue;
    const own = { roots: [] as number[], links: [] as string[] };
    production.set(dir, own);
    for (const field of ['dependencies', 'optionalDependencies', 'devDependencies']) {
      for (const [name, ref] of refs(importer[field])) {
        const linked = ref.startsWith('link:') ? posix.join(dir, ref.slice('link:'.length)) : null;
        if (linked !== null) workspaces.set(name, linked);
        if (field === 'devDependencies') continue;
        if (linked !== null) own.links.push(linked);
        const to = resolve(name, ref);
        if (to === undefined) continue;
        graph.root(to);
        own.roots.push(to);
      }
    }
  }
  // One workspace's install: its importer, the workspaces it links to (and theirs), and the root's.
  const productionOf = (workspace: string) => {
    if (!production.has(workspace)) return null;
    const seen = new Set<string>();
    const roots: number[] = [];
    for (const queue = [workspace, '.']; queue.length > 0; ) {
      const dir = queue.pop()!;
      const own = production.get(dir);
      if (seen.has(dir) || own === undefined) continue;
      seen.add(dir);
      roots.push(...own.roots);
      queue.push(...own.links);
    }
    return graph.reachedFrom(roots);
  };
  // pnpm 9 dropped `requiresBuild` from the lockfile.
  return { packages: graph.packages(), recordsInstallScripts: version < 9, workspaces, productionOf };
}

/** Dependency maps: v5 and package entries hold "ref", v6+ importers hold { specifier, version }. */
function refs(value: unknown): Array<[string, string]> {
  if (!isRecord(value)) return [];
  const out: Array<[string, string]> = [];
  for (const [name, v] of Object.entries(value)) {
    if (typeof v === 'string') out.push([name, v]);
    else if (isRecord(v) && typeof v.version === 'string') out.push([name, v.version]);
  }
  return out;
}

function stripPeers(key: string): string {
  const paren = key.indexOf('(');
  return paren === -1 ? key : key.slice(0, paren);
}

function stringField(value: unknown, field: string): string | undefined {
  return isRecord(value) && typeof value[field] === 'string' ? value[field] : undefined;
}

/** "/@scope/name@1.0.0(peer@2)", "name@1.0.0" (v6, v9) or "/@scope/name/1.0.0_peer@2" (v5). */
function nameAndVersion(key: string, modern: boolean): { name: string; version: string } {
  const bare = key.startsWith('/') ? key.slice(1) : key;
  if (modern) {
    const plain = stripPeers(bare);
    const at = plain.lastIndexOf('@');
    return at > 0 ? { name: plain.slice(0, at), version: plain.slice(at + 1) } : { name: plain, version: '' };
  }
  const parts = bare.split('/');
  const scoped = parts[0]?.startsWith('@') ?? false;
  const name = scoped ? `${parts[0]}/${parts[1] ?? ''}` : (parts[0] ?? '');
  const rest = parts[scoped ? 2 : 1] ?? '';
  const underscore = rest.indexOf('_');
  return { name, version: underscore === -1 ? rest : rest.slice(0, underscore) };
}
