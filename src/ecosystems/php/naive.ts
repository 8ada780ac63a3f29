// The Dockerfile a person writes first for a PHP app (--compare builds it only to measure it):
// the Apache image with the project copied in, as docker init and the image's own docs show it,
// and the extensions composer.json asks for installed the way those docs do
// (https://github.com/docker-library/docs/tree/master/php#how-to-install-more-php-extensions:
// apt-get install of the -dev packages, which stay, then docker-php-ext-install or pecl).
import type { NaiveInput } from '../../ecosystem.js';
import { PHP_EXTENSIONS } from './knowledge/extensions.js';

export function naivePhp(input: NaiveInput): string[] {
  const lines = [`FROM php:${input.runtimeVersion}-apache`];
  const rows = PHP_EXTENSIONS.filter((row) => requiredExtensions(input).has(row.name));
  const packages = [...new Set(rows.flatMap((row) => row.build.debian))].sort();
  const core = rows.filter((row) => row.install === 'core').map((row) => row.name);
  const pecl = rows.filter((row) => row.install === 'pecl').map((row) => row.name);
  const steps = [
    ...(packages.length > 0 ? ['apt-get update', `apt-get install -y ${packages.join(' ')}`] : []),
    ...rows.filter((row) => row.configure !== undefined && row.install === 'core').map((row) => `docker-php-ext-configure ${row.name} ${row.configure!.join(' ')}`),
    ...(core.length > 0 ? [`docker-php-ext-install ${core.join(' ')}`] : []),
    ...(pecl.length > 0 ? [`pecl install ${pecl.join(' ')}`, `docker-php-ext-enable ${pecl.join(' ')}`] : []),
  ];
  if (steps.length > 0) lines.push(`RUN ${steps.join(' && ')}`);
  if (input.has('composer.json')) lines.push('COPY --from=composer:2 /usr/bin/composer /usr/bin/composer');
  lines.push('COPY . /var/www/html/', 'WORKDIR /var/www/html');
  if (input.has('composer.json')) lines.push('RUN composer install --no-dev --ignore-platform-reqs');
  return lines;
}

/** ext-* names in composer.json require (lower case); none when it does not parse. */
function requiredExtensions(input: NaiveInput): Set<string> {
  try {
    const parsed = JSON.parse(input.read('composer.json') ?? '{}') as { require?: Record<string, unknown> };
    const names = Object.keys(parsed.require ?? {}).filter((name) => name.toLowerCase().startsWith('ext-'));
    return new Set(names.map((name) => name.slice(4).toLowerCase()));
  } catch {
    return new Set();
  }
}
