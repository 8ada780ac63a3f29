// PHP extensions as data: which are already compiled into the official images, and for the others
// how they are installed (the image's own docker-php-ext-install, or PECL) with the OS packages
// they need to build (removed again in the same layer) and at run time (kept).
// Sources: the official images' configure line and enabled modules,
// https://github.com/docker-library/php/blob/master/8.4/trixie/apache/Dockerfile (--enable-mbstring,
// --enable-mysqlnd, --with-sodium=shared enabled, --with-pdo-sqlite, --with-sqlite3, --with-curl,
// --with-iconv, --with-openssl, --with-readline, --with-zlib, and "enable OPcache by default");
// PHP's own default-enabled extensions (ctype, dom, fileinfo, filter, ...):
// https://www.php.net/manual/en/extensions.membership.php; how to add the others:
// https://github.com/docker-library/docs/tree/master/php#how-to-install-more-php-extensions.
// Debian package names are trixie's (the images' release), checked with apt-cache in php:8.4-cli-trixie;
// Alpine names from https://pkgs.alpinelinux.org/packages.
import type { NativeRow } from '../../../knowledge/native-row.js';
import type { OsPackages } from '../../../types.js';

/** An extension every php:8.x image already has, and which line of the image's build says so. */
export interface BundledExtension {
  name: string;
  /** How it gets there: PHP's default build, or the configure flag / enable step of the image. */
  how: string;
  source: string;
}

const DOCKERFILE = 'https://github.com/docker-library/php/blob/master/8.4/trixie/apache/Dockerfile';
const DEFAULTS = 'https://www.php.net/manual/en/extensions.membership.php';

/** Compiled into (or enabled in) every php:8.x image: nothing to install. */
export const PHP_BUNDLED_EXTENSIONS: readonly BundledExtension[] = [
  { name: 'core', how: 'PHP itself', source: DEFAULTS },
  { name: 'ctype', how: 'enabled by default', source: DEFAULTS },
  { name: 'curl', how: '--with-curl', source: DOCKERFILE },
  { name: 'date', how: 'always built in', source: DEFAULTS },
  { name: 'dom', how: 'enabled by default', source: DEFAULTS },
  { name: 'fileinfo', how: 'enabled by default', source: DEFAULTS },
  { name: 'filter', how: 'enabled by default', source: DEFAULTS },
  { name: 'hash', how: 'always built in', source: DEFAULTS },
  { name: 'iconv', how: '--with-iconv', source: DOCKERFILE },
  { name: 'json', how: 'always built in', source: DEFAULTS },
  { name: 'libxml', how: 'enabled by default', source: DEFAULTS },
  { name: 'mbstring', how: '--enable-mbstring', source: DOCKERFILE },
  { name: 'mysqlnd', how: '--enable-mysqlnd', source: DOCKERFILE },
  { name: 'opcache', how: 'docker-php-ext-enable opcache (on by default)', source: DOCKERFILE },
  { name: 'openssl', how: '--with-openssl', source: DOCKERFILE },
  { name: 'pcre', how: 'always built in', source: DEFAULTS },
  { name: 'pdo', how: 'enabled by default', source: DEFAULTS },
  { name: 'pdo_sqlite', how: '--with-pdo-sqlite', source: DOCKERFILE },
  { name: 'phar', how: 'enabled by default', source: DEFAULTS },
  { name: 'posix', how: 'enabled by default', source: DEFAULTS },
  { name: 'random', how: 'always built in', source: DEFAULTS },
  { name: 'readline', how: '--with-readline', source: DOCKERFILE },
  { name: 'reflection', how: 'always built in', source: DEFAULTS },
  { name: 'session', how: 'enabled by default', source: DEFAULTS },
  { name: 'simplexml', how: 'enabled by default', source: DEFAULTS },
  { name: 'sodium', how: '--with-sodium=shared, then docker-php-ext-enable sodium', source: DOCKERFILE },
  { name: 'spl', how: 'always built in', source: DEFAULTS },
  { name: 'sqlite3', how: '--with-sqlite3', source: DOCKERFILE },
  { name: 'standard', how: 'always built in', source: DEFAULTS },
  { name: 'tokenizer', how: 'enabled by default', source: DEFAULTS },
  { name: 'xml', how: 'enabled by default', source: DEFAULTS },
  { name: 'xmlreader', how: 'enabled by default', source: DEFAULTS },
  { name: 'xmlwriter', how: 'enabled by default', source: DEFAULTS },
  { name: 'zlib', how: '--with-zlib', source: DOCKERFILE },
];

export interface PhpExtensionRow extends NativeRow {
  /** `core`: docker-php-ext-install from PHP's sources; `pecl`: pecl install then docker-php-ext-enable. */
  install: 'core' | 'pecl';
  /** docker-php-ext-configure arguments, when the extension needs some. */
  configure?: readonly string[];
  build: OsPackages;
  runtime: OsPackages;
  /** No musl build of what it links: rules out Alpine. */
  glibcOnly: boolean;
}

const none: OsPackages = { debian: [], alpine: [] };

