// Which production dependencies carry compiled code or need OS packages, from the lockfile (or
// package.json when there is none) and the knowledge table in ../knowledge/npm-native.ts.
// Shared by every ecosystem that installs from the npm registry (Node, Bun): it lives outside
// src/ecosystems/ because ecosystems must not import each other (test/unit/architecture.test.ts).
// Packages the table does not know count only when something says they build native code: an
// install-script marker in the lockfile, or, when node_modules exists, the package's own
// package.json (gypfile, install scripts) or a binding.gyp. Nothing walks node_modules.
import * as semver from '../semver.js';
import {
  buildTimeNative,
  findNativeRow,
  ignoredInstallScript,
  UNKNOWN_NATIVE,
  type NpmNativeRow,
} from '../knowledge/npm-native.js';
import type { Project } from '../project.js';
import type { NativeDependency } from '../types.js';
import { isRecord, stringEntries } from './lockfiles-common.js';
import { readLockfile, type LockedPackage } from './lockfiles.js';

export interface NativeInput {
  /** The lockfile, relative to the project root, or null. */
  lockfile: string | null;
  manifest: Record<string, unknown>;
  /** For an app of a monorepo, its folder (root-relative): only what its own install reaches counts. */
  workspace?: string;
}

export interface NativeAnalysis {
  dependencies: NativeDependency[];
  /** Things the user should know (a binary lockfile that could not be read). */
  warnings: string[];
}

export function detectNativeDependencies(project: Project, input: NativeInput): NativeDependency[] {
  return analyzeNativeDependencies(project, input).dependencies;
}

/** A production package to classify; version null when only a package.json range is known. */
interface Candidate {
  name: string;
  version: string | null;
  /** Version used to pick the table row: the locked one, or the lowest the range allows. */
  rowVersion: string | null;
  /** package.json's range, whose lowest version picks the row (worked out only when a row exists). */
  range?: string;
  marker: boolean;
}

export function analyzeNativeDependencies(project: Project, input: NativeInput): NativeAnalysis {
  const warnings: string[] = [];
  let candidates: Candidate[];
  let source: string;
  let recordsInstallScripts = false;
  const contents = input.lockfile ? readLockfile(project, input.lockfile, input.manifest) : null;
  if (input.lockfile && contents !== null) {
    // Another app's native packages are not in this app's image, and must not choose its base.
    const production = input.workspace === undefined ? null : (contents.productionOf?.(input.workspace) ?? null);
    candidates = production === null ? fromLockfile(contents.packages) : fromLockfile(production, true);
    recordsInstallScripts = contents.recordsInstallScripts;
    source = input.lockfile;
  } else {
    if (input.lockfile?.endsWith('.lockb')) {
      warnings.push(
        `${input.lockfile} is binary and cannot be read, so native dependencies were looked for only among ` +
          "package.json's direct dependencies; run `bun install --save-text-lockfile` to write bun.lock and get a complete check.",
      );
    } else if (input.lockfile) {
      warnings.push(`${input.lockfile} was not found; native dependencies were looked for only among package.json's direct dependencies.`);
    }
    candidates = fromManifest(input.manifest);
    source = 'package.json';
  }

  const found = new Map<string, NativeDependency>();
  const installed = new InstalledNames(project);
  for (const candidate of candidates) {
    const key = `${candidate.name}@${candidate.version ?? ''}`;
    if (found.has(key) || buildTimeNative(candidate.name)) continue;
    let row = findNativeRow(candidate.name, candidate.rowVersion);
    // The range's lowest version only for a package the table knows: parsing 200,000 ranges of a
    // hostile package.json for nothing took seconds.
    if (row && candidate.range !== undefined) row = findNativeRow(candidate.name, lowestVersion(candidate.range));
    if (row) {
      if (row.delivery !== 'none') found.set(key, fromRow(row, candidate, source));
      continue;
    }
    if (ignoredInstallScript(candidate.name)) continue;
    const marked = candidate.marker || (!recordsInstallScripts && installedPackageBuilds(project, candidate.name, installed));
    if (marked) found.set(key, unknownNative(candidate, source));
  }
  const dependencies = [...found.values()].sort(
    (a, b) => compare(a.name, b.name) || compare(a.version ?? '', b.version ?? ''),
  );
  return { dependencies, warnings };
}

/** @param production every package is one the image installs (npm's dev flags are for the whole repository) */
function fromLockfile(packages: LockedPackage[], production = false): Candidate[] {
  return packages
    .filter((p) => production || !p.dev)
    .map((p) => ({
      name: p.name,
      version: p.version || null,
      rowVersion: p.version || null,
      marker: p.hasInstallScript === true || p.gypfile === true,
    }));
}

function fromManifest(manifest: Record<string, unknown>): Candidate[] {
  const out: Candidate[] = [];
  for (const field of ['dependencies', 'optionalDependencies', 'peerDependencies']) {
    for (const [name, range] of stringEntries(manifest[field])) {
      out.push({ name, version: null, rowVersion: null, range, marker: false });
    }
  }
  return out;
}

