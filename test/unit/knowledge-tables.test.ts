// One test over every knowledge table in the repository (src/knowledge/ and
// src/ecosystems/*/knowledge/): rows sorted by their key, no duplicate keys, a primary https source
// on every row, valid ISO dates where a table carries dates. TABLES below lists them; the last
// test imports every knowledge module and fails when one exports a table TABLES does not cover,
// so a new table is checked from the day it is added. Ecosystem-specific assertions (which
// packages are known, what a row says) stay in src/ecosystems/*/test/.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { ALPINE_NAMES } from '../../src/knowledge/alpine-names.js';
import { BACKING_SERVICES, SERVICE_DEPENDENCIES } from '../../src/knowledge/backing-services.js';
import { CREDENTIAL_FILES } from '../../src/knowledge/credential-files.js';
import { SERVICE_IMAGES } from '../../src/knowledge/service-images.js';
import { STOP_SIGNALS } from '../../src/knowledge/stop-signals.js';
import { parseDay } from '../../src/knowledge/clock.js';
import { BUN_FRAMEWORKS } from '../../src/ecosystems/bun/knowledge/frameworks.js';
import { BUN_RELEASES } from '../../src/ecosystems/bun/knowledge/versions.js';
import { DENO_RELEASES } from '../../src/ecosystems/deno/knowledge/versions.js';
import { ASPNET_AOT, NUGET_NATIVE, NUGET_TRIM_AOT } from '../../src/ecosystems/dotnet/knowledge/packages.js';
import { DOTNET_RELEASES } from '../../src/ecosystems/dotnet/knowledge/versions.js';
import { GO_FRAMEWORKS, GO_MODULES } from '../../src/ecosystems/go/knowledge/modules.js';
import { GO_RELEASES } from '../../src/ecosystems/go/knowledge/versions.js';
import {
  FRAMEWORK_DEFAULTS, FRAMEWORK_JAVA_SUPPORT, FRAMEWORK_JVM_OPTIONS, FRAMEWORK_MARKERS, GRADLE_JAVA_SUPPORT, SPRING_BOOT_LAYERING,
} from '../../src/ecosystems/java/knowledge/frameworks.js';
import { JAVA_NATIVE } from '../../src/ecosystems/java/knowledge/native.js';
import { DISTROLESS_JAVA, JAVA_RELEASES } from '../../src/ecosystems/java/knowledge/versions.js';
import { NODE_CLIS, NODE_FRAMEWORKS, NODE_STATIC_BUILDERS } from '../../src/ecosystems/node/knowledge/frameworks.js';
import { NODE_BUILD_TOOLS, NODE_DEV_PRELOADS, NODE_ENV_LOADERS, NODE_PROCESS_MANAGERS, NX_BUILD_EXECUTORS } from '../../src/ecosystems/node/knowledge/scripts.js';
import { NPM_BUILD_TIME_NATIVE, NPM_INSTALL_SCRIPT_IGNORE, NPM_NATIVE } from '../../src/knowledge/npm-native.js';
import { NODE_RELEASES } from '../../src/ecosystems/node/knowledge/versions.js';
import { NODE_REMOVED_SYNTAX } from '../../src/ecosystems/node/knowledge/syntax.js';
import { PHP_BUNDLED_EXTENSIONS, PHP_EXTENSIONS } from '../../src/ecosystems/php/knowledge/extensions.js';
import { PHP_ASSET_BUILDERS, PHP_BUILD_STEPS, PHP_FRAMEWORKS, PHP_SERVER_MARKERS } from '../../src/ecosystems/php/knowledge/frameworks.js';
import { PHP_RELEASES } from '../../src/ecosystems/php/knowledge/versions.js';
import { PYPI_NATIVE } from '../../src/ecosystems/python/knowledge/native.js';
import { PYTHON_SUPPORT } from '../../src/ecosystems/python/knowledge/python-support.js';
import { ADDED_SERVERS, PYTHON_SERVER_ENV } from '../../src/ecosystems/python/knowledge/servers.js';
import { PYTHON_TOOLS } from '../../src/ecosystems/python/knowledge/tools.js';
import { PYTHON_DEV_TOOLS } from '../../src/ecosystems/python/knowledge/dev-tools.js';
import { PYTHON_RELEASES } from '../../src/ecosystems/python/knowledge/versions.js';
import { RUBY_FRAMEWORKS } from '../../src/ecosystems/ruby/knowledge/frameworks.js';
import { RUBY_NATIVE_GEMS } from '../../src/ecosystems/ruby/knowledge/native-gems.js';
import { RUBY_CAPS } from '../../src/ecosystems/ruby/knowledge/ruby-support.js';
import { RUBY_RELEASES } from '../../src/ecosystems/ruby/knowledge/versions.js';
import { RUST_CRATES, RUST_FRAMEWORKS, RUST_OPTIONAL_EDGES } from '../../src/ecosystems/rust/knowledge/crates.js';
import { RUST_RELEASES } from '../../src/ecosystems/rust/knowledge/versions.js';
import { ASTRO_ADAPTERS, CLIENT_ROUTERS, SERVER_BUILDERS, SERVER_PACKAGES, STATIC_FRAMEWORKS } from '../../src/ecosystems/static/knowledge/frameworks.js';
import { NODE_LINES } from '../../src/ecosystems/static/knowledge/node-lines.js';
import { LOCKFILES } from '../../src/ecosystems/static/knowledge/package-managers.js';
import { STATIC_SERVERS } from '../../src/ecosystems/static/knowledge/servers.js';

