// Bad input, each a one-paragraph message with exit 1 (2 for usage), never a stack trace, never a
// file written: symlink loops, unreadable and non-regular manifests, read-only folders, a path
// that is a file or missing, an empty folder, several ecosystems; a huge tree;
// Ctrl-C at the first prompt exits 130 with nothing written.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEcosystemCases } from './ecosystem-cases.js';
import { expectInert, expectNoCrash, generate, isRoot, makeProject, snapshot } from './safety-helpers.js';
import { terminal } from './terminal.js';

const ROOT = join(import.meta.dirname, '..');
// Every registered ecosystem's manifest and small project (src/ecosystems/<lang>/test/cases.ts).
const ECOSYSTEM_CASES = await loadEcosystemCases();
const BIN = join(ROOT, 'bin', 'create-slim-image.cjs');

/** Runs main() and checks the common contract of a refusal: exit 1, no stack trace, nothing written. */
async function refused(dir: string, ...args: string[]) {
  const before = existsSync(dir) && statSync(dir).isDirectory() ? snapshot(dir) : null;
  const run = await generate(dir, ...args);
  expectNoCrash(run);
  expect(run.code, run.stderr).toBe(1);
  if (before) expect(snapshot(dir)).toEqual(before);
  return run;
}

describe('symbolic-link loops', () => {
  it.each(ECOSYSTEM_CASES.map((c) => [c.language, c.manifest] as const))('a %s manifest (%s) that is a link to itself is named as a loop', async (_language, manifest) => {
    const dir = makeProject(null);
    symlinkSync(manifest, join(dir, manifest));
    const run = await refused(dir);
    expect(run.stderr).toContain(manifest);
    expect(run.stderr).toMatch(/symbolic-link loop/);
  });

  it('a two-link loop in a lockfile is named', async () => {
    const dir = makeProject('rust-axum-rustls', { 'Cargo.lock': null });
    symlinkSync('Cargo.lock.b', join(dir, 'Cargo.lock'));
    symlinkSync('Cargo.lock', join(dir, 'Cargo.lock.b'));
    const run = await refused(dir);
    expect(run.stderr).toMatch(/Cargo\.lock .*symbolic-link loop/);
  });

  it('a folder link back to the root does not trap the source scan', async () => {
    const dir = makeProject('go-stdlib-http');
    symlinkSync('..', join(dir, 'loop'));
    mkdirSync(join(dir, 'pkg'));
    symlinkSync('../pkg', join(dir, 'pkg', 'self'));
    // A scan that followed the links would never end (the test's timeout would stop it).
    const run = await generate(dir, '--dry-run');
    expectNoCrash(run);
    expect(run.code, run.stderr).toBe(0);
    expectInert(run.dockerfile!);
  });
});

describe('unreadable and non-regular files', () => {
  it.skipIf(isRoot)('a manifest with mode 000 is named with "permission denied" (skipped as root: root reads it anyway)', async () => {
    const dir = makeProject('rust-std-http');
    chmodSync(join(dir, 'Cargo.toml'), 0o000);
    const run = await refused(dir);
    expect(run.stderr).toMatch(/Cargo\.toml.*permission denied/);
  });

  it('a folder where a lockfile should be is named', async () => {
    const dir = makeProject('rust-axum-rustls', { 'Cargo.lock': null });
    mkdirSync(join(dir, 'Cargo.lock'));
    const run = await refused(dir);
    expect(run.stderr).toMatch(/Cargo\.lock is not a regular file/);
  });

  it('a FIFO where a lockfile should be is named, without blocking on it', async () => {
    const dir = makeProject('python-django-poetry-psycopg2', { 'poetry.lock': null });
    execFileSync('mkfifo', [join(dir, 'poetry.lock')]);
    const run = await refused(dir);
    expect(run.stderr).toMatch(/poetry\.lock is not a regular file/);
  });

  it('a FIFO where the only marker should be is not taken for a project', async () => {
    const dir = makeProject(null);
    execFileSync('mkfifo', [join(dir, 'package.json')]);
    const run = await refused(dir);
    expect(run.stderr).toMatch(/--language/);
  });
});

