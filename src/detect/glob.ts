// Folder globs from project files (package.json "workspaces", pnpm-workspace.yaml "packages",
// Cargo.toml [workspace] members), matched without building a regular expression from them: a
// RegExp made of `apps/*a*a*a*...*b` backtracks for longer than anyone waits, and one made of
// `apps/[` does not compile at all. Here a glob is parsed once, with limits on its length and on
// how many patterns its braces expand to, into segments that are matched against folder names
// piece by piece (cost at most name length x pattern length), and a folder walk visits each
// (segment, folder) pair once however many `**` the glob holds.
//
// The syntax is what those tools document: `*` and `?` within a segment, `[abc]`, `[a-z]`, `[!a]`
// or `[^a]` classes, `{a,b}` alternatives (nested too), `\` escaping the next character, and `**`
// as a whole segment for any number of folders (https://github.com/micromatch/picomatch#globbing-features,
// https://docs.rs/glob/latest/glob/struct.Pattern.html). A `[` or `{` that is never closed is a
// literal character, as in the shell.

/** Longest glob accepted: real workspace globs are a few dozen characters. */
export const MAX_GLOB_LENGTH = 1024;
/** Most patterns one glob's braces may expand to (`{a,b}{c,d}` is four). */
export const MAX_GLOB_ALTERNATIVES = 256;

/** A glob beyond the limits above, or one that cannot be read (an unclosed "["); the caller names the file it came from. */
export class GlobLimitError extends Error {}

type Token = { kind: 'char'; char: string } | { kind: 'any' } | { kind: 'star' } | { kind: 'class'; negated: boolean; ranges: Array<[string, string]> };

export type Segment =
  | { kind: 'globstar' }
  /** No wildcard: the folder name itself. */
  | { kind: 'name'; name: string }
  | { kind: 'wild'; tokens: Token[] };

export interface Glob {
  /** The glob as written, for messages. */
  source: string;
  /** One segment list per brace alternative, consecutive `**` folded into one. */
  alternatives: Segment[][];
}

/** Parses a glob; throws GlobLimitError when it is too long or its braces expand too far. */
export function parseGlob(source: string): Glob {
  if (source.length > MAX_GLOB_LENGTH) {
    throw new GlobLimitError(`is ${source.length} characters long, more than the ${MAX_GLOB_LENGTH} a folder glob may have`);
  }
  const alternatives = expandBraces(source).map((pattern) => {
    const segments: Segment[] = [];
    for (const part of pattern.split('/')) {
      if (part === '' || part === '.') continue;
      const segment = parseSegment(part);
      if (segment.kind === 'globstar' && segments[segments.length - 1]?.kind === 'globstar') continue;
      segments.push(segment);
    }
    return segments;
  });
  return { source, alternatives };
}

/** True when a glob has wildcards (a plain path needs no folder listing). */
export function isPlainPath(segments: Segment[]): boolean {
  return segments.every((s) => s.kind === 'name');
}

/**
 * Brace alternatives, stopping at MAX_GLOB_ALTERNATIVES.
 * `{a}` (no comma) and an unclosed `{` stay literal.
 */
export function expandBraces(pattern: string): string[] {
  const done: string[] = [];
  const queue = [pattern];
  while (queue.length > 0) {
    const current = queue.shift() as string;
    const group = firstBraceGroup(current);
    if (group === null) {
      done.push(current);
    } else {
      const head = current.slice(0, group.open);
      const tail = current.slice(group.close + 1);
      for (const option of group.options) queue.push(head + option + tail);
    }
    if (done.length + queue.length > MAX_GLOB_ALTERNATIVES) {
      throw new GlobLimitError(`expands to more than ${MAX_GLOB_ALTERNATIVES} patterns through its {a,b} braces`);
    }
  }
  return done;
}

/**
 * The first balanced `{...}` to close that has a comma at its own level, split at those commas;
 * one pass. Inner groups go first: `{a,{b,c}}` gives `{a,b}` and `{a,c}`, then a, b, a, c (the
 * same folders as the shell's a, b, c).
 */
function firstBraceGroup(text: string): { open: number; close: number; options: string[] } | null {
  const open: Array<{ at: number; commas: number[] }> = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      i++;
    } else if (c === '{') {
      open.push({ at: i, commas: [] });
    } else if (c === ',' && open.length > 0) {
      open[open.length - 1]!.commas.push(i);
    } else if (c === '}' && open.length > 0) {
      const group = open.pop()!;
      if (group.commas.length > 0) {
        const bounds = [group.at, ...group.commas, i];
        return { open: group.at, close: i, options: bounds.slice(0, -1).map((start, k) => text.slice(start + 1, bounds[k + 1])) };
      }
    }
  }
  return null;
}