/** "^0.32.1" -> "0.32.1"; null for tags, URLs and other non-ranges. */
function lowestVersion(range: string): string | null {
  try {
    return semver.validRange(range) ? (semver.minVersion(range)?.version ?? null) : null;
  } catch {
    return null;
  }
}

/**
 * The names in node_modules (and its @scope folders), listed once: one stat per dependency of a
 * package.json with 200,000 of them took seconds, and most projects have no node_modules at all.
 */
class InstalledNames {
  private readonly folders = new Map<string, Set<string>>();

  constructor(private readonly project: Project) {}

  has(name: string): boolean {
    const slash = name.startsWith('@') ? name.indexOf('/') : -1;
    const folder = slash < 0 ? 'node_modules' : `node_modules/${name.slice(0, slash)}`;
    let names = this.folders.get(folder);
    if (!names) {
      names = new Set(this.project.list(folder));
      this.folders.set(folder, names);
    }
    return names.has(slash < 0 ? name : name.slice(slash + 1));
  }
}

/**
 * For an unknown package: does its installed copy build native code? Reads only
 * node_modules/<name>/package.json and checks for node_modules/<name>/binding.gyp.
 */
function installedPackageBuilds(project: Project, name: string, installed: InstalledNames): boolean {
  const dir = `node_modules/${name}`;
  if (!installed.has(name) || !project.isDir(dir)) return false;
  if (project.isFile(`${dir}/binding.gyp`)) return true;
  let manifest: unknown;
  try {
    manifest = project.readJson(`${dir}/package.json`);
  } catch {
    return false; // a broken installed copy says nothing about the lockfile's package
  }
  if (!isRecord(manifest)) return false;
  if (manifest.gypfile === true) return true;
  const scripts = isRecord(manifest.scripts) ? manifest.scripts : {};
  return ['preinstall', 'install', 'postinstall'].some((s) => typeof scripts[s] === 'string');
}

function fromRow(row: NpmNativeRow, candidate: Candidate, source: string): NativeDependency {
  return {
    name: candidate.name,
    version: candidate.version,
    glibcOnly: row.glibcOnly,
    build: { debian: [...row.build.debian], alpine: [...row.build.alpine] },
    runtime: { debian: [...row.runtime.debian], alpine: [...row.runtime.alpine] },
    blocksDistroless: row.blocksDistroless,
    ...(row.env ? { env: row.env } : {}),
    note: row.note,
    source,
    reference: row.source,
  };
}

function unknownNative(candidate: Candidate, source: string): NativeDependency {
  return {
    name: candidate.name,
    version: candidate.version,
    glibcOnly: UNKNOWN_NATIVE.glibcOnly,
    build: { debian: [...UNKNOWN_NATIVE.build.debian], alpine: [...UNKNOWN_NATIVE.build.alpine] },
    runtime: { debian: [], alpine: [] },
    blocksDistroless: null,
    note: UNKNOWN_NATIVE.note,
    source,
    reference: UNKNOWN_NATIVE.reference,
  };
}

/**
 * Native dependencies whose binary comes from an install script (delivery classes C, D, E and
 * unknown packages found by an install-script marker) that package.json `allowScripts` does not
 * allow: under npm 12 their scripts do not run, so the lead can warn and suggest
 * `npm install-scripts approve <name>` (the command npm 11.19 prints; `npm approve-scripts` is its
 * alias: https://docs.npmjs.com/cli/v12/commands/npm-install-scripts).
 */
export function packagesNeedingInstallScripts(
  deps: NativeDependency[],
  manifest: Record<string, unknown>,
): NativeDependency[] {
  const allow = isRecord(manifest.allowScripts) ? manifest.allowScripts : {};
  return deps.filter((dep) => {
    const row = findNativeRow(dep.name, dep.version);
    const needs = row ? row.needsInstallScript : dep.reference === UNKNOWN_NATIVE.reference;
    return needs && !scriptsAllowed(allow, dep);
  });
}

/**
 * allowScripts maps "name" or "name@version-or-range" to true (allowed) or false (denied); a
 * denial that matches wins over an approval.
 */
function scriptsAllowed(allow: Record<string, unknown>, dep: NativeDependency): boolean {
  let allowed = false;
  for (const [key, value] of Object.entries(allow)) {
    const at = key.indexOf('@', 1);
    const name = at === -1 ? key : key.slice(0, at);
    if (name !== dep.name) continue;
    const spec = at === -1 ? null : key.slice(at + 1);
    if (spec !== null && dep.version !== null && semver.valid(dep.version)) {
      if (!semver.validRange(spec) || !semver.satisfies(dep.version, spec, { includePrerelease: true })) continue;
    }
    if (value === false) return false;
    if (value === true) allowed = true;
  }
  return allowed;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
