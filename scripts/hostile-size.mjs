#!/usr/bin/env node
// Hostile sizes: every class of input that once cost super-linear time or unbounded memory
// (issue 13), generated at sizes an attacker would pick, run through the built CLI one at a time.
// Prints one line per case (name, wall-clock and CPU seconds, peak resident memory, exit code) and a summary; exits
// 1 when a case takes 2 s or more, peaks at 300 MB or more, or ends in anything but a plain
// success or a user error (exit 0 or 1, no "internal error", no stack trace).
//
//   npm run hostile-size                      # build, then every case
//   node scripts/hostile-size.mjs --only glob # cases whose name contains "glob" (after a build)
//   node scripts/hostile-size.mjs --keep      # leave the generated projects in the temp folder
//   node scripts/hostile-size.mjs --judge cpu # judge CPU seconds (user + system), not wall-clock:
//                                             # on a machine shared with other work, wall-clock
//                                             # measures the neighbours too
//
// A script, not a unit test: timings depend on the machine, so they are measured and printed here
// and the unit tests check only behaviour (what is found, which error is raised). Peak memory comes
// from GNU time (`/usr/bin/time -f %M`, the child's maximum resident set); without it, from
// polling /proc/<pid>/status VmHWM. Plain Node ESM, no dependencies.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'bin', 'create-slim-image.cjs');
const LIMIT_SECONDS = 2;
const LIMIT_MB = 300;
/** A case still running after this is killed and reported as over the limit. */
const KILL_AFTER_MS = 30_000;
const GNU_TIME = '/usr/bin/time';

// ---------------------------------------------------------------------------------------------
// Generators

