import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Project } from '../../../project.js';
import { chooseBase } from '../../../plan/choose-base.js';
import { detectBun } from '../detect.js';
import { assessBun, bunVersion } from '../plan.js';
import { BUN_RELEASES } from '../knowledge/versions.js';
import { bun } from '../index.js';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', '..', 'test', 'fixtures');
const facts = (fixture: string) => detectBun(new Project(join(FIXTURES, fixture)), {});

describe('Bun bases', () => {
  it('compiles to one executable on distroless base-nossl when nothing native is imported, and says what it compared', () => {
    const plan = chooseBase(assessBun(facts('bun-elysia')), 'auto');
    expect(plan.base).toBe('distroless');
    expect(plan.runtimeImage).toBe('gcr.io/distroless/base-nossl-debian13:nonroot');
    expect(plan.builderImage).toBe('docker.io/oven/bun:1');
    expect(plan.reasons.join('\n')).toMatch(/bun build --compile.*smaller than oven\/bun distroless/);
  });

  it('native code that needs OS libraries: slim, alpine ruled out by glibc-only prebuilds', () => {
    const options = assessBun(facts('bun-canvas-express'));
    expect(options.map((o) => [o.kind, o.possible])).toEqual([['scratch', false], ['distroless', false], ['alpine', false], ['slim', true]]);
    expect(options[3]!.runtimeImage).toBe('oven/bun:1.4.5-slim');
  });

  it('oven/bun distroless when compiling is not safe (a build script)', () => {
    const f = { ...facts('bun-elysia'), compile: { possible: false, why: 'package.json has a build script' } };
    const distroless = assessBun(f)[1]!;
    expect(distroless.runtimeImage).toBe('oven/bun:1-distroless');
    expect(distroless.why).toMatch(/not compiled because package.json has a build script/);
  });

  it('a shell start command rules out distroless', () => {
    const f = { ...facts('bun-elysia'), start: { value: { kind: 'shell' as const, command: 'bun a.ts | tee log' }, source: 'x' } };
    expect(assessBun(f)[1]!.possible).toBe(false);
  });

  it('versions: a pin is used as is, a range or nothing follows tag 1, a range past Bun 1 is refused', () => {
    expect(bunVersion({ runtime: { constraint: '1.2.21', pinned: true, source: '.bun-version' } }).version).toBe('1.2.21');
    expect(bunVersion({ runtime: { constraint: '>=1.2', pinned: false, source: 'engines.bun' } }).version).toBe('1');
    expect(bunVersion({ runtime: { constraint: null, pinned: false, source: 'default' } }).note).toMatch(/no LTS/);
    expect(bunVersion({ runtime: { constraint: '>=2', pinned: false, source: 'engines.bun' } }).version).toBeNull();
  });

  it('release lines end when the next one starts (Bun has no LTS); the newest has no end', () => {
    for (let i = 0; i + 1 < BUN_RELEASES.length; i++) expect(BUN_RELEASES[i]!.end).toBe(BUN_RELEASES[i + 1]!.released);
    expect(BUN_RELEASES.at(-1)!.end).toBeNull();
    expect(bun.releases(new Date('2026-12-01')).map((r) => r.version)).toEqual(['1.0', '1.1', '1.2', '1.3', '1.4']);
  });
});
