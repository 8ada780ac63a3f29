// The file layer (src/files/access.ts): the project boundary on reads (links out count as absent
// with a warning that names the link, never its target), non-regular files, size caps, and the
// writes (never through a link, all files of a change or none, no temporary file left behind).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import fc from 'fast-check';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config/config.js';
import { UserError } from '../../src/errors.js';
import { FileAccess, inside, resolved, SIZE_CAPS } from '../../src/files/access.js';
import { Project } from '../../src/project.js';
import { prepareWorkspace } from '../../src/verify/workspace.js';
import { writeFiles } from '../../src/write/write.js';

const MARKER = 'SLIM-SECRET-MARKER-7f3a9c';

/** A project folder beside a "secret" folder outside it holding the marker. */
function world(): { root: string; secret: string; secretDir: string } {
  const base = mkdtempSync(join(tmpdir(), 'slim-files-'));
  const root = join(base, 'project');
  const secretDir = join(base, 'secrets');
  mkdirSync(root);
  mkdirSync(secretDir);
  const secret = join(secretDir, 'token');
  writeFileSync(secret, `${MARKER}\n`);
  return { root, secret, secretDir };
}

describe('reads stay inside the project', () => {
  it('a linked folder is resolved even when its parent folder is already known (folders resolved one step at a time)', () => {
    const { root, secretDir } = world();
    mkdirSync(join(root, 'real', 'deep'), { recursive: true });
    writeFileSync(join(root, 'real', 'deep', 'x'), 'inside\n');
    writeFileSync(join(root, 'real', 'f'), 'f\n');
    symlinkSync(secretDir, join(root, 'real', 'out'));
    symlinkSync(join(root, 'real', 'deep'), join(root, 'real', 'in'));
    const access = new FileAccess(root);
    // real/ resolved first, so real/deep, real/out and real/in each meet a known parent.
    expect(access.probe(join(root, 'real', 'f')).kind).toBe('file');
    expect(access.probe(join(root, 'real', 'deep', 'x'))).toMatchObject({ kind: 'file', real: join(access.real, 'real', 'deep', 'x') });
    expect(access.probe(join(root, 'real', 'out', 'token')).kind).toBe('outside');
    expect(access.probe(join(root, 'real', 'in', 'x'))).toMatchObject({ kind: 'file', real: join(access.real, 'real', 'deep', 'x') });
    const project = new Project(root);
    expect(project.readText('real/deep/x')).toBe('inside\n');
    expect(project.readText('real/out/token')).toBeNull();
  });

  it('a link inside the project to a file inside it is read', () => {
    const { root } = world();
    mkdirSync(join(root, 'config'));
    writeFileSync(join(root, 'config', 'node-version'), '22\n');
    symlinkSync('config/node-version', join(root, '.nvmrc'));
    const project = new Project(root);
    expect(project.readText('.nvmrc')).toBe('22\n');
    expect(project.isFile('.nvmrc')).toBe(true);
    expect(project.notices).toEqual([]);
  });

  it.each([
    ['an absolute link', (secret: string) => secret],
    ['a ../.. link', () => '../secrets/token'],
  ])('%s out of the project counts as absent, with a warning naming the link and not the target', (_what, target) => {
    const { root, secret } = world();
    symlinkSync(target(secret), join(root, '.nvmrc'));
    const project = new Project(root);
    expect(project.readText('.nvmrc')).toBeNull();
    expect(project.exists('.nvmrc')).toBe(false);
    expect(project.isFile('.nvmrc')).toBe(false);
    expect(project.notices).toHaveLength(1);
    expect(project.notices[0]).toMatch(/^\.nvmrc is a symbolic link .*leads outside the project; it was ignored/);
    expect(project.notices.join('\n')).not.toContain('secrets');
    expect(project.notices.join('\n')).not.toContain(MARKER);
  });

  it('a linked folder out of the project hides everything under it; a path climbing out with .. too', () => {
    const { root, secretDir } = world();
    symlinkSync(secretDir, join(root, 'conf'));
    const project = new Project(root);
    expect(project.readText('conf/token')).toBeNull();
    expect(project.isDir('conf')).toBe(false);
    expect(project.list('conf')).toEqual([]);
    expect(project.readText('../secrets/token')).toBeNull();
    expect(project.notices.join('\n')).toMatch(/conf\/token is a symbolic link/);
    expect(project.notices.join('\n')).not.toContain(MARKER);
  });

  it('a listing leaves links out of the project out; links inside stay', () => {
    const { root, secret } = world();
    writeFileSync(join(root, 'a.txt'), 'a');
    symlinkSync(secret, join(root, 'out'));
    symlinkSync('a.txt', join(root, 'in'));
    symlinkSync('missing', join(root, 'dangling'));
    expect(new Project(root).list('.')).toEqual(['a.txt', 'dangling', 'in']);
  });

  it('a dangling link is absent without a warning; a loop is named as one', () => {
    const { root } = world();
    symlinkSync('nowhere', join(root, 'package.json'));
    symlinkSync('loop-b', join(root, 'loop-a'));
    symlinkSync('loop-a', join(root, 'loop-b'));
    const project = new Project(root);
    expect(project.readText('package.json')).toBeNull();
    expect(project.notices).toEqual([]);
    expect(() => project.readText('loop-a')).toThrow(/loop-a \(it is part of a symbolic-link loop\)/);
  });

  it('a FIFO is refused by name without blocking; a folder in place of a file too', () => {
    const { root } = world();
    execFileSync('mkfifo', [join(root, 'requirements.txt')]);
    mkdirSync(join(root, 'go.mod'));
    const project = new Project(root);
    expect(() => project.readText('requirements.txt')).toThrow(/requirements\.txt is not a regular file/);
    expect(() => project.readText('go.mod')).toThrow(/go\.mod is not a regular file/);
  });

  it.runIf(existsSync('/proc/self/status'))('reads a file whole when it holds more than its size said (it grew, or /proc reports 0)', () => {
    const access = new FileAccess('/proc/self');
    const bytes = access.readBytes('/proc/self/status', 'status');
    expect(bytes?.toString('utf8')).toMatch(/^Name:[\s\S]*\nPid:[\s\S]*\n$/);
    expect(bytes!.length).toBeGreaterThan(500);
  });

  it('each kind of file has a size cap', () => {
    const { root } = world();
    writeFileSync(join(root, 'big.hbs'), 'x'.repeat(SIZE_CAPS.template + 1));
    const access = new FileAccess(root);
    expect(() => access.readBytes(join(root, 'big.hbs'), 'big.hbs', 'template')).toThrow(/big\.hbs is \d+ bytes, too large to be a template/);
    expect(access.readBytes(join(root, 'big.hbs'), 'big.hbs', 'project')?.length).toBe(SIZE_CAPS.template + 1);
  });

  it('.slim-image/config.json is read with the config cap', () => {
    const { root } = world();
    mkdirSync(join(root, '.slim-image'));
    writeFileSync(join(root, '.slim-image', 'config.json'), `{"version": 1, "cmd": "${'x'.repeat(SIZE_CAPS.config)}"}`);
    expect(() => readConfig(new Project(root))).toThrow(/config\.json is \d+ bytes, too large to be the config file/);
  });

  it('the project folder itself may be reached through a link (/tmp on macOS): its real path is the boundary', () => {
    const { root } = world();
    writeFileSync(join(root, 'package.json'), '{}');
    const alias = join(mkdtempSync(join(tmpdir(), 'slim-alias-')), 'alias');
    symlinkSync(root, alias);
    const project = new Project(alias);
    expect(project.readText('package.json')).toBe('{}');
    expect(project.notices).toEqual([]);
  });

  it('a monorepo app reads links into the repository (its boundary), not out of it', () => {
    const { root, secret } = world();
    mkdirSync(join(root, 'apps', 'api'), { recursive: true });
    writeFileSync(join(root, '.nvmrc'), '24\n');
    symlinkSync('../../.nvmrc', join(root, 'apps', 'api', '.nvmrc'));
    symlinkSync(secret, join(root, 'apps', 'api', '.python-version'));
    const app = new Project(root).sub('apps/api');
    expect(app.readText('.nvmrc')).toBe('24\n');
    expect(app.readText('.python-version')).toBeNull();
    // The same folder on its own has its own boundary: the repository's file is outside it.
    expect(new Project(join(root, 'apps', 'api')).readText('.nvmrc')).toBeNull();
  });
});

