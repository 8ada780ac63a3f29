import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fileURLToPath } from 'node:url';
import { UserError } from '../../../errors.js';
import { Project } from '../../../project.js';
import type { NodeFacts } from '../types.js';
import { projectWith } from './fixture-helper.js';

// Native dependencies are another detector's job; here we only check what it is handed.
const nativeCalls = vi.hoisted(() => [] as Array<{ lockfile: string | null; manifest: Record<string, unknown> }>);
vi.mock('../../../npm/native.js', () => ({
  analyzeNativeDependencies: (_project: unknown, input: { lockfile: string | null; manifest: Record<string, unknown> }) => {
    nativeCalls.push(input);
    return { dependencies: [], warnings: [] };
  },
  packagesNeedingInstallScripts: () => [],
}));
const { detectNode, recognizesNode, nodeMarkers } = await import('../detect.js');

const fixture = (name: string) => new Project(fileURLToPath(new URL(`../../../../test/fixtures/${name}`, import.meta.url)));
const facts = (name: string): NodeFacts => detectNode(fixture(name), {});

beforeEach(() => {
  vi.stubEnv('SLIM_IMAGE_TODAY', '2026-11-27');
  nativeCalls.length = 0;
});
afterEach(() => vi.unstubAllEnvs());

describe('recognizesNode', () => {
  it('recognises a folder by its package.json', () => {
    expect(nodeMarkers).toEqual(['package.json']);
    expect(recognizesNode(projectWith({ 'package.json': '{}' }))).toBe(true);
    expect(recognizesNode(projectWith({ 'go.mod': 'module x' }))).toBe(false);
  });
});

describe('malformed package.json', () => {
  it.each([
    ['[1, 2]', /must contain a JSON object, but it holds an array/],
    ['"text"', /must contain a JSON object, but it holds a string/],
    ['{"scripts": {"start": ["node", "x.js"]}}', /"scripts\.start" must be a string/],
    ['{"scripts": "node x.js"}', /"scripts" must be an object/],
    ['{"dependencies": {"express": 4}}', /"dependencies\.express" must be a string/],
    ['{"engines": {"node": 20}}', /"engines\.node" must be a string/],
    ['{"main": false}', /"main" must be a string/],
  ])('%s is a UserError naming the field', (text, message) => {
    const run = () => detectNode(projectWith({ 'package.json': text }), {});
    expect(run).toThrow(UserError);
    expect(run).toThrow(message);
  });

  it('invalid JSON names the file and line (from Project.readJson)', () => {
    expect(() => detectNode(projectWith({ 'package.json': '{\n  "name": "x",\n}' }), {})).toThrow(/package\.json is not valid JSON \(line 3\)/);
  });
});

