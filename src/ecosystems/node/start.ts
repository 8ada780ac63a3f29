// How the app starts in production, as exec form (["node", file, ...]) whenever a shell adds
// nothing, so the final image can be shell-less and node is PID 1 and gets SIGTERM. Scripts that
// call a known CLI (next, react-router-serve, nest start, ...) are resolved to that CLI's bin
// file through the table in knowledge/node-frameworks.ts; anything with shell syntax stays shell.
import semver from 'semver';
import type { Project } from '../../project.js';
import type { Fact, StartCommand } from '../../types.js';
import { tokenize } from '../../detect/command.js';
import { NEXT_STANDALONE, NODE_CLIS, type NodeCliRule } from './knowledge/frameworks.js';
import { declaredRange, type PackageJson } from './manifest.js';
import type { FrameworkResult } from './framework.js';

/** Scripts tried in order; a `start:prod` exists precisely to say how production starts. */
const START_SCRIPTS = ['start:prod', 'start:production', 'start'] as const;
/** Conventional entry files, tried when there is no start script and no usable "main". */
const ENTRY_FILES = ['server.js', 'server.mjs', 'index.js', 'index.mjs', 'app.js', 'app.mjs', 'main.js'] as const;

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

export interface StartResult {
  start: Fact<StartCommand>;
  env: Record<string, string>;
  port: Fact<number> | null;
  warnings: string[];
}

export function detectStart(project: Project, pkg: PackageJson, fw: FrameworkResult): StartResult {
  const warnings: string[] = [];
  const rule = fw.rule;
  const use = (text: string, source: string): StartResult => {
    const resolved = resolveCommand(text, pkg);
    return {
      start: { value: resolved.command, source },
      env: resolved.env,
      port: resolved.port === null ? null : { value: resolved.port, source },
      warnings: [...warnings, ...resolved.warnings],
    };
  };

  if (fw.nextStandalone) return use(NEXT_STANDALONE.start, `Next.js standalone output (${NEXT_STANDALONE.source})`);
  if (rule?.startWins && rule.start !== null) return use(rule.start, `${rule.name} production server (${rule.source})`);

  for (const name of START_SCRIPTS) {
    const text = pkg.scripts[name];
    if (text === undefined || text.trim() === '') continue;
    const resolved = resolveCommand(text, pkg);
    if (resolved.dev !== null) {
      warnings.push(`package.json scripts.${name} ("${text}") starts ${resolved.dev}, not a production server; not using it.`);
      continue;
    }
    return use(text, `package.json scripts.${name}`);
  }
  if (rule !== null && rule.start !== null) return use(rule.start, `${rule.name} production server (${rule.source})`);
  if (pkg.main !== null && pkg.main.trim() !== '') {
    return use(`node ${quoteWord(pkg.main)}`, 'package.json main');
  }
  const entry = ENTRY_FILES.find((file) => project.isFile(file));
  if (entry !== undefined) return use(`node ${entry}`, `${entry} (no start script or main)`);

  warnings.push('Could not tell how the app starts (no scripts.start, main, server.js, index.js or app.js); assuming `node index.js`. Pass --cmd to say.');
  return use('node index.js', 'default (no start script, main or entry file found)');
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
    const rest = argv.slice(1);
    if (rest.some((a) => /^--env-file(-if-exists)?(=|$)/.test(a))) {
      warnings.push('The start command loads an --env-file, but .env files are kept out of the image; set those variables at run time instead.');
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
    const bin = `node_modules/${cli.package}/${binFile(cli, declaredRange(pkg, cli.package))}`;
    return { command: { kind: 'exec', argv: ['node', bin, ...args] }, env, port: flagPort ?? port, dev: null, warnings };
  }
  warnings.push(`The start command runs "${program}", which this tool does not know; make sure it is on PATH in the image, or pass --cmd.`);
  return { command: { kind: 'exec', argv: [program, ...argv.slice(1)] }, env, port, dev: null, warnings };
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