describe('writes never go through a link, and are all or nothing', () => {
  const pair = { Dockerfile: 'FROM new\n', '.dockerignore': '.git\n' };

  it.each(['Dockerfile', '.dockerignore'])('a %s that is a link out of the project is refused, and its target untouched', async (name) => {
    const { root, secret } = world();
    symlinkSync(secret, join(root, name));
    const attempt = writeFiles(root, pair, { force: true });
    await expect(attempt).rejects.toThrow(UserError);
    await expect(writeFiles(root, pair, { force: true })).rejects.toThrow(new RegExp(`${name.replace('.', '\\.')} in .* is a symbolic link`));
    expect(readFileSync(secret, 'utf8')).toBe(`${MARKER}\n`);
    expect(readdirSync(root)).toEqual([name]);
  });

  it('a Dockerfile that is a link inside the project is refused too (never written through)', async () => {
    const { root } = world();
    writeFileSync(join(root, 'Dockerfile.prod'), 'FROM mine\n');
    symlinkSync('Dockerfile.prod', join(root, 'Dockerfile'));
    await expect(writeFiles(root, pair, { force: true })).rejects.toThrow(/symbolic link/);
    expect(readFileSync(join(root, 'Dockerfile.prod'), 'utf8')).toBe('FROM mine\n');
    expect(lstatSync(join(root, 'Dockerfile')).isSymbolicLink()).toBe(true);
  });

  it('a failure while staging (a full disk) writes nothing and leaves no temporary file', async () => {
    const { root } = world();
    writeFileSync(join(root, 'Dockerfile'), 'FROM old\n');
    const full = Object.assign(new Error('no space'), { code: 'ENOSPC' });
    let staged = 0;
    const attempt = writeFiles(root, pair, { force: true, hooks: { afterStage: () => { if (++staged === 2) throw full; } } });
    await expect(attempt).rejects.toThrow(/Cannot write .*\(the disk is full\); nothing was written/);
    expect(readdirSync(root)).toEqual(['Dockerfile']);
    expect(readFileSync(join(root, 'Dockerfile'), 'utf8')).toBe('FROM old\n');
  });

  it('a failure between the two renames puts the first back: never a new Dockerfile beside an old .dockerignore', async () => {
    const { root } = world();
    writeFileSync(join(root, 'Dockerfile'), 'FROM old\n');
    writeFileSync(join(root, '.dockerignore'), 'old\n');
    const renamed: string[] = [];
    const attempt = writeFiles(root, pair, {
      force: true,
      hooks: { beforeRename: (change) => { renamed.push(change.label); if (renamed.length === 2) throw Object.assign(new Error('gone'), { code: 'EIO' }); } },
    });
    await expect(attempt).rejects.toThrow(/put back as they were/);
    // The ignore file goes first, so an interruption can only pair a new ignore file with the old Dockerfile.
    expect(renamed).toEqual(['.dockerignore', 'Dockerfile']);
    expect(readFileSync(join(root, 'Dockerfile'), 'utf8')).toBe('FROM old\n');
    expect(readFileSync(join(root, '.dockerignore'), 'utf8')).toBe('old\n');
    expect(readdirSync(root).sort()).toEqual(['.dockerignore', 'Dockerfile']);
  });

  it('a SIGTERM arriving between the renames waits until both files are in place, then ends the process', () => {
    const { root } = world();
    writeFileSync(join(root, 'Dockerfile'), 'FROM old\n');
    writeFileSync(join(root, '.dockerignore'), 'old\n');
    // The built module (npm test builds first), in a child process the signal may end.
    const layer = pathToFileURL(join(import.meta.dirname, '..', '..', 'dist', 'files', 'access.js')).href;
    const script = `
      const { FileAccess } = await import(${JSON.stringify(layer)});
      const root = ${JSON.stringify(root)};
      await new FileAccess(root).commit(
        [{ path: root + '/Dockerfile', label: 'Dockerfile', text: 'FROM new\\n' }, { path: root + '/.dockerignore', label: '.dockerignore', text: 'new\\n' }],
        { beforeRename: (change) => { if (change.label === '.dockerignore') process.kill(process.pid, 'SIGTERM'); } },
      );
      console.log('survived');`;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(child.stderr).toBe('');
    expect(child.signal).toBe('SIGTERM');
    expect(child.stdout).not.toContain('survived');
    expect(readFileSync(join(root, 'Dockerfile'), 'utf8')).toBe('FROM new\n');
    expect(readFileSync(join(root, '.dockerignore'), 'utf8')).toBe('new\n');
    expect(readdirSync(root).sort()).toEqual(['.dockerignore', 'Dockerfile']);
  });

  it('a failed change removes the files and folders it created', async () => {
    const { root } = world();
    const access = new FileAccess(root);
    const changes = [
      { path: join(root, '.slim-image', 'templates', 'node', 'Dockerfile.hbs'), label: 'a', text: 'x' },
      { path: join(root, '.slim-image', 'templates', 'partials', 'header.hbs'), label: 'b', text: 'y' },
    ];
    let n = 0;
    await expect(access.commit(changes, { beforeRename: () => { if (++n === 2) throw new Error('boom'); } })).rejects.toThrow(UserError);
    expect(readdirSync(root)).toEqual([]);
    await access.commit(changes);
    expect(readFileSync(changes[1]!.path, 'utf8')).toBe('y');
  });

  it('a folder on the way that links out of the project is refused before anything is written', async () => {
    const { root, secretDir } = world();
    symlinkSync(secretDir, join(root, '.slim-image'));
    const access = new FileAccess(root);
    const attempt = access.commit([
      { path: join(root, 'Dockerfile'), label: 'Dockerfile', text: 'FROM x\n' },
      { path: join(root, '.slim-image', 'config.json'), label: '.slim-image/config.json', text: '{}\n' },
    ]);
    await expect(attempt).rejects.toThrow(/\.slim-image is a symbolic link .*leads outside the project.*nothing was written/);
    expect(readdirSync(secretDir)).toEqual(['token']);
    expect(existsSync(join(root, 'Dockerfile'))).toBe(false);
  });
});

