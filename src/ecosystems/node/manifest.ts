// package.json, read once and checked field by field: Project.readJson already rejects invalid
// JSON (with file and line); here a valid JSON file with the wrong shapes is rejected with the
// field named, so later detectors can trust the types.
import type { Project } from '../../project.js';
import { UserError } from '../../errors.js';

export interface PackageJson {
  /** The parsed object, untouched (handed to the native-dependency detector). */
  raw: Record<string, unknown>;
  main: string | null;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  enginesNode: string | null;
  voltaNode: string | null;
  packageManager: string | null;
  /** npm/yarn/bun "workspaces": the folder is a monorepo root. */
  workspaces: boolean;
}

const FILE = 'package.json';

export function readPackageJson(project: Project): PackageJson {
  const raw = project.readJson(FILE);
  if (raw === null) throw new UserError(`${FILE} not found in ${project.root}; this does not look like a Node.js project.`);
  if (!isObject(raw)) throw new UserError(`${FILE} must contain a JSON object, but it holds ${describe(raw)}. Fix the file and run again.`);
  const engines = optionalObject(raw, 'engines');
  const volta = optionalObject(raw, 'volta');
  return {
    raw,
    main: optionalString(raw, 'main', 'main'),
    scripts: stringMap(raw, 'scripts'),
    dependencies: stringMap(raw, 'dependencies'),
    devDependencies: stringMap(raw, 'devDependencies'),
    enginesNode: engines ? optionalString(engines, 'node', 'engines.node') : null,
    voltaNode: volta ? optionalString(volta, 'node', 'volta.node') : null,
    packageManager: optionalString(raw, 'packageManager', 'packageManager'),
    workspaces: raw.workspaces !== undefined,
  };
}

/** Is the package a dependency of any kind (production or development)? */
export function hasDependency(pkg: PackageJson, name: string): boolean {
  return name in pkg.dependencies || name in pkg.devDependencies;
}

/** The version range the manifest declares for a package, or null. */
export function declaredRange(pkg: PackageJson, name: string): string | null {
  return pkg.dependencies[name] ?? pkg.devDependencies[name] ?? null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

function optionalObject(raw: Record<string, unknown>, field: string): Record<string, unknown> | null {
  const value = raw[field];
  if (value === undefined) return null;
  if (!isObject(value)) throw new UserError(`${FILE} field "${field}" must be an object, but it is ${describe(value)}. Fix the file and run again.`);
  return value;
}

function optionalString(raw: Record<string, unknown>, key: string, field: string): string | null {
  const value = raw[key];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new UserError(`${FILE} field "${field}" must be a string, but it is ${describe(value)}. Fix the file and run again.`);
  return value;
}

function stringMap(raw: Record<string, unknown>, field: string): Record<string, string> {
  const value = optionalObject(raw, field);
  if (value === null) return {};
  // Checked in place and returned as is (JSON.parse made a fresh object): copying a map of
  // 200,000 dependencies key by key cost seconds.
  for (const key of Object.keys(value)) {
    const item = value[key];
    if (typeof item !== 'string') {
      throw new UserError(`${FILE} field "${field}.${key}" must be a string, but it is ${describe(item)}. Fix the file and run again.`);
    }
  }
  return value as Record<string, string>;
}
