// How the app starts in production, as exec form (["node", file, ...]) whenever a shell adds
// nothing, so the final image can be shell-less and node is PID 1 and gets SIGTERM. Scripts that
// call a known CLI (next, react-router-serve, nest start, ...) are resolved to that CLI's bin
// file through the table in knowledge/node-frameworks.ts; anything with shell syntax stays shell.
import * as semver from '../../semver.js';
import type { Project } from '../../project.js';
import type { Fact, StartCommand } from '../../types.js';
import { tokenize } from '../../detect/command.js';
import { NEXT_STANDALONE, NODE_CLIS, type NodeCliRule } from './knowledge/frameworks.js';
import { NODE_BUILD_TOOLS, NODE_DEV_PRELOADS, NODE_ENV_LOADERS, NODE_PROCESS_MANAGERS, NX_BUILD_EXECUTORS, type ProcessManagerRule } from './knowledge/scripts.js';
import { declaredRange, type PackageJson } from './manifest.js';
import { stripComments, type FrameworkResult } from './framework.js';
import { tsconfigOutDir, tsconfigRootDir } from './tsconfig.js';

/** Scripts tried in order; a `start:prod` exists precisely to say how production starts. */
const START_SCRIPTS = ['start:prod', 'start:production', 'start', 'serve'] as const;
/** Conventional entry files, tried when there is no start script and no usable "main". */
const ENTRY_FILES = ['server.js', 'server.mjs', 'index.js', 'index.mjs', 'app.js', 'app.mjs', 'main.js'] as const;
/** Scripts the package manager runs during an install: what they run is done before any start. */
const INSTALL_LIFECYCLE = ['preinstall', 'install', 'postinstall', 'prepare'] as const;
/** Folders only a build writes: a file there runs after the build even though it is not committed. */
const BUILD_OUTPUT_FOLDERS = ['dist', 'build', 'out', 'lib', '.output'];
/** How deep `npm run a` -> `npm run b` -> ... is followed. */
const MAX_SCRIPT_DEPTH = 5;

const PACKAGE_MANAGERS = new Set(['npm', 'yarn', 'pnpm', 'bun', 'corepack']);

export interface ResolvedCommand {
  command: StartCommand;
  /** Assignments from the command (`PORT=8080 node x`) that the image should set, NODE_ENV dropped. */
  env: Record<string, string>;
  /** A port set on the command line (`PORT=8080`, `next start -p 4000`). */
  port: number | null;
  /** Set when the command is a development server; it is then not used. */
  dev: string | null;
  warnings: string[];
}

/** A script resolved through `npm run` delegation, `&&` build steps and wrappers. */
export interface ResolvedScript extends ResolvedCommand {
  /** package.json scripts run before the server that the build stage must run instead. */
  buildSteps: string[];
  /** A source file a development runner was given (`nodemon src/index.js`, `ts-node-dev src/main.ts`). */
  devEntry: string | null;
}

export interface StartResult {
  start: Fact<StartCommand>;
  env: Record<string, string>;
  port: Fact<number> | null;
  /** package.json scripts the start script ran before the server; the build stage runs them. */
  buildSteps: string[];
  /** No evidence says how the app starts (the caller refuses unless --cmd says it). */
  unknown: boolean;
  warnings: string[];
}

