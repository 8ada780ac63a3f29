import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import semver from 'semver';
import { UserError } from '../../../errors.js';
import {
  analyzeNativeDependencies,
  detectNativeDependencies,
  packagesNeedingInstallScripts,
} from '../../../npm/native.js';
import { findNativeRow, NPM_NATIVE } from '../../../knowledge/npm-native.js';
import { Project } from '../../../project.js';
import type { NativeDependency } from '../../../types.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function projectWith(files: Record<string, string | Buffer>): Project {
  const root = mkdtempSync(join(tmpdir(), 'native-'));
  dirs.push(root);
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), content);
  }
  return new Project(root);
}

/** A package-lock v3 whose production packages are `prod` and dev packages `dev` (name -> version). */
function packageLock(prod: Record<string, string>, dev: Record<string, string> = {}, scripts: string[] = []): string {
  const packages: Record<string, unknown> = { '': { name: 'app' } };
  for (const [name, version] of Object.entries(prod)) {
    packages[`node_modules/${name}`] = { version, ...(scripts.includes(name) ? { hasInstallScript: true } : {}) };
  }
  for (const [name, version] of Object.entries(dev)) {
    packages[`node_modules/${name}`] = { version, dev: true, ...(scripts.includes(name) ? { hasInstallScript: true } : {}) };
  }
  return JSON.stringify({ name: 'app', lockfileVersion: 3, packages });
}

function detectLocked(prod: Record<string, string>, dev: Record<string, string> = {}, scripts: string[] = []): NativeDependency[] {
  const project = projectWith({ 'package-lock.json': packageLock(prod, dev, scripts) });
  return detectNativeDependencies(project, { lockfile: 'package-lock.json', manifest: {} });
}

function one(name: string, version: string): NativeDependency | undefined {
  return detectLocked({ [name]: version }).find((d) => d.name === name);
}

describe('knowledge table', () => {
  it('gives every row a valid range, and a delivery class to every row that matters', () => {
    for (const row of NPM_NATIVE) {
      expect(semver.validRange(row.versions), `${row.name} ${row.versions}`).not.toBeNull();
      if (row.glibcOnly || row.blocksDistroless) expect(row.delivery).not.toBe('none');
    }
  });

  it('covers the packages the brief names', () => {
    const required = [
      '@confluentinc/kafka-javascript', '@prisma/client', '@serialport/bindings-cpp', '@tensorflow/tfjs-node', 'argon2',
      'bcrypt', 'better-sqlite3', 'bufferutil', 'canvas', 'cpu-features', 'msgpackr-extract', 'node-rdkafka', 'node-sass',
      'onnxruntime-node', 'oracledb', 'playwright', 'prisma', 'puppeteer', 're2', 'sharp', 'sqlite3', 'ssh2',
      'uWebSockets.js', 'usb', 'utf-8-validate',
    ];
    for (const name of required) expect(findNativeRow(name, null), name).not.toBeNull();
    // playwright-core downloads nothing (no install script); it is not a native concern by itself.
    expect(findNativeRow('playwright-core', null)).toBeNull();
  });

  it('version ranges of one package do not overlap', () => {
    const byName = new Map<string, string[]>();
    for (const row of NPM_NATIVE) byName.set(row.name, [...(byName.get(row.name) ?? []), row.versions]);
    for (const [name, ranges] of byName) {
      for (let i = 0; i < ranges.length; i++) {
        for (let j = i + 1; j < ranges.length; j++) {
          expect(semver.intersects(ranges[i]!, ranges[j]!, { includePrerelease: true }), `${name}: ${ranges[i]} / ${ranges[j]}`).toBe(false);
        }
      }
    }
  });
});

