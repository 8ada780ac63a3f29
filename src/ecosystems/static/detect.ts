// Static sites: is this project's production output a folder of files, and if so how is it
// built, where does the output land, how should unknown paths be answered, and which build-time
// variables must reach the build. Pure over the Project view; each answer carries its source.
import * as semver from '../../semver.js';
import type { DetectOptions } from '../../ecosystem.js';
import { UserError } from '../../errors.js';
import type { Project } from '../../project.js';
import type { Fact, RuntimeRequirement } from '../../types.js';
import { ASTRO_ADAPTERS, CLIENT_ROUTERS, SERVER_BUILDERS, SERVER_PACKAGES, STATIC_FRAMEWORKS, type StaticFrameworkRule } from './knowledge/frameworks.js';
import { NGINX_IMAGES } from './knowledge/servers.js';
import { LOCKFILES, type SitePackageManager } from './knowledge/package-managers.js';
import type { BuildArg, FallbackFact, StaticFacts } from './types.js';

interface Manifest {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  packageManager: string | null;
  enginesNode: string | null;
}

/** What kind of site this is, or why it is none (null reason = not a static site at all). */
type Site =
  | { kind: 'built'; rule: StaticFrameworkRule; pkg: Manifest; why: string }
  /** index.html at the root served as it is; `beside` names the server app it sits next to, if any. */
  | { kind: 'files'; pkg: Manifest | null; why: string; beside: string | null };

const CONFIG_EXTENSIONS = ['ts', 'mts', 'js', 'mjs', 'cjs'];

function configText(project: Project, stem: string): { file: string; text: string } | null {
  for (const ext of CONFIG_EXTENSIONS) {
    const file = `${stem}.${ext}`;
    if (project.isFile(file)) return { file, text: project.readText(file) ?? '' };
  }
  return null;
}

function strings(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

function readManifest(project: Project): Manifest | null {
  if (!project.isFile('package.json')) return null;
  const raw = project.readJson('package.json');
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new UserError('package.json must contain a JSON object. Fix the file and run again.');
  }
  const record = raw as Record<string, unknown>;
  const engines = strings(record.engines);
  return {
    scripts: strings(record.scripts),
    dependencies: strings(record.dependencies),
    devDependencies: strings(record.devDependencies),
    packageManager: typeof record.packageManager === 'string' ? record.packageManager : null,
    enginesNode: engines.node ?? null,
  };
}

const has = (pkg: Manifest, name: string): boolean => name in pkg.dependencies || name in pkg.devDependencies;

/** A start script that runs a program of the project (a server), not a dev server or a file server. */
const RUNS_PROGRAM = /(^|[\s;&|])(node|tsx|ts-node|nodemon|pm2|pm2-runtime|bun|deno)\s+(?!--version)[\w./-]+/;

