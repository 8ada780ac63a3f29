// The project boundary (issue 13), through the CLI: files that link outside the project are never
// read, quoted or written through; --check never diffs a link's target; a .slim-image that links
// out is refused; a workspace outside the repository is refused; template folders refuse FIFOs,
// folders and links out; and, per ecosystem, a property: random trees with hostile links planted
// (to a secret file holding a unique marker, to /etc/passwd, loops, dangling links, the parent
// folder) never show the marker and never change anything outside the project, with --json and
// with a plain terminal-less run.
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { memoryOutput } from '../src/output.js';
import { loadEcosystemCases, type Mode } from './ecosystem-cases.js';
import { assertProperty, expectNoCrash, generate, makeProject, snapshot } from './safety-helpers.js';

const CASES = await loadEcosystemCases();
const byLanguage = (language: string) => CASES.find((c) => c.language === language)!;

const MARKER = 'SLIMSECRETMARKER9d2c';
/** The first line of /etc/passwd, which no output may quote. */
const PASSWD = existsSync('/etc/passwd') ? readFileSync('/etc/passwd', 'utf8').split('\n')[0]! : 'root:x:0:0:';

/**
 * A folder holding the project and, beside it, a secrets folder: files that would each reveal the
 * marker if read (a token, and manifests of every kind that name it), so a read that slipped
 * through would show up in the report, a warning or an error.
 */
function outside(): { base: string; secrets: string; files: string[] } {
  const base = mkdtempSync(join(tmpdir(), 'slim-boundary-'));
  const secrets = join(base, 'secrets');
  mkdirSync(secrets);
  const texts: Record<string, string> = {
    token: `${MARKER}\n`,
    'package.json': JSON.stringify({ name: MARKER, version: '1.0.0', engines: { node: MARKER }, scripts: { start: `node ${MARKER}.js` } }),
    'version': `${MARKER}\n`,
    'pyproject.toml': `[project]\nname = "${MARKER}"\nrequires-python = "${MARKER}"\n`,
    'requirements.txt': `${MARKER}==1.0\n-r ${MARKER}.txt\n`,
    'go.mod': `module ${MARKER}\n\ngo ${MARKER}\n`,
    'Cargo.toml': `[package]\nname = "${MARKER}"\nversion = "${MARKER}"\n`,
    'pom.xml': `<project><artifactId>${MARKER}</artifactId><version>${MARKER}</version></project>\n`,
    'template.hbs': `FROM ${MARKER}\n`,
    'config.json': JSON.stringify({ version: 1, cmd: MARKER, port: 1 }),
  };
  for (const [name, text] of Object.entries(texts)) writeFileSync(join(secrets, name), text);
  return { base, secrets, files: Object.keys(texts).map((name) => join(secrets, name)) };
}

