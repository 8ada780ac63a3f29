// go.mod and go.work, read the way the go command reads them (https://go.dev/ref/mod#go-mod-file):
// line-oriented directives, single lines or parenthesised blocks, `//` comments, `// indirect`
// marking requirements the module does not import itself.
import { UserError } from '../../errors.js';

export interface GoRequire {
  path: string;
  version: string;
  indirect: boolean;
}

export interface GoMod {
  module: string | null;
  go: string | null;
  toolchain: string | null;
  requires: GoRequire[];
}

export interface GoWork {
  go: string | null;
  toolchain: string | null;
  /** Module folders from `use`, relative, without "./". */
  use: string[];
}

interface Directive {
  verb: string;
  args: string[];
  comment: string;
  line: number;
}

/** Split a go.mod/go.work into directives, expanding `verb ( ... )` blocks. */
function directives(text: string, file: string): Directive[] {
  const out: Directive[] = [];
  let block: string | null = null;
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const at = raw.indexOf('//');
    const comment = at >= 0 ? raw.slice(at + 2).trim() : '';
    const body = (at >= 0 ? raw.slice(0, at) : raw).trim();
    if (body === '') return;
    const words = tokens(body, file, line);
    if (block !== null) {
      if (words.length === 1 && words[0] === ')') block = null;
      else out.push({ verb: block, args: words, comment, line });
      return;
    }
    const [verb, ...args] = words as [string, ...string[]];
    if (args.length === 1 && args[0] === '(') block = verb;
    else out.push({ verb, args, comment, line });
  });
  if (block !== null) throw new UserError(`${file} has a "${block} (" block that is never closed. Fix the file (\`go mod tidy\` rewrites it) and run again.`);
  return out;
}

/** Words of a line; Go allows "quoted" and `raw` strings for paths. */
function tokens(body: string, file: string, line: number): string[] {
  const words: string[] = [];
  const pattern = /"((?:[^"\\]|\\.)*)"|`([^`]*)`|(\S+)/g;
  for (const match of body.matchAll(pattern)) {
    if (match[1] !== undefined) {
      try {
        words.push(JSON.parse(`"${match[1]}"`) as string);
      } catch {
        throw new UserError(`${file} line ${line} has a malformed quoted string. Fix the file and run again.`);
      }
    } else words.push((match[2] ?? match[3]) as string);
  }
  return words;
}

export function parseGoMod(text: string, file = 'go.mod'): GoMod {
  const mod: GoMod = { module: null, go: null, toolchain: null, requires: [] };
  for (const d of directives(text, file)) {
    if (d.verb === 'module') mod.module = d.args[0] ?? null;
    else if (d.verb === 'go') mod.go = d.args[0] ?? null;
    else if (d.verb === 'toolchain') mod.toolchain = d.args[0] ?? null;
    else if (d.verb === 'require') {
      const [path, version] = d.args;
      if (path === undefined || version === undefined) {
        throw new UserError(`${file} line ${d.line}: a require needs a module path and a version. Fix the file (\`go mod tidy\`) and run again.`);
      }
      mod.requires.push({ path, version, indirect: /(^|;)\s*indirect\s*(;|$)/.test(d.comment) });
    }
  }
  return mod;
}

export function parseGoWork(text: string, file = 'go.work'): GoWork {
  const work: GoWork = { go: null, toolchain: null, use: [] };
  for (const d of directives(text, file)) {
    if (d.verb === 'go') work.go = d.args[0] ?? null;
    else if (d.verb === 'toolchain') work.toolchain = d.args[0] ?? null;
    else if (d.verb === 'use' && d.args[0] !== undefined) {
      const dir = d.args[0].replace(/\\/g, '/').replace(/^(\.\/)+/, '').replace(/\/+$/, '');
      if (dir.startsWith('/') || dir.split('/').includes('..')) {
        throw new UserError(`${file} line ${d.line} uses ${d.args[0]}, outside this folder; a Docker build sees only the build context. Run the tool from the folder that holds every module.`);
      }
      work.use.push(dir === '' || dir === '.' ? '.' : dir);
    }
  }
  return work;
}

/** Module paths listed in vendor/modules.txt ("# github.com/mattn/go-sqlite3 v1.14.22"). */
export function vendoredModules(text: string): string[] {
  const paths: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const match = /^# (\S+) v\S+/.exec(line);
    if (match) paths.push(match[1] as string);
  }
  return paths;
}