describe('where the files would go', () => {
  it.skipIf(isRoot)('a read-only project folder: exit 1, the folder named, nothing written (skipped as root: root writes anyway)', async () => {
    const dir = makeProject('go-stdlib-http');
    chmodSync(dir, 0o555);
    try {
      const run = await refused(dir);
      expect(run.stderr).toMatch(/permission|read-only|cannot write/i);
    } finally {
      chmodSync(dir, 0o755);
    }
  });

  it('a Dockerfile that is a folder: exit 1, and the .dockerignore is not written either (all or nothing)', async () => {
    const dir = makeProject('go-stdlib-http');
    mkdirSync(join(dir, 'Dockerfile'));
    const run = await refused(dir, '--force');
    expect(run.stderr).toMatch(/Dockerfile/);
    expect(existsSync(join(dir, '.dockerignore'))).toBe(false);
  });
});

describe('the project path and what is in it', () => {
  it('a path that does not exist', async () => {
    const run = await refused('/nonexistent/slim-project');
    expect(run.stderr).toMatch(/\/nonexistent\/slim-project does not exist/);
  });

  it('a path that is a file', async () => {
    const dir = makeProject('node-express-npm');
    const run = await refused(join(dir, 'package.json'));
    expect(run.stderr).toMatch(/is a file, not a folder/);
  });

  it('an empty folder says what was looked for and suggests --language', async () => {
    const run = await refused(makeProject(null));
    for (const { manifest } of ECOSYSTEM_CASES) expect(run.stderr).toContain(manifest);
    expect(run.stderr).toMatch(/--language/);
  });

  it.each(ECOSYSTEM_CASES.map((c) => [c.language, c] as const))('the small %s project generates on its own', async (_language, c) => {
    const run = await generate(makeProject(null, c.project), '--dry-run');
    expectNoCrash(run);
    expect(run.code, run.stderr).toBe(0);
    expectInert(run.dockerfile!);
  });

  it('several ecosystems at the root, non-interactive: names every candidate and --language', async () => {
    const dir = makeProject(null, Object.assign({}, ...ECOSYSTEM_CASES.map((c) => c.project)));
    const run = await refused(dir);
    for (const { language } of ECOSYSTEM_CASES) expect(run.stderr).toContain(language);
    expect(run.stderr).toMatch(/--language/);
    // ... and --language settles it, for each of them.
    for (const { language } of ECOSYSTEM_CASES) {
      const chosen = await generate(dir, '--dry-run', '--language', language);
      expect(chosen.code, `--language ${language}: ${chosen.stderr}`).toBe(0);
    }
  });

  it('an unknown flag exits 2 with the flag named', async () => {
    const run = await generate(makeProject('node-express-npm'), '--frobnicate');
    expectNoCrash(run);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--frobnicate/);
  });
});

