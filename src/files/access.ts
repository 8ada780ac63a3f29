// The one file layer: every read of the project (and of a template folder) and every write into it
// goes through a FileAccess, whose boundary is the real path of one folder, taken once. A path is
// inside when its real path (every symbolic link on the way resolved) is the boundary or below it,
// so a link inside the project to another file inside it works, while a link that leads out (an
// absolute target, `../..`, a linked parent folder) is treated as absent and named in a warning,
// never followed: its target's path and contents are never read, let alone shown. Reads open the
// real path without following a last link and without blocking (a FIFO does not hang a run), and
// each kind of file has a size cap. Writes never go through a link: a destination that is one is
// refused, files are written to a temporary sibling and renamed into place, all files of one
// change together (see commit()). test/unit/architecture.test.ts keeps node:fs imports here.
import {
  closeSync, constants, copyFileSync, fstatSync, fsyncSync, linkSync, lstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readSync,
  realpathSync, renameSync, rmdirSync, rmSync, statSync, symlinkSync, writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { UserError } from '../errors.js';
import { randomHex } from '../lazy.js';

/** Largest file of each kind the tool reads. Lockfiles of big monorepos reach tens of megabytes. */
export const SIZE_CAPS = {
  /** Manifests, lockfiles, sources, deploy files. */
  project: 32 * 1024 * 1024,
  /** A template or partial of an override folder. */
  template: 1024 * 1024,
  /** .slim-image/config.json. */
  config: 1024 * 1024,
  /** An existing Dockerfile or .dockerignore compared with the generated one. */
  generated: 4 * 1024 * 1024,
} as const;

export type FileKind = keyof typeof SIZE_CAPS;

/** What a path is, seen from inside the boundary. */
export type Probe =
  | { kind: 'missing' }
  /** Its real path is outside the boundary (through a link, or `..`). Never followed further. */
  | { kind: 'outside' }
  /** A symbolic-link loop (or a chain too long to resolve). */
  | { kind: 'loop' }
  | { kind: 'unreadable'; code: string }
  | { kind: 'file'; real: string; size: number }
  | { kind: 'dir'; real: string }
  /** A FIFO, socket or device. */
  | { kind: 'special'; real: string };

/** Warnings about links that lead outside, each said once per run however often the path is asked for. */
export class Notices {
  private readonly seen = new Set<string>();
  readonly list: string[] = [];

  add(text: string): void {
    if (this.seen.has(text)) return;
    this.seen.add(text);
    this.list.push(text);
  }
}

/**
 * A folder entry as the listing saw it, without following it: `kind` is the entry itself (a link
 * is 'link' whatever it points at), so a walk needs no stat per entry.
 */
export interface ListEntry {
  name: string;
  kind: 'file' | 'dir' | 'link' | 'special';
}

/**
 * Path arithmetic for the file layer, which runs it for every probe: a path that is already
 * absolute and normal (no `.` or `..` segment, no doubled or trailing separator) is used as it is,
 * where resolve(), join() and dirname() would each normalize it again. Other paths, and every
 * path on Windows, go through node:path.
 */
export function resolved(path: string): string {
  return sep === '/' && path.startsWith('/') && isNormal(path.slice(1)) ? path : resolve(path);
}

/** A folder (absolute, normal) joined with a relative path, as join() would give. */
export function inside(folder: string, rel: string): string {
  if (rel === '.' || rel === '') return folder;
  if (sep !== '/' || !isNormal(rel)) return join(folder, rel);
  return folder.endsWith('/') ? folder + rel : `${folder}/${rel}`;
}

/** The parent of an absolute, normal path, as dirname() would give. */
function parentOf(abs: string): string {
  if (sep !== '/') return dirname(abs);
  const slash = abs.lastIndexOf('/');
  return slash <= 0 ? '/' : abs.slice(0, slash);
}

/** A relative path with nothing to normalize: no empty, `.` or `..` segment. */
function isNormal(rel: string): boolean {
  if (rel === '') return true;
  if (rel.startsWith('/') || rel.endsWith('/') || rel.includes('//')) return false;
  if (rel === '.' || rel === '..' || rel.startsWith('./') || rel.startsWith('../') || rel.endsWith('/.') || rel.endsWith('/..')) return false;
  return !rel.includes('/./') && !rel.includes('/../');
}

/** The warning for a path whose real path is outside: the link is named, its target never. */
export function outsideNotice(label: string, where = 'the project'): string {
  return `${shorten(label)} is a symbolic link (or inside a linked folder) that leads outside ${where}; it was ignored, as if absent. Copy the file into the project if the image needs it.`;
}

export class FileAccess {
  private realRoot: string | undefined;
  /** Real paths of folders already resolved (folders are never replaced by links during a run). */
  private readonly folders = new Map<string, string>();

  /**
   * @param boundary the folder nothing may leave (its real path is taken on first use)
   * @param notices where warnings about links out go; shared by the accesses of one run
   * @param where how messages name the boundary ("the project", "the template folder")
   */
  constructor(
    readonly boundary: string,
    readonly notices: Notices = new Notices(),
    readonly where = 'the project',
  ) {}

  /** The real path of the boundary; the boundary as given when it does not exist (yet). */
  get real(): string {
    if (this.realRoot === undefined) {
      try {
        this.realRoot = realpathSync.native(this.boundary);
      } catch {
        this.realRoot = resolve(this.boundary);
      }
    }
    return this.realRoot;
  }

  /** True when a real path is the boundary or below it. */
  contains(real: string): boolean {
    return real === this.real || real.startsWith(this.real.endsWith(sep) ? this.real : this.real + sep);
  }

  /**
   * What the path is. Only its real path is taken first; nothing outside the boundary is stat'ed
   * or opened. A path that is no link itself costs one lstat: its folder's real path is cached
   * (resolving every component of every path would cost a readlink per component, which on a
   * 100,000-file tree tripled the system calls).
   */
  probe(path: string): Probe {
    const abs = resolved(path);
    const folder = parentOf(abs);
    if (folder === abs) return this.probeByRealPath(abs);
    let st;
    try {
      // Most probes ask for a file that is not there (which lockfile, which config): without the
      // option, each would build an Error with a stack trace.
      st = lstatSync(abs, { throwIfNoEntry: false });
    } catch (error) {
      const code = errorCode(error);
      if (code === 'ELOOP') return { kind: 'loop' };
      if (isMissingCode(code)) return this.absent(abs);
      return { kind: 'unreadable', code };
    }
    if (st === undefined) return this.absent(abs);
    if (st.isSymbolicLink()) return this.probeByRealPath(abs);
    const realFolder = this.realFolder(folder);
    if (realFolder === null) return this.probeByRealPath(abs);
    const real = inside(realFolder, basename(abs));
    if (!this.contains(real)) return { kind: 'outside' };
    if (st.isFile()) return { kind: 'file', real, size: st.size };
    if (st.isDirectory()) return { kind: 'dir', real };
    return { kind: 'special', real };
  }

  /**
   * A folder's real path, or null when it cannot be resolved. A folder that is no link, inside a
   * folder already resolved, is that folder's real path and its name: one lstat instead of
   * realpath's one per component, which counted when a monorepo's 200 package folders each
   * resolved /tmp/... anew.
   */
  private realFolder(folder: string): string | null {
    const known = this.folders.get(folder);
    if (known !== undefined) return known;
    let real: string;
    const parent = parentOf(folder);
    const realParent = parent === folder ? undefined : this.folders.get(parent);
    try {
      real = realParent !== undefined && !lstatSync(folder).isSymbolicLink() ? inside(realParent, basename(folder)) : realpathSync.native(folder);
    } catch {
      return null;
    }
    this.folders.set(folder, real);
    return real;
  }

  /** probe() for a link (or the file system's root): every component resolved. */
  private probeByRealPath(abs: string): Probe {
    let real: string;
    try {
      real = realpathSync.native(abs);
    } catch (error) {
      const code = errorCode(error);
      if (code === 'ELOOP') return { kind: 'loop' };
      if (isMissingCode(code)) return this.absent(abs);
      return { kind: 'unreadable', code };
    }
    if (!this.contains(real)) return { kind: 'outside' };
    try {
      const st = statSync(real);
      if (st.isFile()) return { kind: 'file', real, size: st.size };
      if (st.isDirectory()) return { kind: 'dir', real };
      return { kind: 'special', real };
    } catch (error) {
      const code = errorCode(error);
      return isMissingCode(code) ? { kind: 'missing' } : { kind: 'unreadable', code };
    }
  }

  /**
   * A regular file's bytes, or null when it is absent or leads outside (then a warning names it).
   * A loop, an unreadable file, a folder or FIFO in its place, or one over the cap is a UserError
   * naming `label` (a path relative to the project).
   */
  readBytes(path: string, label: string, kind: FileKind = 'project', probed?: Probe): Buffer | null {
    // A probe of this path already taken by the caller (Project keeps one per path) spares a stat;
    // the open below refuses a link in its place all the same (O_NOFOLLOW).
    const probe = probed ?? this.probe(path);
    switch (probe.kind) {
      case 'missing':
        return null;
      case 'outside':
        this.notices.add(outsideNotice(label, this.where));
        return null;
      case 'loop':
        throw new UserError(`Cannot read ${shorten(label)} (it is part of a symbolic-link loop). Fix the link or remove it, then run again.`);
      case 'unreadable':
        throw unreadable(label, probe.code);
      case 'dir':
      case 'special':
        throw new UserError(`${shorten(label)} is not a regular file; remove it or rename it so it is not taken for a ${kind === 'template' ? 'template' : 'project file'}.`);
      case 'file':
        return readRegular(probe.real, label, kind);
    }
  }

  /**
   * Names in a folder, sorted, with file types; [] when the folder is absent or leads outside.
   * Entries that are links leading outside are left out, so no caller meets them, unless
   * `outside` is 'keep' (a caller that refuses them by name).
   */
  list(path: string, label: string, outside: 'skip' | 'keep' = 'skip'): ListEntry[] {
    const probe = this.probe(path);
    if (probe.kind === 'outside') {
      this.notices.add(outsideNotice(label, this.where));
      return [];
    }
    if (probe.kind === 'loop') throw new UserError(`Cannot read ${shorten(label)} (it is part of a symbolic-link loop). Fix the link or remove it, then run again.`);
    if (probe.kind === 'unreadable') throw unreadable(label, probe.code);
    if (probe.kind !== 'dir') return [];
    let entries;
    try {
      entries = readdirSync(probe.real, { withFileTypes: true });
    } catch (error) {
      const code = errorCode(error);
      if (isMissingCode(code)) return [];
      throw unreadable(label, code);
    }
    const out: ListEntry[] = [];
    const abs = resolved(path);
    for (const entry of entries) {
      const link = entry.isSymbolicLink();
      // A folder in the listing that is no link is where its name says: what is read inside it
      // later needs no lstat of the folder (realFolder).
      if (entry.isDirectory()) this.folders.set(inside(abs, entry.name), inside(probe.real, entry.name));
      // Silently: a listing is no request for the file (a .env linked to a secrets folder is
      // common and never needed); asking for the file by name (probe, readBytes) warns.
      if (link && outside === 'skip' && this.probe(inside(probe.real, entry.name)).kind === 'outside') continue;
      out.push({ name: entry.name, kind: link ? 'link' : entry.isFile() ? 'file' : entry.isDirectory() ? 'dir' : 'special' });
    }
    return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** True when the path itself is a symbolic link (inside or not); false when absent. */
  isLink(path: string): boolean {
    try {
      return lstatSync(path).isSymbolicLink();
    } catch {
      return false;
    }
  }

  /** A path that does not exist (or a dangling link): absent, but outside when its name already leaves. */
  private absent(abs: string): Probe {
    return this.contains(abs) || !this.lexicallyOutside(abs) ? { kind: 'missing' } : { kind: 'outside' };
  }

  private lexicallyOutside(path: string): boolean {
    const rel = relative(resolve(this.boundary), resolve(path));
    return rel === '..' || rel.startsWith(`..${sep}`) || resolve(rel) === rel;
  }

  /**
   * Makes sure a folder inside the boundary exists, creating the missing ones one level at a
   * time; a component that is a link leading out, or a file, is refused. Returns the folders it
   * created, deepest last, so a failed change can remove them again.
   */
  ensureDir(path: string, label: string): string[] {
    const rel = relative(resolve(this.boundary), resolve(path));
    if (rel === '..' || rel.startsWith(`..${sep}`) || resolve(rel) === rel) throw writeOutside(label, this.where);
    const created: string[] = [];
    let current = resolve(this.boundary);
    for (const part of rel === '' ? [] : rel.split(sep)) {
      current = join(current, part);
      const probe = this.probe(current);
      if (probe.kind === 'dir') continue;
      if (probe.kind === 'outside') throw writeOutside(relative(resolve(this.boundary), current).split(sep).join('/') || label, this.where);
      if (probe.kind === 'missing' && !this.isLink(current)) {
        try {
          mkdirSync(current);
        } catch (error) {
          removeDirs(created);
          throw cannotWrite(label, errorCode(error));
        }
        created.push(current);
        continue;
      }
      removeDirs(created);
      throw new UserError(`${shorten(relative(resolve(this.boundary), current).split(sep).join('/'))} is in the way: it should be a folder (it is ${describe(probe)}). Move it away and run again.`);
    }
    return created;
  }

  /**
   * Copies the boundary folder into dest (an empty folder) without following any link out of it:
   * regular files and folders are copied; a link whose real path is inside becomes a relative
   * link to the same place in the copy; links that lead outside, dangling links, loops, FIFOs,
   * sockets and devices are left out. skip(rel) leaves a path out (rel with forward slashes).
   */
  copyTree(dest: string, skip: (rel: string) => boolean = () => false): void {
    const root = this.real;
    const visit = (from: string, to: string, rel: string) => {
      for (const entry of readdirSync(from, { withFileTypes: true })) {
        const childRel = rel === '' ? entry.name : `${rel}/${entry.name}`;
        if (skip(childRel)) continue;
        const source = join(from, entry.name);
        const target = join(to, entry.name);
        if (entry.isSymbolicLink()) {
          const probe = this.probe(source);
          if (probe.kind === 'file' || probe.kind === 'dir') symlinkSync(relative(to, join(dest, relative(root, probe.real))) || '.', target);
        } else if (entry.isDirectory()) {
          mkdirSync(target);
          visit(source, target, childRel);
        } else if (entry.isFile()) {
          copyFileSync(source, target, constants.COPYFILE_EXCL);
        }
      }
    };
    visit(root, dest, '');
  }

  /** Writes a file inside the boundary afresh: whatever was at its name (a link too) is removed first. */
  writeFresh(path: string, label: string, text: string): void {
    const folder = this.probe(dirname(path));
    if (folder.kind !== 'dir') throw writeOutside(label, this.where);
    rmSync(path, { force: true });
    writeNew(path, text);
  }

  /** Removes a folder this run created, when it is still empty (after a failed change). */
  removeEmptyDir(path: string): void {
    removeDirs([path]);
  }

  /**
   * Writes every file or none. Each destination must be in a folder inside the boundary and must
   * not be a symbolic link (the link is never written through, nor replaced: the run is refused)
   * or anything but a regular file. All contents go to temporary siblings first (written and
   * flushed to disk); only then are they renamed into place, ignore files before Dockerfiles so an
   * interruption can never pair a new Dockerfile with an old ignore file. A failed rename puts the
   * renamed files back from hard-link backups. SIGINT, SIGTERM and SIGHUP wait until the change
   * is complete (they are handled, then raised again); only SIGKILL or a power cut can split it.
   * On any failure no temporary file remains.
   */
  async commit(changes: Change[], hooks: CommitHooks = {}): Promise<void> {
    if (changes.length === 0) return;
    const signals = deferSignals();
    try {
      this.commitNow(changes, hooks);
    } finally {
      await signals.release();
    }
  }

  private commitNow(changes: Change[], hooks: CommitHooks): void {
    // Folders first (a missing .slim-image/templates/node), each checked to be inside; then
    // every destination, before anything is written.
    const created: string[] = [];
    try {
      for (const change of changes) created.push(...this.ensureDir(dirname(change.path), dirname(change.label)));
      for (const change of changes) this.checkDestination(change);
    } catch (error) {
      removeDirs(created);
      throw error;
    }
    const token = `${process.pid}-${randomHex(4)}`;
    const staged: Array<{ change: Change; temp: string; backup: string | null }> = [];
    const cleanup = () => {
      for (const s of staged) {
        rmSync(s.temp, { force: true });
        if (s.backup) rmSync(s.backup, { force: true });
      }
      removeDirs(created);
    };
    try {
      for (const change of changes) {
        const temp = join(dirname(change.path), `.${basename(change.path)}.slim-image-${token}.tmp`);
        const entry = { change, temp, backup: null as string | null };
        staged.push(entry);
        writeNew(temp, change.text);
        hooks.afterStage?.(change);
        if (this.probe(change.path).kind === 'file') {
          entry.backup = join(dirname(change.path), `.${basename(change.path)}.slim-image-${token}.bak`);
          backUp(change.path, entry.backup);
        }
      }
    } catch (error) {
      cleanup();
      throw cannotWrite(changes.map((c) => c.label).join(' and '), errorCode(error), 'nothing was written');
    }
    const order = [...staged].sort((a, b) => rank(a.change.path) - rank(b.change.path));
    const done: typeof staged = [];
    try {
      for (const s of order) {
        hooks.beforeRename?.(s.change);
        renameSync(s.temp, s.change.path);
        done.push(s);
      }
    } catch (error) {
      // Put back what was replaced (from its backup) and remove what was created.
      for (const s of done.reverse()) {
        try {
          if (s.backup) renameSync(s.backup, s.change.path);
          else rmSync(s.change.path, { force: true });
        } catch {
          // Nothing better to do: the message below still names the files.
        }
      }
      cleanup();
      throw cannotWrite(changes.map((c) => c.label).join(' and '), errorCode(error), 'the files were put back as they were');
    }
    for (const s of staged) if (s.backup) rmSync(s.backup, { force: true });
  }

  private checkDestination(change: Change): void {
    const folder = this.probe(dirname(change.path));
    if (folder.kind === 'outside') throw writeOutside(dirname(change.label) === '.' ? change.label : dirname(change.label), this.where);
    if (folder.kind !== 'dir') throw cannotWrite(change.label, folder.kind === 'missing' ? 'ENOENT' : folder.kind, 'nothing was written');
    if (this.isLink(change.path)) {
      throw new UserError(
        `${shorten(change.label)} is a symbolic link; create-slim-image never writes through a link (nor replaces one), so nothing was written. ` +
          'Replace the link with a regular file (or remove it), then run again.',
      );
    }
    const probe = this.probe(change.path);
    if (probe.kind !== 'missing' && probe.kind !== 'file') {
      throw new UserError(`${shorten(change.label)} exists and is not a regular file; move it away and run again. Nothing was written.`);
    }
  }
}

/** One file of a change: where it goes (absolute), its name for messages, its new contents. */
export interface Change {
  path: string;
  label: string;
  text: string;
}

/** Test seams: a failure injected at a precise moment of a commit. */
export interface CommitHooks {
  afterStage?: (change: Change) => void;
  beforeRename?: (change: Change) => void;
}

/**
 * Keeps the current file under another name until the change is complete: a hard link (no
 * copy), or a copy on a file system without hard links. The file was checked to be regular.
 */
function backUp(path: string, backup: string): void {
  try {
    linkSync(path, backup);
  } catch {
    copyFileSync(path, backup, constants.COPYFILE_EXCL);
  }
}

/** Ignore files first: a new Dockerfile must never be paired with an old ignore file. */
function rank(path: string): number {
  return /ignore$/.test(basename(path)) ? 0 : 1;
}

/** Creates a file that must not exist yet (O_EXCL: never through a link), flushed to disk. */
export function writeNew(path: string, text: string): void {
  const fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o644);
  try {
    const bytes = Buffer.from(text, 'utf8');
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    try {
      fsyncSync(fd);
    } catch (error) {
      // A file system that cannot flush (some network and FUSE mounts) still renames atomically.
      if (!['EINVAL', 'ENOTSUP', 'EOPNOTSUPP'].includes(errorCode(error))) throw error;
    }
  } finally {
    closeSync(fd);
  }
}

/** Reads a regular file by its real path: no link followed, no blocking open, at most the cap. */
function readRegular(real: string, label: string, kind: FileKind): Buffer {
  const cap = SIZE_CAPS[kind];
  let fd: number;
  try {
    fd = openSync(real, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw unreadable(label, errorCode(error));
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new UserError(`${shorten(label)} is not a regular file; remove it or rename it so it is not taken for a ${kind === 'template' ? 'template' : 'project file'}.`);
    if (st.size > cap) throw tooLarge(label, st.size, kind);
    // One buffer sized by the file, with a byte to spare to see it end, read into until a read
    // returns nothing; it grows only if the file grew meanwhile. A fixed 1 MB buffer per read, and
    // later a second one for the end, made every small manifest memory outside the heap, and V8
    // collects garbage for that pressure (in a monorepo that reads 200 package.json files, a dozen
    // collections). One byte over the cap shows a file too large.
    const limit = cap + 1;
    let buffer = Buffer.allocUnsafe(Math.min(st.size + 1, limit));
    let total = 0;
    for (;;) {
      if (total === buffer.length) {
        if (total >= limit) throw tooLarge(label, total, kind);
        const bigger = Buffer.allocUnsafe(Math.min(buffer.length * 2, limit));
        buffer.copy(bigger, 0, 0, total);
        buffer = bigger;
      }
      const n = readSync(fd, buffer, total, buffer.length - total, null);
      if (n === 0) break;
      total += n;
    }
    return buffer.subarray(0, total);
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw unreadable(label, errorCode(error));
  } finally {
    closeSync(fd);
  }
}

function tooLarge(label: string, size: number, kind: FileKind): UserError {
  const what = { project: 'a project file the tool reads', template: 'a template', config: 'the config file', generated: 'a Dockerfile or ignore file' }[kind];
  return new UserError(`${shorten(label)} is ${size} bytes, too large to be ${what} (the limit is ${SIZE_CAPS[kind]} bytes); check the file.`);
}

function describe(probe: Probe): string {
  return probe.kind === 'file' ? 'a file' : probe.kind === 'special' ? 'a FIFO, socket or device' : probe.kind === 'loop' ? 'a symbolic-link loop' : probe.kind === 'missing' ? 'a dangling link' : 'unreadable';
}

function writeOutside(label: string, where: string): UserError {
  return new UserError(
    `${shorten(label)} is a symbolic link (or inside a linked folder) that leads outside ${where}, and create-slim-image writes only inside it; nothing was written. ` +
      'Replace the link with a real folder (or remove it), then run again.',
  );
}

function cannotWrite(label: string, code: string, state = 'nothing was written'): UserError {
  const why = code === 'ENOSPC' ? 'the disk is full' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EROFS' ? 'read-only file system' : code;
  return new UserError(`Cannot write ${shorten(label)} (${why}); ${state}. Check that the folder is writable and has space, then run again.`);
}

export function unreadable(label: string, code: string): UserError {
  const hint = code === 'ELOOP' ? 'it is part of a symbolic-link loop' : code === 'EACCES' ? 'permission denied' : code;
  return new UserError(`Cannot read ${shorten(label)} (${hint}). Fix its permissions or remove it, then run again.`);
}

function removeDirs(dirs: string[]): void {
  for (const dir of [...dirs].reverse()) {
    try {
      rmdirSync(dir);
    } catch {
      // Not empty or gone: leave it.
    }
  }
}

export function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException | undefined)?.code ?? 'error';
}

