// Text from a project (a file name, a start script, a version string) reaches the terminal in
// warnings, errors, reasons, the summary and the prompts. A terminal acts on some characters
// instead of showing them: ESC starts a control sequence (recolour, move the cursor, rewrite the
// title), CR returns to the start of the line and lets later text overwrite earlier text,
// Unicode's bidirectional and other format characters (U+202E RIGHT-TO-LEFT OVERRIDE, U+2066..)
// reorder what is shown, U+2028/U+2029 break lines
// (https://www.unicode.org/reports/tr9/#Explicit_Directional_Formatting_Characters,
// https://trojansource.codes/). So every print goes through here (src/output.ts): such characters
// are shown as escapes (`\u001b`, `\u202e`), and messages are bounded so one odd value cannot
// flood the terminal. The escapes are valid JSON string escapes too, so the --json report stays
// valid JSON with the same values.

/** C0 and C1 controls and DEL (Cc), format characters (Cf), line and paragraph separators; \n and \t are kept. */
const UNSAFE = /(?![\n\t])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

/** Longest unbroken run (a path, a token, a version string) a message shows whole. */
export const MAX_WORD = 200;
/** Longest line and most lines of one message. */
export const MAX_LINE = 1000;
export const MAX_LINES = 400;

/** Every unsafe character as \uXXXX (one escape per UTF-16 unit, as JSON writes them). */
export function escapeControls(text: string): string {
  return text.replace(UNSAFE, (c) => [...c].flatMap((ch) => {
    const code = ch.codePointAt(0)!;
    if (code <= 0xffff) return [code];
    const offset = code - 0x10000;
    return [0xd800 + (offset >> 10), 0xdc00 + (offset & 0x3ff)];
  }).map((unit) => `\\u${unit.toString(16).padStart(4, '0')}`).join(''));
}

/** A message for people: escaped, long runs and lines cut with an ellipsis, at most MAX_LINES lines. */
export function terminalMessage(text: string): string {
  const lines = escapeControls(text).split('\n');
  const kept = lines.slice(0, MAX_LINES).map((line) => {
    const words = line.replace(new RegExp(`\\S{${MAX_WORD + 1},}`, 'g'), (run) => `${run.slice(0, MAX_WORD - 1)}…(${run.length} characters)`);
    return words.length > MAX_LINE ? `${words.slice(0, MAX_LINE - 1)}…` : words;
  });
  if (lines.length > MAX_LINES) kept.push(`… (${lines.length - MAX_LINES} more lines)`);
  return kept.join('\n');
}
