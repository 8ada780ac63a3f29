// Node.js frameworks and command-line programs as data: how to recognise each framework, what
// its production build leaves behind, how it starts in production, its default port and the
// environment it needs inside a container. One row per framework, each with the docs it is from.

const NODE_FRAMEWORK_IDS = [
  'next', 'nuxt', 'remix', 'react-router', 'astro', 'sveltekit', 'nestjs', 'fastify', 'koa', 'hapi', 'express',
] as const;
type NodeFrameworkId = (typeof NODE_FRAMEWORK_IDS)[number];

export interface NodeFrameworkRule {
  id: NodeFrameworkId;
  name: string;
  /** Any of these packages in dependencies or devDependencies marks the framework. */
  packages: string[];
  /** A package that must also be present for a Node server build (an adapter); null if none needed. */
  serverAdapter: string | null;
  /** Port the production server listens on when nothing sets PORT; null when the app decides. */
  defaultPort: number | null;
  /** Folder the production build writes; null when the framework does not build. */
  output: string | null;
  /** What the final stage needs besides production node_modules (existing ones are kept); null = the sources. */
  runtimeFiles: string[] | null;
  /** The build output runs without node_modules. */
  selfContained: boolean;
  /** The production start command, resolved like scripts.start; null when the app's own script decides. */
  start: string | null;
  /** The framework's start wins over scripts.start (its script is usually a dev or wrong command). */
  startWins: boolean;
  /** Production environment needed in a container. */
  env: Record<string, string>;
  /** The framework runs the HTTP server itself, so ports in app code are not the server's. */
  ownsServer: boolean;
  source: string;
}

const none: Record<string, string> = {};

/** In priority order: meta-frameworks before the servers they are built on (Nest uses Express). */
export const NODE_FRAMEWORKS: readonly NodeFrameworkRule[] = [
  {
    // `next start` serves .next with next from node_modules; it reads next.config.* at start.
    id: 'next', name: 'Next.js', packages: ['next'], serverAdapter: null, defaultPort: 3000,
    output: '.next', runtimeFiles: ['.next', 'public', 'package.json'], selfContained: false,
    start: 'next start', startWins: false, env: none, ownsServer: true,
    source: 'https://nextjs.org/docs/app/getting-started/deploying#nodejs-server',
  },
  {
    // Nitro's node-server preset: `.output` holds server and public files and its own node_modules.
    id: 'nuxt', name: 'Nuxt', packages: ['nuxt', 'nuxt3'], serverAdapter: null, defaultPort: 3000,
    output: '.output', runtimeFiles: ['.output'], selfContained: true,
    start: 'node .output/server/index.mjs', startWins: true, env: { HOST: '0.0.0.0' }, ownsServer: true,
    source: 'https://nuxt.com/docs/getting-started/deployment#nodejs-server',
  },
  {
    id: 'react-router', name: 'React Router (framework mode)', packages: ['@react-router/dev', '@react-router/serve'],
    serverAdapter: null, defaultPort: 3000, output: 'build', runtimeFiles: ['build', 'public', 'package.json'],
    selfContained: false, start: 'react-router-serve ./build/server/index.js', startWins: false, env: none, ownsServer: true,
    source: 'https://reactrouter.com/start/framework/deploying',
  },
  {
    id: 'remix', name: 'Remix', packages: ['@remix-run/serve', '@remix-run/dev'], serverAdapter: null, defaultPort: 3000,
    output: 'build', runtimeFiles: ['build', 'public', 'package.json'], selfContained: false,
    start: 'remix-serve ./build/server/index.js', startWins: false, env: none, ownsServer: true,
    source: 'https://remix.run/docs/en/main/other-api/serve',
  },
  {
    // Standalone mode listens on localhost unless HOST says otherwise; default port 4321.
    id: 'astro', name: 'Astro', packages: ['astro'], serverAdapter: '@astrojs/node', defaultPort: 4321,
    output: 'dist', runtimeFiles: ['dist', 'package.json'], selfContained: false,
    start: 'node ./dist/server/entry.mjs', startWins: false, env: { HOST: '0.0.0.0' }, ownsServer: true,
    source: 'https://docs.astro.build/en/guides/integrations-guide/node/',
  },
  {
    // "You will need the output directory, the project's package.json, and the production
    // dependencies"; it listens on 0.0.0.0:3000 by default.
    id: 'sveltekit', name: 'SvelteKit', packages: ['@sveltejs/kit'], serverAdapter: '@sveltejs/adapter-node',
    defaultPort: 3000, output: 'build', runtimeFiles: ['build', 'package.json'], selfContained: false,
    start: 'node build', startWins: false, env: none, ownsServer: true,
    source: 'https://svelte.dev/docs/kit/adapter-node',
  },
  {
    // The starter's main.ts listens on process.env.PORT ?? 3000; `nest build` writes dist/.
    id: 'nestjs', name: 'NestJS', packages: ['@nestjs/core'], serverAdapter: null, defaultPort: 3000,
    output: 'dist', runtimeFiles: ['dist', 'package.json'], selfContained: false,
    start: 'node dist/main.js', startWins: false, env: none, ownsServer: false,
    source: 'https://docs.nestjs.com/first-steps',
  },
  {
    id: 'fastify', name: 'Fastify', packages: ['fastify'], serverAdapter: null, defaultPort: null, output: null,
    runtimeFiles: null, selfContained: false, start: null, startWins: false, env: none, ownsServer: false,
    source: 'https://fastify.dev/docs/latest/Reference/Server/#listen',
  },
  {
    id: 'koa', name: 'Koa', packages: ['koa'], serverAdapter: null, defaultPort: null, output: null,
    runtimeFiles: null, selfContained: false, start: null, startWins: false, env: none, ownsServer: false,
    source: 'https://koajs.com/#app-listen-',
  },
  {
    id: 'hapi', name: 'hapi', packages: ['@hapi/hapi', 'hapi'], serverAdapter: null, defaultPort: null, output: null,
    runtimeFiles: null, selfContained: false, start: null, startWins: false, env: none, ownsServer: false,
    source: 'https://hapi.dev/api/#server.options.port',
  },
  {
    id: 'express', name: 'Express', packages: ['express'], serverAdapter: null, defaultPort: null, output: null,
    runtimeFiles: null, selfContained: false, start: null, startWins: false, env: none, ownsServer: false,
    source: 'https://expressjs.com/en/5x/api.html#app.listen',
  },
];

