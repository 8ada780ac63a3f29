// The one sink every message goes through, so tests can capture it and --json can keep stdout
// clean. Colour only on a TTY and never with NO_COLOR.
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
  const tty = Boolean(process.stderr.isTTY);
  const color = tty && !('NO_COLOR' in env);
  const paint = (code: string, text: string) => (color ? `\x1b[${code}m${text}\x1b[0m` : text);
  return {
    out: (text) => void process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    info: (text) => void process.stderr.write(`${text}\n`),
    warn: (text) => void process.stderr.write(`${paint('33', 'warning:')} ${text}\n`),
    error: (text) => void process.stderr.write(`${paint('31', 'error:')} ${text}\n`),
    tty,
    color,
  };
}

/** An Output that records everything, for tests. */
export function memoryOutput(): Output & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (text) => void stdout.push(text),
    info: (text) => void stderr.push(text),
    warn: (text) => void stderr.push(`warning: ${text}`),
    error: (text) => void stderr.push(`error: ${text}`),
    tty: false,
    color: false,
  };
}
