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

  it.each(['next dev', 'next', 'react-scripts start', 'ng serve', 'vue-cli-service serve', 'nodemon server.js', 'nest start --watch', 'astro dev', 'vite', 'ts-node-dev src/index.ts', 'tsx watch src/index.ts'])(
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

  it('falls back to main, then server.js/index.js/app.js, then says it does not know', () => {
    expect(start({ 'package.json': { main: 'lib/app.js' } }).start).toEqual({ value: { kind: 'exec', argv: ['node', 'lib/app.js'] }, source: 'package.json main' });
    expect(start({ 'package.json': {}, 'app.js': '', 'index.js': '' }).start.value).toEqual({ kind: 'exec', argv: ['node', 'index.js'] });
    const none = start({ 'package.json': {} });
    expect(none.unknown).toBe(true);
  });

  it('keeps a main with spaces as one argument', () => {
    expect(start({ 'package.json': { main: 'my app.js' }, 'my app.js': '' }).start.value).toEqual({ kind: 'exec', argv: ['node', 'my app.js'] });
  });
});

describe('start scripts that chain a build step', () => {
  it('moves `npm run build &&` to the build stage and runs the last command in exec form', () => {
    const r = start({ 'package.json': { scripts: { start: 'npm run build && node dist/server.js', build: 'tsc' } } });
    expect(r.start.value).toEqual({ kind: 'exec', argv: ['node', 'dist/server.js'] });
    expect(r.buildSteps).toEqual([]);
  });

  it('hands a build-only script other than build to the build stage', () => {
    const r = start({ 'package.json': { scripts: { start: 'npm run css && node app.js', css: 'sass --no-source-map ./public/css:./public/css' } } });
    expect(r.start.value).toEqual({ kind: 'exec', argv: ['node', 'app.js'] });
    expect(r.buildSteps).toEqual(['css']);
  });

  it('drops a step the install already runs (postinstall)', () => {
    const r = start({ 'package.json': { scripts: { start: 'npm run css && node app.js', css: 'sass a:b', postinstall: 'patch-package && npm run css' } } });
    expect(r.start.value).toEqual({ kind: 'exec', argv: ['node', 'app.js'] });
    expect(r.buildSteps).toEqual([]);
  });

  it('keeps a step that is not a build (a migration) in a shell command', () => {
    const r = start({ 'package.json': { scripts: { start: 'npm run migrate && node app.js', migrate: 'knex migrate:latest' } } });
    expect(r.start.value).toEqual({ kind: 'shell', command: 'npm run migrate && node app.js' });
  });
});

describe('start scripts that delegate or wrap', () => {
  it('follows `npm run <script>` to the script it names', () => {
    const r = start({ 'package.json': { scripts: { start: 'npm run start-server', 'start-server': 'node server/server.js' } } });
    expect(r.start.value).toEqual({ kind: 'exec', argv: ['node', 'server/server.js'] });
  });

  it('looks through a with-env wrapper (dotenv-cli reading ../../.env) to the command it runs', () => {
    const r = start({
      'package.json': { scripts: { start: 'pnpm with-env next start', 'with-env': 'dotenv -e ../../.env --' }, dependencies: { next: '15.1.3' } },
    });
    expect(r.start.value).toEqual({ kind: 'exec', argv: ['node', 'node_modules/next/dist/bin/next', 'start'] });
    expect(r.warnings.join(' ')).toMatch(/\.\.\/\.\.\/\.env through dotenv/);
  });

  it('runs the one app of a pm2 ecosystem file under node (JSON and JS)', () => {
    const json = start({
      'package.json': { scripts: { start: 'pm2 start ecosystem.config.json --no-daemon' } },
      'ecosystem.config.json': { apps: [{ name: 'app', script: 'src/index.js', instances: 1 }] },
    });
    expect(json.start.value).toEqual({ kind: 'exec', argv: ['node', 'src/index.js'] });
    expect(json.warnings.join(' ')).toMatch(/no process manager is needed/);
    const js = start({
      'package.json': { scripts: { start: 'pm2-runtime start ecosystem.config.js' } },
      'ecosystem.config.js': "module.exports = { apps: [{ name: 'api', script: './dist/main.js', instances: 'max' }] };\n",
    });
    expect(js.start.value).toEqual({ kind: 'exec', argv: ['node', 'dist/main.js'] });
    expect(js.warnings.join(' ')).toMatch(/max instances/);
  });

  it('runs the file a pm2 start names', () => {
    expect(start({ 'package.json': { scripts: { start: 'pm2 start server.js --no-daemon' } } }).start.value).toEqual({ kind: 'exec', argv: ['node', 'server.js'] });
  });
});