export function detectStart(project: Project, pkg: PackageJson, fw: FrameworkResult): StartResult {
  const warnings: string[] = [];
  const rule = fw.rule;
  const use = (text: string, source: string, resolved: ResolvedScript = resolveScript(text, pkg, project)): StartResult => ({
    start: { value: resolved.command, source },
    env: resolved.env,
    port: resolved.port === null ? null : { value: resolved.port, source },
    buildSteps: resolved.buildSteps,
    unknown: false,
    warnings: [...warnings, ...resolved.warnings],
  });

  if (fw.nextStandalone) return use(NEXT_STANDALONE.start, `Next.js standalone output (${NEXT_STANDALONE.source})`);
  if (rule?.startWins && rule.start !== null) return use(rule.start, `${rule.name} production server (${rule.source})`);

  const devEntries: string[] = [];
  for (const name of START_SCRIPTS) {
    const text = pkg.scripts[name];
    if (text === undefined || text.trim() === '') continue;
    const resolved = resolveScript(text, pkg, project);
    if (resolved.dev !== null) {
      warnings.push(`package.json scripts.${name} ("${text}") starts ${resolved.dev}, not a production server; not using it.`);
      if (resolved.devEntry !== null) devEntries.push(resolved.devEntry);
      continue;
    }
    // npm and yarn 1 run `pre<name>` before the script: a build-only one (`prestart:prod: tsc`) is a build step.
    const pre = pkg.scripts[`pre${name}`];
    if (pre !== undefined && onlyBuilds(pre, pkg, 0)) resolved.buildSteps.unshift(`pre${name}`);
    return use(text, `package.json scripts.${name}`, resolved);
  }
  if (rule !== null && rule.start !== null) return use(rule.start, `${rule.name} production server (${rule.source})`);
  const nx = nxBuildEntry(project);
  if (nx !== null) return use(`node ${quoteWord(nx.entry)}`, `${nx.source} (the output of the build that \`nx serve\` watches)`);
  if (pkg.main !== null && pkg.main.trim() !== '' && mainRuns(project, pkg.main)) {
    return use(`node ${quoteWord(pkg.main)}`, 'package.json main');
  }
  // The file a development runner watched, or its build output when it is TypeScript.
  for (const file of devEntries) {
    const entry = productionEntryFor(project, pkg, file);
    if (entry !== null) return use(`node ${quoteWord(entry.file)}`, entry.source);
  }
  const entry = ENTRY_FILES.find((file) => project.isFile(file));
  if (entry !== undefined) return use(`node ${entry}`, `${entry} (no start script or main)`);

  return {
    start: { value: { kind: 'exec', argv: ['node', 'index.js'] }, source: 'nothing: no start script, main or entry file' },
    env: {}, port: null, buildSteps: [], unknown: true, warnings,
  };
}

