// What package.json scripts call around the real server: programs that only load a .env file
// before running a command, process managers that run a script file, build tools that prepare the
// app before it starts, and the Nx build executors with where they write the entry file. Each row
// with the documentation it is from.

/** A wrapper that loads variables from a file and then runs the rest of the command line. */
export interface EnvLoaderRule {
  /** Program name as written in a script. */
  command: string;
  /** A first argument the wrapper needs before its options (`dotenvx run`), or null. */
  subcommand: string | null;
  /** Options that take a value (the next word), skipped before the command. */
  valueOptions: string[];
  source: string;
}

/**
 * Sorted by command. In a container the variables come from the runtime (`docker run -e`, compose,
 * the orchestrator), and .env files are kept out of the image, so the wrapper adds nothing: the
 * command after it is what runs.
 */
export const NODE_ENV_LOADERS: readonly EnvLoaderRule[] = [
  {
    // dotenv [-e <path>] [-v <name>=<value>] [-p <variable>] [-c [environment]] [--] <command>
    command: 'dotenv', subcommand: null, valueOptions: ['-e', '-v', '-p'],
    source: 'https://github.com/entropitor/dotenv-cli#usage',
  },
  {
    // dotenvx run [-f <path>] [-e KEY=value] -- <command>
    command: 'dotenvx', subcommand: 'run', valueOptions: ['-f', '--env-file', '-e', '--env', '-fv', '--env-vault-file'],
    source: 'https://dotenvx.com/docs/advanced/run',
  },
  {
    // env-cmd [-f <path>] [-e <environments>] [--] <command>
    command: 'env-cmd', subcommand: null, valueOptions: ['-f', '--file', '-e', '--environments', '-r', '--rc-file'],
    source: 'https://github.com/toddbluhm/env-cmd#-usage',
  },
];

/** A process manager that runs a Node.js script file, directly or through an ecosystem file. */
export interface ProcessManagerRule {
  command: string;
  /** Subcommands that start apps (`pm2 start <file|ecosystem>`); '' = the file comes first. */
  startSubcommands: string[];
  /** Ecosystem (app declaration) file names it reads, in the order tried. */
  ecosystemFiles: string[];
  source: string;
}

/**
 * Sorted by command. A container runs one process and restarts it itself, so the script the
 * process manager names runs under node directly: node is then PID 1, gets SIGTERM, and the image
 * needs no shell and no process manager (pm2's Docker guide runs pm2-runtime only to keep pm2's
 * features, which a container orchestrator already provides).
 */
export const NODE_PROCESS_MANAGERS: readonly ProcessManagerRule[] = [
  {
    command: 'pm2', startSubcommands: ['start'],
    ecosystemFiles: ['ecosystem.config.js', 'ecosystem.config.cjs', 'ecosystem.config.json', 'ecosystem.json', 'process.json', 'pm2.json'],
    source: 'https://pm2.keymetrics.io/docs/usage/application-declaration/',
  },
  {
    command: 'pm2-docker', startSubcommands: ['', 'start'],
    ecosystemFiles: ['ecosystem.config.js', 'ecosystem.config.cjs', 'ecosystem.config.json', 'ecosystem.json', 'process.json', 'pm2.json'],
    source: 'https://pm2.keymetrics.io/docs/usage/docker-pm2-nodejs/',
  },
  {
    command: 'pm2-runtime', startSubcommands: ['', 'start'],
    ecosystemFiles: ['ecosystem.config.js', 'ecosystem.config.cjs', 'ecosystem.config.json', 'ecosystem.json', 'process.json', 'pm2.json'],
    source: 'https://pm2.keymetrics.io/docs/usage/docker-pm2-nodejs/',
  },
];

/** A program that only builds (compiles, bundles, generates assets); it belongs in the build stage. */
export interface BuildToolRule {
  command: string;
  /** The first argument that makes it a build ('build' for `vite build`), or null when any call builds. */
  subcommand: string | null;
  source: string;
}