describe('rough edges that were internal errors (issue 13)', () => {
  it.each([
    ['an npm workspace glob with an unclosed "["', 'monorepo-npm-turbo', { 'package.json': JSON.stringify({ name: 'r', private: true, workspaces: ['apps/[', 'packages/*'] }) }, ['--app', 'apps/web'], /package\.json "workspaces".*"\["/],
    ['a pnpm workspace glob with an unclosed "["', 'monorepo-pnpm', { 'pnpm-workspace.yaml': "packages:\n  - 'apps/[a'\n" }, ['--app', 'apps/api'], /pnpm-workspace\.yaml.*"\[a"/],
    ['a Cargo workspace member glob with an unclosed "["', 'rust-workspace', { 'Cargo.toml': '[workspace]\nmembers = ["crates/["]\n' }, [], /Cargo\.toml.*"crates\/\["/],
    ['a 100,000-deep pom.xml', 'java-plain-jar-maven', { 'pom.xml': `<project>${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}</project>` }, [], /pom\.xml cannot be read/],
    ['a 100,000-deep unclosed pom.xml', 'java-plain-jar-maven', { 'pom.xml': `<project>${'<a>'.repeat(100_000)}` }, [], /pom\.xml is not well-formed XML \(line 1\)/],
  ] as const)('%s is a one-paragraph error naming the file', async (_what, fixture, edits, args, message) => {
    const run = await refused(makeProject(fixture, { ...edits }), ...args);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.split('\n')).toHaveLength(1);
    expect(run.stderr.length).toBeLessThan(600);
  });

  it.each([
    ['--templates that is not a folder', ['--language', 'node', '--templates', '/nonexistent/templates']],
    ['--app with a language that has no apps', ['--language', 'go', '--app', 'apps/web']],
    ['--package-manager that is not a Node.js one', ['--language', 'node', '--package-manager', 'maven']],
    ['--package-manager that is not a Java build tool', ['--language', 'java', '--package-manager', 'npm']],
  ])('%s is bad usage: exit 2', async (_what, args) => {
    const dir = makeProject('node-express-npm', { 'pom.xml': '<project><modelVersion>4.0.0</modelVersion><groupId>a</groupId><artifactId>b</artifactId><version>1</version></project>', 'src/main/java/a/Main.java': 'package a; public class Main { public static void main(String[] a) {} }\n' });
    const run = await generate(dir, '--dry-run', ...args);
    expectNoCrash(run);
    expect(run.code, run.stderr).toBe(2);
  });

  it('ESC, CR and bidi characters from a project are shown escaped, never raw', async () => {
    const run = await refused(makeProject('node-express-npm', { '.nvmrc': '22\u001b]0;pwned\u0007\r\u202eX\n' }));
    expect(run.stderr).not.toMatch(/[\u001b\u0007\r\u202e]/);
    expect(run.stderr).toContain('\\u001b]0;pwned\\u0007\\u000d\\u202eX');
  });
});

describe('a huge repository', () => {
  // The result on a 100,000-file tree is checked here; its speed is not (a loaded machine makes any
  // bound flaky): `npm run bench` times the generator on a 200,000-file monorepo. Building and
  // deleting the tree takes seconds to minutes with the disk busy, so its hooks have no time limit
  // (0); plain synchronous file-system work cannot hang.
  let dir: string;
  const FILES = 100_000;

  beforeAll(() => {
    dir = makeProject('node-express-npm');
    // ~80k files in dependency folders detection never enters, ~20k in a deep source tree.
    const stub = 'module.exports = 1;\n';
    for (let p = 0; p < 800; p++) {
      const pkg = join(dir, 'node_modules', `pkg-${p}`, 'lib');
      mkdirSync(pkg, { recursive: true });
      for (let f = 0; f < 100; f++) writeFileSync(join(pkg, `f${f}.js`), stub);
    }
    for (let d = 0; d < 200; d++) {
      const deep = join(dir, 'src', `mod${d}`, 'a', 'b', 'c', 'd', 'e', 'f', 'g');
      mkdirSync(deep, { recursive: true });
      for (let f = 0; f < 100; f++) writeFileSync(join(deep, `f${f}.js`), stub);
    }
  }, 0);

  afterAll(() => rmSync(dir, { recursive: true, force: true }), 0);

  it(`generates for a project of ${FILES} files as for the fixture alone`, async () => {
    expect(readdirSync(join(dir, 'node_modules')).length).toBe(800);
    const run = await generate(dir, '--dry-run');
    expectNoCrash(run);
    expect(run.code, run.stderr).toBe(0);
    expectInert(run.dockerfile!);
    const alone = await generate(makeProject('node-express-npm'), '--dry-run');
    expect(alone.code, alone.stderr).toBe(0);
    expect(run.dockerfile).toBe(alone.dockerfile);
  });
});

describe('Ctrl-C at a prompt', () => {
  it.skipIf(!existsSync(join(ROOT, 'dist', 'cli.cjs')))('exits 130 with nothing written (built CLI in a pseudo-terminal)', async () => {
    const dir = makeProject('node-express-npm');
    const before = snapshot(dir);
    const term = terminal(`${process.execPath} ${BIN} ${dir}`);
    await term.waitFor(/\?/);
    term.type('\x03');
    expect(await term.closed).toBe(130);
    expect(term.all).not.toMatch(/internal error|\n\s+at /);
    expect(snapshot(dir)).toEqual(before);
  }, 30_000);
});
