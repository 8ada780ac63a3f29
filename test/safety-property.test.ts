// Property: for random project trees of every ecosystem (a random subset of marker files, each
// absent, well-formed with random or hostile values, or garbage), the CLI exits 0 or 1 with no
// internal error, and every Dockerfile it writes validates with zero problems and holds only
// instructions its template produces: no keyword appears more often than it does for the same tree
// with benign values (a hostile value may drop an instruction, e.g. an EXPOSE for a non-port, but
// never add one; CMD and ENTRYPOINT may trade places), and CMD/ENTRYPOINT/USER appear once.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectInert, expectNoCrash, generate, HOSTILE, keywords, makeProject } from './safety-helpers.js';

type Mode = 'absent' | 'template' | 'garbage';
type Values = Record<string, string>;

interface Ecosystem {
  language: string;
  /** Benign values for every slot; the reference tree uses these. */
  benign: Values;
  /**
   * Slots whose value legitimately shapes the Dockerfile (a start command that needs a shell, a
   * version that picks another base, a jar name only the build knows): the reference tree keeps
   * the run's own value there, so the comparison covers only the slots that are pure data.
   */
  structural: string[];
  /** Files that may be absent, well-formed or garbage. */
  optional: string[];
  tree: (v: Values, modes: Record<string, Mode>, garbage: string) => Record<string, string>;
}

const q = (value: string) => JSON.stringify(value);
const xml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** A folder or file name from a value: no slash or NUL, not "." or "..", short enough for the file system. */
const name = (value: string) => {
  const cleaned = value.replace(/[/\0]/g, '_').slice(0, 100);
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? 'x' : cleaned;
};

/** Adds a file in the given mode: its well-formed text, garbage, or nothing. */
function put(files: Record<string, string>, path: string, mode: Mode, text: string, garbage: string): void {
  if (mode === 'template') files[path] = text;
  else if (mode === 'garbage') files[path] = garbage;
}

const ECOSYSTEMS: Ecosystem[] = [
  {
    language: 'node',
    benign: { name: 'app', main: 'server.js', start: 'node server.js', build: 'tsc', node: '22', nvmrc: '22' },
    structural: ['start', 'build', 'main', 'node', 'nvmrc'],
    optional: ['package-lock.json', '.nvmrc'],
    tree: (v, m, g) => {
      const files: Record<string, string> = {
        'package.json': JSON.stringify({ name: v.name, version: '1.0.0', main: v.main, scripts: { start: v.start, build: v.build }, engines: { node: v.node }, dependencies: { express: '^4.21.0' } }),
        [name(v.main)]: "require('express')().listen(3000);\n",
        'server.js': "require('express')().listen(3000);\n",
      };
      put(files, 'package-lock.json', m['package-lock.json']!, JSON.stringify({ name: v.name, lockfileVersion: 3, packages: { '': { name: v.name }, 'node_modules/express': { version: '4.21.2' } } }), g);
      put(files, '.nvmrc', m['.nvmrc']!, `${v.nvmrc}\n`, g);
      return files;
    },
  },
  {
    language: 'python',
    benign: { name: 'app', requires: '>=3.12', script: 'serve', target: 'app.main:run', req: 'httpx==0.28.1', pyver: '3.13', dir: 'app' },
    structural: ['requires', 'script', 'target', 'pyver', 'dir'],
    optional: ['pyproject.toml', 'requirements.txt', '.python-version'],
    tree: (v, m, g) => {
      const files: Record<string, string> = {
        [`${name(v.dir)}/main.py`]: 'from fastapi import FastAPI\napp = FastAPI()\n',
        [`${name(v.dir)}/__init__.py`]: '',
      };
      put(files, 'pyproject.toml', m['pyproject.toml']!, `[project]\nname = ${q(v.name)}\nversion = "1.0.0"\nrequires-python = ${q(v.requires)}\ndependencies = ["fastapi==0.115.12", "uvicorn==0.34.2"]\n\n[project.scripts]\n${q(v.script)} = ${q(v.target)}\n`, g);
      put(files, 'requirements.txt', m['requirements.txt']!, `fastapi==0.115.12\nuvicorn==0.34.2\n${v.req}\n`, g);
      put(files, '.python-version', m['.python-version']!, `${v.pyver}\n`, g);
      if (!files['pyproject.toml'] && !files['requirements.txt']) files['requirements.txt'] = 'fastapi==0.115.12\nuvicorn==0.34.2\n';
      return files;
    },
  },
  {
    language: 'go',
    benign: { module: 'example.com/app', go: '1.24', toolchain: 'go1.24.2', main: 'api' },
    structural: [],
    optional: ['go.sum', 'toolchain'],
    tree: (v, m, g) => {
      const toolchain = m.toolchain === 'template' ? `toolchain ${q(v.toolchain)}\n` : m.toolchain === 'garbage' ? `toolchain ${g.replace(/\n/g, ' ')}\n` : '';
      const files: Record<string, string> = {
        'go.mod': `module ${q(v.module)}\n\ngo ${q(v.go)}\n${toolchain}`,
        [`cmd/${name(v.main)}/main.go`]: 'package main\n\nimport "net/http"\n\nfunc main() { http.ListenAndServe(":8080", nil) }\n',
      };
      put(files, 'go.sum', m['go.sum']!, '', g);
      return files;
    },
  },
  {
    language: 'rust',
    benign: { name: 'hello', rustver: '1.85', bin: 'server', channel: '1.85.0' },
    structural: [],
    optional: ['Cargo.lock', 'rust-toolchain.toml'],
    tree: (v, m, g) => {
      const files: Record<string, string> = {
        'Cargo.toml': `[package]\nname = ${q(v.name)}\nversion = "0.1.0"\nedition = "2021"\nrust-version = ${q(v.rustver)}\n\n[[bin]]\nname = ${q(v.bin)}\npath = "src/main.rs"\n`,
        'src/main.rs': 'fn main() { let _ = std::net::TcpListener::bind("0.0.0.0:8080"); }\n',
      };
      put(files, 'Cargo.lock', m['Cargo.lock']!, `version = 4\n\n[[package]]\nname = ${q(v.name)}\nversion = "0.1.0"\n`, g);
      put(files, 'rust-toolchain.toml', m['rust-toolchain.toml']!, `[toolchain]\nchannel = ${q(v.channel)}\n`, g);
      return files;
    },
  },
  {
    language: 'java',
    benign: { artifact: 'app', version: '1.0.0', finalName: 'app', mainClass: 'com.example.Main', release: '21', port: '8080' },
    structural: ['release', 'finalName', 'version', 'artifact'],
    optional: ['finalName', 'application.properties', 'gradle'],
    tree: (v, m, g) => {
      const finalName = m.finalName === 'template' ? `<finalName>${xml(v.finalName)}</finalName>` : m.finalName === 'garbage' ? `<finalName>${xml(g)}</finalName>` : '';
      const files: Record<string, string> = {
        'src/main/java/com/example/Main.java': 'package com.example;\n\npublic class Main {\n  public static void main(String[] args) {}\n}\n',
      };
      if (m.gradle === 'absent') {
        files['pom.xml'] = `<?xml version="1.0"?>\n<project>\n  <modelVersion>4.0.0</modelVersion>\n  <groupId>com.example</groupId>\n  <artifactId>${xml(v.artifact)}</artifactId>\n  <version>${xml(v.version)}</version>\n  <properties>\n    <maven.compiler.release>${xml(v.release)}</maven.compiler.release>\n    <main.class>${xml(v.mainClass)}</main.class>\n  </properties>\n  <build>${finalName}\n    <plugins><plugin><artifactId>maven-jar-plugin</artifactId><configuration><archive><manifest><mainClass>\${main.class}</mainClass></manifest></archive></configuration></plugin></plugins>\n  </build>\n</project>\n`;
      } else {
        const groovy = (value: string) => value.replace(/\\/g, '\\\\').replace(/'/g, "\\'");
        put(files, 'build.gradle', m.gradle!, `plugins { id 'application' }\nversion = '${groovy(v.version)}'\njava { toolchain { languageVersion = JavaLanguageVersion.of(${groovy(v.release)}) } }\napplication { mainClass = '${groovy(v.mainClass)}' }\n`, g);
        files['settings.gradle'] = `rootProject.name = '${groovy(v.artifact)}'\n`;
      }
      put(files, 'src/main/resources/application.properties', m['application.properties']!, `server.port=${v.port}\n`, g);
      return files;
    },
  },
];

const hostile = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE, '$(id)', '`id`', '#', '\\', '"', "'", '../../etc/passwd', '/abs', '-rf', '${HOME}', 'a b', '1.2.3', '22', '3.12', '8080', '0', '99999') },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
);
const garbage = fc.oneof(fc.string({ maxLength: 60 }), fc.constantFrom('{', '[x', '\u0000\u0001', '<project>', 'module', '', '\uFEFF{}', '[[package]]\nname = 1\n'));

