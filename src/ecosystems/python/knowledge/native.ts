// PyPI packages with compiled code or OS-library needs: which wheels they publish and which OS
// packages they need to build and to run. Sorted by name (PEP 503 normalized), one row per
// package, each with its primary source. Wheel tags (manylinux for glibc, musllinux for musl) are
// those of the platform compatibility tags spec:
// https://packaging.python.org/en/latest/specifications/platform-compatibility-tags/
//
// How a row is read:
// - `manylinux`: glibc wheels are published, so pip installs a wheel on Debian (slim, distroless)
//   and nothing compiles; false means pip builds the sdist there (needs `debian.build`).
// - `musllinux`: musl wheels are published; false means pip would compile on Alpine, or cannot
//   install at all, which rules out alpine (design.md "Choosing the base").
// - `runtime`: OS libraries the installed package needs at run time on that distribution
//   (shared libraries a source build links, or libraries a wheel does not bundle). Non-empty
//   Debian runtime rules out distroless, which has no package manager.
// - `satisfiedBy`: other packages that, when also installed, remove the runtime need.
// Debian names were checked against the bookworm and trixie main amd64 package lists (trixie's
// 64-bit time_t renames: libglib2.0-0t64, libldap-2.5-0 -> libldap2).
import type { NativeRow } from '../../../knowledge/native-row.js';
import type { DebianSuite } from './versions.js';

/** `note` says why it is native and what to prefer; it is shown in the report. */
export interface PypiNativeRow extends NativeRow {
  manylinux: boolean;
  musllinux: boolean;
  debian: { build: string[]; runtime: Record<DebianSuite, string[]> };
  alpine: { build: string[]; runtime: string[] };
  satisfiedBy: string[];
  /** Set when the installed package cannot run on distroless whatever the libraries (a compiled server binary). */
  blocksDistroless?: string;
}

const both = (packages: string[]): Record<DebianSuite, string[]> => ({ bookworm: packages, trixie: packages });
const none = { build: [], runtime: both([]) };
const noneAlpine = { build: [], runtime: [] };

/** A package with glibc and musl wheels that bundle what they need: native, but no OS packages. */
const wheelsEverywhere = (name: string, note: string, source: string): PypiNativeRow => ({
  name, manylinux: true, musllinux: true, debian: none, alpine: noneAlpine, satisfiedBy: [], note, source,
});

const C_TOOLCHAIN_DEBIAN = ['gcc', 'libc6-dev'];
const C_TOOLCHAIN_ALPINE = ['build-base'];