/** A project folder inside `base` with the given files. */
function projectIn(base: string, files: Record<string, string>, name = 'project'): string {
  const dir = join(base, name);
  mkdirSync(dir, { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** main() in-process and non-interactive; `json` adds --json. */
async function cli(args: string[], json = true) {
  const output = memoryOutput();
  const code = await main([...args, '--yes', ...(json ? ['--json'] : [])], output);
  return { code, stdout: output.stdout.join('\n'), stderr: output.stderr.join('\n') };
}

/** Nothing shows the marker or /etc/passwd, and nothing crashed. */
function expectNothingLeaked(run: { stdout: string; stderr: string }): void {
  expectNoCrash(run);
  for (const text of [run.stdout, run.stderr]) {
    expect(text, text).not.toContain(MARKER);
    expect(text, text).not.toContain(PASSWD);
    // Not even the target's path: only the link is named.
    expect(text, text).not.toMatch(/\/secrets\b/);
  }
}

/** Every regular file under dir (links are not followed) is free of the marker. */
function expectNoMarkerUnder(dir: string): void {
  const visit = (path: string) => {
    for (const name of readdirSync(path)) {
      const full = join(path, name);
      const st = lstatSync(full);
      if (st.isDirectory()) visit(full);
      else if (st.isFile()) expect(readFileSync(full, 'latin1'), full).not.toContain(MARKER);
    }
  };
  visit(dir);
}

describe('files that link outside the project are not read, quoted or written through', () => {
  it.each([
    ['node', '.nvmrc', 'version'],
    ['node', 'package.json', 'package.json'],
    ['python', 'requirements.txt', 'requirements.txt'],
    ['python', '.python-version', 'version'],
    ['python', 'pyproject.toml', 'pyproject.toml'],
    ['go', 'go.mod', 'go.mod'],
    ['rust', 'Cargo.toml', 'Cargo.toml'],
    ['java', 'pom.xml', 'pom.xml'],
  ])('%s: %s linking to a file outside holding a secret is absent, named in a warning, never quoted', async (language, file, secretName) => {
    const { base, secrets } = outside();
    const dir = projectIn(base, byLanguage(language).project);
    rmSync(join(dir, file), { force: true });
    symlinkSync(join(secrets, secretName), join(dir, file));
    const before = snapshot(secrets);
    const run = await cli([dir, '--dry-run', '--language', language]);
    expectNothingLeaked(run);
    expect([0, 1]).toContain(run.code);
    if (run.code === 0) expect(run.stderr).toMatch(new RegExp(`${file.replace('.', '\\.')} is a symbolic link .*leads outside the project`));
    expect(snapshot(secrets)).toEqual(before);
  });

  it('a requirements include climbing out of the project (-r ../secrets/requirements.txt) is not read', async () => {
    const { base } = outside();
    const dir = projectIn(base, { 'requirements.txt': 'flask==3.1.0\n-r ../secrets/requirements.txt\n', 'app.py': 'from flask import Flask\napp = Flask(__name__)\n' });
    const run = await cli([dir, '--dry-run']);
    // The include is named as the project wrote it (that is no target a link hides), never read.
    expectNoCrash(run);
    expect(run.stdout + run.stderr).not.toContain(MARKER);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/requirements\.txt includes \.\.\/secrets\/requirements\.txt, outside the project folder/);
  });

  it('a .python-version linking to /etc/passwd is absent; its lines are never shown', async () => {
    const { base } = outside();
    const dir = projectIn(base, byLanguage('python').project);
    symlinkSync('/etc/passwd', join(dir, '.python-version'));
    const run = await cli([dir, '--dry-run', '--explain'], false);
    expectNothingLeaked(run);
    expect(run.code, run.stderr).toBe(0);
  });

  it.each(['Dockerfile', '.dockerignore'])('a %s linking outside is refused even with --force: exit 1, the target untouched, nothing written', async (name) => {
    const { base, secrets } = outside();
    const dir = projectIn(base, byLanguage('go').project);
    symlinkSync(join(secrets, 'token'), join(dir, name));
    const before = snapshot(dir);
    const outsideBefore = snapshot(secrets);
    const run = await cli([dir, '--force']);
    expectNothingLeaked(run);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`${name.replace('.', '\\.')} in .* is a symbolic link`));
    expect(snapshot(dir)).toEqual(before);
    expect(snapshot(secrets)).toEqual(outsideBefore);
  });

  it('--check on a Dockerfile that links outside: exit 1 naming the link, and no diff of what it points at', async () => {
    const { base, secrets } = outside();
    const dir = projectIn(base, byLanguage('go').project);
    symlinkSync(join(secrets, 'template.hbs'), join(dir, 'Dockerfile'));
    const run = await cli([dir, '--check'], false);
    expectNothingLeaked(run);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Dockerfile in .* is a symbolic link/);
  });

  it('--dry-run on a Dockerfile that links outside: prints what would be written and warns, never reading the target', async () => {
    const { base, secrets } = outside();
    const dir = projectIn(base, byLanguage('go').project);
    symlinkSync(join(secrets, 'template.hbs'), join(dir, 'Dockerfile'));
    const before = snapshot(dir);
    const run = await cli([dir, '--dry-run'], false);
    expectNothingLeaked(run);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/Dockerfile is a symbolic link; writing would refuse it/);
    expect(run.stdout).toMatch(/^FROM /m);
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('.slim-image that links outside', () => {
  it('is refused when the run would record a choice there: exit 1, nothing written inside or outside', async () => {
    const { base, secrets } = outside();
    const dir = projectIn(base, byLanguage('go').project);
    const elsewhere = join(base, 'elsewhere');
    mkdirSync(elsewhere);
    symlinkSync(elsewhere, join(dir, '.slim-image'));
    const before = snapshot(dir);
    const run = await cli([dir, '--port', '9000']);
    expectNothingLeaked(run);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/\.slim-image is a symbolic link .*leads outside the project/);
    expect(snapshot(dir)).toEqual(before);
    expect(readdirSync(elsewhere)).toEqual([]);
    expect(readdirSync(secrets).length).toBeGreaterThan(0);
  });

  it('its config.json and templates are not read (warned), and --eject into it is refused', async () => {
    const { base, secrets } = outside();
    const dir = projectIn(base, byLanguage('node').project);
    const elsewhere = join(base, 'elsewhere');
    mkdirSync(join(elsewhere, 'templates', 'node'), { recursive: true });
    writeFileSync(join(elsewhere, 'config.json'), readFileSync(join(secrets, 'config.json')));
    writeFileSync(join(elsewhere, 'templates', 'node', 'Dockerfile.hbs'), `FROM ${MARKER}\n`);
    symlinkSync(elsewhere, join(dir, '.slim-image'));
    const run = await cli([dir, '--dry-run']);
    expectNothingLeaked(run);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toMatch(/\.slim-image\/templates leads outside the project/);
    const eject = await cli([dir, '--eject', '--force']);
    expectNothingLeaked(eject);
    expect(eject.code).toBe(1);
    expect(eject.stderr).toMatch(/\.slim-image is a symbolic link .*leads outside the project/);
    expect(readdirSync(join(elsewhere, 'templates', 'node'))).toEqual(['Dockerfile.hbs']);
  });

  it('a config.json whose templates path leaves the project is refused', async () => {
    for (const templates of ['/etc', '../../..']) {
      const { base } = outside();
      const dir = projectIn(base, { ...byLanguage('node').project, '.slim-image/config.json': JSON.stringify({ version: 1, templates }) });
      const run = await cli([dir, '--dry-run']);
      expectNothingLeaked(run);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/"templates" must name a folder inside the project/);
    }
  });
});

