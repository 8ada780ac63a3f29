// Deno detection: the config (deno.json/deno.jsonc), its tasks, the lockfile, the version files and
// the entry module, each answer with its source. Pure over the Project view.
import * as semver from '../../semver.js';
import type { DetectOptions } from '../../ecosystem.js';
import type { Project } from '../../project.js';
import { UserError } from '../../errors.js';
import { parseCommand } from '../../detect/command.js';
import { stripJsonc } from '../../npm/lockfiles-bun.js';
import { findNativeRow } from '../../knowledge/npm-native.js';
import { envSetting, lineOf } from '../../detect/port.js';
import type { Fact, NativeDependency, PortSetting, RuntimeRequirement, StartCommand } from '../../types.js';
import type { DenoFacts } from './types.js';


/** Tasks that run the app in production, first found wins (deno init and Fresh write `start`; `serve` is deno serve's). */
const START_TASKS = ['start', 'serve'];
/** Development flags: reload on change. https://docs.deno.com/runtime/getting_started/command_line_interface/#watch-mode */
const DEV_FLAG = /^--(?:watch|watch-hmr|hmr)(?:=.*)?$/;
const MODULE = /\.(?:[cm]?[jt]sx?)$/;
/** `deno serve` listens on 8000 unless --port says otherwise; so does Deno.serve without a port. https://docs.deno.com/runtime/reference/cli/serve/ */
const DENO_DEFAULT_PORT = 8000;

