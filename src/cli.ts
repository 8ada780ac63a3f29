// The command line: one flag table drives parsing and --help; main() owns every exit code.
import { parseArgs } from 'node:util';
import { isTerminal } from './files/stdio.js';
import { CancelledError, DriftError, UsageError, UserError } from './errors.js';
import { DEFAULTS, emptyAdditions, type Options } from './options.js';
import { AdditionProblem, parseBuildArg, parseEnv, parseLabel, parsePackage } from './config/additions.js';
import { consoleOutput, type Output } from './output.js';
import { ejectStep, run } from './pipeline.js';
import type { Interaction } from './interaction.js';
import { LANGUAGES } from './ecosystems/index.js';
import { packageVersion } from './version.js';
import { checkHealthcheckPath } from './plan/healthcheck.js';
import { BASE_KINDS, type BaseKind } from './types.js';

interface FlagSpec {
  long: string;
  short?: string;
  /** Placeholder shown in --help for flags that take a value. */
  value?: string;
  /** A value to show in "needs a value" errors (`--port 8080`). */
  example?: string;
  description: string;
  /** Repeatable (`--env A=1 --env B=2`): apply runs once per value, in order. */
  multiple?: boolean;
  /** Sets the option from the raw value; throws UsageError on a bad value. */
  apply: (options: Options, raw: string | boolean) => void;
}

const str = (key: 'runtimeVersion' | 'packageManager' | 'cmd' | 'main' | 'templates' | 'engine' | 'app') =>
  (options: Options, raw: string | boolean) => {
    options[key] = String(raw);
  };
const bool = (key: 'yes' | 'dryRun' | 'json' | 'force' | 'check' | 'explain' | 'verify' | 'keepImage' | 'compare' | 'eject' | 'compose') =>
  (options: Options) => {
    options[key] = true;
  };
/** A repeatable addition: parsed and validated now, so a bad value is a usage error naming the flag. */
const addition = <T>(flag: string, parse: (raw: string) => T, push: (options: Options, value: T) => void) =>
  (options: Options, raw: string | boolean) => {
    try {
      push(options, parse(String(raw)));
    } catch (error) {
      if (error instanceof AdditionProblem) throw new UsageError(`--${flag}: ${error.message}.`);
      throw error;
    }
  };