export function isMissingCode(code: string): boolean {
  // A name too long for the file system cannot exist either.
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'ENAMETOOLONG';
}

/** Paths in messages stay readable even when a hostile project makes them huge. */
export function shorten(text: string, max = 120): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** A new private folder under the system's temporary folder (for --verify's copy and scratch files). */
export function makeTempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Removes a folder this run created, with everything in it (never following links out of it). */
export function removeTree(path: string): void {
  rmSync(path, { recursive: true, force: true });
}

const DEFERRED: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Holds termination signals while a change is applied: the handlers only note the signal (they
 * run once the synchronous renames are over), then release() removes them and raises it again,
 * so the process still ends as the signal asked, with the change complete.
 */
function deferSignals(): { release(): Promise<void> } {
  let received: NodeJS.Signals | null = null;
  const note = (signal: NodeJS.Signals) => {
    received ??= signal;
  };
  for (const signal of DEFERRED) process.on(signal, note);
  return {
    async release() {
      // A signal that arrived during the synchronous part reaches its handler once the event loop
      // polls again (libuv's signal pipe); a timer and an immediate make sure it has.
      await new Promise((done) => setTimeout(done, 0));
      await new Promise((done) => setImmediate(done));
      for (const signal of DEFERRED) process.off(signal, note);
      if (received !== null && process.listenerCount(received) === 0) process.kill(process.pid, received);
    },
  };
}
