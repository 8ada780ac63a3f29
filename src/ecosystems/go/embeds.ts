// `//go:embed` directives whose files the repository does not hold: a front end's build output
// (`//go:embed build/*` in ui/serve.go over a Vite app's ui/build) is gitignored, so `go build`
// fails with "pattern build/*: no matching files found", or embeds an empty placeholder folder
// and serves no UI. Those folders are asset needs: another stage must build them first.
// Directive syntax: https://pkg.go.dev/embed#hdr-Directives
import type { Project } from '../../project.js';
import type { AssetNeed } from '../../types.js';

/** Files that keep an otherwise empty folder in git; a folder of only these holds no build output. */
const PLACEHOLDERS = new Set(['.gitkeep', '.keep', '.gitignore', '.empty', 'README.md']);
const GLOB = /[*?[]/;

/** Patterns of one directive line after `//go:embed`: space separated, "quoted" or `raw`. */
export function embedPatterns(rest: string): string[] {
  const patterns: string[] = [];
  let i = 0;
  while (i < rest.length) {
    const c = rest[i] as string;
    if (c === ' ' || c === '\t') {
      i++;
    } else if (c === '"' || c === '`') {
      const end = rest.indexOf(c, i + 1);
      if (end < 0) break;
      patterns.push(rest.slice(i + 1, end));
      i = end + 1;
    } else {
      let end = i;
      while (end < rest.length && rest[end] !== ' ' && rest[end] !== '\t') end++;
      patterns.push(rest.slice(i, end));
      i = end;
    }
  }
  return patterns;
}

/** The folder (or file) a pattern reads, relative to the Go file's folder: `all:build/*` -> build. */
function patternBase(pattern: string): string | null {
  const parts = pattern.replace(/^all:/, '').split('/');
  const fixed: string[] = [];
  for (const part of parts) {
    if (GLOB.test(part)) break;
    fixed.push(part);
  }
  if (fixed.length === 0 || fixed.some((p) => p === '..' || p === '.' || p === '')) return null;
  return fixed.join('/');
}

function holdsOnlyPlaceholders(project: Project, dir: string): boolean {
  return project.list(dir).every((name) => PLACEHOLDERS.has(name));
}

/** Embedded paths of the built Go files that are absent or only a placeholder folder. */
export function missingEmbeds(project: Project, files: ReadonlyArray<{ path: string; dir: string }>): AssetNeed[] {
  const needs = new Map<string, AssetNeed>();
  for (const file of files) {
    const text = project.readText(file.path);
    if (text === null || !text.includes('//go:embed')) continue;
    for (const line of text.split('\n')) {
      const trimmed = line.trimStart();
      if (!trimmed.startsWith('//go:embed ') && !trimmed.startsWith('//go:embed\t')) continue;
      for (const pattern of embedPatterns(trimmed.slice('//go:embed'.length).trim())) {
        const base = patternBase(pattern);
        if (base === null) continue;
        const path = file.dir === '.' ? base : `${file.dir}/${base}`;
        const absent = !project.exists(path) || (project.isDir(path) && holdsOnlyPlaceholders(project, path));
        if (absent && !needs.has(path)) needs.set(path, { path, source: `${file.path} //go:embed ${pattern}` });
      }
    }
  }
  return [...needs.values()];
}
