// Rust crates that decide the final image: `-sys` crates that link a C library, either a
// system one (needs the library at run time, so no static musl build) or one they compile in
// (static: fine for scratch). Sorted by crate name; each row names its primary source. How `-sys`
// crates link their library: https://doc.rust-lang.org/cargo/reference/build-scripts.html#-sys-packages
import type { NativeRow } from '../../../knowledge/native-row.js';
import type { OsPackages } from '../../../types.js';

/** What flips a crate away from its default linkage: a crate in the lockfile, or a feature asked for. */
export type Toggle = { lockCrate: string } | { crate: string; feature: string };

/** `name` is the crate name as Cargo.lock writes it. */
export interface RustCrateRule extends NativeRow {
  /** Linkage without any toggle: 'bundled' compiles the C library in, 'system' links the OS one. */
  defaultLinkage: 'bundled' | 'system';
  /** Any of these switches to the other linkage (openssl `vendored`, rusqlite `bundled`, rdkafka `dynamic-linking`). */
  toggles: Toggle[];
  /** Builder packages when the library is compiled in. */
  bundledBuild: OsPackages;
  /** Builder packages when the system library is linked. */
  systemBuild: OsPackages;
  /** Final-image packages when the system library is linked. */
  systemRuntime: OsPackages;
  /** The system library is part of distroless base/cc (libssl), so distroless still works. */
  inDistroless: boolean;
}

const none: OsPackages = { debian: [], alpine: [] };

