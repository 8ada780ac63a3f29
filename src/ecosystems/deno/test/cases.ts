// Deno's data for the cross-ecosystem suites (the type and what each part is for: test/ecosystem-cases.ts).
import { type EcosystemCases, pathPart, put, q, randomTree } from '../../../../test/ecosystem-cases.js';

const config = (edit: (c: Record<string, unknown>) => void) => (old: string): string => {
  const parsed = JSON.parse(old) as Record<string, unknown>;
  edit(parsed);
  return JSON.stringify(parsed);
};

export const cases: EcosystemCases = {
  language: 'deno',
  manifest: 'deno.json',
  project: {
    'deno.json': JSON.stringify({ tasks: { start: 'deno run --allow-net server.ts' } }),
    'server.ts': 'Deno.serve({ port: 8000 }, () => new Response("ok"));\n',
  },
  fixture: 'deno-serve-npm',
  ignored: ['node_modules/ms/index.js', '.deno/x', '_fresh/server.js'],
  sources: ['main.ts'],
  hostile: [
    { field: 'deno.json tasks.start module', fixture: 'deno-serve-npm', file: 'deno.json', benign: 'src/app.ts', alternates: ['server'], edits: (v) => ({ 'deno.json': config((c) => { c.tasks = { start: `deno run --allow-net ${JSON.stringify(v)}` }; }), [pathPart(v)]: 'console.log(1);\n' }) },
    { field: 'deno.json tasks.start permission flag', fixture: 'deno-serve-npm', file: 'deno.json', benign: '--allow-env=PORT', alternates: ['--allow-read=$HOME'], edits: (v) => ({ 'deno.json': config((c) => { c.tasks = { start: `deno run ${JSON.stringify(v)} main.ts` }; }) }) },
    { field: '.dvmrc', fixture: 'deno-serve-npm', file: '.dvmrc', benign: '2.9.6', edits: (v) => ({ '.dvmrc': `${v}\n` }) },
    { field: 'port in the entry', fixture: 'deno-serve-npm', file: /main\.ts/, benign: '8080', port: true, edits: (v) => ({ 'main.ts': `Deno.serve({ port: ${v} }, () => new Response("ok"));\n` }) },
  ],
  variablePaths: [],
  malformed: [
    { what: 'deno.json', fixture: 'deno-serve-npm', edits: { 'deno.json': '{\n  "tasks": {\n    "start": "deno run main.ts"\n' }, message: /deno\.json is not valid JSON/ },
    { what: 'deno.json (tasks not an object)', fixture: 'deno-serve-npm', edits: { 'deno.json': '{ "tasks": "deno run main.ts" }\n' }, message: /deno\.json "tasks" must be an object/ },
    { what: 'deno.lock', fixture: 'deno-serve-npm', edits: { 'deno.lock': '{\n  "version": "5",\n  "npm": {\n' }, message: /deno\.lock is not valid JSON/ },
  ],
  textFiles: [
    { what: '.dvmrc', fixture: 'deno-serve-npm', edits: { '.dvmrc': 'not a version\n\u0000' } },
    { what: 'main.ts', fixture: 'deno-serve-npm', edits: { 'main.ts': '\u0000\u0001 port: 99999999 Deno.serve(' } },
  ],
  randomTree: randomTree({
    benign: { entry: 'main.ts', version: '2.9.6', flag: '--allow-net' },
    structural: ['version'],
    optional: ['deno.lock', '.dvmrc'],
    tree: (v, m, g) => {
      const files: Record<string, string> = {
        'deno.json': JSON.stringify({ tasks: { start: `deno run ${v.flag} ${pathPart(v.entry)}` } }),
        [pathPart(v.entry)]: 'Deno.serve(() => new Response("ok"));\n',
      };
      put(files, 'deno.lock', m['deno.lock']!, JSON.stringify({ version: '5', specifiers: {}, npm: { 'ms@2.1.3': { integrity: 'sha512-x' } } }), g);
      put(files, '.dvmrc', m['.dvmrc']!, `${q(v.version).slice(1, -1)}\n`, g);
      return files;
    },
  }),
  e2e: [
    {
      id: 'deno-distroless',
      health: '/health',
      dependencies: true,
      fixture: 'deno-serve-npm',
      args: [],
      base: 'distroless',
      touch: { file: 'main.ts', comment: '// e2e change' },
      what: 'Deno 2.9.6, Deno.serve with an npm: import, deno install --frozen, denoland/deno distroless',
    },
  ],
};