type Row = Record<string, unknown>;

/** How a table's rows are ordered. */
type Order =
  /** By key, in code-unit order (what Array.prototype.sort does). */
  | 'key'
  /** By a dotted version key, numerically: 1.9 < 1.10, 8 < 11. */
  | 'version'
  /** By the table's own comparator. */
  | { compare: (a: Row, b: Row) => number }
  /** Order carries meaning (the first match wins), so it is not a sort order; says why. */
  | { priority: string };

/** A date column: a calendar day (YYYY-MM-DD) or a month (YYYY-MM). */
type DateKind = 'day' | 'month';

interface Table {
  name: string;
  /** The exported value itself (array or record), to match it against what the modules export. */
  value: object;
  rows: readonly Row[];
  keys: readonly string[];
  order: Order;
  /** Date columns in the order they happen (a row's start comes before its end); null means none. */
  dates: ReadonlyArray<readonly [string, DateKind]>;
  /** Rows of the shared native-dependency type (src/knowledge/native-row.ts). */
  native: boolean;
}

interface Spec<T> {
  key?: (row: T) => string;
  order?: Order;
  dates?: ReadonlyArray<readonly [keyof T & string, DateKind]>;
  native?: boolean;
}

function table<T extends object>(name: string, rows: readonly T[], spec: Spec<T> = {}): Table {
  const key = spec.key ?? ((row: T) => String((row as Row).name));
  return {
    name, value: rows, rows: rows as readonly Row[], keys: rows.map(key),
    order: spec.order ?? 'key', dates: spec.dates ?? [], native: spec.native ?? false,
  };
}

/** A table kept as a record: its keys are the record's keys, so they are unique and unordered. */
function record<T extends object>(name: string, value: Readonly<Record<string, T>>): Table {
  return {
    name, value, rows: Object.values(value) as Row[], keys: Object.keys(value),
    order: { priority: 'a record: looked up by key, never scanned' }, dates: [], native: false,
  };
}