describe('musl decisions at version boundaries', () => {
  // [package, locked version, glibcOnly, needs build tools, blocks distroless, needs OS packages at run time]
  const cases: Array<[string, string, boolean, boolean, boolean, boolean]> = [
    ['sharp', '0.32.6', false, false, false, false],
    ['sharp', '0.33.0', false, false, false, false],
    ['canvas', '2.11.2', true, true, false, true],
    ['canvas', '3.1.0', true, true, false, true],
    ['canvas', '4.0.0-rc.1', false, false, false, false],
    ['bcrypt', '5.1.1', false, true, false, false],
    ['bcrypt', '6.0.0', false, false, false, false],
    ['argon2', '0.31.2', false, true, false, false],
    ['argon2', '0.40.1', false, false, false, false],
    ['better-sqlite3', '11.10.0', false, true, false, false],
    ['better-sqlite3', '13.0.3', false, false, false, false],
    ['sqlite3', '5.1.7', false, true, false, false],
    ['@prisma/client', '6.16.2', false, false, false, true],
    ['prisma', '7.10.1', false, false, false, true],
    ['oracledb', '5.5.0', true, false, true, true],
    ['oracledb', '6.9.0', false, false, false, false],
    ['puppeteer', '22.3.0', true, false, true, true],
    ['playwright', '1.45.0', true, false, true, false],
    ['node-sass', '9.0.0', false, true, false, false],
    ['re2', '1.21.4', false, true, false, false],
    ['cpu-features', '0.0.10', false, true, false, false],
    ['ssh2', '1.16.0', false, true, false, false],
    ['usb', '2.14.0', false, false, false, true],
    ['@serialport/bindings-cpp', '12.0.1', false, false, false, false],
    ['@tensorflow/tfjs-node', '4.22.0', true, false, false, false],
    ['onnxruntime-node', '1.20.1', true, false, false, false],
    ['uWebSockets.js', '20.51.0', true, false, false, false],
    ['bufferutil', '4.0.8', false, false, false, false],
    ['utf-8-validate', '6.0.4', false, false, false, false],
    ['msgpackr-extract', '3.0.3', false, false, false, false],
    ['@confluentinc/kafka-javascript', '1.2.0', false, true, false, true],
    ['node-rdkafka', '3.2.1', false, true, false, true],
  ];
  it.each(cases)('%s@%s: glibcOnly=%s build=%s blocksDistroless=%s runtime=%s', (name, version, glibcOnly, build, blocks, runtime) => {
    const dep = one(name, version);
    expect(dep).toBeDefined();
    expect(dep!.version).toBe(version);
    expect(dep!.glibcOnly).toBe(glibcOnly);
    expect(dep!.build.debian.length > 0).toBe(build);
    expect(dep!.build.alpine.length > 0).toBe(build);
    expect(dep!.blocksDistroless !== null).toBe(blocks);
    expect(dep!.runtime.debian.length > 0).toBe(runtime);
    expect(dep!.source).toBe('package-lock.json');
  });

  it('canvas below 4 needs cairo, pango, jpeg, gif and rsvg (Debian 12 and Alpine names)', () => {
    const dep = one('canvas', '3.1.0')!;
    expect(dep.runtime.debian).toEqual(expect.arrayContaining(['libcairo2', 'libpango-1.0-0', 'libjpeg62-turbo', 'libgif7', 'librsvg2-2']));
    expect(dep.runtime.alpine).toEqual(expect.arrayContaining(['cairo', 'pango', 'libjpeg-turbo', 'giflib', 'librsvg']));
    expect(dep.build.debian).toEqual(expect.arrayContaining(['libcairo2-dev', 'libpango1.0-dev', 'python3', 'make', 'g++']));
  });

  it('a package that runs an OS program needs that program\'s package in the final image and rules out distroless', () => {
    const ping = one('ping', '0.4.4')!;
    expect(ping.runtime).toEqual({ debian: ['iputils-ping'], alpine: ['iputils'] });
    expect(ping.blocksDistroless).toMatch(/ping program/);
    expect(ping.glibcOnly).toBe(false);
    expect(packagesNeedingInstallScripts([ping], {})).toEqual([]);
    expect(one('fluent-ffmpeg', '2.1.3')!.runtime.debian).toEqual(['ffmpeg']);
  });

  it('Prisma 7 has no engine to report; Prisma 6 needs OpenSSL', () => {
    expect(one('@prisma/client', '7.0.0')).toBeUndefined();
    expect(one('@prisma/client', '6.19.0')!.runtime).toEqual({ debian: ['openssl'], alpine: ['openssl'] });
  });

  it('without a version (package.json only) the range\'s lowest version picks the row, else the newest row', () => {
    expect(findNativeRow('sharp', '0.32.0')?.delivery).toBe('C');
    expect(findNativeRow('sharp', null)?.delivery).toBe('A');
    expect(findNativeRow('canvas', 'not-a-version')?.glibcOnly).toBe(false);
  });
});

