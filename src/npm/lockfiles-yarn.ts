// yarn.lock: classic (v1, its own indented text format) and berry (v2+, YAML with __metadata).
// Neither marks dev packages, so production is computed by walking descriptors ("name@range",
// the keys of each entry) from the production dependencies. Berry records workspaces as entries
// ("app@workspace:."), whose dependencies include their devDependencies: the workspace's own
// package.json tells which are production.
import {
  DependencyGraph,
  isRecord,
  lockfileError,
  productionNames,
  stringEntries,
  type LockfileContents,
  type ParseContext,
} from './lockfiles-common.js';
import { parseLockfileYaml } from './lockfiles-yaml.js';

export function parseYarnLock(text: string, context: ParseContext): LockfileContents {
  return /^__metadata:/m.test(text) ? parseBerry(text, context) : parseClassic(text, context);
}

interface ClassicEntry {
  keys: string[];
  fields: Map<string, string>;
  deps: Array<[string, string]>;
}

const DEPENDENCY_SECTIONS = new Set(['dependencies', 'optionalDependencies']);

function parseClassic(text: string, context: ParseContext): LockfileContents {
  const entries = readClassicEntries(text, context.file);
  const graph = new DependencyGraph();
  const byDescriptor = new Map<string, number>();
  for (const entry of entries) {
    const first = splitDescriptor(entry.keys[0]!);
    const id = graph.add(realName(first.name, first.range), entry.fields.get('version') ?? '');
    for (const key of entry.keys) byDescriptor.set(key, id);
  }
  entries.forEach((entry, id) => {
    for (const [name, range] of entry.deps) {
      const to = byDescriptor.get(`${name}@${range}`);
      if (to !== undefined) graph.edge(id, to);
    }
  });
  // Yarn classic does not record workspaces; the root manifest's production dependencies are the roots.
  for (const field of ['dependencies', 'optionalDependencies', 'peerDependencies']) {
    for (const [name, range] of stringEntries(context.manifest[field])) {
      const to = byDescriptor.get(`${name}@${range}`);
      if (to !== undefined) graph.root(to);
    }
  }
  return { packages: graph.packages(), recordsInstallScripts: false };
}

/**
 * The v1 grammar as yarn writes it: "key1, key2:" at column 0, "  field value" or
 * "  section:" at 2, "    name range" at 4; comments start with '#'.
 */
function readClassicEntries(text: string, file: string): ClassicEntry[] {
  const entries: ClassicEntry[] = [];
  let current: ClassicEntry | null = null;
  let section: string | null = null;
  let lineNo = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    let line = text.slice(start, end);
    start = end + 1;
    lineNo++;
    if (line.endsWith('\r')) line = line.slice(0, -1);
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const indent = line.length - line.trimStart().length;
    const bad = (what: string) => lockfileError(file, lineNo, what);
    if (indent === 0) {
      if (!trimmed.endsWith(':')) throw bad('expected "package@range:" to start an entry');
      const keys = trimmed.slice(0, -1).split(',').map((k) => unquote(k.trim())).filter((k) => k !== '');
      if (keys.length === 0) throw bad('an entry has no package name');
      current = { keys, fields: new Map(), deps: [] };
      entries.push(current);
      section = null;
    } else if (indent === 2 && current) {
      if (trimmed.endsWith(':')) {
        section = unquote(trimmed.slice(0, -1));
      } else {
        const [key, value] = splitPair(trimmed);
        if (value === null) throw bad(`"${key}" has no value`);
        current.fields.set(key, value);
        section = null;
      }
    } else if (indent === 4 && current && section !== null) {
      const [name, range] = splitPair(trimmed);
      if (range === null) throw bad(`dependency "${name}" has no range`);
      if (DEPENDENCY_SECTIONS.has(section)) current.deps.push([name, range]);
    } else {
      throw bad('unexpected indentation');
    }
  }
  return entries;
}

