// Image sizes and rebuild cost: for each fixture, build our Dockerfile, the other generator's
// (Node apps) and the naive single-stage one with a container engine, and read the final size
// from `image inspect` (.Size, the same number `podman images` shows).
//
// Every build runs on a temp copy of the fixture. A Dockerfile whose base images are not in the
// engine's local storage is not attempted: on this machine no registry is reachable, so it is
// recorded as "not built" with the missing image, never guessed.
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateWithOther } from './other-generator.mjs';

/**
 * The engine command: BENCH_ENGINE, else podman, else docker. Returns { engine } or { problem }
 * with what each candidate said. The probe waits long: with vfs storage, `image ls` can wait
 * for other builds' storage locks on a busy machine.
 */
export function findEngine() {
  const candidates = [process.env.BENCH_ENGINE, 'podman', 'docker'].filter(Boolean);
  const problems = [];
  for (const command of candidates) {
    const probe = spawnSync(command, ['image', 'ls', '--quiet'], { encoding: 'utf8', timeout: 180_000 });
    if (probe.status === 0) return { engine: command };
    const why = probe.error?.code === 'ENOENT' ? 'not installed' : probe.error ? probe.error.message : (probe.stderr.trim().split('\n').at(-1) ?? `exit ${probe.status}`);
    problems.push(`${command}: ${why}`);
  }
  return { engine: null, problem: problems.join('; ') };
}

/**
 * Measures one fixture. fixture: { name, dir, args, sourceFile, rebuild, note }.
 * Returns { name, language, base, ours, other, naive, rebuild, notes } where each build is
 * { bytes, seconds } or { problem }.
 */
