// Front-end frameworks and site generators whose production output is files, as data: which
// package marks each, when a framework that can also run a server is static (its config must say
// so), where the build writes, which folders hold fingerprinted files, whether deep links need the
// history-API fallback, and which environment variables the bundler inlines at build time.
// In priority order: meta-frameworks before the bundler they are built on (Astro, SvelteKit,
// VitePress and Nuxt all depend on Vite; Docusaurus and Gatsby on webpack).

export const STATIC_FRAMEWORK_IDS = [
  'next', 'nuxt', 'astro', 'sveltekit', 'gatsby', 'docusaurus', 'vitepress', 'angular', 'vue-cli', 'cra', 'vite', 'parcel',
] as const;
export type StaticFrameworkId = (typeof STATIC_FRAMEWORK_IDS)[number];

/** How requests for paths that are no file are answered. */
export type Fallback =
  /** A single-page app with a client router: every unknown path answers with index.html (the router decides). */
  | 'spa'
  /** Only when a client router that uses the History API is a dependency (a Vite or CRA app may have none). */
  | 'router'
  /** A generated site: one HTML file per page (`/about` -> about.html or about/index.html), 404.html for the rest. */
  | 'pages';

export interface StaticFrameworkRule {
  id: StaticFrameworkId;
  name: string;
  /** Any of these in dependencies or devDependencies marks the framework. */
  packages: string[];
  /** The folder the production build writes, relative to the project (the default; configs may move it). */
  output: string;
  /** Folders of the output whose file names carry a content hash: cached for a year, immutable. */
  immutable: string[];
  /** An nginx regular expression for fingerprinted files outside those folders, or null. */
  immutablePattern: string | null;
  fallback: Fallback;
  /** Prefixes of the environment variables the build inlines into the bundle; [] when none. */
  envPrefixes: string[];
  source: string;
}

export const STATIC_FRAMEWORKS: readonly StaticFrameworkRule[] = [
  {
    // Static only with `output: 'export'` in next.config.*; pages are written as out/about.html
    // (out/about/index.html with trailingSlash), hashed files under out/_next/static.
    id: 'next', name: 'Next.js (static export)', packages: ['next'], output: 'out', immutable: ['_next/static'],
    immutablePattern: null, fallback: 'pages', envPrefixes: ['NEXT_PUBLIC_'],
    source: 'https://nextjs.org/docs/app/guides/static-exports',
  },
  {
    // Static only through `nuxt generate` (prerendered pages in .output/public); hashed files in /_nuxt/.
    id: 'nuxt', name: 'Nuxt (nuxt generate)', packages: ['nuxt', 'nuxt3'], output: '.output/public', immutable: ['_nuxt'],
    immutablePattern: null, fallback: 'pages', envPrefixes: ['NUXT_PUBLIC_'],
    source: 'https://nuxt.com/docs/getting-started/deployment#static-hosting',
  },
  {
    // Static unless an SSR adapter is installed or the config says output: 'server'; hashed files in /_astro/.
    id: 'astro', name: 'Astro (static)', packages: ['astro'], output: 'dist', immutable: ['_astro'],
    immutablePattern: null, fallback: 'pages', envPrefixes: ['PUBLIC_'],
    source: 'https://docs.astro.build/en/reference/configuration-reference/#output',
  },
  {
    // Static only with @sveltejs/adapter-static; pages in build/ (its `pages` option), immutable
    // files under _app/immutable; a `fallback` page makes it a single-page app.
    id: 'sveltekit', name: 'SvelteKit (adapter-static)', packages: ['@sveltejs/kit'], output: 'build', immutable: ['_app/immutable'],
    immutablePattern: null, fallback: 'pages', envPrefixes: ['PUBLIC_'],
    source: 'https://svelte.dev/docs/kit/adapter-static',
  },
  {
    // `gatsby build` writes public/; public/static holds hashed files (caching guide).
    id: 'gatsby', name: 'Gatsby', packages: ['gatsby'], output: 'public', immutable: ['static'],
    immutablePattern: null, fallback: 'pages', envPrefixes: ['GATSBY_'],
    source: 'https://www.gatsbyjs.com/docs/caching/',
  },
  {
    // `docusaurus build` writes build/; JS and CSS with content hashes under build/assets.
    id: 'docusaurus', name: 'Docusaurus', packages: ['@docusaurus/core'], output: 'build', immutable: ['assets'],
    immutablePattern: null, fallback: 'pages', envPrefixes: [],
    source: 'https://docusaurus.io/docs/deployment',
  },
  {
    // `vitepress build <dir>` writes <dir>/.vitepress/dist (the folder is read from the script).
    id: 'vitepress', name: 'VitePress', packages: ['vitepress'], output: '.vitepress/dist', immutable: ['assets'],
    immutablePattern: null, fallback: 'pages', envPrefixes: ['VITE_'],
    source: 'https://vitepress.dev/guide/deploy',
  },
  {
    // angular.json outputPath; the application builder (default since v17) writes the site into
    // <outputPath>/browser. File names carry an 8-character hash (main-ABCDEFGH.js), or 16-20 hex
    // characters with the older webpack builder (main.0123456789abcdef.js).
    id: 'angular', name: 'Angular', packages: ['@angular/core'], output: 'dist', immutable: ['media'],
    immutablePattern: '[.-]([A-Z0-9]{8}|[0-9a-f]{16,20})\\.(js|mjs|css)$', fallback: 'spa', envPrefixes: [],
    source: 'https://angular.dev/tools/cli/build#output-directory',
  },
  {
    // vue-cli-service build writes dist/ (outputDir); hashed files in js/, css/, img/, fonts/ (filenameHashing).
    id: 'vue-cli', name: 'Vue CLI', packages: ['@vue/cli-service'], output: 'dist', immutable: ['css', 'fonts', 'img', 'js'],
    immutablePattern: null, fallback: 'router', envPrefixes: ['VUE_APP_'],
    source: 'https://cli.vuejs.org/guide/deployment.html',
  },
  {
    // react-scripts build writes build/; build/static holds hashed files "safe to cache for a year".
    id: 'cra', name: 'Create React App', packages: ['react-scripts'], output: 'build', immutable: ['static'],
    immutablePattern: null, fallback: 'router', envPrefixes: ['REACT_APP_'],
    source: 'https://create-react-app.dev/docs/production-build/#static-file-caching',
  },
  {
    // vite build writes dist/ (build.outDir) with hashed files in dist/assets (build.assetsDir).
    id: 'vite', name: 'Vite', packages: ['vite'], output: 'dist', immutable: ['assets'],
    immutablePattern: null, fallback: 'router', envPrefixes: ['VITE_'],
    source: 'https://vite.dev/guide/static-deploy.html',
  },
  {
    // parcel build writes dist/ (--dist-dir) with content hashes in the file names (index.1a2b3c4d.js).
    id: 'parcel', name: 'Parcel', packages: ['parcel'], output: 'dist', immutable: [],
    immutablePattern: '\\.[0-9a-f]{8}\\.(js|mjs|css|png|jpe?g|svg|webp|woff2?)$', fallback: 'router', envPrefixes: [],
    source: 'https://parceljs.org/features/targets/#distdir',
  },
];

