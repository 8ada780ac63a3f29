// A .dockerignore read and matched as Docker reads it (moby/patternmatcher, ignorefile.ReadAll
// and PatternMatcher.MatchesOrParentMatches; https://docs.docker.com/build/concepts/context/#dockerignore-files):
// - a line starting with `#` is a comment, blank lines are skipped, each line is trimmed;
// - `!` makes an exception; each pattern is cleaned like a path (`a/./b/` is `a/b`) and a leading
//   `/` dropped, so every pattern is anchored at the context root;
// - `*` is any run of characters but `/`, `?` one such character, `[...]` a class, `\` escapes;
//   `**` is any number of folders (`**/` may match none); a trailing `**` matches everything;
// - a path is excluded when the last pattern matching it, or one of its parent folders, is not
//   an exception.
// Patterns are compiled to a small automaton and run over the path once (cost at most path
// length x pattern length): no regular expression is built from their text. src/detect/glob.ts
// is not reused: it walks folders for workspace globs, with `{a,b}` braces and `**` only as a
// whole segment, where Docker has no braces, reads `a**b` and a trailing `**` its own way, and
// decides by the last matching line over the path and its parent folders.

export type Token =
  | { kind: 'char'; char: string }
  | { kind: 'any' }
  | { kind: 'class'; negated: boolean; ranges: Array<[string, string]> }
  // `*`: any run of characters other than a slash.
  | { kind: 'star' }
  // `**` before more pattern: any prefix ending in a slash, or nothing.
  | { kind: 'dirs' }
  // `**` at the end: anything at all.
  | { kind: 'all' };

export interface IgnorePattern {
  /** As written in the file, for messages. */
  source: string;
  /** 1-based line in the file. */
  line: number;
  exception: boolean;
  tokens: Token[];
}

/** Path cleaning as Go's path.Clean does it, for patterns and COPY sources. */
export function cleanPath(path: string): string {
  const rooted = path.startsWith('/');
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
      else if (!rooted) parts.push('..');
      continue;
    }
    parts.push(part);
  }
  const joined = parts.join('/');
  return rooted ? `/${joined}` : joined === '' ? '.' : joined;
}

function compile(pattern: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        i++;
        if (pattern[i + 1] === '/') i++;
        tokens.push(i + 1 >= pattern.length ? { kind: 'all' } : { kind: 'dirs' });
      } else {
        tokens.push({ kind: 'star' });
      }
    } else if (c === '?') {
      tokens.push({ kind: 'any' });
    } else if (c === '\\' && i + 1 < pattern.length) {
      tokens.push({ kind: 'char', char: pattern[++i]! });
    } else if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end < 0) {
        tokens.push({ kind: 'char', char: c });
        continue;
      }
      let body = pattern.slice(i + 1, end);
      const negated = body.startsWith('^') || body.startsWith('!');
      if (negated) body = body.slice(1);
      const ranges: Array<[string, string]> = [];
      for (let k = 0; k < body.length; k++) {
        if (body[k + 1] === '-' && k + 2 < body.length) {
          ranges.push([body[k]!, body[k + 2]!]);
          k += 2;
        } else {
          ranges.push([body[k]!, body[k]!]);
        }
      }
      tokens.push({ kind: 'class', negated, ranges });
      i = end;
    } else {
      tokens.push({ kind: 'char', char: c });
    }
  }
  return tokens;
}

export function parseDockerignore(text: string): IgnorePattern[] {
  const patterns: IgnorePattern[] = [];
  text.split('\n').forEach((raw, index) => {
    let line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const exception = line.startsWith('!');
    if (exception) line = line.slice(1).trim();
    if (line === '') return;
    let pattern = cleanPath(line);
    if (pattern.length > 1 && pattern.startsWith('/')) pattern = pattern.slice(1);
    patterns.push({ source: raw.trim(), line: index + 1, exception, tokens: compile(pattern) });
  });
  return patterns;
}

/**
 * Whether the tokens match the whole path. The automaton's states are token positions; `dirs`
 * has an inner state (inside the prefix, waiting for a slash), kept as position + 0.5.
 */
export function matchTokens(tokens: Token[], path: string): boolean {
  // The lint runs on every generation, over every COPY source and its parents against every
  // pattern: the usual shapes are answered by string tests, the rest by the automaton.
  const shape = shapeFor(tokens);
  switch (shape.kind) {
    case 'exact':
      return path === shape.text;
    case 'anywhere':
      return path === shape.text || path.endsWith(`/${shape.text}`);
    case 'suffix':
      return path.slice(path.lastIndexOf('/') + 1).endsWith(shape.text);
    case 'under':
      return path.startsWith(shape.text);
    default:
      // A run of literal characters must appear in the path as it is: most paths lack it.
      return path.includes(shape.required) && matchAutomaton(tokens, path);
  }
}

/**
 * Pattern shapes a string test decides exactly as the automaton does: `name` (exact), `**\/name`
 * (anywhere), `**\/*.ext` (a last segment ending so), `dir/**` (under), or any other, with its
 * longest run of literal characters, which a matching path contains.
 */
type Shape = { kind: 'exact' | 'anywhere' | 'suffix' | 'under'; text: string } | { kind: 'other'; required: string };
const shapes = new WeakMap<Token[], Shape>();

function shapeFor(tokens: Token[]): Shape {
  let shape = shapes.get(tokens);
  if (shape === undefined) {
    shape = shapeOf(tokens);
    shapes.set(tokens, shape);
  }
  return shape;
}

