import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Project } from '../../../project.js';
import { chooseBase } from '../../../plan/choose-base.js';
import { detectPhp } from '../detect.js';
import { assessPhp, phpVersion, phpView } from '../plan.js';
import { PHP_RELEASES } from '../knowledge/versions.js';
import type { PhpFacts } from '../types.js';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', '..', 'test', 'fixtures');
const facts = (fixture: string) => detectPhp(new Project(join(FIXTURES, fixture)), {});
const NOW = new Date('2026-11-27');
const req = (constraint: string | null, pinned = false) => ({ constraint, pinned, source: 'composer.json require.php' });

describe('PHP versions', () => {
  it('a range builds on the newest maintained PHP it allows', () => {
    expect(phpVersion({ runtime: req('^8.2'), phpCaps: [] }, NOW).version).toBe('8.5');
    expect(phpVersion({ runtime: req('~8.4.0'), phpCaps: [] }, NOW).version).toBe('8.4');
    expect(phpVersion({ runtime: req(null), phpCaps: [] }, NOW).version).toBe('8.5');
  });

  it('a locked package caps the version, and the note names it', () => {
    const v = phpVersion({ runtime: req('^8.2'), phpCaps: [{ constraint: '>=8.1 <8.4', source: 'acme/old (composer.lock requires php >=8.1 <8.4)' }] }, NOW);
    expect(v.version).toBe('8.3');
    expect(v.note).toMatch(/capped by acme\/old/);
  });

  it('PHP 8.1 is past its end of life in 2026: a range that only allows it still builds, saying so', () => {
    const v = phpVersion({ runtime: req('~8.1.0'), phpCaps: [] }, NOW);
    expect(v.version).toBe('8.1');
    expect(v.note).toMatch(/no maintained PHP/);
    expect(phpVersion({ runtime: req('^9.0'), phpCaps: [] }, NOW).version).toBeNull();
  });

  it('a pin wins, even against a locked cap (which the note names)', () => {
    const v = phpVersion({ runtime: req('8.2', true), phpCaps: [{ constraint: '>=8.3', source: 'acme/new' }] }, NOW);
    expect(v.version).toBe('8.2');
    expect(v.note).toMatch(/although acme\/new/);
  });

  it('every line ends on a December 31, four years after its release year (the release cycle RFC)', () => {
    for (const r of PHP_RELEASES) expect(r.end).toBe(`${Number(r.released.slice(0, 4)) + 4}-12-31`);
  });
});