export function detectDeno(project: Project, options: DetectOptions): DenoFacts {
  const configFile = ['deno.json', 'deno.jsonc'].find((f) => project.isFile(f));
  if (configFile === undefined) throw new UserError('There is a deno.lock but no deno.json or deno.jsonc: the tool reads the tasks from the config. Add a deno.json with a "start" task.');
  const config = readConfig(project, configFile);
  const warnings: string[] = [];
  if (options.packageManager !== undefined && options.packageManager !== 'deno') {
    throw new UserError(`--package-manager ${options.packageManager}: a Deno app installs with deno.`);
  }
  if (config.workspace !== undefined) throw new UserError(`${configFile} declares a workspace; Deno workspaces are not supported yet. Run the tool in the member folder of the app.`);

  const lockfile = project.isFile('deno.lock') ? 'deno.lock' : null;
  if (lockfile === null) warnings.push('There is no deno.lock, so the install cannot be frozen and every build resolves dependencies anew. Run `deno install` and commit deno.lock.');
  const tasks = taskMap(config, configFile);
  const imports = importMapOf(project, config, configFile);
  const framework = detectFramework(imports, imports === config.imports ? `${configFile} imports` : String(config.importMap));
  const start = detectStart(tasks, configFile, options.cmd !== undefined, framework.value);
  warnings.push(...start.warnings);
  const entrySource = start.entry !== null && project.isFile(start.entry) ? (project.readText(start.entry) ?? '') : '';
  const buildTask = typeof tasks.build === 'string' ? 'build' : null;
  if (/"jsr:/.test(JSON.stringify(imports ?? {})) || /["']jsr:/.test(entrySource)) {
    warnings.push('The app imports jsr: packages, so the builder must reach jsr.io (the install step caches them; the final image fetches nothing).');
  }
  const nativeDependencies = npmNative(project, lockfile);
  const port = detectPort(start.start.value, start.entry, entrySource, framework.value);

  return {
    language: 'deno',
    packageManager: { value: 'deno', source: lockfile ?? configFile },
    framework,
    runtime: detectVersion(project),
    port: port.port,
    portSetting: port.setting,
    start: start.start,
    nativeDependencies,
    dependencies: npmImports(imports).map((name) => ({ registry: 'npm', name, source: imports === config.imports ? configFile : String(config.importMap) })),
    warnings,
    config: configFile,
    lockfile,
    entry: start.entry,
    buildTask,
    installFiles: [
      configFile,
      ...(lockfile !== null ? [lockfile] : []),
      // The install reads the import map, so it comes first too.
      ...(typeof config.importMap === 'string' && project.isFile(config.importMap.replace(/^\.\//, '')) ? [config.importMap.replace(/^\.\//, '')] : []),
      ...(project.isFile('package.json') ? ['package.json'] : []),
    ],
  };
}

function readConfig(project: Project, file: string): Record<string, unknown> {
  const text = project.readText(file) ?? '';
  let value: unknown;
  try {
    value = JSON.parse(stripJsonc(text.replace(/^\uFEFF/, '')));
  } catch (error) {
    throw new UserError(`${file} is not valid JSON${file.endsWith('c') ? 'C' : ''} (${(error as Error).message}). Fix the file and run again.`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new UserError(`${file} must contain a JSON object. Fix the file and run again.`);
  return value as Record<string, unknown>;
}

/** tasks: name -> command; Deno 2 also allows { "command": "...", "dependencies": [...] }. */
function taskMap(config: Record<string, unknown>, file: string): Record<string, string> {
  const tasks = config.tasks;
  if (tasks === undefined) return {};
  if (tasks === null || typeof tasks !== 'object' || Array.isArray(tasks)) throw new UserError(`${file} "tasks" must be an object. Fix the file and run again.`);
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(tasks)) {
    if (typeof value === 'string') out[name] = value;
    else if (value !== null && typeof value === 'object' && typeof (value as { command?: unknown }).command === 'string') out[name] = (value as { command: string }).command;
  }
  return out;
}

/** .dvmrc and .tool-versions pin a version (deno.json has no version field). */
export function detectVersion(project: Project): RuntimeRequirement {
  const dvm = project.readText('.dvmrc')?.trim().replace(/^v/, '');
  if (dvm && semver.valid(dvm)) return { constraint: dvm, pinned: true, source: '.dvmrc' };
  const tools = /^deno\s+v?(\d+\.\d+\.\d+)\s*$/m.exec(project.readText('.tool-versions') ?? '');
  if (tools) return { constraint: tools[1]!, pinned: true, source: '.tool-versions' };
  return { constraint: null, pinned: false, source: 'default' };
}

interface StartFacts {
  start: Fact<StartCommand>;
  entry: string | null;
  warnings: string[];
}

/**
 * The start task, with development flags (--watch) dropped and every permission flag kept as it is:
 * the image grants exactly what the task grants, never more.
 */
export function detectStart(tasks: Record<string, string>, file: string, cmdGiven: boolean, framework: string | null = null): StartFacts {
  const warnings: string[] = [];
  // Fresh's `start` runs the development server (dev.ts); after `deno task build` its `preview` task
  // is the production server (https://fresh.deno.dev/docs/concepts/ahead-of-time-builds).
  const fresh = framework?.startsWith('fresh') === true && tasks.preview !== undefined;
  const name = fresh ? 'preview' : START_TASKS.find((t) => tasks[t] !== undefined);
  if (name === undefined) {
    if (cmdGiven) return { start: { value: { kind: 'exec', argv: ['deno', 'task', 'start'] }, source: 'default' }, entry: null, warnings };
    throw new UserError(
      `${file} has no "start" or "serve" task, so neither how the app starts nor which permissions it needs (--allow-net, ...) is known, and the tool does not guess permissions. ` +
        'Add a start task, or pass --cmd, for example --cmd "deno run --allow-net main.ts".',
    );
  }
  const source = `${file} tasks.${name}`;
  const command = parseCommand(tasks[name]!);
  if (command.kind !== 'exec' || command.argv[0] !== 'deno') return { start: { value: command, source }, entry: null, warnings };
  const dropped = command.argv.filter((a) => DEV_FLAG.test(a));
  const argv = command.argv.filter((a) => !DEV_FLAG.test(a));
  if (dropped.length > 0) warnings.push(`${source} runs deno with ${dropped.join(' ')}, a development flag that reloads on change; the image runs "${argv.join(' ')}" instead.`);
  const entry = ['run', 'serve'].includes(argv[1] ?? '') ? (argv.slice(2).find((a) => !a.startsWith('-') && MODULE.test(a)) ?? null) : null;
  return { start: { value: { kind: 'exec', argv }, source }, entry, warnings };
}

/**
 * The import map: deno.json "imports", or the file its "importMap" names
 * (https://docs.deno.com/runtime/fundamentals/modules/#import-maps); null when there is none.
 */
/** npm package names the import map brings in ("npm:pg@8" -> pg, "npm:@scope/x@1/sub" -> @scope/x). */
function npmImports(imports: unknown): string[] {
  if (typeof imports !== 'object' || imports === null) return [];
  const names = new Set<string>();
  for (const target of Object.values(imports)) {
    if (typeof target !== 'string' || !target.startsWith('npm:')) continue;
    const spec = target.slice(4);
    const parts = spec.split('/');
    const name = spec.startsWith('@') ? `${parts[0]}/${(parts[1] ?? '').split('@')[0]}` : parts[0]!.split('@')[0]!;
    if (name !== '' && !name.endsWith('/')) names.add(name);
  }
  return [...names].sort();
}

function importMapOf(project: Project, config: Record<string, unknown>, file: string): unknown {
  if (config.imports !== undefined || typeof config.importMap !== 'string') return config.imports ?? null;
  const path = config.importMap.replace(/^\.\//, '');
  if (!project.isFile(path)) return null;
  const map = readConfig(project, path);
  if (map.imports === undefined) throw new UserError(`${path} (the importMap of ${file}) has no "imports". Fix the file and run again.`);
  return map.imports;
}

/** Fresh (1: $fresh/ import from deno.land/x; 2: jsr:@fresh/core), Hono, Oak, from the import map. */
function detectFramework(imports: unknown, where: string): Fact<string | null> {
  const map = imports !== null && typeof imports === 'object' ? (imports as Record<string, unknown>) : {};
  const targets = Object.entries(map).map(([key, value]) => `${key} ${String(value)}`);
  const rules: Array<[RegExp, string]> = [
    [/jsr:@fresh\/core/, 'fresh 2'],
    [/^\$fresh\/|deno\.land\/x\/fresh@/, 'fresh 1'],
    [/jsr:@hono\/hono|npm:hono|deno\.land\/x\/hono@/, 'hono'],
    [/jsr:@oak\/oak|deno\.land\/x\/oak@/, 'oak'],
  ];
  for (const [pattern, name] of rules) if (targets.some((t) => pattern.test(t))) return { value: name, source: where };
  return { value: null, source: `${where} names no framework` };
}

/**
 * The port and how the app is told it: `--port` in the start task is an argument the image can
 * rewrite; a PORT fallback in the entry is a variable; a literal port is fixed there; `deno serve`
 * and Deno.serve with no port listen on 8000 and read no variable
 * (https://docs.deno.com/runtime/fundamentals/http_server/).
 */
export function detectPort(start: StartCommand, entry: string | null, source: string, framework: string | null): { port: Fact<number | null>; setting: PortSetting } {
  if (start.kind === 'exec') {
    const flag = start.argv.findIndex((a) => a === '--port' || a.startsWith('--port='));
    const joined = flag !== -1 && start.argv[flag]!.includes('=');
    const written = flag === -1 ? undefined : joined ? start.argv[flag]!.slice('--port='.length) : start.argv[flag + 1];
    const value = Number(written);
    if (written !== undefined && value > 0 && value < 65536) {
      const where = 'the start task passes --port';
      const setting: PortSetting = joined
        ? { kind: 'argument', format: '--port={port}', replaces: start.argv[flag]!, default: null, where }
        : { kind: 'argument', format: '{port}', replaces: written, default: null, where };
      return { port: { value, source: 'the start task (--port)' }, setting };
    }
  }
  const fallback = /\bPORT["')\]]*\s*(?:\?\?|\|\|)\s*["']?(\d{2,5})\b/.exec(source);
  const fallbackValue = fallback ? Number(fallback[1]) : NaN;
  if (entry !== null && fallback && fallbackValue > 0 && fallbackValue < 65536) {
    const where = lineOf(entry, source, fallback.index);
    return { port: { value: fallbackValue, source: `${where} (a PORT fallback)` }, setting: envSetting('PORT', fallbackValue, `${where} reads PORT, else ${fallbackValue}`) };
  }
  const literal = /\bport\s*:\s*(\d{2,5})\b/.exec(source);
  const value = literal ? Number(literal[1]) : NaN;
  if (entry !== null && literal && value > 0 && value < 65536) {
    const where = lineOf(entry, source, literal.index);
    return { port: { value, source: `${where} (a port in the code)` }, setting: { kind: 'fixed', where } };
  }
  const serveTask = start.kind === 'exec' && start.argv[1] === 'serve';
  const serves = serveTask || /\bDeno\.serve\s*\(/.test(source) || framework !== null;
  if (serves) {
    const where = serveTask ? 'deno serve in the start task, which listens on 8000 without --port (add --port=N to the task to move it)' : `${entry ?? 'the entry'}, which serves on Deno's default 8000 (pass a port option to move it)`;
    return { port: { value: DENO_DEFAULT_PORT, source: 'Deno.serve and deno serve listen on 8000 by default (https://docs.deno.com/runtime/fundamentals/http_server/)' }, setting: { kind: 'fixed', where } };
  }
  return { port: { value: null, source: entry === null ? 'no entry module to read' : `${entry} starts no server` }, setting: { kind: 'unknown' } };
}

/** npm packages in deno.lock with native code, by the shared npm table. */
function npmNative(project: Project, lockfile: string | null): NativeDependency[] {
  if (lockfile === null) return [];
  let lock: unknown;
  try {
    lock = JSON.parse(project.readText(lockfile) ?? '');
  } catch (error) {
    throw new UserError(`${lockfile} is not valid JSON (${(error as Error).message}). Fix the file or delete it and run \`deno install\`.`);
  }
  const npm = lock !== null && typeof lock === 'object' ? (lock as { npm?: unknown }).npm : undefined;
  if (npm === null || typeof npm !== 'object') return [];
  const found: NativeDependency[] = [];
  for (const key of Object.keys(npm as Record<string, unknown>).sort()) {
    const at = key.indexOf('@', 1);
    const name = at === -1 ? key : key.slice(0, at);
    const version = at === -1 ? null : (key.slice(at + 1).split('_')[0] ?? null);
    const row = findNativeRow(name, version);
    if (row === null || row.delivery === 'none') continue;
    found.push({
      name, version, glibcOnly: row.glibcOnly, build: row.build, runtime: row.runtime, blocksDistroless: row.blocksDistroless,
      note: row.note, source: lockfile, reference: row.source,
    });
  }
  return found;
}