export async function measureFixture(fixture, { repo, engine, otherCli, log }) {
  const notes = fixture.note ? [fixture.note] : [];
  const scratch = mkdtempSync(path.join(os.tmpdir(), `slim-bench-${fixture.name}-`));
  const copy = (label) => {
    const dir = path.join(scratch, label);
    cpSync(fixture.dir, dir, { recursive: true, filter: (src) => path.basename(src) !== '.slim-args.json' });
    return dir;
  };
  try {
    // Ours: the CLI's JSON report carries the files and the decisions.
    const oursDir = copy('ours');
    let report = runOurs(repo, oursDir, fixture.args);
    // The tool may pick a runtime line that has no offline stand-in (Node 26 for engines ">=20");
    // then the same fixture is measured on the newest line that has one, and the table says so.
    if (report.language === 'node' && missingBaseImages(engine, report.files.Dockerfile).length > 0) {
      for (const version of ['24', '22']) {
        const retry = runOurs(repo, oursDir, [...fixture.args, '--runtime-version', version]);
        if (missingBaseImages(engine, retry.files.Dockerfile).length === 0) {
          notes.push(`built with --runtime-version ${version}: the tool chose Node ${report.runtimeVersion}, which has no offline stand-in image here.`);
          report = retry;
          break;
        }
      }
    }
    writeFileSync(path.join(oursDir, 'Dockerfile'), report.files.Dockerfile);
    writeFileSync(path.join(oursDir, '.dockerignore'), report.files['.dockerignore']);
    const result = { name: fixture.name, language: report.language, base: report.base, runtimeImage: report.runtimeImage, notes };
    const tag = (kind) => `localhost/slim-bench-${kind}-${fixture.name}:latest`;

    log(`  ${fixture.name}: ours (${report.base})`);
    result.ours = await buildAndSize(engine, oursDir, path.join(oursDir, 'Dockerfile'), tag('ours'), {}, fixture.rebuild);

    // The naive Dockerfile comes from the verify module (the same one --compare builds).
    const naiveDir = copy('naive');
    const naiveText = await naiveFor(repo, naiveDir, report);
    if (naiveText === null) result.naive = { problem: `no naive Dockerfile for ${report.language}/${report.packageManager}` };
    else {
      const file = path.join(scratch, 'naive.Dockerfile');
      writeFileSync(file, naiveText);
      log(`  ${fixture.name}: naive`);
      result.naive = await buildAndSize(engine, naiveDir, file, tag('naive'), {}, fixture.rebuild);
    }

    if (report.language === 'node' && otherCli) {
      const otherDir = copy('other');
      try {
        const text = generateWithOther(otherCli, otherDir);
        // Same Node major for all three, so sizes differ by design and not by Node release.
        const buildArgs = { NODE_VERSION: report.runtimeVersion };
        const declared = /^ARG NODE_VERSION=(\S+)/m.exec(text)?.[1];
        if (declared) notes.push(`@flydotio/dockerfile wrote NODE_VERSION=${declared}; built with --build-arg NODE_VERSION=${report.runtimeVersion} (the same Node major as ours).`);
        log(`  ${fixture.name}: @flydotio/dockerfile`);
        result.other = await buildAndSize(engine, otherDir, path.join(otherDir, 'Dockerfile'), tag('other'), buildArgs, false);
      } catch (error) {
        result.other = { problem: String(error.message ?? error) };
      }
    }

    if (fixture.rebuild && result.ours.bytes && result.naive?.bytes) {
      result.rebuild = {};
      for (const [kind, dir, file] of [
        ['ours', oursDir, path.join(oursDir, 'Dockerfile')],
        ['naive', naiveDir, path.join(scratch, 'naive.Dockerfile')],
      ]) {
        // One changed line in one source file, then the same build again on a warm cache.
        appendFileSync(path.join(dir, fixture.sourceFile), `\n// bench: one-line change ${Date.now()}\n`);
        log(`  ${fixture.name}: rebuild ${kind} after a one-line change in ${fixture.sourceFile}`);
        const rebuilt = await build(engine, dir, file, tag(kind), {}, true);
        result.rebuild[kind] = rebuilt.ok ? { seconds: rebuilt.seconds, steps: rebuilt.steps, cached: rebuilt.cached } : { problem: rebuilt.problem };
        removeImage(engine, tag(kind));
      }
    }
    return result;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function runOurs(repo, dir, args) {
  const run = spawnSync(process.execPath, [path.join(repo, 'bin/create-slim-image.cjs'), dir, '--yes', '--dry-run', '--json', ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`create-slim-image failed on ${dir}: ${run.stderr.trim()}`);
  return JSON.parse(run.stdout);
}

async function naiveFor(repo, dir, report) {
  // The same naive Dockerfile --compare builds: the ecosystem's own, from the registry.
  const { naiveDockerfile } = await import(pathToFileURL(path.join(repo, 'dist/verify/naive.js')).href);
  const { loadEcosystem } = await import(pathToFileURL(path.join(repo, 'dist/ecosystems/index.js')).href);
  const ecosystem = await loadEcosystem(report.language);
  if (!ecosystem) return null;
  return naiveDockerfile(ecosystem, {
    packageManager: report.packageManager,
    runtimeVersion: report.runtimeVersion,
    has: (name) => existsSync(path.join(dir, name)),
    read: (name) => (existsSync(path.join(dir, name)) ? readFileSync(path.join(dir, name), 'utf8') : null),
  });
}

/** Builds (with layers when the rebuild is measured next), reads the size, removes the image unless kept. */
async function buildAndSize(engine, context, file, tag, buildArgs, keepForRebuild) {
  const missing = missingBaseImages(engine, readFileSync(file, 'utf8'), buildArgs);
  if (missing.length > 0) return { problem: `base image not available offline: ${missing.join(', ')}` };
  const built = await build(engine, context, file, tag, buildArgs, keepForRebuild);
  if (!built.ok) return { problem: built.problem };
  const size = spawnSync(engine, ['image', 'inspect', '--format', '{{.Size}}', tag], { encoding: 'utf8' });
  if (!keepForRebuild) removeImage(engine, tag);
  const bytes = Number.parseInt(size.stdout.trim(), 10);
  return Number.isFinite(bytes) ? { bytes, seconds: built.seconds } : { problem: `image inspect failed: ${size.stderr.trim()}` };
}

/**
 * One build; retried once when the engine lost a cached layer under us ("layer not known": on a
 * shared machine another process removed images while this build looked its cache up).
 */
async function build(engine, context, file, tag, buildArgs, layers) {
  const first = await buildOnce(engine, context, file, tag, buildArgs, layers);
  if (first.ok || !/(layer|image) not known/.test(first.problem)) return first;
  const second = await buildOnce(engine, context, file, tag, buildArgs, layers);
  return second.ok ? { ...second, retried: first.problem } : second;
}

function buildOnce(engine, context, file, tag, buildArgs, layers) {
  const args = ['build', `--layers=${layers}`, '-t', tag, '-f', file];
  for (const [key, value] of Object.entries(buildArgs)) args.push('--build-arg', `${key}=${value}`);
  args.push(context);
  const started = process.hrtime.bigint();
  return new Promise((resolve) => {
    const child = spawn(engine, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const tail = [];
    // podman and docker's classic builder print "STEP n/m: ..." per instruction and
    // "--> Using cache <id>" when the layer cache answers one.
    let steps = 0;
    let cached = 0;
    const keep = (chunk) => {
      const lines = String(chunk).split('\n').filter((line) => line.trim() !== '');
      steps += lines.filter((line) => /^(\[\d+\/\d+\] )?STEP \d+\/\d+:/.test(line)).length;
      cached += lines.filter((line) => /Using cache/.test(line)).length;
      tail.push(...lines);
      tail.splice(0, Math.max(0, tail.length - 8));
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => child.kill('SIGTERM'), 30 * 60_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      resolve(code === 0 ? { ok: true, seconds, steps, cached } : { ok: false, seconds, problem: `build failed: ${tail.slice(-3).join(' | ')}` });
    });
  });
}

export function removeImage(engine, tag) {
  spawnSync(engine, ['rmi', '--force', tag], { stdio: 'ignore' });
}

/**
 * The images the FROM lines (and COPY --from=<image>) name that the engine does not hold.
 * ARG defaults before the first FROM and --build-arg values are substituted; stage names skipped.
 */
export function missingBaseImages(engine, dockerfile, buildArgs = {}) {
  const args = {};
  const stages = new Set();
  const wanted = [];
  let seenFrom = false;
  const expand = (text) => text.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (_, name) => buildArgs[name] ?? args[name] ?? '');
  for (const raw of dockerfile.split('\n')) {
    const line = raw.trim();
    const arg = /^ARG\s+([A-Za-z_][A-Za-z0-9_]*)(?:=(\S*))?/i.exec(line);
    if (arg && !seenFrom) args[arg[1]] = (arg[2] ?? '').replace(/^"|"$/g, '');
    const from = /^FROM\s+(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?/i.exec(line);
    if (from) {
      seenFrom = true;
      const image = expand(from[1]);
      if (!stages.has(image) && image !== 'scratch') wanted.push(image);
      if (from[2]) stages.add(from[2]);
    }
    const copyFrom = /^COPY\s+.*--from=(\S+)/i.exec(line);
    if (copyFrom) {
      const ref = expand(copyFrom[1]);
      if (!stages.has(ref) && !/^\d+$/.test(ref)) wanted.push(ref);
    }
  }
  return [...new Set(wanted)].filter((image) => spawnSync(engine, ['image', 'inspect', '--format', '{{.Id}}', image], { stdio: 'ignore' }).status !== 0);
}
