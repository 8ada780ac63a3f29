import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Project } from '../../../project.js';
import { bunRuntimeEvidence } from '../../../npm/runtime.js';
import { bunTooling, detectBun, detectPort } from '../detect.js';
import { nodeTooling } from '../../node/tooling.js';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', '..', 'test', 'fixtures');

function project(files: Record<string, string | object>): Project {
  const dir = mkdtempSync(join(tmpdir(), 'bun-detect-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return new Project(dir);
}

describe('which runtime runs a package.json', () => {
  it('a start script that runs bun, even beside package-lock.json (pinax-network/drops-miner)', () => {
    const p = project({ 'package.json': { scripts: { start: 'bun --watch index.ts' } }, 'package-lock.json': '{}' });
    expect(bunRuntimeEvidence(p)).toMatch(/scripts\.start runs bun/);
  });
  it('packageManager bun@ and engines.bun', () => {
    expect(bunRuntimeEvidence(project({ 'package.json': { packageManager: 'bun@1.4.5' } }))).toMatch(/packageManager/);
    expect(bunRuntimeEvidence(project({ 'package.json': { engines: { bun: '>=1.2' } } }))).toMatch(/engines\.bun/);
  });
  it('bun.lock alone with @types/bun, but not bun.lock alone: bun may only install a Node app', () => {
    expect(bunRuntimeEvidence(project({ 'package.json': { devDependencies: { '@types/bun': 'latest' } }, 'bun.lock': '{}' }))).toMatch(/only lockfile/);
    expect(bunRuntimeEvidence(project({ 'package.json': { scripts: { start: 'next start' } }, 'bun.lock': '{}' }))).toBeNull();
  });
  it('a start script that runs node keeps the app on Node (test/fixtures/node-bun)', () => {
    expect(bunRuntimeEvidence(new Project(join(FIXTURES, 'node-bun')))).toBeNull();
    expect(bunRuntimeEvidence(project({ 'package.json': { scripts: { start: 'node server.js' }, packageManager: 'bun@1.4.5' } }))).toBeNull();
  });
  it('Node steps aside through tooling() with the evidence as its reason', () => {
    expect(nodeTooling(new Project(join(FIXTURES, 'bun-elysia')))).toMatch(/run by Bun: package\.json scripts\.start runs bun/);
  });
});

describe('detectBun', () => {
  it('reads the Elysia fixture: bun.lock frozen, entry, port, compile possible', () => {
    const facts = detectBun(new Project(join(FIXTURES, 'bun-elysia')), {});
    expect(facts.lockfile).toBe('bun.lock');
    expect(facts.frozen).toBe(true);
    expect(facts.framework.value).toBe('elysia');
    expect(facts.entry).toBe('src/index.ts');
    expect(facts.start.value).toEqual({ kind: 'exec', argv: ['bun', 'src/index.ts'] });
    expect(facts.port.value).toBe(3000);
    expect(facts.compile.possible).toBe(true);
    expect(facts.runtime).toEqual({ constraint: null, pinned: false, source: 'default' });
  });

  it('drops --watch/--hot from the start script with a warning, and follows `bun run <file>`', () => {
    const facts = detectBun(project({ 'package.json': { scripts: { start: 'bun run --hot src/app.ts' } }, 'src/app.ts': 'Bun.serve({ fetch() { return new Response("") } })' }), {});
    expect(facts.start.value).toEqual({ kind: 'exec', argv: ['bun', 'src/app.ts'] });
    expect(facts.warnings.join('\n')).toMatch(/--hot, a development flag/);
    expect(facts.port).toMatchObject({ value: 3000, source: expect.stringMatching(/Bun\.serve's default/) });
  });

  it('versions: .bun-version and packageManager pin, engines.bun is a range', () => {
    const files = { 'package.json': { packageManager: 'bun@1.3.2', scripts: { start: 'bun index.ts' } }, 'index.ts': '' };
    expect(detectBun(project(files), {}).runtime).toEqual({ constraint: '1.3.2', pinned: true, source: 'package.json packageManager' });
    expect(detectBun(project({ ...files, '.bun-version': '1.2.21\n' }), {}).runtime).toEqual({ constraint: '1.2.21', pinned: true, source: '.bun-version' });
    expect(detectBun(project({ 'package.json': { engines: { bun: '>=1.2' } }, 'index.ts': '' }), {}).runtime).toEqual({ constraint: '>=1.2', pinned: false, source: 'package.json engines.bun' });
  });

  it('package-lock.json only: unfrozen install with a warning (bun migrates it)', () => {
    const facts = detectBun(new Project(join(FIXTURES, 'bun-worker-package-lock')), {});
    expect(facts.lockfile).toBe('package-lock.json');
    expect(facts.frozen).toBe(false);
    expect(facts.port.value).toBeNull();
    expect(facts.warnings.join('\n')).toMatch(/no bun\.lock, only package-lock\.json/);
  });

  it('native dependencies from bun.lock rule out compiling; trustedDependencies silence the install-script warning', () => {
    const facts = detectBun(new Project(join(FIXTURES, 'bun-canvas-express')), {});
    expect(facts.nativeDependencies.map((d) => d.name)).toEqual(['canvas']);
    expect(facts.compile.possible).toBe(false);
    expect(facts.warnings.join('\n')).not.toMatch(/trustedDependencies/);
    const untrusted = project({
      'package.json': { scripts: { start: 'bun server.js' }, dependencies: { canvas: '^3.1.0' } },
      'server.js': '',
    });
    expect(detectBun(untrusted, {}).warnings.join('\n')).toMatch(/canvas gets its binary from an install script.*bun pm trust canvas/);
  });

  it('a workspace root is refused, and no entry is an error naming --cmd', () => {
    expect(() => detectBun(project({ 'package.json': { workspaces: ['apps/*'], packageManager: 'bun@1.4.5' } }), {})).toThrow(/Bun workspace root/);
    expect(() => detectBun(project({ 'package.json': { packageManager: 'bun@1.4.5' } }), {})).toThrow(/--cmd/);
  });

  it('tooling: a Bun package.json with nothing to start serves another app', () => {
    expect(bunTooling(project({ 'package.json': { packageManager: 'bun@1.4.5', scripts: { lint: 'eslint .' } } }))).toMatch(/tooling/);
    expect(bunTooling(new Project(join(FIXTURES, 'bun-elysia')))).toBeNull();
  });
});

describe('Bun port setting (the one port rule)', () => {
  it('Bun.serve with no port option reads PORT, else 3000', () => {
    const r = detectPort('index.ts', 'Bun.serve({ fetch: () => new Response("ok") });\n', { value: null, source: '' });
    expect(r.port.value).toBe(3000);
    expect(r.setting).toMatchObject({ kind: 'env', env: { PORT: '{port}' }, default: 3000 });
  });
  it('a literal .listen(n) is fixed at its line; a PORT fallback wins over it', () => {
    expect(detectPort('a.ts', 'import x from "y";\napp.listen(4000);\n', { value: null, source: '' }).setting).toEqual({ kind: 'fixed', where: 'a.ts:2' });
    expect(detectPort('a.ts', 'app.listen(Number(process.env.PORT || 5000));\n', { value: null, source: '' }).setting).toMatchObject({ kind: 'env', default: 5000 });
  });
});
