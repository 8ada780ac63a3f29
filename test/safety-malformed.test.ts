// Malformed manifests and lockfiles, per ecosystem: exit 1 with a message naming the file (and
// the line when the parser knows it), no stack trace, nothing written.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectNoCrash, generate, makeProject, snapshot, type Edit } from './safety-helpers.js';

interface Malformed {
  what: string;
  fixture: string;
  edits: Record<string, Edit>;
  /** The message must match: the file, and the line where the format's parser reports one. */
  message: RegExp;
  args?: string[];
}

const CASES: Malformed[] = [
  // Node
  { what: 'package.json (trailing comma)', fixture: 'node-express-npm', edits: { 'package.json': '{\n  "name": "x",\n  "dependencies": {},\n}\n' }, message: /package\.json is not valid JSON \(line \d+\)/ },
  { what: 'package.json (an array)', fixture: 'node-express-npm', edits: { 'package.json': '[1, 2]\n' }, message: /package\.json/ },
  { what: 'package-lock.json', fixture: 'node-express-npm', edits: { 'package-lock.json': '{\n  "lockfileVersion": 3,\n  "packages": {\n' }, message: /package-lock\.json is malformed/ },
  { what: 'pnpm-lock.yaml', fixture: 'monorepo-pnpm', args: ['--app', 'apps/api'], edits: { 'pnpm-lock.yaml': "lockfileVersion: '9.0'\nimporters:\n  .:\n    dependencies: [\n" }, message: /pnpm-lock\.yaml/ },
  { what: 'yarn.lock (berry YAML)', fixture: 'node-yarn-berry', edits: { 'yarn.lock': '__metadata:\n  version: 8\n"a@npm:1":\n  version: [\n' }, message: /yarn\.lock/ },
  { what: 'bun.lock', fixture: 'node-bun', edits: { 'bun.lock': '{\n  "lockfileVersion": 1,\n  "packages": { "a": [\n' }, message: /bun\.lock/ },
  // Python
  { what: 'pyproject.toml', fixture: 'python-pep621-scripts', edits: { 'pyproject.toml': '[project]\nname = "x"\nrequires-python = ">=3.12\n' }, message: /pyproject\.toml is not valid TOML \(line \d+\)/ },
  { what: 'pyproject.toml (duplicate table)', fixture: 'python-pep621-scripts', edits: { 'pyproject.toml': '[project]\nname = "x"\n[project]\nname = "y"\n' }, message: /pyproject\.toml is not valid TOML/ },
  { what: 'poetry.lock', fixture: 'python-django-poetry-psycopg2', edits: { 'poetry.lock': '[[package]]\nname = "django"\nversion = \n' }, message: /poetry\.lock is not valid TOML \(line \d+\)/ },
  { what: 'uv.lock', fixture: 'python-fastapi-uv-psycopg-binary', edits: { 'uv.lock': 'version = 1\n[[package]\nname = "x"\n' }, message: /uv\.lock is not valid TOML \(line \d+\)/ },
  { what: 'pdm.lock', fixture: 'python-aiohttp-pdm', edits: { 'pdm.lock': '[metadata\n' }, message: /pdm\.lock is not valid TOML/ },
  { what: 'Pipfile', fixture: 'python-starlette-pipenv', edits: { Pipfile: '[packages]\nstarlette = "*\n' }, message: /Pipfile is not valid TOML/ },
  { what: 'Pipfile.lock', fixture: 'python-starlette-pipenv', edits: { 'Pipfile.lock': '{"_meta": {}, "default": {\n' }, message: /Pipfile\.lock is not valid JSON/ },
  // Go
  { what: 'go.mod (unclosed block)', fixture: 'go-gin', edits: { 'go.mod': 'module example.com/app\n\ngo 1.24\n\nrequire (\n\tgithub.com/gin-gonic/gin v1.10.0\n' }, message: /go\.mod has a "require \(" block that is never closed/ },
  { what: 'go.mod (require without version)', fixture: 'go-gin', edits: { 'go.mod': 'module example.com/app\n\ngo 1.24\n\nrequire github.com/gin-gonic/gin\n' }, message: /go\.mod line 5/ },
  { what: 'go.mod (bad quoted string)', fixture: 'go-stdlib-http', edits: { 'go.mod': 'module "example.com/\\q"\n\ngo 1.24\n' }, message: /go\.mod line 1/ },
  { what: 'go.mod (go version not a version)', fixture: 'go-stdlib-http', edits: { 'go.mod': 'module example.com/app\n\ngo banana\n' }, message: /go\.mod/ },
  { what: 'go.work (unclosed block)', fixture: 'go-workspace', edits: { 'go.work': 'go 1.25.1\n\nuse (\n\t./api\n' }, message: /go\.work has a "use \(" block/ },
  // Rust
  { what: 'Cargo.toml', fixture: 'rust-std-http', edits: { 'Cargo.toml': '[package]\nname = "x"\nversion = "0.1.0\n' }, message: /Cargo\.toml is not valid TOML \(line \d+\)/ },
  { what: 'Cargo.toml (no name)', fixture: 'rust-std-http', edits: { 'Cargo.toml': '[package]\nversion = "0.1.0"\n' }, message: /Cargo\.toml has a \[package\] without a name/ },
  { what: 'Cargo.lock', fixture: 'rust-axum-rustls', edits: { 'Cargo.lock': 'version = 4\n\n[[package]]\nname = "axum"\nversion = "0.8.1\n' }, message: /Cargo\.lock is not valid TOML \(line \d+\)/ },
  { what: 'workspace member Cargo.toml', fixture: 'rust-workspace', args: ['--main', 'api'], edits: { 'crates/api/Cargo.toml': '[package\nname = "api"\n' }, message: /crates\/api\/Cargo\.toml is not valid TOML \(line \d+\)/ },
  { what: 'rust-toolchain.toml', fixture: 'rust-std-http', edits: { 'rust-toolchain.toml': '[toolchain\nchannel = "1.85"\n' }, message: /rust-toolchain\.toml is not valid TOML/ },
  // Java
  { what: 'pom.xml (unclosed tag)', fixture: 'java-plain-jar-maven', edits: { 'pom.xml': '<?xml version="1.0"?>\n<project>\n  <artifactId>x</artifactId>\n  <build>\n</project>\n' }, message: /pom\.xml is not well-formed XML \(line \d+\)/ },
  { what: 'pom.xml (not a POM)', fixture: 'java-plain-jar-maven', edits: { 'pom.xml': '<?xml version="1.0"?>\n<settings/>\n' }, message: /pom\.xml has no <project> element/ },
  { what: 'application.yml', fixture: 'java-gradle-spring-boot-kts', edits: { 'src/main/resources/application.yml': 'server:\n  port: [8080\n' }, message: /application\.yml is not valid YAML/ },
  { what: 'gradle/libs.versions.toml', fixture: 'java-gradle-spring-boot-kts', edits: { 'gradle/libs.versions.toml': '[versions]\nspring = "3.4\n' }, message: /libs\.versions\.toml is not valid TOML \(line \d+\)/ },
];

