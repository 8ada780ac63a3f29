import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Project } from '../../../project.js';
import { UserError } from '../../../errors.js';
import { composerRange } from '../composer.js';
import { detectPhp, phpTooling } from '../detect.js';
import { php } from '../index.js';
import { node } from '../../node/index.js';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', '..', 'test', 'fixtures');
const fixture = (name: string) => detectPhp(new Project(join(FIXTURES, name)), {});

function tree(files: Record<string, string>): Project {
  const dir = mkdtempSync(join(tmpdir(), 'php-detect-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return new Project(dir);
}

describe('Composer constraints as semver ranges', () => {
  it('spells out a two-part tilde (Composer ~8.3 is >=8.3 <9) and keeps the rest', () => {
    expect(composerRange('~8.3')).toBe('>=8.3.0 <9.0.0-0');
    expect(composerRange('~8.4.0')).toBe('~8.4.0');
    expect(composerRange('^8.1|^8.2')).toBe('^8.1 || ^8.2');
    expect(composerRange('>=8.2,<8.5')).toBe('>=8.2 <8.5');
    expect(composerRange('^7.4 || ^8.0')).toBe('^7.4 || ^8.0');
    expect(composerRange('8.2.*')).toBe('8.2.*');
    expect(composerRange('>= 8.1')).toBe('>=8.1');
  });

  it('refuses what it cannot read instead of guessing', () => {
    expect(composerRange('dev-main')).toBeNull();
    expect(composerRange('$(reboot)')).toBeNull();
    expect(composerRange('')).toBeNull();
  });
});

describe('PHP detection', () => {
  it('plain app: public/ front controller, Apache on 8080, the range from require.php', () => {
    const f = fixture('php-plain');
    expect(f.server.value).toBe('apache');
    expect(f.documentRoot).toBe('public');
    expect(f.runtime).toEqual({ constraint: '~8.4.0', pinned: false, source: 'composer.json require.php' });
    expect(f.port.value).toBe(8080);
    expect(f.portSetting?.kind).toBe('image');
    expect(f.start.value).toEqual({ kind: 'exec', argv: ['apache2-foreground'] });
    // ext-json is compiled into the image: nothing to install.
    expect(f.bundled).toEqual(['json', 'posix']);
    expect(f.nativeDependencies).toEqual([]);
  });

  it('Laravel: extensions from composer.json and from the locked packages, Vite output as an asset need, config cached at start', () => {
    const f = fixture('php-laravel-vite');
    expect(f.framework.value).toBe('laravel');
    expect(f.nativeDependencies.map((d) => [d.name, d.source])).toEqual([
      ['ext-pdo_pgsql', 'composer.json require'],
      ['ext-intl', 'composer.lock (giggsey/libphonenumber-for-php)'],
    ]);
    expect(f.assetNeeds?.map((n) => n.path)).toEqual(['public/build']);
    expect(f.writable).toEqual(['storage', 'bootstrap/cache']);
    expect(f.start.value).toEqual({ kind: 'shell', command: 'php artisan config:cache && exec apache2-foreground' });
    expect(f.phpCaps.map((c) => c.source)).toContain('symfony/console (composer.lock requires php >=8.2)');
  });

  it('a Laravel package.json that only runs Vite steps aside for PHP', () => {
    const project = new Project(join(FIXTURES, 'php-laravel-vite'));
    expect(node.tooling(project)).toMatch(/builds assets or runs tooling/);
    expect(php.tooling(project)).toBeNull();
  });

  it('Octane: the server from .env.example or config/octane.php, the port as an argument', () => {
    const rr = fixture('php-laravel-octane-roadrunner');
    expect(rr.server.value).toBe('octane-roadrunner');
    expect(rr.server.source).toMatch(/\.env\.example OCTANE_SERVER=roadrunner/);
    expect(rr.portSetting).toMatchObject({ kind: 'argument', format: '--port={port}', replaces: '--port=8000' });
    expect(rr.nativeDependencies.map((d) => d.name).sort()).toEqual(['ext-gd', 'ext-pcntl', 'ext-pdo_pgsql', 'ext-redis', 'ext-sockets', 'ext-zip']);
    const swoole = fixture('php-laravel-octane-swoole-slim');
    expect(swoole.server).toMatchObject({ value: 'octane-swoole' });
    expect(swoole.server.source).toMatch(/config\/octane\.php/);
    // Octane's swoole server needs the extension even when composer.json does not say so.
    expect(swoole.nativeDependencies.map((d) => d.name)).toContain('ext-swoole');
  });

  it('Symfony: flex locked, config.platform.php pins the version', () => {
    const f = fixture('php-symfony');
    expect(f.framework.value).toBe('symfony');
    expect(f.symfonyFlex).toBe(true);
    expect(f.runtime).toEqual({ constraint: '8.3', pinned: true, source: 'composer.json config.platform.php' });
    expect(f.writable).toEqual(['var']);
  });

  it('FrankenPHP from runtime/frankenphp-symfony, its port through SERVER_NAME', () => {
    const f = fixture('php-symfony-frankenphp');
    expect(f.server.value).toBe('frankenphp');
    expect(f.portSetting).toMatchObject({ kind: 'env', env: { SERVER_NAME: ':{port}' } });
  });

  it('index.php at the root: served from the root, with a warning; .php-version pins', () => {
    const f = fixture('php-root-index');
    expect(f.documentRoot).toBe('.');
    expect(f.runtime).toEqual({ constraint: '8.3', pinned: true, source: '.php-version' });
    expect(f.warnings.join('\n')).toMatch(/can be downloaded/);
  });

  it('an extension with no recipe is named in a warning, never silently dropped', () => {
    const f = detectPhp(tree({ 'composer.json': JSON.stringify({ require: { php: '^8.3', 'ext-oci8': '*' } }), 'public/index.php': '<?php' }), {});
    expect(f.unknownExtensions).toEqual(['oci8']);
    expect(f.warnings.join('\n')).toMatch(/ext-oci8, which this tool has no install recipe for/);
  });

  it('a composer.json without a front controller is tooling; without any it cannot start', () => {
    const project = tree({ 'composer.json': JSON.stringify({ 'require-dev': { 'squizlabs/php_codesniffer': '^3' } }) });
    expect(phpTooling(project)).toMatch(/installs PHP tooling/);
    expect(() => detectPhp(project, {})).toThrow(UserError);
    expect(() => detectPhp(project, {})).toThrow(/no public\/index\.php and no index\.php/);
  });

  it('malformed manifests are refused naming the file', () => {
    expect(() => detectPhp(tree({ 'composer.json': '{"require": []}', 'index.php': '' }), {})).toThrow(/composer\.json "require" must be an object/);
    expect(() => detectPhp(tree({ 'composer.json': '{}', 'composer.lock': '{"packages": 3}', 'index.php': '' }), {})).toThrow(/composer\.lock "packages" must be a list/);
  });
});
