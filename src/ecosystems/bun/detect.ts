// Bun detection: small questions answered from package.json, the lockfile, the version files and
// the entry source, each answer with its source. Pure over the Project view.
import * as semver from '../../semver.js';
import type { DetectOptions } from '../../ecosystem.js';
import type { Project } from '../../project.js';
import { UserError } from '../../errors.js';
import { parseCommand } from '../../detect/command.js';
import { analyzeNativeDependencies } from '../../npm/native.js';
import { BUN_LOCKFILES, bunRuntimeEvidence } from '../../npm/runtime.js';
import { findNativeRow, NPM_NATIVE, UNKNOWN_NATIVE } from '../../knowledge/npm-native.js';
import { envSetting, lineOf } from '../../detect/port.js';
import type { Fact, NativeDependency, PortSetting, RuntimeRequirement, StartCommand } from '../../types.js';
import { BUN_FRAMEWORKS, BUN_SERVE_DEFAULT_PORT } from './knowledge/frameworks.js';
import type { BunFacts } from './types.js';

export function recognizesBun(project: Project): boolean {
  return bunRuntimeEvidence(project) !== null;
}

/**
 * Why this Bun package.json only serves another ecosystem's app (it runs tooling, not a server), or
 * null: it is tooling when nothing says how it would start (no production start script, no
 * module/main file, no entry file bun init writes).
 */
export function bunTooling(project: Project): string | null {
  let pkg: Manifest;
  try {
    pkg = readManifest(project);
  } catch {
    return null; // a malformed manifest is the detector's to report
  }
  try {
    detectStart(project, pkg, false);
    return null;
  } catch {
    return 'the Bun package.json has no production start script and no entry file, so it runs tooling';
  }
}

/** The scripts that say how the app starts in production, first found wins. */
const START_SCRIPTS = ['start:prod', 'start', 'serve'];
/** Flags for development only: reload on change. https://bun.com/docs/runtime/hot */
const DEV_FLAGS = new Set(['--watch', '--hot', '--no-clear-screen']);
const SOURCE = /\.(?:[cm]?[jt]sx?)$/;
/** Entry files `bun init` and the framework templates write, in the order tried. */
const ENTRY_FILES = ['index.ts', 'src/index.ts', 'server.ts', 'src/server.ts', 'app.ts', 'src/app.ts', 'index.js', 'src/index.js', 'server.js'];
/** Folders an app commonly reads at run time (static files, templates). */
const ASSET_DIRS = ['public', 'static', 'views', 'templates'];

interface Manifest {
  raw: Record<string, unknown>;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}

export function detectBun(project: Project, options: DetectOptions): BunFacts {
  const pkg = readManifest(project);
  const warnings: string[] = [];
  if (pkg.raw.workspaces !== undefined) {
    throw new UserError('This is a Bun workspace root (package.json "workspaces"); Bun monorepos are not supported yet. Run the tool in a package folder that installs on its own.');
  }
  if (options.packageManager !== undefined && options.packageManager !== 'bun') {
    throw new UserError(`--package-manager ${options.packageManager}: a Bun app installs with bun. Pass --language node to build it for Node.js instead.`);
  }

  const lock = detectLockfile(project, warnings);
  const runtime = detectVersion(project, pkg);
  const start = detectStart(project, pkg, options.cmd !== undefined);
  warnings.push(...start.warnings);
  const entry = start.entry;
  const entrySource = entry !== null && project.isFile(entry) ? (project.readText(entry) ?? '') : '';
  const framework = detectFramework(pkg);
  const { port, setting: portSetting } = detectPort(entry, entrySource, framework);

  const native = analyzeNativeDependencies(project, { lockfile: lock.file, manifest: pkg.raw });
  warnings.push(...native.warnings);
  const untrusted = needsTrust(native.dependencies, pkg.raw);
  if (untrusted.length > 0) {
    warnings.push(
      `${untrusted.join(', ')} ${untrusted.length > 1 ? 'get their binaries' : 'gets its binary'} from an install script, which bun runs only for packages in package.json ` +
        `"trustedDependencies" or on its default list (https://bun.com/docs/install/lifecycle). Run \`bun pm trust ${untrusted.join(' ')}\` if the image fails with a missing module.`,
    );
  }

  const buildScript = typeof pkg.scripts.build === 'string' ? 'build' : null;
  const assets = ASSET_DIRS.filter((dir) => project.isDir(dir));
  const compile = compileVerdict(entry, start.start.value, native.dependencies, buildScript, framework.value);

  return {
    language: 'bun',
    packageManager: { value: 'bun', source: lock.file ?? 'package.json' },
    framework: { value: framework.value, source: framework.source },
    runtime,
    port,
    portSetting,
    start: start.start,
    nativeDependencies: native.dependencies,
    dependencies: Object.keys({ ...pkg.dependencies, ...record(pkg.raw.optionalDependencies) }).sort().map((name) => ({ registry: 'npm', name, source: 'package.json' })),
    warnings,
    lockfile: lock.file,
    frozen: lock.frozen,
    installFiles: ['package.json', ...(lock.file !== null ? [lock.file] : []), ...(project.isFile('bunfig.toml') ? ['bunfig.toml'] : [])],
    hasProductionDependencies: Object.keys(pkg.dependencies).length > 0 || Object.keys(record(pkg.raw.optionalDependencies)).length > 0,
    buildScript,
    entry,
    compile,
    assets,
  };
}

