// PHP detection: small questions answered from composer.json, composer.lock, .php-version and the
// files present, each answer with its source. Pure over the Project view.
import type { DetectOptions } from '../../ecosystem.js';
import type { Project } from '../../project.js';
import { UserError } from '../../errors.js';
import { parseCommand } from '../../detect/command.js';
import type { AssetNeed, Fact, NativeDependency, PortSetting, RuntimeRequirement, StartCommand } from '../../types.js';
import { composerRange, readComposerJson, readComposerLock, type ComposerJson, type LockedPackage } from './composer.js';
import { EXTENSION_ALIASES, PHP_BUNDLED_EXTENSIONS, PHP_EXTENSIONS } from './knowledge/extensions.js';
import { OCTANE_DEFAULT_SERVER, PHP_ASSET_BUILDERS, PHP_BUILD_STEPS, PHP_FRAMEWORKS, PHP_SERVER_MARKERS } from './knowledge/frameworks.js';
import { DEFAULT_PORT } from './knowledge/images.js';
import type { ExtensionNeed, PhpFacts, PhpServer } from './types.js';


/** Front controllers and consoles that make a folder a PHP app. */
const ENTRY_FILES = ['public/index.php', 'index.php', 'artisan', 'bin/console'];


/** A composer.json with no front controller beside it installs PHP tooling (a code-style checker) for another app. */
export function phpTooling(project: Project): string | null {
  if (ENTRY_FILES.some((file) => project.isFile(file))) return null;
  return 'composer.json is here but no public/index.php, index.php, artisan or bin/console, so it installs PHP tooling';
}

export function detectPhp(project: Project, options: DetectOptions): PhpFacts {
  if (options.packageManager !== undefined && options.packageManager !== 'composer') {
    throw new UserError(`--package-manager ${options.packageManager}: a PHP app installs with composer, the only package manager this tool knows for PHP.`);
  }
  const warnings: string[] = [];
  const composer = readComposerJson(project);
  const locked = readComposerLock(project);
  const lockfile = locked === null ? null : 'composer.lock';
  const packages = locked ?? [];
  const declared = composer === null ? [] : Object.keys(composer.require);
  const hasPackages = declared.some((name) => name.includes('/'));
  if (composer !== null && lockfile === null && hasPackages) {
    warnings.push('There is no composer.lock, so every build resolves dependencies anew. Run `composer install` and commit composer.lock.');
  }
  const has = (name: string) => packages.some((p) => p.name === name) || (composer !== null && name in composer.require);

  const frameworkRow = PHP_FRAMEWORKS.find((f) => has(f.package));
  const framework: Fact<string | null> = frameworkRow
    ? { value: frameworkRow.framework, source: `${lockfile ?? 'composer.json'} (${frameworkRow.package})` }
    : { value: null, source: 'no framework package in composer.json' };

  const server = detectServer(project, has, lockfile ?? 'composer.json');
  const documentRoot = detectDocumentRoot(project, frameworkRow?.documentRoot ?? null, server.value, options.cmd !== undefined);
  if (documentRoot === '.' && server.value === 'apache') {
    warnings.push('index.php is at the project root, so Apache serves the whole project folder: every file in it (composer.json, vendor/, configuration) can be downloaded. Move the front controller into public/ and run again.');
  }

  const runtime = detectVersion(project, composer);
  const phpCaps = lockCaps(packages);
  const needs = requiredExtensions(composer, packages, lockfile ?? 'composer.lock');
  if (server.value === 'octane-swoole' && !needs.some((n) => n.name === 'swoole' || n.name === 'openswoole')) {
    needs.push({ name: 'swoole', source: `${server.source} (Octane's swoole server needs the extension)` });
  }
  const bundled = [...new Set(needs.filter((n) => isBundled(n.name)).map((n) => n.name))].sort();
  const unknown = [...new Set(needs.filter((n) => !isBundled(n.name) && !PHP_EXTENSIONS.some((r) => r.name === n.name)).map((n) => n.name))].sort();
  if (unknown.length > 0) {
    warnings.push(
      `The app requires ${unknown.map((n) => `ext-${n}`).join(', ')}, which this tool has no install recipe for; the image does not install ${unknown.length > 1 ? 'them' : 'it'}, and Composer's platform check stops the app at start. ` +
        'Add the install step with a template override (README "Template overrides"), or with --add-package for OS packages.',
    );
  }
  const nativeDependencies = nativeOf(needs);

  const assetNeeds = frontEndNeeds(project);
  const { port, setting } = detectPort(server);
  const start = detectStart(server.value, frameworkRow?.framework ?? null, port.value);

  return {
    language: 'php',
    packageManager: { value: 'composer', source: composer === null ? 'default (no composer.json)' : (lockfile ?? 'composer.json') },
    framework,
    runtime,
    port,
    portSetting: setting,
    start,
    nativeDependencies,
    warnings,
    lockfile,
    hasPackages: hasPackages || packages.length > 0,
    server,
    documentRoot,
    extensions: needs,
    bundled,
    unknownExtensions: unknown,
    // A logs/ folder in the repository is where the app writes its log file (Slim's skeleton does);
    // .dockerignore keeps its contents out, so the image makes it again, owned by the app user.
    writable: [...(frameworkRow?.writable ?? []), ...(project.isDir('logs') && !(frameworkRow?.writable ?? []).includes('logs') ? ['logs'] : [])],
    symfonyFlex: has('symfony/flex'),
    buildSteps: frameworkRow?.framework === 'symfony' ? PHP_BUILD_STEPS.filter((s) => has(s.package)).map((s) => [...s.command]) : [],
    htaccess: project.isFile(documentRoot === '.' ? '.htaccess' : `${documentRoot}/.htaccess`),
    phpCaps,
    ...(assetNeeds.length > 0 ? { assetNeeds } : {}),
  };
}