/** The flag table: the contract of design.md. Order here is the order in --help. */
const FLAGS: FlagSpec[] = [
  { long: 'yes', short: 'y', description: 'accept detected values and the recommended base; never prompt (implied without a TTY or with CI set)', apply: bool('yes') },
  {
    long: 'language', value: 'name', example: 'python', description: `skip language detection (${LANGUAGES.join(', ')})`,
    apply: (o, raw) => {
      if (!LANGUAGES.includes(String(raw))) throw new UsageError(`--language must be one of ${LANGUAGES.join(', ')}; got "${String(raw)}".`);
      o.language = String(raw);
    },
  },
  {
    long: 'base', value: 'kind', example: 'distroless', description: `final base: auto (default), ${BASE_KINDS.join(', ')}; a kind that cannot work is refused with the reason`,
    apply: (o, raw) => {
      if (raw !== 'auto' && !(BASE_KINDS as readonly string[]).includes(String(raw))) throw new UsageError(`--base must be auto or one of ${BASE_KINDS.join(', ')}; got "${String(raw)}".`);
      o.base = raw as BaseKind | 'auto';
    },
  },
  { long: 'runtime-version', value: 'v', example: '22', description: 'override the detected runtime version (e.g. 22, 3.13, 1.24, 21)', apply: str('runtimeVersion') },
  { long: 'package-manager', value: 'pm', example: 'pnpm', description: 'override the detected package manager (npm, yarn, pnpm, bun, pip, poetry, uv, ...)', apply: str('packageManager') },
  {
    long: 'port', value: 'n', example: '8080', description: 'override the detected port',
    apply: (o, raw) => {
      const text = String(raw);
      const port = Number(text);
      if (!/^\d{1,5}$/.test(text) || port < 1 || port > 65535) throw new UsageError(`--port must be a whole number from 1 to 65535; got "${text}".`);
      o.port = port;
    },
  },
  { long: 'cmd', value: 'command', example: '"node server.js"', description: 'override the detected start command', apply: str('cmd') },
  { long: 'main', value: 'name', example: 'cmd/api', description: 'which program to build when there are several (Go main package, Rust binary)', apply: str('main') },
  { long: 'bin', value: 'name', example: 'server', description: 'the same as --main, as cargo spells it (Rust binary)', apply: str('main') },
  { long: 'templates', value: 'dir', example: '.slim-image/templates', description: 'template override folder (.slim-image/templates/ in the project is used automatically)', apply: str('templates') },
  { long: 'eject', description: 'copy the built-in templates for the project\'s language into .slim-image/templates/ (or --templates) for editing, and exit', apply: bool('eject') },
  { long: 'app', value: 'dir', example: 'apps/api', description: 'in a monorepo (npm, yarn or pnpm workspaces): the app folder to containerize, relative to the root', apply: str('app') },
  {
    long: 'add-package', value: 'name', example: 'libvips42', multiple: true, description: 'OS package for the runtime stage (Debian name; mapped on alpine); repeatable',
    apply: addition('add-package', parsePackage, (o, v) => void o.additions.packages.push(v)),
  },
  {
    long: 'env', value: 'NAME=VALUE', example: 'LOG_LEVEL=info', multiple: true, description: 'ENV in the runtime stage; repeatable',
    apply: addition('env', parseEnv, (o, v) => void o.additions.env.push(v)),
  },
  {
    long: 'label', value: 'KEY=VALUE', example: 'team=web', multiple: true, description: 'LABEL on the final image; repeatable',
    apply: addition('label', parseLabel, (o, v) => void o.additions.labels.push(v)),
  },
  {
    long: 'build-arg', value: 'NAME[=VALUE]', example: 'NPM_TOKEN', multiple: true, description: 'ARG in the build stage (pass values with docker build --build-arg); repeatable',
    apply: addition('build-arg', parseBuildArg, (o, v) => void o.additions.buildArgs.push(v)),
  },
  {
    long: 'healthcheck', value: 'path', example: '/health', description: 'add a HEALTHCHECK that asks this path from inside the image, without a shell (the runtime makes the request)',
    apply: (o, raw) => {
      o.healthcheck = checkHealthcheckPath(String(raw));
    },
  },
  { long: 'compose', description: 'also write compose.yaml: the app and the backing services its dependencies show (PostgreSQL, MySQL, MariaDB, Redis, MongoDB, RabbitMQ), with healthchecks and volumes', apply: bool('compose') },
  { long: 'dry-run', description: 'decide and render, write nothing', apply: bool('dryRun') },
  { long: 'json', description: 'print the report as one JSON object on stdout (nothing else on stdout)', apply: bool('json') },
  { long: 'force', description: 'overwrite existing files that differ', apply: bool('force') },
  { long: 'check', description: 'write nothing; exit 1 when the files on disk differ from what would be generated', apply: bool('check') },
  { long: 'explain', description: 'print the reasons for each decision', apply: bool('explain') },
  { long: 'verify', description: 'build the image with a container engine, run it and report size, user and whether it answers', apply: bool('verify') },
  { long: 'engine', value: 'name', example: 'podman', description: 'container engine for --verify: docker, podman, buildah or a path (default: the first that works; env SLIM_IMAGE_ENGINE)', apply: str('engine') },
  { long: 'keep-image', description: 'with --verify: keep the built image', apply: bool('keepImage') },
  { long: 'compare', description: 'with --verify: also build a naive single-stage image and report both sizes', apply: bool('compare') },
];

