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

/** Compiled into (or enabled in) every php:8.x image: nothing to install. */
export const PHP_BUNDLED_EXTENSIONS: readonly string[] = [
  'core', 'ctype', 'curl', 'date', 'dom', 'fileinfo', 'filter', 'hash', 'iconv', 'json', 'libxml', 'mbstring', 'mysqlnd', 'opcache',
  'openssl', 'pcre', 'pdo', 'pdo_sqlite', 'phar', 'posix', 'random', 'readline', 'reflection', 'session', 'simplexml', 'sodium', 'spl',
  'sqlite3', 'standard', 'tokenizer', 'xml', 'xmlreader', 'xmlwriter', 'zlib',
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

/** Composer's platform package names for extensions that differ from the module name. */
export const EXTENSION_ALIASES: Readonly<Record<string, string>> = {
  'zend-opcache': 'opcache',
  'zend opcache': 'opcache',
};