describe('classification of the lockfile', () => {
  it('reports production packages only, sorted by name, once per version', () => {
    const deps = detectLocked(
      { sharp: '0.33.5', bcrypt: '5.1.1', argon2: '0.41.1', lodash: '4.17.21' },
      { canvas: '3.1.0', puppeteer: '22.3.0' },
    );
    expect(deps.map((d) => `${d.name}@${d.version}`)).toEqual(['argon2@0.41.1', 'bcrypt@5.1.1', 'sharp@0.33.5']);
  });

  it('an unknown package with an install-script marker is a native addon with unknown musl support', () => {
    const deps = detectLocked({ 'my-addon': '1.2.0', 'plain-js': '1.0.0' }, { 'dev-addon': '1.0.0' }, ['my-addon', 'dev-addon']);
    expect(deps).toEqual([
      {
        name: 'my-addon',
        version: '1.2.0',
        glibcOnly: true,
        build: { debian: ['g++', 'make', 'python3'], alpine: ['g++', 'make', 'python3'] },
        runtime: { debian: [], alpine: [] },
        blocksDistroless: null,
        note: 'native addon with unknown musl support',
        source: 'package-lock.json',
        reference: 'lockfile install-script marker',
      },
    ]);
  });

  it('ignores harmless install scripts and build-time tools', () => {
    const deps = detectLocked(
      { 'core-js': '3.37.0', esbuild: '0.20.2', '@esbuild/linux-x64': '0.20.2', '@swc/core': '1.7.0', fsevents: '2.3.3' },
      {},
      ['core-js', 'esbuild', '@swc/core', 'fsevents'],
    );
    expect(deps).toEqual([]);
  });

  it('pnpm requiresBuild counts as a marker; dev-only packages are dropped via reachability', () => {
    const lock = [
      "lockfileVersion: '6.0'",
      'dependencies:',
      '  my-addon:',
      '    specifier: ^1.0.0',
      '    version: 1.0.0',
      'devDependencies:',
      '  canvas:',
      '    specifier: ^3.0.0',
      '    version: 3.1.0',
      'packages:',
      '  /my-addon@1.0.0:',
      '    requiresBuild: true',
      '  /canvas@3.1.0:',
      '    requiresBuild: true',
      '',
    ].join('\n');
    const project = projectWith({ 'pnpm-lock.yaml': lock });
    const deps = detectNativeDependencies(project, { lockfile: 'pnpm-lock.yaml', manifest: {} });
    expect(deps.map((d) => [d.name, d.glibcOnly, d.source])).toEqual([['my-addon', true, 'pnpm-lock.yaml']]);
  });
});

describe('installed copies in node_modules (formats without install-script markers)', () => {
  const yarnLock = '# yarn lockfile v1\n\nmy-addon@^1.0.0:\n  version "1.0.0"\n\nplain@^1.0.0:\n  version "1.0.0"\n';
  const manifest = { dependencies: { 'my-addon': '^1.0.0', plain: '^1.0.0' } };

  it('a binding.gyp marks an unknown package as native', () => {
    const project = projectWith({
      'yarn.lock': yarnLock,
      'node_modules/my-addon/package.json': '{"name":"my-addon"}',
      'node_modules/my-addon/binding.gyp': '{}',
      'node_modules/plain/package.json': '{"name":"plain","scripts":{"test":"x"}}',
    });
    expect(detectNativeDependencies(project, { lockfile: 'yarn.lock', manifest }).map((d) => d.name)).toEqual(['my-addon']);
  });

  it('gypfile or an install script in its package.json marks it too; a broken package.json is ignored', () => {
    for (const pkg of ['{"gypfile":true}', '{"scripts":{"postinstall":"node build.js"}}']) {
      const project = projectWith({ 'yarn.lock': yarnLock, 'node_modules/my-addon/package.json': pkg, 'node_modules/plain/package.json': '{oops' });
      expect(detectNativeDependencies(project, { lockfile: 'yarn.lock', manifest }).map((d) => d.name)).toEqual(['my-addon']);
    }
  });

  it('without node_modules an unknown package is not reported', () => {
    const project = projectWith({ 'yarn.lock': yarnLock });
    expect(detectNativeDependencies(project, { lockfile: 'yarn.lock', manifest })).toEqual([]);
  });

  it('npm v2/v3 lockfiles record install scripts, so node_modules is not consulted', () => {
    const project = projectWith({
      'package-lock.json': packageLock({ 'my-addon': '1.0.0' }),
      'node_modules/my-addon/binding.gyp': '{}',
    });
    expect(detectNativeDependencies(project, { lockfile: 'package-lock.json', manifest: {} })).toEqual([]);
  });
});

