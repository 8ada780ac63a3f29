import { describe, expect, it } from 'vitest';
import { UserError } from '../../../errors.js';
import { parse as parseYaml } from 'yaml';
import { stripJsonc } from '../../../npm/lockfiles-bun.js';
import { parseSubset } from '../../../npm/lockfiles-yaml.js';
import { parseLockfile, type LockedPackage } from '../../../npm/lockfiles.js';

/** name@version -> dev, for compact assertions. */
function devMap(packages: LockedPackage[]): Record<string, boolean> {
  return Object.fromEntries(packages.map((p) => [`${p.name}@${p.version}`, p.dev]));
}

function errorOf(fn: () => unknown): UserError {
  try {
    fn();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}

describe('package-lock.json', () => {
  it('v3: takes npm flags, real names of aliases, nested copies; skips the root, workspaces and links', () => {
    const lock = JSON.stringify({
      name: 'app',
      lockfileVersion: 3,
      packages: {
        '': { name: 'app', dependencies: { sharp: '^0.33.5' }, devDependencies: { canvas: '^3.0.0' } },
        'node_modules/sharp': { version: '0.33.5', hasInstallScript: true },
        'node_modules/canvas': { version: '3.1.0', dev: true, hasInstallScript: true },
        'node_modules/foo/node_modules/bcrypt': { version: '5.1.1', hasInstallScript: true },
        'node_modules/fast-hash': { name: 'bcrypt', version: '6.0.0' },
        'node_modules/fsx': { version: '2.0.0', devOptional: true },
        'packages/web': { name: 'web', version: '0.0.0' },
        'node_modules/web': { resolved: 'packages/web', link: true },
      },
    });
    const { packages, recordsInstallScripts } = parseLockfile('package-lock.json', lock, {});
    expect(recordsInstallScripts).toBe(true);
    expect(devMap(packages)).toEqual({
      'sharp@0.33.5': false,
      'canvas@3.1.0': true,
      'bcrypt@5.1.1': false,
      'bcrypt@6.0.0': false,
      'fsx@2.0.0': false,
    });
    expect(packages.find((p) => p.name === 'sharp')?.hasInstallScript).toBe(true);
    expect(packages.find((p) => p.version === '6.0.0')?.hasInstallScript).toBeUndefined();
  });

  it('v3: names each workspace package by its link under node_modules, not nested copies or registry packages', () => {
    const lock = JSON.stringify({
      lockfileVersion: 3,
      packages: {
        '': { name: 'root', workspaces: ['apps/*', 'packages/*'] },
        'apps/api': { name: '@acme/api', version: '1.0.0' },
        'packages/ui': { name: '@acme/ui', version: '1.0.0' },
        'node_modules/@acme/api': { resolved: 'apps/api', link: true },
        'node_modules/@acme/ui': { resolved: 'packages/ui', link: true },
        'node_modules/express': { version: '4.21.2' },
        'apps/api/node_modules/other': { resolved: 'packages/other', link: true },
      },
    });
    const { workspaces } = parseLockfile('package-lock.json', lock, {});
    expect(Object.fromEntries(workspaces ?? [])).toEqual({ '@acme/api': 'apps/api', '@acme/ui': 'packages/ui' });
  });

  it('v1: walks the nested dependencies tree and resolves npm: aliases', () => {
    const lock = JSON.stringify({
      name: 'app',
      lockfileVersion: 1,
      requires: true,
      dependencies: {
        bcrypt: { version: '5.1.1', requires: { 'node-addon-api': '^5.0.0' }, dependencies: { semver: { version: '7.6.0' } } },
        'node-addon-api': { version: '5.1.0' },
        canvas: { version: '2.11.2', dev: true, dependencies: { nan: { version: '2.19.0', dev: true } } },
        db: { version: 'npm:sqlite3@5.1.7' },
      },
    });
    const { packages, recordsInstallScripts } = parseLockfile('npm-shrinkwrap.json', lock, {});
    expect(recordsInstallScripts).toBe(false);
    expect(devMap(packages)).toEqual({
      'bcrypt@5.1.1': false,
      'semver@7.6.0': false,
      'node-addon-api@5.1.0': false,
      'canvas@2.11.2': true,
      'nan@2.19.0': true,
      'sqlite3@5.1.7': false,
    });
  });

  it('names the file, the line and the fix when the JSON is broken', () => {
    const error = errorOf(() => parseLockfile('package-lock.json', '{\n  "lockfileVersion": 3,\n  "packages": {,\n}', {}));
    expect(error.message).toContain('package-lock.json is malformed (line 3)');
    expect(error.message).toContain('npm install --package-lock-only');
  });

  it('rejects JSON that is not a lockfile', () => {
    expect(errorOf(() => parseLockfile('package-lock.json', '[1, 2]', {})).message).toContain('not a JSON object');
    expect(errorOf(() => parseLockfile('package-lock.json', '{"name": "x"}', {})).message).toContain('neither');
  });
});

const PNPM_V5 = `lockfileVersion: 5.4

specifiers:
  bcrypt: ^5.1.0
  string_decoder: ^1.3.0
  jest: ^29.0.0

dependencies:
  bcrypt: 5.1.1
  string_decoder: 1.3.0

devDependencies:
  jest: 29.7.0

packages:

  /bcrypt/5.1.1:
    resolution: {integrity: sha512-x}
    requiresBuild: true
    dependencies:
      '@mapbox/node-pre-gyp': 1.0.11
    dev: false

  /@mapbox/node-pre-gyp/1.0.11:
    resolution: {integrity: sha512-x}
    dev: false

  /string_decoder/1.3.0:
    resolution: {integrity: sha512-x}
    dev: false

  /jest/29.7.0_@types+node@20.0.0:
    resolution: {integrity: sha512-x}
    dev: true
`;

const PNPM_V6 = `lockfileVersion: '6.0'

settings:
  autoInstallPeers: true
  excludeLinksFromLockfile: false

dependencies:
  better-sqlite3:
    specifier: ^9.4.0
    version: 9.4.3
  weird-addon:
    specifier: ^1.0.0
    version: 1.0.0(react@18.2.0)
  renamed:
    specifier: npm:bcrypt@^6.0.0
    version: /bcrypt@6.0.0

devDependencies:
  canvas:
    specifier: ^2.11.0
    version: 2.11.2

packages:

  /better-sqlite3@9.4.3:
    resolution: {integrity: sha512-x}
    requiresBuild: true
    dependencies:
      bindings: 1.5.0
    dev: false

  /bindings@1.5.0:
    resolution: {integrity: sha512-x}
    dev: false

  /weird-addon@1.0.0(react@18.2.0):
    resolution: {integrity: sha512-x}
    requiresBuild: true
    peerDependencies:
      react: '*'
    dependencies:
      react: 18.2.0
    dev: false

  /react@18.2.0:
    resolution: {integrity: sha512-x}
    dev: false

  /bcrypt@6.0.0:
    resolution: {integrity: sha512-x}
    requiresBuild: true
    dev: false

  /canvas@2.11.2:
    resolution: {integrity: sha512-x}
    requiresBuild: true
    dependencies:
      nan: 2.19.0
    dev: true

  /nan@2.19.0:
    resolution: {integrity: sha512-x}
    dev: true
`;

const PNPM_V9 = `lockfileVersion: '9.0'

settings:
  autoInstallPeers: true
  excludeLinksFromLockfile: false

importers:

  .:
    dependencies:
      sharp:
        specifier: ^0.32.6
        version: 0.32.6
      width:
        specifier: npm:string-width@^4.2.0
        version: string-width@4.2.3
      '@app/lib':
        specifier: workspace:*
        version: link:packages/lib
    devDependencies:
      playwright:
        specifier: ^1.45.0
        version: 1.45.0

  packages/lib:
    dependencies:
      use-thing:
        specifier: ^1.0.0
        version: 1.0.0(react@18.2.0)
    devDependencies:
      canvas:
        specifier: ^3.0.0
        version: 3.1.0

packages:

  '@scope/color@4.2.3':
    resolution: {integrity: sha512-x}

  canvas@3.1.0:
    resolution: {integrity: sha512-x}

  playwright-core@1.45.0:
    resolution: {integrity: sha512-x}

  playwright@1.45.0:
    resolution: {integrity: sha512-x}

  react@18.2.0:
    resolution: {integrity: sha512-x}

  sharp@0.32.6:
    resolution: {integrity: sha512-x}
    engines: {node: '>=14.15.0'}

  string-width@4.2.3:
    resolution: {integrity: sha512-x}

  use-thing@1.0.0:
    resolution: {integrity: sha512-x}
    peerDependencies:
      react: '*'

snapshots:

  '@scope/color@4.2.3': {}

  canvas@3.1.0: {}

  playwright-core@1.45.0: {}

  playwright@1.45.0:
    dependencies:
      playwright-core: 1.45.0

  react@18.2.0: {}

  sharp@0.32.6:
    dependencies:
      '@scope/color': 4.2.3

  string-width@4.2.3: {}

  use-thing@1.0.0(react@18.2.0):
    dependencies:
      react: 18.2.0
`;

describe('pnpm-lock.yaml', () => {
  it('v5: slash keys with _peer suffixes, requiresBuild, reachability from top-level dependencies', () => {
    const { packages, recordsInstallScripts } = parseLockfile('pnpm-lock.yaml', PNPM_V5, {});
    expect(recordsInstallScripts).toBe(true);
    expect(devMap(packages)).toEqual({
      'bcrypt@5.1.1': false,
      '@mapbox/node-pre-gyp@1.0.11': false,
      'string_decoder@1.3.0': false,
      'jest@29.7.0': true,
    });
    expect(packages.find((p) => p.name === 'bcrypt')?.hasInstallScript).toBe(true);
  });

  it('v6: {specifier, version} dependencies, peer suffixes, aliases, dev via reachability', () => {
    const { packages } = parseLockfile('pnpm-lock.yaml', PNPM_V6, {});
    expect(devMap(packages)).toEqual({
      'better-sqlite3@9.4.3': false,
      'bindings@1.5.0': false,
      'weird-addon@1.0.0': false,
      'react@18.2.0': false,
      'bcrypt@6.0.0': false,
      'canvas@2.11.2': true,
      'nan@2.19.0': true,
    });
    expect(packages.filter((p) => p.hasInstallScript).map((p) => p.name).sort()).toEqual([
      'bcrypt', 'better-sqlite3', 'canvas', 'weird-addon',
    ]);
  });

  it('v9: a workspace dependency is a link relative to the importer that has it', () => {
    const { workspaces } = parseLockfile('pnpm-lock.yaml', PNPM_V9, {});
    expect(Object.fromEntries(workspaces ?? [])).toEqual({ '@app/lib': 'packages/lib' });
    const nested = "lockfileVersion: '9.0'\nimporters:\n  apps/api:\n    dependencies:\n      '@shop/db':\n        specifier: workspace:*\n        version: link:../../packages/db\n";
    expect(Object.fromEntries(parseLockfile('pnpm-lock.yaml', nested, {}).workspaces ?? [])).toEqual({ '@shop/db': 'packages/db' });
  });

  it('one workspace\'s install: its importer, the workspaces it links to, and the root\'s', () => {
    const lock = [
      "lockfileVersion: '9.0'",
      'importers:',
      '  .:',
      '    dependencies:',
      '      dotenv: {specifier: ^16.0.0, version: 16.4.5}',
      '    devDependencies:',
      '      puppeteer: {specifier: ^22.0.0, version: 22.3.0}',
      '  apps/api:',
      '    dependencies:',
      "      '@shop/db': {specifier: 'workspace:*', version: 'link:../../packages/db'}",
      '      fastify: {specifier: ^5.1.0, version: 5.1.0}',
      '  apps/worker:',
      '    dependencies:',
      '      canvas: {specifier: ^3.0.0, version: 3.1.0}',
      '  packages/db:',
      '    dependencies:',
      '      better-sqlite3: {specifier: ^12.0.0, version: 12.4.1}',
      'packages:',
      '  dotenv@16.4.5: {resolution: {integrity: sha512-a}}',
      '  puppeteer@22.3.0: {resolution: {integrity: sha512-b}}',
      '  fastify@5.1.0: {resolution: {integrity: sha512-c}}',
      '  canvas@3.1.0: {resolution: {integrity: sha512-d}}',
      '  better-sqlite3@12.4.1: {resolution: {integrity: sha512-e}}',
      'snapshots:',
      '  dotenv@16.4.5: {}',
      '  puppeteer@22.3.0: {}',
      '  fastify@5.1.0: {}',
      '  canvas@3.1.0: {}',
      '  better-sqlite3@12.4.1: {}',
      '',
    ].join('\n');
    const contents = parseLockfile('pnpm-lock.yaml', lock, {});
    const names = (workspace: string) => contents.productionOf?.(workspace)?.map((p) => p.name).sort();
    expect(names('apps/api')).toEqual(['better-sqlite3', 'dotenv', 'fastify']);
    expect(names('apps/worker')).toEqual(['canvas', 'dotenv']);
    expect(contents.productionOf?.('apps/none')).toBeNull();
  });

  it('v9: importers for every workspace, snapshots graph, scoped names, no requiresBuild', () => {
    const { packages, recordsInstallScripts } = parseLockfile('pnpm-lock.yaml', PNPM_V9, {});
    expect(recordsInstallScripts).toBe(false);
    expect(devMap(packages)).toEqual({
      '@scope/color@4.2.3': false,
      'canvas@3.1.0': true,
      'playwright-core@1.45.0': true,
      'playwright@1.45.0': true,
      'react@18.2.0': false,
      'sharp@0.32.6': false,
      'string-width@4.2.3': false,
      'use-thing@1.0.0': false,
    });
  });

  it('names the file and line of a YAML error', () => {
    const error = errorOf(() => parseLockfile('pnpm-lock.yaml', "lockfileVersion: '9.0'\npackages:\n  a@1.0.0: {\n", {}));
    expect(error.message).toMatch(/^pnpm-lock\.yaml is malformed \(line \d+\)/);
    expect(error.message).toContain('pnpm install --lockfile-only');
  });

  it('needs a lockfileVersion', () => {
    expect(errorOf(() => parseLockfile('pnpm-lock.yaml', 'packages: {}\n', {})).message).toContain('lockfileVersion is missing');
  });
});

const YARN_CLASSIC = `# THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.
# yarn lockfile v1


"@mapbox/node-pre-gyp@^1.0.0", "@mapbox/node-pre-gyp@^1.0.11":
  version "1.0.11"
  resolved "https://registry.yarnpkg.com/@mapbox/node-pre-gyp/-/node-pre-gyp-1.0.11.tgz#abc"
  integrity sha512-x
  dependencies:
    detect-libc "^2.0.0"

bcrypt@^5.1.1:
  version "5.1.1"
  resolved "https://registry.yarnpkg.com/bcrypt/-/bcrypt-5.1.1.tgz#abc"
  dependencies:
    "@mapbox/node-pre-gyp" "^1.0.11"
    node-addon-api "^5.0.0"

canvas@^2.11.2:
  version "2.11.2"
  dependencies:
    "@mapbox/node-pre-gyp" "^1.0.0"
    nan "^2.17.0"

detect-libc@^2.0.0:
  version "2.0.3"

nan@^2.17.0:
  version "2.19.0"

node-addon-api@^5.0.0:
  version "5.1.0"

"re2-alias@npm:re2@^1.20.0":
  version "1.21.4"
  optionalDependencies:
    nan "^2.17.0"
`;

describe('yarn.lock (classic v1)', () => {
  it('resolves descriptors from package.json production dependencies; aliases by real name', () => {
    const manifest = {
      dependencies: { bcrypt: '^5.1.1', 're2-alias': 'npm:re2@^1.20.0' },
      devDependencies: { canvas: '^2.11.2' },
    };
    const { packages } = parseLockfile('yarn.lock', YARN_CLASSIC, manifest);
    expect(devMap(packages)).toEqual({
      '@mapbox/node-pre-gyp@1.0.11': false,
      'bcrypt@5.1.1': false,
      'canvas@2.11.2': true,
      'detect-libc@2.0.3': false,
      'nan@2.19.0': false, // reached through re2's optional dependency
      'node-addon-api@5.1.0': false,
      're2@1.21.4': false,
    });
  });

  it('handles CRLF line endings', () => {
    const { packages } = parseLockfile('yarn.lock', YARN_CLASSIC.replace(/\n/g, '\r\n'), { dependencies: { bcrypt: '^5.1.1' } });
    expect(devMap(packages)['bcrypt@5.1.1']).toBe(false);
    expect(devMap(packages)['canvas@2.11.2']).toBe(true);
  });

  it('names the line of a syntax error', () => {
    const broken = '# yarn lockfile v1\n\nbcrypt@^5.1.1:\n  version "5.1.1"\n   oops\n';
    const error = errorOf(() => parseLockfile('yarn.lock', broken, {}));
    expect(error.message).toContain('yarn.lock is malformed (line 5)');
    expect(error.message).toContain('yarn install');
    expect(errorOf(() => parseLockfile('yarn.lock', 'bcrypt@^5.1.1\n', {})).message).toContain('(line 1)');
  });
});

const YARN_BERRY = `# This file is generated by running "yarn install" inside your project.
# Manual changes might be lost - proceed with caution!

__metadata:
  version: 8
  cacheKey: 10c0

"@app/api@workspace:packages/api":
  version: 0.0.0-use.local
  resolution: "@app/api@workspace:packages/api"
  dependencies:
    oracledb: "npm:^5.5.0"
    vitest: "npm:^1.0.0"
  languageName: unknown
  linkType: soft

"@phc/format@npm:^1.0.0":
  version: 1.0.0
  resolution: "@phc/format@npm:1.0.0"
  checksum: 10c0/abc
  languageName: node
  linkType: hard

"app@workspace:.":
  version: 0.0.0-use.local
  resolution: "app@workspace:."
  dependencies:
    argon2: "npm:^0.31.0"
    puppeteer: "npm:^22.0.0"
  languageName: unknown
  linkType: soft

"argon2@npm:^0.31.0":
  version: 0.31.2
  resolution: "argon2@npm:0.31.2"
  dependencies:
    "@phc/format": "npm:^1.0.0"
  checksum: 10c0/abc
  languageName: node
  linkType: hard

"oracledb@npm:^5.5.0":
  version: 5.5.0
  resolution: "oracledb@npm:5.5.0"
  languageName: node
  linkType: hard

"puppeteer@npm:^22.0.0":
  version: 22.3.0
  resolution: "puppeteer@npm:22.3.0"
  languageName: node
  linkType: hard

"vitest@npm:^1.0.0":
  version: 1.6.0
  resolution: "vitest@npm:1.6.0"
  languageName: node
  linkType: hard
`;

describe('yarn.lock (berry)', () => {
  const manifest = { dependencies: { argon2: '^0.31.0' }, devDependencies: { puppeteer: '^22.0.0' } };

  it('filters each workspace entry by its own package.json', () => {
    const readManifest = (dir: string) =>
      dir === 'packages/api' ? { dependencies: { oracledb: '^5.5.0' }, devDependencies: { vitest: '^1.0.0' } } : null;
    const { packages } = parseLockfile('yarn.lock', YARN_BERRY, manifest, readManifest);
    expect(devMap(packages)).toEqual({
      '@phc/format@1.0.0': false,
      'argon2@0.31.2': false,
      'oracledb@5.5.0': false,
      'puppeteer@22.3.0': true,
      'vitest@1.6.0': true,
    });
  });

  it('one workspace\'s install: what its entry reaches, with the root\'s production dependencies', () => {
    const readManifest = (dir: string) =>
      dir === 'packages/api' ? { dependencies: { oracledb: '^5.5.0' }, devDependencies: { vitest: '^1.0.0' } } : null;
    const contents = parseLockfile('yarn.lock', YARN_BERRY, manifest, readManifest);
    expect(contents.productionOf?.('packages/api')?.map((p) => `${p.name}@${p.version}`).sort()).toEqual(['@phc/format@1.0.0', 'argon2@0.31.2', 'oracledb@5.5.0']);
    expect(contents.productionOf?.('packages/none')).toBeNull();
  });

  it('names each workspace package by its workspace: entry, the root left out', () => {
    const { workspaces } = parseLockfile('yarn.lock', YARN_BERRY, manifest);
    expect(Object.fromEntries(workspaces ?? [])).toEqual({ '@app/api': 'packages/api' });
  });

  it('counts every dependency of a workspace whose package.json cannot be read', () => {
    const { packages } = parseLockfile('yarn.lock', YARN_BERRY, manifest);
    expect(devMap(packages)['vitest@1.6.0']).toBe(false);
    expect(devMap(packages)['puppeteer@22.3.0']).toBe(true);
  });

  it('names the line of a YAML error', () => {
    const error = errorOf(() => parseLockfile('yarn.lock', '__metadata:\n  version: 8\n"a@npm:1":\n  version: [1\n', {}));
    expect(error.message).toMatch(/^yarn\.lock is malformed \(line \d+\)/);
  });
});

const BUN_LOCK = `{
  "lockfileVersion": 1,
  "workspaces": {
    "": {
      "name": "app",
      "dependencies": {
        "canvas": "^4.0.0-rc.1",
        "msgpackr": "^1.10.0",
        "semver": "^6.3.0",
      },
      "devDependencies": {
        "sharp": "^0.33.0",
      },
    },
    "packages/lib": {
      "name": "@app/lib",
      "dependencies": { "bcrypt": "^6.0.0" },
      "devDependencies": { "re2": "^1.21.0" },
    },
  },
  "packages": {
    "@app/lib": ["@app/lib@workspace:packages/lib"],

    "bcrypt": ["bcrypt@6.0.0", "", { "dependencies": { "node-addon-api": "^8.0.0" } }, "sha512-x"],

    "canvas": ["canvas@4.0.0-rc.2", "", { "optionalDependencies": { "canvas-linux-x64-musl": "4.0.0-rc.2" } }, "sha512-x"],

    "canvas-linux-x64-musl": ["canvas-linux-x64-musl@4.0.0-rc.2", "", { "os": "linux", "cpu": "x64" }, "sha512-x"],

    "msgpackr": ["msgpackr@1.10.1", "", { "optionalDependencies": { "msgpackr-extract": "^3.0.2" } }, "sha512-x"],

    "msgpackr-extract": ["msgpackr-extract@3.0.2", "", {}, "sha512-x"],

    "node-addon-api": ["node-addon-api@8.0.0", "", {}, "sha512-x"],

    "re2": ["re2@1.21.4", "", {}, "sha512-x"],

    "semver": ["semver@6.3.1", "", { "bin": { "semver": "bin/semver.js" } }, "sha512-x"],

    "sharp": ["sharp@0.33.5", "https://registry.example.com/sharp.tgz", { "dependencies": { "semver": "^7.6.3" } }, "sha512-x"],

    "sharp/semver": ["semver@7.6.3", "", {}, "sha512-x"],
  }
}
`;

describe('bun.lock', () => {
  it('parses trailing commas, resolves nested copies, follows workspaces, skips workspace packages', () => {
    const { packages } = parseLockfile('bun.lock', BUN_LOCK, {});
    expect(devMap(packages)).toEqual({
      'bcrypt@6.0.0': false,
      'canvas@4.0.0-rc.2': false,
      'canvas-linux-x64-musl@4.0.0-rc.2': false,
      'msgpackr@1.10.1': false,
      'msgpackr-extract@3.0.2': false,
      'node-addon-api@8.0.0': false,
      're2@1.21.4': true,
      'semver@6.3.1': false,
      'sharp@0.33.5': true,
      'semver@7.6.3': true,
    });
  });

  it('names the line of a syntax error', () => {
    const error = errorOf(() => parseLockfile('bun.lock', '{\n  "lockfileVersion": 1,\n  "packages": { "a": ["a@1.0.0" }\n}\n', {}));
    expect(error.message).toContain('bun.lock is malformed (line 3)');
    expect(error.message).toContain('bun install');
  });

  it('stripJsonc keeps strings (with // and escaped quotes) and line positions', () => {
    const text = '{\n  // note\n  "a": "http://x/\\"y\\"", /* c */\n  "b": [1, 2,],\n}';
    const stripped = stripJsonc(text);
    expect(stripped.length).toBe(text.length);
    expect(stripped.split('\n').length).toBe(text.split('\n').length);
    expect(JSON.parse(stripped)).toEqual({ a: 'http://x/"y"', b: [1, 2] });
  });
});

describe('lockfile YAML subset reader', () => {
  it.each([
    ['pnpm v5', PNPM_V5],
    ['pnpm v6', PNPM_V6],
    ['pnpm v9', PNPM_V9],
    ['yarn berry', YARN_BERRY],
  ])('reads %s exactly as the yaml library does', (_name, text) => {
    expect(parseSubset(text)).toEqual(parseYaml(text));
  });

  it('reads quoting, flow collections, block sequences, comments and block scalars like the yaml library', () => {
    const text = [
      "'@scope/a@1.0.0(b@2.0.0)':",
      "  resolution: {integrity: 'sha512-x==', tarball: https://example.com/a.tgz}",
      '  cpu: [x64, arm64]',
      '  os:',
      '    - linux',
      '    - "darwin"',
      "  engines: {node: '>=14 || ^12.22'}",
      '  deprecated: "say \\"no\\""  ',
      '  note: plain text # a comment',
      '  empty:',
      '  msg: |',
      '    line one',
      '      indented',
      '',
      '  folded: >-',
      '    a',
      '    b',
      '  kept: |+',
      '    x',
      '',
      'lockfileVersion: 5.4',
      "quoted: 'it''s'",
      'flag: true',
    ].join('\n');
    expect(parseSubset(text)).toEqual(parseYaml(text));
  });

  it('falls back to the yaml library outside the subset (anchors) and still parses', () => {
    const text = "lockfileVersion: '9.0'\nimporters:\n  .: &x\n    dependencies: {}\n  b: *x\n";
    expect(() => parseSubset(text)).toThrow();
    expect(() => parseLockfile('pnpm-lock.yaml', text, {})).not.toThrow();
  });
});

// Large inputs: the result stays right at size. How fast they parse is not asserted here (a loaded
// machine makes any bound flaky); `npm run bench` measures the generator on a 200,000-file monorepo.
describe('large lockfiles', () => {
  it('parses a generated 50k-entry package-lock.json: every entry, dev flags and install scripts kept', () => {
    const packages: Record<string, unknown> = { '': { name: 'big', dependencies: {} } };
    for (let i = 0; i < 50_000; i++) {
      const path = i % 5 === 0 ? `node_modules/pkg-${i - 1}/node_modules/pkg-${i}` : `node_modules/pkg-${i}`;
      packages[path] = {
        version: `1.${i % 100}.0`,
        resolved: `https://registry.npmjs.org/pkg-${i}/-/pkg-${i}-1.0.0.tgz`,
        integrity: `sha512-${'a'.repeat(86)}==`,
        dev: i % 3 === 0,
        dependencies: { [`pkg-${i + 1}`]: '^1.0.0', [`pkg-${i + 2}`]: '^1.0.0' },
        ...(i % 1000 === 0 ? { hasInstallScript: true } : {}),
      };
    }
    const text = JSON.stringify({ name: 'big', lockfileVersion: 3, packages }, null, 2);
    const { packages: parsed } = parseLockfile('package-lock.json', text, {});
    expect(parsed).toHaveLength(50_000);
    expect(parsed.filter((p) => p.dev)).toHaveLength(Math.ceil(50_000 / 3));
    expect(parsed.filter((p) => p.hasInstallScript)).toHaveLength(50);
    expect(parsed.find((p) => p.name === 'pkg-49999')).toMatchObject({ version: '1.99.0', dev: false });
  });

  it('parses a generated 20k-entry yarn.lock (classic) and walks its whole dependency graph', () => {
    const lines = ['# yarn lockfile v1', ''];
    for (let i = 0; i < 20_000; i++) {
      lines.push(`pkg-${i}@^1.0.0:`, '  version "1.0.0"', '  dependencies:', `    pkg-${(i + 1) % 20_000} "^1.0.0"`, '');
    }
    const { packages } = parseLockfile('yarn.lock', lines.join('\n'), { dependencies: { 'pkg-0': '^1.0.0' } });
    expect(packages.filter((p) => !p.dev)).toHaveLength(20_000);
  });

  it('parses a generated 20k-entry pnpm v9 lockfile with the YAML subset parser, not the general one', () => {
    const pk: string[] = [];
    const sn: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      pk.push(`  pkg-${i}@1.0.0:\n    resolution: {integrity: sha512-${'a'.repeat(86)}==}\n    engines: {node: '>=18'}\n`);
      sn.push(`  pkg-${i}@1.0.0:\n    dependencies:\n      pkg-${(i + 1) % 20_000}: 1.0.0\n`);
    }
    const text =
      "lockfileVersion: '9.0'\n\nimporters:\n\n  .:\n    dependencies:\n      pkg-0:\n        specifier: ^1.0.0\n        version: 1.0.0\n\n" +
      `packages:\n\n${pk.join('\n')}\nsnapshots:\n\n${sn.join('\n')}`;
    // The subset parser takes the whole file (it throws outside its subset, and the slow general
    // parser then takes over: see "falls back to the yaml library" above).
    expect(() => parseSubset(text)).not.toThrow();
    const { packages } = parseLockfile('pnpm-lock.yaml', text, {});
    expect(packages.filter((p) => !p.dev)).toHaveLength(20_000);
  });
});