/** The folder a front-end plugin in package.json builds (Laravel's Vite plugin, Symfony Encore), when the repository does not hold it. */
function frontEndNeeds(project: Project): AssetNeed[] {
  if (!project.isFile('package.json')) return [];
  let pkg: unknown;
  try {
    pkg = project.readJson('package.json');
  } catch {
    return []; // a package.json that does not parse builds nothing; the asset stage says so
  }
  const obj = pkg !== null && typeof pkg === 'object' && !Array.isArray(pkg) ? (pkg as Record<string, unknown>) : {};
  const names = new Set(['dependencies', 'devDependencies'].flatMap((field) => {
    const deps = obj[field];
    return deps !== null && typeof deps === 'object' && !Array.isArray(deps) ? Object.keys(deps) : [];
  }));
  const row = PHP_ASSET_BUILDERS.find((b) => names.has(b.package));
  if (!row || project.isDir(row.output)) return [];
  return [{ path: row.output, source: `package.json (${row.package} builds ${row.output}: ${row.source})` }];
}

const isBundled = (name: string) => PHP_BUNDLED_EXTENSIONS.some((b) => b.name === name);

/** Octane (and its server), FrankenPHP, else Apache with mod_php. */
function detectServer(project: Project, has: (name: string) => boolean, file: string): Fact<PhpServer> {
  const octane = PHP_SERVER_MARKERS.find((m) => m.server === 'octane' && has(m.package));
  if (octane) {
    const chosen = octaneServer(project, has);
    return { value: `octane-${chosen.value}` as PhpServer, source: `${file} (laravel/octane); ${chosen.source}` };
  }
  const franken = PHP_SERVER_MARKERS.find((m) => m.server === 'frankenphp' && has(m.package));
  if (franken) return { value: 'frankenphp', source: `${file} (${franken.package})` };
  return { value: 'apache', source: 'no application server among the packages: Apache with mod_php serves the front controller' };
}

const OCTANE_SERVERS = new Set(['roadrunner', 'swoole', 'frankenphp']);

