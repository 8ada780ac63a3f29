// A read-only view of the project folder that detectors work on. Reads are lazy and cached, so
// a detector asks only for the manifests it cares about; nothing here walks node_modules, .git
// or other dependency/build folders, which keeps detection fast on huge repositories.
//
// Every access goes through the file layer (src/files/access.ts): the real path of every file and
// folder read must stay inside the boundary (the project folder, or the repository root for an app
// of a monorepo); a link that leads outside counts as absent, with a warning naming it.
import { join, relative, sep } from 'node:path';
import { UserError } from './errors.js';
import { FileAccess, type FileKind, inside, type ListEntry, outsideNotice, type Probe, resolved, shorten, unreadable } from './files/access.js';
import { toml } from './lazy.js';

export { shorten } from './files/access.js';

/** Folders a bounded search never enters: dependencies, VCS data, build output, caches. */
export const NEVER_WALK = new Set([
  '.git', '.hg', '.svn', 'node_modules', 'bower_components', 'vendor', '.venv', 'venv', 'env',
  '__pycache__', '.tox', '.nox', '.mypy_cache', '.pytest_cache', 'target', 'dist', 'build', 'out',
  '.next', '.nuxt', '.svelte-kit', '.output', '.turbo', '.cache', 'coverage', '.gradle', '.idea',
  '.vscode', '.terraform',
]);

/** One strict decoder for every read: without `stream`, each decode() starts afresh, and building one per file costs. */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

export interface FindOptions {
  /** File name suffixes to match, e.g. ['.ts', '.js']. */
  extensions: string[];
  /** Folders (relative) to start in; default the root. */
  under?: string[];
  maxDepth?: number;
  maxFiles?: number;
}

export class Project {
  private readonly texts = new Map<string, string | null>();
  private readonly listings = new Map<string, ListEntry[]>();
  private readonly probes = new Map<string, Probe>();
  private readonly jsons = new Map<string, unknown>();
  private base: string | undefined;

  /**
   * @param root the folder detectors look at
   * @param access the file layer; its boundary is root itself unless a wider one is given (the
   *   repository root of a monorepo app)
   */
  constructor(
    readonly root: string,
    readonly access: FileAccess = new FileAccess(root),
    /** The project this one was taken from with sub() (a monorepo root above its app), if any. */
    private readonly opener?: Project,
  ) {}

  /** A folder inside this project as a project of its own, within the same boundary. */
  sub(rel: string): Project {
    return new Project(this.path(rel), this.access, this);
  }

  /**
   * Another folder (the repository root above an app, when the app was passed directly) as a
   * project with its own boundary; its warnings join this run's. When this project was taken
   * from that very folder (an app picked inside its repository), that project comes back, with
   * what it has already read: a monorepo's 200 manifests are read once per run, not twice.
   */
  around(dir: string): Project {
    for (let p = this.opener; p !== undefined; p = p.opener) {
      if (p.root === dir && p.access.boundary === dir) return p;
    }
    return new Project(dir, new FileAccess(dir, this.access.notices));
  }

  /** Warnings of the file layer: links that lead outside and were ignored. */
  get notices(): readonly string[] {
    return this.access.notices.list;
  }

  path(rel: string): string {
    return join(this.root, rel);
  }

  /** The absolute path of rel, for the file layer (src/files/access.ts: no normalizing what is normal already). */
  private abs(rel: string): string {
    this.base ??= resolved(this.root);
    return inside(this.base, rel);
  }

  exists(rel: string): boolean {
    return this.stat(rel) !== null;
  }

  isFile(rel: string): boolean {
    return this.stat(rel) === 'file';
  }

  isDir(rel: string): boolean {
    return this.stat(rel) === 'dir';
  }

  /** Names in a folder (not recursive), sorted; [] when it does not exist. */
  list(rel = '.'): string[] {
    return this.entries(rel).map((entry) => entry.name);
  }

  /**
   * The folders in a folder, sorted: what the listing says is one, and a link that leads to a
   * folder inside the boundary. No stat per plain folder: a glob over a monorepo's packages/*
   * lists hundreds.
   */
  subfolders(rel = '.'): string[] {
    const under = (name: string) => (rel === '.' ? name : `${rel}/${name}`);
    return this.entries(rel).filter((e) => e.kind === 'dir' || (e.kind === 'link' && this.isDir(under(e.name)))).map((e) => e.name);
  }

  /** A folder's entries with what each is, not following links (cached, like every listing). */
  private entries(rel: string): ListEntry[] {
    const cached = this.listings.get(rel);
    if (cached) return cached;
    const entries = this.access.list(this.abs(rel), rel);
    this.listings.set(rel, entries);
    return entries;
  }