describe('PHP bases', () => {
  it('Apache: Debian, alpine ruled out for want of an Apache variant, never scratch or distroless', () => {
    const options = assessPhp(facts('php-laravel-vite'), NOW);
    expect(options.map((o) => [o.kind, o.possible])).toEqual([['scratch', false], ['distroless', false], ['alpine', false], ['slim', true]]);
    expect(options[2]!.why).toMatch(/no Apache variant on Alpine/);
    const plan = chooseBase(options, 'auto');
    expect(plan.runtimeImage).toBe('docker.io/library/php:8.5-apache-trixie');
    expect(plan.reasons.join('\n')).toMatch(/php-fpm would need nginx/);
  });

  it('Octane with every extension on Alpine: php cli alpine, www-data 82, rr copied from its image', () => {
    const f = facts('php-laravel-octane-roadrunner');
    const plan = chooseBase(assessPhp(f, NOW), 'auto');
    expect(plan.base).toBe('alpine');
    expect(plan.runtimeImage).toBe('docker.io/library/php:8.5-cli-alpine');
    const view = phpView(f, plan);
    expect(view.user).toBe('82:82');
    expect(view.roadrunnerFrom).toMatch(/roadrunner-server\/roadrunner/);
    expect(view.extensions?.apk).toBe(true);
    expect(view.extensions?.runtimePackages).toEqual(['freetype', 'libjpeg-turbo', 'libpng', 'libpq', 'libzip']);
    expect(view.extensions?.pecl).toEqual(['redis']);
  });

  it('Octane on FrankenPHP: the FrankenPHP Alpine image, extensions through its install-php-extensions', () => {
    const f = facts('php-laravel-octane-frankenphp');
    expect(f.server.value).toBe('octane-frankenphp');
    const plan = chooseBase(assessPhp(f, NOW), 'auto');
    expect(plan.runtimeImage).toBe('docker.io/dunglas/frankenphp:1-php8.5-alpine');
    const view = phpView(f, plan);
    expect(view.extensions?.installer).toEqual(['intl']);
    expect(view.cmd).toEqual(['php', 'artisan', 'octane:start', '--server=frankenphp', '--host=0.0.0.0', '--port=8000']);
  });

  it('an extension with no musl build, or no Alpine package, rules alpine out for Octane', () => {
    const f = facts('php-laravel-octane-roadrunner');
    const glibc: PhpFacts = { ...f, nativeDependencies: [{ ...f.nativeDependencies[0]!, name: 'ext-x', glibcOnly: true, note: 'links a glibc-only SDK' }] };
    expect(assessPhp(glibc, NOW)[2]).toMatchObject({ possible: false, why: expect.stringMatching(/ext-x: links a glibc-only SDK: alpine uses musl/) });
    const noApk: PhpFacts = { ...f, nativeDependencies: [{ ...f.nativeDependencies[0]!, name: 'ext-y', runtime: { debian: ['liby1'], alpine: [] } }] };
    expect(assessPhp(noApk, NOW)[2]!.possible).toBe(false);
  });

  it('Debian extensions: runtime libraries kept, -dev packages named so they are purged in the same layer', () => {
    const f = facts('php-extensions-all');
    const plan = chooseBase(assessPhp(f, NOW), 'auto');
    const view = phpView(f, plan);
    expect(view.extensions?.apt).toBe(true);
    expect(view.extensions?.runtimePackages).toContain('libicu76');
    expect(view.extensions?.buildPackages).toContain('libicu-dev');
    expect(view.extensions?.core).not.toContain('opcache');
    expect(view.extensions?.core).not.toContain('sodium');
    expect(view.extensions?.configure).toEqual([['gd', '--with-freetype', '--with-jpeg']]);
    expect(view.extensions?.pecl).toEqual(['apcu', 'imagick', 'redis']);
  });

  it('Laravel builds what needs no environment and owns only its writable folders', () => {
    const f = facts('php-laravel-vite');
    const view = phpView(f, chooseBase(assessPhp(f, NOW), 'auto'));
    const steps = view.build.map((argv) => argv.join(' '));
    expect(steps).toContain('php artisan route:cache');
    expect(steps.some((s) => s.includes('config:cache'))).toBe(false);
    expect(view.writable).toEqual(['storage', 'bootstrap/cache']);
    expect(view.apacheConfig.map((c) => c.join(' '))).toContain('a2enmod rewrite');
  });

  it('--port moves Apache: the Listen and VirtualHost lines follow the port', () => {
    const f = { ...facts('php-plain'), port: { value: 9000, source: '--port' } };
    const view = phpView(f, chooseBase(assessPhp(f, NOW), 'auto'));
    expect(view.apacheConfig[0]).toEqual(['sed', '-ri', 's!^Listen 80$!Listen 9000!', '/etc/apache2/ports.conf']);
    expect(view.apacheConfig[1]![2]).toBe('s!<VirtualHost \\*:80>!<VirtualHost *:9000>!');
  });

  it('Symfony: dump-env with flex, cache warmed, APP_ENV=prod', () => {
    const f = facts('php-symfony');
    const view = phpView(f, chooseBase(assessPhp(f, NOW), 'auto'));
    expect(view.dumpEnv).toEqual(['composer', 'dump-env', 'prod', '--empty']);
    expect(view.env).toContainEqual({ name: 'APP_ENV', value: 'prod' });
    expect(view.build.map((a) => a.join(' '))).toContain('php bin/console cache:warmup');
  });
});

describe('the naive PHP Dockerfile (--compare)', () => {
  it('is the Apache image with the project, installing the extensions as the image docs show (-dev packages left in)', async () => {
    const { readFileSync, existsSync } = await import('node:fs');
    const { naivePhp } = await import('../naive.js');
    const dir = join(FIXTURES, 'php-intl-pgsql');
    const lines = naivePhp({
      packageManager: 'composer', runtimeVersion: '8.4',
      has: (file) => existsSync(join(dir, file)),
      read: (file) => (existsSync(join(dir, file)) ? readFileSync(join(dir, file), 'utf8') : null),
    });
    expect(lines[0]).toBe('FROM php:8.4-apache');
    expect(lines[1]).toBe('RUN apt-get update && apt-get install -y libicu-dev libpq-dev && docker-php-ext-install intl pdo_pgsql');
    expect(lines).toContain('RUN composer install --no-dev --ignore-platform-reqs');
  });
});
