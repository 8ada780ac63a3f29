// End-to-end runs of the built CLI (bin -> dist), as a user runs it: flags, --json, --dry-run,
// refused overwrite, --check, and one interactive run driven through a pseudo-terminal.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { terminal } from './terminal.js';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'create-slim-image.cjs');

function cli(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, CI: 'true', NO_COLOR: '1', ...env },
    timeout: 20_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A small Express app in a fresh folder. */
function expressApp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'slim-cli-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({
    name: 'hello', version: '1.0.0', main: 'server.js',
    scripts: { start: 'node server.js' }, engines: { node: '>=22' },
    dependencies: { express: '^4.21.0' },
  }, null, 2));
  writeFileSync(join(dir, 'package-lock.json'), JSON.stringify({
    name: 'hello', version: '1.0.0', lockfileVersion: 3, requires: true,
    packages: {
      '': { name: 'hello', version: '1.0.0', dependencies: { express: '^4.21.0' } },
      'node_modules/express': { version: '4.21.2', resolved: 'https://registry.npmjs.org/express/-/express-4.21.2.tgz', license: 'MIT' },
    },
  }, null, 2));
  writeFileSync(join(dir, 'server.js'), "const express = require('express');\nconst app = express();\napp.get('/', (req, res) => res.send('hi'));\napp.listen(process.env.PORT || 8080);\n");
  writeFileSync(join(dir, '.env'), 'SECRET=do-not-ship\n');
  return dir;
}

