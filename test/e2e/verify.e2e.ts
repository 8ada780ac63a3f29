// End-to-end: for each fixture app, the built CLI generates the Dockerfile, builds it with a real
// container engine (--verify --compare), runs it and asks its port; then this suite checks what
// the issue promises: the app answers, runs as non-root, distroless/scratch images have no shell,
// no .env/.git/test file is inside, the image beats the naive single-stage build, and a rebuild
// after a source change takes the dependency install from the cache.
//
// Skips (with the reason) when no container engine works; fails when one works and a build fails.
import { existsSync } from 'node:fs';
import { appendFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { detectEngine, type Engine } from '../../src/verify/engine.js';
import { isRootUser } from '../../src/verify/image.js';
import { formatComparison } from '../../src/verify/format.js';
import { loadEcosystemCases, type E2eCase } from '../ecosystem-cases.js';
import { askPaths, fixtureCopy, forbiddenFiles, imageFiles, matching, REPO, runCli, type CliRun } from './helpers.js';

interface VerifyJson {
  engine: string;
  image: string;
  sizeBytes: number;
  layers: number;
  user: string;
  hasShell: boolean;
  started: boolean;
  answered: boolean;
  ok: boolean;
  port: number | null;
  buildSeconds: number;
  stopSeconds: number | null;
  healthy: boolean | null;
  cache: { steps: number; cached: number; installStepCached: boolean | null };
  naive?: { sizeBytes: number; ratio: number } | null;
  naiveProblem?: string;
}
interface ReportJson {
  language: string;
  base: string;
  port: number | null;
  verify: VerifyJson;
}

const engine: Engine | string = await detectEngine(process.env.SLIM_IMAGE_ENGINE).catch((error: unknown) =>
  error instanceof Error ? error.message : String(error),
);
const skipReason =
  typeof engine === 'string'
    ? `no container engine works here: ${engine}`
    : engine.kind === 'buildah'
      ? 'only buildah works here, and buildah cannot run the containers the suite must ask'
      : null;
if (skipReason) console.warn(`\n[e2e] SKIPPED: ${skipReason}\n`);

// Every registered ecosystem's apps (`e2e` in src/ecosystems/<lang>/test/cases.ts), in registry order.
const CASES: E2eCase[] = (await loadEcosystemCases()).flatMap((c) => c.e2e);

const summary: Array<Record<string, unknown>> = [];
// SLIM_IMAGE_E2E_ONLY=go-scratch,python-slim runs a subset while working on one ecosystem.
const only = (process.env.SLIM_IMAGE_E2E_ONLY ?? '').split(',').filter((name) => name !== '');
const cases = only.length === 0 ? CASES : CASES.filter((c) => only.includes(c.id));

describe.skipIf(skipReason !== null)(`e2e with ${typeof engine === 'string' ? 'no engine' : engine.kind}`, () => {
  const engineCommand = typeof engine === 'string' ? 'podman' : engine.command;

  beforeAll(() => {
    if (!existsSync(path.join(REPO, 'dist', 'cli.cjs'))) throw new Error('dist/cli.cjs is missing: run `npm run build` first (npm run test:e2e does).');
  });

  afterAll(async () => {
    if (summary.length === 0) return;
    console.log(`\n[e2e] summary\n${summary.map((row) => JSON.stringify(row)).join('\n')}`);
    if (process.env.SLIM_IMAGE_E2E_SUMMARY) await writeFile(process.env.SLIM_IMAGE_E2E_SUMMARY, JSON.stringify(summary, null, 2));
  });

  describe.each(cases)('$id: $what', (testCase: E2eCase) => {
    let dir = '';
    let fixtureArgs: string[] = [];
    let first: CliRun | null = null;
    let report: ReportJson | null = null;
    const row: Record<string, unknown> = { case: testCase.id };

    const health = ['--healthcheck', testCase.health ?? '/'];
    const cliArgs = (extra: string[]) => [dir, '--yes', '--force', '--json', '--verify', '--engine', engineCommand, ...fixtureArgs, ...testCase.args, ...health, ...extra];
    const verified = (): ReportJson => {
      if (!report) throw new Error(`the first --verify run of ${testCase.fixture} failed, see above`);
      return report;
    };

    beforeAll(async () => {
      ({ dir, args: fixtureArgs } = await fixtureCopy(testCase.fixture, testCase.own));
    });

    afterAll(async () => {
      // A failed start keeps the image too (--keep-image); its name is in the error message then.
      const kept = report?.verify.image ?? /localhost\/slim-image-verify-[a-z0-9.-]+:[0-9a-f]+/.exec(first?.stderr ?? '')?.[0];
      if (kept) await execa(engineCommand, ['image', 'rm', '-f', kept], { reject: false, timeout: 120_000 });
      if (dir) await rm(path.dirname(dir), { recursive: true, force: true });
      summary.push(row);
    });

    it('generates, builds, starts and answers (--verify --compare)', async () => {
      first = await runCli(cliArgs(['--compare', '--keep-image']));
      expect(first.exitCode, `create-slim-image failed:\n${first.stderr}`).toBe(0);
      report = JSON.parse(first.stdout) as ReportJson;
      const v = report.verify;
      Object.assign(row, {
        base: report.base,
        sizeBytes: v.sizeBytes,
        naiveBytes: v.naive?.sizeBytes ?? null,
        comparison: v.naive ? formatComparison(v.naive.sizeBytes, v.sizeBytes) : null,
        layers: v.layers,
        user: v.user,
        hasShell: v.hasShell,
        buildSeconds: v.buildSeconds,
        runSeconds: Math.round(first.seconds),
      });
      expect(report.base).toBe(testCase.base);
      expect(v.started).toBe(true);
      if (report.port !== null) expect(v.answered).toBe(true);
      expect(v.ok).toBe(true);
    });

    // docker stop's grace period is 10 s; an app that ignores SIGTERM as PID 1 uses all of it.
    it('stops within 2 s of SIGTERM (verify.stopSeconds)', () => {
      expect(verified().verify.stopSeconds, 'the container was not stopped and timed').not.toBeNull();
      expect(verified().verify.stopSeconds).toBeLessThan(2);
    });

    it(testCase.health ? `reports healthy by its HEALTHCHECK on ${testCase.health}` : 'says why it has no HEALTHCHECK', () => {
      if (testCase.health) expect(verified().verify.healthy).toBe(true);
      else expect(verified().verify.healthy).toBeNull();
    });

    it('runs as a non-root user', () => {
      expect(isRootUser(verified().verify.user), `USER is ${verified().verify.user}`).toBe(false);
    });

    it.runIf(testCase.base === 'distroless' || testCase.base === 'scratch')('has no shell', () => {
      expect(verified().verify.hasShell).toBe(false);
    });

    it('keeps .env, .git and test files out of the image', async () => {
      const forbidden = await forbiddenFiles(dir);
      expect(forbidden).toContain('.env');
      expect(forbidden).toContain('.git/config');
      const files = await imageFiles(engineCommand, verified().verify.image);
      // The listing must see the app's own files where the image holds sources, or it proves nothing.
      if (['node', 'python'].includes(verified().language)) expect(matching(files, testCase.touch.file)).not.toEqual([]);
      const leaked = forbidden.flatMap((file) => matching(files, file));
      expect(leaked).toEqual([]);
    });

    it.runIf((testCase.probes ?? []).length > 0)('answers its other paths (deep links, health) as expected', async () => {
      const probes = testCase.probes ?? [];
      const v = verified().verify;
      const answers = await askPaths(engineCommand, v.image, verified().port ?? 8080, probes.map((p) => p.path));
      Object.assign(row, { probes: answers.map((a) => `${a.path} ${a.status}`).join(', ') });
      for (const [i, probe] of probes.entries()) {
        expect(answers[i]?.status, probe.path).toBe(probe.status);
        expect(answers[i]?.body, probe.path).toContain(probe.contains);
      }
    });

    it.runIf(testCase.noNaive === undefined)('is smaller than the naive single-stage image', () => {
      const v = verified().verify;
      expect(v.naive, `no naive image: ${v.naiveProblem ?? 'no reason given'}`).toBeTruthy();
      expect(v.sizeBytes).toBeLessThan(v.naive?.sizeBytes ?? 0);
    });

    it.runIf(testCase.dependencies)('reuses the dependency layer when one source file changes', async () => {
      verified();
      await appendFile(path.join(dir, testCase.touch.file), `\n${testCase.touch.comment}\n`);
      const again = await runCli(cliArgs([]));
      expect(again.exitCode, `the rebuild failed:\n${again.stderr}`).toBe(0);
      const v = (JSON.parse(again.stdout) as ReportJson).verify;
      Object.assign(row, { rebuildSeconds: v.buildSeconds, cachedSteps: `${v.cache.cached}/${v.cache.steps}`, installStepCached: v.cache.installStepCached });
      expect(v.ok).toBe(true);
      // null would mean no install step was recognised: the Dockerfile or the log format changed.
      expect(v.cache.installStepCached).toBe(true);
    });
  });
});
