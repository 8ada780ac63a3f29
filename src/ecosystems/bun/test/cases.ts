// Bun's data for the cross-ecosystem suites (the type and what each part is for: test/ecosystem-cases.ts).
import { type EcosystemCases, pathPart, put, q, randomTree } from '../../../../test/ecosystem-cases.js';

const pkg = (edit: (p: Record<string, unknown>) => void) => (old: string): string => {
  const parsed = JSON.parse(old) as Record<string, unknown>;
  edit(parsed);
  return JSON.stringify(parsed);
};

export const cases: EcosystemCases = {
  language: 'bun',
  // bun.lock alone is not a Bun project (package.json says how it starts); a loop in package.json is named.
  manifest: 'package.json',
  project: {
    'package.json': JSON.stringify({ name: 'app', module: 'index.ts', scripts: { start: 'bun index.ts' }, devDependencies: { '@types/bun': 'latest' } }),
    'index.ts': 'Bun.serve({ port: 3000, fetch: () => new Response("ok") });\n',
  },
  fixture: 'bun-elysia',
  ignored: ['node_modules/elysia/package.json', '.bun/install/cache/x', 'dist/index.js'],
  sources: ['src/index.ts'],
  hostile: [
    { field: 'start script file name (bun <file>)', fixture: 'bun-elysia', file: 'package.json', benign: 'src/main.ts', alternates: ['server'], edits: (v) => ({ 'package.json': pkg((p) => { p.scripts = { start: `bun ${JSON.stringify(v)}` }; }), [pathPart(v)]: 'console.log(1);\n' }) },
    { field: 'package.json module', fixture: 'bun-elysia', file: 'package.json', benign: 'src/main.ts', edits: (v) => ({ 'package.json': pkg((p) => { p.module = v; p.scripts = {}; }), [pathPart(v)]: 'console.log(1);\n' }) },
    { field: 'package.json packageManager', fixture: 'bun-elysia', file: 'package.json', benign: 'bun@1.4.5', edits: (v) => ({ 'package.json': pkg((p) => { p.packageManager = v; }) }) },
    { field: '.bun-version', fixture: 'bun-elysia', file: '.bun-version', benign: '1.4.5', edits: (v) => ({ '.bun-version': `${v}\n` }) },
    { field: 'package.json engines.bun', fixture: 'bun-elysia', file: 'package.json', benign: '>=1.2', edits: (v) => ({ 'package.json': pkg((p) => { p.engines = { bun: v }; }) }) },
    { field: 'port in the entry', fixture: 'bun-elysia', file: /src\/index\.ts/, benign: '3000', port: true, edits: (v) => ({ 'src/index.ts': `import { Elysia } from "elysia";\nnew Elysia().get("/", () => "hi").listen(${v});\n` }) },
  ],
  variablePaths: [],
  malformed: [
    { what: 'package.json (trailing comma)', fixture: 'bun-elysia', edits: { 'package.json': '{\n  "name": "x",\n  "scripts": { "start": "bun index.ts" },\n}\n' }, message: /package\.json is not valid JSON \(line \d+\)/ },
    { what: 'package.json (scripts not an object)', fixture: 'bun-elysia', edits: { 'package.json': '{ "scripts": "bun index.ts", "packageManager": "bun@1.4.5" }\n' }, message: /package\.json/ },
    { what: 'bun.lock', fixture: 'bun-elysia', edits: { 'bun.lock': '{\n  "lockfileVersion": 1,\n  "packages": { "a": [\n' }, message: /bun\.lock/ },
  ],
  textFiles: [
    { what: '.bun-version', fixture: 'bun-elysia', edits: { '.bun-version': 'not a version\n\u0000' } },
    { what: 'src/index.ts', fixture: 'bun-elysia', edits: { 'src/index.ts': '\u0000\u0001 port: 99999999 .listen(' } },
  ],
  randomTree: randomTree({
    benign: { name: 'app', entry: 'index.ts', version: '1.4.5', port: '3000' },
    structural: ['version'],
    optional: ['bun.lock', '.bun-version'],
    tree: (v, m, g) => {
      const files: Record<string, string> = {
        'package.json': JSON.stringify({ name: v.name, scripts: { start: `bun ${pathPart(v.entry)}` }, dependencies: { hono: '^4.6.14' }, devDependencies: { '@types/bun': 'latest' } }),
        [pathPart(v.entry)]: `Bun.serve({ port: ${q(v.port)}, fetch: () => new Response("ok") });\n`,
      };
      put(files, 'bun.lock', m['bun.lock']!, JSON.stringify({ lockfileVersion: 1, workspaces: { '': { name: v.name, dependencies: { hono: '^4.6.14' } } }, packages: { hono: ['hono@4.6.14', '', {}, 'sha512-x'] } }), g);
      put(files, '.bun-version', m['.bun-version']!, `${v.version}\n`, g);
      return files;
    },
  }),
  e2e: [
    {
      id: 'bun-compiled-distroless',
      dependencies: true,
      fixture: 'bun-elysia',
      args: [],
      base: 'distroless',
      touch: { file: 'src/index.ts', comment: '// e2e change' },
      what: 'Bun 1, Elysia, bun install --frozen-lockfile, bun build --compile on distroless base-nossl',
    },
    {
      id: 'bun-distroless',
      health: '/health',
      dependencies: false,
      fixture: 'bun-serve-plain',
      args: [],
      base: 'distroless',
      touch: { file: 'index.ts', comment: '// e2e change' },
      what: 'Bun 1.4.5 (.bun-version), Bun.serve without dependencies, oven/bun distroless',
    },
  ],
};
