#!/usr/bin/env node
// `npm run bench`: generator speed (ours vs @flydotio/dockerfile on a small app and a
// 200,000-file monorepo, beside a bare `node -e 0` as the floor), final image sizes (ours, @flydotio/dockerfile's, naive) and rebuild
// cost after a one-line change. Writes docs/benchmarks.md and docs/benchmarks-image-sizes.svg;
// the last line printed is the summary.
//
//   node bench/run.mjs [--runs N] [--warmup N] [--skip-images] [--fixtures a,b,...] [--report-only]
//
// Needs `npm run build` first (it runs the built CLI and dist/verify/naive.js). Image builds need
// podman or docker (BENCH_ENGINE picks one); without one the image part is skipped and said so.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CASES_FROM, readE2eCases } from './lib/cases.mjs';
import { sizeChart } from './lib/chart.mjs';
import { findEngine, measureFixture } from './lib/images.mjs';
import { ensureMonorepo } from './lib/monorepo.mjs';
import { ensureOtherGenerator, OTHER_ENV, resetOutputs, VERSION as OTHER_VERSION } from './lib/other-generator.mjs';
import { lastLine, markdown, sizeRows } from './lib/report.mjs';
import { measure } from './lib/timing.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = path.join(REPO, 'bench', '.cache');
const RESULTS = path.join(CACHE, 'results.json');
const DOC = path.join(REPO, 'docs', 'benchmarks.md');
const CHART = 'benchmarks-image-sizes.svg';
export const MONOREPO_ARGS = ['--app', 'apps/app-000'];

/**
 * Fixtures for the image part: the e2e cases (`e2e` in src/ecosystems/<lang>/test/cases.ts, the
 * apps that build offline here: npm-registry dependencies, standard-library Python/Go/Java/Rust)
 * with their flags, plus the README's example. The rebuild cost is measured where the case says the app has registry
 * dependencies (`dependencies: true`): only there does a Dockerfile have an install step for the
 * layer cache to keep.
 */
const EXAMPLE = { id: 'express-api', dir: 'examples/express-api', args: [], touch: { file: 'server.js' }, dependencies: true };
/** Used only when the ecosystems' cases files are missing or cannot be read. */
const FALLBACK_CASES = [
  { id: 'node-npm-distroless', fixture: 'node-express-npm', args: ['--runtime-version', '24'], touch: { file: 'src/server.js' }, dependencies: true },
  { id: 'python-distroless', fixture: 'python-stdlib-distroless', args: [], touch: { file: 'server.py' }, dependencies: false },
  { id: 'go-scratch', fixture: 'go-stdlib-http', args: [], touch: { file: 'main.go' }, dependencies: false },
  { id: 'java-distroless', fixture: 'java-javac-http', args: [], touch: { file: 'src/main/java/com/example/hello/Main.java' }, dependencies: false },
];

/** The e2e cases of every ecosystem (src/ecosystems/<lang>/test/cases.ts), or the fallback with the reason. */
function e2eCases() {
  try {
    return { cases: readE2eCases(REPO), from: CASES_FROM };
  } catch (error) {
    return { cases: FALLBACK_CASES, from: `bench/run.mjs (${CASES_FROM} unreadable: ${error.message})` };
  }
}

function imageFixtures() {
  const { cases, from } = e2eCases();
  const list = [EXAMPLE, ...cases].map((c) => ({
    name: c.id ?? c.fixture,
    dir: c.dir ?? path.join('test', c.own ? 'e2e' : '', 'fixtures', c.fixture),
    args: c.args ?? [],
    sourceFile: c.touch?.file ?? null,
    rebuild: c.dependencies === true && Boolean(c.touch?.file),
  }));
  return { list, from };
}

const log = (text) => process.stderr.write(`bench: ${text}\n`);

