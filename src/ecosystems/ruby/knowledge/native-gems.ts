// Gems with compiled code or OS-library needs: which OS packages they need to build from source and
// to run, on Debian (trixie, the suite of the slim images) and Alpine. Sorted by gem name, one row
// per gem, each with its primary source.
//
// How a row is read (src/ecosystems/ruby/native.ts applies it):
// - Whether a gem compiles is decided by the lockfile, not here: a spec locked for a Linux platform
//   (`nokogiri (1.18.9-x86_64-linux-gnu)`) is a precompiled platform gem that needs nothing to build;
//   a spec locked only for the `ruby` platform compiles its extension in the builder. The C compiler
//   (build-essential / build-base) goes into the builder of every bundle with gems, because the
//   lockfile does not say which gems carry C extensions (https://guides.rubygems.org/gems-with-extensions/).
// - `build`: the headers a source build needs beyond the compiler; `runtime`: the shared libraries
//   the compiled extension (or, for FFI bindings, the gem itself) loads in the final image.
// - `musl: false`: no build of it runs on musl at all (only glibc platform gems, no source build),
//   which rules out alpine whatever the lockfile says.
// Debian names were checked with apt-cache in ruby:3.3-slim-trixie (trixie's 64-bit time_t
// renames: libvips42t64) and on bookworm (ImageMagick 6 there); Alpine names from https://pkgs.alpinelinux.org/packages.
import type { NativeRow } from '../../../knowledge/native-row.js';

export interface RubyNativeRow extends NativeRow {
  /** Debian 13 (trixie) names; `bookworm` holds the Debian 12 runtime names where they differ (exact-version images, see images.ts). */
  debian: { build: string[]; runtime: string[]; bookworm?: string[] };
  alpine: { build: string[]; runtime: string[] };
  /** False when nothing of it runs on musl (a glibc-only binary with no source build). */
  musl: boolean;
  /** The runtime libraries are needed even when a platform gem is installed (FFI bindings load the system library). */
  runtimeAlways?: boolean;
  /**
   * Its runtime needs count only when the Gemfile names it: another gem pulls it in beside an
   * alternative the app may use instead (image_processing depends on both mini_magick and ruby-vips).
   */
  onlyWhenDirect?: boolean;
  /** Gems whose presence in the bundle makes this row's packages unnecessary (an embedded JavaScript engine instead of Node). */
  unlessGems?: readonly string[];
}

const compilerOnly = (name: string, note: string, source: string): RubyNativeRow => ({
  name, debian: { build: [], runtime: [] }, alpine: { build: [], runtime: [] }, musl: true, note, source,
});