/** Writes files (path -> text) under dir, creating folders. */
function put(dir, files) {
  for (const [path, text] of Object.entries(files)) {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
}

const json = (value) => JSON.stringify(value, null, 2);
const repeat = (n, f) => Array.from({ length: n }, (_, i) => f(i)).join('');
const nodeApp = (extra = {}) => ({
  'package.json': json({ name: 'app', version: '1.0.0', scripts: { start: 'node server.js' }, dependencies: { express: '^4.21.2' }, ...extra }),
  'server.js': "const app = require('express')();\napp.listen(process.env.PORT || 3000);\n",
});
const goApp = (main = 'package main\n\nimport "net/http"\n\nfunc main() { http.ListenAndServe(":8080", nil) }\n') => ({
  'go.mod': 'module example.com/app\n\ngo 1.24\n',
  'main.go': main,
});
const pom = (inner) => `<?xml version="1.0"?>\n<project>\n  <modelVersion>4.0.0</modelVersion>\n  <groupId>com.example</groupId>\n  <artifactId>app</artifactId>\n  <version>1.0</version>\n${inner}\n</project>\n`;
const cargoApp = (extra = '') => ({
  'Cargo.toml': `[package]\nname = "app"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\n${extra}`,
  'src/main.rs': 'use std::net::TcpListener;\nfn main() { let _l = TcpListener::bind("0.0.0.0:8080").unwrap(); }\n',
});
const pyApp = (extra = {}) => ({
  'main.py': 'from fastapi import FastAPI\napp = FastAPI()\n',
  ...extra,
});

/** A blank-line-heavy body: many empty and whitespace-only lines, nothing that closes a pattern. */
const BLANKS = (bytes) => ' \n\t\n\n'.repeat(Math.ceil(bytes / 5));

/** Each case: a name, the files, extra CLI arguments, an optional step after the first run. */
const CASES = [
  // Node: manifests and lockfiles
  { name: 'node: package.json with 200,000 dependencies', files: () => nodeApp({ dependencies: Object.fromEntries(Array.from({ length: 200_000 }, (_, i) => [`dep-${i}`, `^1.${i}.0`])) }) },
  {
    name: 'node: package-lock.json with 100,000 packages',
    files: () => ({
      ...nodeApp(),
      'package-lock.json': json({ name: 'app', lockfileVersion: 3, packages: { '': { name: 'app', dependencies: { express: '^4.21.2' } }, ...Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`node_modules/p${i}`, { version: '1.0.0', resolved: `https://registry.npmjs.org/p${i}/-/p${i}-1.0.0.tgz`, integrity: 'sha512-x' }])) } }),
    }),
  },
  {
    name: 'node: pnpm-lock.yaml with 50,000 packages',
    files: () => ({
      ...nodeApp(),
      'pnpm-lock.yaml': `lockfileVersion: '9.0'\n\nimporters:\n\n  .:\n    dependencies:\n      express:\n        specifier: ^4.21.2\n        version: 4.21.2\n\npackages:\n\n${repeat(50_000, (i) => `  p${i}@1.0.0:\n    resolution: {integrity: sha512-x}\n\n`)}snapshots:\n\n${repeat(50_000, (i) => `  p${i}@1.0.0:\n    dependencies:\n      p${i + 1}: 1.0.0\n\n`)}`,
    }),
  },
  {
    name: 'node: yarn.lock (classic) with 100,000 entries',
    files: () => ({ ...nodeApp(), 'yarn.lock': `# yarn lockfile v1\n\n${repeat(100_000, (i) => `"p${i}@^1.0.0":\n  version "1.0.0"\n  resolved "https://registry.yarnpkg.com/p${i}/-/p${i}-1.0.0.tgz"\n  dependencies:\n    p${i + 1} "^1.0.0"\n\n`)}` }),
  },
  { name: 'node: package.json nested 100,000 deep', files: () => ({ ...nodeApp(), 'package.json': `{"name":"app","scripts":{"start":"node server.js"},"x":${'['.repeat(100_000)}${']'.repeat(100_000)}}` }) },
    // Node sources are read up to 256 KB (src/ecosystems/node/sources.ts): each case stays under it.
  { name: 'node: server.js of 250 KB braces (port patterns)', files: () => ({ ...nodeApp(), 'server.js': `${'{'.repeat(250_000)}\n` }) },
  { name: 'node: server.js of braces with PORT inside', files: () => ({ ...nodeApp(), 'server.js': `${'{ PORT '.repeat(35_000)}\n` }) },
  { name: 'node: server.js of brackets and process.env', files: () => ({ ...nodeApp(), 'server.js': `${'[process.env.PORT '.repeat(13_000)}\n` }) },
  { name: 'node: server.js of PORT chains', files: () => ({ ...nodeApp(), 'server.js': `process.env.PORT${' || a'.repeat(40_000)}\n` }) },
  { name: 'node: server.js of PORT: settings', files: () => ({ ...nodeApp(), 'server.js': `${'PORT: x '.repeat(15_000)}\n${'PORT = x '.repeat(13_000)}\n${'server({ port: '.repeat(8_000)}\n` }) },
  { name: 'node: config module of nested port: values', files: () => ({ ...nodeApp(), 'server.js': "const config = require('./config');\napp.listen(process.env.PORT || config.port);\n", 'config.js': `module.exports = ${'{ port: 1, '.repeat(20_000)}\n` }) },
  { name: 'node: server.js one 5 MB line', files: () => ({ ...nodeApp(), 'server.js': `const s = "${'a'.repeat(5_000_000)}";\napp.listen(3000);\n` }) },
  { name: 'node: server.js of blank lines and requires', files: () => ({ ...nodeApp(), 'server.js': `${BLANKS(150_000)}${"require('".repeat(10_000)}${"import x from '".repeat(5_000)}\n` }) },
  { name: 'node: 20,000 source files', files: () => ({ ...nodeApp(), ...Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`src/d${i % 100}/f${i}.js`, `module.exports = ${i};\n`])) }) },
  // Node workspaces: globs from the project
  {
    name: 'node: workspace glob apps/*a*a*...*b (40 stars)',
    files: () => ({ 'package.json': json({ name: 'root', private: true, workspaces: [`apps/${'*a'.repeat(40)}*b`] }), ...Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`apps/${'a'.repeat(200)}${i}/package.json`, json({ name: `a${i}` })])) }),
  },
  {
    name: 'node: workspace glob with 500 ** segments',
    files: () => ({ 'package.json': json({ name: 'root', private: true, workspaces: [`${'**/'.repeat(500)}x`] }), ...Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`a${i}/b/c/d/package.json`, json({ name: `p${i}` })])) }),
  },
  { name: 'node: workspace globs [ and {a,{b', files: () => ({ 'package.json': json({ name: 'root', private: true, workspaces: ['apps/[', 'apps/{a,{b', 'apps/[!', 'apps/\\'] }), 'apps/a/package.json': json({ name: 'a', scripts: { start: 'node i.js' } }) }) },
  { name: 'node: pnpm-workspace.yaml with 10,000 globs', files: () => ({ 'package.json': json({ name: 'root', private: true }), 'pnpm-workspace.yaml': `packages:\n${repeat(10_000, (i) => `  - 'apps/${'*'.repeat(i % 50)}x{a,b,c}${i}'\n`)}`, 'apps/a/package.json': json({ name: 'a' }) }) },
  { name: 'node: .npmrc of unclosed ${VAR:-', files: () => ({ ...nodeApp(), '.npmrc': `registry=https://r.example/\n//r.example/:_authToken=${'${A:-'.repeat(100_000)}\n` }) },
  // Python
  {
    name: 'python: 5,000 chained -r includes',
    files: () => ({ ...pyApp(), 'requirements.txt': '-r r1.txt\nfastapi\n', ...Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`r${i + 1}.txt`, i + 1 < 5_000 ? `-r r${i + 2}.txt\npkg${i}\n` : 'uvicorn\n'])) }),
  },
  { name: 'python: -r include cycle of 2,000 files', files: () => ({ ...pyApp(), 'requirements.txt': '-r r0.txt\nfastapi\n', ...Object.fromEntries(Array.from({ length: 2_000 }, (_, i) => [`r${i}.txt`, `-r r${(i + 1) % 2_000}.txt\n-c r${(i * 7) % 2_000}.txt\npkg${i}\n`])) }) },
  { name: 'python: requirements.txt of 200,000 lines', files: () => ({ ...pyApp(), 'requirements.txt': `fastapi\n${repeat(200_000, (i) => `pkg${i}[a,b] >= 1.0 ; python_version >= "3.8"  # c\n`)}` }) },
  {
    name: 'python: uv.lock with 30,000 packages',
    files: () => ({
      ...pyApp(),
      'pyproject.toml': '[project]\nname = "app"\nversion = "0.1.0"\nrequires-python = ">=3.11"\ndependencies = ["fastapi"]\n',
      'uv.lock': `version = 1\nrequires-python = ">=3.11"\n\n[[package]]\nname = "app"\nversion = "0.1.0"\nsource = { virtual = "." }\ndependencies = [${repeat(30_000, (i) => `{ name = "p${i}" }, `)}]\n\n${repeat(30_000, (i) => `[[package]]\nname = "p${i}"\nversion = "1.0.0"\nsource = { registry = "https://pypi.org/simple" }\ndependencies = [{ name = "p${(i + 1) % 30_000}" }, { name = "p${(i * 3) % 30_000}", extra = ["x"] }]\nwheels = [{ url = "https://files/p${i}-1.0.0-py3-none-any.whl" }]\n\n`)}`,
    }),
  },
  {
    name: 'python: poetry.lock with 30,000 packages',
    files: () => ({
      ...pyApp(),
      'pyproject.toml': '[tool.poetry]\nname = "app"\nversion = "0.1.0"\n\n[tool.poetry.dependencies]\npython = "^3.11"\nfastapi = "*"\n',
      'poetry.lock': `${repeat(30_000, (i) => `[[package]]\nname = "p${i}"\nversion = "1.0.0"\noptional = false\npython-versions = ">=3.8"\ngroups = ["main"]\nfiles = [{ file = "p${i}-1.0.0-py3-none-any.whl", hash = "sha256:x" }]\n\n`)}[metadata]\nlock-version = "2.1"\npython-versions = "^3.11"\n`,
    }),
  },
  { name: 'python: poetry constraint of spaces', files: () => ({ ...pyApp(), 'pyproject.toml': `[tool.poetry]\nname = "app"\nversion = "0.1.0"\n\n[tool.poetry.dependencies]\npython = ">=3.11${' '.repeat(200_000)}x"\nfastapi = "*"\n` }) },
  { name: 'python: pyproject.toml nested 20,000 deep', files: () => ({ ...pyApp(), 'pyproject.toml': `[project]\nname = "app"\nversion = "0.1"\nx = ${'['.repeat(20_000)}${']'.repeat(20_000)}\n` }) },
  { name: 'python: main.py of blank lines and app =', files: () => ({ 'requirements.txt': 'fastapi\n', 'main.py': `${BLANKS(300_000)}${'app = '.repeat(40_000)}\n${'\n'.repeat(100_000)}app = FastAPI(\n` }) },
  // Go
  { name: 'go: main.go of 1 MB blank lines', files: () => goApp(`package main\n${BLANKS(1_000_000)}import (\n${BLANKS(200_000)}\n${'\n'.repeat(200_000)}func main() {}\n`) },
  { name: 'go: main.go of unclosed import ( blocks', files: () => goApp(`package main\n${'import (\n"a"\n'.repeat(60_000)}func main() {}\n`) },
  { name: 'go: main.go of whitespace before package', files: () => goApp(`${BLANKS(1_000_000)}package main\nfunc main() {}\n`) },
  { name: 'go: go.sum of 300,000 lines', files: () => ({ ...goApp(), 'go.mod': `module example.com/app\n\ngo 1.24\n\nrequire (\n${repeat(20_000, (i) => `\tgithub.com/x/m${i} v1.0.0\n`)})\n`, 'go.sum': repeat(300_000, (i) => `github.com/x/m${i} v1.0.0 h1:abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG=\n`) }) },
  { name: 'go: port defaults over 1 MB of := and names', files: () => goApp(`package main\n\nfunc main() {\n${'port := port := '.repeat(30_000)}\n${'Getenv("PORT") , '.repeat(20_000)}\n${'.String( "port" , '.repeat(20_000)}\n}\n`) },
  // Java
  { name: 'java: Main.java of 1 MB blank lines', files: () => ({ 'pom.xml': pom(''), 'src/main/java/Main.java': `${BLANKS(1_000_000)}package a;\npublic class Main { public static void main(String[] a) {} }\n` }) },
  {
    name: 'java: pom.xml property bomb (2.3 KB)',
    files: () => ({ 'pom.xml': pom(`  <properties>\n${repeat(40, (i) => `    <p${i}>${`\${p${i + 1}}`.repeat(8)}</p${i}>\n`)}    <p40>x</p40>\n    <java.version>\${p0}</java.version>\n  </properties>\n  <build><finalName>\${p0}</finalName></build>`), 'src/main/java/Main.java': 'public class Main { public static void main(String[] a) {} }\n' }),
  },
  { name: 'java: pom.xml property cycle', files: () => ({ 'pom.xml': pom(`  <properties>\n${repeat(1_000, (i) => `    <p${i}>\${p${(i + 1) % 1_000}}\${p${(i + 7) % 1_000}}</p${i}>\n`)}    <java.version>\${p0}</java.version>\n  </properties>\n  <build><finalName>\${p0}</finalName></build>`), 'src/main/java/Main.java': 'public class Main { public static void main(String[] a) {} }\n' }) },
  { name: 'java: pom.xml nested 50,000 deep', files: () => ({ 'pom.xml': pom(`${'<a>'.repeat(50_000)}${'</a>'.repeat(50_000)}`), 'src/main/java/Main.java': 'public class Main { public static void main(String[] a) {} }\n' }) },
  { name: 'java: build.gradle of blank lines and calls', files: () => ({ 'build.gradle': `plugins { id 'java' }\n${BLANKS(500_000)}${"implementation ( '".repeat(30_000)}\n${'sourceCompatibility = '.repeat(30_000)}\n`, 'src/main/java/Main.java': 'public class Main { public static void main(String[] a) {} }\n' }) },
  { name: 'java: application.properties of backslashes and spaces', files: () => ({ 'pom.xml': pom(''), 'src/main/java/Main.java': 'public class Main { public static void main(String[] a) {} }\n', 'src/main/resources/application.properties': `server.port${'\\'.repeat(100_000)}${' '.repeat(100_000)}x\n${'\\\\'.repeat(50_000)}\n` }) },
  { name: 'java: .sdkmanrc and .tool-versions of blank lines', files: () => ({ 'pom.xml': pom(''), 'src/main/java/Main.java': 'public class Main { public static void main(String[] a) {} }\n', '.sdkmanrc': `${BLANKS(500_000)}javax\n`, '.tool-versions': `${BLANKS(500_000)}javax\n` }) },
  // Rust
  { name: 'rust: Cargo.lock with 50,000 packages', files: () => ({ ...cargoApp(), 'Cargo.lock': `version = 3\n\n[[package]]\nname = "app"\nversion = "0.1.0"\ndependencies = [${repeat(50_000, (i) => `"c${i}", `)}]\n\n${repeat(50_000, (i) => `[[package]]\nname = "c${i}"\nversion = "1.0.0"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\ndependencies = ["c${(i + 1) % 50_000}"]\n\n`)}` }) },
  { name: 'rust: workspace members glob *a*a*...*b', files: () => ({ 'Cargo.toml': `[workspace]\nmembers = ["crates/${'*a'.repeat(40)}*b", "${'**/'.repeat(300)}x", "crates/["]\n`, ...Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`crates/${'a'.repeat(200)}${i}/Cargo.toml`, `[package]\nname = "c${i}"\nversion = "0.1.0"\n`])), [`crates/${'a'.repeat(200)}0/src/main.rs`]: 'fn main() {}\n' }) },
  { name: 'rust: main.rs of blank lines and bind(', files: () => ({ ...cargoApp(), 'src/main.rs': `${BLANKS(500_000)}${'bind( & '.repeat(50_000)}\nfn main() {}\n` }) },
  // --check
  {
    name: '--check against a 5 MB Dockerfile',
    files: () => ({ ...nodeApp(), 'package-lock.json': json({ name: 'app', lockfileVersion: 3, packages: { '': { name: 'app' } } }) }),
    prepare: (dir) => writeFileSync(join(dir, 'Dockerfile'), repeat(100_000, (i) => `RUN echo line ${i} of a hand-written Dockerfile\n`)),
    args: ['--check'],
  },
  {
    name: '--check against a 5 MB one-line Dockerfile',
    files: () => ({ ...nodeApp(), 'package-lock.json': json({ name: 'app', lockfileVersion: 3, packages: { '': { name: 'app' } } }) }),
    prepare: (dir) => writeFileSync(join(dir, 'Dockerfile'), `# ${'x'.repeat(5_000_000)}\n`),
    args: ['--check'],
  },
];