/** OCTANE_SERVER in .env.example, else config/octane.php's default, else what the lock holds, else Octane's own default. */
function octaneServer(project: Project, has: (name: string) => boolean): Fact<string> {
  const example = /^OCTANE_SERVER=["']?(\w+)/m.exec(project.readText('.env.example') ?? '');
  if (example && OCTANE_SERVERS.has(example[1]!)) return { value: example[1]!, source: `.env.example OCTANE_SERVER=${example[1]}` };
  const config = /env\(\s*['"]OCTANE_SERVER['"]\s*,\s*['"](\w+)['"]/.exec(project.readText('config/octane.php') ?? '');
  if (config && OCTANE_SERVERS.has(config[1]!)) return { value: config[1]!, source: `config/octane.php (OCTANE_SERVER defaults to ${config[1]})` };
  if (has('spiral/roadrunner-http')) return { value: 'roadrunner', source: 'spiral/roadrunner-http is locked' };
  return { value: OCTANE_DEFAULT_SERVER, source: `Octane's default server (${OCTANE_DEFAULT_SERVER})` };
}

function detectDocumentRoot(project: Project, frameworkRoot: string | null, server: PhpServer, cmdGiven: boolean): string {
  if (frameworkRoot !== null) return frameworkRoot;
  if (project.isFile('public/index.php')) return 'public';
  if (project.isFile('index.php')) return '.';
  if (cmdGiven || server !== 'apache') return 'public';
  throw new UserError(
    'Could not find the front controller of this PHP app: no public/index.php and no index.php at the root. ' +
      'Put the entry point there (the web server serves that folder), or pass --cmd with the command that starts the app.',
  );
}

/** .php-version pins; config.platform.php is the PHP the lock was resolved for, so it pins too; require.php is a range. */
export function detectVersion(project: Project, composer: ComposerJson | null): RuntimeRequirement {
  const file = /^\s*(?:php-)?(\d+\.\d+)(?:\.\d+)?\s*$/.exec(project.readText('.php-version') ?? '');
  if (file) return { constraint: file[1]!, pinned: true, source: '.php-version' };
  const platform = composer?.platformPhp ? /^(\d+\.\d+)(?:\.\d+)?$/.exec(composer.platformPhp.trim()) : null;
  if (platform) return { constraint: platform[1]!, pinned: true, source: 'composer.json config.platform.php' };
  const php = composer?.require.php;
  if (php !== undefined) {
    const range = composerRange(php);
    if (range !== null) return { constraint: range, pinned: false, source: 'composer.json require.php' };
  }
  return { constraint: null, pinned: false, source: 'default' };
}

function lockCaps(packages: LockedPackage[]): Array<{ constraint: string; source: string }> {
  return packages.flatMap((p) => {
    const php = p.require.php;
    const range = php === undefined ? null : composerRange(php);
    return range === null ? [] : [{ constraint: range, source: `${p.name} (composer.lock requires php ${php})` }];
  });
}

/** ext-* of composer.json's require and of every locked production package, first source kept. */
function requiredExtensions(composer: ComposerJson | null, packages: LockedPackage[], lockfile: string): ExtensionNeed[] {
  const needs = new Map<string, string>();
  const add = (requirement: string, source: string) => {
    if (!requirement.toLowerCase().startsWith('ext-')) return;
    const raw = requirement.slice(4).toLowerCase();
    const name = EXTENSION_ALIASES[raw] ?? raw;
    if (!/^[a-z0-9_-]{1,40}$/.test(name) || needs.has(name)) return;
    needs.set(name, source);
  };
  for (const name of Object.keys(composer?.require ?? {})) add(name, 'composer.json require');
  for (const pkg of packages) for (const name of Object.keys(pkg.require)) add(name, `${lockfile} (${pkg.name})`);
  return [...needs].map(([name, source]) => ({ name, source }));
}

function nativeOf(needs: ExtensionNeed[]): NativeDependency[] {
  return needs.flatMap((need) => {
    const row = PHP_EXTENSIONS.find((r) => r.name === need.name);
    if (!row) return [];
    return [{
      name: `ext-${row.name}`, version: null, glibcOnly: row.glibcOnly,
      build: { debian: [...row.build.debian], alpine: [...row.build.alpine] },
      runtime: { debian: [...row.runtime.debian], alpine: [...row.runtime.alpine] },
      blocksDistroless: null, note: row.note, source: need.source, reference: row.source,
    }];
  });
}

/** The port each server listens on, which the image sets (Apache's Listen, Octane's --port, FrankenPHP's SERVER_NAME). */
function detectPort(server: Fact<PhpServer>): { port: Fact<number | null>; setting: PortSetting } {
  if (server.value === 'apache') {
    return { port: { value: DEFAULT_PORT.apache, source: 'the Apache Listen line the Dockerfile writes (above 1024, so www-data can bind it)' }, setting: { kind: 'image', where: 'Apache Listen and VirtualHost in the generated configuration' } };
  }
  if (server.value === 'frankenphp') {
    return {
      port: { value: DEFAULT_PORT.frankenphp, source: 'SERVER_NAME the image sets (above 1024, so a non-root user can bind it)' },
      setting: { kind: 'env', env: { SERVER_NAME: ':{port}' }, default: null, where: 'FrankenPHP listens on the address in SERVER_NAME (https://frankenphp.dev/docs/config/)' },
    };
  }
  return {
    port: { value: DEFAULT_PORT.octane, source: `Octane's default port (https://laravel.com/docs/11.x/octane#serving-your-application)` },
    setting: { kind: 'argument', format: '--port={port}', replaces: `--port=${DEFAULT_PORT.octane}`, default: DEFAULT_PORT.octane, where: 'php artisan octane:start --port' },
  };
}

/**
 * How each server starts. Laravel under Apache caches its configuration when the container starts,
 * not in the build: config:cache writes the environment's values into bootstrap/cache/config.php,
 * and after that .env and env() are no longer read (https://laravel.com/docs/11.x/configuration#configuration-caching),
 * so cached at build time it would hold the build's empty environment. Octane boots the app once
 * per worker and keeps the configuration in memory, so it gains nothing from the cache.
 */
function detectStart(server: PhpServer, framework: string | null, port: number | null): Fact<StartCommand> {
  if (server === 'apache') {
    if (framework === 'laravel') {
      return { value: parseCommand('php artisan config:cache && exec apache2-foreground'), source: 'Laravel: configuration cached at start (it needs the runtime environment), then apache2-foreground' };
    }
    return { value: { kind: 'exec', argv: ['apache2-foreground'] }, source: 'the php apache image (apache2-foreground)' };
  }
  if (server === 'frankenphp') {
    return { value: { kind: 'exec', argv: ['frankenphp', 'run', '--config', '/etc/frankenphp/Caddyfile'] }, source: 'the dunglas/frankenphp image (https://frankenphp.dev/docs/docker/)' };
  }
  const name = server.slice('octane-'.length);
  return {
    value: { kind: 'exec', argv: ['php', 'artisan', 'octane:start', `--server=${name}`, '--host=0.0.0.0', `--port=${port ?? DEFAULT_PORT.octane}`] },
    source: 'Laravel Octane (https://laravel.com/docs/11.x/octane#serving-your-application)',
  };
}