/** `"@scope/a" "^1.0.0"` or `version 1.2.3` -> [key, value]; value null when missing. */
function splitPair(text: string): [string, string | null] {
  let key: string;
  let rest: string;
  if (text.startsWith('"')) {
    let i = 1;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    key = unquote(text.slice(0, i + 1));
    rest = text.slice(i + 1).trim();
  } else {
    const space = text.indexOf(' ');
    key = space === -1 ? text : text.slice(0, space);
    rest = space === -1 ? '' : text.slice(space + 1).trim();
  }
  return [key, rest === '' ? null : unquote(rest)];
}

function unquote(text: string): string {
  if (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) {
    try {
      return JSON.parse(text) as string;
    } catch {
      return text.slice(1, -1);
    }
  }
  return text;
}

/** "@scope/name@^1.0.0" -> name and range (the first '@' after the first character). */
function splitDescriptor(descriptor: string): { name: string; range: string } {
  const at = descriptor.indexOf('@', 1);
  return at === -1 ? { name: descriptor, range: '' } : { name: descriptor.slice(0, at), range: descriptor.slice(at + 1) };
}

/** An alias range ("npm:real@^1") installs another package under this name. */
function realName(name: string, range: string): string {
  if (!range.startsWith('npm:')) return name;
  const spec = range.slice(4);
  const at = spec.lastIndexOf('@');
  return at > 0 ? spec.slice(0, at) : spec;
}

function parseBerry(text: string, context: ParseContext): LockfileContents {
  const doc = parseLockfileYaml(text, context.file);
  if (!isRecord(doc)) throw lockfileError(context.file, null, 'the top level is not a YAML mapping');

  const graph = new DependencyGraph();
  const byDescriptor = new Map<string, number>();
  const nodes: Array<{ id: number; name: string; entry: Record<string, unknown>; workspace: string | null }> = [];
  for (const [keys, entry] of Object.entries(doc)) {
    if (keys === '__metadata' || !isRecord(entry)) continue;
    const resolution = typeof entry.resolution === 'string' ? entry.resolution : keys.split(',')[0]!.trim();
    const { name, range } = splitDescriptor(resolution);
    const workspace = range.startsWith('workspace:') ? range.slice('workspace:'.length) : null;
    const id = graph.add(name, typeof entry.version === 'string' ? entry.version : '');
    nodes.push({ id, name, entry, workspace });
    for (const key of keys.split(',')) byDescriptor.set(key.trim(), id);
  }

  for (const { id, entry, workspace } of nodes) {
    let keep: Set<string> | null = null;
    if (workspace !== null) {
      const manifest = workspace === '.' ? context.manifest : context.readManifest(workspace);
      // Without the workspace's manifest, every dependency counts (reports more, never less).
      keep = manifest ? productionNames(manifest) : null;
      graph.root(id);
    }
    for (const [name, range] of stringEntries(entry.dependencies)) {
      if (keep && !keep.has(name)) continue;
      const to = byDescriptor.get(`${name}@${range}`);
      if (to !== undefined) graph.edge(id, to);
    }
  }
  // Workspaces are the project's own sources, not installed packages.
  const workspaceIds = new Set(nodes.filter((n) => n.workspace !== null).map((n) => n.id));
  const workspaces = new Map<string, string>();
  for (const { name, workspace } of nodes) if (workspace !== null && workspace !== '.') workspaces.set(name, workspace);
  // One workspace's install: what its entry reaches (its production dependencies, other workspaces
  // through their own entries), with the root's.
  const entryOf = new Map(nodes.filter((n) => n.workspace !== null).map((n) => [n.workspace!, n.id]));
  const productionOf = (workspace: string) => {
    const id = entryOf.get(workspace);
    if (id === undefined) return null;
    const root = entryOf.get('.');
    return graph.reachedFrom(root === undefined ? [id] : [id, root], (node) => workspaceIds.has(node));
  };
  return { packages: graph.packages((id) => workspaceIds.has(id)), recordsInstallScripts: false, workspaces, productionOf };
}
