import type { CommonFacts, Fact } from '../../types.js';
import type { SitePackageManager } from './knowledge/package-managers.js';
import type { StaticFrameworkId } from './knowledge/frameworks.js';

/** A build-time variable the bundler inlines, passed as a build argument. */
export interface BuildArg {
  name: string;
  value: string;
  /** The .env file it was read from. */
  source: string;
}

/** How paths that are no file are answered. */
export interface FallbackFact {
  /** 'spa': every unknown path gets `page` with a 200; 'pages': page.html / page/index.html, then 404.html; 'none': 404. */
  kind: 'spa' | 'pages' | 'none';
  /** The page a single-page app falls back to (/index.html, or SvelteKit's configured fallback). */
  page: string;
  source: string;
}

export interface StaticFacts extends CommonFacts {
  language: 'static';
  frameworkId: StaticFrameworkId | null;
  /** Built with a package manager in a Node.js builder; false for a folder of files served as they are. */
  built: boolean;
  packageManagerVersion: string | null;
  sitePackageManager: SitePackageManager | null;
  yarnBerry: boolean;
  lockfile: string | null;
  /** Files copied before the install (package.json, the lockfile, install config). */
  installFiles: string[];
  /** argv of the build (`npm run build`), null for a folder of files. */
  buildCommand: Fact<string[] | null>;
  /** The folder the build writes, relative to the project ('.' for a folder of files). */
  output: Fact<string>;
  fallback: FallbackFact;
  /** Output folders whose files carry content hashes. */
  immutable: string[];
  immutablePattern: string | null;
  buildArgs: BuildArg[];
}
