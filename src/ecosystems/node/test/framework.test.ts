import { describe, expect, it } from 'vitest';
import { detectFramework } from '../framework.js';
import { detectBuild } from '../build.js';
import { tsconfigOutDir } from '../tsconfig.js';
import { detectStart } from '../start.js';
import { readPackageJson } from '../manifest.js';
import { NODE_FRAMEWORKS } from '../knowledge/frameworks.js';
import { projectWith } from './fixture-helper.js';

const analyse = (files: Record<string, string | object>) => {
  const project = projectWith(files);
  const pkg = readPackageJson(project);
  const fw = detectFramework(project, pkg);
  const start = detectStart(project, pkg, fw);
  return { fw, build: detectBuild(project, pkg, fw, start.start.value), start };
};

describe('framework knowledge table', () => {
  it('names each package under one framework only', () => {
    const packages = NODE_FRAMEWORKS.flatMap((r) => r.packages);
    expect(new Set(packages).size).toBe(packages.length);
  });
});

describe('detectFramework', () => {
  it.each([
    [{ express: '^4' }, 'express'],
    [{ fastify: '^5' }, 'fastify'],
    [{ koa: '^2' }, 'koa'],
    [{ '@hapi/hapi': '^21' }, 'hapi'],
    [{ '@nestjs/core': '^10', express: '^4' }, 'nestjs'],
    [{ next: '15', express: '^4' }, 'next'],
    [{ nuxt: '^3' }, 'nuxt'],
    [{ '@react-router/serve': '^7', express: '^4' }, 'react-router'],
    [{ '@remix-run/serve': '^2' }, 'remix'],
    [{ astro: '^5', '@astrojs/node': '^9' }, 'astro'],
    [{ '@sveltejs/kit': '^2', '@sveltejs/adapter-node': '^5' }, 'sveltekit'],
    [{ lodash: '^4' }, null],
  ])('%o -> %s', (dependencies, id) => {
    const { fw } = analyse({ 'package.json': { dependencies } });
    expect(fw.framework.value).toBe(id);
    if (id) expect(fw.framework.source).toMatch(/^package\.json dependency /);
  });

  it('names Astro/SvelteKit without the Node adapter but does not treat them as servers', () => {
    const { fw } = analyse({ 'package.json': { devDependencies: { '@sveltejs/kit': '^2', '@sveltejs/adapter-auto': '^3' } } });
    expect(fw.framework.value).toBe('sveltekit');
    expect(fw.rule).toBeNull();
    expect(fw.warnings[0]).toMatch(/@sveltejs\/adapter-node/);
  });

  it('finds output: standalone in any next.config, ignoring comments', () => {
    const base = { 'package.json': { dependencies: { next: '15' } } };
    expect(analyse({ ...base, 'next.config.mjs': "export default { output: 'standalone' }" }).fw.nextStandalone).toBe(true);
    expect(analyse({ ...base, 'next.config.ts': 'const c: NextConfig = { output: "standalone" };' }).fw.nextStandalone).toBe(true);
    expect(analyse({ ...base, 'next.config.js': "module.exports = {\n  // output: 'standalone',\n};" }).fw.nextStandalone).toBe(false);
    expect(analyse({ ...base, 'next.config.js': "module.exports = { output: 'export' };" }).fw.nextStandalone).toBe(false);
  });
});