describe('workspaces and apps outside the repository', () => {
  it('a workspaces entry ../elsewhere is refused, and nothing is written there even with --force', async () => {
    const { base } = outside();
    const elsewhere = projectIn(base, byLanguage('node').project, 'elsewhere');
    const repo = projectIn(base, { 'package.json': JSON.stringify({ name: 'repo', private: true, workspaces: ['../elsewhere'] }) }, 'repo');
    const before = snapshot(elsewhere);
    for (const args of [[repo, '--force'], [repo, '--force', '--app', '../elsewhere']]) {
      const run = await cli(args);
      expectNothingLeaked(run);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/"workspaces" names "\.\.\/elsewhere", a folder outside the repository/);
    }
    expect(snapshot(elsewhere)).toEqual(before);
  });

  it('a workspace folder that is a link out of the repository is not taken for an app', async () => {
    const { base } = outside();
    const elsewhere = projectIn(base, byLanguage('node').project, 'elsewhere');
    const repo = projectIn(base, { 'package.json': JSON.stringify({ name: 'repo', private: true, workspaces: ['apps/*'] }) }, 'repo');
    mkdirSync(join(repo, 'apps'));
    symlinkSync(elsewhere, join(repo, 'apps', 'api'));
    const before = snapshot(elsewhere);
    const run = await cli([repo, '--force', '--app', 'apps/api']);
    expectNothingLeaked(run);
    expect(run.code).toBe(1);
    expect(snapshot(elsewhere)).toEqual(before);
  });
});

