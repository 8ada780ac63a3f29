// Quoting for every place a project value can land in a Dockerfile. Each function returns
// finished text, or throws when the value cannot be made safe there; templates never splice
// raw project strings into Dockerfile syntax.
import { UserError } from '../errors.js';

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
  return JSON.stringify(argv).replace(/","/g, '", "');
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
  return value.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ');
}

/**
 * The sources and destination of a COPY. The Dockerfile parser splits COPY arguments on
 * whitespace and does not understand shell quotes, so anything beyond plain path characters
 * switches to the JSON form, which it parses exactly.
 */
export function copyArgs(sources: readonly string[], destination: string): string {
  const all = [...sources, destination];
  for (const path of all) assertNoControl(path, 'path');
  if (all.every((p) => /^[A-Za-z0-9_@%+=:,./-]+$/.test(p) && !p.startsWith('-'))) return all.join(' ');
  return JSON.stringify(all).replace(/","/g, '", "');
}