describe('create-slim-image (built CLI)', () => {
  it('prints help listing every flag, and its version', () => {
    const help = cli(['--help']);
    expect(help.code).toBe(0);
    for (const flag of ['--yes', '--language', '--base', '--runtime-version', '--package-manager', '--port', '--cmd', '--templates', '--dry-run', '--json', '--force', '--check', '--explain']) {
      expect(help.stdout).toContain(flag);
    }
    expect(cli(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('exits 2 on an unknown flag and on a bad flag value', () => {
    const unknown = cli(['--frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--frobnicate');
    expect(unknown.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
    expect(cli(['--port', '99999']).code).toBe(2);
    expect(cli(['--base', 'ubuntu']).code).toBe(2);
  });

  it('--yes --dry-run --json prints the report and writes nothing', () => {
    const dir = expressApp();
    const before = readdirSync(dir).sort();
    const run = cli([dir, '--yes', '--dry-run', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({
      language: 'node', packageManager: 'npm', framework: 'express', runtimeVersion: '26', port: 8080,
      startCommand: ['node', 'server.js'], nativeDependencies: [], base: 'distroless',
      runtimeImage: 'gcr.io/distroless/nodejs26-debian13:nonroot',
    });
    expect(report.files.Dockerfile).toMatch(/^# syntax=docker\/dockerfile:1\n/);
    expect(report.files.Dockerfile).toContain('USER 65532:65532');
    expect(report.files.Dockerfile).toContain('CMD ["server.js"]');
    expect(report.files['.dockerignore']).toMatch(/^(\*\*\/)?\.env$/m);
    expect(readdirSync(dir).sort()).toEqual(before);
  });

  it('writes both files, refuses to overwrite a changed one without --force, and --check tells drift', () => {
    const dir = expressApp();
    expect(cli([dir, '--yes']).code).toBe(0);
    expect(existsSync(join(dir, 'Dockerfile'))).toBe(true);
    expect(existsSync(join(dir, '.dockerignore'))).toBe(true);
    expect(cli([dir, '--check']).code).toBe(0);

    const handWritten = 'FROM node:22\nCOPY . .\nCMD ["node", "server.js"]\n';
    writeFileSync(join(dir, 'Dockerfile'), handWritten);
    const check = cli([dir, '--check']);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('-FROM node:22');

    const refused = cli([dir, '--yes']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Dockerfile .*--force/);
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe(handWritten);

    expect(cli([dir, '--yes', '--force']).code).toBe(0);
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).not.toBe(handWritten);
    expect(cli([dir, '--check']).code).toBe(0);
  });

  it('explains its decisions with --explain', () => {
    const dir = expressApp();
    const run = cli([dir, '--yes', '--dry-run', '--explain']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/scratch \(not possible\): a Node\.js app needs the node runtime/);
    expect(run.stdout).toMatch(/distroless \(chosen\)/);
    expect(run.stdout).toMatch(/port: server\.js/);
  });

  it('keeps --json valid when an override uses {{log}} (it prints nothing)', () => {
    const dir = expressApp();
    mkdirSync(join(dir, '.slim-image', 'templates', 'partials'), { recursive: true });
    writeFileSync(join(dir, '.slim-image', 'templates', 'partials', 'extra-runtime.hbs'), '{{log "LOGGED-BY-TEMPLATE" language level="error"}}{{log "LOGGED-BY-TEMPLATE"}}\n');
    const run = cli([dir, '--yes', '--dry-run', '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(() => JSON.parse(run.stdout)).not.toThrow();
    expect(`${run.stdout}${run.stderr}`).not.toContain('LOGGED-BY-TEMPLATE');
  });

  it('shows ESC, CR and bidi characters from the project escaped, on stderr and in --json', () => {
    const dir = expressApp();
    writeFileSync(join(dir, '.nvmrc'), '22\u001b]0;pwned\u0007\r\u202e\n');
    const refused = cli([dir, '--yes']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).not.toMatch(/[\u001b\u0007\r\u202e]/);
    expect(refused.stderr).toContain('\\u001b]0;pwned');
    // A value that is only shown, never written into the Dockerfile: a U+202E in a warning.
    writeFileSync(join(dir, '.nvmrc'), '22\n');
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'hello', version: '1.0.0', main: 'server.js', scripts: { start: 'node server.js' }, engines: { node: '>=22' }, dependencies: { express: '^4.21.0' }, packageManager: 'pnpm@9.0.0' }));
    const json = cli([dir, '--yes', '--dry-run', '--json']);
    expect(json.code, json.stderr).toBe(0);
    expect(`${json.stdout}${json.stderr}`).not.toMatch(/[\u001b\u0007\r\u202e\u2028]/);
    expect(() => JSON.parse(json.stdout)).not.toThrow();
  });

  it('exits 2 on a bad flag value found after parsing (--templates not a folder, --package-manager of another language)', () => {
    const dir = expressApp();
    expect(cli([dir, '--yes', '--dry-run', '--templates', join(dir, 'missing')]).code).toBe(2);
    expect(cli([dir, '--yes', '--dry-run', '--package-manager', 'cargo']).code).toBe(2);
  });

  it('names a missing folder and an empty one, exit 1, no stack trace', () => {
    const missing = cli(['/nonexistent/project', '--yes']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('/nonexistent/project');
    const empty = cli([mkdtempSync(join(tmpdir(), 'slim-empty-')), '--yes']);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/--language/);
  });

  it('runs interactively through the prompts in a terminal', async () => {
    const dir = expressApp();
    const term = session([dir]);
    await term.answer(/Package manager/, '\r');
    await term.answer(/Runtime version/, '\r');
    await term.answer(/Port the app listens on/, '\x7f\x7f\x7f\x7f9090\r'); // change 8080 to 9090
    await term.answer(/Start command/, '\r');
    await term.answer(/Final base image/, '\x1b[B\r'); // one down from distroless: alpine
    expect(await term.exit).toBe(0);
    const dockerfile = readFileSync(join(dir, 'Dockerfile'), 'utf8');
    expect(dockerfile).toContain('EXPOSE 9090');
    // The app reads PORT (default 8080): the answer is set through it, as --port would be (issue 14).
    expect(dockerfile).toContain('ENV PORT="9090"');
    expect(dockerfile).toContain('FROM docker.io/library/node:${NODE_VERSION}-alpine AS runtime');
    expect(dockerfile).toContain('alpine chosen (at the prompt)');
  }, 40_000);

  it('asks which program when a module has several, and builds the one answered', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slim-cli-go-'));
    cpSync(join(ROOT, 'test', 'fixtures', 'go-multi-main'), dir, { recursive: true });
    const term = session([dir]);
    await term.answer(/several main packages\. Which one is the app\?/, '\x1b[B\r'); // the second: ./cmd/worker
    await term.answer(/Package manager/, '\r');
    await term.answer(/Runtime version/, '\r');
    await term.answer(/Port the app listens on/, '\r');
    await term.answer(/Start command/, '\r');
    await term.answer(/Final base image/, '\r');
    expect(await term.exit).toBe(0);
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toContain('./cmd/worker');
    // The answer is recorded like the flag, so a rerun (and --check in CI) needs none.
    expect(JSON.parse(readFileSync(join(dir, '.slim-image', 'config.json'), 'utf8'))).toMatchObject({ main: './cmd/worker' });
    expect(cli([dir, '--yes', '--check']).code).toBe(0);
    // Without a terminal and without the recorded answer, the same project is an error naming the flag.
    const fresh = mkdtempSync(join(tmpdir(), 'slim-cli-go-'));
    cpSync(join(ROOT, 'test', 'fixtures', 'go-multi-main'), fresh, { recursive: true });
    const plain = cli([fresh, '--yes', '--dry-run']);
    expect(plain.code).toBe(1);
    expect(plain.stderr).toMatch(/several main packages.*--main/);
  }, 40_000);

  it('keeps every answer when the Dockerfile on disk differs: the new one goes beside it', async () => {
    const dir = expressApp();
    writeFileSync(join(dir, 'Dockerfile'), 'FROM handwritten\n');
    const term = session([dir]);
    await term.answer(/Package manager/, '\r');
    await term.answer(/Runtime version/, '\r');
    await term.answer(/Port the app listens on/, '\x7f\x7f\x7f\x7f9090\r');
    await term.answer(/Start command/, '\r');
    await term.answer(/Final base image/, '\r');
    await term.answer(/Dockerfile exists and differs from what would be generated\. What now\?/, '\r'); // show the differences
    await term.answer(/\+\+\+ Dockerfile \(generated\)[\s\S]*What now\?/, '\x1b[B\r'); // then: write beside it
    expect(await term.exit).toBe(0);
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe('FROM handwritten\n');
    const beside = readFileSync(join(dir, 'Dockerfile.slim'), 'utf8');
    expect(beside).toContain('EXPOSE 9090');
    expect(existsSync(join(dir, 'Dockerfile.slim.dockerignore'))).toBe(true);
  }, 40_000);

  describe('one port rule (issue 14): EXPOSE is where the app listens', () => {
    /** The Express app with its listen line replaced. */
    function appListening(line: string): string {
      const dir = expressApp();
      writeFileSync(join(dir, 'server.js'), `const express = require('express');\nconst app = express();\napp.get('/', (req, res) => res.send('hi'));\n${line}\n`);
      return dir;
    }
    const dockerfileOf = (result: { stdout: string }) => (JSON.parse(result.stdout) as { files: { Dockerfile: string } }).files.Dockerfile;

    it('--port on an app that reads PORT with no default sets PORT to that port, never to 3000', () => {
      const result = cli([appListening('app.listen(process.env.PORT);'), '--yes', '--dry-run', '--json', '--port', '9999']);
      expect(result.code).toBe(0);
      const dockerfile = dockerfileOf(result);
      expect(dockerfile).toContain('ENV PORT="9999"');
      expect(dockerfile).toContain('EXPOSE 9999');
      expect(dockerfile).not.toContain('ENV PORT="3000"');
      expect(JSON.parse(result.stdout)).toMatchObject({ port: 9999, portSetting: { by: 'env', env: { PORT: '9999' } }, sources: { port: '--port' } });
    });

    it('--port on an app defaulting to 8080 sets PORT, so the container listens where EXPOSE says', () => {
      const result = cli([expressApp(), '--yes', '--dry-run', '--json', '--port', '3000']);
      expect(result.code).toBe(0);
      expect(dockerfileOf(result)).toMatch(/ENV PORT="3000"[\s\S]*EXPOSE 3000/);
    });

    it('refuses --port on an app whose port is fixed in its code, naming the line, and writes nothing', () => {
      const dir = appListening('app.listen(3000);');
      const result = cli([dir, '--yes', '--port', '9999']);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/--port 9999: the app listens on 3000, fixed at server\.js:4/);
      expect(result.stderr).toContain('docker run -p 9999:3000');
      expect(existsSync(join(dir, 'Dockerfile'))).toBe(false);
      const explained = cli([dir, '--yes', '--dry-run', '--explain']);
      expect(explained.stdout).toMatch(/set by fixed: fixed at server\.js:4/);
    });

    it('refuses at the prompt a port a fixed app cannot be told, and takes its own', async () => {
      const dir = appListening('app.listen(3000);');
      const term = session([dir]);
      await term.answer(/Package manager/, '\r');
      await term.answer(/Runtime version/, '\r');
      // (Long prompts wrap, so words may be split by a line break.)
      await term.answer(/Port the app listens on[\s\S]*fixed\s+at\s+server\.js:4/, '\x7f\x7f\x7f\x7f9999\r');
      await term.answer(/Port 9999:\s+the\s+app\s+listens\s+on\s+3000,\s+fixed\s+at\s+server\.js:4/, '\x7f\x7f\x7f\x7f3000\r');
      await term.answer(/Start command/, '\r');
      await term.answer(/Final base image/, '\r');
      expect(await term.exit).toBe(0);
      expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toContain('EXPOSE 3000');
    }, 40_000);

    it('--main takes the port of the program chosen, not of another program a deploy file names', () => {
      const dir = mkdtempSync(join(tmpdir(), 'slim-cli-go-'));
      cpSync(join(ROOT, 'test', 'fixtures', 'go-multi-main'), dir, { recursive: true });
      writeFileSync(join(dir, 'compose.yaml'), 'services:\n  api:\n    build: .\n    ports: ["9000:9000"]\n  worker:\n    build: .\n');
      const worker = cli([dir, '--yes', '--dry-run', '--json', '--main', './cmd/worker']);
      expect(worker.code).toBe(0);
      expect(JSON.parse(worker.stdout)).toMatchObject({ port: null });
      expect(dockerfileOf(worker)).not.toContain('EXPOSE');
      expect(worker.stderr).toMatch(/several programs.*pass --port 9000/);
      const api = cli([dir, '--yes', '--dry-run', '--json', '--main', './cmd/api']);
      expect(JSON.parse(api.stdout)).toMatchObject({ port: 9000, portSetting: { by: 'fixed' } });
    });
  });
});

/** The built CLI in a pseudo-terminal (test/terminal.ts), answered prompt by prompt. */
function session(args: string[]) {
  const term = terminal([process.execPath, BIN, ...args].join(' '));
  return {
    exit: term.closed,
    /** Waits for the prompt, then types the keys. */
    answer: async (prompt: RegExp, keys: string) => {
      await term.waitFor(prompt);
      term.clear();
      term.type(keys);
    },
  };
}
