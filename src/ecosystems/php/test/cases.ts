// PHP's data for the cross-ecosystem suites (the type and what each part is for: test/ecosystem-cases.ts).
import { type EcosystemCases, put, q, randomTree } from '../../../../test/ecosystem-cases.js';

const composer = (edit: (p: Record<string, unknown>) => void) => (old: string): string => {
  const parsed = JSON.parse(old) as Record<string, unknown>;
  edit(parsed);
  return JSON.stringify(parsed);
};

const emptyLock = JSON.stringify({ 'content-hash': 'x', packages: [], 'packages-dev': [] });

export const cases: EcosystemCases = {
  language: 'php',
  manifest: 'composer.json',
  project: {
    'composer.json': JSON.stringify({ require: { php: '^8.3' } }),
    'composer.lock': emptyLock,
    'public/index.php': "<?php echo 'ok';\n",
  },
  fixture: 'php-laravel-vite',
  ignored: ['vendor/autoload.php', 'storage/logs/laravel.log', 'storage/framework/sessions/abc', 'bootstrap/cache/config.php', 'var/cache/prod/x.php', 'public/hot'],
  sources: ['app/Http/Controllers/Controller.php', 'public/index.php', 'routes/web.php'],
  hostile: [
    { field: 'composer.json require.php', fixture: 'php-plain', file: 'composer.json', benign: '^8.3', edits: (v) => ({ 'composer.json': composer((p) => { p.require = { php: v }; }) }) },
    { field: 'composer.json config.platform.php', fixture: 'php-plain', file: 'composer.json', benign: '8.3.14', edits: (v) => ({ 'composer.json': composer((p) => { p.config = { platform: { php: v } }; }) }) },
    { field: 'composer.json ext-* requirement', fixture: 'php-plain', file: 'composer.json', benign: 'ext-intl', alternates: ['ext-json'], edits: (v) => ({ 'composer.json': composer((p) => { p.require = { php: '~8.4.0', [v]: '*' }; }) }) },
    { field: '.php-version', fixture: 'php-plain', file: '.php-version', benign: '8.4', edits: (v) => ({ '.php-version': `${v}\n` }) },
    { field: 'OCTANE_SERVER in .env.example', fixture: 'php-laravel-octane-roadrunner', file: '.env.example', benign: 'roadrunner', alternates: ['swoole', 'frankenphp'], edits: (v) => ({ '.env.example': `OCTANE_SERVER=${v}\n` }) },
  ],
  variablePaths: [],
  malformed: [
    { what: 'composer.json (trailing comma)', fixture: 'php-plain', edits: { 'composer.json': '{\n  "require": { "php": "^8.3" },\n}\n' }, message: /composer\.json is not valid JSON \(line \d+\)/ },
    { what: 'composer.json (require not an object)', fixture: 'php-plain', edits: { 'composer.json': '{ "require": "php" }\n' }, message: /composer\.json "require" must be an object/ },
    { what: 'composer.lock', fixture: 'php-plain', edits: { 'composer.lock': '{\n  "packages": [\n' }, message: /composer\.lock is not valid JSON/ },
    { what: 'composer.lock (packages not a list)', fixture: 'php-plain', edits: { 'composer.lock': '{ "packages": {} }\n' }, message: /composer\.lock "packages" must be a list/ },
  ],
  textFiles: [
    { what: '.php-version', fixture: 'php-plain', edits: { '.php-version': 'not a version\n\u0000' } },
    { what: 'config/octane.php', fixture: 'php-laravel-octane-roadrunner', edits: { 'config/octane.php': "\u0000<?php env('OCTANE_SERVER', '" } },
    { what: '.env.example', fixture: 'php-laravel-octane-roadrunner', edits: { '.env.example': 'OCTANE_SERVER=\u0001\u0000' } },
  ],
  randomTree: randomTree({
    benign: { php: '^8.3', ext: 'ext-intl', version: '8.4' },
    structural: ['php', 'version'],
    optional: ['composer.lock', '.php-version'],
    tree: (v, m, g) => {
      const files: Record<string, string> = {
        'composer.json': JSON.stringify({ require: { php: v.php, [v.ext]: '*' } }),
        'public/index.php': "<?php echo 'ok';\n",
      };
      put(files, 'composer.lock', m['composer.lock']!, JSON.stringify({ packages: [{ name: 'a/b', version: '1.0.0', require: { php: q(v.php).slice(1, -1) } }] }), g);
      put(files, '.php-version', m['.php-version']!, `${v.version}\n`, g);
      return files;
    },
  }),
  e2e: [
    {
      id: 'php-apache',
      dependencies: true,
      fixture: 'php-plain',
      args: [],
      base: 'slim',
      touch: { file: 'src/Greeting.php', comment: '// e2e change' },
      what: 'PHP 8.4 (composer.json ~8.4.0), composer:2 vendor stage with an authoritative classmap, Apache with mod_php on 8080 as www-data',
      probes: [{ path: '/', status: 200, contains: 'hello from php 8.4 as uid 33' }],
    },
    {
      id: 'php-apache-extensions',
      dependencies: true,
      fixture: 'php-intl-pgsql',
      args: [],
      base: 'slim',
      touch: { file: 'public/index.php', comment: '// e2e change' },
      what: 'PHP 8.4 with intl and pdo_pgsql from docker-php-ext-install (ICU and libpq kept, -dev packages purged in the same layer), opcache without timestamp checks, Apache as www-data',
      probes: [
        { path: '/', status: 200, contains: 'intl 1.234,5' },
        { path: '/', status: 200, contains: 'pgsql' },
        { path: '/', status: 200, contains: 'opcache.validate_timestamps=0' },
        { path: '/', status: 200, contains: 'uid 33' },
      ],
    },
  ],
};
