// Which images run a PHP app, and how. Sources:
// - docker-library/php: variants cli, fpm, apache and zts; Alpine builds only for cli, fpm and zts
//   (no Apache on Alpine): https://github.com/docker-library/php/tree/master/8.4 and the tag list
//   https://github.com/docker-library/docs/blob/master/php/README.md#supported-tags-and-respective-dockerfile-links.
// - Running the Apache variant as a non-root user: move Listen above 1024 and run with --user
//   www-data; Apache then only warns that it cannot switch users:
//   https://github.com/docker-library/docs/tree/master/php#running-as-an-arbitrary-user,
//   https://github.com/docker-library/php/pull/190 (the maintainers' recipe: change 80 to 8080 in
//   ports.conf and 000-default.conf, USER www-data). The image makes /var/run/apache2,
//   /var/lock/apache2 and /var/log/apache2 writable by www-data (the apache Dockerfile's APACHE_ENVVARS loop).
// - Changing the document root (public/ for Laravel, Symfony, Slim): the "Changing DocumentRoot"
//   section of https://github.com/docker-library/docs/tree/master/php#changing-documentroot-or-other-apache-configuration.
// - www-data is uid/gid 33 on Debian and 82 on Alpine (the php Alpine Dockerfiles add it with 82):
//   https://github.com/docker-library/php/blob/master/8.4/alpine3.22/cli/Dockerfile.
// - composer:2 keeps composer at /usr/bin/composer, COMPOSER_HOME=/tmp (cache /tmp/cache):
//   https://github.com/composer/docker/blob/main/latest/Dockerfile, https://hub.docker.com/_/composer.
// - FrankenPHP images: dunglas/frankenphp:1-php<v>-<debian|alpine>, app in /app, document root
//   /app/public, SERVER_NAME sets the address, install-php-extensions built in, Caddy state in
//   /config/caddy and /data/caddy: https://frankenphp.dev/docs/docker/ (also "Running as a Non-Root User").
// - RoadRunner's binary is copied from its image: https://docs.roadrunner.dev/docs/app-server/docker.

/** The version in every php tag is the Dockerfile's ARG, so a bump is a one-line change. */
export const PHP_VERSION_ARG = 'PHP_VERSION';

/** Debian release the official images are built on; the tag names it so a rebuild cannot move it. */
const DEBIAN = 'trixie';

export const phpImages = {
  apache: (v: string) => `php:${v}-apache-${DEBIAN}`,
  cli: (v: string) => `php:${v}-cli-${DEBIAN}`,
  cliAlpine: (v: string) => `php:${v}-cli-alpine`,
  fpm: (v: string) => `php:${v}-fpm-${DEBIAN}`,
  frankenphp: (v: string) => `dunglas/frankenphp:1-php${v}-${DEBIAN}`,
  frankenphpAlpine: (v: string) => `dunglas/frankenphp:1-php${v}-alpine`,
  composer: 'composer:2',
  /** RoadRunner's own image, only to copy the rr binary from (a static Go binary). */
  roadrunner: 'ghcr.io/roadrunner-server/roadrunner:2025',
};

/** www-data in the official images. */
export const WWW_DATA_UID = { debian: 33, alpine: 82 } as const;

/** Where each server expects the app. */
export const APP_DIR = { apache: '/var/www/html', other: '/app' } as const;

/** The port the image listens on when nothing chooses one: above 1024, so no root is needed to bind it. */
export const DEFAULT_PORT = { apache: 8080, frankenphp: 8080, octane: 8000 } as const;

/**
 * Sizes measured here with `podman images` (uncompressed, offline stand-ins built from Debian's
 * php 8.4.28, so only roughly the real ones): php:8.4-cli 127 MB, php:8.4-fpm 150 MB,
 * php:8.4-apache 196 MB, composer:2 230 MB. fpm alone serves no HTTP: it needs a web server
 * beside it (nginx-unprivileged is another ~190 MB image here, or a second process in this one).
 */
export const MEASURED_MB = { cli: 127, fpm: 150, apache: 196, composer: 230 };

/**
 * Production opcache settings (code never changes inside an image, so timestamps are not
 * checked): https://symfony.com/doc/current/performance.html#configure-opcache-for-maximum-performance,
 * https://www.php.net/manual/en/opcache.configuration.php. realpath cache: the same Symfony page.
 */
export const OPCACHE_PRODUCTION = [
  'opcache.enable=1',
  'opcache.validate_timestamps=0',
  'opcache.memory_consumption=256',
  'opcache.interned_strings_buffer=16',
  'opcache.max_accelerated_files=20000',
  'realpath_cache_size=4096K',
  'realpath_cache_ttl=600',
];