describe('an app of an npm monorepo', () => {
  // apps/web uses canvas (glibc only) through a shared package; apps/api uses bcrypt, nested under
  // its own dependency, and nothing of web's. npm writes every workspace and folder this way.
  const lock = JSON.stringify({
    lockfileVersion: 3,
    packages: {
      '': { name: 'root', workspaces: ['apps/*', 'packages/*'], dependencies: { dotenv: '^16.0.0' }, devDependencies: { sharp: '^0.33.0' } },
      'apps/api': { name: 'api', dependencies: { auth: '^1.0.0' } },
      'apps/web': { name: 'web', dependencies: { '@x/draw': '*' } },
      'packages/draw': { name: '@x/draw', dependencies: { canvas: '^3.0.0' } },
      'node_modules/api': { resolved: 'apps/api', link: true },
      'node_modules/web': { resolved: 'apps/web', link: true },
      'node_modules/@x/draw': { resolved: 'packages/draw', link: true },
      'node_modules/auth': { version: '1.0.0', dependencies: { bcrypt: '^5.0.0' } },
      'node_modules/auth/node_modules/bcrypt': { version: '5.1.1', hasInstallScript: true },
      'node_modules/bcrypt': { version: '4.0.0', hasInstallScript: true },
      'node_modules/canvas': { version: '3.1.0', hasInstallScript: true },
      'node_modules/dotenv': { version: '16.4.5' },
      'node_modules/sharp': { version: '0.33.5', dev: true, hasInstallScript: true },
    },
  });
  const native = (workspace?: string) =>
    analyzeNativeDependencies(projectWith({ 'package-lock.json': lock }), { lockfile: 'package-lock.json', manifest: {}, ...(workspace ? { workspace } : {}) })
      .dependencies.map((d) => `${d.name}@${d.version}`);

  it('counts only what the app\'s own install reaches, found as Node finds it', () => {
    expect(native('apps/api')).toEqual(['bcrypt@5.1.1']);
    expect(native('apps/web')).toEqual(['canvas@3.1.0']);
  });

  it('the whole lockfile for the root, or for a folder the lockfile does not know', () => {
    expect(native()).toEqual(['bcrypt@4.0.0', 'bcrypt@5.1.1', 'canvas@3.1.0']);
    expect(native('apps/new')).toEqual(['bcrypt@4.0.0', 'bcrypt@5.1.1', 'canvas@3.1.0']);
  });
});

describe('without a readable lockfile', () => {
  const manifest = { dependencies: { sharp: '^0.32.0', canvas: '^3.0.0', express: '^4.0.0' }, devDependencies: { bcrypt: '^5.0.0' } };

  it('bun.lockb is binary: falls back to package.json direct dependencies and says so', () => {
    const project = projectWith({ 'bun.lockb': Buffer.from([0x23, 0x21, 0x00, 0xff, 0x01]) });
    const { dependencies, warnings } = analyzeNativeDependencies(project, { lockfile: 'bun.lockb', manifest });
    expect(dependencies.map((d) => [d.name, d.version, d.glibcOnly, d.source])).toEqual([
      ['canvas', null, true, 'package.json'],
      ['sharp', null, false, 'package.json'],
    ]);
    // ^0.32.0 means sharp 0.32: the download-at-install row.
    expect(dependencies[1]!.note).toContain('before 0.33');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('bun.lockb is binary');
    expect(warnings[0]).toContain('bun install --save-text-lockfile');
  });

  it('no lockfile: package.json, no warning', () => {
    const project = projectWith({});
    const { dependencies, warnings } = analyzeNativeDependencies(project, { lockfile: null, manifest });
    expect(dependencies.map((d) => d.source)).toEqual(['package.json', 'package.json']);
    expect(warnings).toEqual([]);
  });
});

describe('malformed lockfiles', () => {
  it('throw a UserError naming the file, the line and the fix', () => {
    const project = projectWith({ 'package-lock.json': '{\n  "lockfileVersion": 3,\n  "packages": {\n    "node_modules/a": {"version": "1.0.0",}\n  }\n}\n' });
    let error: unknown;
    try {
      detectNativeDependencies(project, { lockfile: 'package-lock.json', manifest: {} });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(/^package-lock\.json is malformed \(line 4\): invalid JSON/);
    expect((error as Error).message).toContain('Regenerate it with `npm install --package-lock-only`');
  });
});

describe('packagesNeedingInstallScripts (npm 12 allowScripts)', () => {
  const deps = detectLocked(
    { canvas: '3.1.0', sharp: '0.33.5', bcrypt: '6.0.0', 're2': '1.21.4', 'my-addon': '1.0.0', playwright: '1.45.0' },
    {},
    ['canvas', 'sharp', 'bcrypt', 're2', 'my-addon'],
  );

  it('lists classes C/D/E and unknown addons, not A/B or packages without an install script', () => {
    expect(packagesNeedingInstallScripts(deps, {}).map((d) => d.name)).toEqual(['canvas', 'my-addon', 're2']);
  });

  it('honours name-only, pinned and range entries; a denial stays listed', () => {
    const manifest = { allowScripts: { canvas: true, 're2@1.21.4': true, 'my-addon@^2.0.0': true } };
    expect(packagesNeedingInstallScripts(deps, manifest).map((d) => d.name)).toEqual(['my-addon']);
    expect(packagesNeedingInstallScripts(deps, { allowScripts: { canvas: true, 'canvas@3.1.0': false } }).map((d) => d.name)).toContain('canvas');
  });
});