/**
 * Next.js `output: 'standalone'`: .next/standalone holds server.js and a traced node_modules;
 * static assets and public/ are copied beside it. server.js binds to HOSTNAME, which Docker sets
 * to the container id, hence HOSTNAME=0.0.0.0.
 */
export const NEXT_STANDALONE = {
  runtimeFiles: ['.next/standalone', '.next/static', 'public'],
  selfContained: true,
  start: 'node server.js',
  env: { HOSTNAME: '0.0.0.0' } as Record<string, string>,
  source: 'https://nextjs.org/docs/app/api-reference/config/next-config-js/output#automatically-copying-traced-files',
} as const;

/** Folders an app commonly reads at run time, copied next to the build output when they exist. */
export const RUNTIME_ASSET_FOLDERS = ['public', 'views', 'templates', 'static', 'locales', 'prisma'] as const;

export interface NodeCliRule {
  /** Program name as written in a script. */
  command: string;
  /** Package providing it. */
  package: string;
  /** Its bin file inside node_modules/<package>, by the package's version; last row = newest. */
  bins: Array<{ versions: string; file: string }>;
  /** First arguments that mean a development server, never a production start ('' = no arguments). */
  devSubcommands: string[];
  /** Invocations replaced by a plain node command, e.g. `nest start` -> node dist/main.js. */
  replace: Array<{ subcommand: string; argv: string[] }>;
  /** Flags that set the port. */
  portFlags: string[];
  source: string;
}

