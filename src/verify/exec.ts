// The one place that starts engine processes. Every call is bounded by a timeout, never reads
// stdin, and never throws for a non-zero exit: callers decide what a failure means.
import { execa } from 'execa';

export interface ExecResult {
  exitCode: number | undefined;
  stdout: string;
  stderr: string;
  /** True when the command could not start (not installed) or hit its timeout. */
  failed: boolean;
  timedOut: boolean;
}

export interface ExecOptions {
  timeoutMs: number;
  env?: Record<string, string>;
  cwd?: string;
}

export type Exec = (command: string, args: readonly string[], options: ExecOptions) => Promise<ExecResult>;

export const exec: Exec = async (command, args, options) => {
  const result = await execa(command, args, {
    reject: false,
    stdin: 'ignore',
    timeout: options.timeoutMs,
    forceKillAfterDelay: 2_000,
    env: options.env,
    cwd: options.cwd,
    stripFinalNewline: true,
  });
  return {
    exitCode: result.exitCode,
    stdout: String(result.stdout ?? ''),
    stderr: String(result.stderr ?? ''),
    failed: result.failed && result.exitCode === undefined,
    timedOut: Boolean(result.timedOut),
  };
};

/**
 * Runs a long command and hands each output line (stdout and stderr interleaved) to `onLine`
 * while it runs: a build must show progress, never a frozen screen.
 */
export async function execStreaming(
  command: string,
  args: readonly string[],
  options: ExecOptions,
  onLine: (line: string) => void,
): Promise<{ exitCode: number | undefined; timedOut: boolean; startError: string | null }> {
  const child = execa(command, args, {
    reject: false,
    stdin: 'ignore',
    timeout: options.timeoutMs,
    forceKillAfterDelay: 5_000,
    env: options.env,
    cwd: options.cwd,
    all: true,
    buffer: false,
  });
  try {
    for await (const line of child.iterable({ from: 'all' })) onLine(String(line));
  } catch {
    // The iterable rejects when the process fails to start; the result below says why.
  }
  const result = await child;
  const startError = result.exitCode === undefined && !result.timedOut ? (result.shortMessage ?? 'could not start') : null;
  return { exitCode: result.exitCode, timedOut: Boolean(result.timedOut), startError };
}

export function lastLines(text: string, count: number): string[] {
  return text
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line !== '')
    .slice(-count);
}
