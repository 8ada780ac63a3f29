// Hostile values in every manifest field that reaches a template, per ecosystem: each run either
// refuses with exit 1 and a message naming the file, or writes a Dockerfile whose instructions are
// exactly those of the same project with a benign value. Never a stack trace, never a written file.
import { describe, expect, it } from 'vitest';
import { expectInert, expectNoCrash, generate, HOSTILE, keywords, makeProject, moveDir, replace, snapshot, type Edit } from './safety-helpers.js';

interface Case {
  /** What the value is, for the test name. */
  field: string;
  fixture: string;
  /** The file the value lives in; a refusal must name it. */
  file: string | RegExp;
  /** A value the project could really hold there, for the reference run. */
  benign: string;
  edits: (value: string) => Record<string, Edit>;
  args?: string[] | ((value: string) => string[]);
  /** A port field: a value that is not a port is dropped with a warning (no EXPOSE), never written. */
  port?: boolean;
  /** Other benign values whose output a hostile value may equal (the value is ignored as unreadable). */
  alternates?: string[];
}

/** A folder name from a value: no slash, and short enough for the file system. */
const folder = (value: string) => value.replace(/\//g, '_').slice(0, 200);
const argsOf = (c: Case, value: string): string[] => (typeof c.args === 'function' ? c.args(value) : c.args ?? []);

/** TOML and JSON basic strings share their escapes (\n, \", \\, \uXXXX). */
const q = (value: string) => JSON.stringify(value);
/** XML text: markup characters escaped; line breaks stay raw, as XML text allows them. */
const xml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** A Groovy/Kotlin string literal's body, escaped the way both DSLs read it. */
const groovy = (value: string) => value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r');

const CASES: Case[] = [
  // ---- Python ----
  { field: 'pyproject [project] name', fixture: 'python-pep621-scripts', file: 'pyproject.toml', benign: 'notifier', edits: (v) => ({ 'pyproject.toml': replace('name = "notifier"', `name = ${q(v)}`) }) },
  { field: 'pyproject [project.scripts] name', fixture: 'python-pep621-scripts', file: 'pyproject.toml', benign: 'notify', edits: (v) => ({ 'pyproject.toml': replace('notifier = "notifier.cli:main"', `${q(v)} = "notifier.cli:main"`) }) },
  { field: 'pyproject [project.scripts] target', fixture: 'python-pep621-scripts', file: 'pyproject.toml', benign: 'notifier.cli:run', edits: (v) => ({ 'pyproject.toml': replace('notifier = "notifier.cli:main"', `notifier = ${q(v)}`) }) },
  { field: 'pyproject requires-python', fixture: 'python-pep621-scripts', file: 'pyproject.toml', benign: '>=3.12', edits: (v) => ({ 'pyproject.toml': replace('requires-python = ">=3.12,<3.15"', `requires-python = ${q(v)}`) }) },
  { field: 'poetry python constraint', fixture: 'python-django-poetry-psycopg2', file: 'pyproject.toml', benign: '^3.12', edits: (v) => ({ 'pyproject.toml': replace(/^python = .*$/m, `python = ${q(v)}`) }) },
  { field: '.python-version', fixture: 'python-fastapi-pip', file: '.python-version', benign: '3.13', edits: (v) => ({ '.python-version': `${v}\n` }) },
  { field: 'runtime.txt', fixture: 'python-fastapi-pip', file: 'runtime.txt', benign: 'python-3.13.1', edits: (v) => ({ '.python-version': null, 'runtime.txt': `${v}\n` }) },
  { field: 'requirements.txt line', fixture: 'python-fastapi-pip', file: 'requirements.txt', benign: 'httpx==0.28.1', edits: (v) => ({ 'requirements.txt': (old) => `${old}${v}\n` }) },
  // pip reads one word after -r, so the name is the value without white space.
  { field: 'requirements.txt -r include name', fixture: 'python-fastapi-pip', file: 'requirements.txt', benign: 'base.txt', edits: (v) => ({ 'requirements.txt': `-r ${folder(v).replace(/\s/g, '_')}\n`, [folder(v).replace(/\s/g, '_')]: 'fastapi==0.115.12\nuvicorn==0.34.2\n' }) },
  { field: 'Django settings module in manage.py', fixture: 'python-django-poetry-psycopg2', file: 'manage.py', benign: 'mysite.settings', alternates: ['not a module'], edits: (v) => ({ 'manage.py': replace('"mysite.settings"', q(v)) }) },
  { field: 'Django WSGI_APPLICATION', fixture: 'python-django-poetry-psycopg2', file: /settings\.py/, benign: 'mysite.wsgi.application', edits: (v) => ({ 'mysite/settings.py': (old) => `${old.replace(/^WSGI_APPLICATION.*$/m, '')}\nWSGI_APPLICATION = ${q(v)}\n` }) },
  { field: 'FastAPI app module folder name', fixture: 'python-fastapi-pip', file: /main\.py|app/, benign: 'service', edits: (v) => ({ 'app/main.py': null, 'app/__init__.py': null, [`${folder(v)}/main.py`]: 'from fastapi import FastAPI\napp = FastAPI()\n', [`${folder(v)}/__init__.py`]: '' }) },

  // ---- Go ----
  { field: 'go.mod module path', fixture: 'go-stdlib-http', file: 'go.mod', benign: 'example.com/app', edits: (v) => ({ 'go.mod': replace(/^module .*$/m, `module ${q(v)}`) }) },
  { field: 'go.mod go version', fixture: 'go-stdlib-http', file: 'go.mod', benign: '1.24', edits: (v) => ({ 'go.mod': replace(/^go .*$/m, `go ${q(v)}`) }) },
  { field: 'go.mod toolchain', fixture: 'go-stdlib-http', file: 'go.mod', benign: 'go1.24.2', edits: (v) => ({ 'go.mod': (old) => `${old}\ntoolchain ${q(v)}\n` }) },
  { field: 'go.mod require path', fixture: 'go-gin', file: 'go.mod', benign: 'example.com/lib', edits: (v) => ({ 'go.mod': (old) => `${old}\nrequire ${q(v)} v1.0.0\n` }) },
  { field: 'main package folder name', fixture: 'go-multi-main', file: /main package/, benign: 'server', edits: (v) => ({ 'cmd/worker': null, ...moveDir('go-multi-main', 'cmd/api', `cmd/${folder(v)}`) }) },
  { field: 'go.work use folder', fixture: 'go-workspace', file: /go\.work|main package/, benign: 'services', edits: (v) => ({ 'go.work': replace('./api', q(`./${folder(v)}`)), ...moveDir('go-workspace', 'api', folder(v)) }) },

  // ---- Rust ----
  { field: 'Cargo [package] name', fixture: 'rust-std-http', file: 'Cargo.toml', benign: 'hello-app', edits: (v) => ({ 'Cargo.toml': replace('name = "hello-rs"', `name = ${q(v)}`) }) },
  { field: 'Cargo [[bin]] name', fixture: 'rust-std-http', file: 'Cargo.toml', benign: 'server', edits: (v) => ({ 'Cargo.toml': (old) => `${old}\n[[bin]]\nname = ${q(v)}\npath = "src/main.rs"\n` }) },
  { field: 'Cargo [[bin]] path', fixture: 'rust-std-http', file: 'Cargo.toml', benign: 'src/main.rs', args: ['--main', 'server'], edits: (v) => ({ 'Cargo.toml': (old) => `${old}\n[[bin]]\nname = "server"\npath = ${q(v)}\n` }) },
  { field: 'Cargo rust-version', fixture: 'rust-std-http', file: 'Cargo.toml', benign: '1.85', edits: (v) => ({ 'Cargo.toml': replace('edition = "2021"', `edition = "2021"\nrust-version = ${q(v)}`) }) },
  { field: 'rust-toolchain.toml channel', fixture: 'rust-std-http', file: 'rust-toolchain.toml', benign: '1.85.0', edits: (v) => ({ 'rust-toolchain.toml': `[toolchain]\nchannel = ${q(v)}\n` }) },
  { field: 'Cargo workspace member folder', fixture: 'rust-workspace', file: 'Cargo.toml', benign: 'service', args: ['--main', 'api'], edits: (v) => moveDir('rust-workspace', 'crates/api', `crates/${folder(v)}`) },
  { field: 'Cargo workspace members entry', fixture: 'rust-workspace', file: /Cargo\.toml|--main api matches none/, benign: 'service', args: ['--main', 'api'], edits: (v) => ({ 'Cargo.toml': replace('["crates/*"]', `["crates/core-lib", "crates/worker", ${q(`crates/${folder(v)}`)}]`), ...moveDir('rust-workspace', 'crates/api', `crates/${folder(v)}`) }) },
  { field: 'src/bin file name', fixture: 'rust-std-http', file: /src\/bin|binary|Cargo/, benign: 'server', args: [], edits: (v) => ({ 'src/main.rs': null, [`src/bin/${folder(v)}.rs`]: 'fn main() {}\n' }) },

  // ---- Java: Maven ----
  { field: 'pom artifactId', fixture: 'java-plain-jar-maven', file: 'pom.xml', benign: 'greeter', edits: (v) => ({ 'pom.xml': replace('<artifactId>plain-jar-maven</artifactId>', `<artifactId>${xml(v)}</artifactId>`) }) },
  { field: 'pom version', fixture: 'java-plain-jar-maven', file: 'pom.xml', benign: '2.0.0', edits: (v) => ({ 'pom.xml': replace('<version>1.0.0</version>', `<version>${xml(v)}</version>`) }) },
  { field: 'pom finalName', fixture: 'java-plain-jar-maven', file: 'pom.xml', benign: 'app', edits: (v) => ({ 'pom.xml': replace('<build>', `<build>\n    <finalName>${xml(v)}</finalName>`) }) },
  { field: 'pom property (main class)', fixture: 'java-plain-jar-maven', file: 'pom.xml', benign: 'com.example.hello.Main', edits: (v) => ({ 'pom.xml': replace('<main.class>com.example.hello.Main</main.class>', `<main.class>${xml(v)}</main.class>`) }) },
  { field: 'pom property (compiler release)', fixture: 'java-plain-jar-maven', file: 'pom.xml', benign: '21', edits: (v) => ({ 'pom.xml': replace('<maven.compiler.release>21</maven.compiler.release>', `<maven.compiler.release>${xml(v)}</maven.compiler.release>`) }) },
  { field: 'pom start-class', fixture: 'java-maven-spring-boot', file: 'pom.xml', benign: 'com.example.demo.DemoApplication', edits: (v) => ({ 'pom.xml': replace('<properties>', `<properties>\n    <start-class>${xml(v)}</start-class>`) }) },
  { field: 'application.properties server.port', fixture: 'java-maven-spring-boot', file: /application\.properties/, benign: '8081', port: true, edits: (v) => ({ 'src/main/resources/application.properties': `server.port=${v}\n` }) },
  { field: 'application.yml server.port', fixture: 'java-gradle-spring-boot-kts', file: /application\.yml/, benign: '8081', port: true, edits: (v) => ({ 'src/main/resources/application.yml': `server:\n  port: ${q(v)}\n` }) },

  // ---- Java: Gradle ----
  { field: 'Gradle application mainClass', fixture: 'java25-gradle-application', file: /build\.gradle/, benign: 'com.example.hello.Main', edits: (v) => ({ 'build.gradle': replace("mainClass = 'com.example.hello.Main'", `mainClass = '${groovy(v)}'`) }) },
  { field: 'Gradle toolchain languageVersion', fixture: 'java25-gradle-application', file: /build\.gradle/, benign: '21', edits: (v) => ({ 'build.gradle': replace('JavaLanguageVersion.of(25)', `JavaLanguageVersion.of('${groovy(v)}')`) }) },
  { field: 'Gradle rootProject.name', fixture: 'java25-gradle-application', file: /settings\.gradle/, benign: 'greeter', edits: (v) => ({ 'settings.gradle': `rootProject.name = '${groovy(v)}'\n` }) },
  { field: 'Gradle version', fixture: 'java25-gradle-application', file: /build\.gradle/, benign: '1.2.3', edits: (v) => ({ 'build.gradle': (old) => `${old}\nversion = '${groovy(v)}'\n` }) },
  { field: 'Gradle archiveFileName', fixture: 'java25-gradle-application', file: /build\.gradle/, benign: 'app.jar', edits: (v) => ({ 'build.gradle': (old) => `${old}\njar {\n    archiveFileName = '${groovy(v)}'\n}\n` }) },
  { field: 'gradle.properties version', fixture: 'java25-gradle-application', file: /gradle\.properties/, benign: '1.2.3', edits: (v) => ({ 'gradle.properties': `version=${v}\n` }) },
  { field: '.java-version', fixture: 'java25-gradle-application', file: /\.java-version|build\.gradle/, benign: '25', edits: (v) => ({ '.java-version': `${v}\n` }) },

  // ---- Node, beyond test/safety.test.ts ----
  { field: 'package.json main', fixture: 'node-plain-node-no-lock', file: 'package.json', benign: 'index.js', edits: (v) => ({ 'package.json': (old) => JSON.stringify({ ...JSON.parse(old), main: v, scripts: {} }) }) },
  { field: 'package.json scripts.build', fixture: 'node-nest-ts', file: 'package.json', benign: 'nest build', edits: (v) => ({ 'package.json': (old) => { const pkg = JSON.parse(old); pkg.scripts.build = v; return JSON.stringify(pkg); } }) },
  { field: 'package.json packageManager', fixture: 'node-express-npm', file: 'package.json', benign: 'npm@10.9.2', edits: (v) => ({ 'package.json': (old) => JSON.stringify({ ...JSON.parse(old), packageManager: v }) }) },
  { field: '.nvmrc', fixture: 'node-express-npm', file: '.nvmrc', benign: '22', edits: (v) => ({ '.nvmrc': `${v}\n` }) },
  { field: 'dependency name in package-lock.json', fixture: 'node-express-npm', file: /package-lock\.json|package\.json/, benign: 'left-pad', edits: (v) => ({ 'package-lock.json': (old) => { const lock = JSON.parse(old); lock.packages[`node_modules/${v}`] = { version: '1.0.0' }; return JSON.stringify(lock); } }) },
  { field: 'start script file name (node <file>)', fixture: 'node-plain-node-no-lock', file: 'package.json', benign: 'server.js', edits: (v) => ({ 'package.json': (old) => JSON.stringify({ ...JSON.parse(old), main: v, scripts: {} }), 'server.js': 'require("http").createServer().listen(3000)\n', [folder(v)]: 'require("http").createServer().listen(3000)\n' }) },
  { field: 'workspace app folder name', fixture: 'monorepo-npm-turbo', file: /apps\/|--app/, benign: 'site', args: (v) => ['--app', `apps/${folder(v)}`], edits: (v) => moveDir('monorepo-npm-turbo', 'apps/web', `apps/${folder(v)}`) },
];

describe.each(CASES)('hostile $field ($fixture)', (c) => {
  let benign: string[] | undefined;
  const acceptable: string[][] = [];

  it('the benign value generates', async () => {
    for (const value of [c.benign, ...(c.alternates ?? [])]) {
      const dir = makeProject(c.fixture, c.edits(value));
      const run = await generate(dir, '--dry-run', ...argsOf(c, value));
      expectNoCrash(run);
      expect(run.code, run.stderr).toBe(0);
      expectInert(run.dockerfile!);
      acceptable.push(keywords(run.dockerfile!));
    }
    benign = acceptable[0];
  });

  it.each(HOSTILE.map((v) => [JSON.stringify(v).slice(0, 32), v] as const))('%s is refused naming the file, or inert', async (_label, value) => {
    let dir: string;
    try {
      dir = makeProject(c.fixture, c.edits(value));
    } catch (error) {
      // A name the file system itself refuses (too long) cannot be in a project either.
      if ((error as NodeJS.ErrnoException).code === 'ENAMETOOLONG') return;
      throw error;
    }
    const before = snapshot(dir);
    const run = await generate(dir, ...argsOf(c, value));
    expectNoCrash(run);
    if (run.code === 0) {
      expectInert(run.dockerfile!);
      const found = keywords(run.dockerfile!);
      if (c.port && !found.includes('EXPOSE')) {
        // Not a port: no EXPOSE at all, and a warning that names the file.
        expect(found).toEqual(benign!.filter((k) => k !== 'EXPOSE'));
        expect(run.stderr).toMatch(c.file);
        return;
      }
      expect(acceptable).toContainEqual(found);
      return;
    }
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toMatch(c.file);
    expect(snapshot(dir), 'a refused run writes nothing').toEqual(before);
  });
});

describe('a "$" in a path the Dockerfile copies', () => {
  // COPY and WORKDIR expand variables even in JSON form: apps/w$HOME would copy apps/w.
  it.each([
    ['a workspace app folder', 'monorepo-npm-turbo', moveDir('monorepo-npm-turbo', 'apps/web', 'apps/w$HOME'), ['--app', 'apps/w$HOME'], /apps\/w\$HOME/],
    ['a requirements include', 'python-fastapi-pip', { 'requirements.txt': '-r base${X}.txt\n', 'base${X}.txt': 'fastapi==0.115.12\n' }, [], /requirements\.txt/],
  ] as const)('%s is refused naming it', async (_what, fixture, edits, args, names) => {
    const dir = makeProject(fixture, edits);
    const before = snapshot(dir);
    const run = await generate(dir, ...args);
    expectNoCrash(run);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(names);
    expect(run.stderr).toMatch(/variable/);
    expect(snapshot(dir)).toEqual(before);
  });
});
