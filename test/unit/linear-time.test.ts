// Issue 13, time and memory: the scanners, globs and bounded expansions that replaced backtracking
// patterns, unbounded recursion and quadratic loops. These tests check behaviour only (what is
// found, which error is raised) on ordinary input and on the hostile shapes; how long the hostile
// sizes take is measured by scripts/hostile-size.mjs, not asserted here.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandBraces, globFolders, GlobLimitError, matchSegment, MAX_GLOB_ALTERNATIVES, parseGlob, type FolderTree } from '../../src/detect/glob.js';
import { between, removeBlockComments, removeDelimited, stripSlashComments, trimTrailing } from '../../src/detect/scan.js';
import { UserError } from '../../src/errors.js';
import { goFileInfo, goPort } from '../../src/ecosystems/go/sources.js';
import { readMaven } from '../../src/ecosystems/java/maven.js';
import { findMainClasses } from '../../src/ecosystems/java/sources.js';
import { detectPort } from '../../src/ecosystems/node/port.js';
import { readWorkspaceLayout } from '../../src/ecosystems/node/workspaces.js';
import { readUvLock } from '../../src/ecosystems/python/lockfiles.js';
import { readRequirements } from '../../src/ecosystems/python/requirements.js';
import { reachableCrates } from '../../src/ecosystems/rust/cargo.js';
import { rustPort } from '../../src/ecosystems/rust/port.js';
import { Project } from '../../src/project.js';
import { unifiedDiff } from '../../src/write/write.js';

function project(files: Record<string, string | object>): Project {
  const root = mkdtempSync(join(tmpdir(), 'slim-linear-'));
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return new Project(root);
}

