// Shared pieces of the lockfile parsers: the package shape, errors that name file and line, and a
// dependency graph for formats that do not mark dev packages.
import { UserError } from '../errors.js';

export interface LockedPackage {
  name: string;
  version: string;
  /** Only reachable from devDependencies (or from nothing): not installed in the final image. */
  dev: boolean;
  /** npm `hasInstallScript`, pnpm `requiresBuild`: the package runs an install script. */
  hasInstallScript?: boolean;
  gypfile?: boolean;
}

export interface LockfileContents {
  packages: LockedPackage[];
  /**
   * True when the format records install scripts for every package (npm v2/v3, pnpm before v9);
   * otherwise a package without a marker may still have one.
   */
  recordsInstallScripts: boolean;
  /**
   * Workspace packages by name, with their folders relative to the root, when the format records
   * them (npm v2/v3 links, pnpm `link:` importers, yarn berry `workspace:` entries).
   */
  workspaces?: Map<string, string>;
  /**
   * The installed packages a workspace's own production install reaches (its dependencies and
   * theirs, with the root's production dependencies), when the format records the tree (npm
   * v2/v3); null when the lockfile has no entry for that folder.
   */
  productionOf?: (workspace: string) => LockedPackage[] | null;
}

/** Reads a workspace's package.json (path relative to the root), or null when absent. */
export type ManifestReader = (dir: string) => Record<string, unknown> | null;

export interface ParseContext {
  file: string;
  manifest: Record<string, unknown>;
  readManifest: ManifestReader;
}

const REGENERATE: Record<string, string> = {
  'package-lock.json': 'npm install --package-lock-only',
  'npm-shrinkwrap.json': 'npm install --package-lock-only',
  'pnpm-lock.yaml': 'pnpm install --lockfile-only',
  'yarn.lock': 'yarn install',
  'bun.lock': 'bun install',
};

/** The user-facing error for an unreadable lockfile: which file, where, and how to regenerate it. */
export function lockfileError(file: string, line: number | null, detail: string): UserError {
  const base = file.slice(file.lastIndexOf('/') + 1);
  const where = line ? ` (line ${line})` : '';
  const command = REGENERATE[base] ?? 'your package manager';
  return new UserError(
    `${file} is malformed${where}: ${detail}. Regenerate it with \`${command}\` (or restore it from version control) and run again.`,
  );
}

/** 1-based line of a character offset; one pass over the prefix. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  const end = Math.min(offset, text.length);
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The string-valued entries of an object field (dependency maps); others are ignored. */
export function stringEntries(value: unknown): Array<[string, string]> {
  if (!isRecord(value)) return [];
  const out: Array<[string, string]> = [];
  // Object.keys, not Object.entries: on a map of 200,000 dependencies entries() cost a second.
  for (const key of Object.keys(value)) {
    const v = value[key];
    if (typeof v === 'string') out.push([key, v]);
  }
  return out;
}

/** Names a manifest needs at run time: dependencies, optionalDependencies, peerDependencies. */
export function productionNames(manifest: Record<string, unknown>): Set<string> {
  const names = new Set<string>();
  for (const field of ['dependencies', 'optionalDependencies', 'peerDependencies']) {
    for (const [name] of stringEntries(manifest[field])) names.add(name);
  }
  return names;
}

/**
 * A dependency graph for formats without a dev flag: nodes are installed packages, edges their
 * resolved dependencies; whatever production roots reach is production, the rest is dev.
 */
export class DependencyGraph {
  private readonly nodes: Array<{ name: string; version: string; hasInstallScript?: boolean; edges: number[] }> = [];
  private readonly roots: number[] = [];

  add(name: string, version: string, hasInstallScript?: boolean): number {
    const node: { name: string; version: string; hasInstallScript?: boolean; edges: number[] } = { name, version, edges: [] };
    if (hasInstallScript !== undefined) node.hasInstallScript = hasInstallScript;
    this.nodes.push(node);
    return this.nodes.length - 1;
  }

  edge(from: number, to: number): void {
    this.nodes[from]?.edges.push(to);
  }

  root(node: number): void {
    this.roots.push(node);
  }

  /** Every package, dev when no root reaches it (breadth-first over the edges: O(nodes + edges)). */
  packages(skip: (node: number) => boolean = () => false): LockedPackage[] {
    const reached = this.reach(this.roots);
    const out: LockedPackage[] = [];
    this.nodes.forEach((_, i) => {
      if (!skip(i)) out.push(this.locked(i, reached[i] === 0));
    });
    return out;
  }

  /** The packages these nodes reach, themselves included (one workspace's install). */
  reachedFrom(starts: number[], skip: (node: number) => boolean = () => false): LockedPackage[] {
    const reached = this.reach(starts);
    const out: LockedPackage[] = [];
    this.nodes.forEach((_, i) => {
      if (reached[i] === 1 && !skip(i)) out.push(this.locked(i, false));
    });
    return out;
  }

  private reach(starts: number[]): Uint8Array {
    const reached = new Uint8Array(this.nodes.length);
    const queue = [...starts];
    for (const r of queue) reached[r] = 1;
    for (let head = 0; head < queue.length; head++) {
      for (const next of this.nodes[queue[head]!]!.edges) {
        if (!reached[next]) {
          reached[next] = 1;
          queue.push(next);
        }
      }
    }
    return reached;
  }

  private locked(i: number, dev: boolean): LockedPackage {
    const node = this.nodes[i]!;
    const pkg: LockedPackage = { name: node.name, version: node.version, dev };
    if (node.hasInstallScript !== undefined) pkg.hasInstallScript = node.hasInstallScript;
    return pkg;
  }
}
