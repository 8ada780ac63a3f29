// Quoting for every place a project value can land in a Dockerfile. Each function returns
// finished text, or throws when the value cannot be made safe there; templates never splice
// raw project strings into Dockerfile syntax.
import { UserError } from '../errors.js';
import { escapeControls } from '../terminal-text.js';

// Control characters (newlines included) would start a new Dockerfile instruction or break a
// JSON/ENV token; nothing legitimate in a command, path or name needs them.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f\u2028\u2029]/;

export function assertNoControl(value: string, what: string): void {
  if (CONTROL.test(value)) {
    throw new UserError(`${what} contains a newline or control character (${JSON.stringify(value).slice(0, 80)}), which cannot be put safely into a Dockerfile. Remove it, or pass the value with the matching flag.`);
  }
}

/** An exec-form JSON array: ["node", "server.js"]. JSON escaping keeps quotes and backslashes inert. */
export function execForm(argv: readonly string[], what = 'start command'): string {
  for (const arg of argv) assertNoControl(arg, what);
  return visibleJson(argv);
}

/**
 * A JSON array with C1, bidirectional and other format characters written as \u escapes: the
 * same value to the Dockerfile's JSON parser, but no invisible character that reorders what a
 * reader of the file sees (src/terminal-text.ts).
 */
function visibleJson(values: readonly string[]): string {
  return escapeControls(JSON.stringify(values).replace(/","/g, '", "'));
}

/** One POSIX shell word: bare when it only has safe characters, else single-quoted. */
export function shellWord(value: string, what = 'value'): string {
  assertNoControl(value, what);
  if (value !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * A double-quoted value for ENV and LABEL. The Dockerfile parser treats backslash and `$` inside
 * double quotes specially (escapes and variable expansion), so both are escaped.
 */
export function dockerString(value: string, what = 'value'): string {
  assertNoControl(value, what);
  return `"${value.replace(/[\\"$]/g, (c) => `\\${c}`)}"`;
}

/** Text for one comment line: control characters become spaces, so it cannot end the comment. */
export function commentText(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(/[\p{Cc}\p{Cf}]/gu, (c) => escapeControls(c));
}

/** Characters that need no quoting in any COPY or WORKDIR argument. */
const PLAIN_PATH = /^[A-Za-z0-9_@%+=:,./-]+$/;

/**
 * A backslash in a path cannot be written so that BuildKit reads it back: the Dockerfile parser
 * takes `\` at the end of a line as a line continuation (parser.go lineContinuationRegex), its
 * word lexer takes it as an escape (shell/lex.go processStopOn), and COPY's matcher as a glob
 * escape that it only honours inside a pattern (fsutil copy.go containsWildcards). Refused; the
 * project-facing gate (src/detect/validate.ts) names the file first, this is the backstop.
 */
export function assertNoBackslash(path: string, what = 'path'): void {
  if (path.includes('\\')) {
    throw new UserError(`The ${what} ${JSON.stringify(path.length > 120 ? `${path.slice(0, 119)}…` : path)} contains a backslash, which a Dockerfile reads as an escape or line continuation, so COPY and WORKDIR cannot name it exactly. Rename it without "\\" and run again.`);
  }
}

/**
 * One word as BuildKit's word lexer will read it back (moby/buildkit frontend/dockerfile/shell/lex.go:
 * COPY sources and destinations and WORKDIR go through ProcessWord, even in JSON form): quotes,
 * `$` and `<` are escaped with a backslash, which the lexer drops.
 */
function lexEscaped(word: string): string {
  return word.replace(/['"$<]/g, (c) => `\\${c}`);
}

/**
 * COPY reads its sources as glob patterns, so `*`, `?` and `[` in a name would copy other files
 * too. No spelling names such a file on every engine: BuildKit matches with Go's filepath.Match
 * per path element (tonistiigi/fsutil copy.go ResolveWildcards) and honours a `\` escape only in
 * an element that also holds a real wildcard, while a one-character class (`[*]`) that BuildKit
 * reads literally still matched other names under Podman 4.3 (buildah), as did `\*`. So such a
 * source is refused; the project-facing gate (src/detect/validate.ts) names the file first.
 */
export function assertNoGlob(path: string, what = 'path'): void {
  if (/[*?[]/.test(path)) {
    throw new UserError(`The ${what} ${JSON.stringify(path.length > 120 ? `${path.slice(0, 119)}…` : path)} contains "*", "?" or "[", which COPY reads as a wildcard, so it would copy other files too. Rename it without them and run again.`);
  }
}

/**
 * The sources and destination of a COPY. The Dockerfile parser splits COPY arguments on
 * whitespace and does not understand shell quotes, so anything beyond plain path characters
 * switches to the JSON form, which it parses exactly; each element is then escaped for BuildKit's
 * word lexer, so the path copied is the path named (glob characters in a source are refused).
 * `{{copy list}}` (one list) takes its last item as the destination.
 */
export function copyArgs(sources: readonly string[], destination: string): string {
  const all = [...sources, destination];
  for (const path of all) {
    assertNoControl(path, 'path');
    assertNoBackslash(path);
  }
  for (const source of sources) assertNoGlob(source);
  if (all.every((p) => PLAIN_PATH.test(p) && !p.startsWith('-'))) return all.join(' ');
  const words = all.map(lexEscaped);
  return visibleJson(words);
}

/**
 * A WORKDIR path. WORKDIR has no JSON form: the parser takes the rest of the line with its ends
 * trimmed (a trailing space would be lost, a trailing backslash would continue the line onto the
 * next instruction), then the word lexer reads quotes and escapes. So anything beyond plain path
 * characters is double-quoted, with `"` and `$` escaped as the lexer reads them inside double
 * quotes (lex.go processDoubleQuote); a backslash is refused above.
 */
export function workdirArg(path: string): string {
  assertNoControl(path, 'WORKDIR path');
  assertNoBackslash(path, 'WORKDIR path');
  if (PLAIN_PATH.test(path)) return path;
  return `"${path.replace(/["$]/g, (c) => `\\${c}`)}"`;
}

/**
 * A path as a .dockerignore line that matches exactly that path. Docker reads each line as a
 * Go filepath.Match pattern after trimming it; `#` first makes a comment and `!` first a
 * re-include (https://docs.docker.com/build/concepts/context/#dockerignore-files). So `*`, `?`, `[`,
 * a leading `#` or `!` and a leading or trailing space become one-character classes; a backslash
 * or control character cannot be written and is refused.
 */
export function dockerignoreLiteral(path: string): string {
  assertNoControl(path, 'path');
  assertNoBackslash(path);
  return path
    .replace(/[*?[]/g, (c) => `[${c}]`)
    .replace(/^[#!]/, (c) => `[${c}]`)
    .replace(/^ +| +$/g, (spaces) => '[ ]'.repeat(spaces.length));
}
