// Facts about a PHP project, beyond the common ones.
import type { CommonFacts, Fact } from '../../types.js';

/**
 * What serves HTTP in the image: Apache with mod_php (one process, the official image's own
 * variant), Laravel Octane on one of its servers, or FrankenPHP (Caddy with PHP built in).
 */
export type PhpServer = 'apache' | 'octane-roadrunner' | 'octane-swoole' | 'octane-frankenphp' | 'frankenphp';

/** An extension the app needs, and where that was said. */
export interface ExtensionNeed {
  name: string;
  source: string;
}

export interface PhpFacts extends CommonFacts {
  language: 'php';
  packageManager: Fact<'composer'>;
  /** composer.lock, or null (then the install resolves anew). */
  lockfile: string | null;
  /** composer.json names a package to install (anything beyond php and ext-* platform requirements). */
  hasPackages: boolean;
  server: Fact<PhpServer>;
  /** Folder the web server serves, relative to the app ("public", or "." for an index.php at the root). */
  documentRoot: string;
  /** Every extension required (composer.json and locked packages), with its source. */
  extensions: ExtensionNeed[];
  /** Required extensions the official image already has compiled in (nothing to install). */
  bundled: string[];
  /** Required extensions this tool has no row for (warned; a template override can add them). */
  unknownExtensions: string[];
  /** Folders the app writes at run time, given to the app user. */
  writable: string[];
  /** symfony/flex is locked, so `composer dump-env prod` exists. */
  symfonyFlex: boolean;
  /** PHP ranges that locked packages require (composer.lock packages[].require.php): the version must satisfy each. */
  phpCaps: Array<{ constraint: string; source: string }>;
  /** Console steps locked packages ask for before deployment (Symfony's asset-map:compile), in order. */
  buildSteps: string[][];
  /** The app has an .htaccess in its document root (mod_rewrite front-controller rules). */
  htaccess: boolean;
}