function readManifest(project: Project): Manifest {
  const raw = project.readJson('package.json');
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new UserError('package.json must contain a JSON object. Fix the file and run again.');
  }
  const obj = raw as Record<string, unknown>;
  for (const field of ['scripts', 'dependencies', 'devDependencies', 'engines']) {
    const value = obj[field];
    if (value !== undefined && (value === null || typeof value !== 'object' || Array.isArray(value))) {
      throw new UserError(`package.json "${field}" must be an object. Fix the file and run again.`);
    }
  }
  return { raw: obj, scripts: strings(obj.scripts), dependencies: strings(obj.dependencies), devDependencies: strings(obj.devDependencies) };
}

/**
 * bun.lock (text, Bun 1.2+) or bun.lockb (binary) install frozen. Without either, bun migrates a
 * package-lock.json on its first install (https://bun.com/docs/install/lockfile#migrate), which
 * cannot be frozen; with no lockfile at all the install resolves anew.
 */
function detectLockfile(project: Project, warnings: string[]): { file: string | null; frozen: boolean } {
  const own = BUN_LOCKFILES.find((file) => project.isFile(file));
  if (own !== undefined) return { file: own, frozen: true };
  if (project.isFile('package-lock.json')) {
    warnings.push('There is no bun.lock, only package-lock.json, which bun converts on install; the install cannot be frozen. Run `bun install` and commit bun.lock for reproducible images.');
    return { file: 'package-lock.json', frozen: false };
  }
  warnings.push('There is no lockfile, so every build resolves dependencies anew. Run `bun install` and commit bun.lock.');
  return { file: null, frozen: false };
}

/** .bun-version and packageManager pin one version; engines.bun is a range; .tool-versions pins. */
export function detectVersion(project: Project, pkg: Pick<Manifest, 'raw'>): RuntimeRequirement {
  const file = project.readText('.bun-version')?.trim().replace(/^v/, '');
  if (file && semver.valid(file)) return { constraint: file, pinned: true, source: '.bun-version' };
  const tools = /^bun\s+v?(\d+\.\d+\.\d+)\s*$/m.exec(project.readText('.tool-versions') ?? '');
  if (tools) return { constraint: tools[1]!, pinned: true, source: '.tool-versions' };
  const pm = typeof pkg.raw.packageManager === 'string' ? /^bun@(\d+\.\d+\.\d+)(?:\+.*)?$/.exec(pkg.raw.packageManager) : null;
  if (pm) return { constraint: pm[1]!, pinned: true, source: 'package.json packageManager' };
  const engines = record(pkg.raw.engines).bun;
  if (typeof engines === 'string' && semver.validRange(engines)) return { constraint: engines, pinned: false, source: 'package.json engines.bun' };
  return { constraint: null, pinned: false, source: 'default' };
}

