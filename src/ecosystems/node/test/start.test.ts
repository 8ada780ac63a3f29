import { describe, expect, it } from 'vitest';
import { binFile, detectStart, resolveCommand } from '../start.js';
import { detectFramework } from '../framework.js';
import { readPackageJson, type PackageJson } from '../manifest.js';
import { NODE_CLIS } from '../knowledge/frameworks.js';
import { projectWith } from './fixture-helper.js';

const pkgWith = (deps: Record<string, string> = {}): PackageJson => ({
  raw: {}, main: null, scripts: {}, dependencies: deps, devDependencies: {}, enginesNode: null, voltaNode: null, packageManager: null, workspaces: false,
});
const start = (files: Record<string, string | object>) => {
  const project = projectWith(files);
  const pkg = readPackageJson(project);
  return detectStart(project, pkg, detectFramework(project, pkg));
};

describe('resolveCommand', () => {
  it('keeps node with flags as exec form', () => {
    expect(resolveCommand('node --enable-source-maps dist/server.js', pkgWith()).command).toEqual({ kind: 'exec', argv: ['node', '--enable-source-maps', 'dist/server.js'] });
  });

  it('drops NODE_ENV (the image sets it) and keeps other assignments as env', () => {
    const r = resolveCommand('NODE_ENV=production PORT=8080 TZ=UTC node server.js', pkgWith());
    expect(r.command).toEqual({ kind: 'exec', argv: ['node', 'server.js'] });
    expect(r.env).toEqual({ PORT: '8080', TZ: 'UTC' });
    expect(r.port).toBe(8080);
  });

  it('sees through cross-env and npx', () => {
    expect(resolveCommand('cross-env NODE_ENV=production node a.js', pkgWith()).command).toEqual({ kind: 'exec', argv: ['node', 'a.js'] });
    expect(resolveCommand('npx --no-install next start', pkgWith({ next: '15.1.3' })).command).toEqual({
      kind: 'exec', argv: ['node', 'node_modules/next/dist/bin/next', 'start'],
    });
  });

  it.each([
    ['NODE_ENV=production node server.js && echo started'],
    ['node a.js | pino-pretty'],
    ['npm run serve'],
    ['yarn node server.js'],
    ['pnpm start:api'],
  ])('keeps %s as shell form with a warning', (text) => {
    const r = resolveCommand(text, pkgWith());
    expect(r.command).toEqual({ kind: 'shell', command: text });
    expect(r.warnings[0]).toMatch(/needs a shell/);
  });

  it('resolves known CLIs to their bin file, with the port flag', () => {
    const r = resolveCommand('next start -p 4000', pkgWith({ next: '^15.1.0' }));
    expect(r.command).toEqual({ kind: 'exec', argv: ['node', 'node_modules/next/dist/bin/next', 'start', '-p', '4000'] });
    expect(r.port).toBe(4000);
    expect(resolveCommand('./node_modules/.bin/remix-serve ./build/index.js', pkgWith()).command).toEqual({
      kind: 'exec', argv: ['node', 'node_modules/@remix-run/serve/dist/cli.js', './build/index.js'],
    });
  });

  it('picks the bin file that matches the declared version', () => {
    const serve = NODE_CLIS.find((c) => c.command === 'react-router-serve');
    if (!serve) throw new Error('react-router-serve row missing');
    expect(binFile(serve, '^7.1.1')).toBe('bin.js');
    expect(binFile(serve, '^8.0.0')).toBe('bin.cjs');
    expect(binFile(serve, 'workspace:*')).toBe('bin.cjs');
    expect(binFile(serve, null)).toBe('bin.cjs');
  });

  it('replaces `nest start` by node dist/main.js (the CLI is a dev dependency)', () => {
    expect(resolveCommand('nest start', pkgWith()).command).toEqual({ kind: 'exec', argv: ['node', 'dist/main.js'] });
  });

  it.each(['next dev', 'next', 'nodemon server.js', 'nest start --watch', 'astro dev', 'vite', 'ts-node-dev src/index.ts', 'tsx watch src/index.ts'])(
    'flags %s as a development server',
    (text) => {
      expect(resolveCommand(text, pkgWith()).dev).not.toBeNull();
    },
  );

  it('warns when an --env-file is loaded (.env files stay out of the image)', () => {
    expect(resolveCommand('node --env-file=.env server.js', pkgWith()).warnings[0]).toMatch(/\.env files are kept out/);
  });

  it('keeps an unknown program as exec form and warns', () => {
    const r = resolveCommand('pm2-runtime start ecosystem.config.js', pkgWith());
    expect(r.command).toEqual({ kind: 'exec', argv: ['pm2-runtime', 'start', 'ecosystem.config.js'] });
    expect(r.warnings[0]).toMatch(/does not know/);
  });
});

describe('detectStart order', () => {
  it('prefers start:prod over start', () => {
    const r = start({ 'package.json': { scripts: { start: 'nest start', 'start:prod': 'node dist/main' } } });
    expect(r.start).toEqual({ value: { kind: 'exec', argv: ['node', 'dist/main'] }, source: 'package.json scripts.start:prod' });
  });

  it('skips a dev-server start script and falls back to the framework start', () => {
    const r = start({ 'package.json': { scripts: { start: 'astro dev' }, dependencies: { astro: '^5.1.1', '@astrojs/node': '^9.0.0' } } });
    expect(r.start.value).toEqual({ kind: 'exec', argv: ['node', './dist/server/entry.mjs'] });
    expect(r.warnings.join(' ')).toMatch(/development server/);
  });

  it('uses the Next standalone server.js over `next start`', () => {
    const r = start({ 'package.json': { scripts: { start: 'next start' }, dependencies: { next: '15.1.3' } }, 'next.config.ts': "export default { output: 'standalone' };\n" });
    expect(r.start.value).toEqual({ kind: 'exec', argv: ['node', 'server.js'] });
    expect(r.start.source).toMatch(/standalone/);
  });

  it('falls back to main, then server.js/index.js/app.js, then a warned default', () => {
    expect(start({ 'package.json': { main: 'lib/app.js' } }).start).toEqual({ value: { kind: 'exec', argv: ['node', 'lib/app.js'] }, source: 'package.json main' });
    expect(start({ 'package.json': {}, 'app.js': '', 'index.js': '' }).start.value).toEqual({ kind: 'exec', argv: ['node', 'index.js'] });
    const none = start({ 'package.json': {} });
    expect(none.start.source).toMatch(/^default/);
    expect(none.warnings.join(' ')).toMatch(/--cmd/);
  });

  it('keeps a main with spaces as one argument', () => {
    expect(start({ 'package.json': { main: 'my app.js' } }).start.value).toEqual({ kind: 'exec', argv: ['node', 'my app.js'] });
  });
});
