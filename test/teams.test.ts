// End-to-end runs of the built CLI for team use (issue 6): eject and overrides, broken templates,
// --check, recorded choices, per-stage additions and monorepo apps, on projects made fresh here.
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'create-slim-image.cjs');
const FIXTURES = join(import.meta.dirname, 'fixtures');

function cli(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, CI: 'true', NO_COLOR: '1' }, timeout: 20_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A project the tool has never seen: a copy of a fixture in a fresh folder. */
function fresh(fixture = 'node-express-npm'): string {
  const dir = mkdtempSync(join(tmpdir(), 'slim-teams-'));
  cpSync(join(FIXTURES, fixture), dir, { recursive: true });
  return dir;
}

const read = (path: string) => readFileSync(path, 'utf8');

describe('template overrides (built CLI)', () => {
  it('--eject writes the templates; an added line shows up in the next Dockerfile; --templates takes the same folder', () => {
    const dir = fresh();
    const eject = cli([dir, '--eject']);
    expect(eject.code, eject.stderr).toBe(0);
    const templates = join(dir, '.slim-image', 'templates');
    expect(readdirSync(join(templates, 'node')).sort()).toEqual(['Dockerfile.hbs', 'dockerignore.hbs']);
    expect(readdirSync(join(templates, 'partials'))).toEqual(expect.arrayContaining(['header.hbs', 'extra-runtime.hbs', 'os-packages.hbs']));
    expect(existsSync(join(dir, 'Dockerfile'))).toBe(false); // eject generates nothing else

    appendFileSync(join(templates, 'node', 'Dockerfile.hbs'), 'HEALTHCHECK NONE\n');
    expect(cli([dir, '--yes']).code).toBe(0);
    expect(read(join(dir, 'Dockerfile'))).toMatch(/\nHEALTHCHECK NONE\n$/);

    const other = fresh();
    const shared = mkdtempSync(join(tmpdir(), 'slim-shared-tpl-'));
    cpSync(templates, shared, { recursive: true });
    const run = cli([other, '--yes', '--templates', shared]);
    expect(run.code, run.stderr).toBe(0);
    expect(read(join(other, 'Dockerfile'))).toContain('HEALTHCHECK NONE');
    // A shared folder outside the project is the user's own choice on the command line: it is not
    // recorded (the config may only name folders inside the project), and the run says so.
    expect(existsSync(join(other, '.slim-image', 'config.json'))).toBe(false);
    expect(run.stderr).toMatch(/outside the project, so \.slim-image\/config\.json does not record it/);
    expect(cli([other, '--check', '--templates', shared]).code).toBe(0);
    // A folder inside the project is recorded (relative to it), so the rerun needs no flag.
    cpSync(templates, join(other, 'team-templates'), { recursive: true });
    expect(cli([other, '--yes', '--force', '--templates', join(other, 'team-templates')]).code).toBe(0);
    expect(JSON.parse(read(join(other, '.slim-image', 'config.json'))).templates).toBe('team-templates');
    expect(cli([other, '--check']).code).toBe(0);
  });

  it('--eject refuses to overwrite edited templates without --force', () => {
    const dir = fresh();
    expect(cli([dir, '--eject']).code).toBe(0);
    expect(cli([dir, '--eject']).code).toBe(0); // identical: nothing to do
    appendFileSync(join(dir, '.slim-image', 'templates', 'node', 'Dockerfile.hbs'), '# ours\n');
    const again = cli([dir, '--eject']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('node/Dockerfile.hbs');
    expect(read(join(dir, '.slim-image', 'templates', 'node', 'Dockerfile.hbs'))).toContain('# ours');
    expect(cli([dir, '--eject', '--force']).code).toBe(0);
    expect(read(join(dir, '.slim-image', 'templates', 'node', 'Dockerfile.hbs'))).not.toContain('# ours');
  });

  it('a broken override is a clear error with path and line: exit 1, nothing written, no stack trace', () => {
    const broken: Array<[string, string, RegExp]> = [
      ['node/Dockerfile.hbs', '{{> header}}\nFROM x\n{{#if port}}\nEXPOSE {{port}}\n', /Dockerfile\.hbs:\d+/],
      ['node/Dockerfile.hbs', '{{> header}}\nFROM x\n{{> no-such-partial}}\n', /Dockerfile\.hbs:3: The partial no-such-partial could not be found/],
      ['node/Dockerfile.hbs', '{{> header}}\nFROM x\nLABEL team={{teamName}}\n', /Dockerfile\.hbs:3.*teamName/],
      ['partials/extra-runtime.hbs', '{{#each extra.env}}\nENV {{nmae}}={{envValue value}}\n{{/each}}\n', /extra-runtime\.hbs:2.*nmae/],
    ];
    for (const [file, text, message] of broken) {
      const dir = fresh();
      expect(cli([dir, '--eject']).code).toBe(0);
      writeFileSync(join(dir, '.slim-image', 'templates', file), text);
      const run = cli([dir, '--yes', '--env', 'A=1']);
      expect(run.code, `${file}: ${run.stderr}`).toBe(1);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).toContain('override');
      expect(run.stderr).not.toMatch(/\n\s+at .*\.js:\d+/);
      expect(existsSync(join(dir, 'Dockerfile')), file).toBe(false);
      expect(existsSync(join(dir, '.slim-image', 'config.json')), file).toBe(false);
    }
  });
});