export function defaultOptions(): Options {
  return {
    dir: DEFAULTS.dir, yes: false, language: undefined, base: DEFAULTS.base, runtimeVersion: undefined,
    packageManager: undefined, port: undefined, cmd: undefined, main: undefined, templates: undefined,
    dryRun: false, json: false, force: false, check: false, explain: false, verify: false, engine: undefined,
    keepImage: false, compare: false, eject: false, compose: false, app: undefined, healthcheck: undefined, additions: emptyAdditions(),
  };
}

export type Parsed = { kind: 'run'; options: Options } | { kind: 'help' } | { kind: 'version' };

const BUILT_IN = [
  { long: 'help', short: 'h', value: undefined, example: undefined },
  { long: 'version', short: 'v', value: undefined, example: undefined },
];

/**
 * Reads argv the way parseArgs will, first, so a mistake is said in the flag table's words:
 * an unknown flag with the nearest known one, a value flag left without its value (at the end,
 * or followed by another flag) with an example. parseArgs' own messages speak of its internals.
 */
function checkFlags(argv: string[]): void {
  const known = [...FLAGS, ...BUILT_IN];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') return;
    if (!arg.startsWith('-') || arg === '-') continue;
    const long = arg.startsWith('--');
    const name = long ? arg.slice(2).split('=')[0]! : arg.slice(1, 2);
    const flag = known.find((f) => (long ? f.long === name : f.short === name));
    if (!flag) {
      const guess = long ? nearestFlag(name, known.map((f) => f.long)) : undefined;
      throw new UsageError(`Unknown option ${long ? `--${name}` : `-${name}`}${guess ? `; did you mean --${guess}?` : '.'} Run create-slim-image --help for the flags.`);
    }
    if (!flag.value) {
      if (long && arg.includes('=')) throw new UsageError(`--${flag.long} takes no value; pass it alone (got "${arg}").`);
      continue;
    }
    const inline = long ? arg.includes('=') : arg.length > 2;
    if (inline) continue;
    const next = argv[i + 1];
    if (next === undefined || (next.startsWith('-') && next !== '-' && !/^-\d/.test(next))) {
      const isFlag = next !== undefined && known.some((f) => next === `--${f.long}` || next.startsWith(`--${f.long}=`) || (f.short !== undefined && next === `-${f.short}`));
      throw new UsageError(
        `--${flag.long} needs a value${next === undefined ? '' : ` before ${next}`}, e.g. --${flag.long} ${flag.example ?? `<${flag.value}>`}` +
          (next === undefined || isFlag ? '.' : `; a value that starts with "-" goes after an equals sign: --${flag.long}=${next}.`),
      );
    }
    i++;
  }
}

/** The known flag closest to a mistyped one (at most a third of its letters off), or undefined. */
export function nearestFlag(name: string, flags: string[]): string | undefined {
  let best: { flag: string; distance: number } | undefined;
  for (const flag of flags) {
    const distance = editDistance(name.toLowerCase(), flag);
    if (distance <= Math.max(1, Math.floor(flag.length / 3)) && (best === undefined || distance < best.distance)) best = { flag, distance };
  }
  return best?.flag;
}