export const PHP_EXTENSIONS: readonly PhpExtensionRow[] = [
  { name: 'apcu', install: 'pecl', build: none, runtime: none, glibcOnly: false, note: 'APCu user cache, from PECL', source: 'https://pecl.php.net/package/APCu' },
  { name: 'bcmath', install: 'core', build: none, runtime: none, glibcOnly: false, note: 'arbitrary precision math, in PHP\'s sources, no library', source: 'https://www.php.net/manual/en/bc.installation.php' },
  { name: 'calendar', install: 'core', build: none, runtime: none, glibcOnly: false, note: 'calendar conversions, in PHP\'s sources, no library', source: 'https://www.php.net/manual/en/calendar.installation.php' },
  { name: 'exif', install: 'core', build: none, runtime: none, glibcOnly: false, note: 'image metadata, in PHP\'s sources, no library', source: 'https://www.php.net/manual/en/exif.installation.php' },
  {
    name: 'gd', install: 'core', configure: ['--with-freetype', '--with-jpeg'],
    build: { debian: ['libfreetype-dev', 'libjpeg62-turbo-dev', 'libpng-dev'], alpine: ['freetype-dev', 'libjpeg-turbo-dev', 'libpng-dev'] },
    runtime: { debian: ['libfreetype6', 'libjpeg62-turbo', 'libpng16-16t64'], alpine: ['freetype', 'libjpeg-turbo', 'libpng'] },
    glibcOnly: false, note: 'image drawing: links libpng, libjpeg and freetype (configured --with-freetype --with-jpeg)',
    source: 'https://www.php.net/manual/en/image.installation.php', seeAlso: ['https://github.com/docker-library/docs/tree/master/php#php-core-extensions'],
  },
  { name: 'gmp', install: 'core', build: { debian: ['libgmp-dev'], alpine: ['gmp-dev'] }, runtime: { debian: ['libgmp10'], alpine: ['gmp'] }, glibcOnly: false, note: 'big integers: links libgmp', source: 'https://www.php.net/manual/en/gmp.installation.php' },
  {
    name: 'imagick', install: 'pecl',
    build: { debian: ['libmagickwand-dev'], alpine: ['imagemagick-dev'] }, runtime: { debian: ['libmagickwand-7.q16-10'], alpine: ['imagemagick-libs'] },
    glibcOnly: false, note: 'ImageMagick binding from PECL: links libMagickWand', source: 'https://pecl.php.net/package/imagick',
  },
  { name: 'intl', install: 'core', build: { debian: ['libicu-dev'], alpine: ['icu-dev'] }, runtime: { debian: ['libicu76'], alpine: ['icu-libs'] }, glibcOnly: false, note: 'internationalization: links ICU (about 35 MB of data)', source: 'https://www.php.net/manual/en/intl.installation.php' },
  { name: 'mysqli', install: 'core', build: none, runtime: none, glibcOnly: false, note: 'MySQL through mysqlnd, which the image has built in', source: 'https://www.php.net/manual/en/mysqli.installation.php' },
  { name: 'pcntl', install: 'core', build: none, runtime: none, glibcOnly: false, note: 'process control (queues, Octane, Horizon), no library', source: 'https://www.php.net/manual/en/pcntl.installation.php' },
  { name: 'pdo_mysql', install: 'core', build: none, runtime: none, glibcOnly: false, note: 'PDO for MySQL through mysqlnd, which the image has built in', source: 'https://www.php.net/manual/en/ref.pdo-mysql.php' },
  { name: 'pdo_pgsql', install: 'core', build: { debian: ['libpq-dev'], alpine: ['libpq-dev'] }, runtime: { debian: ['libpq5'], alpine: ['libpq'] }, glibcOnly: false, note: 'PDO for PostgreSQL: links libpq', source: 'https://www.php.net/manual/en/ref.pdo-pgsql.php' },
  { name: 'pgsql', install: 'core', build: { debian: ['libpq-dev'], alpine: ['libpq-dev'] }, runtime: { debian: ['libpq5'], alpine: ['libpq'] }, glibcOnly: false, note: 'PostgreSQL functions: links libpq', source: 'https://www.php.net/manual/en/pgsql.installation.php' },
  { name: 'redis', install: 'pecl', build: none, runtime: none, glibcOnly: false, note: 'phpredis from PECL, no library', source: 'https://pecl.php.net/package/redis' },
  { name: 'sockets', install: 'core', build: none, runtime: none, glibcOnly: false, note: 'low-level sockets, no library', source: 'https://www.php.net/manual/en/sockets.installation.php' },
  {
    name: 'swoole', install: 'pecl', build: { debian: [], alpine: ['linux-headers'] }, runtime: none,
    glibcOnly: false, note: 'Swoole coroutine server from PECL (Laravel Octane\'s swoole server)', source: 'https://pecl.php.net/package/swoole',
    seeAlso: ['https://laravel.com/docs/11.x/octane#swoole'],
  },
  { name: 'xsl', install: 'core', build: { debian: ['libxslt1-dev'], alpine: ['libxslt-dev'] }, runtime: { debian: ['libxslt1.1'], alpine: ['libxslt'] }, glibcOnly: false, note: 'XSLT: links libxslt', source: 'https://www.php.net/manual/en/xsl.installation.php' },
  { name: 'zip', install: 'core', build: { debian: ['libzip-dev'], alpine: ['libzip-dev'] }, runtime: { debian: ['libzip5'], alpine: ['libzip'] }, glibcOnly: false, note: 'zip archives: links libzip', source: 'https://www.php.net/manual/en/zip.installation.php' },
];

/** Composer's platform package names for extensions that differ from the module name (https://getcomposer.org/doc/01-basic-usage.md#platform-packages). */
export const EXTENSION_ALIASES: Readonly<Record<string, string>> = {
  'zend-opcache': 'opcache',
  'zend opcache': 'opcache',
};