/** A folder tree in memory for globFolders. */
function tree(paths: string[]): FolderTree {
  const dirs = new Set<string>(['.']);
  for (const path of paths) {
    const parts = path.split('/');
    for (let i = 1; i <= parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
  }
  return {
    isDir: (dir) => dirs.has(dir),
    children: (dir) => [...dirs].filter((d) => d !== '.' && (dir === '.' ? !d.includes('/') : d.startsWith(`${dir}/`) && !d.slice(dir.length + 1).includes('/'))).map((d) => d.split('/').pop()!),
  };
}

const matches = (glob: string, name: string) => parseGlob(glob).alternatives.some((segments) => segments.length === 1 && matchSegment(segments[0]!, name));

describe('folder globs without regular expressions', () => {
  it('matches *, ?, classes and escapes within one segment', () => {
    expect(matches('api-*', 'api-gateway')).toBe(true);
    expect(matches('api-*', 'web')).toBe(false);
    expect(matches('a?c', 'abc')).toBe(true);
    expect(matches('a?c', 'ac')).toBe(false);
    expect(matches('[ab]pp', 'bpp')).toBe(true);
    expect(matches('[a-c]pp', 'dpp')).toBe(false);
    expect(matches('[!a]pp', 'app')).toBe(false);
    expect(matches('[^a]pp', 'bpp')).toBe(true);
    expect(matches('\\*x', '*x')).toBe(true);
    expect(matches('\\*x', 'ax')).toBe(false);
    expect(matches('*-svc-*', 'a-svc-b')).toBe(true);
    expect(matches('*.*.*', 'a.b')).toBe(false);
  });

  it('refuses an unclosed [ (as Cargo does; npm and pnpm would match nothing) and keeps an unclosed { literal', () => {
    for (const pattern of ['[', 'a[b', '[!']) expect(() => matches(pattern, pattern), pattern).toThrow(/unclosed "\["/);
    expect(expandBraces('apps/{a,{b')).toEqual(['apps/{a,{b']);
  });

  it('expands braces, nested too, and a comma-less brace stays literal', () => {
    expect(expandBraces('{apps,packages}/*').sort()).toEqual(['apps/*', 'packages/*']);
    expect(new Set(expandBraces('{a,{b,c}}'))).toEqual(new Set(['a', 'b', 'c']));
    expect(expandBraces('{x}')).toEqual(['{x}']);
    expect(expandBraces('{x{a,b}}').sort()).toEqual(['{xa}', '{xb}']);
  });

  it('answers hostile shapes right: many stars, hundreds of **, braces that multiply', () => {
    const stars = `${'*a'.repeat(40)}*b`;
    expect(matches(stars, 'a'.repeat(250))).toBe(false);
    expect(matches(stars, `${'a'.repeat(60)}b`)).toBe(true);
    expect(matches(stars, `${'a'.repeat(39)}b`)).toBe(false);
    const deep = parseGlob(`${'**/'.repeat(300)}x`);
    expect(deep.alternatives[0]).toHaveLength(2); // the ** are folded into one
    expect(globFolders(deep, tree(['a/b/x', 'x', 'a/y']), 4)).toEqual(['a/b/x', 'x']);
    const alternating = parseGlob(`${'**/a/'.repeat(40)}x`);
    expect(globFolders(alternating, tree(['a/a/x', 'a/x']), 8)).toEqual([]);
    expect(() => parseGlob('{a,b}'.repeat(9))).toThrow(GlobLimitError);
    expect(() => parseGlob(`{${Array.from({ length: MAX_GLOB_ALTERNATIVES + 1 }, (_, i) => i).join(',')}}`)).toThrow(GlobLimitError);
    expect(() => parseGlob('a'.repeat(5000))).toThrow(/characters long/);
  });

  it('walks ** to any depth within the limit and literal segments without listing', () => {
    const t = tree(['apps/api', 'apps/web', 'packages/ui', 'packages/tools/lint', 'deep/a/b/c/d']);
    expect(globFolders(parseGlob('apps/*'), t, 4)).toEqual(['apps/api', 'apps/web']);
    expect(globFolders(parseGlob('packages/**'), t, 4)).toEqual(['packages', 'packages/tools', 'packages/tools/lint', 'packages/ui']);
    expect(globFolders(parseGlob('./apps/api/'), t, 4)).toEqual(['apps/api']);
    expect(globFolders(parseGlob('deep/**/d'), t, 4)).toEqual([]);
    expect(globFolders(parseGlob('deep/**/d'), t, 5)).toEqual(['deep/a/b/c/d']);
    expect(globFolders(parseGlob('../x'), t, 4)).toEqual([]);
  });

  it('workspace layouts: an unclosed [ and a brace bomb are user errors naming the file', () => {
    const bracket = project({ 'package.json': { workspaces: ['apps/['] }, 'apps/[/package.json': { name: 'bracket' } });
    expect(() => readWorkspaceLayout(bracket)).toThrow(/package\.json "workspaces" has a glob that has an unclosed "\["/);
    const dir = project({
      'package.json': { workspaces: [`apps/${'*a'.repeat(30)}*b`, '{apps,libs}/ok'] },
      [`apps/${'a'.repeat(100)}b/package.json`]: { name: 'many-a' },
      'libs/ok/package.json': { name: 'ok' },
    });
    expect(readWorkspaceLayout(dir)?.packages().map((p) => p.name)).toEqual(['many-a', 'ok']);
    const bomb = project({ 'package.json': { workspaces: ['{a,b}'.repeat(12)] } });
    expect(() => readWorkspaceLayout(bomb)).toThrow(UserError);
    expect(() => readWorkspaceLayout(bomb)).toThrow(/package\.json "workspaces" has a glob that expands to more than 256 patterns/);
  });
});

describe('comment and delimiter scanners', () => {
  it('removes closed spans and leaves an unclosed opener as text', () => {
    expect(removeBlockComments('a /* x */ b /* y */ c')).toBe('a   b   c');
    expect(removeBlockComments('a /* x */ b /* never closed', '')).toBe('a  b /* never closed');
    expect(removeDelimited('<!-- a --><m/><!-- b', '<!--', '-->', '')).toBe('<m/><!-- b');
    expect(removeBlockComments('/* '.repeat(50_000))).toBe('/* '.repeat(50_000));
  });

  it('strips line and block comments but keeps strings, raw strings and unclosed quotes', () => {
    expect(stripSlashComments('x := "http://a" // c\ny := `/* raw */` /* b */ z')).toBe('x := "http://a" \ny := `/* raw */`   z');
    expect(stripSlashComments('a /* open')).toBe('a /* open');
    expect(stripSlashComments('"\\"\\"\\" // c\nnext')).toBe('"\\"\\"\\" // c\nnext'.replace(' // c', ' // c'));
    expect(stripSlashComments('u := "http://x" // c', false)).toBe('u := "http:');
    expect(stripSlashComments('`'.repeat(10) + '` // c')).toBe('`'.repeat(11) + ' ');
  });

  it('trims trailing characters and finds the first delimited block', () => {
    expect(trimTrailing('a/b///', '/')).toBe('a/b');
    expect(trimTrailing('////', '/')).toBe('');
    expect(between('x<modules><module>a</module></modules>', '<modules>', '</modules>')).toBe('<module>a</module>');
    expect(between('<modules>'.repeat(1000), '<modules>', '</modules>')).toBeNull();
  });
});

describe('Go sources: imports and package clauses over blank lines', () => {
  it('finds imports and main after long runs of blank and whitespace lines', () => {
    const blank = ' \n\t\n\n'.repeat(20_000);
    const info = goFileInfo(`${blank}package main\n${blank}import (\n${blank}\t"net/http"\n\n\tdb "database/sql"\n${blank})\nimport "C"\n${blank}func main() {}\n`);
    expect(info.packageName).toBe('main');
    expect(info.imports).toEqual(['net/http', 'database/sql', 'C']);
    expect(info.hasMain).toBe(true);
  });

  it('keeps what the patterns found before: build constraints, commented imports, single imports', () => {
    const info = goFileInfo('//go:build ignore\n\npackage tools\n\n// import "fake"\n/* import (\n"gone"\n) */\nimport x "github.com/a/b"\n');
    expect(info).toMatchObject({ packageName: 'tools', imports: ['github.com/a/b'], ignored: true, hasMain: false });
  });

  it('reads an import block to the next ), once, however many blocks open inside it', () => {
    const info = goFileInfo(`package main\n${'import (\n"a"\n'.repeat(5_000)}func main() {}\n`);
    expect(info.packageName).toBe('main');
    expect(info.imports).toHaveLength(5_000);
    expect(new Set(info.imports)).toEqual(new Set(['a']));
    expect(info.hasMain).toBe(true);
    expect(goFileInfo(`package main\n${'import (\n"a"\n'.repeat(5_000)}`).imports).toEqual([]);
  });

  it('finds listen ports after an unclosed block comment', () => {
    expect(goPort('package main\n/* unclosed\nfunc main() { http.ListenAndServe(":8080", nil) }\n')?.port).toBe(8080);
    expect(goPort(`package main\n/* a */\n${'/*'.repeat(10_000)}\nfunc main() { http.ListenAndServe(":9090", nil) }\n`)?.port).toBe(9090);
  });
});

describe('Rust and Java sources', () => {
  it('Rust ports after comments, closed and not', () => {
    expect(rustPort('/* "0.0.0.0:1" */ fn main() { TcpListener::bind("0.0.0.0:8080") }')?.port).toBe(8080);
    expect(rustPort(`${'/*'.repeat(5_000)} fn main() { TcpListener::bind("0.0.0.0:8081") }`)?.port).toBe(8081);
  });

  it('Java main classes with their package after blank lines', () => {
    const p = project({ 'src/main/java/a/Main.java': `${' \n\n\t\n'.repeat(30_000)}package com.example;\npublic class Main { public static void main(String[] a) {} }\n` });
    expect(findMainClasses(p, ['src/main/java/a/Main.java'])).toEqual([{ className: 'com.example.Main', file: 'src/main/java/a/Main.java' }]);
  });
});

describe('Node ports over hostile code', () => {
  const port = (code: string, extra: Record<string, string> = {}) =>
    detectPort(project({ 'server.js': code, ...extra }), { rule: null, entry: 'server.js', commandPort: null, frameworkServer: false }).port.value;

  it('still finds every shape the patterns found', () => {
    expect(port('const { PORT = 4000 } = process.env;\napp.listen(PORT);')).toBe(4000);
    expect(port('const port = [args.port, process.env.PORT, 3001].find(Boolean);')).toBe(3001);
    expect(port('const PORT = toNumber(env.PORT) ?? 3002;')).toBe(3002);
    expect(port('PORT: Joi.number().default(3003),')).toBe(3003);
    expect(port("PORT: port({ default: 3004 }),")).toBe(3004);
    expect(port('server.listen({ host: "0.0.0.0", port: 3005 });')).toBe(3005);
    expect(port('app.listen(process.env.PORT || config.port);', {})).toBe(3000);
  });

  it('finds the port after a file of braces, brackets or PORT words that close nothing', () => {
    expect(port(`${'{'.repeat(50_000)}\nconst { PORT = 4100 } = process.env;\n`)).toBe(4100);
    expect(port(`${'[process.env.PORT '.repeat(3_000)}\n[process.env.PORT, 4101]\n`)).toBe(4101);
    expect(port(`${'{ PORT '.repeat(5_000)}\napp.listen(4102)\n`)).toBe(4102);
  });

  it('follows a config value at the shallowest nesting, counting braces once', () => {
    const config = `module.exports = { db: { port: 5432 }, port: 4200, ${'x: { port: 1 }, '.repeat(2_000)} };`;
    expect(port("const config = require('./config');\napp.listen(process.env.PORT || config.port);", { 'config.js': config })).toBe(4200);
  });

  it('gives up on a fallback chain longer than sixteen items (a documented cut-off)', () => {
    expect(port(`app.listen(process.env.PORT || a || 4300);`)).toBe(4300);
    expect(port(`app.listen(process.env.PORT${' || a'.repeat(20)} || 4301);`)).not.toBe(4301);
  });
});

describe('Maven properties: bounded expansion', () => {
  const pom = (properties: string, extra = '') =>
    project({ 'pom.xml': `<project><groupId>g</groupId><artifactId>app</artifactId><version>1.0</version><properties>${properties}</properties>${extra}</project>` });

  it('resolves chains and repeated references, and leaves cycles and unknowns unresolved', () => {
    expect(readMaven(pom('<java.version>${v}</java.version><v>${w}</v><w>21</w>')).javaVersion?.value).toBe('21');
    expect(readMaven(pom('<n>${project.artifactId}-${x}</n><x>y</x>', '<build><finalName>${n}${n}</finalName></build>')).jarBase).toBe('app-yapp-y');
    expect(readMaven(pom('<a>${b}</a><b>${a}</b>', '<build><finalName>${a}</finalName></build>')).jarBase).toBeNull();
    expect(readMaven(pom('', '<build><finalName>${nope}</finalName></build>')).jarBase).toBeNull();
    expect(readMaven(pom('<a>${b</a>', '<build><finalName>x${a}</finalName></build>')).jarBase).toBe('x${b');
  });

  it('refuses a property bomb with one paragraph naming pom.xml and the property', () => {
    const levels = Array.from({ length: 40 }, (_, i) => `<p${i}>${`\${p${i + 1}}`.repeat(8)}</p${i}>`).join('');
    const bomb = pom(`${levels}<p40>x</p40>`, '<build><finalName>${p0}</finalName></build>');
    expect(() => readMaven(bomb)).toThrow(UserError);
    expect(() => readMaven(bomb)).toThrow(/^pom\.xml property p\d+ expands to more than 4096 characters: .*fix the <properties> and run again\.$/);
  });

  it('refuses a chain deeper than 64 properties, and resolves one of 60', () => {
    const chain = (n: number) => Array.from({ length: n }, (_, i) => `<c${i}>\${c${i + 1}}</c${i}>`).join('') + `<c${n}>17</c${n}>`;
    expect(readMaven(pom(`${chain(60)}<java.version>\${c0}</java.version>`)).javaVersion?.value).toBe('17');
    expect(() => readMaven(pom(`${chain(100)}<java.version>\${c0}</java.version>`))).toThrow(/reached through more than 64 other properties/);
  });

  it('a pom nested past the parser limit is a user error, not an internal one', () => {
    const deep = project({ 'pom.xml': `<project><a>${'<b>'.repeat(20_000)}${'</b>'.repeat(20_000)}</a></project>` });
    expect(() => readMaven(deep)).toThrow(UserError);
  });
});

describe('pip -r includes walked without recursion', () => {
  it('follows 5,000 chained includes in pip order', () => {
    const files: Record<string, string> = { 'requirements.txt': 'first\n-r r1.txt\nlast\n' };
    for (let i = 1; i <= 5_000; i++) files[`r${i}.txt`] = i < 5_000 ? `p${i}\n-r r${i + 1}.txt\n` : 'deepest\n';
    const result = readRequirements(project(files), 'requirements.txt');
    expect(result.files).toHaveLength(5_001);
    const names = result.packages.map((p) => p.name);
    expect(names[0]).toBe('first');
    expect(names[1]).toBe('p1');
    expect(names[5_000]).toBe('deepest');
    expect(names[names.length - 1]).toBe('last');
  });

  it('stops at a cycle, reads each file once and keeps constraints as pins only', () => {
    const result = readRequirements(project({
      'requirements.txt': '-r a.txt\n-c pins.txt\nflask\n',
      'a.txt': '-r b.txt\nrequests\n',
      'b.txt': '-r a.txt\n-r requirements.txt\ngunicorn\n',
      'pins.txt': 'flask==3.1.0\nnot-installed==1\n',
    }), 'requirements.txt');
    expect(result.files).toEqual(['requirements.txt', 'a.txt', 'b.txt', 'pins.txt']);
    expect(result.packages.map((p) => [p.name, p.version])).toEqual([['gunicorn', null], ['requests', null], ['flask', '3.1.0']]);
  });

  it('names the including file when an include is missing', () => {
    expect(() => readRequirements(project({ 'requirements.txt': '-r r1.txt\n', 'r1.txt': '-r gone.txt\n' }), 'requirements.txt')).toThrow(/^r1\.txt includes gone\.txt, which does not exist/);
  });
});

describe('lockfile graphs walked with a read index', () => {
  it('uv.lock: every reachable package of a long chain, extras followed once', () => {
    const n = 3_000;
    const packages = Array.from({ length: n }, (_, i) => `[[package]]\nname = "p${i}"\nversion = "1.0"\ndependencies = [{ name = "p${i + 1}" }, { name = "p${(i * 7) % n}", extra = ["x"] }]\n`).join('\n');
    const lock = project({ 'uv.lock': `version = 1\n\n[[package]]\nname = "app"\nversion = "0.1"\nsource = { virtual = "." }\ndependencies = [{ name = "p0" }]\n\n${packages}` });
    const result = readUvLock(lock);
    expect(result.packages).toHaveLength(n);
    expect(result.packages[0]?.name).toBe('p0');
  });

  it('Cargo.lock: crates reachable through a long chain and several versions of one name', () => {
    const lock = Array.from({ length: 5_000 }, (_, i) => ({ name: `c${i}`, version: '1.0.0', dependencies: [`c${i + 1}`] }));
    lock.push({ name: 'c1', version: '2.0.0', dependencies: ['extra'] }, { name: 'extra', version: '1.0.0', dependencies: [] });
    const reached = reachableCrates(lock as never, 'c0');
    expect(reached.size).toBe(5_001);
    expect(reached.has('extra')).toBe(true);
  });
});

describe('--check diffs', () => {
  it('small files: the same hunks as before', () => {
    expect(unifiedDiff('Dockerfile', 'a\nb\nc\n', 'a\nB\nc\n')).toBe('--- Dockerfile (on disk)\n+++ Dockerfile (generated)\n@@ line 1 @@\n a\n+B\n-b\n c\n ');
    expect(unifiedDiff('Dockerfile', 'x\na\nb\n', 'a\nb\ny\n')).toBe('--- Dockerfile (on disk)\n+++ Dockerfile (generated)\n@@ line 1 @@\n-x\n a\n b\n+y\n ');
  });

  it('a huge file on disk: removed then added past the table limit, and at most 400 lines shown', () => {
    const onDisk = Array.from({ length: 100_000 }, (_, i) => `RUN echo ${i}`).join('\n');
    const diff = unifiedDiff('Dockerfile', onDisk, 'FROM scratch\nCMD ["/app"]\n');
    const lines = diff.split('\n');
    expect(lines.length).toBeLessThanOrEqual(401);
    expect(lines[lines.length - 1]).toMatch(/^@@ \d+ more lines of difference not shown @@$/);
    expect(lines).toContain('-RUN echo 0');
  });

  it('a 5 MB line is shown cut', () => {
    const diff = unifiedDiff('Dockerfile', `# ${'x'.repeat(5_000_000)}`, 'FROM scratch');
    expect(diff.length).toBeLessThan(1_000);
    expect(diff).toMatch(/… \(4999703 more characters\)/);
  });
});