export const RUST_CRATES: readonly RustCrateRule[] = [
  {
    name: 'aws-lc-sys', defaultLinkage: 'bundled', toggles: [],
    bundledBuild: none, systemBuild: none, systemRuntime: none, inDistroless: true,
    note: 'compiles AWS-LC (C) into the binary with the builder\'s C compiler; rustls\' default crypto provider',
    source: 'https://aws.github.io/aws-lc-rs/requirements/linux.html',
  },
  {
    name: 'libsqlite3-sys', defaultLinkage: 'system',
    toggles: [
      { crate: 'libsqlite3-sys', feature: 'bundled' }, { crate: 'rusqlite', feature: 'bundled' },
      { crate: 'rusqlite', feature: 'bundled-full' }, { crate: 'sea-orm', feature: 'sqlx-all' }, { crate: 'sea-orm', feature: 'sqlx-sqlite' },
      { crate: 'sqlx', feature: 'sqlite' }, { crate: 'sqlx-sqlite', feature: 'bundled' },
    ],
    bundledBuild: none,
    systemBuild: { debian: ['libsqlite3-dev', 'pkg-config'], alpine: ['sqlite-dev', 'pkgconf'] },
    systemRuntime: { debian: ['libsqlite3-0'], alpine: ['sqlite-libs'] }, inDistroless: false,
    note: 'links the system SQLite unless the `bundled` feature (rusqlite, or sqlx\'s `sqlite`, which sea-orm\'s `sqlx-sqlite` turns on) compiles it in',
    source: 'https://github.com/rusqlite/rusqlite#notes-on-building-rusqlite-and-libsqlite3-sys',
  },
  {
    name: 'libz-sys', defaultLinkage: 'bundled', toggles: [],
    bundledBuild: none, systemBuild: none, systemRuntime: none, inDistroless: true,
    note: 'uses zlib from pkg-config when its headers are installed, otherwise compiles its bundled zlib; the generated builders install no zlib headers',
    source: 'https://github.com/rust-lang/libz-sys#readme',
  },
  {
    name: 'mysqlclient-sys', defaultLinkage: 'system', toggles: [{ crate: 'mysqlclient-sys', feature: 'bundled' }],
    bundledBuild: { debian: ['cmake'], alpine: ['cmake'] },
    systemBuild: { debian: ['default-libmysqlclient-dev', 'pkg-config'], alpine: ['mariadb-connector-c-dev', 'pkgconf'] },
    systemRuntime: { debian: ['libmariadb3'], alpine: ['mariadb-connector-c'] }, inDistroless: false,
    note: 'links libmysqlclient/libmariadb at run time unless the `bundled` feature builds it in',
    source: 'https://github.com/sgrif/mysqlclient-sys#readme',
  },
  {
    name: 'native-tls', defaultLinkage: 'system', toggles: [{ lockCrate: 'openssl-src' }, { crate: 'native-tls', feature: 'vendored' }],
    bundledBuild: { debian: ['make', 'perl'], alpine: ['make', 'perl'] },
    systemBuild: { debian: ['libssl-dev', 'pkg-config'], alpine: ['openssl-dev', 'pkgconf'] },
    systemRuntime: { debian: ['libssl3'], alpine: ['libssl3'] }, inDistroless: true,
    note: 'uses OpenSSL on Linux: libssl at run time unless `vendored` compiles OpenSSL in',
    source: 'https://github.com/sfackler/rust-native-tls#readme',
  },
  {
    name: 'openssl-sys', defaultLinkage: 'system', toggles: [{ lockCrate: 'openssl-src' }, { crate: 'openssl', feature: 'vendored' }, { crate: 'openssl-sys', feature: 'vendored' }],
    bundledBuild: { debian: ['make', 'perl'], alpine: ['make', 'perl'] },
    systemBuild: { debian: ['libssl-dev', 'pkg-config'], alpine: ['openssl-dev', 'pkgconf'] },
    systemRuntime: { debian: ['libssl3'], alpine: ['libssl3'] }, inDistroless: true,
    note: 'links libssl and libcrypto at run time unless the `vendored` feature (openssl-src) compiles OpenSSL in',
    source: 'https://docs.rs/openssl/latest/openssl/#vendored',
  },
  {
    name: 'pq-sys', defaultLinkage: 'system', toggles: [{ crate: 'pq-sys', feature: 'bundled' }, { lockCrate: 'pq-src' }],
    bundledBuild: none,
    systemBuild: { debian: ['libpq-dev', 'pkg-config'], alpine: ['libpq-dev', 'pkgconf'] },
    systemRuntime: { debian: ['libpq5'], alpine: ['libpq'] }, inDistroless: false,
    note: 'links libpq (PostgreSQL client) at run time unless the `bundled` feature builds it in',
    source: 'https://github.com/sgrif/pq-sys#readme',
  },
  {
    name: 'rdkafka-sys', defaultLinkage: 'bundled', toggles: [{ crate: 'rdkafka', feature: 'dynamic-linking' }, { crate: 'rdkafka-sys', feature: 'dynamic-linking' }],
    bundledBuild: { debian: ['cmake', 'g++', 'make'], alpine: ['bash', 'cmake', 'g++', 'make'] },
    systemBuild: { debian: ['librdkafka-dev', 'pkg-config'], alpine: ['librdkafka-dev', 'pkgconf'] },
    systemRuntime: { debian: ['librdkafka1'], alpine: ['librdkafka'] }, inDistroless: false,
    note: 'compiles librdkafka in unless `dynamic-linking` links the system one',
    source: 'https://github.com/fede1024/rust-rdkafka#installation',
  },
  {
    name: 'ring', defaultLinkage: 'bundled', toggles: [],
    bundledBuild: none, systemBuild: none, systemRuntime: none, inDistroless: true,
    note: 'compiles its C and assembly into the binary; no run-time library',
    source: 'https://github.com/briansmith/ring/blob/main/BUILDING.md',
  },
  {
    name: 'tikv-jemalloc-sys', defaultLinkage: 'bundled', toggles: [],
    bundledBuild: { debian: ['make'], alpine: ['make'] }, systemBuild: none, systemRuntime: none, inDistroless: true,
    note: 'compiles jemalloc into the binary (needs make)',
    source: 'https://github.com/tikv/jemallocator#readme',
  },
  {
    name: 'zstd-sys', defaultLinkage: 'bundled', toggles: [{ crate: 'zstd-sys', feature: 'pkg-config' }],
    bundledBuild: none,
    systemBuild: { debian: ['libzstd-dev', 'pkg-config'], alpine: ['zstd-dev', 'pkgconf'] },
    systemRuntime: { debian: ['libzstd1'], alpine: ['zstd-libs'] }, inDistroless: true,
    note: 'compiles zstd into the binary unless `pkg-config` links the system one',
    source: 'https://github.com/gyscos/zstd-rs#readme',
  },
];