/** Sorted by command. Bin paths are the "bin" fields of each package's package.json on npm. */
export const NODE_CLIS: readonly NodeCliRule[] = [
  {
    command: 'astro', package: 'astro', bins: [{ versions: '*', file: 'bin/astro.mjs' }],
    devSubcommands: ['', 'dev'], replace: [], portFlags: ['--port'],
    source: 'https://docs.astro.build/en/reference/cli-reference/',
  },
  {
    command: 'nest', package: '@nestjs/cli', bins: [{ versions: '*', file: 'bin/nest.js' }],
    devSubcommands: [], replace: [{ subcommand: 'start', argv: ['node', 'dist/main.js'] }], portFlags: [],
    source: 'https://docs.nestjs.com/cli/usages#nest-start',
  },
  {
    command: 'next', package: 'next', bins: [{ versions: '*', file: 'dist/bin/next' }],
    devSubcommands: ['', 'dev'], replace: [], portFlags: ['-p', '--port'],
    source: 'https://nextjs.org/docs/app/api-reference/cli/next',
  },
  {
    // `ng serve` is the development server; production is `ng build` output on a web server.
    command: 'ng', package: '@angular/cli', bins: [{ versions: '*', file: 'bin/ng.js' }],
    devSubcommands: ['serve', 's', 'dev'], replace: [], portFlags: ['--port'],
    source: 'https://angular.dev/cli/serve',
  },
  {
    command: 'nodemon', package: 'nodemon', bins: [{ versions: '*', file: 'bin/nodemon.js' }],
    devSubcommands: ['*'], replace: [], portFlags: [], source: 'https://github.com/remy/nodemon#nodemon',
  },
  {
    command: 'nuxi', package: 'nuxi', bins: [{ versions: '*', file: 'bin/nuxi.mjs' }],
    devSubcommands: ['', 'dev'], replace: [], portFlags: ['--port'], source: 'https://nuxt.com/docs/api/commands/dev',
  },
  {
    command: 'nuxt', package: 'nuxt', bins: [{ versions: '*', file: 'bin/nuxt.mjs' }],
    devSubcommands: ['', 'dev'], replace: [], portFlags: ['--port'], source: 'https://nuxt.com/docs/api/commands/dev',
  },
  {
    // `nx serve` runs the @nx/js:node executor: a watch-mode development server.
    command: 'nx', package: 'nx', bins: [{ versions: '*', file: 'bin/nx.js' }],
    devSubcommands: ['serve', 'dev'], replace: [], portFlags: ['--port'],
    source: 'https://nx.dev/nx-api/js/executors/node',
  },
  {
    command: 'react-router', package: '@react-router/dev',
    bins: [{ versions: '<8.0.0', file: 'bin.js' }, { versions: '>=8.0.0', file: 'bin.cjs' }],
    devSubcommands: ['', 'dev'], replace: [], portFlags: ['--port'],
    source: 'https://reactrouter.com/api/other-api/dev',
  },
  {
    command: 'react-router-serve', package: '@react-router/serve',
    bins: [{ versions: '<8.0.0', file: 'bin.js' }, { versions: '>=8.0.0', file: 'bin.cjs' }],
    devSubcommands: [], replace: [], portFlags: [], source: 'https://reactrouter.com/api/other-api/serve',
  },
  {
    // Create React App: `react-scripts start` is the development server.
    command: 'react-scripts', package: 'react-scripts', bins: [{ versions: '*', file: 'bin/react-scripts.js' }],
    devSubcommands: ['start'], replace: [], portFlags: [],
    source: 'https://create-react-app.dev/docs/available-scripts/#npm-start',
  },
  {
    command: 'remix', package: '@remix-run/dev', bins: [{ versions: '*', file: 'dist/cli.js' }],
    devSubcommands: ['', 'dev', 'vite:dev'], replace: [], portFlags: ['--port'],
    source: 'https://remix.run/docs/en/main/other-api/dev',
  },
  {
    command: 'remix-serve', package: '@remix-run/serve', bins: [{ versions: '*', file: 'dist/cli.js' }],
    devSubcommands: [], replace: [], portFlags: [], source: 'https://remix.run/docs/en/main/other-api/serve',
  },
  {
    command: 'ts-node', package: 'ts-node', bins: [{ versions: '*', file: 'dist/bin.js' }],
    devSubcommands: [], replace: [], portFlags: [], source: 'https://typestrong.org/ts-node/docs/usage',
  },
  {
    command: 'ts-node-dev', package: 'ts-node-dev', bins: [{ versions: '*', file: 'lib/bin.js' }],
    devSubcommands: ['*'], replace: [], portFlags: [], source: 'https://github.com/wclr/ts-node-dev#usage',
  },
  {
    command: 'tsx', package: 'tsx', bins: [{ versions: '*', file: 'dist/cli.mjs' }],
    devSubcommands: ['watch'], replace: [], portFlags: [], source: 'https://tsx.is/getting-started',
  },
  {
    command: 'vite', package: 'vite', bins: [{ versions: '*', file: 'bin/vite.js' }],
    devSubcommands: ['', 'dev', 'serve', 'preview'], replace: [], portFlags: ['--port'],
    source: 'https://vite.dev/guide/cli',
  },
  {
    command: 'vue-cli-service', package: '@vue/cli-service', bins: [{ versions: '*', file: 'bin/vue-cli-service.js' }],
    devSubcommands: ['serve'], replace: [], portFlags: ['--port'],
    source: 'https://cli.vuejs.org/guide/cli-service.html#vue-cli-service-serve',
  },
];

/** A front-end build tool that writes static files (HTML, JS, CSS) for a web server to serve. */
export interface StaticBuilderRule {
  /** The package that marks it, in dependencies or devDependencies. */
  package: string;
  /** The folder its production build writes by default. */
  output: string;
  source: string;
}

/** Sorted by package. Without server code or a start script, such a project is a static site. */
export const NODE_STATIC_BUILDERS: readonly StaticBuilderRule[] = [
  { package: '@angular/cli', output: 'dist', source: 'https://angular.dev/tools/cli/build' },
  { package: '@vue/cli-service', output: 'dist', source: 'https://cli.vuejs.org/guide/deployment.html' },
  { package: 'parcel', output: 'dist', source: 'https://parceljs.org/features/cli/#parcel-build-%3Centries%3E' },
  { package: 'react-scripts', output: 'build', source: 'https://create-react-app.dev/docs/deployment/' },
  { package: 'vite', output: 'dist', source: 'https://vite.dev/guide/static-deploy' },
];
