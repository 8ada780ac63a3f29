// Applying rendered files to the project: identical files are left untouched (mtime too), a
// differing file needs --force or a yes at the prompt, and the writes are atomic and all or
// nothing: every file goes to a temporary sibling first, then all are renamed into place.
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CancelledError, UserError } from '../errors.js';
import type { RenderedFiles } from '../types.js';
import { randomHex } from '../lazy.js';

export type FileStatus = 'create' | 'identical' | 'differs';

export interface FileState {
  file: string;
  status: FileStatus;
  /** Current contents when the file exists. */
  current: string | null;
  next: string;
}

export function compareFiles(dir: string, files: RenderedFiles): FileState[] {
  return Object.entries(files).map(([file, next]) => {
    const path = join(dir, file);
    let current: string | null = null;
    try {
      if (!statSync(path).isFile()) throw new UserError(`${path} exists and is not a regular file; move it away and run again.`);
      current = readFileSync(path, 'utf8');
    } catch (error) {
      if (error instanceof UserError) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') throw new UserError(`Cannot read ${path} (${code}); fix its permissions and run again.`);
    }
    const status: FileStatus = current === null ? 'create' : current === next ? 'identical' : 'differs';
    return { file, status, current, next };
  });
}

/** What to do when files on disk differ: replace them, write the new pair beside them, or stop. */
export type Resolution = 'overwrite' | 'beside' | 'cancel';

export interface WriteOptions {
  force: boolean;
  /** Asked once for the differing files when interactive; absent means non-interactive. */
  resolveConflict?: (differing: FileState[]) => Promise<Resolution>;
}

/**
 * The names the pair gets beside existing files: Dockerfile.slim, and its ignore file named after
 * it, which BuildKit reads for `docker build -f Dockerfile.slim`
 * (https://docs.docker.com/build/concepts/context/#filename-and-location).
 */
export const BESIDE: Record<string, string> = {
  Dockerfile: 'Dockerfile.slim',
  '.dockerignore': 'Dockerfile.slim.dockerignore',
  'Dockerfile.dockerignore': 'Dockerfile.slim.dockerignore',
};

/** Writes what needs writing; returns the states. Throws UserError before touching anything on refusal. */
export async function writeFiles(dir: string, files: RenderedFiles, options: WriteOptions): Promise<FileState[]> {
  let states = compareFiles(dir, files);
  const differing = states.filter((s) => s.status === 'differs');
  let refused: string[] = options.force ? [] : differing.map((s) => s.file);
  if (refused.length > 0 && options.resolveConflict) {
    const resolution = await options.resolveConflict(differing);
    if (resolution === 'cancel') throw new CancelledError();
    if (resolution === 'overwrite') refused = [];
    if (resolution === 'beside') {
      states = compareFiles(dir, Object.fromEntries(Object.entries(files).map(([file, text]) => [BESIDE[file] ?? `${file}.slim`, text])));
      refused = states.filter((s) => s.status === 'differs').map((s) => s.file);
    }
  }
  if (refused.length > 0) {
    throw new UserError(
      `${refused.join(' and ')} already ${refused.length > 1 ? 'exist' : 'exists'} in ${dir} and ${refused.length > 1 ? 'differ' : 'differs'} from what would be generated; nothing was written. ` +
        'Run again with --force to overwrite, --dry-run to see the new contents, or move the file away.',
    );
  }
  atomicWriteAll(dir, states.filter((s) => s.status !== 'identical'));
  return states;
}

function atomicWriteAll(dir: string, states: FileState[]): void {
  const suffix = `.slim-image-${process.pid}-${randomHex(4)}.tmp`;
  const staged: Array<[string, string]> = [];
  try {
    for (const state of states) {
      const target = join(dir, state.file);
      const temp = `${target}${suffix}`;
      writeFileSync(temp, state.next, { flag: 'wx', mode: 0o644 });
      staged.push([temp, target]);
    }
  } catch (error) {
    for (const [temp] of staged) rmSync(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new UserError(`Cannot write into ${dir} (${code}); nothing was written. Check that the folder is writable.`);
  }
  // Renames within one folder are atomic; after the first succeeds the rest only fail on a
  // vanished folder, which no caller can recover from anyway.
  for (const [temp, target] of staged) renameSync(temp, target);
}

/** A unified diff of two texts (whole-file hunks are enough for review in CI logs). */
export function unifiedDiff(file: string, before: string, after: string): string {
  const a = before.split('\n');
  const b = after.split('\n');
  // Longest common subsequence table, fine for files of a few hundred lines.
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const lines: string[] = [`--- ${file} (on disk)`, `+++ ${file} (generated)`];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      lines.push(` ${a[i]}`);
      i++;
      j++;
    } else if (j < b.length && (i >= a.length || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) {
      lines.push(`+${b[j]}`);
      j++;
    } else {
      lines.push(`-${a[i]}`);
      i++;
    }
  }
  return compactContext(lines).join('\n');
}

/** Keep three lines of context around changes, like `diff -u`. */
function compactContext(lines: string[]): string[] {
  const [head1, head2, ...body] = lines;
  const keep = new Set<number>();
  body.forEach((line, index) => {
    if (line.startsWith('+') || line.startsWith('-')) {
      for (let k = Math.max(0, index - 3); k <= Math.min(body.length - 1, index + 3); k++) keep.add(k);
    }
  });
  const out: string[] = [head1!, head2!];
  let last = -2;
  body.forEach((line, index) => {
    if (!keep.has(index)) return;
    if (index !== last + 1) out.push(`@@ line ${index + 1} @@`);
    out.push(line);
    last = index;
  });
  return out;
}