/** Client routers that use the History API by default, so deep links need the index.html fallback. */
export interface ClientRouter {
  package: string;
  source: string;
}

export const CLIENT_ROUTERS: readonly ClientRouter[] = [
  { package: '@solidjs/router', source: 'https://docs.solidjs.com/solid-router' },
  { package: '@tanstack/react-router', source: 'https://tanstack.com/router/latest/docs/framework/react/guide/history-types' },
  { package: '@vaadin/router', source: 'https://github.com/vaadin/router' },
  { package: 'preact-router', source: 'https://github.com/preactjs/preact-router' },
  { package: 'react-router', source: 'https://reactrouter.com/start/declarative/routing' },
  { package: 'react-router-dom', source: 'https://reactrouter.com/start/declarative/routing' },
  { package: 'svelte-routing', source: 'https://github.com/EmilTholin/svelte-routing' },
  { package: 'vue-router', source: 'https://router.vuejs.org/guide/essentials/history-mode.html' },
  { package: 'wouter', source: 'https://github.com/molefrog/wouter' },
];

/**
 * Astro SSR adapters: with one installed (and output 'server' or a page opting out of
 * prerendering) the site needs a server, so the Node.js ecosystem or a platform takes it.
 */
export interface AstroAdapter {
  package: string;
  source: string;
}

export const ASTRO_ADAPTERS: readonly AstroAdapter[] = [
  { package: '@astrojs/cloudflare', source: 'https://docs.astro.build/en/guides/integrations-guide/cloudflare/' },
  { package: '@astrojs/netlify', source: 'https://docs.astro.build/en/guides/integrations-guide/netlify/' },
  { package: '@astrojs/node', source: 'https://docs.astro.build/en/guides/integrations-guide/node/' },
  { package: '@astrojs/vercel', source: 'https://docs.astro.build/en/guides/integrations-guide/vercel/' },
];

/**
 * Frameworks that build a server by default, even as a devDependency (React Router's framework
 * mode and Remix): their output is a server bundle, which the Node.js ecosystem runs.
 */
export const SERVER_BUILDERS: readonly ServerPackage[] = [
  { package: '@react-router/dev', source: 'https://reactrouter.com/start/framework/deploying' },
  { package: '@remix-run/dev', source: 'https://remix.run/docs/en/main/other-api/dev' },
];

/**
 * Packages that run an HTTP server in production: a project depending on one (in dependencies,
 * not devDependencies) is an app with a server, which the Node.js ecosystem serves.
 */
export interface ServerPackage {
  package: string;
  source: string;
}

export const SERVER_PACKAGES: readonly ServerPackage[] = [
  { package: '@hapi/hapi', source: 'https://hapi.dev/api/#server' },
  { package: '@nestjs/core', source: 'https://docs.nestjs.com/first-steps' },
  { package: '@react-router/serve', source: 'https://reactrouter.com/start/framework/deploying' },
  { package: '@remix-run/serve', source: 'https://remix.run/docs/en/main/other-api/serve' },
  { package: '@sveltejs/adapter-node', source: 'https://svelte.dev/docs/kit/adapter-node' },
  { package: 'express', source: 'https://expressjs.com/en/5x/api.html#app.listen' },
  { package: 'fastify', source: 'https://fastify.dev/docs/latest/Reference/Server/#listen' },
  { package: 'hono', source: 'https://hono.dev/docs/getting-started/nodejs' },
  { package: 'koa', source: 'https://koajs.com/#app-listen-' },
  { package: 'polka', source: 'https://github.com/lukeed/polka' },
  { package: 'restify', source: 'https://restify.com/docs/server-api/' },
  { package: 'socket.io', source: 'https://socket.io/docs/v4/server-initialization/' },
  { package: 'ws', source: 'https://github.com/websockets/ws#simple-server' },
];