describe('detectBuild', () => {
  it('runs from sources when there is no build script', () => {
    const { build } = analyse({ 'package.json': { scripts: { start: 'node server.js' }, dependencies: { express: '^4' } }, public: '' });
    expect(build).toMatchObject({ buildScript: null, runtimeFiles: null, selfContained: false });
  });

  it('copies the tsconfig outDir, package.json and existing asset folders for a TypeScript build', () => {
    const { build } = analyse({
      'package.json': { scripts: { build: 'tsc', start: 'node build/index.js' }, devDependencies: { typescript: '^5' } },
      'tsconfig.json': '{\n  // JSONC\n  "compilerOptions": { "outDir": "./build/", },\n}\n',
      'views/index.ejs': '<h1/>', 'public/app.css': '', 'locales/en.json': '{}',
    });
    expect(build).toMatchObject({ buildScript: 'build', typescript: true, output: 'build', runtimeFiles: ['build', 'package.json', 'public', 'views', 'locales'] });
  });

  it('infers the output folder from the start command when tsconfig does not say', () => {
    const { build } = analyse({ 'package.json': { scripts: { build: 'esbuild src/index.ts --bundle --outdir=dist', start: 'node dist/index.js' } } });
    expect(build.runtimeFiles).toEqual(['dist', 'package.json']);
  });

  it('leaves runtimeFiles null when a build exists but its output is unknown', () => {
    expect(analyse({ 'package.json': { scripts: { build: 'webpack', start: 'node server.js' } } }).build.runtimeFiles).toBeNull();
  });

  it('Next standalone: standalone folder, static assets and public, self-contained, HOSTNAME', () => {
    const { build } = analyse({ 'package.json': { scripts: { build: 'next build' }, dependencies: { next: '15' } }, 'next.config.js': "module.exports = { output: 'standalone' }", 'public/robots.txt': '' });
    expect(build).toMatchObject({ runtimeFiles: ['.next/standalone', '.next/static', 'public'], selfContained: true, env: { HOSTNAME: '0.0.0.0' } });
    const noPublic = analyse({ 'package.json': { scripts: { build: 'next build' }, dependencies: { next: '15' } }, 'next.config.js': "module.exports = { output: 'standalone' }" });
    expect(noPublic.build.runtimeFiles).toEqual(['.next/standalone', '.next/static']);
  });

  it('plain Next: .next, public, package.json and the config next start reads', () => {
    const { build } = analyse({ 'package.json': { scripts: { build: 'next build', start: 'next start' }, dependencies: { next: '15' } }, 'next.config.mjs': 'export default {}', 'public/x.txt': '' });
    expect(build).toMatchObject({ runtimeFiles: ['.next', 'public', 'package.json', 'next.config.mjs'], selfContained: false });
  });

  it('Nuxt: .output only, self-contained, HOST=0.0.0.0', () => {
    const { build, start } = analyse({ 'package.json': { scripts: { build: 'nuxt build', start: 'nuxt start' }, dependencies: { nuxt: '^3' } } });
    expect(build).toMatchObject({ runtimeFiles: ['.output'], selfContained: true, env: { HOST: '0.0.0.0' } });
    expect(start.start.value).toEqual({ kind: 'exec', argv: ['node', '.output/server/index.mjs'] });
  });

  it('SvelteKit: build/ and package.json, started with node build', () => {
    const { build, start } = analyse({ 'package.json': { scripts: { build: 'vite build' }, devDependencies: { '@sveltejs/kit': '^2', '@sveltejs/adapter-node': '^5' } } });
    expect(build.runtimeFiles).toEqual(['build', 'package.json']);
    expect(start.start.value).toEqual({ kind: 'exec', argv: ['node', 'build'] });
  });

  it('Nest: the tsconfig outDir wins over the default dist', () => {
    const { build } = analyse({ 'package.json': { scripts: { build: 'nest build' }, dependencies: { '@nestjs/core': '^10' } }, 'tsconfig.json': '{"compilerOptions":{"outDir":"out"}}' });
    expect(build.output).toBe('out');
  });

  it('warns when a framework that needs a build has no build script', () => {
    expect(analyse({ 'package.json': { scripts: { start: 'next start' }, dependencies: { next: '15' } } }).build.warnings[0]).toMatch(/no scripts\.build/);
  });

  it('ignores an outDir outside the project', () => {
    expect(tsconfigOutDir(projectWith({ 'tsconfig.json': '{"compilerOptions":{"outDir":"../out"}}' }))).toBeNull();
  });
});