/** A "main" is a start only when it runs: the file exists, or a build writes it. */
function mainRuns(project: Project, main: string): boolean {
  const file = main.replace(/^\.\//, '');
  if (project.isFile(file) || project.isFile(`${file}.js`) || project.isFile(`${file}/index.js`)) return true;
  return BUILD_OUTPUT_FOLDERS.includes(file.split('/')[0] ?? '');
}

/**
 * Where a file run by a development runner lives in production: a JavaScript file runs as it is;
 * a TypeScript source runs from the compiler's output (tsconfig outDir, relative to rootDir, or
 * to src/ when rootDir is not set and the file is under src/), when a build script writes it.
 */
export function productionEntryFor(project: Project, pkg: PackageJson, file: string): { file: string; source: string } | null {
  const path = file.replace(/^\.\//, '');
  if (/\.(c|m)?js$/.test(path)) {
    const built = pkg.scripts.build !== undefined && BUILD_OUTPUT_FOLDERS.includes(path.split('/')[0] ?? '');
    return project.isFile(path) || built ? { file: path, source: `${path}, the file the development script runs` } : null;
  }
  if (!/\.(c|m)?ts$/.test(path) || pkg.scripts.build === undefined) return null;
  const outDir = tsconfigOutDir(project);
  if (outDir === null) return null;
  const rootDir = tsconfigRootDir(project) ?? (path.startsWith('src/') ? 'src' : '');
  const relative = rootDir !== '' && path.startsWith(`${rootDir}/`) ? path.slice(rootDir.length + 1) : path;
  const out = `${outDir}/${relative.replace(/\.(c|m)?ts$/, (ext) => ext.replace('ts', 'js'))}`;
  return { file: out, source: `tsconfig.json outDir: the build output of ${path}, which the development script runs` };
}

/** The entry an Nx project's build target writes (project.json targets.build), or null. */
export function nxBuildEntry(project: Project): { entry: string; source: string } | null {
  const json = project.readJson('project.json');
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return null;
  const build = (json as { targets?: Record<string, unknown> }).targets?.build as { executor?: unknown; options?: Record<string, unknown> } | undefined;
  const rule = NX_BUILD_EXECUTORS.find((r) => r.executor === build?.executor);
  const outputPath = build?.options?.outputPath;
  const main = build?.options?.main;
  if (!rule || typeof outputPath !== 'string' || typeof main !== 'string') return null;
  const out = outputPath.replace(/^\.\//, '').replace(/\/+$/, '');
  if (out === '' || out.startsWith('/') || out.split('/').includes('..') || out.includes('{')) return null;
  const relative = rule.entry === 'flat' ? (main.split('/').pop() as string) : main.replace(/^\.\//, '');
  const entry = `${out}/${relative.replace(/\.(c|m)?[tj]sx?$/, '.js')}`;
  return { entry, source: `project.json targets.build (${rule.executor}, ${rule.source})` };
}

/**
 * Resolve a package.json script to what the image should run: `npm run x` follows script x, the
 * steps before the last `&&` that only build move to the build stage, .env loaders and process
 * managers are looked through to the command or script they run.
 */
export function resolveScript(text: string, pkg: PackageJson, project: Project | null = null, depth = 0): ResolvedScript {
  const parts = splitAnd(text.trim());
  if (parts.length > 1) {
    const steps: string[] = [];
    for (const part of parts.slice(0, -1)) {
      const step = buildStep(part, pkg, depth);
      if (step === null) return { ...resolveCommand(text, pkg), buildSteps: [], devEntry: null };
      if (step !== '') steps.push(step);
    }
    const last = resolveScript(parts[parts.length - 1] as string, pkg, project, depth);
    return { ...last, buildSteps: [...steps, ...last.buildSteps] };
  }
  const tokens = tokenize(text.trim());
  if (tokens.kind === 'words' && tokens.argv.length > 0) {
    const warnings: string[] = [];
    const argv = stripLoaders(tokens.argv, warnings);
    const words = tokens.kind === 'words' ? { env: tokens.env, argv } : null;
    if (words !== null && argv.length > 0) {
      const ref = scriptReference(argv, pkg);
      if (ref !== null && depth < MAX_SCRIPT_DEPTH) {
        const target = [pkg.scripts[ref.name] as string, ...ref.args.map(quoteWord)].join(' ');
        const inner = resolveScript(target, pkg, project, depth + 1);
        return withPrefix(words.env, { ...inner, warnings: [...warnings, ...inner.warnings] });
      }
      const pm = NODE_PROCESS_MANAGERS.find((m) => m.command === stripBinFolder(argv[0] as string));
      if (pm !== undefined) {
        const script = processManagerScript(pm, argv.slice(1), project, warnings);
        if (script !== null) return withPrefix(words.env, { ...resolveScript(script, pkg, project, depth + 1), warnings });
      }
      const resolved = resolveCommand(joinWords(argv), pkg);
      const devEntry = resolved.dev !== null ? firstFileArgument(argv.slice(1)) : null;
      return withPrefix(words.env, { ...resolved, warnings: [...warnings, ...resolved.warnings], buildSteps: [], devEntry });
    }
  }
  return { ...resolveCommand(text, pkg), buildSteps: [], devEntry: null };
}

/** Assignments in front of a delegated script (`PORT=8080 npm run serve`) apply to what it runs. */
function withPrefix(env: Array<[string, string]>, resolved: ResolvedScript): ResolvedScript {
  const extra: Record<string, string> = {};
  let port = resolved.port;
  for (const [name, value] of env) {
    if (name === 'NODE_ENV') continue;
    extra[name] = value;
    if (name === 'PORT' && isPort(value) && port === null) port = Number(value);
  }
  return { ...resolved, env: { ...extra, ...resolved.env }, port };
}

/** `npm run x -- a`, `yarn x a`, `pnpm run x`, `bun run x`, `npm start`: the script named and its extra arguments. */
export function scriptReference(argv: string[], pkg: PackageJson): { name: string; args: string[] } | null {
  const program = argv[0] as string;
  if (!PACKAGE_MANAGERS.has(program) || program === 'corepack') return null;
  const rest = argv.slice(1).filter((a) => !/^(-s|--silent|--quiet|-q)$/.test(a));
  let name: string | undefined;
  let args: string[];
  if (rest[0] === 'run' || rest[0] === 'run-script') {
    name = rest[1];
    args = rest.slice(2);
  } else if (program === 'npm' && (rest[0] === 'start' || rest[0] === 'test')) {
    name = rest[0];
    args = rest.slice(1);
  } else if (program !== 'npm' && rest[0] !== undefined && !rest[0].startsWith('-')) {
    name = rest[0];
    args = rest.slice(1);
  } else {
    return null;
  }
  if (name === undefined || pkg.scripts[name] === undefined) return null;
  if (args[0] === '--') args = args.slice(1);
  return { name, args };
}

/**
 * A step before `&&` that only builds: '' when it is covered already (the build script, or a
 * script an install runs), the script name when the build stage must run it, null when it is
 * not a build step (a migration, a check) and so must stay in the start command.
 */
function buildStep(part: string, pkg: PackageJson, depth: number): string | null {
  const tokens = tokenize(part);
  if (tokens.kind !== 'words' || tokens.argv.length === 0) return null;
  const ref = scriptReference(tokens.argv, pkg);
  if (ref !== null) {
    if (ref.name === 'build' || runsAtInstall(ref.name, pkg)) return '';
    return onlyBuilds(pkg.scripts[ref.name] as string, pkg, depth + 1) ? ref.name : null;
  }
  // A build tool called directly is covered when the build script exists (it runs the same build).
  return isBuildTool(tokens.argv) && pkg.scripts.build !== undefined ? '' : null;
}

/** Every step of the script is a build tool or a script that only builds. */
function onlyBuilds(text: string, pkg: PackageJson, depth: number): boolean {
  if (depth > MAX_SCRIPT_DEPTH) return false;
  return splitAnd(text.trim()).every((part) => {
    const tokens = tokenize(part);
    if (tokens.kind !== 'words' || tokens.argv.length === 0) return false;
    const ref = scriptReference(tokens.argv, pkg);
    if (ref !== null) return onlyBuilds(pkg.scripts[ref.name] as string, pkg, depth + 1);
    return isBuildTool(tokens.argv);
  });
}

function isBuildTool(argv: string[]): boolean {
  let words = argv;
  if (words[0] === 'npx') words = words.slice(1).filter((w) => !w.startsWith('-'));
  const program = stripBinFolder(words[0] ?? '');
  const sub = words[1];
  return NODE_BUILD_TOOLS.some((t) => t.command === program && (t.subcommand === null || t.subcommand === sub));
}

function runsAtInstall(name: string, pkg: PackageJson): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const call = new RegExp(`\\b(npm run(-script)?|yarn( run)?|pnpm( run)?|bun run)\\s+${escaped}(\\s|$|&|;)`);
  return INSTALL_LIFECYCLE.some((hook) => call.test(pkg.scripts[hook] ?? ''));
}

/** Drop .env loaders (dotenv-cli, env-cmd, dotenvx run): the container's environment does their job. */
function stripLoaders(argv: string[], warnings: string[]): string[] {
  let words = argv;
  if (words[0] === 'npx') {
    words = words.slice(1);
    while (words[0]?.startsWith('-')) words = words.slice(1);
  }
  const loader = NODE_ENV_LOADERS.find((l) => l.command === stripBinFolder(words[0] ?? ''));
  if (loader === undefined) return argv;
  let i = 1;
  if (loader.subcommand !== null) {
    if (words[1] !== loader.subcommand) return argv;
    i = 2;
  }
  const files: string[] = [];
  for (; i < words.length; i++) {
    const word = words[i] as string;
    if (word === '--') {
      i++;
      break;
    }
    if (!word.startsWith('-')) break;
    if (loader.valueOptions.includes(word)) {
      if (/^(-e|-f|--file|--env-file)$/.test(word) && words[i + 1] !== undefined) files.push(words[i + 1] as string);
      i++;
    }
  }
  const rest = words.slice(i);
  if (rest.length === 0) return argv;
  const named = files.length > 0 ? files.join(', ') : '.env';
  warnings.push(
    `The start script loads variables from ${named} through ${loader.command} (${loader.source}); .env files are kept out of the image, ` +
      `so the image runs "${joinWords(rest)}" and the variables are set at run time (docker run -e, compose, the orchestrator).`,
  );
  return stripLoaders(rest, warnings);
}

/** The command a process manager runs: the script file given, or the one app of its ecosystem file. */
function processManagerScript(rule: ProcessManagerRule, args: string[], project: Project | null, warnings: string[]): string | null {
  let rest = args;
  if (rest[0] !== undefined && rule.startSubcommands.includes(rest[0])) rest = rest.slice(1);
  else if (!rule.startSubcommands.includes('')) return null;
  const target = rest.find((a) => !a.startsWith('-'));
  if (target === undefined || project === null) return null;
  const file = target.replace(/^\.\//, '');
  let script: string | null = null;
  let why = '';
  if (/\.(json|ya?ml)$/.test(file) || /(^|\/)ecosystem[^/]*\.c?js$/.test(file) || rule.ecosystemFiles.includes(file)) {
    const app = ecosystemApp(project, file);
    if (app === null) return null;
    script = app.script;
    why = `${file} declares one app, ${app.script}${app.instances ? ` (${app.instances} instances: in a container, scale with replicas instead)` : ''}`;
  } else if (/\.(c|m)?js$/.test(file)) {
    script = `node ${quoteWord(file)}`;
    why = `it runs ${file}`;
  }
  if (script === null) return null;
  warnings.push(
    `The start script runs ${rule.command} (${rule.source}); ${why}. The image runs it under node directly, so node is PID 1 and gets SIGTERM, ` +
      'and the container runtime restarts it; no process manager is needed in the image.',
  );
  return script;
}

/** The single app of a pm2 ecosystem file (JSON, or a JS file with one `script:`), as a node command. */
function ecosystemApp(project: Project, file: string): { script: string; instances: string | null } | null {
  const text = project.readText(file);
  if (text === null) return null;
  let apps: Array<Record<string, unknown>> = [];
  if (file.endsWith('.json')) {
    try {
      const parsed = JSON.parse(text) as { apps?: unknown };
      apps = Array.isArray(parsed.apps) ? (parsed.apps as Array<Record<string, unknown>>) : [parsed as Record<string, unknown>];
    } catch {
      return null;
    }
  } else if (/\.c?js$/.test(file)) {
    const code = stripComments(text);
    const scripts = [...code.matchAll(/\bscript\s*:\s*(['"`])([^'"`]+)\1/g)].map((m) => m[2] as string);
    if (scripts.length !== 1) return null;
    const args = /\bargs\s*:\s*(['"`])([^'"`]*)\1/.exec(code)?.[2];
    const interpreter = /\binterpreter\s*:\s*(['"`])([^'"`]*)\1/.exec(code)?.[2];
    const instances = /\binstances\s*:\s*(['"`]?)(\w+)\1/.exec(code)?.[2];
    apps = [{ script: scripts[0], args, interpreter, instances }];
  } else {
    return null;
  }
  if (apps.length !== 1) return null;
  const app = apps[0] as Record<string, unknown>;
  const script = typeof app.script === 'string' ? app.script.replace(/^\.\//, '') : null;
  if (script === null || !/\.(c|m)?js$/.test(script)) return null;
  if (typeof app.interpreter === 'string' && !/(^|\/)node$/.test(app.interpreter)) return null;
  const args = typeof app.args === 'string' ? ` ${app.args}` : Array.isArray(app.args) ? ` ${app.args.map((a) => quoteWord(String(a))).join(' ')}` : '';
  const instances = app.instances === undefined || app.instances === 1 || app.instances === '1' ? null : String(app.instances);
  return { script: `node ${quoteWord(script)}${args}`, instances };
}

/** Split on `&&` outside quotes. */
function splitAnd(text: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quote !== null) {
      current += c;
      if (c === quote) quote = null;
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    if (c === '\\') {
      current += c + (text[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === '&' && text[i + 1] === '&') {
      parts.push(current.trim());
      current = '';
      i++;
      continue;
    }
    current += c;
  }
  parts.push(current.trim());
  return parts.some((p) => p === '') ? [text] : parts;
}

function joinWords(argv: string[]): string {
  return argv.map(quoteWord).join(' ');
}

function firstFileArgument(args: string[]): string | null {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '-r' || arg === '--require' || arg === '--exec' || arg === '-e' || arg === '--watch' || arg === '-w') {
      i++;
      continue;
    }
    if (!arg.startsWith('-') && /\.(c|m)?[jt]s$/.test(arg)) return arg;
  }
  return null;
}

/** Resolve one command line (a script, a framework's start) to what the image should run. */
export function resolveCommand(text: string, pkg: PackageJson): ResolvedCommand {
  const warnings: string[] = [];
  const shell = (why: string): ResolvedCommand => {
    warnings.push(`The start command "${text.trim()}" needs a shell (${why}), which rules out shell-less images; a plain \`node <file>\` start allows them.`);
    return { command: { kind: 'shell', command: text.trim() }, env: {}, port: null, dev: null, warnings };
  };
  const tokens = tokenize(text.trim());
  if (tokens.kind === 'shell') return shell(`it uses ${tokens.reason}`);

  const assignments = [...tokens.env];
  let argv = [...tokens.argv];
  // cross-env / env only carry assignments to the program: the image's ENV does that.
  while (argv[0] === 'cross-env' || argv[0] === 'env') {
    argv = argv.slice(1);
    while (argv[0] !== undefined && /^[A-Za-z_][A-Za-z0-9_]*=/.test(argv[0])) {
      const word = argv.shift() as string;
      assignments.push([word.slice(0, word.indexOf('=')), word.slice(word.indexOf('=') + 1)]);
    }
  }
  if (argv[0] === 'npx') {
    argv = argv.slice(1);
    while (argv[0]?.startsWith('-')) argv.shift(); // --no-install, -y
  }
  if (argv.length === 0) return shell('it only sets variables');
  const program = stripBinFolder(argv[0] as string);

  const env: Record<string, string> = {};
  let port: number | null = null;
  for (const [name, value] of assignments) {
    // The image sets NODE_ENV=production itself.
    if (name === 'NODE_ENV') continue;
    env[name] = value;
    if (name === 'PORT' && isPort(value)) port = Number(value);
  }

  if (PACKAGE_MANAGERS.has(program)) {
    return shell(`it runs through ${program}, which must then be in the final image and does not forward signals to the app`);
  }
  if (program === 'node' || program === 'nodejs') {
    let rest = argv.slice(1);
    if (rest.some((a) => /^--env-file(-if-exists)?(=|$)/.test(a))) {
      warnings.push('The start command loads an --env-file, but .env files are kept out of the image; set those variables at run time instead.');
    }
    if (rest.some((a) => /^--watch(-path)?(=|$)/.test(a))) {
      return { command: { kind: 'exec', argv: ['node', ...rest] }, env, port, dev: 'node --watch, a development restart loop', warnings };
    }
    const preloads = preloadedModules(rest);
    const devPreload = preloads.find((p) => NODE_DEV_PRELOADS.some((d) => p.module === d.module || p.module.startsWith(`${d.module}/`)));
    if (devPreload) return { command: { kind: 'exec', argv: ['node', ...rest] }, env, port, dev: `node with ${devPreload.module}, which compiles TypeScript at run time`, warnings };
    // `-r dotenv/config` loads .env, which the image does not have; without dotenv installed in production it fails.
    const dotenv = preloads.find((p) => p.module === 'dotenv/config');
    if (dotenv && !('dotenv' in pkg.dependencies)) {
      rest = [...rest.slice(0, dotenv.index), ...rest.slice(dotenv.index + dotenv.width)];
      warnings.push('The start command preloads dotenv/config, but dotenv is not a production dependency and .env files stay out of the image; the image starts without it, so set the variables at run time.');
    }
    return { command: { kind: 'exec', argv: ['node', ...rest] }, env, port, dev: null, warnings };
  }
  const cli = NODE_CLIS.find((c) => c.command === program);
  if (cli) {
    const args = argv.slice(1);
    const sub = args[0] !== undefined && !args[0].startsWith('-') ? args[0] : '';
    if (cli.devSubcommands.includes('*') || cli.devSubcommands.includes(sub) || args.includes('--watch')) {
      return { command: { kind: 'exec', argv }, env, port, dev: `the ${program}${sub ? ` ${sub}` : ''} development server`, warnings };
    }
    const flagPort = portFromFlags(args, cli.portFlags);
    const replacement = cli.replace.find((r) => r.subcommand === sub);
    if (replacement) return { command: { kind: 'exec', argv: [...replacement.argv] }, env, port: flagPort ?? port, dev: null, warnings };
    if (cli.package in pkg.devDependencies && !(cli.package in pkg.dependencies)) {
      return { command: { kind: 'exec', argv }, env, port, dev: `${program} from ${cli.package}, a devDependency that a production install leaves out`, warnings };
    }
    const bin = `node_modules/${cli.package}/${binFile(cli, declaredRange(pkg, cli.package))}`;
    return { command: { kind: 'exec', argv: ['node', bin, ...args] }, env, port: flagPort ?? port, dev: null, warnings };
  }
  warnings.push(`The start command runs "${program}", which this tool does not know; make sure it is on PATH in the image, or pass --cmd.`);
  return { command: { kind: 'exec', argv: [program, ...argv.slice(1)] }, env, port, dev: null, warnings };
}

function preloadedModules(args: string[]): Array<{ module: string; index: number; width: number }> {
  const out: Array<{ module: string; index: number; width: number }> = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (!arg.startsWith('-')) break;
    const match = /^(-r|--require|--import|--loader|--experimental-loader)(=(.*))?$/.exec(arg);
    if (!match) continue;
    if (match[3] !== undefined) out.push({ module: match[3], index: i, width: 1 });
    else if (args[i + 1] !== undefined) {
      out.push({ module: args[i + 1] as string, index: i, width: 2 });
      i++;
    }
  }
  return out;
}

/** The bin file for the package version the manifest declares (the newest row when unknown). */
export function binFile(cli: NodeCliRule, range: string | null): string {
  const min = range === null ? null : safeMinVersion(range);
  const row = min === null ? undefined : cli.bins.find((b) => semver.satisfies(min, b.versions));
  return (row ?? (cli.bins[cli.bins.length - 1] as { file: string })).file;
}

function safeMinVersion(range: string): string | null {
  try {
    return semver.minVersion(range)?.version ?? null;
  } catch {
    return null; // "workspace:*", "latest", git URLs
  }
}

function stripBinFolder(program: string): string {
  return program.replace(/^(\.\/)?node_modules\/\.bin\//, '');
}

function portFromFlags(args: string[], flags: string[]): number | null {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    for (const flag of flags) {
      if (arg === flag && isPort(args[i + 1] ?? '')) return Number(args[i + 1]);
      if (arg.startsWith(`${flag}=`) && isPort(arg.slice(flag.length + 1))) return Number(arg.slice(flag.length + 1));
    }
  }
  return null;
}

export function isPort(text: string): boolean {
  if (!/^\d{1,5}$/.test(text)) return false;
  const n = Number(text);
  return n >= 1 && n <= 65535;
}

/** A file name as one shell word, so `main` values with spaces survive tokenize. */
function quoteWord(word: string): string {
  return /^[A-Za-z0-9_./@%+=:,-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The script file a `node ...` exec command runs (first argument that is not a flag), or null. */
export function nodeEntry(command: StartCommand): string | null {
  if (command.kind !== 'exec' || command.argv[0] !== 'node') return null;
  const args = command.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '-r' || arg === '--require' || arg === '--import' || arg === '--loader') {
      i++;
      continue;
    }
    if (!arg.startsWith('-')) return arg.replace(/^\.\//, '');
  }
  return null;
}
