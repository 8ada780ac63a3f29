// A read-only view of the project folder that detectors work on. Reads are lazy and cached, so
// a detector asks only for the manifests it cares about; nothing here walks node_modules, .git
// or other dependency/build folders, which keeps detection fast on huge repositories.
import { lstatSync, readFileSync, readdirSync, statSync, type Stats } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { UserError } from './errors.js';
import { toml } from './lazy.js';

/** Folders a bounded search never enters: dependencies, VCS data, build output, caches. */
export const NEVER_WALK = new Set([
  '.git', '.hg', '.svn', 'node_modules', 'bower_components', 'vendor', '.venv', 'venv', 'env',
  '__pycache__', '.tox', '.nox', '.mypy_cache', '.pytest_cache', 'target', 'dist', 'build', 'out',
  '.next', '.nuxt', '.svelte-kit', '.output', '.turbo', '.cache', 'coverage', '.gradle', '.idea',
  '.vscode', '.terraform',
]);

/** Largest file a detector reads; manifests and lockfiles are far smaller. */
const MAX_TEXT_BYTES = 32 * 1024 * 1024;

export interface FindOptions {
  /** File name suffixes to match, e.g. ['.ts', '.js']. */
  extensions: string[];
  /** Folders (relative) to start in; default the root. */
  under?: string[];
  maxDepth?: number;
  maxFiles?: number;
}

/** What a folder listing says an entry is, without a stat (the directory entry's own type). */
type EntryKind = 'file' | 'dir' | 'link' | 'other';

export class Project {
  private readonly texts = new Map<string, string | null>();
  private readonly listings = new Map<string, string[]>();
  /** stat() results by path: detectors ask about the same manifests many times. */
  private readonly stats = new Map<string, Stats | null>();
  /** Entry types from the folder listings, so a bounded walk needs no stat per entry. */
  private readonly kinds = new Map<string, EntryKind>();

  /**
   * `origin`: the project this one was chosen inside (a monorepo app's repository root), whose
   * cached reads detection reuses instead of reading the root's files again.
   */
  constructor(readonly root: string, readonly origin: Project | null = null) {}

  path(rel: string): string {
    return join(this.root, rel);
  }

  exists(rel: string): boolean {
    return this.stat(rel) !== null;
  }

  isFile(rel: string): boolean {
    return this.stat(rel)?.isFile() ?? false;
  }

  isDir(rel: string): boolean {
    return this.stat(rel)?.isDirectory() ?? false;
  }

  /** Names in a folder (not recursive), sorted; [] when it does not exist. */
  list(rel = '.'): string[] {
    const cached = this.listings.get(rel);
    if (cached) return cached;
    let names: string[] = [];
    try {
      const entries = readdirSync(this.path(rel), { withFileTypes: true });
      for (const entry of entries) {
        const kind: EntryKind = entry.isSymbolicLink() ? 'link' : entry.isDirectory() ? 'dir' : entry.isFile() ? 'file' : 'other';
        this.kinds.set(rel === '.' ? entry.name : `${rel}/${entry.name}`, kind);
      }
      names = entries.map((entry) => entry.name).sort();
    } catch (error) {
      if (!isMissing(error)) throw unreadable(rel, error);
    }
    this.listings.set(rel, names);
    return names;
  }

