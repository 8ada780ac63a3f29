// Classifying the runtime packages: the knowledge table first (pypi-native.ts); for a package
// it does not know, the wheel file names a lockfile records are evidence too (a package with
// Linux wheels but no pure-Python wheel is compiled; without a musllinux wheel it is glibc-only).
import { pypiNativeRow, type PypiNativeRow } from './knowledge/native.js';
import type { DebianSuite } from './knowledge/versions.js';
import type { NativeDependency } from '../../types.js';
import type { PythonPackage } from './types.js';

const WHEEL_TAGS_SOURCE = 'https://packaging.python.org/en/latest/specifications/platform-compatibility-tags/';

function fromRow(row: PypiNativeRow, pkg: PythonPackage, installed: Set<string>, source: string, suite: DebianSuite): NativeDependency {
  const satisfied = row.satisfiedBy.some((other) => installed.has(other));
  return {
    name: pkg.name,
    version: pkg.version,
    glibcOnly: !row.musllinux,
    build: { debian: row.manylinux ? [] : row.debian.build, alpine: row.musllinux ? [] : row.alpine.build },
    runtime: satisfied ? { debian: [], alpine: [] } : { debian: row.debian.runtime[suite], alpine: row.alpine.runtime },
    blocksDistroless: row.blocksDistroless ?? null,
    note: satisfied ? `${row.note} Here ${row.satisfiedBy.filter((o) => installed.has(o)).join(', ')} provides it.` : row.note,
    source,
    reference: row.source,
  };
}

/** Linux platform wheels but no `none-any` wheel: compiled code. */
function fromWheels(pkg: PythonPackage, source: string): NativeDependency | null {
  if (pkg.wheels.length === 0 || pkg.wheels.some((w) => w.endsWith('-none-any.whl'))) return null;
  const linux = pkg.wheels.filter((w) => /(manylinux|musllinux|linux_)/.test(w));
  if (linux.length === 0) return null;
  const musl = linux.some((w) => w.includes('musllinux'));
  return {
    name: pkg.name,
    version: pkg.version,
    glibcOnly: !musl,
    build: { debian: [], alpine: [] },
    runtime: { debian: [], alpine: [] },
    blocksDistroless: null,
    note: musl
      ? `Compiled; ${source} lists manylinux and musllinux wheels for it.`
      : `Compiled; ${source} lists Linux wheels for it but no musllinux wheel, so it would have to compile (or cannot install) on Alpine.`,
    source,
    reference: WHEEL_TAGS_SOURCE,
  };
}

/** Native dependencies among the runtime packages, sorted by name. */
export function classifyNative(packages: PythonPackage[], source: string, suite: DebianSuite = 'trixie'): NativeDependency[] {
  const installed = new Set(packages.map((p) => p.name));
  const found: NativeDependency[] = [];
  for (const pkg of packages) {
    const row = pypiNativeRow(pkg.name);
    const dep = row ? fromRow(row, pkg, installed, source, suite) : fromWheels(pkg, source);
    if (dep) found.push(dep);
  }
  return found.sort((a, b) => a.name.localeCompare(b.name));
}
