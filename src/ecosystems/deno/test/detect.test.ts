import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Project } from '../../../project.js';
import { chooseBase } from '../../../plan/choose-base.js';
import { withPort } from '../../../detect/port.js';
import { detectDeno } from '../detect.js';
import { assessDeno, denoView } from '../plan.js';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', '..', 'test', 'fixtures');

function project(files: Record<string, string | object>): Project {
  const dir = mkdtempSync(join(tmpdir(), 'deno-detect-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return new Project(dir);
}

describe('detectDeno', () => {
  it('reads the Deno.serve fixture: task start with its permission flags, deno.lock, port 8000', () => {
    const facts = detectDeno(new Project(join(FIXTURES, 'deno-serve-npm')), {});
    expect(facts.start.value).toEqual({ kind: 'exec', argv: ['deno', 'run', '--allow-net', '--allow-env=PORT', 'main.ts'] });
    expect(facts.entry).toBe('main.ts');
    expect(facts.lockfile).toBe('deno.lock');
    expect(facts.port.value).toBe(8000);
    expect(facts.runtime.pinned).toBe(false);
  });

  it('deno.jsonc with comments, Oak from jsr, .dvmrc pins the version', () => {
    const facts = detectDeno(new Project(join(FIXTURES, 'deno-oak-dvmrc')), {});
    expect(facts.framework.value).toBe('oak');
    expect(facts.runtime).toEqual({ constraint: '2.1.4', pinned: true, source: '.dvmrc' });
    expect(facts.port.value).toBe(8080);
    expect(facts.warnings.join('\n')).toMatch(/jsr\.io/);
  });

  it('never widens permissions: -A stays -A, --allow-net stays --allow-net; --watch is dropped with a warning', () => {
    const a = detectDeno(project({ 'deno.json': { tasks: { start: 'deno serve -A --watch --port 9000 main.ts' } }, 'main.ts': '' }), {});
    expect(a.start.value).toEqual({ kind: 'exec', argv: ['deno', 'serve', '-A', '--port', '9000', 'main.ts'] });
    expect(a.port.value).toBe(9000);
    expect(a.warnings.join('\n')).toMatch(/--watch, a development flag/);
  });

  it('Fresh: the preview task is the production server, and build runs in the builder', () => {
    const facts = detectDeno(project({
      'deno.json': { tasks: { start: 'deno run -A --watch=static/,routes/ dev.ts', build: 'deno run -A dev.ts build', preview: 'deno run -A main.ts' }, imports: { '$fresh/': 'https://deno.land/x/fresh@1.7.3/' } },
      'main.ts': '',
    }), {});
    expect(facts.framework.value).toBe('fresh 1');
    expect(facts.start.value).toEqual({ kind: 'exec', argv: ['deno', 'run', '-A', 'main.ts'] });
    expect(facts.buildTask).toBe('build');
    expect(facts.port.value).toBe(8000);
  });

  it('an importMap file names the framework and is copied before the install', () => {
    const facts = detectDeno(project({
      'deno.json': { tasks: { start: 'deno run -A --watch=. main.ts' }, importMap: './import_map.json' },
      'import_map.json': { imports: { 'hono/': 'https://deno.land/x/hono@v3.5.4/' } },
      'main.ts': 'serve(app.fetch);',
    }), {});
    expect(facts.framework).toEqual({ value: 'hono', source: './import_map.json' });
    expect(facts.installFiles).toEqual(['deno.json', 'import_map.json']);
    expect(facts.start.value).toEqual({ kind: 'exec', argv: ['deno', 'run', '-A', 'main.ts'] });
    expect(facts.port.value).toBe(8000);
  });

  it('no start task: refused, naming --cmd, rather than guessing permissions', () => {
    expect(() => detectDeno(project({ 'deno.json': { imports: {} }, 'main.ts': 'Deno.serve(() => new Response(""))' }), {})).toThrow(/does not guess permissions.*--cmd/);
  });

  it('a task that needs a shell rules out distroless', () => {
    const facts = detectDeno(project({ 'deno.json': { tasks: { start: 'deno task migrate && deno run -A main.ts' } }, 'main.ts': '' }), {});
    expect(chooseBase(assessDeno(facts), 'auto').base).toBe('alpine');
  });
});

describe('Deno plan', () => {
  it('distroless with the cache filled by a frozen install; CMD is the task without "deno"', () => {
    const facts = detectDeno(new Project(join(FIXTURES, 'deno-serve-npm')), {});
    const plan = chooseBase(assessDeno(facts), 'auto');
    expect(plan.runtimeImage).toBe('docker.io/denoland/deno:distroless-2.9.6');
    const view = denoView(facts, plan);
    expect(view.install).toEqual(['deno', 'install', '--frozen']);
    expect(view.cacheEntry).toEqual(['deno', 'install', '--frozen', '--entrypoint', 'main.ts']);
    expect(view.cmd).toEqual(['run', '--allow-net', '--allow-env=PORT', 'main.ts']);
    expect(view.user).toBe('65532:65532');
  });
});

describe('Deno port setting (the one port rule)', () => {
  const opts = {};
  it('--port in the start task is an argument: --port 9000 rewrites it in place', () => {
    const facts = detectDeno(project({ 'deno.json': { tasks: { start: 'deno serve --allow-net --port=8080 main.ts' } }, 'main.ts': 'export default { fetch: () => new Response("ok") };\n' }), opts);
    expect(facts.port.value).toBe(8080);
    expect(facts.portSetting).toMatchObject({ kind: 'argument', replaces: '--port=8080' });
    const moved = withPort(facts, { value: 9000, source: '--port' });
    expect(moved.start.value).toEqual({ kind: 'exec', argv: ['deno', 'serve', '--allow-net', '--port=9000', 'main.ts'] });
  });
  it('a literal port in the code is fixed there, so another port is refused with the file:line', () => {
    const facts = detectDeno(project({ 'deno.json': { tasks: { start: 'deno run --allow-net main.ts' } }, 'main.ts': '// server\nDeno.serve({ port: 8081 }, () => new Response("ok"));\n' }), opts);
    expect(facts.portSetting).toEqual({ kind: 'fixed', where: 'main.ts:2' });
    expect(() => withPort(facts, { value: 9000, source: '--port' })).toThrow(/main\.ts:2/);
  });
  it('a PORT fallback is a variable the image sets', () => {
    const facts = detectDeno(project({ 'deno.json': { tasks: { start: 'deno run --allow-net --allow-env main.ts' } }, 'main.ts': 'Deno.serve({ port: Number(Deno.env.get("PORT") ?? 8000) }, () => new Response("ok"));\n' }), opts);
    expect(facts.portSetting).toMatchObject({ kind: 'env', env: { PORT: '{port}' }, default: 8000 });
  });
});