  /** A text file's contents, or null when it does not exist. Binary or non-UTF-8 is an error. */
  readText(rel: string): string | null {
    if (this.texts.has(rel)) return this.texts.get(rel) ?? null;
    let text: string | null = null;
    try {
      const st = statSync(this.path(rel));
      if (!st.isFile()) throw new UserError(`${rel} is not a regular file; remove it or rename it so it is not taken for a project file.`);
      if (st.size > MAX_TEXT_BYTES) throw new UserError(`${rel} is ${st.size} bytes, too large to be a manifest; check the file.`);
      const bytes = readFileSync(this.path(rel));
      if (bytes.includes(0)) throw new UserError(`${rel} looks binary (it contains NUL bytes) where text was expected; fix or remove the file.`);
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch (error) {
      if (error instanceof UserError) throw error;
      if (error instanceof TypeError) throw new UserError(`${rel} is not valid UTF-8 text; save it as UTF-8.`);
      if (!isMissing(error)) throw unreadable(rel, error);
    }
    this.texts.set(rel, text);
    return text;
  }

  /** Parsed JSON, or null when the file does not exist; a syntax error names file and line. */
  readJson(rel: string): unknown {
    const text = this.readText(rel);
    if (text === null) return null;
    try {
      return JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (error) {
      const where = jsonErrorLine(text, error);
      throw new UserError(`${rel} is not valid JSON${where}: ${(error as Error).message}. Fix the file and run again.`);
    }
  }

  /** Parsed TOML, or null when the file does not exist; a syntax error names file and line. */
  readToml(rel: string): Record<string, unknown> | null {
    const text = this.readText(rel);
    if (text === null) return null;
    try {
      return toml().parse(text) as Record<string, unknown>;
    } catch (error) {
      const line = (error as { line?: number }).line;
      const where = line ? ` (line ${line})` : '';
      const first = String((error as Error).message).split('\n')[0];
      throw new UserError(`${rel} is not valid TOML${where}: ${first}. Fix the file and run again.`);
    }
  }

  /**
   * Files under the given folders with one of the extensions, breadth first, skipping
   * NEVER_WALK folders and stopping at maxFiles, so a huge tree costs a bounded amount.
   */
  find({ extensions, under = ['.'], maxDepth = 4, maxFiles = 400 }: FindOptions): string[] {
    const found: string[] = [];
    let queue: Array<[string, number]> = under.filter((d) => this.isDir(d)).map((d) => [d, 0]);
    let visited = 0;
    while (queue.length > 0 && found.length < maxFiles && visited < 2000) {
      const next: Array<[string, number]> = [];
      for (const [dir, depth] of queue) {
        visited++;
        for (const name of this.list(dir)) {
          const rel = dir === '.' ? name : `${dir}/${name}`;
          // Symbolic links are not followed: one may point outside the project or back up the
          // tree (a loop), and the go tool and Docker's COPY do not treat them as folders either.
          // The listing's entry types (no stat per entry: this walk meets thousands of files).
          const kind = this.kindOf(rel);
          if (kind === 'link') continue;
          if (extensions.some((ext) => name.endsWith(ext)) && kind === 'file') {
            found.push(rel);
            if (found.length >= maxFiles) return found;
          } else if (depth < maxDepth && !NEVER_WALK.has(name) && !name.startsWith('.') && kind === 'dir') {
            next.push([rel, depth + 1]);
          }
        }
      }
      queue = next;
    }
    return found;
  }

  /** A path relative to the root with forward slashes, for messages and Dockerfiles. */
  relative(abs: string): string {
    return relative(this.root, abs).split(sep).join('/');
  }

  /** An entry's type from its folder's listing, else from lstat (links are not followed). */
  private kindOf(rel: string): EntryKind | null {
    const listed = this.kinds.get(rel);
    if (listed !== undefined) return listed;
    try {
      const st = lstatSync(this.path(rel));
      return st.isSymbolicLink() ? 'link' : st.isDirectory() ? 'dir' : st.isFile() ? 'file' : 'other';
    } catch {
      return null;
    }
  }

  private stat(rel: string): Stats | null {
    if (this.stats.has(rel)) return this.stats.get(rel) ?? null;
    let stats: Stats | null = null;
    try {
      stats = statSync(this.path(rel));
    } catch (error) {
      if (!isMissing(error)) throw unreadable(rel, error);
    }
    this.stats.set(rel, stats);
    return stats;
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  // A name too long for the file system cannot exist either.
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'ENAMETOOLONG';
}

function unreadable(rel: string, error: unknown): UserError {
  const code = (error as NodeJS.ErrnoException).code ?? 'error';
  const hint = code === 'ELOOP' ? 'it is part of a symbolic-link loop' : code === 'EACCES' ? 'permission denied' : code;
  return new UserError(`Cannot read ${shorten(rel)} (${hint}). Fix its permissions or remove it, then run again.`);
}

function jsonErrorLine(text: string, error: unknown): string {
  const match = /position (\d+)/.exec(String((error as Error).message));
  if (!match) return '';
  const line = text.slice(0, Number(match[1])).split('\n').length;
  return ` (line ${line})`;
}

/** Paths in messages stay readable even when a hostile project makes them huge. */
export function shorten(text: string, max = 120): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
