// Which JavaScript runtime a package.json is run by. Node and Bun both read package.json, so both
// recognize the folder; this one rule, shared by both (ecosystems may not import each other), says
// when the project is a Bun app: Bun recognizes it, and Node's `tooling()` steps aside with the
// evidence as its reason, so the detect step (src/detect/index.ts chooseEcosystem) picks Bun and
// --explain says why. A registry order would decide silently; a Node `recognizes` that says no would
// hide Node from the "several ecosystems here" question, where --language node is still an answer.
import type { Project } from '../project.js';

/** Lockfiles of the package managers that run on Node; Bun also reads package-lock.json. */
const OTHER_LOCKFILES = ['package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml'];
export const BUN_LOCKFILES = ['bun.lock', 'bun.lockb'];

/** Bun's type library: https://bun.com/docs/typescript (bun init adds @types/bun; bun-types is the older name). */
const BUN_TYPES = ['@types/bun', 'bun-types'];

/** The scripts that say how the app starts in production, in the order Node's start detection reads them. */
const START_SCRIPTS = ['start:prod', 'start', 'serve'];

/** A command that runs the bun (or bunx) executable first, after any VAR=value assignments. */
const RUNS_BUN = /^\s*(?:[A-Za-z_][A-Za-z0-9_]*=\S*\s+)*bunx?(?:\s|$)/;
const RUNS_NODE = /^\s*(?:[A-Za-z_][A-Za-z0-9_]*=\S*\s+)*(?:node|nodemon|ts-node|tsx|pm2)(?:\s|$)/;

/**
 * Why this package.json is run by Bun, or null when nothing says so (then it is Node's, also when
 * bun only installs it). Evidence, strongest first: a start script that runs `bun`; the
 * `packageManager` or `engines.bun` fields, or a .bun-version file; a Bun lockfile that is the only lockfile together with
 * Bun's type library (`bun init` adds @types/bun), unless the start script runs node. A Bun lockfile
 * alone only says bun installs the packages: a Next.js app installed with bun still runs on Node.
 */
export function bunRuntimeEvidence(project: Project): string | null {
  if (!project.isFile('package.json')) return null;
  let raw: unknown;
  try {
    raw = project.readJson('package.json');
  } catch {
    return null; // a malformed manifest is the detector's to report
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return null;
  const pkg = raw as Record<string, unknown>;
  const scripts = record(pkg.scripts);
  const startName = START_SCRIPTS.find((name) => typeof scripts[name] === 'string');
  const start = startName === undefined ? null : (scripts[startName] as string);
  if (start !== null && RUNS_BUN.test(start)) return `package.json scripts.${startName} runs bun ("${start.slice(0, 60)}")`;
  if (start !== null && RUNS_NODE.test(start)) return null;
  if (typeof pkg.packageManager === 'string' && pkg.packageManager.startsWith('bun@')) return `package.json packageManager is ${pkg.packageManager.slice(0, 40)}`;
  if (typeof record(pkg.engines).bun === 'string') return 'package.json engines.bun names a Bun version';
  if (project.isFile('.bun-version')) return '.bun-version names a Bun version';
  const bunLock = BUN_LOCKFILES.find((file) => project.isFile(file));
  const types = BUN_TYPES.find((name) => name in record(pkg.devDependencies) || name in record(pkg.dependencies));
  if (bunLock !== undefined && types !== undefined && !OTHER_LOCKFILES.some((file) => project.isFile(file))) {
    return `${bunLock} is the only lockfile and package.json depends on ${types}`;
  }
  return null;
}

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