// ---------------------------------------------------------------------------------------------
// Running

/** Runs the CLI on dir; resolves with seconds, peak MB, exit code and stderr. */
function run(dir, args) {
  const useTime = existsSync(GNU_TIME);
  const argv = [CLI, dir, '--yes', ...args];
  const [command, commandArgs] = useTime ? [GNU_TIME, ['-f', '%M %U %S', process.execPath, ...argv]] : [process.execPath, argv];
  return new Promise((done) => {
    const started = process.hrtime.bigint();
    // Its own process group, so a kill reaches the CLI under GNU time too.
    const child = spawn(command, commandArgs, { detached: true, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, CI: '1', NO_COLOR: '1' } });
    let stderr = '';
    let peakKb = 0;
    let cpu = null;
    // The first 64 KB (the message) and the last 4 KB (GNU time's number) of what it prints.
    let tail = '';
    child.stderr.on('data', (chunk) => {
      if (stderr.length < 65_536) stderr += chunk;
      tail = (tail + chunk).slice(-4096);
    });
    // Without GNU time, poll the child's high-water mark.
    const poll = useTime
      ? null
      : setInterval(() => {
          try {
            const hwm = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
            if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]));
          } catch {
            // gone
          }
        }, 20);
    const timer = setTimeout(() => process.kill(-child.pid, 'SIGKILL'), KILL_AFTER_MS);
    child.on('close', (code, signal) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      clearTimeout(timer);
      if (poll) clearInterval(poll);
      let text = stderr;
      if (useTime) {
        // GNU time prints its number last; "Command exited with non-zero status N" may precede it.
        const numbers = /(\d+) ([\d.]+) ([\d.]+)\s*$/.exec(tail);
        peakKb = Number(numbers?.[1] ?? 0);
        cpu = Number(numbers?.[2] ?? 0) + Number(numbers?.[3] ?? 0);
        const lines = stderr.trimEnd().split('\n');
        if (/^\d+ [\d.]+ [\d.]+$/.test(lines[lines.length - 1] ?? '')) lines.pop();
        text = lines.filter((l) => !/^Command (exited with non-zero status|terminated by signal)/.test(l)).join('\n');
        const killed = /^Command terminated by signal (\d+)/m.exec(stderr);
        if (killed) signal = `signal ${killed[1]}`;
      }
      done({ seconds, cpu, mb: peakKb / 1024, code: signal ? signal : code, stderr: text });
    });
  });
}