  /** A text file's contents, or null when it does not exist. Binary or non-UTF-8 is an error. */
  readText(rel: string, kind: FileKind = 'project'): string | null {
    if (this.texts.has(rel)) return this.texts.get(rel) ?? null;
    const bytes = this.access.readBytes(this.abs(rel), rel, kind, this.probe(rel));
    let text: string | null = null;
    if (bytes !== null) {
      if (bytes.includes(0)) throw new UserError(`${shorten(rel)} looks binary (it contains NUL bytes) where text was expected; fix or remove the file.`);
      try {
        text = UTF8.decode(bytes);
      } catch {
        throw new UserError(`${shorten(rel)} is not valid UTF-8 text; save it as UTF-8.`);
      }
    }
    this.texts.set(rel, text);
    return text;
  }

  /** Parsed JSON, or null when the file does not exist; a syntax error names file and line. */
  readJson(rel: string, kind: FileKind = 'project'): unknown {
    // Parsed once: several detectors read package.json, and a hostile one is megabytes.
    if (this.jsons.has(rel)) return this.jsons.get(rel);
    const text = this.readText(rel, kind);
    if (text === null) return null;
    try {
      const value: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
      this.jsons.set(rel, value);
      return value;
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
        // What each entry is comes with the listing: no stat per entry, which in a large
        // repository was most of a run.
        for (const { name, kind } of this.entries(dir)) {
          const rel = dir === '.' ? name : `${dir}/${name}`;
          // Symbolic links are not followed: one may point outside the project or back up the
          // tree (a loop), and the go tool and Docker's COPY do not treat them as folders either.
          if (kind === 'link') continue;
          if (kind === 'file' && extensions.some((ext) => name.endsWith(ext))) {
            found.push(rel);
            if (found.length >= maxFiles) return found;
          } else if (kind === 'dir' && depth < maxDepth && !NEVER_WALK.has(name) && !name.startsWith('.')) {
            next.push([rel, depth + 1]);
          }
        }
      }
      queue = next;
    }
    return found;
  }

  /**
   * Files with exactly this name, at most maxDepth folders down, breadth first, skipping what
   * find() skips. A folder below the root that holds `stopAt` (a package.json: a package of a
   * monorepo) is asked for the name, not listed, and its sub-folders (the package's own tree)
   * are not entered: one stat per package where a listing cost four system calls and more.
   */
  findNamed(name: string, { stopAt, maxDepth, maxFiles }: { stopAt: string; maxDepth: number; maxFiles: number }): string[] {
    const found: string[] = [];
    let queue = ['.'];
    let visited = 0;
    for (let depth = 0; queue.length > 0; depth++) {
      const next: string[] = [];
      for (const dir of queue) {
        if (found.length >= maxFiles || ++visited > 2000) return found.slice(0, maxFiles);
        const at = (entry: string) => (dir === '.' ? entry : `${dir}/${entry}`);
        if (depth > 0 && this.isFile(at(stopAt))) {
          if (this.isFile(at(name))) found.push(at(name));
          continue;
        }
        for (const entry of this.entries(dir)) {
          if (entry.kind === 'file' && entry.name === name) found.push(at(entry.name));
          else if (entry.kind === 'dir' && depth < maxDepth && !NEVER_WALK.has(entry.name) && !entry.name.startsWith('.')) next.push(at(entry.name));
        }
      }
      queue = next;
    }
    return found.slice(0, maxFiles);
  }

  /** A path relative to the root with forward slashes, for messages and Dockerfiles. */
  relative(abs: string): string {
    return relative(this.root, abs).split(sep).join('/');
  }

  /** The file layer's probe of rel, taken once per run: isFile() and readText() of one file share it. */
  private probe(rel: string): Probe {
    let probe = this.probes.get(rel);
    if (probe === undefined) {
      probe = this.access.probe(this.abs(rel));
      this.probes.set(rel, probe);
    }
    return probe;
  }

  /** What rel is: a file, a folder, something else, or null when absent or outside (warned). */
  private stat(rel: string): Probe['kind'] | null {
    const probe = this.probe(rel);
    switch (probe.kind) {
      case 'missing':
        return null;
      case 'outside':
        this.access.notices.add(outsideNotice(rel, this.access.where));
        return null;
      case 'loop':
        throw unreadable(rel, 'ELOOP');
      case 'unreadable':
        throw unreadable(rel, probe.code);
      default:
        return probe.kind;
    }
  }
}


function jsonErrorLine(text: string, error: unknown): string {
  const match = /position (\d+)/.exec(String((error as Error).message));
  if (!match) return '';
  const line = text.slice(0, Number(match[1])).split('\n').length;
  return ` (line ${line})`;
}