describe('template folders', () => {
  const templates = (files: Record<string, string> = {}) => {
    const dir = mkdtempSync(join(tmpdir(), 'slim-tpl-'));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    return dir;
  };

  it('a FIFO in place of a template is refused by name, without hanging', async () => {
    const { base } = outside();
    const dir = projectIn(base, byLanguage('node').project);
    const tpl = templates();
    mkdirSync(join(tpl, 'node'));
    execFileSync('mkfifo', [join(tpl, 'node', 'Dockerfile.hbs')]);
    const run = await cli([dir, '--dry-run', '--templates', tpl]);
    expectNothingLeaked(run);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/node\/Dockerfile\.hbs is a FIFO, socket or device, not a file/);
  });

  it('a folder in place of a template or partial is a clear error, not an internal one', async () => {
    const { base } = outside();
    const dir = projectIn(base, byLanguage('node').project);
    for (const path of ['node/Dockerfile.hbs', 'partials/header.hbs']) {
      const tpl = templates();
      mkdirSync(join(tpl, path), { recursive: true });
      const run = await cli([dir, '--dry-run', '--templates', tpl]);
      expectNothingLeaked(run);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`${path} is a folder, not a file`);
    }
  });

  it('a template that links out of its folder is refused, in --templates and in the project', async () => {
    const { base, secrets } = outside();
    const dir = projectIn(base, byLanguage('node').project);
    const tpl = templates();
    mkdirSync(join(tpl, 'partials'));
    symlinkSync(join(secrets, 'template.hbs'), join(tpl, 'partials', 'header.hbs'));
    const run = await cli([dir, '--dry-run', '--templates', tpl]);
    expectNothingLeaked(run);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/partials\/header\.hbs is a symbolic link that leads outside the template folder/);

    mkdirSync(join(dir, '.slim-image', 'templates', 'node'), { recursive: true });
    symlinkSync('../../../../secrets/template.hbs', join(dir, '.slim-image', 'templates', 'node', 'Dockerfile.hbs'));
    const own = await cli([dir, '--dry-run']);
    expectNothingLeaked(own);
    expect(own.code).toBe(1);
    expect(own.stderr).toMatch(/node\/Dockerfile\.hbs is a symbolic link that leads outside the project/);
  });

  it('--eject does not write through a link in the template folder, and writes all templates or none', async () => {
    const { base, secrets } = outside();
    const dir = projectIn(base, byLanguage('node').project);
    const tpl = templates();
    mkdirSync(join(tpl, 'partials'));
    symlinkSync(join(secrets, 'template.hbs'), join(tpl, 'partials', 'header.hbs'));
    const before = snapshot(secrets);
    const run = await cli([dir, '--eject', '--force', '--templates', tpl]);
    expectNothingLeaked(run);
    expect(run.code).toBe(1);
    expect(snapshot(secrets)).toEqual(before);
    // All or nothing: no other template was copied.
    expect(readdirSync(tpl).sort()).toEqual(['partials']);
    expect(readdirSync(join(tpl, 'partials'))).toEqual(['header.hbs']);
  });
});

// ---- the property ----

type Plant = 'secret' | 'secret-dir' | 'passwd' | 'loop' | 'self' | 'dangling' | 'parent' | 'relative-secret';

/** Names every ecosystem may read or write, besides the tree's own files. */
const COMMON = ['Dockerfile', '.dockerignore', '.slim-image', '.slim-image/config.json', '.slim-image/templates', '.nvmrc', '.node-version', '.tool-versions', '.python-version', 'runtime.txt', '.env.example', 'fly.toml', 'Procfile', 'compose.yaml', 'src', 'app'];

const plantArb = fc.constantFrom<Plant>('secret', 'secret', 'secret-dir', 'passwd', 'loop', 'self', 'dangling', 'parent', 'relative-secret');