/** A value slot: benign, or a random or hostile value. */
const slot = (benign: string) => fc.oneof({ weight: 1, arbitrary: fc.constant(benign) }, { weight: 3, arbitrary: hostile });

/** Keyword -> how often it occurs. */
const counts = (list: string[]) => list.reduce((map, k) => map.set(k, (map.get(k) ?? 0) + 1), new Map<string, number>());

describe.each(ECOSYSTEMS)('property: random $language trees', (eco) => {
  const values = fc.record(Object.fromEntries(Object.entries(eco.benign).map(([key, benign]) => [key, slot(benign)])) as Record<string, fc.Arbitrary<string>>);
  const modes = fc.record(Object.fromEntries(eco.optional.map((file) => [file, fc.constantFrom<Mode>('absent', 'template', 'template', 'garbage')])) as Record<string, fc.Arbitrary<Mode>>);

  it('never crashes; every Dockerfile holds only what the template writes', async () => {
    let generated = 0;
    await fc.assert(
      fc.asyncProperty(values, modes, garbage, async (v, m, g) => {
        const run = await generate(makeProject(null, eco.tree(v, m, g)), '--dry-run', '--language', eco.language);
        expectNoCrash(run);
        expect([0, 1], run.stderr).toContain(run.code);
        if (run.code !== 0) return;
        generated++;
        expectInert(run.dockerfile!);
        const benign = { ...eco.benign, ...Object.fromEntries(eco.structural.map((key) => [key, v[key]!])) };
        const reference = await generate(makeProject(null, eco.tree(benign, m, g)), '--dry-run', '--language', eco.language);
        if (reference.code !== 0) return;
        const mine = counts(keywords(run.dockerfile!));
        const theirs = counts(keywords(reference.dockerfile!));
        // CMD and ENTRYPOINT may trade places (a jar whose manifest names no main class runs it
        // with -cp); expectInert already holds each to at most one.
        for (const keyword of ['CMD', 'ENTRYPOINT']) mine.delete(keyword);
        for (const [keyword, count] of mine) expect(count, `${keyword} in\n${run.dockerfile}`).toBeLessThanOrEqual(theirs.get(keyword) ?? 0);
      }),
      { numRuns: 150 },
    );
    // The property is only worth something if some trees get through to a Dockerfile.
    expect(generated).toBeGreaterThan(0);
  }, 60_000);
});
