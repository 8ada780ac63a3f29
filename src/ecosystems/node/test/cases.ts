// Node's data for the cross-ecosystem suites (the type and what each part is for: test/ecosystem-cases.ts).
// The Node-only hostile start scripts and the package.json property stay in test/safety.test.ts.
import { type EcosystemCases, folder, moveDir, pathPart, put, randomTree, replace } from '../../../../test/ecosystem-cases.js';

export const cases: EcosystemCases = {
  language: 'node',
  manifest: 'package.json',
  project: {
    'package.json': JSON.stringify({ name: 'app', version: '1.0.0', scripts: { start: 'node server.js' }, dependencies: { express: '^4.21.0' } }),
    'server.js': "require('express')().listen(3000);\n",
  },
  fixture: 'node-express-npm',
  ignored: ['node_modules/express/index.js', 'dist/server.js', '.next/cache/x'],
  sources: ['server.js'],
  hostile: [
    { field: 'package.json main', fixture: 'node-plain-node-no-lock', file: 'package.json', benign: 'index.js', edits: (v) => ({ 'package.json': (old) => JSON.stringify({ ...JSON.parse(old), main: v, scripts: {} }) }) },
    { field: 'package.json scripts.build', fixture: 'node-nest-ts', file: 'package.json', benign: 'nest build', edits: (v) => ({ 'package.json': (old) => { const pkg = JSON.parse(old); pkg.scripts.build = v; return JSON.stringify(pkg); } }) },
    { field: 'package.json packageManager', fixture: 'node-express-npm', file: 'package.json', benign: 'npm@10.9.2', edits: (v) => ({ 'package.json': (old) => JSON.stringify({ ...JSON.parse(old), packageManager: v }) }) },
    { field: '.nvmrc', fixture: 'node-express-npm', file: '.nvmrc', benign: '22', edits: (v) => ({ '.nvmrc': `${v}\n` }) },
    { field: 'dependency name in package-lock.json', fixture: 'node-express-npm', file: /package-lock\.json|package\.json/, benign: 'left-pad', edits: (v) => ({ 'package-lock.json': (old) => { const lock = JSON.parse(old); lock.packages[`node_modules/${v}`] = { version: '1.0.0' }; return JSON.stringify(lock); } }) },
    { field: 'start script file name (node <file>)', fixture: 'node-plain-node-no-lock', file: 'package.json', benign: 'server.js', edits: (v) => ({ 'package.json': (old) => JSON.stringify({ ...JSON.parse(old), main: v, scripts: {} }), 'server.js': 'require("http").createServer().listen(3000)\n', [folder(v)]: 'require("http").createServer().listen(3000)\n' }) },
    // tsconfig outDir: the build's output folder, which the final stage copies from the build stage.
    { field: 'tsconfig outDir', fixture: 'node-nest-ts', file: /tsconfig\.json|package\.json/, benign: 'out', path: (v) => folder(v), edits: (v) => ({ 'tsconfig.json': replace('"./dist"', JSON.stringify(`./${folder(v)}`)), 'package.json': replace('node dist/main', JSON.stringify(`node '${folder(v).replace(/'/g, `'\\''`)}/main'`).slice(1, -1)) }) },
    { field: 'workspace app folder name', path: (v) => folder(v), fixture: 'monorepo-npm-turbo', file: /apps\/|--app/, benign: 'site', args: (v) => ['--app', `apps/${folder(v)}`], edits: (v) => moveDir('monorepo-npm-turbo', 'apps/web', `apps/${folder(v)}`) },
  ],
  variablePaths: [
    // COPY and WORKDIR expand variables even in JSON form: apps/w$HOME would copy apps/w.
    { what: 'a workspace app folder', fixture: 'monorepo-npm-turbo', edits: moveDir('monorepo-npm-turbo', 'apps/web', 'apps/w$HOME'), args: ['--app', 'apps/w$HOME'], names: /apps\/w\$HOME/ },
  ],
  malformed: [
    { what: 'package.json (trailing comma)', fixture: 'node-express-npm', edits: { 'package.json': '{\n  "name": "x",\n  "dependencies": {},\n}\n' }, message: /package\.json is not valid JSON \(line \d+\)/ },
    { what: 'package.json (an array)', fixture: 'node-express-npm', edits: { 'package.json': '[1, 2]\n' }, message: /package\.json/ },
    { what: 'package-lock.json', fixture: 'node-express-npm', edits: { 'package-lock.json': '{\n  "lockfileVersion": 3,\n  "packages": {\n' }, message: /package-lock\.json is malformed/ },
    { what: 'pnpm-lock.yaml', fixture: 'monorepo-pnpm', args: ['--app', 'apps/api'], edits: { 'pnpm-lock.yaml': "lockfileVersion: '9.0'\nimporters:\n  .:\n    dependencies: [\n" }, message: /pnpm-lock\.yaml/ },
    { what: 'yarn.lock (berry YAML)', fixture: 'node-yarn-berry', edits: { 'yarn.lock': '__metadata:\n  version: 8\n"a@npm:1":\n  version: [\n' }, message: /yarn\.lock/ },
    { what: 'bun.lock', fixture: 'node-bun', edits: { 'bun.lock': '{\n  "lockfileVersion": 1,\n  "packages": { "a": [\n' }, message: /bun\.lock/ },
  ],
  textFiles: [],
  randomTree: randomTree({
    benign: { name: 'app', main: 'server.js', start: 'node server.js', build: 'tsc', node: '22', nvmrc: '22' },
    structural: ['start', 'build', 'main', 'node', 'nvmrc'],
    optional: ['package-lock.json', '.nvmrc'],
    tree: (v, m, g) => {
      const files: Record<string, string> = {
        'package.json': JSON.stringify({ name: v.name, version: '1.0.0', main: v.main, scripts: { start: v.start, build: v.build }, engines: { node: v.node }, dependencies: { express: '^4.21.0' } }),
        [pathPart(v.main)]: "require('express')().listen(3000);\n",
        'server.js': "require('express')().listen(3000);\n",
      };
      put(files, 'package-lock.json', m['package-lock.json']!, JSON.stringify({ name: v.name, lockfileVersion: 3, packages: { '': { name: v.name }, 'node_modules/express': { version: '4.21.2' } } }), g);
      put(files, '.nvmrc', m['.nvmrc']!, `${v.nvmrc}\n`, g);
      return files;
    },
  }),
  e2e: [
    // Golden fixtures that cannot build offline stay out: made-up lockfile integrity hashes
    // (node-hapi, node-fastify-pnpm) and yarn 4 from repo.yarnpkg.com (node-yarn-berry).
    {
      id: 'node-npm-distroless',
      health: '/healthz',
      dependencies: true,
      fixture: 'node-express-npm',
      args: ['--runtime-version', '24'],
      base: 'distroless',
      touch: { file: 'src/server.js', comment: '// e2e change' },
      what: 'Node 24, express, npm ci, distroless',
    },
    {
      id: 'node-npm-slim',
      health: '/healthz',
      dependencies: true,
      fixture: 'node-express-npm',
      args: ['--runtime-version', '22', '--base', 'slim'],
      base: 'slim',
      touch: { file: 'src/server.js', comment: '// e2e change' },
      what: 'Node 22, express, npm ci, slim',
    },
    {
      id: 'node-pnpm-distroless',
      health: '/',
      dependencies: true,
      fixture: 'node-pnpm-http',
      own: true,
      args: [],
      base: 'distroless',
      touch: { file: 'server.js', comment: '// e2e change' },
      what: 'Node 24, pnpm 9, distroless',
    },
    {
      id: 'node-yarn-distroless',
      health: '/',
      dependencies: true,
      fixture: 'node-yarn-http',
      own: true,
      args: [],
      base: 'distroless',
      touch: { file: 'server.js', comment: '// e2e change' },
      what: 'Node 22, yarn 1, distroless',
    },
  ],
};
