// Reads the four Node lockfile formats into one flat list of installed packages, each marked
// dev when nothing reachable from the production dependencies needs it. Every parser is linear
// in the lockfile size: lockfiles of big monorepos reach tens of megabytes. Generic (src/npm/),
// not Node's: Bun installs the same packages, and its ecosystem reads bun.lock with these.
import type { Project } from '../project.js';
import { parseBunLock } from './lockfiles-bun.js';
import { isRecord, type LockfileContents, type ManifestReader, type ParseContext } from './lockfiles-common.js';
import { parseNpmLock } from './lockfiles-npm.js';
import { parsePnpmLock } from './lockfiles-pnpm.js';
import { parseYarnLock } from './lockfiles-yarn.js';

export type { LockedPackage, LockfileContents, ManifestReader } from './lockfiles-common.js';
export { lockfileError } from './lockfiles-common.js';

export function parseLockfile(
  file: string,
  text: string,
  manifest: Record<string, unknown>,
  readManifest: ManifestReader = () => null,
): LockfileContents {
  const context: ParseContext = { file, manifest, readManifest };
  const base = file.slice(file.lastIndexOf('/') + 1);
  switch (base) {
    case 'package-lock.json':
    case 'npm-shrinkwrap.json':
      return parseNpmLock(text, context);
    case 'pnpm-lock.yaml':
      return parsePnpmLock(text, context);
    case 'yarn.lock':
      return parseYarnLock(text, context);
    case 'bun.lock':
      return parseBunLock(text, context);
    default:
      throw new Error(`parseLockfile: not a lockfile name: ${file}`);
  }
}
/** Lockfiles already parsed, by project and file: a big monorepo's takes milliseconds, and a run reads it twice. */
const parsed = new WeakMap<Project, Map<string, LockfileContents | null>>();

/**
 * A project's lockfile, parsed once per run; null when the file is absent or binary (Bun's old
 * bun.lockb, which no parser here reads). Workspace manifests (yarn berry marks dev packages with
 * them) are read through the project, inside its boundary.
 */
export function readLockfile(project: Project, file: string, manifest: Record<string, unknown>): LockfileContents | null {
  if (file.endsWith('.lockb')) return null;
  let files = parsed.get(project);
  if (files === undefined) parsed.set(project, (files = new Map()));
  if (files.has(file)) return files.get(file) ?? null;
  const text = project.readText(file);
  const readManifest: ManifestReader = (dir) => {
    const value = project.readJson(`${dir}/package.json`);
    return isRecord(value) ? value : null;
  };
  const contents = text === null ? null : parseLockfile(file, text, manifest, readManifest);
  files.set(file, contents);
  return contents;
}
