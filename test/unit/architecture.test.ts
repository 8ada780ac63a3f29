// The layout rules that keep "adding an ecosystem = one folder" true after us: generic code never
// imports an ecosystem folder (only the registry does), ecosystems never import each other, and
// there is no import cycle anywhere in src/ (type-only imports count: they tangle the design too).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ECOSYSTEMS, LANGUAGES } from '../../src/ecosystems/index.js';
import { Project } from '../../src/project.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const SRC = join(ROOT, 'src');

/** Every shipped source module, relative to src/ (tests inside ecosystem folders are not shipped). */
function sourceFiles(dir = SRC): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'test' ? [] : sourceFiles(path);
    return name.endsWith('.ts') ? [relative(SRC, path)] : [];
  });
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\b[^;]*?\bfrom\s*['"](\.[^'"]+)['"]|\bimport\(\s*['"](\.[^'"]+)['"]\s*\)/g;

/** The modules a source file imports (static, dynamic, type-only, re-exports), relative to src/. */
export function importsOf(file: string, text: string): string[] {
  return [...text.matchAll(IMPORT)].map((m) => relative(SRC, resolve(SRC, dirname(file), (m[1] ?? m[2])!)).replace(/\.js$/, '.ts'));
}

/** The import cycles of a graph, each as a path that returns to its start (Tarjan's components). */
export function cycles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (node: string) => {
    index.set(node, next);
    low.set(node, next++);
    stack.push(node);
    onStack.add(node);
    for (const to of graph.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) {
        low.set(node, Math.min(low.get(node)!, index.get(to)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (graph.get(node) ?? []).includes(node)) found.push(component.reverse());
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return found;
}

/** "node" for src/ecosystems/node/..., null for generic code and the registry itself. */
const ecosystemOf = (file: string): string | null => /^ecosystems\/([^/]+)\//.exec(file)?.[1] ?? null;

const files = sourceFiles();
const graph = new Map(files.map((file) => [file, importsOf(file, readFileSync(join(SRC, file), 'utf8'))]));

describe('layout rules', () => {
  it('reads the import graph (the parser finds static, dynamic and type-only imports)', () => {
    expect(graph.get('pipeline.ts')).toEqual(expect.arrayContaining(['ecosystems/index.ts', 'ask.ts', 'interaction.ts']));
    expect(importsOf('a/b.ts', "import type { X } from '../types.js';\nexport { y } from './y.js';\nconst z = await import('./z.js');")).toEqual(['types.ts', 'a/y.ts', 'a/z.ts']);
  });

  it('every registered ecosystem is one folder with an index, and templates of its own', () => {
    for (const language of LANGUAGES) {
      expect(files, language).toContain(`ecosystems/${language}/index.ts`);
      for (const template of ['Dockerfile.hbs', 'dockerignore.hbs']) {
        expect(statSync(join(ROOT, 'templates', language, template)).isFile(), `templates/${language}/${template}`).toBe(true);
      }
    }
    const folders = readdirSync(join(SRC, 'ecosystems')).filter((name) => statSync(join(SRC, 'ecosystems', name)).isDirectory());
    expect(folders.sort(), 'a folder under src/ecosystems/ that the registry does not list').toEqual([...LANGUAGES].sort());
  });

  it('generic code imports no ecosystem folder; only the registry lists them', () => {
    const offending = files
      .filter((file) => ecosystemOf(file) === null && file !== 'ecosystems/index.ts')
      .flatMap((file) => graph.get(file)!.filter((to) => ecosystemOf(to) !== null).map((to) => `${file} -> ${to}`));
    expect(offending).toEqual([]);
    expect(graph.get('ecosystems/index.ts')!.filter((to) => ecosystemOf(to) !== null).sort()).toEqual(
      LANGUAGES.flatMap((l) => [`ecosystems/${l}/entry.ts`, `ecosystems/${l}/index.ts`]).sort(),
    );
  });

  it("the registry imports each ecosystem's code only on demand, and an entry imports nothing of its ecosystem's code", () => {
    // A static import of an index.ts would put every ecosystem back into every run's start-up.
    const registry = readFileSync(join(SRC, 'ecosystems', 'index.ts'), 'utf8');
    expect(registry).not.toMatch(/^import[^;]*from '\.\/[a-z]+\/index\.js'/m);
    for (const language of LANGUAGES) {
      expect(registry, language).toContain(`import('./${language}/index.js')`);
      const own = graph.get(`ecosystems/${language}/entry.ts`)!.filter((to) => ecosystemOf(to) !== null);
      expect(own, `ecosystems/${language}/entry.ts`).toEqual([]);
    }
  });

  it('generic code compares no language by name', () => {
    const named = new RegExp(`language\\s*[!=]==\\s*'(${LANGUAGES.join('|')})'|case '(${LANGUAGES.join('|')})':`);
    const offending = files.filter((file) => ecosystemOf(file) === null && named.test(readFileSync(join(SRC, file), 'utf8')));
    expect(offending).toEqual([]);
  });

  it('an ecosystem imports no other ecosystem, nor the registry', () => {
    const offending = files.flatMap((file) => {
      const own = ecosystemOf(file);
      if (own === null) return [];
      return graph.get(file)!.filter((to) => to === 'ecosystems/index.ts' || (ecosystemOf(to) !== null && ecosystemOf(to) !== own)).map((to) => `${file} -> ${to}`);
    });
    expect(offending).toEqual([]);
  });

  it('has no import cycle, type imports included', () => {
    expect(cycles(graph).map((cycle) => cycle.join(' -> '))).toEqual([]);
  });

  it('finds a cycle when there is one', () => {
    expect(cycles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]))).toEqual([['a', 'b', 'c']]);
    expect(cycles(new Map([['a', ['a']]]))).toEqual([['a']]);
    expect(cycles(new Map([['a', ['b']], ['b', []]]))).toEqual([]);
  });

  it('only the file layer (src/files/) touches the file system: every read and write goes through it', () => {
    // node:fs in any spelling (fs, node:fs/promises, require, a dynamic import), and the modules
    // that hand out file handles or open paths (readline on a stream is fine; fs is not).
    const fsImport = /(?:from\s*|import\(\s*|require\(\s*)['"](?:node:)?fs(?:\/promises)?['"]/;
    const offending = files.filter((file) => !file.startsWith('files/') && fsImport.test(readFileSync(join(SRC, file), 'utf8')));
    expect(offending, 'read and write through src/files/access.ts (project and templates) or src/files/package-files.ts (the package\'s own files)').toEqual([]);
    // The checker itself sees each spelling.
    for (const line of ["import { readFileSync } from 'node:fs';", 'import fs from "fs";', "await import('node:fs/promises')", "require('fs')"]) expect(line).toMatch(fsImport);
  });

  it('the registry and the ecosystems agree on names', () => {
    expect(ECOSYSTEMS.map((e) => e.language)).toEqual([...LANGUAGES]);
    expect(new Set(LANGUAGES).size).toBe(LANGUAGES.length);
  });

  it("each entry's marks agree with its ecosystem's code", async () => {
    for (const entry of ECOSYSTEMS) {
      const ecosystem = await entry.load();
      expect(ecosystem.language).toBe(entry.language);
      expect(ecosystem.markers, entry.language).toEqual(entry.markers);
      expect(entry.mayHoldApps !== undefined, `${entry.language}: mayHoldApps iff apps`).toBe(ecosystem.apps !== null);
      expect(entry.buildsAssets === true, `${entry.language}: buildsAssets iff assetBuilder`).toBe(ecosystem.assetBuilder !== undefined);
    }
  });

  it('an ecosystem that recognizes a fixture is one its entry let load (mayBe never says no to its own projects)', async () => {
    const folders = [
      ...readdirSync(join(ROOT, 'test', 'fixtures')).map((name) => join(ROOT, 'test', 'fixtures', name)),
      ...readdirSync(join(ROOT, 'examples')).map((name) => join(ROOT, 'examples', name)),
    ].filter((path) => statSync(path).isDirectory());
    const loaded = await Promise.all(ECOSYSTEMS.map(async (entry) => [entry, await entry.load()] as const));
    let recognized = 0;
    for (const folder of folders) {
      const project = new Project(folder);
      for (const [entry, ecosystem] of loaded) {
        if (!ecosystem.recognizes(project)) continue;
        recognized++;
        expect(entry.mayBe(project), `${relative(ROOT, folder)}: ${entry.language} recognizes it, but its entry would not load it`).toBe(true);
      }
    }
    expect(recognized).toBeGreaterThan(folders.length / 2);
  });
});