/** Replaces path in dir with a hostile link (skipping a path below a link already planted). */
function plant(dir: string, path: string, kind: Plant, secretFile: string, secrets: string): void {
  const parts = path.split('/');
  for (let i = 1; i < parts.length; i++) {
    // lstat, not exists: a planted loop or dangling link "does not exist" but is in the way.
    const st = lstatSync(join(dir, ...parts.slice(0, i)), { throwIfNoEntry: false });
    if (st && !st.isDirectory()) return;
  }
  const full = join(dir, path);
  mkdirSync(dirname(full), { recursive: true });
  rmSync(full, { recursive: true, force: true });
  const depth = parts.length;
  const up = '../'.repeat(depth);
  const target = {
    secret: secretFile,
    'secret-dir': secrets,
    passwd: '/etc/passwd',
    loop: `${parts.at(-1)}.loop`,
    self: parts.at(-1)!,
    dangling: `${up}missing/${parts.at(-1)}`,
    parent: up,
    'relative-secret': `${up}secrets/${secretFile.split('/').at(-1)}`,
  }[kind];
  symlinkSync(target, full);
  if (kind === 'loop') symlinkSync(parts.at(-1)!, `${full}.loop`);
}

describe.each(CASES.map((c) => [c.language, c] as const))('property: hostile links in random %s trees', (language, eco) => {
  const tree = eco.randomTree;
  const modes = fc.record(Object.fromEntries(tree.optional.map((file) => [file, fc.constantFrom<Mode>('absent', 'template', 'template')])) as Record<string, fc.Arbitrary<Mode>>);

  it('never shows a secret, never quotes /etc/passwd, never writes outside the project', async () => {
    const allTemplates = Object.fromEntries(tree.optional.map((f) => [f, 'template' as Mode]));
    const names = [...new Set([...Object.keys(tree.tree(tree.benign, allTemplates, '')), ...COMMON])].sort();
    const plants = fc.uniqueArray(fc.tuple(fc.constantFrom(...names), plantArb, fc.nat()), { minLength: 1, maxLength: 4, selector: ([name]) => name });
    await assertProperty(
      `hostile links in ${language} trees`,
      fc.asyncProperty(modes, plants, async (m, planted) => {
        const { base, secrets, files } = outside();
        const dir = makeProjectIn(base, tree.tree(tree.benign, m, ''));
        for (const [name, kind, pick] of planted) plant(dir, name, kind, files[pick % files.length]!, secrets);
        const outsideBefore = snapshot(secrets);
        const baseBefore = readdirSync(base).sort();
        // A dry run prints the report a write refused by the boundary would not get to print.
        for (const [mode, json] of [['--dry-run', true], ['--force', true], ['--force', false]] as const) {
          const run = await cli([dir, mode, '--language', language], json);
          expectNothingLeaked(run);
          expect([0, 1], run.stderr).toContain(run.code);
        }
        expectNoMarkerUnder(dir);
        expect(snapshot(secrets)).toEqual(outsideBefore);
        expect(readdirSync(base).sort()).toEqual(baseBefore);
        rmSync(base, { recursive: true, force: true });
      }),
      {
        numRuns: 30,
        // Always tried first: a linked folder holding a config.json that names the marker, the
        // generated files linking out, a version file linking to the secret.
        examples: [
          [allTemplates, [['.slim-image', 'secret-dir', 0]]],
          [allTemplates, [['Dockerfile', 'secret', 0], ['.dockerignore', 'relative-secret', 0]]],
          [allTemplates, [['.nvmrc', 'secret', 2], ['.python-version', 'passwd', 0], ['src', 'secret-dir', 0]]],
        ],
      },
    );
  }, 120_000);
});

/** makeProject's layout, but inside `base` (beside the secrets folder). */
function makeProjectIn(base: string, files: Record<string, string>): string {
  const dir = makeProject(null, files);
  const moved = join(base, 'project');
  execFileSync('mv', [dir, moved]);
  return moved;
}