describe('development start scripts', () => {
  it('skips nodemon -r dotenv/config and takes package.json main', () => {
    const r = start({ 'package.json': { main: 'src/index.js', scripts: { start: 'nodemon -r dotenv/config --experimental-json-modules src/index.js' } }, 'src/index.js': '' });
    expect(r.start).toEqual({ value: { kind: 'exec', argv: ['node', 'src/index.js'] }, source: 'package.json main' });
    expect(r.warnings.join(' ')).toMatch(/nodemon/);
  });

  it('takes the file the dev runner watched when there is no main', () => {
    const r = start({ 'package.json': { scripts: { start: 'nodemon src/server.js' } }, 'src/server.js': '' });
    expect(r.start.value).toEqual({ kind: 'exec', argv: ['node', 'src/server.js'] });
  });

  it('runs the compiled output of a TypeScript file a dev runner watched', () => {
    const r = start({
      'package.json': { scripts: { start: 'ts-node-dev --respawn src/index.ts', build: 'tsc' } },
      'tsconfig.json': '{ "compilerOptions": { "outDir": "./build", "rootDir": "./src" } }',
      'src/index.ts': '',
    });
    expect(r.start.value).toEqual({ kind: 'exec', argv: ['node', 'build/index.js'] });
  });

  it('treats a CLI that is only a devDependency as development (ts-node)', () => {
    const r = resolveCommand('ts-node src/main.ts', { ...pkgWith(), devDependencies: { 'ts-node': '^10.9.2' } });
    expect(r.dev).toMatch(/devDependency/);
  });

  it('drops -r dotenv/config when dotenv is not a production dependency', () => {
    const r = resolveCommand('node -r dotenv/config src/index.js', { ...pkgWith(), devDependencies: { dotenv: '^16.0.0' } });
    expect(r.command).toEqual({ kind: 'exec', argv: ['node', 'src/index.js'] });
    expect(resolveCommand('node -r dotenv/config src/index.js', pkgWith({ dotenv: '^16.0.0' })).command).toEqual({
      kind: 'exec', argv: ['node', '-r', 'dotenv/config', 'src/index.js'],
    });
  });

  it('treats node --watch and a ts-node preload as development', () => {
    expect(resolveCommand('node --watch server.js', pkgWith()).dev).not.toBeNull();
    expect(resolveCommand('node --loader ts-node/esm src/main.ts', pkgWith()).dev).not.toBeNull();
  });

  it('replaces `nx serve` by the entry the Nx build target writes', () => {
    const r = start({
      'package.json': { scripts: { start: 'nx serve', build: 'nx build' }, devDependencies: { nx: '^19.0.0' } },
      'project.json': { targets: { build: { executor: '@nx/esbuild:esbuild', options: { outputPath: 'dist/api', main: 'src/main.ts' } } } },
    });
    expect(r.start.value).toEqual({ kind: 'exec', argv: ['node', 'dist/api/main.js'] });
    expect(r.start.source).toMatch(/project\.json/);
    expect(r.warnings.join(' ')).toMatch(/nx serve/);
  });
});

describe('pre-scripts of the start script', () => {
  it('hands a build-only pre<start> script (prestart:prod: tsc) to the build stage', () => {
    const r = start({ 'package.json': { scripts: { start: 'node index.js', 'prestart:prod': 'tsc', 'start:prod': 'node dist/main.js' } } });
    expect(r.start.value).toEqual({ kind: 'exec', argv: ['node', 'dist/main.js'] });
    expect(r.buildSteps).toEqual(['prestart:prod']);
  });
});

describe('dev runner on build output', () => {
  it('runs the build output a dev runner watched when a build writes it', () => {
    const r = start({ 'package.json': { scripts: { start: 'nodemon dist/index.js', build: 'tsc' } } });
    expect(r.start.value).toEqual({ kind: 'exec', argv: ['node', 'dist/index.js'] });
  });
});
