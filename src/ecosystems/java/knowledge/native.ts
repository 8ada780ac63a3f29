// Java libraries that carry native code. The JVM itself is the same on every base, so these only
// matter where the C library changes: alpine (musl). distroless java images and Temurin's Ubuntu
// JRE are glibc with libstdc++, which all of these load on. Sorted by coordinates.
import type { NativeRow } from '../../../knowledge/native-row.js';
import type { NativeDependency } from '../../../types.js';

/** `name` is the Maven coordinates, groupId:artifactId. */
interface JavaNativeRow extends NativeRow {
  /** No musl build of the native part, or one that is known to fail: rules out alpine. */
  glibcOnly: boolean;
}

export const JAVA_NATIVE: readonly JavaNativeRow[] = [
  {
    name: 'io.netty:netty-tcnative-boringssl-static',
    glibcOnly: true,
    note: 'BoringSSL bindings for Netty, shipped as glibc-linked .so files; on musl they fail to load (missing glibc symbols)',
    source: 'https://github.com/netty/netty-tcnative/issues/152',
  },
  {
    name: 'org.rocksdb:rocksdbjni',
    glibcOnly: true,
    note: 'RocksDB JNI library; its Linux builds need glibc and libstdc++, and musl loads keep failing (undefined symbols)',
    source: 'https://github.com/facebook/rocksdb/issues/14504',
    seeAlso: ['https://github.com/facebook/rocksdb/issues/10651'],
  },
  {
    name: 'org.xerial:sqlite-jdbc',
    glibcOnly: false,
    note: 'SQLite JDBC driver with bundled native libraries, including Linux-Musl builds since 3.39',
    // The issue records musl support (2022); the pull request added the Linux-Musl natives.
    source: 'https://github.com/xerial/sqlite-jdbc/issues/209',
    seeAlso: ['https://github.com/xerial/sqlite-jdbc/pull/480'],
  },
];

/** A dependency found in a build file, as a NativeDependency when the table knows it. */
export function classifyJavaDependency(coordinates: string, version: string | null, source: string): NativeDependency | null {
  const row = JAVA_NATIVE.find((r) => r.name === coordinates);
  if (!row) return null;
  return {
    name: row.name,
    version,
    glibcOnly: row.glibcOnly,
    build: { debian: [], alpine: [] },
    runtime: { debian: [], alpine: [] },
    blocksDistroless: null,
    note: row.note,
    source,
    reference: row.source,
  };
}