export const PYPI_NATIVE: readonly PypiNativeRow[] = [
  {
    name: 'confluent-kafka', manylinux: true, musllinux: false,
    debian: none,
    alpine: { build: [...C_TOOLCHAIN_ALPINE, 'librdkafka-dev'], runtime: ['librdkafka'] },
    satisfiedBy: [],
    note: 'Kafka client; its manylinux wheels bundle librdkafka, but there are no musllinux wheels, so on Alpine it compiles against librdkafka-dev.',
    source: 'https://github.com/confluentinc/confluent-kafka-python/issues/520',
  },
  {
    name: 'cryptography', manylinux: true, musllinux: true,
    debian: { build: ['build-essential', 'libssl-dev', 'libffi-dev', 'pkg-config', 'cargo'], runtime: both([]) },
    alpine: { build: ['build-base', 'openssl-dev', 'libffi-dev', 'pkgconf', 'cargo'], runtime: [] },
    satisfiedBy: [],
    note: 'Rust and OpenSSL extension; manylinux and musllinux wheels link OpenSSL statically, so nothing compiles and no OS library is needed.',
    source: 'https://cryptography.io/en/latest/installation/',
  },
  wheelsEverywhere('grpcio', 'C++ extension; manylinux and musllinux wheels (musllinux aarch64 was missing in older releases and then compiles for a long time).', 'https://github.com/grpc/grpc/pull/28969'),
  wheelsEverywhere('httptools', 'C extension (llhttp); cibuildwheel builds manylinux and musllinux wheels.', 'https://github.com/MagicStack/httptools/blob/master/.github/workflows/release.yml'),
  wheelsEverywhere('lxml', 'C extension; manylinux and musllinux wheels link libxml2 and libxslt statically.', 'https://github.com/lxml/lxml/blob/master/pyproject.toml'),
  {
    name: 'mysqlclient', manylinux: false, musllinux: false,
    debian: { build: [...C_TOOLCHAIN_DEBIAN, 'pkg-config', 'default-libmysqlclient-dev'], runtime: both(['libmariadb3']) },
    alpine: { build: [...C_TOOLCHAIN_ALPINE, 'pkgconf', 'mariadb-dev'], runtime: ['mariadb-connector-c'] },
    satisfiedBy: [],
    note: 'MySQL client C extension published as an sdist only on Linux: it compiles against the MariaDB client library and needs libmariadb3 at run time.',
    source: 'https://github.com/PyMySQL/mysqlclient/blob/main/README.md',
  },
  wheelsEverywhere('numpy', 'C/Fortran extension; manylinux and musllinux wheels bundle OpenBLAS.', 'https://github.com/numpy/numpy/blob/main/.github/workflows/wheels.yml'),
  {
    name: 'opencv-contrib-python', manylinux: true, musllinux: false,
    debian: { build: [], runtime: { bookworm: ['libgl1', 'libglib2.0-0'], trixie: ['libgl1', 'libglib2.0-0t64'] } },
    alpine: noneAlpine,
    satisfiedBy: [],
    note: 'OpenCV with GUI support: glibc-only wheels that need libGL and GLib at run time; opencv-contrib-python-headless needs neither.',
    source: 'https://github.com/opencv/opencv-python/blob/4.x/README.md',
  },
  {
    name: 'opencv-contrib-python-headless', manylinux: true, musllinux: false,
    debian: none, alpine: noneAlpine, satisfiedBy: [],
    note: 'OpenCV without GUI: self-contained manylinux wheels; no musllinux wheels are published (opencv/opencv-python#1099).',
    source: 'https://github.com/opencv/opencv-python/issues/1099',
  },
  {
    name: 'opencv-python', manylinux: true, musllinux: false,
    debian: { build: [], runtime: { bookworm: ['libgl1', 'libglib2.0-0'], trixie: ['libgl1', 'libglib2.0-0t64'] } },
    alpine: noneAlpine,
    satisfiedBy: [],
    note: 'OpenCV with GUI support: glibc-only wheels that need libGL and GLib at run time; prefer opencv-python-headless in containers.',
    source: 'https://github.com/opencv/opencv-python/blob/4.x/README.md',
  },
  {
    name: 'opencv-python-headless', manylinux: true, musllinux: false,
    debian: none, alpine: noneAlpine, satisfiedBy: [],
    note: 'OpenCV without GUI: self-contained manylinux wheels; no musllinux wheels are published (opencv/opencv-python#1099).',
    source: 'https://github.com/opencv/opencv-python/issues/1099',
  },
  wheelsEverywhere('orjson', 'Rust extension; manylinux and musllinux_1_2 wheels for x86_64, aarch64 and more.', 'https://github.com/ijl/orjson/blob/master/.github/workflows/artifact.yaml'),
  wheelsEverywhere('pandas', 'C extension; manylinux and musllinux wheels.', 'https://github.com/pandas-dev/pandas/blob/main/.github/workflows/wheels.yml'),
  wheelsEverywhere('pillow', 'C extension; manylinux and musllinux wheels bundle libjpeg, zlib, freetype and the other image libraries.', 'https://github.com/python-pillow/Pillow/blob/main/.github/workflows/wheels.yml'),
  {
    name: 'psycopg', manylinux: true, musllinux: true,
    debian: { build: [], runtime: both(['libpq5']) },
    alpine: { build: [], runtime: ['libpq'] },
    satisfiedBy: ['psycopg-binary'],
    note: 'PostgreSQL driver (psycopg 3); pure Python, it loads libpq at run time unless psycopg[binary] is installed.',
    source: 'https://github.com/psycopg/psycopg/blob/master/docs/basic/install.rst',
  },
  wheelsEverywhere('psycopg-binary', 'psycopg[binary]: self-contained manylinux and musllinux wheels with libpq bundled.', 'https://github.com/psycopg/psycopg/blob/master/.github/workflows/packages-bin.yml'),
  {
    name: 'psycopg-c', manylinux: false, musllinux: false,
    debian: { build: [...C_TOOLCHAIN_DEBIAN, 'libpq-dev'], runtime: both(['libpq5']) },
    alpine: { build: [...C_TOOLCHAIN_ALPINE, 'postgresql-dev'], runtime: ['libpq'] },
    satisfiedBy: [],
    note: 'psycopg[c]: compiled against libpq at install time (sdist only), needs libpq at run time.',
    source: 'https://github.com/psycopg/psycopg/blob/master/docs/basic/install.rst',
  },
  {
    name: 'psycopg2', manylinux: false, musllinux: false,
    debian: { build: [...C_TOOLCHAIN_DEBIAN, 'libpq-dev'], runtime: both(['libpq5']) },
    alpine: { build: [...C_TOOLCHAIN_ALPINE, 'postgresql-dev'], runtime: ['libpq'] },
    satisfiedBy: [],
    note: 'PostgreSQL driver published as an sdist only: it compiles against libpq-dev (pg_config) and needs libpq5 at run time; psycopg2-binary is the self-contained wheel.',
    source: 'https://github.com/psycopg/psycopg2/blob/master/.github/workflows/packages.yml',
  },
  wheelsEverywhere('psycopg2-binary', 'Self-contained manylinux and musllinux wheels with libpq and OpenSSL bundled.', 'https://github.com/psycopg/psycopg2/blob/master/.github/workflows/packages.yml'),
  wheelsEverywhere('pydantic-core', 'Rust extension; manylinux and musllinux wheels.', 'https://github.com/pydantic/pydantic-core/blob/main/.github/workflows/ci.yml'),
  {
    name: 'pyodbc', manylinux: true, musllinux: true,
    debian: { build: [...C_TOOLCHAIN_DEBIAN, 'g++', 'unixodbc-dev'], runtime: both(['libodbc2']) },
    alpine: { build: [...C_TOOLCHAIN_ALPINE, 'unixodbc-dev'], runtime: ['unixodbc'] },
    satisfiedBy: [],
    note: 'ODBC bridge: its wheels do not bundle a driver manager, so the unixODBC library (libodbc.so.2) must be installed at run time.',
    source: 'https://github.com/mkleehammer/pyodbc/wiki/Install',
  },
  {
    name: 'python-ldap', manylinux: false, musllinux: false,
    debian: {
      build: [...C_TOOLCHAIN_DEBIAN, 'libldap-dev', 'libsasl2-dev'],
      runtime: { bookworm: ['libldap-2.5-0', 'libsasl2-2'], trixie: ['libldap2', 'libsasl2-2'] },
    },
    alpine: { build: [...C_TOOLCHAIN_ALPINE, 'openldap-dev'], runtime: ['libldap'] },
    satisfiedBy: [],
    note: 'OpenLDAP binding published as an sdist only: it compiles against libldap and libsasl2 and needs them at run time.',
    source: 'https://www.python-ldap.org/en/latest/installing.html',
  },
  wheelsEverywhere('scipy', 'C/C++/Fortran extension; manylinux and musllinux wheels bundle OpenBLAS and libgfortran.', 'https://github.com/scipy/scipy/blob/main/.github/workflows/wheels.yml'),
  {
    name: 'tensorflow', manylinux: true, musllinux: false,
    debian: none, alpine: noneAlpine, satisfiedBy: [],
    note: 'Published as glibc manylinux wheels only: it cannot be installed on Alpine.',
    source: 'https://www.tensorflow.org/install/pip',
  },
  {
    name: 'torch', manylinux: true, musllinux: false,
    debian: none, alpine: noneAlpine, satisfiedBy: [],
    note: 'Published as glibc manylinux wheels only, with no sdist: pip cannot install it on Alpine at all.',
    source: 'https://github.com/pytorch/pytorch/issues/71381',
  },
  wheelsEverywhere('uvloop', 'C extension (libuv); cibuildwheel builds manylinux and musllinux wheels.', 'https://github.com/MagicStack/uvloop/blob/master/.github/workflows/release.yml'),
  {
    name: 'uwsgi', manylinux: false, musllinux: false,
    debian: { build: [...C_TOOLCHAIN_DEBIAN], runtime: both([]) },
    alpine: { build: [...C_TOOLCHAIN_ALPINE, 'linux-headers'], runtime: [] },
    satisfiedBy: [],
    blocksDistroless: 'pip compiles the uwsgi server binary against the builder image\'s libpython (/usr/local/lib), which the distroless image (Debian\'s Python) does not have, and distroless runs only python as its entrypoint',
    note: 'uWSGI is published as an sdist only: pip compiles the uwsgi binary with a C compiler (and the Python headers the python images carry); nothing extra is needed at run time.',
    source: 'https://uwsgi-docs.readthedocs.io/en/latest/Install.html',
    seeAlso: ['https://pypi.org/project/uWSGI/2.0.28/#files'],
  },
];

/** PEP 503 normalization: runs of -, _ and . become one -, lower case. */
export function normalizePackageName(name: string): string {
  return name.replace(/[-_.]+/g, '-').toLowerCase();
}

export function pypiNativeRow(name: string): PypiNativeRow | undefined {
  const wanted = normalizePackageName(name);
  return PYPI_NATIVE.find((row) => row.name === wanted);
}