interface StartFacts {
  start: Fact<StartCommand>;
  entry: string | null;
  warnings: string[];
}

/** The production start: a start script (dev flags dropped), else package.json module/main, else an entry file `bun init` writes. */
export function detectStart(project: Project, pkg: Manifest, cmdGiven: boolean): StartFacts {
  const warnings: string[] = [];
  const name = START_SCRIPTS.find((s) => typeof pkg.scripts[s] === 'string');
  if (name !== undefined) {
    const source = `package.json scripts.${name}`;
    let command = parseCommand(pkg.scripts[name]!);
    // `bun run <script>` names another script: follow it once.
    if (command.kind === 'exec' && command.argv[0] === 'bun' && command.argv[1] === 'run' && command.argv.length === 3 && typeof pkg.scripts[command.argv[2]!] === 'string') {
      command = parseCommand(pkg.scripts[command.argv[2]!]!);
    }
    if (command.kind === 'exec' && command.argv[0] === 'bun') {
      const dropped = command.argv.filter((a) => DEV_FLAGS.has(a));
      let argv = command.argv.filter((a) => !DEV_FLAGS.has(a));
      if (argv[1] === 'run' && argv[2] !== undefined && SOURCE.test(argv[2])) argv = ['bun', ...argv.slice(2)];
      if (dropped.length > 0) warnings.push(`${source} runs bun with ${dropped.join(' ')}, a development flag that reloads on change; the image runs "${argv.join(' ')}" instead.`);
      const entry = argv[1] !== undefined && SOURCE.test(argv[1]) ? argv[1] : null;
      return { start: { value: { kind: 'exec', argv }, source }, entry, warnings };
    }
    return { start: { value: command, source }, entry: null, warnings };
  }
  for (const field of ['module', 'main']) {
    const value = pkg.raw[field];
    if (typeof value === 'string' && SOURCE.test(value) && project.isFile(value)) {
      const entry = value.replace(/^\.\//, '');
      return { start: { value: { kind: 'exec', argv: ['bun', entry] }, source: `package.json ${field}` }, entry, warnings };
    }
  }
  const found = ENTRY_FILES.find((file) => project.isFile(file));
  if (found !== undefined) return { start: { value: { kind: 'exec', argv: ['bun', found] }, source: `${found} (the entry file bun init writes)` }, entry: found, warnings };
  if (cmdGiven) return { start: { value: { kind: 'exec', argv: ['bun', 'start'] }, source: 'default' }, entry: null, warnings };
  throw new UserError(
    'Could not tell how this Bun app starts: no start script (scripts.start:prod, start or serve), no "module" or "main" file, and no index.ts, src/index.ts or server.ts. ' +
      'Pass --cmd with the command that starts it, for example --cmd "bun src/index.ts".',
  );
}

function detectFramework(pkg: Manifest): Fact<string | null> {
  const found = BUN_FRAMEWORKS.find((f) => f.package in pkg.dependencies);
  return found ? { value: found.package, source: `package.json dependencies.${found.package}` } : { value: null, source: 'no server framework among the dependencies' };
}

/**
 * The port the entry names and how the app is told it: a PORT fallback is a variable the image can
 * set; a literal in `.listen(n)` or a `port:` option is fixed there; Bun.serve with no port reads
 * PORT, else 3000; a framework's default with nothing in the entry is not known to read anything.
 */
export function detectPort(entry: string | null, source: string, framework: Fact<string | null>): { port: Fact<number | null>; setting: PortSetting } {
  const fallback = /\bPORT["')\]]*\s*(?:\?\?|\|\|)\s*["']?(\d{2,5})\b/.exec(source);
  const fallbackValue = fallback ? Number(fallback[1]) : NaN;
  if (entry !== null && fallback && fallbackValue > 0 && fallbackValue < 65536) {
    const where = lineOf(entry, source, fallback.index);
    return { port: { value: fallbackValue, source: `${where} (a PORT fallback)` }, setting: envSetting('PORT', fallbackValue, `${where} reads PORT, else ${fallbackValue}`) };
  }
  const literals: Array<[RegExp, string]> = [
    [/\.listen\(\s*(\d{2,5})\b/, '.listen()'],
    [/\bport\s*:\s*(\d{2,5})\b/, 'a port option'],
  ];
  for (const [pattern, what] of literals) {
    const match = pattern.exec(source);
    const value = match ? Number(match[1]) : NaN;
    if (entry !== null && match && value > 0 && value < 65536) {
      const where = lineOf(entry, source, match.index);
      return { port: { value, source: `${where} (${what})` }, setting: { kind: 'fixed', where } };
    }
  }
  const row = BUN_FRAMEWORKS.find((f) => f.package === framework.value);
  if (row) return { port: { value: row.port, source: `${row.package}'s default (${row.source})` }, setting: { kind: 'unknown' } };
  if (/\bBun\.serve\s*\(/.test(source) || /export\s+default\s*\{[^}]*\bfetch\b/.test(source)) {
    return {
      port: { value: BUN_SERVE_DEFAULT_PORT.port, source: `Bun.serve's default (${BUN_SERVE_DEFAULT_PORT.source})` },
      setting: envSetting('PORT', BUN_SERVE_DEFAULT_PORT.port, `Bun.serve with no port option reads PORT, else ${BUN_SERVE_DEFAULT_PORT.port} (${BUN_SERVE_DEFAULT_PORT.source})`),
    };
  }
  return { port: { value: null, source: entry === null ? 'no entry file to read' : `${entry} starts no server` }, setting: { kind: 'unknown' } };
}

/**
 * `bun build --compile` bundles what the entry imports into one executable with the Bun runtime
 * (https://bun.com/docs/bundler/executables). It is safe only when everything the app runs is
 * imported from the entry: no native addon (a .node file or an install-time binary), no build
 * script that produces what runs, and a start command that is `bun <file>`.
 */
export function compileVerdict(entry: string | null, start: StartCommand, native: NativeDependency[], buildScript: string | null, framework: string | null): { possible: boolean; why: string } {
  if (start.kind !== 'exec' || start.argv[0] !== 'bun' || entry === null || start.argv.length !== 2) {
    return { possible: false, why: 'the start command is not `bun <file>`, so there is no single entry to compile' };
  }
  if (native.length > 0) return { possible: false, why: `${native.map((d) => d.name).join(', ')} ${native.length > 1 ? 'load' : 'loads'} native code from node_modules at run time, which a compiled executable does not carry` };
  if (buildScript !== null) return { possible: false, why: 'package.json has a build script, whose output the app may read at run time' };
  const row = BUN_FRAMEWORKS.find((f) => f.package === framework);
  if (row && !row.compiles) return { possible: false, why: `${row.package} is not documented to work compiled` };
  return { possible: true, why: `${entry} and everything it imports bundle into one executable${row ? ` (${row.package} documents it: ${row.source})` : ''}` };
}

/** Native packages whose binary comes from an install script that trustedDependencies does not list. */
function needsTrust(deps: NativeDependency[], manifest: Record<string, unknown>): string[] {
  const trusted = new Set(Array.isArray(manifest.trustedDependencies) ? manifest.trustedDependencies.filter((v): v is string => typeof v === 'string') : []);
  const names = deps
    .filter((d) => {
      // The row that classified it (its source is the dependency's reference), whatever version was known.
      const row = NPM_NATIVE.find((r) => r.name === d.name && r.source === d.reference) ?? findNativeRow(d.name, d.version);
      return (row ? row.needsInstallScript : d.reference === UNKNOWN_NATIVE.reference) && !trusted.has(d.name);
    })
    .map((d) => d.name);
  return [...new Set(names)];
}

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function strings(value: unknown): Record<string, string> {
  return Object.fromEntries(Object.entries(record(value)).filter((e): e is [string, string] => typeof e[1] === 'string'));
}