async function main() {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string' },
      warmup: { type: 'string', default: '2' },
      'skip-images': { type: 'boolean', default: false },
      fixtures: { type: 'string' },
      'report-only': { type: 'boolean', default: false },
    },
  });
  if (values['report-only']) {
    // Re-render docs/benchmarks.md and the chart from the last results, measuring nothing.
    const last = JSON.parse(readFileSync(RESULTS, 'utf8'));
    write(last);
    process.stdout.write(`${lastLine(last)}\n`);
    return;
  }
  const runs = values.runs ? Number(values.runs) : null;
  const warmup = Number(values.warmup);
  const cli = path.join(REPO, 'dist', 'cli.cjs');
  if (!existsSync(cli) || !existsSync(path.join(REPO, 'dist', 'verify', 'naive.js'))) {
    throw new Error('dist/ is missing: run `npm run build` first (the bench measures the built CLI).');
  }
  mkdirSync(CACHE, { recursive: true });
  const previous = existsSync(RESULTS) ? JSON.parse(readFileSync(RESULTS, 'utf8')) : null;
  const { engine, problem: engineProblem } = findEngine();
  const result = { date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'), machine: machine(engine) };

  // ---- speed ----
  const otherCli = ensureOtherGenerator(CACHE, log);
  const mono = ensureMonorepo({ log });
  const smallCopy = copyOf(path.join(REPO, 'examples', 'express-api'));
  try {
    const ourBin = path.join(REPO, 'bin', 'create-slim-image.cjs');
    // In the monorepo, ours is pointed at one app (--app; without it the tool asks which of the 12
    // apps to containerize); the other generator has no workspace support and runs at the root.
    const commandsFor = (dir, extra = []) => [
      { id: 'ours', argv: [process.execPath, ourBin, dir, '--yes', '--dry-run', ...extra], cwd: REPO, prepare: () => resetOutputs(dir) },
      // Ours without its code cache (bin/cached-require.cjs), as on the first run after installing
      // or upgrading: every later run reads the cache that run writes.
      { id: 'oursCold', argv: [process.execPath, ourBin, dir, '--yes', '--dry-run', ...extra], cwd: REPO, env: { NODE_DISABLE_COMPILE_CACHE: '1' }, prepare: () => resetOutputs(dir) },
      { id: 'other', argv: [process.execPath, otherCli, '--force'], cwd: dir, env: OTHER_ENV, prepare: () => resetOutputs(dir) },
      // The floor: a Node process that starts and exits, measured in the same turns.
      { id: 'node', argv: [process.execPath, '-e', '0'], cwd: dir },
    ];
    const counts = { small: runs ?? 30, monorepo: runs ?? 20 };
    log(`speed: small app, ${counts.small} runs of each generator, taking turns`);
    const small = measure(commandsFor(smallCopy), { runs: counts.small, warmup });
    log(`speed: ${mono.files.toLocaleString('en')}-file monorepo, ${counts.monorepo} runs of each`);
    const monorepo = measure(commandsFor(mono.dir, MONOREPO_ARGS), { runs: counts.monorepo, warmup });
    resetOutputs(mono.dir);
    result.speed = {
      runs: counts,
      warmup,
      otherVersion: OTHER_VERSION,
      small,
      monorepo: { ...monorepo, files: mono.files, args: MONOREPO_ARGS, generatedSeconds: mono.generated ? mono.seconds : null },
    };
  } finally {
    rmSync(path.dirname(smallCopy), { recursive: true, force: true });
  }

  // First write: speed now, the previous image table until the builds finish.
  result.images = previous?.images ? { ...previous.images } : { skipped: 'not measured yet' };
  write(result);

  // ---- image sizes and rebuild cost ----
  if (values['skip-images']) {
    if (!previous?.images) result.images = { skipped: '--skip-images and no earlier image results' };
  } else if (engine === null) {
    result.images = { skipped: `no container engine works here (${engineProblem})` };
  } else {
    const wanted = values.fixtures ? new Set(values.fixtures.split(',')) : null;
    const { list: all, from } = imageFixtures();
    const list = all.filter((f) => !wanted || wanted.has(f.name));
    // With --fixtures, the named ones are measured again and the others keep their last numbers.
    const kept = wanted && previous?.images?.fixtures ? previous.images.fixtures.filter((f) => !wanted.has(f.name)) : [];
    const images = { engine, measuredAt: result.date, fixtureList: from, fixtures: [...kept], failed: [] };
    const order = all.map((f) => f.name);
    for (const fixture of list) {
      const dir = path.join(REPO, fixture.dir);
      const argsFile = path.join(dir, '.slim-args.json');
      // The fixture's own flags first, then the case's (as the e2e suite runs them).
      const args = [...(existsSync(argsFile) ? JSON.parse(readFileSync(argsFile, 'utf8')) : []), ...fixture.args];
      log(`images: ${fixture.name}`);
      try {
        const measured = await measureFixture({ ...fixture, dir, args }, { repo: REPO, engine, otherCli, log });
        images.fixtures.push({ ...measured, dir: fixture.dir, args, sourceFile: fixture.sourceFile, measuredAt: result.date });
        images.fixtures.sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
      } catch (error) {
        images.failed.push({ name: fixture.name, problem: String(error.message ?? error).split('\n')[0] });
      }
      result.images = images;
      write(result); // after each fixture, so a long run leaves a useful page behind
    }
  }
  write(result);
  process.stdout.write(`${lastLine(result)}\n`);
}

