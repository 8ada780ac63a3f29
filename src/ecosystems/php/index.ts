// PHP: detection (detect.ts, composer.ts), bases and view (plan.ts), knowledge tables
// (knowledge/), templates/php/. Composer installs in the composer:2 image; the app runs on the
// official php image (Apache with mod_php), or on Laravel Octane or FrankenPHP when it uses them.
import type { Ecosystem } from '../../ecosystem.js';
import { detectPhp, phpTooling } from './detect.js';
import { phpMarks } from './entry.js';
import { naivePhp } from './naive.js';
import { assessPhp, phpView } from './plan.js';
import type { PhpFacts } from './types.js';
import { PHP_RELEASES } from './knowledge/versions.js';

export const php: Ecosystem<PhpFacts> = {
  language: 'php',
  markers: phpMarks.markers,
  recognizes: phpMarks.mayBe, // the marker files are the whole check
  tooling: phpTooling,
  apps: null,
  detect: detectPhp,
  assess: (facts) => assessPhp(facts),
  view: phpView,
  runtimeName: 'PHP',
  releases: (now) => PHP_RELEASES.filter((r) => Date.parse(r.released) <= now.getTime()).map((r) => ({ version: r.version, endOfLife: r.end })),
  fields: {
    documentRoot: { label: 'The document root', fallback: 'the project folders' },
    installFiles: { label: 'A file the dependency install copies', fallback: 'composer.json and composer.lock' },
  },
  manifestExtensions: ['json', 'lock'],
  naive: naivePhp,
  installCommand: /\bcomposer install\b/,
  // PHP's own stream wrapper makes the request: file_get_contents is false on a refused connection and on a 4xx or 5xx status.
  probe: (_facts, _plan, url) => ({ command: ['php', '-r', 'exit(@file_get_contents(end($argv)) === false ? 1 : 0);', url] }),
};