/** Levenshtein distance, two rows; flag names are short. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

export function parseCommandLine(argv: string[]): Parsed {
  checkFlags(argv);
  const config: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = {
    help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean', short: 'v' },
  };
  for (const flag of FLAGS) {
    config[flag.long] = { type: flag.value ? 'string' : 'boolean', ...(flag.short ? { short: flag.short } : {}), ...(flag.multiple ? { multiple: true } : {}) };
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: argv, options: config, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.replace(/\.$/, '')}. Run create-slim-image --help for the flags.`);
  }
  if (parsed.values.help) return { kind: 'help' };
  if (parsed.values.version) return { kind: 'version' };
  const options = defaultOptions();
  for (const flag of FLAGS) {
    const raw = parsed.values[flag.long];
    if (raw === undefined) continue;
    for (const value of Array.isArray(raw) ? raw : [raw]) flag.apply(options, value as string | boolean);
  }
  if (parsed.positionals.length > 1) {
    throw new UsageError(`Expected at most one project folder, got ${parsed.positionals.length}: ${parsed.positionals.join(' ')}.`);
  }
  options.dir = parsed.positionals[0] ?? DEFAULTS.dir;
  if (options.check && options.dryRun) throw new UsageError('--check and --dry-run do not go together: --check already writes nothing.');
  if ((options.keepImage || options.compare) && !options.verify) throw new UsageError('--keep-image and --compare go with --verify.');
  if (options.eject && (options.check || options.verify)) throw new UsageError('--eject only copies the templates; run --check or --verify afterwards, without --eject.');
  return { kind: 'run', options };
}

function helpText(): string {
  const rows = FLAGS.map((f) => {
    const name = `${f.short ? `-${f.short}, ` : '    '}--${f.long}${f.value ? ` <${f.value}>` : ''}`;
    return `  ${name.padEnd(30)} ${f.description}`;
  });
  return [
    'Usage: create-slim-image [dir] [options]',
    '       npm create slim-image@latest [dir] -- [options]',
    '',
    'Writes a small, secure, multi-stage Dockerfile and .dockerignore for the project in dir',
    '(default: the current folder), on the smallest base that works: scratch, distroless, alpine or slim;',
    'with --compose also a compose.yaml that runs it with the databases and brokers it depends on.',
    '',
    'Options:',
    ...rows,
    `  ${'-h, --help'.padEnd(30)} show this help`,
    `  ${'-v, --version'.padEnd(30)} print the version`,
    '',
    'Exit codes: 0 done; 1 error (bad input, refused overwrite, drift under --check); 2 bad usage; 130 cancelled.',
  ].join('\n');
}

/**
 * Decide interactivity once, at the edge: a TTY both ways, no CI, no --yes. Asks the descriptors, not
 * `process.stdin.isTTY`: that getter builds a stdin stream (about 6 ms), which a run from a script never uses.
 */
function isInteractive(options: Options, env: NodeJS.ProcessEnv = process.env): boolean {
  return !options.yes && !options.json && !env.CI && isTerminal(0) && isTerminal(1);
}

let generated = false;

/**
 * Whether this process ran a whole generation (detection to report): the code it ran is what later
 * runs need, so bin/cached-require.cjs keeps its compiled code as complete.
 */
export function ranGeneration(): boolean {
  return generated;
}

/** Runs the CLI and returns the exit code; the only place that maps errors to codes. */
export async function main(argv: string[], output: Output = consoleOutput(), interaction?: Interaction): Promise<number> {
  try {
    const parsed = parseCommandLine(argv);
    if (parsed.kind === 'help') {
      output.out(helpText());
      return 0;
    }
    if (parsed.kind === 'version') {
      output.out(packageVersion());
      return 0;
    }
    const interactive = interaction !== undefined || isInteractive(parsed.options);
    if (parsed.options.eject) {
      await ejectStep(parsed.options, output, interactive ? interaction ?? (await import('./ask.js')).inquirerInteraction() : undefined);
      return 0;
    }
    await run(parsed.options, output, interactive ? interaction ?? (await import('./ask.js')).inquirerInteraction() : undefined);
    generated = true;
    return 0;
  } catch (error) {
    return exitCodeFor(error, output);
  }
}

function exitCodeFor(error: unknown, output: Output): number {
  if (error instanceof CancelledError) {
    output.info(error.message);
    return 130;
  }
  if (error instanceof UsageError) {
    output.error(error.message);
    return 2;
  }
  if (error instanceof UserError || error instanceof DriftError) {
    output.error(error.message);
    return 1;
  }
  // @inquirer/prompts signals Ctrl-C with an ExitPromptError.
  if ((error as Error | undefined)?.name === 'ExitPromptError') {
    output.info('Cancelled; nothing was written.');
    return 130;
  }
  const message = (error as Error | undefined)?.message ?? String(error);
  output.error(`internal error: ${message}. Nothing was written. This is a bug in create-slim-image; please report it with the command you ran.`);
  if (process.env.DEBUG) output.info(String((error as Error | undefined)?.stack));
  return 1;
}
