// The columns every native-dependency table shares: npm packages (knowledge/npm-native.ts, used by node and bun), PyPI
// packages (python/knowledge/native.ts), crates (rust/knowledge/crates.ts), Go modules
// (go/knowledge/modules.ts) and Maven coordinates (java/knowledge/native.ts). Each ecosystem's row
// type extends this one with its own columns (delivery class, wheels, linkage, cgo, ...), so the
// key and the citation are spelled the same everywhere and one test can check them all
// (test/unit/knowledge-tables.test.ts).
//
// A detected dependency carries a row's `note` and `source` on as NativeDependency.note and
// NativeDependency.reference (src/types.ts): there `source` is the project file it was found in.

export interface NativeRow {
  /**
   * The key, as the ecosystem's lockfile or build file spells it: npm or PyPI package name, crate
   * name, Go module path, Maven groupId:artifactId. Tables are sorted by it.
   */
  name: string;
  /** Why it is native and what to prefer instead; shown in the report. */
  note: string;
  /** The primary source for the row's facts: an https URL (upstream docs, repository file, issue, registry). */
  source: string;
  /** More primary sources (https URLs) when one page does not carry every fact of the row. */
  seeAlso?: readonly string[];
}
