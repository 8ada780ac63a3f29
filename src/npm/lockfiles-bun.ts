// bun.lock, Bun's text lockfile (Bun >= 1.2): JSON with trailing commas. `workspaces` lists
// each workspace's dependencies by kind; `packages` maps an install path ("sharp", or
// "parent/dep" for a copy nested under parent) to [ "name@version", registry, { dependencies,
// optionalDependencies, ... }, integrity ]. Dependencies are names with ranges, resolved like
// node_modules: the nearest copy up the path. bun.lockb, the older binary format, is not read here.
import { DependencyGraph, isRecord, lineAt, lockfileError, stringEntries, type LockfileContents, type ParseContext } from './lockfiles-common.js';

export function parseBunLock(text: string, context: ParseContext): LockfileContents {
  let doc: unknown;
  try {
    doc = JSON.parse(stripJsonc(text.replace(/^\uFEFF/, '')));
  } catch (error) {
    const match = /position (\d+)/.exec(String((error as Error).message));
    throw lockfileError(context.file, match ? lineAt(text, Number(match[1])) : null, `invalid JSON (${(error as Error).message})`);
  }
  if (!isRecord(doc)) throw lockfileError(context.file, null, 'the top level is not a JSON object');
  const packages = isRecord(doc.packages) ? doc.packages : {};
  const workspaces = isRecord(doc.workspaces) ? doc.workspaces : {};

  const graph = new DependencyGraph();
  const ids = new Map<string, number>();
  const workspaceIds = new Set<number>();
  const metas: Array<[number, string[], Record<string, unknown> | null]> = [];
  for (const [path, value] of Object.entries(packages)) {
    if (!Array.isArray(value) || typeof value[0] !== 'string') {
      throw lockfileError(context.file, null, `packages["${path}"] is not [ "name@version", ... ]`);
    }
    const ident = value[0];
    const at = ident.indexOf('@', 1);
    const name = at === -1 ? ident : ident.slice(0, at);
    const version = at === -1 ? '' : ident.slice(at + 1);
    const id = graph.add(name, version);
    ids.set(path, id);
    let meta = value.find((part: unknown) => isRecord(part)) as Record<string, unknown> | undefined;
    // A workspace package ("app@workspace:packages/app") takes its dependencies from `workspaces`.
    if (version.startsWith('workspace:')) {
      workspaceIds.add(id);
      const workspace = workspaces[version.slice('workspace:'.length)];
      meta = isRecord(workspace) ? productionOnly(workspace) : undefined;
    }
    metas.push([id, segments(path), meta ?? null]);
  }

  /** node_modules lookup: "a/b" asking for c tries "a/b/c", "a/c", then "c". */
  const resolve = (from: string[], name: string): number | undefined => {
    for (let depth = from.length; depth >= 0; depth--) {
      const key = depth === 0 ? name : `${from.slice(0, depth).join('/')}/${name}`;
      const id = ids.get(key);
      if (id !== undefined) return id;
    }
    return undefined;
  };

  for (const [id, path, meta] of metas) {
    if (!meta) continue;
    for (const field of ['dependencies', 'optionalDependencies', 'peerDependencies']) {
      for (const [name] of stringEntries(meta[field])) {
        const to = resolve(path, name);
        if (to !== undefined) graph.edge(id, to);
      }
    }
  }
  for (const [path, workspace] of Object.entries(workspaces)) {
    if (!isRecord(workspace)) continue;
    const own = typeof workspace.name === 'string' && path !== '' ? [workspace.name] : [];
    for (const field of ['dependencies', 'optionalDependencies', 'peerDependencies']) {
      for (const [name] of stringEntries(workspace[field])) {
        const to = resolve(own, name);
        if (to !== undefined) graph.root(to);
      }
    }
  }
  return { packages: graph.packages((id) => workspaceIds.has(id)), recordsInstallScripts: false };
}

function productionOnly(workspace: Record<string, unknown>): Record<string, unknown> {
  return {
    dependencies: workspace.dependencies,
    optionalDependencies: workspace.optionalDependencies,
    peerDependencies: workspace.peerDependencies,
  };
}

/** "@scope/a/b" -> ["@scope/a", "b"]: package names along an install path. */
function segments(path: string): string[] {
  const parts = path.split('/');
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part.startsWith('@') && i + 1 < parts.length) {
      out.push(`${part}/${parts[i + 1]}`);
      i++;
    } else {
      out.push(part);
    }
  }
  return out;
}

/**
 * JSONC to JSON in one pass: comments and trailing commas become spaces (newlines kept), so
 * offsets and line numbers in JSON.parse errors still match the file.
 */
export function stripJsonc(text: string): string {
  const blank: Array<[number, number]> = [];
  let pendingComma = -1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      pendingComma = -1;
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 0x5c /* \ */) i += 2;
        else if (d === 0x22) break;
        else i++;
      }
      i++;
    } else if (c === 0x2f /* / */ && text.charCodeAt(i + 1) === 0x2f) {
      const end = text.indexOf('\n', i);
      const stop = end === -1 ? n : end;
      blank.push([i, stop]);
      i = stop;
    } else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a /* * */) {
      const end = text.indexOf('*/', i + 2);
      const stop = end === -1 ? n : end + 2;
      blank.push([i, stop]);
      i = stop;
    } else if (c === 0x2c /* , */) {
      pendingComma = i;
      i++;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      if (pendingComma !== -1) blank.push([pendingComma, pendingComma + 1]);
      pendingComma = -1;
      i++;
    } else {
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) pendingComma = -1;
      i++;
    }
  }
  if (blank.length === 0) return text;
  blank.sort((a, b) => a[0] - b[0]);
  const parts: string[] = [];
  let last = 0;
  for (const [from, to] of blank) {
    parts.push(text.slice(last, from), text.slice(from, to).replace(/[^\n]/g, ' '));
    last = to;
  }
  parts.push(text.slice(last));
  return parts.join('');
}