function parseSegment(part: string): Segment {
  if (part === '**') return { kind: 'globstar' };
  const tokens: Token[] = [];
  let wild = false;
  for (let i = 0; i < part.length; i++) {
    const c = part[i] as string;
    if (c === '\\' && i + 1 < part.length) {
      tokens.push({ kind: 'char', char: part[++i] as string });
    } else if (c === '*') {
      wild = true;
      // `**` inside a segment (a**b) is one star; consecutive stars are one.
      if (tokens[tokens.length - 1]?.kind !== 'star') tokens.push({ kind: 'star' });
    } else if (c === '?') {
      wild = true;
      tokens.push({ kind: 'any' });
    } else if (c === '[') {
      const parsed = parseClass(part, i);
      if (parsed === null) {
        // Cargo's glob crate refuses it, and npm or pnpm would match nothing: say so instead.
        throw new GlobLimitError(`has an unclosed "[" (a character class that never ends) in ${JSON.stringify(part.slice(i))}`);
      } else {
        wild = true;
        tokens.push(parsed.token);
        i = parsed.end;
      }
    } else {
      tokens.push({ kind: 'char', char: c });
    }
  }
  if (!wild) return { kind: 'name', name: tokens.map((t) => (t as { char: string }).char).join('') };
  return { kind: 'wild', tokens };
}

/** `[...]` starting at `start`; null when it is never closed (an error for the caller). */
function parseClass(part: string, start: number): { token: Token; end: number } | null {
  let i = start + 1;
  const negated = part[i] === '!' || part[i] === '^';
  if (negated) i++;
  const ranges: Array<[string, string]> = [];
  let first = true;
  while (i < part.length) {
    let c = part[i] as string;
    if (c === ']' && !first) return { token: { kind: 'class', negated, ranges }, end: i };
    first = false;
    if (c === '\\' && i + 1 < part.length) c = part[++i] as string;
    if (part[i + 1] === '-' && i + 2 < part.length && part[i + 2] !== ']') {
      let to = part[i + 2] as string;
      i += 2;
      if (to === '\\' && i + 1 < part.length) to = part[++i] as string;
      ranges.push([c, to]);
    } else {
      ranges.push([c, c]);
    }
    i++;
  }
  return null;
}

function tokenMatches(token: Token, char: string): boolean {
  switch (token.kind) {
    case 'char':
      return token.char === char;
    case 'any':
      return true;
    case 'class': {
      const inside = token.ranges.some(([from, to]) => char >= from && char <= to);
      return inside !== token.negated;
    }
    default:
      return false;
  }
}

/** Does `pieceTokens` (no stars) match `name` at `at`? */
function pieceAt(piece: Token[], name: string, at: number): boolean {
  if (at + piece.length > name.length) return false;
  for (let k = 0; k < piece.length; k++) if (!tokenMatches(piece[k] as Token, name[at + k] as string)) return false;
  return true;
}

/**
 * Whether one folder name matches a segment. A wildcard segment is star-separated pieces of
 * fixed width: the first must match at the start, the last at the end, and each middle piece at
 * its leftmost place after the previous one (leftmost is always safe for `*`), so the cost is at
 * most name length x segment length, never exponential.
 */
export function matchSegment(segment: Segment, name: string): boolean {
  if (segment.kind === 'globstar') return true;
  if (segment.kind === 'name') return segment.name === name;
  const pieces: Token[][] = [[]];
  for (const token of segment.tokens) {
    if (token.kind === 'star') pieces.push([]);
    else pieces[pieces.length - 1]!.push(token);
  }
  const first = pieces[0] as Token[];
  if (pieces.length === 1) return first.length === name.length && pieceAt(first, name, 0);
  const last = pieces[pieces.length - 1] as Token[];
  const fixed = pieces.reduce((sum, p) => sum + p.length, 0);
  if (fixed > name.length || !pieceAt(first, name, 0) || !pieceAt(last, name, name.length - last.length)) return false;
  let at = first.length;
  const end = name.length - last.length;
  for (const piece of pieces.slice(1, -1)) {
    let found = -1;
    for (let start = at; start + piece.length <= end; start++) {
      if (pieceAt(piece, name, start)) {
        found = start;
        break;
      }
    }
    if (found < 0) return false;
    at = found + piece.length;
  }
  return true;
}

/** What a glob walk needs from the project: folder listings and whether a path is a folder. */
export interface FolderTree {
  /** Sub-folders of a folder that a `*` or `**` may enter (callers leave out node_modules, dot folders). */
  children(dir: string): string[];
  isDir(dir: string): boolean;
}

/**
 * Folders (root-relative, "." for the root) that match the glob, at most `maxDepth` levels deep.
 * Each (segment, folder) pair is visited once, so a glob with hundreds of `**` costs no more
 * than its number of segments times the folders within reach.
 */
export function globFolders(glob: Glob, tree: FolderTree, maxDepth: number): string[] {
  const out = new Set<string>();
  for (const segments of glob.alternatives) {
    const seen = new Set<string>();
    const stack: Array<[number, string, number]> = [[0, '.', 0]];
    while (stack.length > 0) {
      const [index, base, depth] = stack.pop()!;
      const key = `${index}\u0000${base}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (index === segments.length) {
        out.add(base);
        continue;
      }
      if (depth >= maxDepth) continue;
      const segment = segments[index] as Segment;
      const join = (name: string) => (base === '.' ? name : `${base}/${name}`);
      if (segment.kind === 'globstar') {
        stack.push([index + 1, base, depth]);
        for (const name of tree.children(base)) stack.push([index, join(name), depth + 1]);
      } else if (segment.kind === 'name') {
        if (segment.name !== '..' && tree.isDir(join(segment.name))) stack.push([index + 1, join(segment.name), depth + 1]);
      } else {
        for (const name of tree.children(base)) if (matchSegment(segment, name)) stack.push([index + 1, join(name), depth + 1]);
      }
    }
  }
  return [...out].sort();
}