function shapeOf(tokens: Token[]): Shape {
  const literal = (from: number, to = tokens.length): string | null => {
    let text = '';
    for (let i = from; i < to; i++) {
      const token = tokens[i]!;
      if (token.kind !== 'char') return null;
      text += token.char;
    }
    return text;
  };
  const kinds = tokens.map((t) => t.kind);
  const exact = literal(0);
  if (exact !== null) return { kind: 'exact', text: exact };
  if (kinds[0] === 'dirs') {
    const rest = literal(1);
    if (rest !== null && rest !== '') return { kind: 'anywhere', text: rest };
    const tail = kinds[1] === 'star' ? literal(2) : null;
    if (tail !== null && !tail.includes('/')) return { kind: 'suffix', text: tail };
  }
  if (kinds[kinds.length - 1] === 'all') {
    const prefix = literal(0, tokens.length - 1);
    if (prefix !== null) return { kind: 'under', text: prefix };
  }
  let required = '';
  let run = '';
  for (const token of tokens) {
    run = token.kind === 'char' ? run + token.char : '';
    if (run.length > required.length) required = run;
  }
  return { kind: 'other', required };
}

/** The automaton behind matchTokens, for every pattern shape (exported for the test that compares the two). */
export function matchAutomaton(tokens: Token[], path: string): boolean {
  // Most patterns start with a literal character, which the path's first must be.
  const first = tokens[0];
  if (first?.kind === 'char' && path[0] !== first.char) return false;
  // Close a set of states under the moves that consume nothing.
  const close = (states: Set<number>) => {
    const stack = [...states];
    while (stack.length > 0) {
      const s = stack.pop()!;
      if (!Number.isInteger(s) || s >= tokens.length) continue;
      const token = tokens[s]!;
      if (token.kind === 'star' || token.kind === 'dirs' || token.kind === 'all') {
        if (!states.has(s + 1)) {
          states.add(s + 1);
          stack.push(s + 1);
        }
      }
    }
    return states;
  };
  let states = close(new Set([0]));
  for (const char of path) {
    const next = new Set<number>();
    for (const s of states) {
      if (!Number.isInteger(s)) {
        // Inside a `**/` prefix: any character stays inside, a `/` may also end it.
        next.add(s);
        if (char === '/') next.add(s + 0.5);
        continue;
      }
      const token = tokens[s];
      if (token === undefined) continue;
      switch (token.kind) {
        case 'char':
          if (token.char === char) next.add(s + 1);
          break;
        case 'any':
          if (char !== '/') next.add(s + 1);
          break;
        case 'class':
          if (token.ranges.some(([from, to]) => char >= from && char <= to) !== token.negated && char !== '/') next.add(s + 1);
          break;
        case 'star':
          if (char !== '/') next.add(s);
          break;
        case 'dirs':
          next.add(s + 0.5);
          if (char === '/') next.add(s + 1);
          break;
        case 'all':
          next.add(s);
          break;
      }
    }
    states = close(next);
    if (states.size === 0) return false;
  }
  return states.has(tokens.length);
}

/** The pattern that decides a path's fate: the last one matching it or a parent folder; null when none does. */
export function decidingPattern(patterns: IgnorePattern[], path: string): IgnorePattern | null {
  return ignoreMatcher(patterns).deciding(path);
}

/** The excluding pattern when the path is kept out of the build context, else null. */
export function ignoredBy(patterns: IgnorePattern[], path: string): IgnorePattern | null {
  return ignoreMatcher(patterns).ignoring(path);
}

export interface IgnoreMatcher {
  /** The last pattern matching the path or one of its parent folders; null when none does. */
  deciding(path: string): IgnorePattern | null;
  /** The excluding pattern when the path is kept out of the build context, else null. */
  ignoring(path: string): IgnorePattern | null;
}

/**
 * One .dockerignore, ready for many paths (the lint asks about every COPY source): `name` and
 * `**\/name` patterns are looked up by the path and by its last segment instead of being tried
 * one by one, and each folder is decided once however many of the paths are inside it.
 */
export function ignoreMatcher(patterns: IgnorePattern[]): IgnoreMatcher {
  const exact = new Map<string, number>();
  const lastSegment = new Map<string, number>();
  const others: number[] = [];
  patterns.forEach((pattern, index) => {
    const shape = shapeFor(pattern.tokens);
    // Indexes grow, so a map keeps each text's last pattern: the one that decides.
    if (shape.kind === 'exact') exact.set(shape.text, index);
    else if (shape.kind === 'anywhere' && !shape.text.includes('/')) lastSegment.set(shape.text, index);
    else others.push(index);
  });
  // The index of the last pattern matching the path itself (not its parents), -1 for none.
  const lastMatches = new Map<string, number>();
  const lastMatch = (path: string): number => {
    let found = lastMatches.get(path);
    if (found !== undefined) return found;
    found = Math.max(exact.get(path) ?? -1, lastSegment.get(path.slice(path.lastIndexOf('/') + 1)) ?? -1);
    for (let k = others.length - 1; k >= 0 && others[k]! > found; k--) {
      if (matchTokens(patterns[others[k]!]!.tokens, path)) found = others[k]!;
    }
    lastMatches.set(path, found);
    return found;
  };
  const deciding = (path: string): IgnorePattern | null => {
    const clean = cleanPath(path);
    let decided = lastMatch(clean);
    for (let slash = clean.indexOf('/'); slash !== -1; slash = clean.indexOf('/', slash + 1)) decided = Math.max(decided, lastMatch(clean.slice(0, slash)));
    return decided === -1 ? null : patterns[decided]!;
  };
  return {
    deciding,
    ignoring: (path) => {
      const decided = deciding(path);
      return decided && !decided.exception ? decided : null;
    },
  };
}
