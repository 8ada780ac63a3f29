// A package.json beside another ecosystem's app is tooling when it has no production start and no
// server framework; then the other ecosystem is the app (src/detect/index.ts chooses).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Project } from '../../../project.js';
import { nodeTooling } from '../tooling.js';

const project = (pkg: unknown) => {
  const dir = mkdtempSync(join(tmpdir(), 'slim-tooling-'));
  writeFileSync(join(dir, 'package.json'), typeof pkg === 'string' ? pkg : JSON.stringify(pkg));
  return new Project(dir);
};

describe('nodeTooling', () => {
  it.each([
    ['lint and format scripts only', { scripts: { lint: 'eslint .', format: 'prettier --write .' } }],
    ['asset build with front-end dependencies', { scripts: { build: 'rollup -c', dev: 'rollup -c -w' }, dependencies: { lit: '^3', postcss: '^8' } }],
    ['a start that runs a development server', { scripts: { start: 'npm-run-all --parallel watch:viz webpack-dev-server' }, dependencies: { react: '^18' } }],
    ['an Angular dev server start', { scripts: { start: 'ng serve --hmr' }, dependencies: { '@angular/core': '^18' } }],
    ['no scripts at all', { devDependencies: { less: '^4' } }],
  ])('%s: tooling', (_name, pkg) => {
    expect(nodeTooling(project(pkg))).toMatch(/builds assets or runs tooling/);
  });

  it.each([
    ['a production start script', { scripts: { start: 'node server.js' } }],
    ['a server framework with no start script', { dependencies: { express: '^4' } }],
    ['a meta-framework', { dependencies: { next: '^15' }, scripts: { dev: 'next dev' } }],
    ['a command-line package', { bin: { tool: 'cli.js' } }],
    ['a Vite preview start', { scripts: { start: 'vite preview' } }],
  ])('%s: may be the app', (_name, pkg) => {
    expect(nodeTooling(project(pkg))).toBeNull();
  });

  it('leaves a malformed package.json to the detector', () => {
    expect(nodeTooling(project('{ not json'))).toBeNull();
  });
});
