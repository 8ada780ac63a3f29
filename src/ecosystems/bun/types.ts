// Facts about a Bun project, beyond the common ones.
import type { CommonFacts, Fact } from '../../types.js';

export interface BunFacts extends CommonFacts {
  language: 'bun';
  packageManager: Fact<'bun'>;
  /** The lockfile bun installs from (bun.lock, bun.lockb, or a package-lock.json bun migrates), or null. */
  lockfile: string | null;
  /** The lockfile is Bun's own, so the install can be frozen (--frozen-lockfile). */
  frozen: boolean;
  /** Files copied before the dependency install: package.json, the lockfile, bunfig.toml (only existing ones). */
  installFiles: string[];
  /** package.json lists production dependencies, so there is a node_modules to install. */
  hasProductionDependencies: boolean;
  /** package.json script to run in the build stage ("build"), or null. */
  buildScript: string | null;
  /** The source file the start command runs (`bun src/index.ts`), or null when it runs something else. */
  entry: string | null;
  /**
   * Whether `bun build --compile` may turn the app into one executable, and why (or why not): only
   * for a start command that runs one source file, with no native dependency and no build script.
   */
  compile: { possible: boolean; why: string };
  /** Folders the app may read at run time (public/, static/, views/), copied beside a compiled executable. */
  assets: string[];
}
