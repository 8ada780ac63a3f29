// Small scanners for project text, used where a regular expression would backtrack: a lazy
// `/\*[\s\S]*?\*\/` tried from every `/*` of a file that never closes one reads the rest of the
// file each time (quadratic). These walk the text once with indexOf.

/**
 * Every `open ... close` span replaced by `replacement`. An `open` that is never closed is left
 * as text, as the lazy regex left it, and once no closer is left no further search is made.
 */
export function removeDelimited(text: string, open: string, close: string, replacement: string | ((removed: string) => string)): string {
  const out: string[] = [];
  let copied = 0;
  let at = text.indexOf(open);
  while (at >= 0) {
    const end = text.indexOf(close, at + open.length);
    if (end < 0) break;
    out.push(text.slice(copied, at), typeof replacement === 'string' ? replacement : replacement(text.slice(at, end + close.length)));
    copied = end + close.length;
    at = text.indexOf(open, copied);
  }
  if (copied === 0) return text;
  out.push(text.slice(copied));
  return out.join('');
}

/**
 * A removed span's line breaks, each run of other characters as `fill`: positions after it keep
 * their line numbers (a port reported as file:line).
 */
export const keepLines = (fill: string) => (removed: string): string => removed.replace(/[^\n]+/g, fill);

/** Block comments (slash-star to star-slash) replaced (by a space unless told otherwise). */
export function removeBlockComments(text: string, replacement: string | ((removed: string) => string) = ' '): string {
  return removeDelimited(text, '/*', '*/', replacement);
}

/**
 * Line and block comments of C-like sources (Go, Rust) removed: a block comment becomes one
 * space, a line comment nothing. With `keepStrings`, string literals are kept whole, so `"http://x"` is not a comment. One pass with
 * indexOf instead of a regex: `/\*[\s\S]*?\*\/` from every `/*` of a file that never closes one
 * is quadratic. An opening `/*` or backquote that never closes is kept as text, as the regex kept it.
 * (The port scan keeps its old reading: no strings, block comments removed without a space.)
 */
export function stripSlashComments(text: string, keepStrings = true, blockWith: string | ((removed: string) => string) = keepStrings ? ' ' : ''): string {
  const out: string[] = [];
  let copied = 0;
  // Once a search for a closer fails, every later one would too: remember it.
  let noBlockEnd = false;
  let noBackquote = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2f /* / */ && text.charCodeAt(i + 1) === 0x2f) {
      const end = text.indexOf('\n', i);
      out.push(text.slice(copied, i));
      i = copied = end < 0 ? text.length : end;
      i--;
    } else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a /* * */ && !noBlockEnd) {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) {
        noBlockEnd = true;
        continue;
      }
      out.push(text.slice(copied, i), typeof blockWith === 'string' ? blockWith : blockWith(text.slice(i, end + 2)));
      copied = end + 2;
      i = copied - 1;
    } else if (keepStrings && c === 0x22 /* " */) {
      // "..." on one line with backslash escapes; one left open (broken code) runs to the end of
      // its line, so a line of \"\"\" is read once, not once per quote.
      let j = i + 1;
      while (j < text.length && text.charCodeAt(j) !== 0x22 && text.charCodeAt(j) !== 0x0a) j += text.charCodeAt(j) === 0x5c && text.charCodeAt(j + 1) !== 0x0a ? 2 : 1;
      i = Math.min(j, text.length) - (j < text.length && text.charCodeAt(j) === 0x0a ? 1 : 0);
    } else if (keepStrings && c === 0x60 /* ` */ && !noBackquote) {
      const end = text.indexOf('`', i + 1);
      if (end < 0) noBackquote = true;
      else i = end;
    }
  }
  out.push(text.slice(copied));
  return out.join('');
}

/** The text without trailing `char`s: a loop, not `/\/+$/`, which is quadratic on a long run of them. */
export function trimTrailing(text: string, char: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === char) end--;
  return text.slice(0, end);
}

/** The text between the first `open` and the next `close` after it, or null; indexOf, not a lazy regex. */
export function between(text: string, open: string, close: string): string | null {
  const start = text.indexOf(open);
  if (start < 0) return null;
  const end = text.indexOf(close, start + open.length);
  return end < 0 ? null : text.slice(start + open.length, end);
}
