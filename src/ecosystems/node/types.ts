// Facts about a Node.js project, beyond the common ones.
import type { CommonFacts, Fact } from '../../types.js';
import type { WorkspaceFacts } from './workspaces.js';

export const NODE_PACKAGE_MANAGERS = ['npm', 'yarn', 'pnpm', 'bun'] as const;
export type NodePackageManager = (typeof NODE_PACKAGE_MANAGERS)[number];

export interface NodeFacts extends CommonFacts {
  language: 'node';
  packageManager: Fact<NodePackageManager>;
  /** Exact version from package.json "packageManager" ("pnpm@9.12.0" -> "9.12.0"), used via corepack. */
  packageManagerVersion: string | null;
  /** Yarn 2+ (a .yarnrc.yml or a yarn@>=2 packageManager), which installs with `yarn install --immutable`. */
  yarnBerry: boolean;
  /** The lockfile found, relative to the root, or null (then installs are not reproducible: a warning). */
  lockfile: string | null;
  /** Files copied before the dependency install, in this order: package.json, lockfile, .npmrc, ... (only existing ones). */
  installFiles: string[];
  /** package.json script to run in the build stage ("build"), or null when there is nothing to build. */
  buildScript: string | null;
  /**
   * What the final image needs from the build stage besides production node_modules, e.g.
   * ["dist", "public", "package.json"]; null means the app runs from its sources, so the whole
   * build context (minus .dockerignore) is copied.
   */
  runtimeFiles: string[] | null;
  /**
   * package.json lists production dependencies. Without any, an install creates no node_modules,
   * so there is no production-dependency stage to copy from.
   */
  hasProductionDependencies: boolean;
  /** The build output runs without node_modules (Next.js standalone, Nuxt .output). */
  selfContained: boolean;
  /** Next.js `output: 'standalone'` in next.config.*. */
  nextStandalone: boolean;
  typescript: boolean;
  /**
   * Registry credentials the install needs, passed as BuildKit secrets (never ARG/ENV): an .npmrc
   * holding a token is mounted as a file; ${VAR}s an .npmrc reads are exposed as variables.
   */
  installSecrets: InstallSecret[];
  /** Nested .npmrc files holding a literal token, relative to the build context: kept out of it (a .dockerignore entry, not a copied path). */
  nestedCredentials?: string[];
  /** Production environment the framework needs (HOST=0.0.0.0 for Astro/Nuxt, HOSTNAME for Next). */
  env: Record<string, string>;
  /** Set for an app inside an npm/yarn/pnpm workspace: the build context is the repository root. */
  workspace?: WorkspaceFacts | null;
}

/** A build secret for the dependency install: mounted at `target`, or exposed as variable `env`. */
export interface InstallSecret {
  id: string;
  target: string | null;
  env: string | null;
}