const versionParts = (v: string): number[] => v.split('.').map(Number);
function compareVersions(a: string, b: string): number {
  const [pa, pb] = [versionParts(a), versionParts(b)];
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
const codeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const lowest = (range: unknown): semver.SemVer => semver.minVersion(String(range)) ?? new semver.SemVer('0.0.0');

const TABLES: readonly Table[] = [
  table('ALPINE_NAMES', ALPINE_NAMES, { key: (r) => r.debian }),
  table('BACKING_SERVICES', BACKING_SERVICES, { key: (r) => r.id }),
  table('SERVICE_DEPENDENCIES', SERVICE_DEPENDENCIES, { key: (r) => `${r.registry} ${r.name}` }),
  table('BUN_FRAMEWORKS', BUN_FRAMEWORKS, { key: (r) => r.package, order: { priority: 'the first framework among the dependencies wins' } }),
  table('BUN_RELEASES', BUN_RELEASES, { key: (r) => r.version, order: 'version', dates: [['released', 'day'], ['end', 'day']] }),
  table('DENO_RELEASES', DENO_RELEASES, { key: (r) => r.version, order: 'version', dates: [['released', 'day']] }),
  table('SERVICE_IMAGES', SERVICE_IMAGES),
  table('STOP_SIGNALS', STOP_SIGNALS, { key: (r) => r.id }),
  table('DOTNET_RELEASES', DOTNET_RELEASES, { key: (r) => r.version, order: 'version', dates: [['released', 'day'], ['supportEnds', 'day']] }),
  table('NUGET_NATIVE', NUGET_NATIVE, { native: true }),
  table('NUGET_TRIM_AOT', NUGET_TRIM_AOT),
  table('ASPNET_AOT', ASPNET_AOT, { key: (r) => r.framework }),
  table('CREDENTIAL_FILES', CREDENTIAL_FILES, { key: (r) => r.id, order: { priority: '.dockerignore order: the last matching line wins, so a re-include follows its exclusion' } }),
  table('GO_FRAMEWORKS', GO_FRAMEWORKS, { key: (r) => r.id, order: { priority: 'the first framework among the direct requirements wins' } }),
  table('GO_MODULES', GO_MODULES, { native: true }),
  table('GO_RELEASES', GO_RELEASES, { key: (r) => r.version, order: 'version', dates: [['released', 'day']] }),
  record('FRAMEWORK_DEFAULTS', FRAMEWORK_DEFAULTS),
  record('FRAMEWORK_JVM_OPTIONS', FRAMEWORK_JVM_OPTIONS),
  table('FRAMEWORK_MARKERS', FRAMEWORK_MARKERS, { key: (r) => `${r.framework} ${r.id}` }),
  table('SPRING_BOOT_LAYERING', SPRING_BOOT_LAYERING, {
    key: (r) => r.range,
    // Newest first: the first row is the current line, used for versions it cannot read.
    order: { compare: (a, b) => semver.compare(lowest(b.range), lowest(a.range)) },
  }),
  table('FRAMEWORK_JAVA_SUPPORT', FRAMEWORK_JAVA_SUPPORT, {
    key: (r) => `${r.framework} ${r.range}`,
    // By framework, then oldest line first.
    order: { compare: (a, b) => codeUnits(String(a.framework), String(b.framework)) || semver.compare(lowest(a.range), lowest(b.range)) },
  }),
  table('GRADLE_JAVA_SUPPORT', GRADLE_JAVA_SUPPORT, { key: (r) => r.java, order: 'version' }),
  table('JAVA_NATIVE', JAVA_NATIVE, { native: true }),
  table('JAVA_RELEASES', JAVA_RELEASES, { key: (r) => r.version, order: 'version', dates: [['released', 'day'], ['supportEnds', 'day']] }),
  table('DISTROLESS_JAVA', DISTROLESS_JAVA, { key: (r) => r.version, order: 'version' }),
  table('NODE_FRAMEWORKS', NODE_FRAMEWORKS, { key: (r) => r.id, order: { priority: 'meta-frameworks come before the servers they are built on' } }),
  table('NODE_CLIS', NODE_CLIS, { key: (r) => r.command }),
  table('NODE_STATIC_BUILDERS', NODE_STATIC_BUILDERS, { key: (r) => r.package }),
  table('NODE_DEV_PRELOADS', NODE_DEV_PRELOADS, { key: (r) => r.module }),
  table('NODE_ENV_LOADERS', NODE_ENV_LOADERS, { key: (r) => r.command }),
  table('NODE_PROCESS_MANAGERS', NODE_PROCESS_MANAGERS, { key: (r) => r.command }),
  table('NODE_BUILD_TOOLS', NODE_BUILD_TOOLS, { key: (r) => r.command }),
  table('PHP_ASSET_BUILDERS', PHP_ASSET_BUILDERS, { key: (r) => r.package }),
  table('PHP_BUILD_STEPS', PHP_BUILD_STEPS, { key: (r) => r.package, order: { priority: 'run in this order: Sass and Tailwind write assets/ before AssetMapper copies it' } }),
  table('PHP_BUNDLED_EXTENSIONS', PHP_BUNDLED_EXTENSIONS),
  table('PHP_EXTENSIONS', PHP_EXTENSIONS, { native: true }),
  table('PHP_FRAMEWORKS', PHP_FRAMEWORKS, { key: (r) => r.package, order: { priority: 'the first framework among the locked packages wins' } }),
  table('PHP_RELEASES', PHP_RELEASES, { key: (r) => r.version, order: 'version', dates: [['released', 'day'], ['end', 'day']] }),
  table('PHP_SERVER_MARKERS', PHP_SERVER_MARKERS, { key: (r) => r.package, order: { priority: 'Octane is looked for before FrankenPHP on its own' } }),
  table('NODE_REMOVED_SYNTAX', NODE_REMOVED_SYNTAX, { key: (r) => r.id }),
  table('NX_BUILD_EXECUTORS', NX_BUILD_EXECUTORS, { key: (r) => r.executor }),
  table('NPM_NATIVE', NPM_NATIVE, {
    key: (r) => `${r.name}@${r.versions}`,
    // By package name, then by version range, oldest first.
    order: { compare: (a, b) => codeUnits(String(a.name), String(b.name)) || semver.compare(lowest(a.versions), lowest(b.versions)) },
    native: true,
  }),
  table('NPM_BUILD_TIME_NATIVE', NPM_BUILD_TIME_NATIVE, { native: true }),
  table('NPM_INSTALL_SCRIPT_IGNORE', NPM_INSTALL_SCRIPT_IGNORE, { native: true }),
  table('NODE_RELEASES', NODE_RELEASES, { key: (r) => String(r.major), order: 'version', dates: [['start', 'day'], ['lts', 'day'], ['end', 'day']] }),
  table('PYPI_NATIVE', PYPI_NATIVE, { native: true }),
  record('PYTHON_SERVER_ENV', PYTHON_SERVER_ENV),
  record('ADDED_SERVERS', ADDED_SERVERS),
  table('PYTHON_SUPPORT', PYTHON_SUPPORT, {
    key: (r) => `${r.name} ${r.python}`,
    // By package, then by Python minor, oldest first.
    order: { compare: (a, b) => codeUnits(String(a.name), String(b.name)) || compareVersions(String(a.python), String(b.python)) },
  }),
  table('PYTHON_TOOLS', PYTHON_TOOLS),
  table('PYTHON_DEV_TOOLS', PYTHON_DEV_TOOLS),
  table('PYTHON_RELEASES', PYTHON_RELEASES, { key: (r) => r.minor, order: 'version', dates: [['released', 'day'], ['endOfLife', 'month']] }),
  table('RUBY_CAPS', RUBY_CAPS, { key: (r) => `${r.name} ${r.below}` }),
  table('RUBY_FRAMEWORKS', RUBY_FRAMEWORKS, { key: (r) => r.id, order: { priority: 'the first framework among the production gems wins (Rails before the Rack frameworks it bundles)' } }),
  table('RUBY_NATIVE_GEMS', RUBY_NATIVE_GEMS, { native: true }),
  table('RUBY_RELEASES', RUBY_RELEASES, { key: (r) => r.minor, order: 'version', dates: [['released', 'day'], ['endOfLife', 'day']] }),
  table('RUST_CRATES', RUST_CRATES, { native: true }),
  table('RUST_OPTIONAL_EDGES', RUST_OPTIONAL_EDGES),
  table('RUST_FRAMEWORKS', RUST_FRAMEWORKS, { key: (r) => r.id, order: { priority: 'the first framework among the dependencies wins' } }),
  table('RUST_RELEASES', RUST_RELEASES, { key: (r) => r.version, order: 'version', dates: [['released', 'day']] }),
  table('STATIC_FRAMEWORKS', STATIC_FRAMEWORKS, { key: (r) => r.id, order: { priority: 'meta-frameworks come before the bundler they are built on' } }),
  table('CLIENT_ROUTERS', CLIENT_ROUTERS, { key: (r) => r.package }),
  table('ASTRO_ADAPTERS', ASTRO_ADAPTERS, { key: (r) => r.package }),
  table('SERVER_BUILDERS', SERVER_BUILDERS, { key: (r) => r.package }),
  table('SERVER_PACKAGES', SERVER_PACKAGES, { key: (r) => r.package }),
  table('STATIC_SERVERS', STATIC_SERVERS),
  table('NODE_LINES (static builder)', NODE_LINES, { key: (r) => String(r.major), order: 'version', dates: [['start', 'day'], ['lts', 'day'], ['end', 'day']] }),
  table('LOCKFILES (static)', LOCKFILES, { key: (r) => r.file, order: { priority: 'the first lockfile present decides the package manager' } }),
];

/** Aggregators and Q&A sites restate facts; a table cites the page that states them first. */
const SECONDARY_HOSTS = ['endoflife.date', 'stackoverflow.com', 'medium.com', 'dev.to', 'gist.github.com'];

/** Why `text` is not a primary https URL, or null when it is one. */
function notPrimaryUrl(text: unknown): string | null {
  if (typeof text !== 'string' || text === '') return 'missing';
  if (/\s/.test(text)) return `"${text}" has spaces: one URL, with any remark in a comment`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `"${text}" is not a URL`;
  }
  if (url.protocol !== 'https:') return `"${text}" is not https`;
  if (SECONDARY_HOSTS.some((host) => url.hostname === host || url.hostname.endsWith(`.${host}`))) return `"${text}" is a secondary source`;
  return null;
}

