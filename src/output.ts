// The one sink every message goes through, so tests can capture it and --json can keep stdout
// clean. Colour only on a TTY and never with NO_COLOR. Every print is made safe for a terminal
// here (src/terminal-text.ts): control and format characters from project values are shown as
// escapes, and messages are bounded; machine output (stdout) is escaped but never cut.
import { isTerminal, writeStdio } from './files/stdio.js';
import { escapeControls, terminalMessage } from './terminal-text.js';
export interface Output {
  /** Machine output (the --json report) and the human summary: stdout. */
  out(text: string): void;
  /** Progress and notes for people: stderr, so stdout stays parseable. */
  info(text: string): void;
  warn(text: string): void;
  error(text: string): void;
  /** True when stderr is a terminal: live progress (spinners, step lines) may be drawn. */
  readonly tty: boolean;
  readonly color: boolean;
}

export function consoleOutput(env: NodeJS.ProcessEnv = process.env): Output {
  // The descriptor is asked, not process.stderr.isTTY: Node builds process.stderr when it is first
  // touched (for a pipe, with the net and stream modules), and output here never needs the stream.
  const stderrIsTerminal = () => isTerminal(2);
  const color = () => stderrIsTerminal() && !('NO_COLOR' in env);
  const paint = (code: string, text: string) => (color() ? `\x1b[${code}m${text}\x1b[0m` : text);
  return {
    out: (text) => {
      const safe = escapeControls(text);
      writeStdio(1, safe.endsWith('\n') ? safe : `${safe}\n`);
    },
    info: (text) => writeStdio(2, `${terminalMessage(text)}\n`),
    warn: (text) => writeStdio(2, `${paint('33', 'warning:')} ${terminalMessage(text)}\n`),
    error: (text) => writeStdio(2, `${paint('31', 'error:')} ${terminalMessage(text)}\n`),
    get tty() {
      return stderrIsTerminal();
    },
    get color() {
      return color();
    },
  };
}

/** An Output that records everything, for tests. */
export function memoryOutput(): Output & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (text) => void stdout.push(escapeControls(text)),
    info: (text) => void stderr.push(terminalMessage(text)),
    warn: (text) => void stderr.push(`warning: ${terminalMessage(text)}`),
    error: (text) => void stderr.push(`error: ${terminalMessage(text)}`),
    tty: false,
    color: false,
  };
}