/** The page as it was before this run: its image sections outlive a --skip-images run on a fresh clone. */
const EARLIER_DOC = existsSync(DOC) ? readFileSync(DOC, 'utf8') : null;

function write(result) {
  mkdirSync(path.dirname(DOC), { recursive: true });
  writeFileSync(RESULTS, `${JSON.stringify(result, null, 2)}\n`);
  const rows = sizeRows(result.images);
  if (rows.length > 0) writeFileSync(path.join(path.dirname(DOC), CHART), sizeChart(rows));
  writeFileSync(DOC, keepEarlierImages(markdown(result, { chartFile: CHART }), result));
}

/**
 * With no image results in bench/.cache (a fresh clone, --skip-images), the image and rebuild
 * sections of the page are kept from the page as it was, said so, instead of being emptied.
 */
function keepEarlierImages(doc, result) {
  if (!result.images?.skipped || EARLIER_DOC === null) return doc;
  const section = (text) => {
    const start = text.indexOf('\n## Image size\n');
    const end = text.indexOf('\n## Commands\n');
    return start < 0 || end < start ? null : [start, end];
  };
  const old = section(EARLIER_DOC);
  const now = section(doc);
  if (!old || !now) return doc;
  let kept = EARLIER_DOC.slice(old[0], old[1]);
  if (/\nNot measured in this run/.test(kept)) return doc;
  const note = '\nThe image numbers below are kept from an earlier run of the full bench (this run measured speed only).\n';
  if (!kept.includes(note)) kept = kept.replace('\n## Image size\n', `\n## Image size\n${note}`);
  return doc.slice(0, now[0]) + kept + doc.slice(now[1]);
}

function copyOf(dir) {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'slim-bench-small-'));
  const copy = path.join(scratch, path.basename(dir));
  cpSync(dir, copy, { recursive: true });
  return copy;
}

function machine(engine) {
  const release = existsSync('/etc/os-release') ? /^PRETTY_NAME="?([^"\n]*)/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] : null;
  const engineVersion = engine ? spawnSync(engine, ['--version'], { encoding: 'utf8' }).stdout.trim() : null;
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    os: `${release ?? os.type()} (kernel ${os.release()})`,
    node: process.version,
    engine: engineVersion,
    loadAverage: os.loadavg().map((l) => l.toFixed(2)).join(', '),
  };
}

main().catch((error) => {
  process.stderr.write(`bench: ${error.stack ?? error}\n`);
  process.exit(1);
});
