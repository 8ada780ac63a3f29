// Debian package name -> Alpine package name, for --add-package on an alpine final image (the
// flag takes Debian names, which is what most READMEs and Dockerfiles in the wild say). Rows are
// the runtime libraries of knowledge.md 3.5 (Debian names checked with apt-cache policy on
// bookworm; Alpine names from pkgs.alpinelinux.org), plus common tools whose names differ.
// A name not listed here is used as is on Alpine, with a warning to check it.

export interface AlpineNameRow {
  debian: string;
  alpine: string;
  source: string;
}

const KB = 'knowledge.md 3.5; https://pkgs.alpinelinux.org/packages';

/** Sorted by Debian name. */
export const ALPINE_NAMES: readonly AlpineNameRow[] = [
  { debian: 'ca-certificates', alpine: 'ca-certificates', source: 'https://pkgs.alpinelinux.org/package/edge/main/x86_64/ca-certificates' },
  { debian: 'curl', alpine: 'curl', source: 'https://pkgs.alpinelinux.org/package/edge/main/x86_64/curl' },
  { debian: 'dumb-init', alpine: 'dumb-init', source: KB },
  { debian: 'ffmpeg', alpine: 'ffmpeg', source: 'https://pkgs.alpinelinux.org/package/edge/community/x86_64/ffmpeg' },
  { debian: 'fontconfig', alpine: 'fontconfig', source: 'https://pkgs.alpinelinux.org/package/edge/main/x86_64/fontconfig' },
  { debian: 'git', alpine: 'git', source: 'https://pkgs.alpinelinux.org/package/edge/main/x86_64/git' },
  { debian: 'imagemagick', alpine: 'imagemagick', source: 'https://pkgs.alpinelinux.org/package/edge/community/x86_64/imagemagick' },
  { debian: 'libatomic1', alpine: 'libatomic', source: KB },
  { debian: 'libcairo2', alpine: 'cairo', source: KB },
  { debian: 'libffi8', alpine: 'libffi', source: KB },
  { debian: 'libfreetype6', alpine: 'freetype', source: KB },
  { debian: 'libgfortran5', alpine: 'libgfortran', source: KB },
  { debian: 'libgif7', alpine: 'giflib', source: KB },
  { debian: 'libgomp1', alpine: 'libgomp', source: KB },
  { debian: 'libjemalloc2', alpine: 'jemalloc', source: KB },
  { debian: 'libjpeg62-turbo', alpine: 'libjpeg-turbo', source: KB },
  { debian: 'liblcms2-2', alpine: 'lcms2', source: KB },
  { debian: 'libldap-2.5-0', alpine: 'libldap', source: KB },
  { debian: 'libmariadb3', alpine: 'mariadb-connector-c', source: KB },
  { debian: 'libodbc2', alpine: 'unixodbc', source: KB },
  { debian: 'libopenblas0', alpine: 'openblas', source: KB },
  { debian: 'libopenjp2-7', alpine: 'openjpeg', source: KB },
  { debian: 'libpango-1.0-0', alpine: 'pango', source: KB },
  { debian: 'libpng16-16', alpine: 'libpng', source: KB },
  { debian: 'libpng16-16t64', alpine: 'libpng', source: KB },
  { debian: 'libpq5', alpine: 'libpq', source: KB },
  { debian: 'librsvg2-2', alpine: 'librsvg', source: KB },
  { debian: 'libsqlite3-0', alpine: 'sqlite-libs', source: KB },
  { debian: 'libssl3', alpine: 'libssl3', source: KB },
  { debian: 'libssl3t64', alpine: 'libssl3', source: KB },
  { debian: 'libstdc++6', alpine: 'libstdc++', source: KB },
  { debian: 'libtiff6', alpine: 'tiff', source: KB },
  { debian: 'libvips42', alpine: 'vips', source: KB },
  { debian: 'libvips42t64', alpine: 'vips', source: KB },
  { debian: 'libwebp7', alpine: 'libwebp', source: KB },
  { debian: 'libxml2', alpine: 'libxml2', source: KB },
  { debian: 'libxslt1.1', alpine: 'libxslt', source: KB },
  { debian: 'netcat-openbsd', alpine: 'netcat-openbsd', source: 'https://pkgs.alpinelinux.org/package/edge/main/x86_64/netcat-openbsd' },
  { debian: 'postgresql-client', alpine: 'postgresql-client', source: 'https://pkgs.alpinelinux.org/package/edge/main/x86_64/postgresql-client' },
  { debian: 'tini', alpine: 'tini', source: KB },
  { debian: 'tzdata', alpine: 'tzdata', source: 'https://pkgs.alpinelinux.org/package/edge/main/x86_64/tzdata' },
];

const BY_DEBIAN = new Map(ALPINE_NAMES.map((row) => [row.debian, row.alpine]));

/** The Alpine name of a Debian package, or null when the table does not know it. */
export function alpineName(debian: string): string | null {
  return BY_DEBIAN.get(debian) ?? null;
}
