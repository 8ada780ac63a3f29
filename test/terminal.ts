// The CLI in a pseudo-terminal (`script` gives it one, so it takes the interactive path), for the
// tests that type into its prompts. Waiting has no clock of its own: a wait ends when the text
// shows up, and fails at once when the CLI exits first. A CLI that hangs runs into the test's own
// timeout; the screen so far is printed whenever the test fails, and the process is stopped.
import { spawn } from 'node:child_process';
import { onTestFailed } from 'vitest';

export interface Terminal {
  /** What the CLI printed since the start or the last clear(). */
  readonly screen: string;
  /** Everything it printed since the start. */
  readonly all: string;
  clear(): void;
  /** Resolves once the screen matches; rejects, with the screen, when the CLI exits before that. */
  waitFor(pattern: RegExp): Promise<void>;
  type(keys: string): void;
  /** The exit code, once the CLI exited and its output was read. */
  closed: Promise<number | null>;
}

/** Starts `command` (one shell command line) in a pseudo-terminal; call it inside a test. */
export function terminal(command: string): Terminal {
  const child = spawn('script', ['-qfec', command, '/dev/null'], {
    env: { ...process.env, CI: '', NO_COLOR: '1', TERM: 'xterm' },
  });
  let screen = '';
  let all = '';
  let ended = false;
  const checks = new Set<() => void>();
  const recheck = () => {
    for (const check of [...checks]) check();
  };
  child.stdout.on('data', (chunk: Buffer) => {
    screen += chunk.toString();
    all += chunk.toString();
    recheck();
  });
  const closed = new Promise<number | null>((resolve) => {
    child.on('close', (code) => {
      ended = true;
      resolve(code);
      recheck();
    });
  });
  onTestFailed(() => {
    console.error(`[terminal] ${command}\nscreen so far:\n${all}`);
    if (!ended) child.kill('SIGKILL');
  });
  return {
    get screen() {
      return screen;
    },
    get all() {
      return all;
    },
    clear() {
      screen = '';
    },
    type(keys) {
      child.stdin.write(keys);
    },
    closed,
    waitFor(pattern) {
      return new Promise<void>((resolve, reject) => {
        const check = () => {
          if (pattern.test(screen)) {
            checks.delete(check);
            resolve();
          } else if (ended) {
            checks.delete(check);
            reject(new Error(`the CLI exited before ${pattern} showed up; screen:\n${all}`));
          }
        };
        checks.add(check);
        check();
      });
    },
  };
}
