// A generation whose Dockerfile breaks a build check says so: the built-in templates never do
// (test/lint-snapshots.test.ts), but a template override or an addition can.
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { memoryOutput } from '../../src/output.js';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'node-express-npm');

async function run(args: string[], dir = FIXTURE) {
  const output = memoryOutput();
  const code = await main([dir, '--yes', '--dry-run', '--json', ...args], output);
  return { code, warnings: output.stderr.filter((l) => l.startsWith('warning:')) };
}

describe('build-check warnings on generation', () => {
  it('are silent for the built-in templates', async () => {
    const { code, warnings } = await run([]);
    expect(code).toBe(0);
    expect(warnings.filter((w) => w.includes('build check'))).toEqual([]);
  });

  it('name the rule, the line and the page for a secret-looking --build-arg', async () => {
    const { code, warnings } = await run(['--build-arg', 'NPM_TOKEN']);
    expect(code).toBe(0);
    const warning = warnings.find((w) => w.includes('SecretsUsedInArgOrEnv'));
    expect(warning).toMatch(/at line \d+: Do not use ARG or ENV instructions for sensitive data \(ARG "NPM_TOKEN"\)/);
    expect(warning).toContain('https://docs.docker.com/reference/build-checks/secrets-used-in-arg-or-env/');
    expect(warning).toContain('template override or an addition');
  });

  it('name a project value that lands in the Dockerfile named like a secret', async () => {
    const project = mkdtempSync(join(tmpdir(), 'slim-lint-'));
    cpSync(join(FIXTURE, '..', 'static-vite-react'), project, { recursive: true });
    writeFileSync(join(project, '.env'), 'VITE_MAPS_TOKEN=abc\n');
    writeFileSync(join(project, 'src', 'maps.js'), 'export const token = import.meta.env.VITE_MAPS_TOKEN;\n');
    const { code, warnings } = await run([], project);
    expect(code).toBe(0);
    const warning = warnings.find((w) => w.includes('build check'));
    expect(warning).toContain('SecretsUsedInArgOrEnv');
    expect(warning).toContain('(ARG "VITE_MAPS_TOKEN")');
    expect(warning).toContain('a value from the project');
  });

  it('catch a template override that copies an ignored path and starts through a shell', async () => {
    const project = mkdtempSync(join(tmpdir(), 'slim-lint-'));
    cpSync(FIXTURE, project, { recursive: true });
    const templates = join(project, '.slim-image', 'templates', 'node');
    mkdirSync(templates, { recursive: true });
    writeFileSync(
      join(templates, 'Dockerfile.hbs'),
      ['# syntax=docker/dockerfile:1', 'FROM docker.io/library/node:22-bookworm-slim', 'WORKDIR /app', 'COPY node_modules ./node_modules', 'COPY . .', 'CMD node src/server.js', ''].join('\n'),
    );
    const { code, warnings } = await run([], project);
    expect(code).toBe(0);
    expect(warnings.filter((w) => w.includes('build check')).map((w) => /check (\w+) at line (\d+)/.exec(w)?.slice(1).join('@'))).toEqual([
      'CopyIgnoredFile@4',
      'JSONArgsRecommended@6',
    ]);
  });
});
