// bin/cached-require.cjs: the bundle's files run as CommonJS modules with V8's code cache, kept in
// a per-user folder that nobody else can write to; the cache only ever speeds a run up.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const { cachedRequire } = createRequire(import.meta.url)('../../bin/cached-require.cjs') as {
  cachedRequire(version: string): { load(file: string): Record<string, unknown>; save(complete: boolean): void };
};

const REPO = join(import.meta.dirname, '..', '..');
let work: string;
let bundle: string;
const saved = { TMPDIR: process.env.TMPDIR, NODE_DISABLE_COMPILE_CACHE: process.env.NODE_DISABLE_COMPILE_CACHE };

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'cached-require-'));
  bundle = join(work, 'dist');
  mkdirSync(bundle);
  // A two-file bundle as scripts/bundle.mjs writes it: the entry requires its sibling chunk and a built-in.
  writeFileSync(join(bundle, 'cli.cjs'), 'const core = require("./cli-core.cjs"); exports.main = () => core.answer + require("node:path").sep.length;');
  writeFileSync(join(bundle, 'cli-core.cjs'), 'exports.answer = 41; exports.loadedAs = module.filename;');
  process.env.TMPDIR = join(work, 'tmp');
  mkdirSync(process.env.TMPDIR);
  delete process.env.NODE_DISABLE_COMPILE_CACHE;
});

afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  rmSync(work, { recursive: true, force: true });
});

/** The cache files written so far, under the per-user folder. */
function cacheFiles(): string[] {
  const base = readdirSync(process.env.TMPDIR!).map((name) => join(process.env.TMPDIR!, name));
  return base.flatMap((dir) => readdirSync(dir).flatMap((folder) => readdirSync(join(dir, folder))));
}

describe('cachedRequire', () => {
  it('runs the files as CommonJS modules, sibling chunks through itself and built-ins through Node', () => {
    const loader = cachedRequire('1.0.0');
    const cli = loader.load(join(bundle, 'cli.cjs'));
    expect((cli.main as () => number)()).toBe(42);
  });

  it('writes a cache per file after the run, and the next run reads it instead of writing again', () => {
    const first = cachedRequire('1.0.0');
    first.load(join(bundle, 'cli.cjs'));
    expect(cacheFiles()).toEqual([]); // nothing before save(): the run's own functions are not compiled yet
    first.save(true);
    const files = cacheFiles().sort();
    expect(files).toHaveLength(2);
    expect(files[0]).toMatch(/^cli-core\.cjs-\d+-\d+\.complete\.cache$/);
    const folder = readdirSync(process.env.TMPDIR!)[0]!;
    const stamp = readdirSync(join(process.env.TMPDIR!, folder)).map((f) => statSync(join(process.env.TMPDIR!, folder, f)).mtimeMs);
    const second = cachedRequire('1.0.0');
    expect((second.load(join(bundle, 'cli.cjs')).main as () => number)()).toBe(42);
    second.save(true);
    expect(cacheFiles().sort()).toEqual(files); // accepted: nothing rewritten
    expect(readdirSync(join(process.env.TMPDIR!, folder)).map((f) => statSync(join(process.env.TMPDIR!, folder, f)).mtimeMs)).toEqual(stamp);
  });

  it('a run that stopped early writes a partial cache, which the first complete run replaces once', () => {
    const early = cachedRequire('1.0.0');
    early.load(join(bundle, 'cli.cjs'));
    early.save(false);
    expect(cacheFiles().sort().map((f) => f.replace(/-\d+-\d+/, ''))).toEqual(['cli-core.cjs.partial.cache', 'cli.cjs.partial.cache']);
    const again = cachedRequire('1.0.0');
    again.load(join(bundle, 'cli.cjs'));
    again.save(false);
    expect(cacheFiles().every((f) => f.endsWith('.partial.cache'))).toBe(true);
    const complete = cachedRequire('1.0.0');
    expect((complete.load(join(bundle, 'cli.cjs')).main as () => number)()).toBe(42);
    complete.save(true);
    expect(cacheFiles().sort().map((f) => f.replace(/-\d+-\d+/, ''))).toEqual(['cli-core.cjs.complete.cache', 'cli.cjs.complete.cache']);
    const later = cachedRequire('1.0.0');
    later.load(join(bundle, 'cli.cjs'));
    later.save(false);
    expect(cacheFiles().every((f) => f.endsWith('.complete.cache'))).toBe(true);
  });

  it('never meets an old cache after the file changes: the cache is named by size and time', () => {
    const first = cachedRequire('1.0.0');
    first.load(join(bundle, 'cli.cjs'));
    first.save(true);
    writeFileSync(join(bundle, 'cli-core.cjs'), 'exports.answer = 1;');
    const second = cachedRequire('1.0.0');
    expect((second.load(join(bundle, 'cli.cjs')).main as () => number)()).toBe(2);
  });

  it.skipIf(typeof process.getuid !== 'function')('uses no folder that others can write to', () => {
    const base = join(process.env.TMPDIR!, `create-slim-image-${process.getuid!()}`);
    mkdirSync(base);
    chmodSync(base, 0o777);
    const loader = cachedRequire('1.0.0');
    expect((loader.load(join(bundle, 'cli.cjs')).main as () => number)()).toBe(42);
    loader.save(true);
    expect(readdirSync(base)).toEqual([]);
  });

  it('writes nothing with NODE_DISABLE_COMPILE_CACHE set, as Node does for its own cache', () => {
    process.env.NODE_DISABLE_COMPILE_CACHE = '1';
    const loader = cachedRequire('1.0.0');
    expect((loader.load(join(bundle, 'cli.cjs')).main as () => number)()).toBe(42);
    loader.save(true);
    expect(readdirSync(process.env.TMPDIR!)).toEqual([]);
  });

  it.runIf(existsSync(join(REPO, 'dist', 'cli.cjs')))('the CLI keeps a complete cache only after a generation, not after --help or an error', () => {
    const cli = (...args: string[]) => spawnSync(process.execPath, [join(REPO, 'bin', 'create-slim-image.cjs'), ...args], { encoding: 'utf8', env: { ...process.env, TMPDIR: process.env.TMPDIR } });
    const kinds = () => [...new Set(cacheFiles().map((f) => f.replace(/^.*\.(\w+)\.cache$/, '$1')))].sort();
    expect(cli('--help').status).toBe(0);
    expect(kinds()).toEqual(['partial']);
    expect(cli(join(REPO, 'examples', 'does-not-exist')).status).toBe(1);
    expect(kinds()).toEqual(['partial']);
    expect(cli(join(REPO, 'examples', 'express-api'), '--dry-run').status).toBe(0);
    expect(cacheFiles().some((f) => /^cli-core-.*\.complete\.cache$/.test(f))).toBe(true);
    expect(cacheFiles().some((f) => /^cli-core-.*\.partial\.cache$/.test(f))).toBe(false);
  });

  it.runIf(existsSync(join(REPO, 'dist', 'cli.cjs')))('the bundle is ASCII, so V8 holds each file as a one-byte string', () => {
    const files = readdirSync(join(REPO, 'dist')).filter((name) => name.endsWith('.cjs'));
    expect(files.length).toBeGreaterThan(5);
    for (const name of files) {
      const text = readFileSync(join(REPO, 'dist', name), 'utf8');
      expect(/[^\x00-\x7f]/.exec(text)?.[0], name).toBeUndefined();
    }
  });
});