/**
 * Lockfile edges that exist only when a feature is on. Cargo.lock records every optional
 * dependency of a crate whatever the features (https://doc.rust-lang.org/cargo/reference/resolver.html#features:
 * the lock file is resolved with all features), so following its edges alone would make a crate
 * that enables `postgres` look like it links SQLite. An edge here is followed only when one of
 * `enabledBy` (crate and feature, as the project's Cargo.toml files ask for them) is on.
 */
export interface OptionalEdge {
  /** "parent -> child" as Cargo.lock names the crates. */
  name: string;
  parents: string[];
  child: string;
  enabledBy: Array<{ crate: string; feature: string }>;
  source: string;
  seeAlso?: readonly string[];
}

const SQLX_SQLITE = [
  { crate: 'sea-orm', feature: 'sqlx-all' }, { crate: 'sea-orm', feature: 'sqlx-sqlite' },
  { crate: 'sea-query-binder', feature: 'sqlx-sqlite' },
  { crate: 'sqlx', feature: 'all-databases' }, { crate: 'sqlx', feature: 'sqlite' }, { crate: 'sqlx', feature: 'sqlite-unbundled' },
  { crate: 'sqlx-core', feature: 'sqlite' }, { crate: 'sqlx-macros', feature: 'sqlite' }, { crate: 'sqlx-macros-core', feature: 'sqlite' },
];

export const RUST_OPTIONAL_EDGES: readonly OptionalEdge[] = [
  {
    name: 'diesel -> libsqlite3-sys', parents: ['diesel'], child: 'libsqlite3-sys', enabledBy: [{ crate: 'diesel', feature: 'sqlite' }],
    source: 'https://github.com/diesel-rs/diesel/blob/master/diesel/Cargo.toml',
  },
  {
    // sqlx 0.7 and newer: `sqlite` (and sea-orm's `sqlx-sqlite`, which turns it on) pulls in sqlx-sqlite.
    name: 'sqlx -> sqlx-sqlite', parents: ['sqlx', 'sqlx-macros-core'], child: 'sqlx-sqlite', enabledBy: SQLX_SQLITE,
    source: 'https://github.com/launchbadge/sqlx/blob/main/Cargo.toml',
    seeAlso: ['https://github.com/SeaQL/sea-orm/blob/master/Cargo.toml'],
  },
  {
    // sqlx 0.6 and older: the SQLite driver lived in sqlx-core.
    name: 'sqlx-core -> libsqlite3-sys', parents: ['sqlx-core'], child: 'libsqlite3-sys', enabledBy: SQLX_SQLITE,
    source: 'https://github.com/launchbadge/sqlx/blob/v0.6.3/sqlx-core/Cargo.toml',
  },
];

export function rustCrateRule(name: string): RustCrateRule | null {
  return RUST_CRATES.find((r) => r.name === name) ?? null;
}

/**
 * TLS stacks that need no C library: the final image then needs only CA certificates
 * (https://github.com/rustls/rustls#readme).
 */
export const RUSTLS_CRATES = ['rustls'] as const;

interface RustFrameworkRule {
  id: string;
  name: string;
  crates: string[];
  /** Port the framework listens on when nothing configures one (Rocket: 8000). */
  defaultPort: number | null;
  /** Environment a container needs (Rocket binds 127.0.0.1 unless ROCKET_ADDRESS says otherwise). */
  env: Record<string, string>;
  source: string;
}

export const RUST_FRAMEWORKS: readonly RustFrameworkRule[] = [
  { id: 'axum', name: 'Axum', crates: ['axum'], defaultPort: null, env: {}, source: 'https://docs.rs/axum/latest/axum/fn.serve.html' },
  { id: 'actix-web', name: 'Actix Web', crates: ['actix-web'], defaultPort: null, env: {}, source: 'https://actix.rs/docs/server' },
  {
    id: 'rocket', name: 'Rocket', crates: ['rocket'], defaultPort: 8000, env: { ROCKET_ADDRESS: '0.0.0.0' },
    source: 'https://rocket.rs/guide/v0.5/configuration/#overview',
  },
  { id: 'warp', name: 'Warp', crates: ['warp'], defaultPort: null, env: {}, source: 'https://docs.rs/warp/latest/warp/fn.serve.html' },
];