describe('--check and recorded choices (built CLI)', () => {
  it('--check exits 0 right after generating and 1 after a hand edit, with a diff', () => {
    const dir = fresh();
    expect(cli([dir, '--yes']).code).toBe(0);
    expect(cli([dir, '--check']).code).toBe(0);
    writeFileSync(join(dir, 'Dockerfile'), read(join(dir, 'Dockerfile')).replace('USER ', 'RUN echo hand-edit\nUSER '));
    const check = cli([dir, '--check']);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('-RUN echo hand-edit');
  });

  it('flags are recorded in .slim-image/config.json, so a rerun and --check need none; a flag still wins', () => {
    const dir = fresh();
    const first = cli([dir, '--yes', '--port', '9000', '--env', 'LOG_LEVEL=debug', '--label', 'com.acme.team=api', '--add-package', 'curl', '--build-arg', 'GIT_SHA']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toContain('.slim-image/config.json');
    const config = JSON.parse(read(join(dir, '.slim-image', 'config.json')));
    expect(config).toEqual({ version: 1, port: 9000, addPackages: ['curl'], env: { LOG_LEVEL: 'debug' }, labels: { 'com.acme.team': 'api' }, buildArgs: { GIT_SHA: null } });
    const dockerfile = read(join(dir, 'Dockerfile'));
    expect(dockerfile).toContain('EXPOSE 9000');
    expect(dockerfile).toContain('ENV LOG_LEVEL="debug"');
    expect(dockerfile).toContain('LABEL com.acme.team="api"');
    expect(dockerfile).toContain('ARG GIT_SHA\n');
    expect(dockerfile).toContain("RUN apk add --no-cache curl"); // auto lands on alpine
    expect(dockerfile).not.toContain('distroless'.concat('/nodejs')); // curl needs a package manager
    expect(cli([dir, '--check']).code).toBe(0);
    const rerun = cli([dir, '--yes', '--dry-run', '--json', '--port', '7000']);
    expect(JSON.parse(rerun.stdout).port).toBe(7000);
  });

  it('bad addition values are usage errors (exit 2) and --base distroless with --add-package is refused with the reason', () => {
    const dir = fresh();
    expect(cli([dir, '--env', 'BAD NAME=1']).code).toBe(2);
    expect(cli([dir, '--label', 'x=$(id)\nRUN', '--yes']).code).toBe(2);
    const refused = cli([dir, '--yes', '--add-package', 'curl', '--base', 'distroless']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('--add-package curl needs a package manager');
    expect(existsSync(join(dir, 'Dockerfile'))).toBe(false);
  });
});

describe('monorepos (built CLI)', () => {
  it('several apps and no --app: exit 1 naming them; --app generates for that app with the root as context', () => {
    const dir = fresh('monorepo-pnpm');
    const ambiguous = cli([dir, '--yes']);
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toContain('apps/api, apps/worker');
    const run = cli([dir, '--yes', '--app', 'apps/api']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('docker build -f apps/api/Dockerfile .');
    const dockerfile = read(join(dir, 'apps', 'api', 'Dockerfile'));
    expect(dockerfile).toContain('COPY packages/db/package.json packages/db/');
    expect(dockerfile).not.toContain('apps/worker');
    expect(dockerfile).toContain('--filter=api...');
    expect(read(join(dir, 'apps', 'api', 'Dockerfile.dockerignore'))).toContain('**/node_modules/');
    expect(existsSync(join(dir, 'Dockerfile'))).toBe(false);
    // Running in the app's folder is the same thing.
    expect(cli([join(dir, 'apps', 'api'), '--check']).code).toBe(0);
    expect(cli([dir, '--check', '--app', 'apps/api']).code).toBe(0);
  });
});
