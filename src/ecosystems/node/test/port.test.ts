import { describe, expect, it } from 'vitest';
import { detectPort } from '../port.js';
import { NODE_FRAMEWORKS } from '../knowledge/frameworks.js';
import { projectWith } from './fixture-helper.js';

const rule = (id: string) => NODE_FRAMEWORKS.find((r) => r.id === id) ?? null;
const port = (files: Record<string, string>, entry: string | null = 'server.js', id: string | null = null, frameworkServer = false) =>
  detectPort(projectWith({ 'package.json': '{}', ...files }), { rule: id ? rule(id) : null, entry, commandPort: null, frameworkServer });

describe('detectPort from code', () => {
  // The third column: how the app is told another port (the port rule, src/detect/port.ts).
  it.each([
    ['app.listen(process.env.PORT || 3000);', 3000, 'env'],
    ["const port = process.env.PORT ?? '8080';\napp.listen(port);", 8080, 'env'],
    ['server.listen(Number(process.env.PORT) || 5050);', 5050, 'env'],
    ["const port = parseInt(process.env['PORT'] || '4000', 10);", 4000, 'env'],
    ['const { PORT = 7000 } = process.env;\napp.listen(PORT);', 7000, 'env'],
    ['const PORT = env.PORT ?? 9000;', 9000, 'env'],
    ['app.listen(3001, () => {});', 3001, 'fixed'],
    ["await fastify.listen({ port: 8081, host: '0.0.0.0' });", 8081, 'fixed'],
    ["const server = Hapi.server({ port: process.env.PORT || 8000, host: '0.0.0.0' });", 8000, 'env'],
    ['const port = 3333;\nserver.listen(port);', 3333, 'fixed'],
  ])('%s -> %d, %s', (code, expected, kind) => {
    const r = port({ 'server.js': code });
    expect(r.port.value).toBe(expected);
    expect(r.port.source).toMatch(/^server\.js: /);
    expect(r.setting.kind).toBe(kind);
    if (kind === 'env') expect(r.setting).toMatchObject({ env: { PORT: '{port}' }, default: expected });
  });

  it('names the line of a fixed port, and does not call it fixed when the file also reads PORT', () => {
    expect(port({ 'server.js': "'use strict';\n/* a\n   b */\napp.listen(3001);" }).setting).toEqual({ kind: 'fixed', where: 'server.js:4 (listen(<port>))' });
    expect(port({ 'server.js': 'const port = 3333;\nconsole.log(process.env.PORT);\nserver.listen(port);' }).setting.kind).toBe('unknown');
  });

  it('ignores commented-out code', () => {
    expect(port({ 'server.js': '// app.listen(9999)\n/* listen(8888) */\napp.listen(process.env.PORT || 3000);' }).port.value).toBe(3000);
  });

  it('prefers an env default anywhere over a bare literal, and finds files under src/', () => {
    const r = port({ 'src/db.js': 'const db = { port: 5432 };', 'src/main.ts': 'await app.listen(process.env.PORT ?? 3000);' }, null);
    expect(r.port).toEqual({ value: 3000, source: 'src/main.ts: process.env.PORT with a default' });
  });

  it('does not take a database port for the HTTP port', () => {
    expect(port({ 'src/config.js': 'export default { database: { host: "db", port: 5432 } };' }, null).port.value).toBeNull();
  });

  it('chooses 3000 and sets PORT when the code reads PORT without a default', () => {
    const r = port({ 'server.js': 'server.listen(process.env.PORT);' });
    expect(r.port.value).toBe(3000);
    expect(r.port.source).toMatch(/server\.js reads process\.env\.PORT with no default; 3000 chosen and set as PORT/);
    // No default: the port rule always sets PORT.
    expect(r.setting).toMatchObject({ kind: 'env', env: { PORT: '{port}' }, default: null });
  });

  it('says so when nothing is found', () => {
    const r = port({ 'server.js': 'console.log("batch job")' });
    expect(r.port).toEqual({ value: null, source: expect.stringMatching(/no port found/) });
  });
});

