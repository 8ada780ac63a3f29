// The project's own JavaScript/TypeScript sources that a file really runs: the file and the
// project files it imports (relative require/import/export-from, resolved as Node and TypeScript
// do), nearest first, bounded in count, depth and size. Comments are stripped.
import type { Project } from '../../project.js';
import { stripComments } from './framework.js';

export const SOURCE_EXTENSIONS = ['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts'];
export const MAX_SCANNED_BYTES = 256 * 1024;

const IMPORTS = [
  /\brequire\(\s*['"](\.{1,2}\/[^'"\n]+)['"]\s*\)/g,
  // One \s then a bounded run (not \s+ then an unbounded one: both take spaces, and an `import`
  // that never reaches `from` re-read the rest of the file); paths end at a newline.
  /\bimport\s[^'";]{0,2000}?\bfrom\s*['"](\.{1,2}\/[^'"\n]+)['"]/g,
  /\bimport\s*(?:\(\s*)?['"](\.{1,2}\/[^'"\n]+)['"]/g,
  /\bexport\s[^'";]{0,2000}?\bfrom\s*['"](\.{1,2}\/[^'"\n]+)['"]/g,
];

/** The roots and what they import, breadth first: [file, code without comments]. */
export function importGraph(project: Project, roots: string[], maxDepth: number, maxFiles: number): Array<[string, string]> {
  const seen = new Set<string>();
  const files: Array<[string, string]> = [];
  let queue = roots;
  for (let depth = 0; queue.length > 0 && files.length < maxFiles; depth++) {
    const next: string[] = [];
    for (const file of queue) {
      if (seen.has(file) || files.length >= maxFiles) continue;
      seen.add(file);
      const code = readSource(project, file);
      if (code === null) continue;
      files.push([file, code]);
      if (depth >= maxDepth) continue;
      for (const pattern of IMPORTS) {
        for (const match of code.matchAll(pattern)) {
          const target = resolveImport(project, file, match[1] as string);
          if (target !== null && !seen.has(target) && !target.endsWith('.json')) next.push(target);
        }
      }
    }
    queue = next;
  }
  return files;
}

/** A relative import resolved to a project file (Node's and TypeScript's extension rules), or null. */
export function resolveImport(project: Project, from: string, specifier: string): string | null {
  const dir = from.includes('/') ? from.slice(0, from.lastIndexOf('/')) : '';
  const parts: string[] = dir === '' ? [] : dir.split('/');
  for (const segment of specifier.split('/')) {
    if (segment === '.' || segment === '') continue;
    if (segment === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(segment);
  }
  const base = parts.join('/');
  const stem = base.replace(/\.(c|m)?js$/, '');
  const candidates = [base, ...SOURCE_EXTENSIONS.map((e) => `${stem}${e}`), `${base}.json`, ...SOURCE_EXTENSIONS.map((e) => `${base}/index${e}`)];
  return candidates.find((c) => project.isFile(c)) ?? null;
}

export function readSource(project: Project, file: string): string | null {
  if (file.endsWith('.d.ts')) return null;
  const text = project.readText(file);
  return text !== null && text.length <= MAX_SCANNED_BYTES ? stripComments(text) : null;
}