const ISO_DATE_LIKE = /^\d{4}-\d{2}(-\d{2})?$/;

/** The day a date column stands for (a month stands for its first day); null when invalid. */
function dateOf(value: string, kind: DateKind): Date | null {
  if (kind === 'day') return parseDay(value);
  return /^\d{4}-\d{2}$/.test(value) ? parseDay(`${value}-01`) : null;
}

/** Neighbouring rows in the wrong order, as "key > next key"; empty when the table is sorted. */
function outOfOrder(t: Table): string[] {
  const { order } = t;
  if (typeof order === 'object' && 'priority' in order) return [];
  const compare = (i: number, j: number): number => {
    if (order === 'key') return codeUnits(t.keys[i]!, t.keys[j]!);
    if (order === 'version') return compareVersions(t.keys[i]!, t.keys[j]!);
    return order.compare(t.rows[i]!, t.rows[j]!);
  };
  return t.rows.flatMap((_, i) => (i > 0 && compare(i - 1, i) > 0 ? [`${t.keys[i - 1]} > ${t.keys[i]}`] : []));
}

describe('knowledge tables', () => {
  it.each(TABLES.map((t) => [t.name, t] as const))('%s: rows sorted by key, keys unique', (_name, t) => {
    expect(t.rows.length).toBeGreaterThan(0);
    expect(outOfOrder(t), 'rows out of order').toEqual([]);
    const seen = new Set<string>();
    const duplicates = t.keys.filter((k) => seen.size === seen.add(k).size);
    expect(duplicates, 'duplicate keys').toEqual([]);
  });

  it.each(TABLES.map((t) => [t.name, t] as const))('%s: every row cites a primary https source', (_name, t) => {
    const problems: string[] = [];
    t.rows.forEach((row, i) => {
      const problem = notPrimaryUrl(row.source);
      if (problem) problems.push(`${t.keys[i]}: source ${problem}`);
      const seeAlso = row.seeAlso;
      if (seeAlso !== undefined) {
        if (!Array.isArray(seeAlso)) problems.push(`${t.keys[i]}: seeAlso is not a list`);
        else for (const extra of seeAlso) {
          const bad = notPrimaryUrl(extra);
          if (bad) problems.push(`${t.keys[i]}: seeAlso ${bad}`);
        }
      }
      if (t.native && (typeof row.note !== 'string' || row.note.trim() === '')) problems.push(`${t.keys[i]}: no note`);
    });
    expect(problems).toEqual([]);
  });

  it.each(TABLES.map((t) => [t.name, t] as const))('%s: dates are valid ISO dates, in order within a row', (_name, t) => {
    const problems: string[] = [];
    const columns = new Map(t.dates);
    t.rows.forEach((row, i) => {
      // A date-looking value in a column the table does not declare would escape the checks below.
      for (const [column, value] of Object.entries(row)) {
        if (typeof value === 'string' && ISO_DATE_LIKE.test(value) && !columns.has(column)) problems.push(`${t.keys[i]}: ${column} looks like a date but is not declared`);
      }
      let previous: Date | null = null;
      for (const [column, kind] of t.dates) {
        const value = row[column];
        if (value === null) continue; // not applicable (an odd Node line never becomes LTS)
        const date = typeof value === 'string' ? dateOf(value, kind) : null;
        if (date === null) {
          problems.push(`${t.keys[i]}: ${column} "${String(value)}" is not a ${kind === 'day' ? 'YYYY-MM-DD day' : 'YYYY-MM month'}`);
          continue;
        }
        if (previous !== null && date < previous) problems.push(`${t.keys[i]}: ${column} comes before the previous date`);
        previous = date;
      }
    });
    expect(problems).toEqual([]);
  });

  it('covers every table the knowledge modules export, and only those', async () => {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const ecosystems = readdirSync(join(root, 'src/ecosystems')).map((e) => `src/ecosystems/${e}/knowledge`);
    const files = ['src/knowledge', ...ecosystems]
      .filter((dir) => existsSync(join(root, dir)))
      .flatMap((dir) => readdirSync(join(root, dir)).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')).map((f) => `${dir}/${f}`));
    expect(files.length).toBeGreaterThan(10);

    const covered = new Set<object>(TABLES.map((t) => t.value));
    const exported = new Set<unknown>();
    const uncovered: string[] = [];
    for (const file of files) {
      const module = (await import(pathToFileURL(join(root, file)).href)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(module)) {
        exported.add(value);
        if (isTable(value) && !covered.has(value)) uncovered.push(`${file} ${name}`);
      }
    }
    expect(uncovered, 'tables missing from TABLES in test/unit/knowledge-tables.test.ts').toEqual([]);
    expect(TABLES.filter((t) => !exported.has(t.value)).map((t) => t.name), 'TABLES entries no knowledge module exports').toEqual([]);
  });
});

/** An array of rows (objects), or a record whose values are all rows with a string `source`. */
function isTable(value: unknown): value is object {
  const isRow = (v: unknown): v is Row => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (Array.isArray(value)) return value.length > 0 && value.every(isRow);
  if (!isRow(value) || Object.getPrototypeOf(value) !== Object.prototype) return false;
  const values = Object.values(value);
  return values.length > 0 && values.every((v) => isRow(v) && typeof v.source === 'string');
}