describe('detectPort precedence', () => {
  it('takes the port from the start command first', () => {
    const r = detectPort(projectWith({ 'server.js': 'app.listen(3000)' }), {
      rule: null, entry: 'server.js', commandPort: { value: 8080, source: 'package.json scripts.start' }, frameworkServer: false,
    });
    expect(r.port).toEqual({ value: 8080, source: 'package.json scripts.start' });
    expect(r.setting).toEqual({ kind: 'fixed', where: 'package.json scripts.start (the start command)' });
  });

  it('tells a PORT assignment from a port argument of the start command', () => {
    const input = (command: string[], env: Record<string, string>) => ({
      rule: null, entry: 'server.js', commandPort: { value: 4000, source: 'package.json scripts.start' }, frameworkServer: false,
      start: { command: { kind: 'exec' as const, argv: command }, env },
    });
    const project = projectWith({ 'server.js': 'app.listen(process.env.PORT)' });
    expect(detectPort(project, input(['node', 'server.js'], { PORT: '4000' })).setting).toMatchObject({ kind: 'env', env: { PORT: '{port}' }, default: null });
    expect(detectPort(project, input(['node', 'node_modules/next/dist/bin/next', 'start', '-p', '4000'], {})).setting)
      .toMatchObject({ kind: 'argument', format: '{port}', replaces: '4000' });
    expect(detectPort(project, input(['node', 'x.js', '--port=4000'], {})).setting).toMatchObject({ kind: 'argument', format: '--port={port}', replaces: '--port=4000' });
  });

  it.each([
    ['next', 3000], ['nuxt', 3000], ['sveltekit', 3000], ['remix', 3000], ['react-router', 3000], ['astro', 4321],
  ])('uses the %s default when the framework runs its own server', (id, expected) => {
    const r = port({ 'src/lib/db.ts': 'const pool = { port: 5432 }; app.listen(5432)' }, null, id, true);
    expect(r.port.value).toBe(expected);
    expect(r.port.source).toMatch(/default port \(https:/);
    // Their servers read PORT.
    expect(r.setting).toMatchObject({ kind: 'env', env: { PORT: '{port}' }, default: expected });
  });

  it('reads a custom server over the framework default', () => {
    expect(port({ 'server.js': 'server.listen(process.env.PORT || 8080)' }, 'server.js', 'next', false).port.value).toBe(8080);
  });

  it('uses the Nest default only when main.ts says nothing', () => {
    expect(port({ 'src/main.ts': 'await app.listen(4000);' }, 'src/main.ts', 'nestjs', true).port.value).toBe(4000);
    expect(port({ 'src/main.ts': 'await app.listen(config.port);' }, 'src/main.ts', 'nestjs', true).port).toMatchObject({ value: 3000, source: expect.stringMatching(/NestJS default/) });
  });

  it('warns when Fastify would listen on localhost only', () => {
    expect(port({ 'server.js': 'fastify.listen({ port: 3000 })' }, 'server.js', 'fastify').warnings[0]).toMatch(/0\.0\.0\.0/);
    expect(port({ 'server.js': "fastify.listen({ port: 3000, host: '0.0.0.0' })" }, 'server.js', 'fastify').warnings).toEqual([]);
  });
});

describe('detectPort: the default behind env fallbacks and config modules', () => {
  it('reads the literal after a chain of other variables', () => {
    const r = port({ 'app.js': "app.set('port', process.env.PORT || process.env.OPENSHIFT_NODEJS_PORT || 8080);\napp.listen(app.get('port'));" }, 'app.js');
    expect(r.port).toEqual({ value: 8080, source: 'app.js: process.env.PORT with a default' });
  });

  it('takes a config value in the chain when its module can be read', () => {
    const r = port({
      'server.js': "const config = require('./config');\napp.listen(process.env.PORT || config.port || 8080);",
      'config.js': 'module.exports = { db: { port: 5432 }, port: 4000 };',
    });
    expect(r.port).toEqual({ value: 4000, source: 'config.js: config.port' });
  });

  it('falls through to the literal when the config module says nothing', () => {
    const r = port({
      'server.js': "const config = require('./config');\napp.listen(process.env.PORT || config.port || 8080);",
      'config.js': 'module.exports = { port: process.env.APP_PORT };',
    });
    expect(r.port.value).toBe(8080);
  });

  it('follows the entry into the config module it imports (a Joi schema default)', () => {
    const r = port({
      'src/index.js': "const config = require('./config/config');\napp.listen(config.port);",
      'src/config/config.js': "const schema = Joi.object().keys({\n  PORT: Joi.number().default(3000),\n  SMTP_PORT: Joi.number().default(587),\n});",
    }, 'src/index.js');
    expect(r.port).toEqual({ value: 3000, source: 'src/config/config.js: PORT schema default' });
  });

  it('reads a PORT setting with a default in an imported TypeScript env module', () => {
    const r = port({
      'server/index.ts': 'import env from "./env";\nstart(env.PORT);',
      'server/env.ts': 'export class Env {\n  public DATABASE_PORT = this.toNumber(environment.DATABASE_PORT) ?? 5432;\n  public PORT = this.toNumber(environment.PORT) ?? 3100;\n}',
    }, 'server/index.ts');
    expect(r.port).toEqual({ value: 3100, source: 'server/env.ts: PORT setting with a default' });
  });

  it('reads the last entry of a fallback list holding process.env.PORT', () => {
    const r = port({
      'server/server.js': "const config = require('./config');\nserver.listen(config.port);",
      'server/config.js': 'const port = [args.port, process.env.APP_PORT, process.env.PORT, 3001].map((p) => parseInt(p)).find((p) => !isNaN(p));',
    }, 'server/server.js');
    expect(r.port).toEqual({ value: 3001, source: 'server/config.js: PORT fallback list' });
  });

  it('does not take a port from a test file or a module the server does not import', () => {
    const r = port({
      'src/server.js': 'server.listen(process.env.PORT);',
      'src/server.test.js': "fetch('http://localhost:4317/x'); app.listen(4317);",
      'src/otel.js': "const endpoint = { port: 4317 }; exporter.listen(4318);",
    }, 'src/server.js');
    expect(r.port.value).toBe(3000);
    expect(r.port.source).toMatch(/3000 chosen/);
  });
});