export const RUBY_NATIVE_GEMS: readonly RubyNativeRow[] = [
  compilerOnly('bcrypt', 'C extension (the OpenBSD bcrypt); compiles with the C compiler alone, needs no library at run time.', 'https://github.com/bcrypt-ruby/bcrypt-ruby'),
  compilerOnly('bootsnap', 'C extension that caches compiled Ruby; compiles with the C compiler alone. `bootsnap precompile` fills its cache at build time.', 'https://github.com/rails/bootsnap'),
  {
    name: 'execjs', debian: { build: ['nodejs'], runtime: [] }, alpine: { build: ['nodejs'], runtime: [] }, musl: true, unlessGems: ['mini_racer', 'therubyracer'],
    note: 'Runs JavaScript through an outside runtime (uglifier, terser, autoprefixer-rails and coffee-rails use it while assets:precompile compresses); the builder gets Node.js from the distribution unless mini_racer embeds V8.',
    source: 'https://github.com/rails/execjs#readme',
  },
  {
    name: 'ffi', debian: { build: ['libffi-dev'], runtime: ['libffi8'] }, alpine: { build: ['libffi-dev'], runtime: ['libffi'] }, musl: true,
    note: 'Foreign-function interface; since 1.17 it ships platform gems for x86_64/aarch64 Linux, glibc and musl, with libffi inside; locked for the ruby platform it compiles against libffi.',
    source: 'https://github.com/ffi/ffi/blob/master/CHANGELOG.md',
  },
  {
    name: 'grpc', debian: { build: [], runtime: [] }, alpine: { build: ['linux-headers'], runtime: [] }, musl: true,
    note: 'gRPC; its platform gems (x86_64-linux, aarch64-linux) are built for glibc; from source it compiles the whole gRPC core (tens of minutes, several GB of memory).',
    source: 'https://github.com/grpc/grpc/blob/master/src/ruby/README.md',
  },
  {
    name: 'mini_magick', debian: { build: [], runtime: ['imagemagick'] }, alpine: { build: [], runtime: ['imagemagick'] }, musl: true, runtimeAlways: true, onlyWhenDirect: true,
    note: 'Runs the ImageMagick command-line tools at run time, so an app that names it needs them (a large package); pulled in only by image_processing, it goes unused beside ruby-vips, the Active Storage default since Rails 7.',
    source: 'https://github.com/minimagick/minimagick#requirements',
  },
  compilerOnly('msgpack', 'C extension; compiles with the C compiler alone.', 'https://github.com/msgpack/msgpack-ruby'),
  {
    name: 'mysql2', debian: { build: ['default-libmysqlclient-dev'], runtime: ['libmariadb3'] }, alpine: { build: ['mariadb-dev'], runtime: ['mariadb-connector-c'] }, musl: true,
    note: 'MySQL client; always compiles against libmysqlclient (MariaDB Connector/C on Debian and Alpine), which the final image needs.',
    source: 'https://github.com/brianmario/mysql2#installing',
  },
  compilerOnly('nio4r', 'C extension (libev inside) under Action Cable and Puma; compiles with the C compiler alone.', 'https://github.com/socketry/nio4r'),
  {
    name: 'nokogiri', debian: { build: [], runtime: [] }, alpine: { build: [], runtime: [] }, musl: true,
    note: 'XML/HTML parser; platform gems (x86_64/aarch64/arm Linux, glibc >= 2.29 and musl) carry libxml2 and libxslt; locked for the ruby platform it compiles its vendored libxml2 and libxslt in the builder (slow, but no system library).',
    source: 'https://nokogiri.org/tutorials/installing_nokogiri.html',
  },
  {
    name: 'pg', debian: { build: ['libpq-dev'], runtime: ['libpq5'] }, alpine: { build: ['libpq-dev'], runtime: ['libpq'] }, musl: true,
    note: 'PostgreSQL client; compiles against libpq, which the final image needs (pg 1.6 platform gems bundle libpq instead).',
    source: 'https://github.com/ged/ruby-pg#requirements',
  },
  {
    name: 'psych', debian: { build: ['libyaml-dev'], runtime: [] }, alpine: { build: ['yaml-dev'], runtime: [] }, musl: true,
    note: 'YAML (psych 5, locked as a gem under Rails 7.1+ through irb and rdoc); compiles against libyaml, whose headers the slim and alpine images lack (the library itself is there, Ruby links it).',
    source: 'https://github.com/ruby/psych#dependencies',
  },
  compilerOnly('puma', 'The web server; a C extension (the HTTP parser) that compiles with the C compiler alone.', 'https://github.com/puma/puma'),
  {
    name: 'rmagick', debian: { build: ['libmagickwand-dev', 'pkg-config'], runtime: ['libmagickwand-7.q16-10'], bookworm: ['libmagickwand-6.q16-6'] }, alpine: { build: ['imagemagick-dev', 'pkgconf'], runtime: ['imagemagick-libs'] }, musl: true,
    note: 'ImageMagick binding; always compiles against MagickWand, which the final image needs.',
    source: 'https://github.com/rmagick/rmagick#installation',
  },
  {
    name: 'ruby-vips', debian: { build: [], runtime: ['libvips42t64'], bookworm: ['libvips42'] }, alpine: { build: [], runtime: ['vips'] }, musl: true, runtimeAlways: true,
    note: 'libvips binding through FFI (used by image_processing and Active Storage variants): nothing compiles, but libvips must be in the final image.',
    source: 'https://github.com/libvips/ruby-vips#install',
  },
  compilerOnly('sassc', 'libsass binding; compiles its vendored libsass (C++) in the builder, which takes minutes. Deprecated: dartsass-rails or cssbundling replace it.', 'https://github.com/sass/sassc-ruby'),
  {
    name: 'sequel_pg', debian: { build: ['libpq-dev'], runtime: ['libpq5'] }, alpine: { build: ['libpq-dev'], runtime: ['libpq'] }, musl: true,
    note: 'Sequel\'s faster PostgreSQL adapter; compiles against libpq (through pg), which the final image needs.',
    source: 'https://github.com/jeremyevans/sequel_pg',
  },
  {
    name: 'sqlite3', debian: { build: [], runtime: [] }, alpine: { build: [], runtime: [] }, musl: true,
    note: 'SQLite; since 2.0 platform gems (glibc and musl Linux) carry SQLite; locked for the ruby platform it compiles its vendored SQLite in the builder.',
    source: 'https://github.com/sparklemotion/sqlite3-ruby/blob/main/INSTALLATION.md',
  },
  {
    name: 'thruster', debian: { build: [], runtime: [] }, alpine: { build: [], runtime: [] }, musl: false,
    note: 'HTTP/2 proxy in front of Puma (a Go binary); published only as x86_64-linux and aarch64-linux platform gems, its ruby-platform gem has no binary, so there is no musl build.',
    source: 'https://github.com/basecamp/thruster#installation',
  },
  compilerOnly('websocket-driver', 'C extension under Action Cable; compiles with the C compiler alone.', 'https://github.com/faye/websocket-driver-ruby'),
];

export function rubyNativeRow(name: string): RubyNativeRow | undefined {
  return RUBY_NATIVE_GEMS.find((row) => row.name === name);
}

/** The C toolchain the builder gets whenever the bundle has gems (see the header). */
export const COMPILER = {
  debian: ['build-essential'],
  alpine: ['build-base'],
  source: 'https://guides.rubygems.org/gems-with-extensions/',
} as const;
