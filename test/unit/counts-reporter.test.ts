// The closing count line (test/reporters/counts.ts) counts what makes a run fail, not only failed
// tests: a file whose afterAll fails once printed "0 failed". Each case runs vitest in a child
// process on tiny temporary test files and reads the last line it prints.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const VITEST = join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
const REPORTER = join(ROOT, 'test', 'reporters', 'counts.ts');

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Runs vitest with only the counts reporter over the given files; the files use vitest's globals (no import to resolve). */
async function countLine(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'slim-counts-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  writeFileSync(
    join(dir, 'vitest.config.mjs'),
    `export default { test: { globals: true, include: ['*.test.mjs'], pool: 'threads', reporters: [${JSON.stringify(REPORTER)}] } };\n`,
  );
  const run = await execa(process.execPath, [VITEST, 'run', '--root', dir, '--config', join(dir, 'vitest.config.mjs')], {
    reject: false,
    cwd: dir,
    env: { CI: '1', NO_COLOR: '1', VITEST: undefined, VITEST_WORKER_ID: undefined, VITEST_POOL_ID: undefined, NODE_OPTIONS: undefined },
  });
  const lines = String(run.stdout).split('\n').filter((line) => line.trim() !== '');
  return { exitCode: run.exitCode, last: lines.at(-1) ?? '', stdout: String(run.stdout), stderr: String(run.stderr) };
}

// Each case is its own vitest process: they run side by side.
describe.concurrent('the count line', () => {
  it('counts a failing afterAll in a file whose tests all passed', async ({ expect }) => {
    const run = await countLine({
      'after.test.mjs': "it('passes', () => {});\nafterAll(() => { throw new Error('cleanup failed'); });\n",
    });
    expect(run.exitCode, run.stderr).not.toBe(0);
    expect(run.last, run.stdout).toBe('1 passed, 1 failed, 0 skipped');
    expect(run.stdout).toMatch(/failed outside a test: after\.test\.mjs: cleanup failed/);
  });

  it('counts a describe block whose hook failed or timed out, and files that did not import or collect', async ({ expect }) => {
    const run = await countLine({
      'good.test.mjs': "it('passes', () => {});\nit.skip('is skipped', () => {});\n",
      'failing.test.mjs': "it('fails', () => { throw new Error('no'); });\n",
      'before.test.mjs': "describe('block', () => {\n  beforeAll(() => { throw new Error('setup failed'); });\n  it('a', () => {});\n  it('b', () => {});\n});\n",
      'hang.test.mjs': "describe('block', () => {\n  it('passes', () => {});\n  afterAll(() => new Promise(() => {}), 50);\n});\n",
      'import.test.mjs': "import './missing-module.mjs';\nit('never runs', () => {});\n",
      'collect.test.mjs': "it('never runs', () => {});\nthrow new Error('collection failed');\n",
    });
    expect(run.exitCode, run.stderr).not.toBe(0);
    // passed: good + hang's test; skipped: good's skip + before's two tests;
    // failed: the failing test, before's beforeAll, hang's afterAll, import, collect.
    expect(run.last, run.stdout).toBe('2 passed, 5 failed, 3 skipped');
    expect(run.stdout).toMatch(/before\.test\.mjs > block: setup failed/);
    expect(run.stdout).toMatch(/hang\.test\.mjs > block: Hook timed out/);
    expect(run.stdout).toMatch(/import\.test\.mjs: .*missing-module/);
    expect(run.stdout).toMatch(/collect\.test\.mjs: collection failed/);
  });

  it('says 0 failed for a clean run', async ({ expect }) => {
    const run = await countLine({ 'good.test.mjs': "it('passes', () => {});\nit.skip('is skipped', () => {});\n" });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.last, run.stdout).toBe('1 passed, 0 failed, 1 skipped');
  });
});