/** Sorted by command. */
export const NODE_BUILD_TOOLS: readonly BuildToolRule[] = [
  { command: 'babel', subcommand: null, source: 'https://babeljs.io/docs/babel-cli' },
  { command: 'esbuild', subcommand: null, source: 'https://esbuild.github.io/api/#build' },
  { command: 'nest', subcommand: 'build', source: 'https://docs.nestjs.com/cli/usages#nest-build' },
  { command: 'next', subcommand: 'build', source: 'https://nextjs.org/docs/app/api-reference/cli/next#next-build-options' },
  { command: 'nx', subcommand: 'build', source: 'https://nx.dev/reference/nx-commands#build' },
  { command: 'postcss', subcommand: null, source: 'https://github.com/postcss/postcss-cli#usage' },
  { command: 'rimraf', subcommand: null, source: 'https://github.com/isaacs/rimraf#command-line-interface' },
  { command: 'rollup', subcommand: null, source: 'https://rollupjs.org/command-line-interface/' },
  { command: 'sass', subcommand: null, source: 'https://sass-lang.com/documentation/cli/dart-sass/' },
  { command: 'swc', subcommand: null, source: 'https://swc.rs/docs/usage/cli' },
  { command: 'tailwindcss', subcommand: null, source: 'https://tailwindcss.com/docs/installation/tailwind-cli' },
  { command: 'tsc', subcommand: null, source: 'https://www.typescriptlang.org/docs/handbook/compiler-options.html' },
  { command: 'tsup', subcommand: null, source: 'https://tsup.egoist.dev/#usage' },
  { command: 'vite', subcommand: 'build', source: 'https://vite.dev/guide/cli#vite-build' },
  { command: 'webpack', subcommand: null, source: 'https://webpack.js.org/api/cli/' },
];

/** An Nx build executor: its options name the entry (`main`) and the output folder (`outputPath`). */
export interface NxExecutorRule {
  executor: string;
  /**
   * Where the entry lands: 'flat' = outputPath/<main's file name>.js (bundlers write one file per
   * entry point); 'tree' = outputPath/<main's path in the project>.js (compilers keep the folders).
   */
  entry: 'flat' | 'tree';
  source: string;
}

/** Sorted by executor (@nrwl/ is the scope before Nx 16). */
export const NX_BUILD_EXECUTORS: readonly NxExecutorRule[] = [
  { executor: '@nrwl/esbuild:esbuild', entry: 'flat', source: 'https://nx.dev/nx-api/esbuild/executors/esbuild' },
  { executor: '@nrwl/js:tsc', entry: 'tree', source: 'https://nx.dev/nx-api/js/executors/tsc' },
  { executor: '@nrwl/webpack:webpack', entry: 'flat', source: 'https://nx.dev/nx-api/webpack/executors/webpack' },
  { executor: '@nx/esbuild:esbuild', entry: 'flat', source: 'https://nx.dev/nx-api/esbuild/executors/esbuild' },
  { executor: '@nx/js:swc', entry: 'tree', source: 'https://nx.dev/nx-api/js/executors/swc' },
  { executor: '@nx/js:tsc', entry: 'tree', source: 'https://nx.dev/nx-api/js/executors/tsc' },
  { executor: '@nx/webpack:webpack', entry: 'flat', source: 'https://nx.dev/nx-api/webpack/executors/webpack' },
];

/** A module preloaded with `node -r/--require/--import/--loader` that compiles TypeScript at run time. */
export interface DevPreloadRule {
  module: string;
  source: string;
}

/** Sorted by module. `node -r ts-node/register src/main.ts` is a development start. */
export const NODE_DEV_PRELOADS: readonly DevPreloadRule[] = [
  { module: '@babel/register', source: 'https://babeljs.io/docs/babel-register' },
  { module: '@swc-node/register', source: 'https://github.com/swc-project/swc-node#usage' },
  { module: 'esbuild-register', source: 'https://github.com/egoist/esbuild-register#usage' },
  { module: 'ts-node', source: 'https://typestrong.org/ts-node/docs/usage' },
  { module: 'tsx', source: 'https://tsx.is/dev-api/node-cli' },
];
