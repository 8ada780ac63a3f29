// Debian package name -> Alpine package name, for --add-package on an alpine final image (the
// flag takes Debian names, which is what most READMEs and Dockerfiles in the wild say). Rows are
// the runtime libraries the native-dependency tables name (Debian names checked with apt-cache
// policy on bookworm; Alpine names from pkgs.alpinelinux.org, each row citing its package page),
// plus common tools whose names differ.
// A name not listed here is used as is on Alpine, with a warning to check it.

interface AlpineNameRow {
  debian: string;
  alpine: string;
  source: string;
}

/** The package's page in Alpine's index (edge); `repo` is the aports repository that builds it. */
const apk = (name: string, repo: 'main' | 'community' = 'main'): string =>
  `https://pkgs.alpinelinux.org/package/edge/${repo}/x86_64/${encodeURIComponent(name)}`;

/** Sorted by Debian name. */
export const ALPINE_NAMES: readonly AlpineNameRow[] = [
  { debian: 'ca-certificates', alpine: 'ca-certificates', source: apk('ca-certificates') },
  { debian: 'curl', alpine: 'curl', source: apk('curl') },
  { debian: 'dumb-init', alpine: 'dumb-init', source: apk('dumb-init', 'community') },
  { debian: 'ffmpeg', alpine: 'ffmpeg', source: apk('ffmpeg', 'community') },
  { debian: 'fontconfig', alpine: 'fontconfig', source: apk('fontconfig') },
  { debian: 'git', alpine: 'git', source: apk('git') },
  { debian: 'imagemagick', alpine: 'imagemagick', source: apk('imagemagick', 'community') },
  { debian: 'libatomic1', alpine: 'libatomic', source: apk('libatomic') },
  { debian: 'libcairo2', alpine: 'cairo', source: apk('cairo') },
  { debian: 'libffi8', alpine: 'libffi', source: apk('libffi') },
  { debian: 'libfreetype6', alpine: 'freetype', source: apk('freetype') },
  { debian: 'libgfortran5', alpine: 'libgfortran', source: apk('libgfortran') },
  { debian: 'libgif7', alpine: 'giflib', source: apk('giflib') },
  { debian: 'libgomp1', alpine: 'libgomp', source: apk('libgomp') },
  { debian: 'libjemalloc2', alpine: 'jemalloc', source: apk('jemalloc') },
  { debian: 'libjpeg62-turbo', alpine: 'libjpeg-turbo', source: apk('libjpeg-turbo') },
  { debian: 'liblcms2-2', alpine: 'lcms2', source: apk('lcms2') },
  { debian: 'libldap-2.5-0', alpine: 'libldap', source: apk('libldap') },
  { debian: 'libmariadb3', alpine: 'mariadb-connector-c', source: apk('mariadb-connector-c') },
  { debian: 'libodbc2', alpine: 'unixodbc', source: apk('unixodbc') },
  { debian: 'libopenblas0', alpine: 'openblas', source: apk('openblas', 'community') },
  { debian: 'libopenjp2-7', alpine: 'openjpeg', source: apk('openjpeg') },
  { debian: 'libpango-1.0-0', alpine: 'pango', source: apk('pango') },
  { debian: 'libpng16-16', alpine: 'libpng', source: apk('libpng') },
  { debian: 'libpng16-16t64', alpine: 'libpng', source: apk('libpng') },
  { debian: 'libpq5', alpine: 'libpq', source: apk('libpq') },
  { debian: 'librsvg2-2', alpine: 'librsvg', source: apk('librsvg') },
  { debian: 'libsqlite3-0', alpine: 'sqlite-libs', source: apk('sqlite-libs') },
  { debian: 'libssl3', alpine: 'libssl3', source: apk('libssl3') },
  { debian: 'libssl3t64', alpine: 'libssl3', source: apk('libssl3') },
  { debian: 'libstdc++6', alpine: 'libstdc++', source: apk('libstdc++') },
  { debian: 'libtiff6', alpine: 'tiff', source: apk('tiff') },
  { debian: 'libvips42', alpine: 'vips', source: apk('vips', 'community') },
  { debian: 'libvips42t64', alpine: 'vips', source: apk('vips', 'community') },
  { debian: 'libwebp7', alpine: 'libwebp', source: apk('libwebp') },
  { debian: 'libxml2', alpine: 'libxml2', source: apk('libxml2') },
  { debian: 'libxslt1.1', alpine: 'libxslt', source: apk('libxslt') },
  { debian: 'netcat-openbsd', alpine: 'netcat-openbsd', source: apk('netcat-openbsd') },
  { debian: 'postgresql-client', alpine: 'postgresql-client', source: apk('postgresql-client') },
  { debian: 'tini', alpine: 'tini', source: apk('tini', 'community') },
  { debian: 'tzdata', alpine: 'tzdata', source: apk('tzdata') },
];

const BY_DEBIAN = new Map(ALPINE_NAMES.map((row) => [row.debian, row.alpine]));

/** The Alpine name of a Debian package, or null when the table does not know it. */
export function alpineName(debian: string): string | null {
  return BY_DEBIAN.get(debian) ?? null;
}
