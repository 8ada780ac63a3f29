// A large, realistic monorepo for the generator-speed benchmark: npm workspaces (apps/* and
// packages/* with deep source trees, apps depending on shared packages that depend on others), a
// populated node_modules with thousands of packages (some nested, some with native build files), a
// package-lock.json (v3) that lists them all as npm writes it (every dependency, and each workspace
// with its own dependencies and its link under node_modules), and a .git
// folder with thousands of loose objects. What matters is the shape a generator meets at the root
// of a real repository: it must answer from the manifests and never walk node_modules or .git.
//
// Generated once into the temp folder and reused while STAMP matches (delete the folder or bump
// STAMP when the shape changes). Content is deterministic, so two runs measure the same tree.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Bump when the shape below changes: the cached tree is regenerated. */
export const STAMP = 'monorepo-v3';

/** How many files the tree holds, by part; the total is TARGET_FILES. */
const SHAPE = {
  apps: 12,
  packages: 188,
  /** Source files per workspace, spread over nested folders (src/a/b/c/...). */
  sourceFilesPerWorkspace: 200,
  nodeModulesPackages: 3000,
  /** Files per installed package (package.json, README, lib/**, types). */
  filesPerInstalledPackage: 40,
};
export const TARGET_FILES = 200_000;

/** The monorepo folder: generated when missing or stale, then reused. Returns its path and file count. */
export function ensureMonorepo({ root = path.join(os.tmpdir(), 'create-slim-image-bench'), log = () => {} } = {}) {
  const dir = path.join(root, STAMP);
  const stampFile = path.join(dir, '.bench-stamp.json');
  if (existsSync(stampFile)) {
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
    if (stamp.stamp === STAMP && stamp.files >= TARGET_FILES) return { dir, files: stamp.files, generated: false, seconds: 0 };
  }
  rmSync(dir, { recursive: true, force: true });
  log(`generating a ${TARGET_FILES.toLocaleString('en')}-file monorepo in ${dir} (once; reused by later runs)`);
  const started = process.hrtime.bigint();
  const count = generate(dir);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  writeFileSync(stampFile, JSON.stringify({ stamp: STAMP, files: count, seconds }, null, 2));
  return { dir, files: count, generated: true, seconds };
}

function generate(dir) {
  let files = 0;
  const made = new Set();
  const write = (rel, text) => {
    const full = path.join(dir, rel);
    const parent = path.dirname(full);
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    writeFileSync(full, text);
    files += 1;
  };

  const installed = installedPackages();
  const workspaces = [
    ...range(SHAPE.apps).map((i) => ({ dir: `apps/app-${pad(i)}`, name: `@acme/app-${pad(i)}`, app: true, index: i })),
    ...range(SHAPE.packages).map((i) => ({ dir: `packages/pkg-${pad(i)}`, name: `@acme/pkg-${pad(i)}`, app: false, index: i })),
  ];

  // Root manifest: what a generator reads first.
  write(
    'package.json',
    json({
      name: 'acme-monorepo',
      version: '0.0.0',
      private: true,
      workspaces: ['apps/*', 'packages/*'],
      scripts: { start: 'node apps/app-000/src/server.js', test: 'node --test' },
      engines: { node: '>=22' },
      dependencies: { express: '^4.21.2' },
      devDependencies: { typescript: '^5.9.3' },
    }),
  );
  write('.gitignore', 'node_modules\ndist\ncoverage\n*.log\n.env\n');
  write('.nvmrc', '22\n');
  write('README.md', '# acme monorepo\n\nGenerated for the create-slim-image benchmark.\n');
  // Each workspace's dependencies: six installed packages, express for an app, and shared packages:
  // an app uses three, a package one or two with a higher number (the graph has no cycle).
  for (const ws of workspaces) {
    const deps = {};
    for (let k = 0; k < 6; k += 1) deps[installed[(hash(ws.name + k) % installed.length)].name] = '^1.0.0';
    if (ws.app) deps.express = '^4.21.2';
    const shared = workspaces.filter((other) => !other.app && other.index > (ws.app ? -1 : ws.index));
    const count = shared.length === 0 ? 0 : ws.app ? 3 : 1 + (ws.index % 2);
    for (let k = 0; k < Math.min(count, shared.length); k += 1) deps[shared[hash(ws.name + 'ws' + k) % shared.length].name] = '^1.0.0';
    ws.dependencies = deps;
  }
  write('package-lock.json', lockfile(workspaces, installed));

  // Workspaces with deep source trees.
  for (const ws of workspaces) {
    const deps = ws.dependencies;
    const manifest = ws.app
      ? { name: ws.name, version: '1.0.0', private: true, main: 'src/server.js', scripts: { start: 'node src/server.js' }, dependencies: deps }
      : { name: ws.name, version: '1.0.0', main: 'src/index.js', dependencies: deps };
    write(`${ws.dir}/package.json`, json(manifest));
    if (!ws.app) write(`${ws.dir}/src/index.js`, `module.exports = require('./m0/c0/d0/file-0.js');\n`);
    write(`${ws.dir}/README.md`, `# ${ws.name}\n`);
    if (ws.app) {
      write(
        `${ws.dir}/src/server.js`,
        "const express = require('express');\nconst app = express();\napp.get('/', (req, res) => res.send('ok'));\napp.listen(process.env.PORT || 3000);\n",
      );
    }
    for (let f = 0; f < SHAPE.sourceFilesPerWorkspace - 3; f += 1) {
      // src/<a>/<b>/<c>/file-N.ts: four levels deep, 5 x 4 x 3 folders.
      const sub = `src/m${f % 5}/c${Math.floor(f / 5) % 4}/d${Math.floor(f / 20) % 3}`;
      write(`${ws.dir}/${sub}/file-${f}.ts`, source(ws.name, f));
    }
  }

  // node_modules: flat packages plus some nested copies (as npm does on version conflicts).
  for (const pkg of installed) {
    const base = `node_modules/${pkg.name}`;
    const manifest = { name: pkg.name, version: pkg.version, main: 'lib/index.js', license: 'MIT' };
    if (pkg.native) manifest.scripts = { install: 'node-gyp rebuild' };
    write(`${base}/package.json`, json(manifest));
    write(`${base}/README.md`, `# ${pkg.name}\n\nSome documentation.\n`);
    write(`${base}/LICENSE`, 'MIT License\n');
    let rest = SHAPE.filesPerInstalledPackage - 3;
    if (pkg.native) {
      write(`${base}/binding.gyp`, json({ targets: [{ target_name: 'addon', sources: ['src/addon.cc'] }] }));
      rest -= 1;
    }
    for (let f = 0; f < rest; f += 1) {
      const rel = f % 4 === 3 ? `types/part-${f}.d.ts` : `lib/${f % 3 === 0 ? 'internal/' : ''}part-${f}.js`;
      write(`${base}/${rel}`, `'use strict';\nmodule.exports = function part${f}() { return ${f}; };\n`);
    }
  }
  write('node_modules/.package-lock.json', json({ name: 'acme-monorepo', lockfileVersion: 3, packages: {} }));
  for (let i = 0; i < 40; i += 1) write(`node_modules/.bin/tool-${i}`, '#!/usr/bin/env node\n');

  // .git: HEAD, config, refs, packed index stand-in and loose objects under objects/xx/.
  write('.git/HEAD', 'ref: refs/heads/main\n');
  write('.git/config', '[core]\n\trepositoryformatversion = 0\n\tbare = false\n');
  write('.git/description', 'benchmark monorepo\n');
  write('.git/refs/heads/main', `${sha(0)}\n`);
  write('.git/index', 'DIRC');
  for (let i = 0; files < TARGET_FILES; i += 1) {
    const id = sha(i);
    write(`.git/objects/${id.slice(0, 2)}/${id.slice(2)}`, `blob ${i}`);
  }
  return files;
}