function parseArgs(argv) {
  const options = { only: null, keep: false, judge: 'wall' };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--only') options.only = argv[++i];
    else if (argv[i] === '--keep') options.keep = true;
    else if (argv[i] === '--judge' && ['wall', 'cpu'].includes(argv[i + 1])) options.judge = argv[++i];
    else {
      process.stderr.write(`unknown argument ${argv[i]}; use --only <text>, --keep or --judge wall|cpu\n`);
      process.exit(2);
    }
  }
  return options;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (!existsSync(join(ROOT, 'dist', 'cli.cjs'))) {
    process.stderr.write('dist/cli.cjs is missing; run npm run build first (npm run hostile-size does).\n');
    process.exit(1);
  }
  const cases = CASES.filter((c) => options.only === null || c.name.includes(options.only));
  const base = mkdtempSync(join(tmpdir(), 'hostile-size-'));
  const width = Math.max(...cases.map((c) => c.name.length));
  process.stdout.write(`${'case'.padEnd(width)}     wall      cpu  peak MB  exit\n`);
  let failed = 0;
  let worstSeconds = 0;
  let worstMb = 0;
  for (const [index, c] of cases.entries()) {
    const dir = join(base, String(index));
    mkdirSync(dir);
    put(dir, c.files());
    // --check compares with what the tool generates; the case's own Dockerfile replaces it.
    if (c.prepare) c.prepare(dir);
    const result = await run(dir, c.args ?? ['--dry-run']);
    const internal = /internal error|\n\s+at .+:\d+:\d+\)?$/m.test(result.stderr);
    const judged = options.judge === 'cpu' && result.cpu !== null ? result.cpu : result.seconds;
    const ok = judged < LIMIT_SECONDS && result.mb < LIMIT_MB && (result.code === 0 || result.code === 1) && !internal;
    if (!ok) failed++;
    worstSeconds = Math.max(worstSeconds, judged);
    worstMb = Math.max(worstMb, result.mb);
    const note = ok ? '' : `  FAIL${internal ? ' (internal error)' : ''}: ${result.stderr.split('\n').find((l) => l.trim() !== '')?.slice(0, 160) ?? ''}`;
    const cpu = result.cpu === null ? '-' : result.cpu.toFixed(2);
    process.stdout.write(`${c.name.padEnd(width)}  ${result.seconds.toFixed(2).padStart(7)}  ${cpu.padStart(7)}  ${result.mb.toFixed(0).padStart(7)}  ${String(result.code).padStart(4)}${note}\n`);
    if (!options.keep) rmSync(dir, { recursive: true, force: true });
  }
  if (!options.keep) rmSync(base, { recursive: true, force: true });
  else process.stdout.write(`projects kept in ${base}\n`);
  // Every regex literal in src/ on inputs built from its own characters (scripts/regex-audit.mjs).
  let risky = 0;
  if (options.only === null) {
    const { auditRegexes } = await import('./regex-audit.mjs');
    risky = (await auditRegexes()).risky.length;
  }
  process.stdout.write(
    `${failed === 0 ? 'PASS' : 'FAIL'}: ${cases.length - failed} of ${cases.length} cases under ${LIMIT_SECONDS} s (${options.judge === 'cpu' ? 'CPU' : 'wall-clock'}) and ${LIMIT_MB} MB ` +
      `(slowest ${worstSeconds.toFixed(2)} s, largest ${worstMb.toFixed(0)} MB)\n`,
  );
  process.exit(failed === 0 && risky === 0 ? 0 : 1);
}

await main();
