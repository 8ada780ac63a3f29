// Reads the four Node lockfile formats into one flat list of installed packages, each marked
// dev when nothing reachable from the production dependencies needs it. Every parser is linear
// in the lockfile size: lockfiles of big monorepos reach tens of megabytes. Generic (src/npm/),
// not Node's: Bun installs the same packages, and its ecosystem reads bun.lock with these.
import { parseBunLock } from './lockfiles-bun.js';
import type { LockfileContents, ManifestReader, ParseContext } from './lockfiles-common.js';
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

