// Applying rendered files to the project: identical files are left untouched (mtime too), a
// differing file needs --force or a yes at the prompt, and the writes are atomic and all or
// nothing: every file goes to a temporary sibling first, then all are renamed into place
// (FileAccess.commit). A destination that is a symbolic link is refused, never written through:
// not even read, since --check would otherwise print the diff of whatever the link points at.
import { join } from 'node:path';
import { CancelledError, UserError } from '../errors.js';
import { FileAccess, shorten, type Change, type CommitHooks } from '../files/access.js';
import type { RenderedFiles } from '../types.js';

export type FileStatus = 'create' | 'identical' | 'differs';

export interface FileState {
  file: string;
  status: FileStatus;
  /** Current contents when the file exists. */
  current: string | null;
  next: string;
}

/**
 * What is on disk now for each rendered file, read through the file layer (the project's boundary).
 * A file that is a symbolic link is refused, unless `onLink` is given (a dry run), which is told.
 */
export function compareFiles(dir: string, files: RenderedFiles, access: FileAccess = new FileAccess(dir), onLink?: (file: string) => void): FileState[] {
  const folder = access.probe(dir);
  if (folder.kind === 'outside') {
    throw new UserError(`${shorten(dir)} leads outside the project (through a symbolic link); create-slim-image reads and writes only inside it, so nothing was compared or written.`);
  }
  return Object.entries(files).map(([file, next]) => {
    const path = join(dir, file);
    if (access.isLink(path) && onLink) {
      // --dry-run writes nothing, so a link is only reported: its target is still not read.
      onLink(file);
      return { file, status: 'differs' as const, current: null, next: files[file]! };
    }
    if (access.isLink(path)) {
      throw new UserError(
        `${shorten(file)} in ${shorten(dir)} is a symbolic link; create-slim-image neither reads nor writes through links, so nothing was compared or written. ` +
          'Replace the link with a regular file (or remove it), then run again.',
      );
    }
    const probe = access.probe(path);
    if (probe.kind !== 'missing' && probe.kind !== 'file') {
      throw new UserError(`${shorten(file)} in ${shorten(dir)} exists and is not a regular file; move it away and run again. Nothing was written.`);
    }
    const bytes = access.readBytes(path, file, 'generated');
    const current = bytes === null ? null : bytes.toString('utf8');
    const status: FileStatus = current === null ? 'create' : current === next ? 'identical' : 'differs';
    return { file, status, current, next };
  });
}

/** What to do when files on disk differ: replace them, write the new pair beside them, or stop. */
export type Resolution = 'overwrite' | 'beside' | 'cancel';

export interface WriteOptions {
  force: boolean;
  /** The file layer whose boundary the folder must be inside; the folder itself by default. */
  access?: FileAccess;
  /** Other files changed together with these, all or nothing (.slim-image/config.json). */
  extra?: Change[];
  /** Test seams for failures in the middle of the change. */
  hooks?: CommitHooks;
  /** Asked once for the differing files when interactive; absent means non-interactive. */
  resolveConflict?: (differing: FileState[]) => Promise<Resolution>;
  /**
   * The files as they are written beside the existing ones, already under their BESIDE names:
   * a caller whose files name each other (compose.yaml builds the Dockerfile) rewrites them here.
   */
  beside?: (renamed: RenderedFiles) => RenderedFiles;
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
  'compose.yaml': 'compose.slim.yaml',
};