describe('--verify copies the project without following links out of it', () => {
  it('leaves links out, FIFOs and loops behind, keeps links inside as links, and creates the rendered files afresh', async () => {
    const { root, secret, secretDir } = world();
    writeFileSync(join(root, 'package.json'), '{}');
    mkdirSync(join(root, 'src'));
    writeFileSync(join(root, 'src', 'index.js'), 'ok');
    symlinkSync('src/index.js', join(root, 'main.js'));
    symlinkSync(secret, join(root, 'token'));
    symlinkSync(secretDir, join(root, 'secrets'));
    symlinkSync('../../secrets/token', join(root, 'src', 'up'));
    symlinkSync('loop', join(root, 'loop'));
    execFileSync('mkfifo', [join(root, 'fifo')]);
    // The rendered files must be created in the copy, never written through the project's links.
    symlinkSync(secret, join(root, 'Dockerfile'));
    symlinkSync('../secrets/token', join(root, '.dockerignore'));
    const ws = await prepareWorkspace(root, { Dockerfile: 'FROM new\n', '.dockerignore': '.git\n' }, false);
    try {
      expect(readdirSync(ws.context).sort()).toEqual(['.dockerignore', 'Dockerfile', 'main.js', 'package.json', 'src']);
      expect(readdirSync(join(ws.context, 'src'))).toEqual(['index.js']);
      expect(readlinkSync(join(ws.context, 'main.js'))).toBe(join('src', 'index.js'));
      expect(readFileSync(join(ws.context, 'main.js'), 'utf8')).toBe('ok');
      expect(lstatSync(ws.dockerfile).isFile()).toBe(true);
      expect(readFileSync(ws.dockerfile, 'utf8')).toBe('FROM new\n');
    } finally {
      await ws.dispose();
    }
    expect(readFileSync(secret, 'utf8')).toBe(`${MARKER}\n`);
    expect(readdirSync(secretDir)).toEqual(['token']);
  });
});

describe('path arithmetic of the file layer', () => {
  // Segments that exercise every case normalizing handles: empty, `.`, `..`, dots in names.
  const segment = fc.constantFrom('', '.', '..', '...', 'a', '.env', 'b.c', 'node_modules', 'x..y');
  const relPath = fc.array(segment, { maxLength: 6 }).map((parts) => parts.join('/'));

  it.runIf(sep === '/')('resolved() and inside() give what resolve() and join() give, for any path', () => {
    fc.assert(
      fc.property(relPath, fc.boolean(), (rel, absolute) => {
        const path = absolute ? `/${rel}` : rel;
        expect(resolved(path)).toBe(resolve(path));
        const folder = resolve('/srv', rel);
        expect(inside(folder, rel)).toBe(join(folder, rel));
        expect(inside('/', rel)).toBe(join('/', rel));
      }),
      { numRuns: 3000 },
    );
  });
});