/** Why a framework that can also run a server is static here, or null when its config does not say so. */
function staticBecause(project: Project, rule: StaticFrameworkRule, pkg: Manifest): string | null {
  switch (rule.id) {
    case 'next': {
      const config = configText(project, 'next.config');
      return config && /\boutput\s*:\s*['"]export['"]/.test(config.text) ? `${config.file} sets output: 'export'` : null;
    }
    case 'nuxt': {
      // Every Nuxt starter has a "generate" script beside "build": only a build that generates, or
      // Nitro's static preset, makes the production output files.
      if (/\b(nuxt|nuxi)\s+generate\b/.test(pkg.scripts.build ?? '')) return `scripts.build runs "${pkg.scripts.build}"`;
      const config = configText(project, 'nuxt.config');
      return config && /\bpreset\s*:\s*['"]static['"]/.test(config.text) ? `${config.file} sets nitro preset 'static'` : null;
    }
    case 'astro': {
      const adapter = ASTRO_ADAPTERS.find((a) => has(pkg, a.package));
      const config = configText(project, 'astro.config');
      if (adapter || (config && /\boutput\s*:\s*['"](server|hybrid)['"]/.test(config.text))) return null;
      return `no SSR adapter (${ASTRO_ADAPTERS.map((a) => a.package).join(', ')}) and no output: 'server', so astro build writes static files`;
    }
    case 'sveltekit':
      return has(pkg, '@sveltejs/adapter-static') ? 'it uses @sveltejs/adapter-static' : null;
    default:
      return `${rule.packages.find((p) => has(pkg, p))} builds it into files`;
  }
}

/** Is this a static site, and which kind? Never throws for a folder that is not one. */
function site(project: Project): Site | null {
  let pkg: Manifest | null;
  try {
    pkg = readManifest(project);
  } catch {
    return null; // a malformed manifest is reported by whichever ecosystem takes the folder
  }
  if (pkg === null) return project.isFile('index.html') ? { kind: 'files', pkg: null, why: 'index.html at the root and no manifest', beside: null } : null;
  const server = SERVER_PACKAGES.find((s) => s.package in pkg.dependencies) ?? SERVER_BUILDERS.find((s) => has(pkg, s.package));
  const start = pkg.scripts.start ?? pkg.scripts['start:prod'] ?? '';
  const beside = server ? `package.json depends on ${server.package}` : RUNS_PROGRAM.test(start) ? `package.json starts "${start.slice(0, 60)}"` : null;
  // An index.html next to a Node.js server is that server's page: a static site only when asked for.
  if (beside !== null) return project.isFile('index.html') ? { kind: 'files', pkg, why: `index.html at the root (${beside}, which may serve it)`, beside } : null;
  const rule = STATIC_FRAMEWORKS.find((r) => r.packages.some((p) => has(pkg, p)));
  if (rule) {
    const why = staticBecause(project, rule, pkg);
    return why === null ? null : { kind: 'built', rule, pkg, why };
  }
  if (pkg.scripts.build === undefined && project.isFile('index.html')) {
    return { kind: 'files', pkg, why: 'index.html at the root, and package.json builds nothing', beside: null };
  }
  return null;
}

export function recognizesStatic(project: Project): boolean {
  return site(project) !== null;
}

/** A static site that takes the place of the Node.js reading of the same package.json (not one beside a server). */
export function refinesNode(project: Project): boolean {
  const found = site(project);
  return found !== null && !(found.kind === 'files' && found.beside !== null) && project.isFile('package.json');
}

// ---- the Node.js line of the builder ----

const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);

function nodeRequirement(project: Project, pkg: Manifest): RuntimeRequirement {
  for (const file of ['.nvmrc', '.node-version']) {
    const text = project.readText(file)?.split('\n')[0]?.trim();
    if (!text) continue;
    const major = /^v?(\d+)/.exec(text)?.[1];
    if (major) return { constraint: major, pinned: true, source: file };
    return { constraint: null, pinned: false, source: `${file} ("${text.slice(0, 20)}" names no version: the newest LTS)` };
  }
  if (pkg.enginesNode !== null && semver.validRange(pkg.enginesNode, { loose: true }) !== null) {
    return { constraint: pkg.enginesNode, pinned: false, source: 'package.json engines.node' };
  }
  return { constraint: null, pinned: false, source: 'default' };
}

// ---- package manager ----

function packageManager(project: Project, pkg: Manifest, forced: string | undefined): { pm: SitePackageManager; version: string | null; lockfile: string | null; source: string; warnings: string[] } {
  const declared = /^(npm|yarn|pnpm|bun)@(\d[\w.+-]*)/.exec(pkg.packageManager ?? '');
  const warnings: string[] = [];
  if (forced !== undefined) {
    if (!['npm', 'yarn', 'pnpm', 'bun'].includes(forced)) throw new UserError(`--package-manager ${forced} cannot build a static site; use npm, yarn, pnpm or bun.`);
    const pm = forced as SitePackageManager;
    const lock = LOCKFILES.find((l) => l.pm === pm && project.isFile(l.file));
    return { pm, version: declared?.[1] === pm ? declared[2]! : null, lockfile: lock?.file ?? null, source: '--package-manager', warnings };
  }
  const present = LOCKFILES.filter((l) => project.isFile(l.file));
  if (declared) {
    const pm = declared[1] as SitePackageManager;
    const lock = present.find((l) => l.pm === pm);
    return { pm, version: declared[2]!, lockfile: lock?.file ?? null, source: 'package.json packageManager', warnings };
  }
  const first = present[0];
  if (first === undefined) return { pm: 'npm', version: null, lockfile: null, source: 'default (no lockfile)', warnings: ['No lockfile: the build runs `npm install`, so dependency versions may differ from yours. Commit a lockfile for repeatable builds.'] };
  const others = present.filter((l) => l.pm !== first.pm);
  if (others.length > 0) warnings.push(`Several lockfiles (${present.map((l) => l.file).join(', ')}); ${first.file} decides. Remove the stale one, or pass --package-manager.`);
  return { pm: first.pm, version: null, lockfile: first.file, source: first.file, warnings };
}

/** An .npmrc holding a literal token is kept out of the build (the Node.js ecosystem mounts it as a secret). */
const NPMRC_TOKEN = /(_authToken|_auth|_password)\s*=\s*(?!\$\{)/;

function installFiles(project: Project, lockfile: string | null, warnings: string[]): string[] {
  const files = ['package.json', ...(lockfile ? [lockfile] : [])];
  for (const file of ['.npmrc', '.yarnrc.yml', 'pnpm-workspace.yaml', '.pnpmfile.cjs']) {
    if (!project.isFile(file)) continue;
    if (file === '.npmrc' && NPMRC_TOKEN.test(project.readText(file) ?? '')) {
      warnings.push('.npmrc holds a registry token, so it is not copied into the build; a private registry needs a template override that mounts it as a build secret.');
      continue;
    }
    files.push(file);
  }
  if (project.isDir('patches')) files.push('patches');
  if (project.isDir('.yarn/releases')) files.push('.yarn/releases');
  if (project.isDir('.yarn/patches')) files.push('.yarn/patches');
  return files;
}

// ---- build command and output ----

const BUILD_COMMANDS: Record<StaticFrameworkRule['id'], RegExp> = {
  next: /\bnext\s+build\b/,
  nuxt: /\b(nuxt|nuxi)\s+generate\b/,
  astro: /\bastro\s+build\b/,
  sveltekit: /\bvite\s+build\b/,
  gatsby: /\bgatsby\s+build\b/,
  docusaurus: /\bdocusaurus\s+build\b/,
  vitepress: /\bvitepress\s+build\b/,
  angular: /\bng\s+build\b/,
  'vue-cli': /\bvue-cli-service\s+build\b/,
  cra: /\breact-scripts\s+build\b/,
  vite: /\bvite\s+build\b/,
  parcel: /\bparcel\s+build\b/,
};

function buildScript(rule: StaticFrameworkRule, pkg: Manifest): [string, string] {
  const pattern = BUILD_COMMANDS[rule.id];
  const matching = Object.entries(pkg.scripts).filter(([, text]) => pattern.test(text));
  // "build" first, whatever it holds: npm runs its prebuild, and it often calls the framework
  // through another script (`npm run build:${VERCEL_ENV:-preview}`).
  const chosen: [string, string] | undefined = pkg.scripts.build !== undefined ? ['build', pkg.scripts.build] : matching[0];
  if (chosen === undefined) {
    throw new UserError(`This ${rule.name} site has no build script in package.json (looked for one running ${pattern.source.replace(/\\[bs]\+?/g, ' ').trim()}). Add a "build" script, then run again.`);
  }
  return chosen;
}

const quoted = (text: string, key: string): string | null => new RegExp(`\\b${key}\\s*:\\s*['"\`]([^'"\`]+)['"\`]`).exec(text)?.[1] ?? null;

/** A relative folder inside the project, normalized ("./dist/" -> "dist"); null when it leaves the project. */
function inside(folder: string): string | null {
  const parts = folder.replace(/\\/g, '/').split('/').filter((p) => p !== '' && p !== '.');
  if (parts.some((p) => p === '..') || folder.startsWith('/')) return null;
  return parts.join('/') || '.';
}

function outputFolder(project: Project, rule: StaticFrameworkRule, script: [string, string]): Fact<string> {
  const flag = /--(?:outDir|out-dir|output-path|outputPath|dest|dist-dir)[= ]([^\s&;|]+)/.exec(script[1])?.[1];
  if (flag) return checked(flag, `scripts.${script[0]}`);
  switch (rule.id) {
    case 'vite': {
      const config = configText(project, 'vite.config');
      const root = config ? quoted(config.text, 'root') : null;
      const outDir = config ? quoted(config.text, 'outDir') : null;
      if (outDir) return checked(root && !outDir.startsWith('/') ? `${root}/${outDir}` : outDir, `${config!.file} build.outDir`);
      if (root) return checked(`${root}/dist`, `${config!.file} root`);
      break;
    }
    case 'vue-cli': {
      const config = project.isFile('vue.config.js') ? project.readText('vue.config.js') ?? '' : '';
      const outputDir = quoted(config, 'outputDir');
      if (outputDir) return checked(outputDir, 'vue.config.js outputDir');
      break;
    }
    case 'astro': {
      const config = configText(project, 'astro.config');
      const outDir = config ? quoted(config.text, 'outDir') : null;
      if (outDir) return checked(outDir, `${config!.file} outDir`);
      break;
    }
    case 'sveltekit': {
      const config = configText(project, 'svelte.config');
      const pages = config ? quoted(config.text, 'pages') : null;
      if (pages) return checked(pages, `${config!.file} adapter-static pages`);
      break;
    }
    case 'vitepress': {
      const dir = /\bvitepress\s+build\s+([^\s-][^\s&;|]*)/.exec(script[1])?.[1];
      return checked(dir ? `${dir}/.vitepress/dist` : '.vitepress/dist', `scripts.${script[0]} (vitepress build writes <dir>/.vitepress/dist)`);
    }
    case 'angular':
      return angularOutput(project);
    default:
      break;
  }
  return { value: rule.output, source: `${rule.name} default (${rule.source})` };
}

function checked(folder: string, source: string): Fact<string> {
  if (folder.includes('$')) {
    throw new UserError(`${source} writes the site to ${JSON.stringify(folder.slice(0, 80))}, a path with a "$", which a Dockerfile reads as a variable in COPY. Rename it without "$" and run again.`);
  }
  const value = inside(folder);
  if (value === null || value === '.') throw new UserError(`${source} writes the site to "${folder}", outside the project folder; the image can only copy a folder inside it.`);
  return { value, source };
}

/** angular.json: the default (or first) application's build outputPath; the application builder adds /browser. */
function angularOutput(project: Project): Fact<string> {
  const raw = project.readJson('angular.json') as { defaultProject?: unknown; projects?: Record<string, unknown> } | null;
  const projects = raw && typeof raw.projects === 'object' && raw.projects !== null ? raw.projects : {};
  const names = Object.keys(projects);
  const apps = names.filter((n) => (projects[n] as { projectType?: unknown } | null)?.projectType !== 'library');
  const name = typeof raw?.defaultProject === 'string' && raw.defaultProject in projects ? raw.defaultProject : apps[0];
  if (name === undefined) return { value: 'dist', source: 'Angular default (no angular.json application)' };
  const build = (projects[name] as { architect?: { build?: { builder?: unknown; options?: { outputPath?: unknown } } } }).architect?.build;
  const builder = typeof build?.builder === 'string' ? build.builder : '';
  const application = /:application$/.test(builder);
  const outputPath = build?.options?.outputPath;
  const source = `angular.json projects.${name}.architect.build`;
  if (typeof outputPath === 'object' && outputPath !== null) {
    const o = outputPath as { base?: unknown; browser?: unknown };
    const base = typeof o.base === 'string' ? o.base : `dist/${name}`;
    const browser = typeof o.browser === 'string' ? o.browser : 'browser';
    return checked(browser === '' ? base : `${base}/${browser}`, `${source} outputPath`);
  }
  const base = typeof outputPath === 'string' ? outputPath : `dist/${name}`;
  return checked(application ? `${base}/browser` : base, `${source} outputPath${application ? ` (+ /browser: ${builder} writes the site there, https://angular.dev/tools/cli/build-system-migration)` : ''}`);
}

// ---- unknown paths ----

function fallback(project: Project, rule: StaticFrameworkRule, pkg: Manifest): FallbackFact {
  if (rule.id === 'sveltekit') {
    const config = configText(project, 'svelte.config');
    const page = config ? quoted(config.text, 'fallback') : null;
    if (page && /^[\w.-]+\.html$/.test(page)) return { kind: 'spa', page: `/${page}`, source: `${config!.file} adapter-static fallback` };
    return { kind: 'pages', page: '/404.html', source: 'adapter-static prerenders every page' };
  }
  if (rule.fallback === 'spa') return { kind: 'spa', page: '/index.html', source: `${rule.name} apps route in the browser` };
  if (rule.fallback === 'pages') return { kind: 'pages', page: '/404.html', source: `${rule.name} writes one HTML file per page` };
  const router = CLIENT_ROUTERS.find((r) => has(pkg, r.package));
  const hash = router ? hashRouting(project) : null;
  if (hash !== null) return { kind: 'none', page: '/index.html', source: `${hash} routes in the URL fragment (#/...), so the server never sees app paths` };
  return router
    ? { kind: 'spa', page: '/index.html', source: `${router.package} routes with the History API` }
    : { kind: 'none', page: '/index.html', source: 'no client router among the dependencies, so unknown paths answer 404' };
}

/** Hash-mode routing in the app's code (`createWebHashHistory()`, `<HashRouter>`, `createHashRouter(`), or null. */
function hashRouting(project: Project): string | null {
  const files = project.find({ extensions: ['.ts', '.tsx', '.js', '.jsx', '.mjs', '.vue', '.svelte'], under: ['src'], maxDepth: 4, maxFiles: 300 });
  for (const file of files) {
    const found = /\b(createWebHashHistory|createHashHistory|createHashRouter|HashRouter)\b/.exec(project.readText(file) ?? '');
    if (found) return `${file} (${found[1]})`;
  }
  return null;
}

// ---- build-time variables ----

/** The committed .env files a production build reads, in the order later ones win (.local files are private by convention). */
const ENV_FILES = ['.env', '.env.production'];
const LOCAL_ENV_FILES = ['.env.local', '.env.production.local'];

function parseEnv(text: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!m) continue;
    let value = m[2]!;
    const q = /^(['"`])(.*?)\1(\s+#.*)?$/.exec(value);
    if (q) value = q[2]!;
    else value = withoutComment(value);
    pairs.push([m[1]!, value]);
  }
  return pairs;
}

function buildArgs(project: Project, prefixes: string[], warnings: string[]): BuildArg[] {
  if (prefixes.length === 0) return [];
  const byName = new Map<string, BuildArg>();
  const matches = (name: string) => prefixes.some((p) => name.startsWith(p));
  for (const file of ENV_FILES) {
    if (!project.isFile(file)) continue;
    for (const [name, value] of parseEnv(project.readText(file) ?? '')) {
      if (!matches(name)) continue;
      // Only plain text becomes a default: $ would refer to another variable, and dockerfile-utils
      // rejects quotes (even escaped ones) inside a quoted ARG default.
      if (!/^[\p{L}\p{N} _.,:/?#@!&()*+;=%~[\]{}|^<>-]*$/u.test(value)) {
        warnings.push(`${name} in ${file} refers to another variable or holds quotes, backslashes or control characters, so it is not passed; pass it with --build-arg ${name}=VALUE.`);
        continue;
      }
      byName.set(name, { name, value, source: file });
    }
  }
  const secretLooking = [...byName.keys()].filter((n) => /(^|_)(API_?KEY|KEY|TOKEN|SECRET|PASSWORD|PASSWD|PWORD|AUTH|CREDENTIALS?)(_|$)/i.test(n));
  if (secretLooking.length > 0) {
    warnings.push(
      `${secretLooking.join(', ')} ${secretLooking.length > 1 ? 'look' : 'looks'} like a secret, but every ${prefixes.join('/')} variable is inlined into the public bundle, so it is passed as a build argument ` +
        "like the others (BuildKit's SecretsUsedInArgOrEnv check will point at it). Keep real secrets out of front-end variables.",
    );
  }
  const local = LOCAL_ENV_FILES.filter((f) => project.isFile(f) && parseEnv(project.readText(f) ?? '').some(([n]) => matches(n)));
  if (local.length > 0) {
    warnings.push(`${local.join(' and ')} set ${prefixes.join('/')} variables for this machine only (such files are not committed), so the image does not get them; pass the ones it needs with --build-arg.`);
  }
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}

// ---- the detector ----

export function detectStatic(project: Project, options: DetectOptions): StaticFacts {
  const found = site(project);
  if (found === null) {
    // Only reached with --language static: say why the folder is not one.
    if (project.isFile('package.json')) readManifest(project); // a malformed manifest is named first
    throw new UserError(
      'This does not look like a static site: no front-end framework whose build writes only files (Vite, Create React App, Angular, Vue CLI, Astro without an ' +
        "SSR adapter, SvelteKit with adapter-static, Next.js with output: 'export', Nuxt generate, Docusaurus, VitePress, Gatsby), and no index.html at the root " +
        'without a build, or the project runs a server. Use --language node for an app with a Node.js server.',
    );
  }
  const port = { value: NGINX_IMAGES.port, source: `nginx-unprivileged listens on ${NGINX_IMAGES.port} as a non-root user (${NGINX_IMAGES.source})` };
  // The nginx server block is written by the Dockerfile, so --port moves its listen line.
  const portSetting = { kind: 'image' as const, where: 'nginx listen in the generated server block' };
  const start = { value: { kind: 'exec' as const, argv: ['nginx', '-g', 'daemon off;'] }, source: 'the web server' };
  if (found.kind === 'files') {
    return {
      language: 'static', packageManager: { value: 'none', source: 'nothing is built' }, framework: { value: null, source: found.why },
      runtime: { constraint: null, pinned: false, source: 'nothing is built, so no Node.js' }, port, portSetting, start, nativeDependencies: [], warnings: [],
      frameworkId: null, built: false, packageManagerVersion: null, sitePackageManager: null, yarnBerry: false, lockfile: null, installFiles: [],
      buildCommand: { value: null, source: found.why }, output: { value: '.', source: found.why },
      fallback: { kind: 'pages', page: '/404.html', source: 'a folder of HTML files: /about answers about.html or about/index.html' },
      immutable: [], immutablePattern: null, buildArgs: [],
    };
  }
  const { rule, pkg } = found;
  const pm = packageManager(project, pkg, options.packageManager);
  const warnings = [...pm.warnings];
  const script = buildScript(rule, pkg);
  const output = outputFolder(project, rule, script);
  const yarnBerry = pm.pm === 'yarn' && (project.isFile('.yarnrc.yml') || Number(pm.version?.split('.')[0] ?? '1') >= 2);
  const runtime = nodeRequirement(project, pkg);
  const files = installFiles(project, pm.lockfile, warnings);
  const args = buildArgs(project, rule.envPrefixes, warnings);
  return {
    language: 'static',
    packageManager: { value: pm.pm, source: pm.source },
    framework: { value: rule.id, source: found.why },
    runtime,
    port,
    portSetting,
    start,
    nativeDependencies: [],
    warnings,
    frameworkId: rule.id,
    built: true,
    packageManagerVersion: pm.version,
    sitePackageManager: pm.pm,
    yarnBerry,
    lockfile: pm.lockfile,
    installFiles: files,
    buildCommand: { value: [pm.pm, 'run', script[0]], source: `package.json scripts.${script[0]} ("${script[1].slice(0, 80)}")` },
    output,
    fallback: fallback(project, rule, pkg),
    immutable: rule.immutable,
    immutablePattern: rule.immutablePattern,
    buildArgs: args,
  };
}

/** Maintained Node lines on `now`, newest first, and the LTS ones. */
export function nodeLines(now: Date, lines: ReadonlyArray<{ major: number; start: string; lts: string | null; end: string }>): { maintained: string[]; lts: string[] } {
  const t = now.getTime();
  const live = lines.filter((l) => day(l.start) <= t && t < day(l.end)).reverse();
  return { maintained: live.map((l) => String(l.major)), lts: live.filter((l) => l.lts !== null && day(l.lts) <= t).map((l) => String(l.major)) };
}

/** A value without its trailing ` # comment`: cut at the first "#" after whitespace, in one pass (no backtracking). */
function withoutComment(value: string): string {
  for (let i = 1; i < value.length; i++) {
    if (value[i] === '#' && (value[i - 1] === ' ' || value[i - 1] === '\t')) return value.slice(0, i).trimEnd();
  }
  return value;
}
