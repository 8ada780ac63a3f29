// Static-site detection: which projects are sites whose output is only files, how they are built,
// where the output lands, how unknown paths are answered, and which build-time variables pass.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Project } from '../../../project.js';
import { detectStatic, recognizesStatic, refinesNode } from '../detect.js';

function projectWith(files: Record<string, string | object>): Project {
  const root = mkdtempSync(join(tmpdir(), 'slim-static-'));
  for (const [rel, content] of Object.entries(files)) {
    const path = join(root, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return new Project(root);
}

const vite = (extra: object = {}) => ({ scripts: { build: 'vite build', dev: 'vite' }, devDependencies: { vite: '^6' }, ...extra });
const detect = (files: Record<string, string | object>, options = {}) => detectStatic(projectWith(files), options);

describe('which projects are static sites', () => {
  it.each([
    ['a Vite app', { 'package.json': vite(), 'index.html': '<div id=app></div>' }],
    ['Create React App', { 'package.json': { scripts: { start: 'react-scripts start', build: 'react-scripts build' }, dependencies: { 'react-scripts': '5.0.1' } } }],
    ['Astro without an adapter', { 'package.json': { scripts: { build: 'astro build' }, dependencies: { astro: '^5' } } }],
    ['SvelteKit with adapter-static', { 'package.json': { scripts: { build: 'vite build' }, devDependencies: { '@sveltejs/kit': '^2', '@sveltejs/adapter-static': '^3', vite: '^6' } } }],
    ["Next.js with output: 'export'", { 'package.json': { scripts: { build: 'next build' }, dependencies: { next: '15' } }, 'next.config.mjs': "export default { output: 'export' };" }],
    ['Nuxt whose build generates', { 'package.json': { scripts: { build: 'nuxt generate' }, dependencies: { nuxt: '^3' } } }],
    ['a folder with index.html and no manifest', { 'index.html': '<p>hi</p>' }],
    ['index.html with a package.json that builds nothing', { 'index.html': '<p>hi</p>', 'package.json': { devDependencies: { prettier: '^3' }, scripts: { format: 'prettier -w .' } } }],
  ])('%s: yes, and it takes the place of the Node.js reading', (_name, files) => {
    const project = projectWith(files);
    expect(recognizesStatic(project)).toBe(true);
    if ('package.json' in files) expect(refinesNode(project)).toBe(true);
  });

  it.each([
    ['Astro with the node adapter', { 'package.json': { dependencies: { astro: '^5', '@astrojs/node': '^9' } } }],
    ["Astro with output: 'server'", { 'package.json': { dependencies: { astro: '^5' } }, 'astro.config.mjs': "export default { output: 'server' };" }],
    ['SvelteKit with adapter-node', { 'package.json': { devDependencies: { '@sveltejs/kit': '^2', '@sveltejs/adapter-node': '^5', vite: '^6' } } }],
    ['Next.js without export', { 'package.json': { scripts: { build: 'next build', start: 'next start' }, dependencies: { next: '15' } } }],
    ['a Nuxt starter (build is a server, generate only a script beside it)', { 'package.json': { scripts: { build: 'nuxt build', generate: 'nuxt generate' }, dependencies: { nuxt: '^3' } } }],
    ['React Router framework mode', { 'package.json': { scripts: { build: 'react-router build' }, devDependencies: { '@react-router/dev': '^7', vite: '^6' } } }],
    ['a Vite client with an Express server', { 'package.json': vite({ dependencies: { express: '^5' } }) }],
    ['a Vite client whose start runs a server', { 'package.json': vite({ scripts: { build: 'vite build', start: 'node server.js' } }) }],
    ['a package.json with an unknown build', { 'package.json': { scripts: { build: 'webpack' } }, 'index.html': '<p>hi</p>' }],
    ['nothing at all', { 'README.md': '# x' }],
  ])('%s: no', (_name, files) => {
    expect(recognizesStatic(projectWith(files))).toBe(false);
  });

  it('an index.html beside a Node.js server is recognized but does not take the Node.js reading', () => {
    const project = projectWith({ 'index.html': '<p>hi</p>', 'package.json': { scripts: { start: 'node server.js' }, dependencies: { express: '^5' } } });
    expect(recognizesStatic(project)).toBe(true);
    expect(refinesNode(project)).toBe(false);
  });
});

describe('build and output', () => {
  it('a Vite outDir (and root) from vite.config', () => {
    const facts = detect({ 'package.json': vite(), 'vite.config.ts': "export default defineConfig({ root: 'web', build: { outDir: 'out' } });" });
    expect(facts.output).toEqual({ value: 'web/out', source: 'vite.config.ts build.outDir' });
    expect(facts.buildCommand.value).toEqual(['npm', 'run', 'build']);
  });

  it('an --outDir flag in the build script wins', () => {
    expect(detect({ 'package.json': vite({ scripts: { build: 'tsc && vite build --outDir public_html' } }) }).output.value).toBe('public_html');
  });

  it('Angular: outputPath plus /browser for the application builder, not for the browser builder', () => {
    const angular = (builder: string, outputPath: unknown) => ({
      'package.json': { scripts: { build: 'ng build' }, dependencies: { '@angular/core': '^19' } },
      'angular.json': { projects: { shop: { projectType: 'application', architect: { build: { builder, options: { outputPath } } } } } },
    });
    expect(detect(angular('@angular/build:application', 'dist/shop')).output.value).toBe('dist/shop/browser');
    expect(detect(angular('@angular-devkit/build-angular:application', { base: 'dist/x', browser: '' })).output.value).toBe('dist/x');
    expect(detect(angular('@angular-devkit/build-angular:browser', 'dist/old')).output.value).toBe('dist/old');
    expect(detect(angular('@angular/build:application', undefined)).output.value).toBe('dist/shop/browser');
  });

  it('"build" runs even when it only calls the framework through another script (its prebuild runs too)', () => {
    const facts = detect({ 'package.json': { scripts: { prebuild: 'node gen.mjs', build: 'npm run build:${VERCEL_ENV:-preview}', 'build:preview': 'docusaurus build --locale en' }, dependencies: { '@docusaurus/core': '3' } } });
    expect(facts.buildCommand.value).toEqual(['npm', 'run', 'build']);
  });

  it('VitePress writes <dir>/.vitepress/dist and runs the script that builds it', () => {
    const facts = detect({ 'package.json': { scripts: { 'docs:build': 'vitepress build docs' }, devDependencies: { vitepress: '^1' } } });
    expect(facts.output.value).toBe('docs/.vitepress/dist');
    expect(facts.buildCommand.value).toEqual(['npm', 'run', 'docs:build']);
  });

  it('an output folder outside the project, or with a "$", is refused naming the config', () => {
    expect(() => detect({ 'package.json': vite(), 'vite.config.js': "export default { build: { outDir: '../www' } };" })).toThrow(/vite\.config\.js build\.outDir .*outside the project/);
    expect(() => detect({ 'package.json': vite(), 'vite.config.js': "export default { build: { outDir: 'w$HOME' } };" })).toThrow(/vite\.config\.js build\.outDir .*variable/);
  });

  it('no build script is an error naming what to add', () => {
    expect(() => detect({ 'package.json': { devDependencies: { '@docusaurus/core': '3' } } })).toThrow(/no build script/);
  });

  it('the package manager comes from packageManager, then the lockfile', () => {
    expect(detect({ 'package.json': vite({ packageManager: 'pnpm@9.15.0' }), 'pnpm-lock.yaml': '' })).toMatchObject({ sitePackageManager: 'pnpm', packageManagerVersion: '9.15.0', lockfile: 'pnpm-lock.yaml' });
    expect(detect({ 'package.json': vite(), 'yarn.lock': '', '.yarnrc.yml': 'nodeLinker: node-modules\n' })).toMatchObject({ sitePackageManager: 'yarn', yarnBerry: true, installFiles: ['package.json', 'yarn.lock', '.yarnrc.yml'] });
    const none = detect({ 'package.json': vite() });
    expect(none.lockfile).toBeNull();
    expect(none.warnings.join(' ')).toMatch(/No lockfile/);
  });

  it('an .npmrc holding a token stays out of the build, with a warning', () => {
    const facts = detect({ 'package.json': vite(), 'package-lock.json': '{}', '.npmrc': '//registry.npmjs.org/:_authToken=abc\n' });
    expect(facts.installFiles).toEqual(['package.json', 'package-lock.json']);
    expect(facts.warnings.join(' ')).toMatch(/\.npmrc holds a registry token/);
  });

  it('the Node.js line: .nvmrc pins, engines.node is a range', () => {
    expect(detect({ 'package.json': vite(), '.nvmrc': 'v22.11.0\n' }).runtime).toEqual({ constraint: '22', pinned: true, source: '.nvmrc' });
    expect(detect({ 'package.json': vite({ engines: { node: '>=20' } }) }).runtime).toEqual({ constraint: '>=20', pinned: false, source: 'package.json engines.node' });
  });
});

describe('unknown paths', () => {
  it('a client router that uses the History API gets the index.html fallback; none, a 404', () => {
    expect(detect({ 'package.json': vite({ dependencies: { 'vue-router': '^4' } }) }).fallback).toMatchObject({ kind: 'spa', page: '/index.html' });
    expect(detect({ 'package.json': vite() }).fallback.kind).toBe('none');
  });

  it('hash-mode routing needs no fallback', () => {
    const facts = detect({ 'package.json': vite({ dependencies: { 'vue-router': '^4' } }), 'src/router.ts': "import { createRouter, createWebHashHistory } from 'vue-router';\nexport default createRouter({ history: createWebHashHistory(), routes: [] });\n" });
    expect(facts.fallback).toMatchObject({ kind: 'none', source: expect.stringMatching(/src\/router\.ts \(createWebHashHistory\)/) });
  });

  it('Angular always falls back; generators serve one file per page', () => {
    expect(detect({ 'package.json': { scripts: { build: 'ng build' }, dependencies: { '@angular/core': '^19' } } }).fallback.kind).toBe('spa');
    expect(detect({ 'package.json': { scripts: { build: 'astro build' }, dependencies: { astro: '^5' } } }).fallback.kind).toBe('pages');
  });

  it("SvelteKit's adapter-static fallback page makes it a single-page app", () => {
    const kit = { 'package.json': { scripts: { build: 'vite build' }, devDependencies: { '@sveltejs/kit': '^2', '@sveltejs/adapter-static': '^3' } } };
    expect(detect({ ...kit, 'svelte.config.js': "adapter({ pages: 'site', fallback: '200.html' })" })).toMatchObject({ fallback: { kind: 'spa', page: '/200.html' }, output: { value: 'site' } });
    expect(detect(kit).fallback.kind).toBe('pages');
  });
});

describe('build-time variables', () => {
  it('prefixed variables from .env and .env.production become build arguments; others and .local files do not', () => {
    const facts = detect({
      'package.json': vite(),
      '.env': 'VITE_API_URL=http://localhost\nVITE_TITLE="My shop" # shown in the tab\nDATABASE_URL=postgres://secret\n',
      '.env.production': 'export VITE_API_URL=https://api.example.com\n',
      '.env.local': 'VITE_DEBUG=1\n',
    });
    expect(facts.buildArgs).toEqual([
      { name: 'VITE_API_URL', value: 'https://api.example.com', source: '.env.production' },
      { name: 'VITE_TITLE', value: 'My shop', source: '.env' },
    ]);
    expect(facts.warnings.join(' ')).toMatch(/\.env\.local set VITE_ variables for this machine only/);
  });

  it('a value that refers to another variable is not passed; a secret-looking name is passed with a warning', () => {
    const facts = detect({ 'package.json': vite(), '.env': 'VITE_URL=${BASE}/api\nVITE_MAPS_API_KEY=pk.123\n' });
    expect(facts.buildArgs.map((a) => a.name)).toEqual(['VITE_MAPS_API_KEY']);
    expect(facts.warnings.join(' ')).toMatch(/VITE_URL in \.env refers to another variable/);
    expect(facts.warnings.join(' ')).toMatch(/VITE_MAPS_API_KEY looks like a secret/);
  });

  it('CRA reads REACT_APP_, Angular nothing', () => {
    expect(detect({ 'package.json': { scripts: { build: 'react-scripts build' }, dependencies: { 'react-scripts': '5' } }, '.env': 'REACT_APP_X=1\nVITE_Y=2\n' }).buildArgs.map((a) => a.name)).toEqual(['REACT_APP_X']);
    expect(detect({ 'package.json': { scripts: { build: 'ng build' }, dependencies: { '@angular/core': '^19' } }, '.env': 'NG_APP_X=1\n' }).buildArgs).toEqual([]);
  });
});