/** Writes what needs writing; returns the states. Throws UserError before touching anything on refusal. */
export async function writeFiles(dir: string, files: RenderedFiles, options: WriteOptions): Promise<FileState[]> {
  const access = options.access ?? new FileAccess(dir);
  let states = compareFiles(dir, files, access);
  const differing = states.filter((s) => s.status === 'differs');
  let refused: string[] = options.force ? [] : differing.map((s) => s.file);
  if (refused.length > 0 && options.resolveConflict) {
    const resolution = await options.resolveConflict(differing);
    if (resolution === 'cancel') throw new CancelledError();
    if (resolution === 'overwrite') refused = [];
    if (resolution === 'beside') {
      const renamed = Object.fromEntries(Object.entries(files).map(([file, text]) => [BESIDE[file] ?? `${file}.slim`, text]));
      states = compareFiles(dir, options.beside ? options.beside(renamed) : renamed, access);
      refused = states.filter((s) => s.status === 'differs').map((s) => s.file);
    }
  }
  if (refused.length > 0) {
    throw new UserError(
      `${refused.join(' and ')} already ${refused.length > 1 ? 'exist' : 'exists'} in ${dir} and ${refused.length > 1 ? 'differ' : 'differs'} from what would be generated; nothing was written. ` +
        'Run again with --force to overwrite, --dry-run to see the new contents, or move the file away.',
    );
  }
  const changes = states.filter((s) => s.status !== 'identical').map((s) => ({ path: join(dir, s.file), label: s.file, text: s.next }));
  await access.commit([...changes, ...(options.extra ?? [])], options.hooks);
  return states;
}

/** Largest LCS table (lines on disk x lines generated, after the common head and tail): 32 MB. */
const MAX_DIFF_CELLS = 8_000_000;
/** Lines of diff shown; the rest are counted. A drifted 5 MB Dockerfile needs no 5 MB message. */
const MAX_DIFF_LINES = 400;
/** Characters of one diff line shown. */
const MAX_DIFF_LINE_LENGTH = 300;

/**
 * A unified diff of two texts (whole-file hunks are enough for review in CI logs). The common
 * head and tail are taken first (what the walk below would do anyway), and the longest common
 * subsequence table is built only for the middle and only up to MAX_DIFF_CELLS; a bigger middle
 * is shown as removed then added, so a huge Dockerfile on disk costs linear time and memory.
 */
export function unifiedDiff(file: string, before: string, after: string): string {
  const a = before.split('\n');
  const b = after.split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const lines: string[] = [`--- ${file} (on disk)`, `+++ ${file} (generated)`];
  for (let k = 0; k < head; k++) lines.push(` ${a[k]}`);
  const n = a.length - head - tail;
  const m = b.length - head - tail;
  if ((n + 1) * (m + 1) > MAX_DIFF_CELLS) {
    for (let k = 0; k < n; k++) lines.push(`-${a[head + k]}`);
    for (let k = 0; k < m; k++) lines.push(`+${b[head + k]}`);
  } else {
    // lcs[i * (m + 1) + j]: the longest common subsequence of the middles from line i and line j on.
    const width = m + 1;
    const lcs = new Uint32Array((n + 1) * width);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i * width + j] = a[head + i] === b[head + j] ? lcs[(i + 1) * width + j + 1]! + 1 : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[head + i] === b[head + j]) {
        lines.push(` ${a[head + i]}`);
        i++;
        j++;
      } else if (j < m && (i >= n || lcs[i * width + j + 1]! >= lcs[(i + 1) * width + j]!)) {
        lines.push(`+${b[head + j]}`);
        j++;
      } else {
        lines.push(`-${a[head + i]}`);
        i++;
      }
    }
  }
  for (let k = a.length - tail; k < a.length; k++) lines.push(` ${a[k]}`);
  return compactContext(lines).join('\n');
}

/** Keep three lines of context around changes, like `diff -u`; at most MAX_DIFF_LINES lines. */
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
  let hidden = 0;
  body.forEach((line, index) => {
    if (!keep.has(index)) return;
    if (out.length >= MAX_DIFF_LINES) {
      hidden++;
      return;
    }
    if (index !== last + 1) out.push(`@@ line ${index + 1} @@`);
    out.push(line.length > MAX_DIFF_LINE_LENGTH ? `${line.slice(0, MAX_DIFF_LINE_LENGTH)}… (${line.length - MAX_DIFF_LINE_LENGTH} more characters)` : line);
    last = index;
  });
  if (hidden > 0) out.push(`@@ ${hidden} more lines of difference not shown @@`);
  return out;
}