/** Installed packages: scoped and plain names, about 1 in 150 with native build files. */
function installedPackages() {
  const list = [];
  for (let i = 0; i < SHAPE.nodeModulesPackages; i += 1) {
    const scoped = i % 7 === 0;
    const name = scoped ? `@scope-${i % 31}/lib-${pad(i, 4)}` : `lib-${pad(i, 4)}`;
    list.push({ name, version: `1.${i % 17}.${i % 5}`, native: i % 150 === 149 });
  }
  return list;
}

function lockfile(workspaces, installed) {
  const packages = {
    '': { name: 'acme-monorepo', version: '0.0.0', workspaces: ['apps/*', 'packages/*'], dependencies: { express: '^4.21.2' } },
  };
  for (const ws of workspaces) {
    packages[ws.dir] = { name: ws.name, version: '1.0.0', dependencies: ws.dependencies };
    packages[`node_modules/${ws.name}`] = { resolved: ws.dir, link: true };
  }
  // express and what it brings, as a registry package like any other (its own tree left out).
  packages['node_modules/express'] = {
    version: '4.21.2',
    resolved: 'https://registry.npmjs.org/express/-/express-4.21.2.tgz',
    integrity: `sha512-${createHash('sha512').update('express').digest('base64')}`,
    license: 'MIT',
  };
  for (const pkg of installed) {
    const entry = {
      version: pkg.version,
      resolved: `https://registry.npmjs.org/${pkg.name}/-/${pkg.name.split('/').at(-1)}-${pkg.version}.tgz`,
      integrity: `sha512-${createHash('sha512').update(pkg.name).digest('base64')}`,
      license: 'MIT',
    };
    if (pkg.native) entry.hasInstallScript = true;
    packages[`node_modules/${pkg.name}`] = entry;
  }
  return json({ name: 'acme-monorepo', version: '0.0.0', lockfileVersion: 3, requires: true, packages });
}

function source(name, f) {
  return `// ${name} module ${f}\nexport function f${f}(x: number): number {\n  return x * ${f} + 1;\n}\n`;
}

const json = (value) => `${JSON.stringify(value, null, 2)}\n`;
const range = (n) => Array.from({ length: n }, (_, i) => i);
const pad = (n, width = 3) => String(n).padStart(width, '0');
const sha = (i) => createHash('sha1').update(String(i)).digest('hex');
function hash(text) {
  return createHash('md5').update(text).digest().readUInt32BE(0);
}
