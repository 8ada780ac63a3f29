import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { chooseBase } from '../../src/plan/choose-base.js';
import { assessNode, nodeView } from '../../src/ecosystems/node/plan.js';
import { allows, familyRange, pickVersion } from '../../src/plan/versions.js';
import { nodeFacts } from '../../src/ecosystems/node/test/facts.js';
import type { NativeDependency } from '../../src/types.js';

const TODAY = new Date('2026-11-27T00:00:00Z');

const dep = (overrides: Partial<NativeDependency>): NativeDependency => ({
  name: 'x', version: '1.0.0', glibcOnly: false, build: { debian: [], alpine: [] }, runtime: { debian: [], alpine: [] },
  blocksDistroless: null, note: 'test', source: 'package-lock.json', reference: 'test', ...overrides,
});

describe('version families', () => {
  it('maps a family to the range of its releases', () => {
    expect(familyRange('22')).toBe('>=22.0.0 <23.0.0-0');
    expect(familyRange('3.13')).toBe('>=3.13.0 <3.14.0-0');
  });
  it('matches ranges against families, not exact versions', () => {
    const req = (constraint: string) => ({ constraint, pinned: false, source: 't' });
    expect(allows(req('^3.12.4'), '3.12')).toBe(true);
    expect(allows(req('>=3.11'), '3.10')).toBe(false);
    expect(pickVersion(req('>=20'), ['26', '24', '22'])).toBe('26');
    expect(pickVersion(req('^22 || ^24'), ['26', '24', '22'])).toBe('24');
    expect(pickVersion(req('^18'), ['26', '24', '22'])).toBeNull();
  });
});

describe('node base assessment', () => {
  it('picks distroless on the newest LTS for a plain exec start and a range', () => {
    const plan = chooseBase(assessNode(nodeFacts({ runtime: { constraint: '>=20', pinned: false, source: 'package.json engines.node' } }), TODAY), 'auto');
    expect(plan.base).toBe('distroless');
    expect(plan.runtimeVersion).toBe('26');
    expect(plan.runtimeImage).toBe('gcr.io/distroless/nodejs26-debian13:nonroot');
    expect(plan.builderImage).toBe('docker.io/library/node:26-bookworm-slim');
    expect(plan.reasons[0]).toMatch(/^scratch ruled out/);
  });

  it('keeps a pinned Node 20 and says why distroless cannot carry it', () => {
    const options = assessNode(nodeFacts({ runtime: { constraint: '20', pinned: true, source: '.nvmrc' } }), TODAY);
    const distroless = options.find((o) => o.kind === 'distroless')!;
    expect(distroless.possible).toBe(false);
    expect(distroless.why).toContain('nodejs22/24/26');
    const plan = chooseBase(options, 'auto');
    expect(plan.base).toBe('alpine');
    expect(plan.runtimeImage).toBe('docker.io/library/node:20-alpine');
  });

  it('rules out distroless for a shell start command and alpine for a glibc-only dependency', () => {
    const facts = nodeFacts({
      start: { value: { kind: 'shell', command: 'node a.js | pino-pretty' }, source: 'package.json scripts.start' },
      nativeDependencies: [dep({ name: 'canvas', glibcOnly: true, note: 'ships glibc-only prebuilt binaries', runtime: { debian: ['libcairo2'], alpine: ['cairo'] } })],
    });
    const plan = chooseBase(assessNode(facts, TODAY), 'auto');
    expect(plan.base).toBe('slim');
    expect(plan.reasons.join('\n')).toMatch(/distroless ruled out: the start command "node a.js \| pino-pretty" needs a shell/);
    expect(plan.reasons.join('\n')).toMatch(/alpine ruled out: canvas ships glibc-only/);
    const view = nodeView(facts, plan);
    expect(view.runtimePackages).toEqual({ apt: true, apk: false, packages: ['libcairo2'] });
    expect(view.cmd).toEqual(['/bin/sh', '-c', 'node a.js | pino-pretty']);
  });

  it('refuses an explicit base that cannot work, naming the reason', () => {
    const facts = nodeFacts({ nativeDependencies: [dep({ name: 'onnxruntime-node', glibcOnly: true, note: 'has glibc-only binaries' })] });
    expect(() => chooseBase(assessNode(facts, TODAY), 'alpine')).toThrow(UserError);
    expect(() => chooseBase(assessNode(facts, TODAY), 'alpine')).toThrow(/--base alpine cannot work.*onnxruntime-node/);
  });

  it('gives distroless CMD only the arguments after node', () => {
    const facts = nodeFacts({ start: { value: { kind: 'exec', argv: ['node', '--enable-source-maps', 'dist/main.js'] }, source: 't' } });
    const plan = chooseBase(assessNode(facts, TODAY), 'auto');
    const view = nodeView(facts, plan);
    expect(view.cmd).toEqual(['--enable-source-maps', 'dist/main.js']);
    expect(view.user).toBe('65532:65532');
    expect(view.runtimeFrom).toBe('gcr.io/distroless/nodejs${NODE_VERSION}-debian13:nonroot');
  });
});

describe('choosing among assessed bases', () => {
  const option = (kind: 'scratch' | 'distroless' | 'alpine' | 'slim', possible: boolean, extra: object = {}) => ({
    kind, possible, why: `${kind} because`, runtimeVersion: possible ? '1' : null,
    builderImage: possible ? `b-${kind}` : null, runtimeImage: possible ? `r-${kind}` : null, ...extra,
  });
  it('skips a kind that works only on request, but honours --base for it', () => {
    const options = [option('scratch', false), option('distroless', false), option('alpine', true, { onRequestOnly: true }), option('slim', true)];
    expect(chooseBase(options, 'auto').base).toBe('slim');
    expect(chooseBase(options, 'auto').reasons).toContain('alpine skipped: alpine because');
    expect(chooseBase(options, 'alpine').base).toBe('alpine');
  });
});

describe('qualifiedImage', async () => {
  const { qualifiedImage } = await import('../../src/plan/choose-base.js');
  it.each([
    ['node:26-bookworm-slim', 'docker.io/library/node:26-bookworm-slim'],
    ['oven/bun:1', 'docker.io/oven/bun:1'],
    ['gcr.io/distroless/static-debian13:nonroot', 'gcr.io/distroless/static-debian13:nonroot'],
    ['ghcr.io/astral-sh/uv:0.11.7', 'ghcr.io/astral-sh/uv:0.11.7'],
    ['localhost/app:1', 'localhost/app:1'],
    ['registry.local:5000/team/app', 'registry.local:5000/team/app'],
    ['scratch', 'scratch'],
  ])('%s -> %s', (short, full) => {
    expect(qualifiedImage(short)).toBe(full);
  });
});
