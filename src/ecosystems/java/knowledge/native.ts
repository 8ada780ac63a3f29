// Java libraries that carry native code. The JVM itself is the same on every base, so these only
// matter where the C library changes: alpine (musl). distroless java images and Temurin's Ubuntu
// JRE are glibc with libstdc++, which all of these load on. Sorted by coordinates.
import type { NativeDependency } from '../../../types.js';

export interface JavaNativeRow {
  /** groupId:artifactId */
  coordinates: string;
  /** No musl build of the native part, or one that is known to fail: rules out alpine. */
  glibcOnly: boolean;
  note: string;
  reference: string;
}

export const JAVA_NATIVE: readonly JavaNativeRow[] = [
  {
    coordinates: 'io.netty:netty-tcnative-boringssl-static',
    glibcOnly: true,
    note: 'BoringSSL bindings for Netty, shipped as glibc-linked .so files; on musl they fail to load (missing glibc symbols)',
    reference: 'https://github.com/netty/netty-tcnative/issues/152',
  },
  {
    coordinates: 'org.rocksdb:rocksdbjni',
    glibcOnly: true,
    note: 'RocksDB JNI library; its Linux builds need glibc and libstdc++, and musl loads keep failing (undefined symbols)',
    reference: 'https://github.com/facebook/rocksdb/issues/14504; https://github.com/facebook/rocksdb/issues/10651',
  },
  {
    coordinates: 'org.xerial:sqlite-jdbc',
    glibcOnly: false,
    note: 'SQLite JDBC driver with bundled native libraries, including Linux-Musl builds since 3.39',
    reference: 'https://github.com/xerial/sqlite-jdbc/issues/209 (musl supported, 2022); https://github.com/xerial/sqlite-jdbc/pull/480',
  },
];

/** A dependency found in a build file, as a NativeDependency when the table knows it. */
export function classifyJavaDependency(coordinates: string, version: string | null, source: string): NativeDependency | null {
  const row = JAVA_NATIVE.find((r) => r.coordinates === coordinates);
  if (!row) return null;
  return {
    name: row.coordinates,
    version,
    glibcOnly: row.glibcOnly,
    build: { debian: [], alpine: [] },
    runtime: { debian: [], alpine: [] },
    blocksDistroless: null,
    note: row.note,
    source,
    reference: row.reference,
  };
}
