// Go modules that decide the final image: the ones that need cgo (so no scratch, and glibc or
// musl from the builder), the OS libraries they link, and pure-Go look-alikes that need nothing.
// Sorted by module path; each row names its primary source. Background: a package that imports "C"
// needs cgo, which links libc dynamically (https://pkg.go.dev/cmd/cgo).
import type { NativeRow } from '../../../knowledge/native-row.js';
import type { OsPackages } from '../../../types.js';

/** `name` is the module path as go.mod writes it; `/vN` major suffixes are matched too. */
export interface GoModuleRule extends NativeRow {
  /** Only when this package (or one below it) is imported: the module is also used without cgo. */
  importPath: string | null;
  cgo: boolean;
  /** No musl build is possible (prebuilt glibc archives): rules out alpine. */
  glibcOnly: boolean;
  /** Links libstdc++ (C++ code): needs distroless cc instead of base. */
  libstdcxx: boolean;
  build: OsPackages;
  runtime: OsPackages;
  /** Build tags needed on Alpine/musl. */
  muslTags: string[];
  /** Packages of other modules that import this one (drivers wrapping it): importing them needs it too. */
  via?: string[];
}

const none: OsPackages = { debian: [], alpine: [] };

export const GO_MODULES: readonly GoModuleRule[] = [
  {
    name: 'github.com/DataDog/zstd', importPath: null, cgo: true, glibcOnly: false, libstdcxx: false,
    build: none, runtime: none, muslTags: [],
    note: 'needs cgo; it compiles the zstd C sources it carries',
    source: 'https://github.com/DataDog/zstd#readme',
  },
  {
    name: 'github.com/confluentinc/confluent-kafka-go', importPath: null, cgo: true, glibcOnly: false, libstdcxx: false,
    build: none, runtime: none, muslTags: ['musl'],
    note: 'needs cgo; it links a bundled static librdkafka (glibc and musl builds), so only libc is needed at run time',
    source: 'https://github.com/confluentinc/confluent-kafka-go#static-builds-on-linux',
  },
  {
    name: 'github.com/google/gopacket', importPath: 'github.com/google/gopacket/pcap', cgo: true, glibcOnly: false, libstdcxx: false,
    build: { debian: ['libpcap-dev'], alpine: ['libpcap-dev'] }, runtime: { debian: ['libpcap0.8'], alpine: ['libpcap'] }, muslTags: [],
    note: 'the pcap package needs cgo and libpcap at run time',
    source: 'https://pkg.go.dev/github.com/google/gopacket/pcap',
  },
  {
    name: 'github.com/h2non/bimg', importPath: null, cgo: true, glibcOnly: false, libstdcxx: false,
    build: { debian: ['libvips-dev', 'pkg-config'], alpine: ['pkgconf', 'vips-dev'] }, runtime: { debian: ['libvips42'], alpine: ['vips'] }, muslTags: [],
    note: 'needs cgo and libvips at run time',
    source: 'https://github.com/h2non/bimg#prerequisites',
  },
  {
    name: 'github.com/linxGnu/grocksdb', importPath: null, cgo: true, glibcOnly: false, libstdcxx: true,
    build: { debian: ['librocksdb-dev'], alpine: ['rocksdb-dev'] }, runtime: { debian: ['librocksdb7.8'], alpine: ['rocksdb'] }, muslTags: [],
    note: 'needs cgo and the RocksDB C++ library at run time',
    source: 'https://github.com/linxGnu/grocksdb#install',
  },
  {
    name: 'github.com/mattn/go-sqlite3', importPath: null, cgo: true, glibcOnly: false, libstdcxx: false,
    build: none, runtime: none, muslTags: [],
    // The GORM SQLite drivers and migrate's sqlite3 driver import it.
    via: ['github.com/golang-migrate/migrate/v4/database/sqlite3', 'github.com/jinzhu/gorm/dialects/sqlite', 'gorm.io/driver/sqlite'],
    seeAlso: [
      'https://github.com/go-gorm/sqlite/blob/master/sqlite.go', 'https://github.com/jinzhu/gorm/blob/master/dialects/sqlite/sqlite.go',
      'https://github.com/golang-migrate/migrate/blob/master/database/sqlite3/sqlite3.go',
    ],
    note: 'needs cgo (built with CGO_ENABLED=0 it is a stub that fails at run time); it compiles SQLite in, so only libc is needed',
    source: 'https://github.com/mattn/go-sqlite3/issues/855',
  },
  {
    name: 'github.com/ncruces/go-sqlite3', importPath: null, cgo: false, glibcOnly: false, libstdcxx: false,
    build: none, runtime: none, muslTags: [],
    note: 'SQLite compiled to WebAssembly and run in pure Go: no cgo',
    source: 'https://github.com/ncruces/go-sqlite3#readme',
  },
  {
    name: 'github.com/valyala/gozstd', importPath: null, cgo: true, glibcOnly: true, libstdcxx: false,
    build: none, runtime: none, muslTags: [],
    note: 'needs cgo and links a prebuilt glibc libzstd archive, which fails on Alpine',
    source: 'https://github.com/valyala/gozstd/issues/20',
  },
  {
    name: 'gopkg.in/gographics/imagick.v2', importPath: null, cgo: true, glibcOnly: false, libstdcxx: false,
    build: { debian: ['libmagickwand-dev', 'pkg-config'], alpine: [] }, runtime: { debian: ['libmagickwand-6.q16-6'], alpine: [] }, muslTags: [],
    note: 'needs cgo and ImageMagick 6 (MagickWand) at run time',
    source: 'https://github.com/gographics/imagick#install',
  },
  {
    name: 'modernc.org/sqlite', importPath: null, cgo: false, glibcOnly: false, libstdcxx: false,
    build: none, runtime: none, muslTags: [],
    note: 'SQLite translated to pure Go: no cgo, works on scratch',
    source: 'https://pkg.go.dev/modernc.org/sqlite',
  },
];

/** The row for a module path ("github.com/confluentinc/confluent-kafka-go/v2" matches the base path). */
export function goModuleRule(path: string): GoModuleRule | null {
  const base = path.replace(/\/v\d+$/, '');
  return GO_MODULES.find((r) => r.name === base || r.name === path) ?? null;
}

interface GoFrameworkRule {
  id: string;
  name: string;
  modules: string[];
  /** Port the framework listens on when the app names none (gin's Run() without an address). */
  defaultPort: number | null;
  source: string;
}

/** In priority order. The standard library's net/http is "no framework". */
export const GO_FRAMEWORKS: readonly GoFrameworkRule[] = [
  { id: 'gin', name: 'Gin', modules: ['github.com/gin-gonic/gin'], defaultPort: 8080, source: 'https://pkg.go.dev/github.com/gin-gonic/gin#Engine.Run' },
  { id: 'echo', name: 'Echo', modules: ['github.com/labstack/echo', 'github.com/labstack/echo/v4'], defaultPort: null, source: 'https://echo.labstack.com/docs/quick-start' },
  { id: 'fiber', name: 'Fiber', modules: ['github.com/gofiber/fiber/v2', 'github.com/gofiber/fiber/v3'], defaultPort: null, source: 'https://docs.gofiber.io/' },
  { id: 'chi', name: 'chi', modules: ['github.com/go-chi/chi', 'github.com/go-chi/chi/v5'], defaultPort: null, source: 'https://go-chi.io/' },
  { id: 'gorilla-mux', name: 'gorilla/mux', modules: ['github.com/gorilla/mux'], defaultPort: null, source: 'https://github.com/gorilla/mux#readme' },
];