describe('detectNode on the fixtures', () => {
  it('express-npm: exec start from sources, port from code, engines range', () => {
    const f = facts('node-express-npm');
    expect(f).toMatchObject({
      packageManager: { value: 'npm', source: 'package-lock.json' },
      lockfile: 'package-lock.json',
      framework: { value: 'express' },
      runtime: { constraint: '>=20', pinned: false, source: 'package.json engines.node' },
      port: { value: 3000, source: 'src/server.js: process.env.PORT with a default' },
      start: { value: { kind: 'exec', argv: ['node', 'src/server.js'] }, source: 'package.json scripts.start' },
      buildScript: null,
      runtimeFiles: null,
      warnings: [],
    });
    expect(nativeCalls).toEqual([{ lockfile: 'package-lock.json', manifest: expect.objectContaining({ name: 'express-npm' }) }]);
  });

  it('fastify-pnpm: shell start kept as shell, packageManager version', () => {
    const f = facts('node-fastify-pnpm');
    expect(f.start.value).toEqual({ kind: 'shell', command: 'NODE_ENV=production node server.js | pino-pretty' });
    expect(f).toMatchObject({ packageManager: { value: 'pnpm' }, packageManagerVersion: '9.15.0', port: { value: 8080 } });
  });

  it('koa-yarn-canvas: yarn classic, .node-version pinned', () => {
    const f = facts('node-koa-yarn-canvas');
    expect(f).toMatchObject({ packageManager: { value: 'yarn' }, yarnBerry: false, runtime: { constraint: '22.12.0', pinned: true, source: '.node-version' }, port: { value: 4000 } });
    expect(nativeCalls[0]?.lockfile).toBe('yarn.lock');
  });

  it('next-standalone-sharp: standalone output', () => {
    const f = facts('node-next-standalone-sharp');
    expect(f).toMatchObject({
      framework: { value: 'next' }, nextStandalone: true, selfContained: true, buildScript: 'build',
      runtimeFiles: ['.next/standalone', '.next/static', 'public'], env: { HOSTNAME: '0.0.0.0' },
      start: { value: { kind: 'exec', argv: ['node', 'server.js'] } }, port: { value: 3000 },
    });
  });

  it('next-plain: next start resolved to its bin, port from -p', () => {
    const f = facts('node-next-plain');
    expect(f.start.value).toEqual({ kind: 'exec', argv: ['node', 'node_modules/next/dist/bin/next', 'start', '-p', '4000'] });
    expect(f).toMatchObject({ nextStandalone: false, port: { value: 4000, source: 'package.json scripts.start' }, runtimeFiles: ['.next', 'public', 'package.json', 'next.config.js'] });
  });

  it('nest-ts: TypeScript to dist, start:prod, port from src/main.ts not the database config', () => {
    const f = facts('node-nest-ts');
    expect(f).toMatchObject({
      framework: { value: 'nestjs' }, typescript: true, buildScript: 'build', runtimeFiles: ['dist', 'package.json'],
      start: { value: { kind: 'exec', argv: ['node', 'dist/main'] }, source: 'package.json scripts.start:prod' },
      port: { value: 3000, source: 'src/main.ts: process.env.PORT with a default' },
    });
  });

  it('nuxt: .output, self-contained', () => {
    expect(facts('node-nuxt')).toMatchObject({ framework: { value: 'nuxt' }, runtimeFiles: ['.output'], selfContained: true, env: { HOST: '0.0.0.0' }, port: { value: 3000 } });
  });

  it('react-router: react-router-serve bin for v7', () => {
    const f = facts('node-react-router');
    expect(f.start.value).toEqual({ kind: 'exec', argv: ['node', 'node_modules/@react-router/serve/bin.js', './build/server/index.js'] });
    expect(f.runtimeFiles).toEqual(['build', 'public', 'package.json']);
  });

  it('astro-node: skips `astro dev`, runs the standalone entry on 4321', () => {
    const f = facts('node-astro-node');
    expect(f).toMatchObject({ start: { value: { kind: 'exec', argv: ['node', './dist/server/entry.mjs'] } }, port: { value: 4321 }, env: { HOST: '0.0.0.0' }, runtimeFiles: ['dist', 'package.json'] });
    expect(f.warnings.join(' ')).toMatch(/astro dev/);
  });

  it('sveltekit-node: node build', () => {
    expect(facts('node-sveltekit-node')).toMatchObject({ start: { value: { kind: 'exec', argv: ['node', 'build'] } }, port: { value: 3000 }, runtimeFiles: ['build', 'package.json'] });
  });

  it('hapi: main field, volta pin over engines', () => {
    expect(facts('node-hapi')).toMatchObject({
      start: { value: { kind: 'exec', argv: ['node', 'lib/server.js'] }, source: 'package.json main' },
      runtime: { constraint: '22.12.0', pinned: true, source: 'package.json volta.node (over package.json engines.node ">=20")' },
      port: { value: 8000 },
    });
  });

  it('bun: bun.lock', () => {
    expect(facts('node-bun')).toMatchObject({ packageManager: { value: 'bun', source: 'bun.lock' }, lockfile: 'bun.lock', framework: { value: null } });
  });

  it('yarn-berry: .yarnrc.yml copied, berry flag, .tool-versions', () => {
    expect(facts('node-yarn-berry')).toMatchObject({
      yarnBerry: true, packageManagerVersion: '4.5.3', installFiles: ['package.json', 'yarn.lock', '.yarnrc.yml'],
      runtime: { constraint: '22.11.0', source: '.tool-versions' }, port: { value: 8080 },
    });
  });

  it('prisma-bcrypt: build output plus the prisma folder', () => {
    expect(facts('node-prisma-bcrypt')).toMatchObject({ runtimeFiles: ['dist', 'package.json', 'prisma'], port: { value: 8080 }, start: { value: { kind: 'exec', argv: ['node', 'dist/index.js'] } } });
  });

  it('pinned-20: .nvmrc 20 pins over engines', () => {
    expect(facts('node-pinned-20').runtime).toEqual({ constraint: '20', pinned: true, source: '.nvmrc (over package.json engines.node ">=18")' });
  });

  it('plain-node-no-lock: warns, chooses port 3000 and sets PORT', () => {
    const f = facts('node-plain-node-no-lock');
    expect(f).toMatchObject({ lockfile: null, installFiles: ['package.json'], port: { value: 3000 }, portSetting: { kind: 'env', env: { PORT: '{port}' }, default: null }, start: { value: { kind: 'exec', argv: ['node', 'server.js'] } } });
    expect(f.warnings.join(' ')).toMatch(/not reproducible/);
  });

  it('never lists .env among the install or runtime files', () => {
    for (const name of ['node-express-npm', 'node-next-standalone-sharp', 'node-prisma-bcrypt', 'node-yarn-berry']) {
      const f = facts(name);
      expect([...f.installFiles, ...(f.runtimeFiles ?? [])]).not.toContain('.env');
    }
  });

  it('honours --package-manager over the lockfile', () => {
    expect(detectNode(fixture('node-express-npm'), { packageManager: 'pnpm' }).packageManager).toEqual({ value: 'pnpm', source: '--package-manager' });
  });
});