describe('malformed manifests and lockfiles', () => {
  it.each(CASES.map((c) => [c.what, c] as const))('%s: exit 1 naming the file, nothing written', async (_what, c) => {
    const dir = makeProject(c.fixture, c.edits);
    const before = snapshot(dir);
    const run = await generate(dir, ...(c.args ?? []));
    expectNoCrash(run);
    expect(run.stderr).toMatch(c.message);
    expect(run.code, run.stderr).toBe(1);
    expect(snapshot(dir)).toEqual(before);
    // One paragraph: the error is a single message, not a dump.
    expect(run.stderr.split('\n').filter((l) => l.startsWith('error:'))).toHaveLength(1);
  });

  it('a build.gradle that is not Gradle at all is read as text: a clean result either way', async () => {
    const dir = makeProject('java25-gradle-application', { 'build.gradle': '}}}{{{ plugins { id \'application\' \n application { mainClass = \n' });
    const run = await generate(dir, '--dry-run');
    expectNoCrash(run);
    expect([0, 1]).toContain(run.code);
  });

  it('a lockfile that is binary where text is expected is named', async () => {
    const dir = makeProject('rust-axum-rustls', {});
    writeFileSync(join(dir, 'Cargo.lock'), Buffer.from([0x00, 0x01, 0x02, 0xff]));
    const run = await generate(dir);
    expectNoCrash(run);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Cargo\.lock looks binary/);
  });

  it('a pom.xml in Latin-1 is named as not UTF-8', async () => {
    const dir = makeProject('java-plain-jar-maven', {});
    writeFileSync(join(dir, 'pom.xml'), Buffer.from('<?xml version="1.0"?>\n<project><name>caf\xe9</name></project>\n', 'latin1'));
    const run = await generate(dir);
    expectNoCrash(run);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/pom\.xml is not valid UTF-8/);
  });
});