describe('detectNode: no start evidence, and code that caps the version', () => {
  it('refuses a static single-page app (a Vite build, no server) naming --cmd, and accepts --cmd', () => {
    const project = projectWith({
      'package.json': { scripts: { dev: 'vite', build: 'vite build', serve: 'vite preview --port 4173' }, devDependencies: { vite: '^6.0.0' } },
      'index.html': '<div id="app"></div>',
      'src/main.ts': 'createApp(App).mount("#app");',
    });
    expect(() => detectNode(project, {})).toThrow(UserError);
    expect(() => detectNode(project, {})).toThrow(/static single-page app: vite builds it into dist\/.*--cmd/);
    expect(() => detectNode(project, { cmd: 'node server.js' })).not.toThrow();
  });

  it('refuses with a plain --cmd message when nothing says how the app starts', () => {
    expect(() => detectNode(projectWith({ 'package.json': { name: 'x' } }), {})).toThrow(/Could not tell how this Node\.js app starts.*--cmd/);
  });

  it('caps Node below 22 when the code the entry runs uses import assertions, and names the file', () => {
    const f = facts('node-dev-start-import-assertions');
    expect(f.runtime.constraint).toBe('<22');
    expect(f.runtime.source).toMatch(/src\/app\.js uses import assertions/);
    expect(f.start.value).toEqual({ kind: 'exec', argv: ['node', 'src/index.js'] });
  });

  it('leaves a pinned version alone', () => {
    const project = projectWith({
      'package.json': { main: 'index.js' }, '.nvmrc': '24\n',
      'index.js': "import data from './data.json' assert { type: 'json' };\n",
    });
    expect(detectNode(project, {}).runtime).toMatchObject({ constraint: '24', pinned: true });
  });
});
