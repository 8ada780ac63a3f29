// Shared by the test/safety*.test.ts files: throw-away projects (fixture copies with edits),
// an in-process run of the CLI, the checks every hostile run must pass (no stack trace, nothing
// written, a Dockerfile whose instructions are exactly the template's) and the seed of the
// property runs. The per-ecosystem data lives in src/ecosystems/<lang>/test/cases.ts (type and
// loader: test/ecosystem-cases.ts).
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DockerfileParser } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';
import fc from 'fast-check';
import { expect } from 'vitest';
import { main } from '../src/cli.js';
import { memoryOutput } from '../src/output.js';
import { FIXTURES, type Edit } from './ecosystem-cases.js';

export { FIXTURES, moveDir, replace, type Edit } from './ecosystem-cases.js';

/** A temporary project: a copy of a fixture (or an empty folder) with files added, changed or removed. */
export function makeProject(fixture: string | null, edits: Record<string, Edit> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'slim-safety-'));
  if (fixture) cpSync(join(FIXTURES, fixture), dir, { recursive: true });
  rmSync(join(dir, '.slim-args.json'), { force: true });
  for (const [path, edit] of Object.entries(edits)) {
    const file = join(dir, path);
    if (edit === null) {
      rmSync(file, { force: true, recursive: true });
      continue;
    }
    mkdirSync(dirname(file), { recursive: true });
    if (typeof edit === 'function') writeFileSync(file, edit(existsSync(file) ? readFileSync(file, 'utf8') : ''));
    else writeFileSync(file, edit);
  }
  return dir;
}

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
  dockerfile: string | null;
  dockerignore: string | null;
}

/** main() in-process, non-interactive, with the --json report parsed when it succeeded. */
export async function generate(dir: string, ...args: string[]): Promise<Run> {
  const output = memoryOutput();
  const code = await main([dir, '--yes', '--json', ...args], output);
  const stdout = output.stdout.join('\n');
  const stderr = output.stderr.join('\n');
  let files: Record<string, string> = {};
  if (code === 0 && stdout.trim().startsWith('{')) files = (JSON.parse(stdout) as { files: Record<string, string> }).files;
  return { code, stdout, stderr, dockerfile: files.Dockerfile ?? null, dockerignore: files['.dockerignore'] ?? null };
}

/** Every file under dir (path -> contents, mode and mtime), to prove a run wrote nothing. */
export function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const visit = (rel: string) => {
    for (const name of readdirSync(join(dir, rel))) {
      const path = rel ? `${rel}/${name}` : name;
      const st = lstatSync(join(dir, path), { throwIfNoEntry: false });
      if (!st) continue;
      if (st.isDirectory()) visit(path);
      else files.set(path, `${st.mode}:${st.mtimeMs}:${st.isFile() ? readFileSync(join(dir, path), 'latin1') : ''}`);
    }
  };
  visit('');
  return files;
}

/** Never a stack trace, never an "internal error": every failure is a message for the user. */
export function expectNoCrash(run: Pick<Run, 'stderr' | 'stdout'>): void {
  expect(run.stderr, run.stderr).not.toMatch(/internal error|\n\s+at |^\s+at /m);
  expect(run.stdout).not.toMatch(/\n\s+at \S+ \(/);
}

/** Instruction keywords in order, as Docker's own grammar reads the file. */
export function keywords(dockerfile: string): string[] {
  return DockerfileParser.parse(dockerfile).getInstructions().map((i) => i.getKeyword());
}

/** Every keyword any built-in template writes. */
export const TEMPLATE_KEYWORDS = new Set(['FROM', 'ARG', 'WORKDIR', 'COPY', 'RUN', 'ENV', 'USER', 'EXPOSE', 'CMD', 'ENTRYPOINT', 'LABEL']);

/** A generated Dockerfile is valid, and (when given) has exactly the instruction sequence of the benign run. */
export function expectInert(dockerfile: string, benign?: string[]): void {
  expect(validate(dockerfile)).toEqual([]);
  const found = keywords(dockerfile);
  if (benign) expect(found).toEqual(benign);
  for (const keyword of found) expect(TEMPLATE_KEYWORDS.has(keyword)).toBe(true);
  expect(found.filter((k) => k === 'USER')).toHaveLength(1);
  expect(found.filter((k) => k === 'CMD' || k === 'ENTRYPOINT').length).toBeGreaterThanOrEqual(1);
  expect(found.filter((k) => k === 'CMD').length).toBeLessThanOrEqual(1);
  expect(found.filter((k) => k === 'ENTRYPOINT').length).toBeLessThanOrEqual(1);
  // The instruction a hostile value carries never starts a line of its own.
  expect(dockerfile).not.toMatch(/^\s*(RUN echo INJECTED|USER root # INJECTED)/m);
}

/** Values that try to end a line, continue one, close a quote or run a command. */
export const HOSTILE = [
  'x\nRUN echo INJECTED',
  'x\r\nUSER root # INJECTED',
  'x \\\nRUN echo INJECTED',
  'x"; echo INJECTED; "',
  "x'; echo INJECTED; '",
  'x$(echo INJECTED)',
  'x`echo INJECTED`',
  'x # INJECTED',
  'x\u2028RUN echo INJECTED',
  'sérvér-☃-INJECTED',
  `x${'A'.repeat(10_000)}`,
] as const;

/**
 * Path-shaped values (issue 13): a trailing backslash continues a WORKDIR onto the next line, a
 * trailing space is dropped by WORKDIR, glob characters make COPY match other files, quotes and
 * `<<` are read by BuildKit's word lexer even in JSON form.
 */
export const HOSTILE_PATHS = ['x\\', 'x ', 'x*', 'x?', 'x[ab]', "x'y", 'x"y', 'x y', 'x<<EOF', 'x#y'] as const;

/** Hostile values that are legal in a file or folder name (no NUL or slash). */
export const HOSTILE_NAMES = ['a\nRUN echo INJECTED', 'a"b', "a'b", 'a b', 'a$(id)b', 'a`id`b', 'a#b', 'a\\b', '-rf', 'é☃'] as const;

export const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * The fast-check seed of every property run in this process: SLIM_IMAGE_PROPERTY_SEED when set
 * (.ci/run sets one per run and prints it), otherwise a fresh one.
 */
export const PROPERTY_SEED: number = (() => {
  const given = process.env.SLIM_IMAGE_PROPERTY_SEED;
  if (given === undefined || given === '') return (Math.random() * 0x1_0000_0000) | 0;
  const seed = Number(given);
  if (!Number.isSafeInteger(seed)) throw new Error(`SLIM_IMAGE_PROPERTY_SEED must be an integer, not ${JSON.stringify(given)}`);
  return seed | 0;
})();

/**
 * fc.assert with PROPERTY_SEED; a failure's message starts with the seed and the command that
 * replays it (fast-check's own report, with the counterexample and its path, follows).
 */
export async function assertProperty<Ts extends [unknown, ...unknown[]]>(
  name: string,
  property: fc.IAsyncPropertyWithHooks<Ts>,
  params: fc.Parameters<Ts> = {},
): Promise<void> {
  try {
    await fc.assert(property, { ...params, seed: PROPERTY_SEED });
  } catch (error) {
    const replay = `property "${name}" failed with seed ${PROPERTY_SEED}; replay it with: SLIM_IMAGE_PROPERTY_SEED=${PROPERTY_SEED} npm run test:safety -- -t ${JSON.stringify(name)}`;
    if (error instanceof Error) {
      error.message = `${replay}\n${error.message}`;
      throw error;
    }
    throw new Error(`${replay}\n${String(error)}`);
  }
}

/**
 * A word as BuildKit's lexer reads it (moby/buildkit frontend/dockerfile/shell/lex.go, no
 * variables set): `\x` is x; '…' is literal; in "…" a backslash escapes only `"`, `$` and `\`.
 * null when the word would expand a variable or has an unclosed quote.
 */
export function lexWord(word: string): string | null {
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const c = word[i]!;
    if (c === '\\') {
      if (i + 1 < word.length) out += word[++i];
    } else if (c === "'") {
      const end = word.indexOf("'", i + 1);
      if (end < 0) return null;
      out += word.slice(i + 1, end);
      i = end;
    } else if (c === '"') {
      let j = i + 1;
      for (; j < word.length && word[j] !== '"'; j++) {
        if (word[j] === '$') return null;
        if (word[j] === '\\' && '"$\\'.includes(word[j + 1] ?? '')) j++;
        out += word[j];
      }
      if (j >= word.length) return null;
      i = j;
    } else if (c === '$') return null;
    else out += c;
  }
  return out;
}

/**
 * The literal path a COPY source pattern names, as Go's filepath.Match reads it: only
 * one-character classes (`[*]`) may appear; any other `*`, `?`, `[` or `\` globs, so null.
 */
export function literalPattern(pattern: string): string | null {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '[' && pattern[i + 2] === ']' && pattern[i + 1] !== '^' && pattern[i + 1] !== '\\' && pattern[i + 1] !== ']') {
      out += pattern[i + 1];
      i += 2;
    } else if ('*?[\\'.includes(c)) return null;
    else out += c;
  }
  return out;
}

/** Every path a Dockerfile's COPY and WORKDIR instructions name, as BuildKit reads them (null: not literal). */
export function dockerfilePaths(dockerfile: string): { sources: Array<string | null>; destinations: Array<string | null>; workdirs: Array<string | null> } {
  const sources: Array<string | null> = [];
  const destinations: Array<string | null> = [];
  const workdirs: Array<string | null> = [];
  for (const line of dockerfile.replace(/\\\n/g, ' ').split('\n')) {
    const copy = /^COPY\s+((?:--\S+\s+)*)(.*)$/.exec(line);
    if (copy) {
      const rest = copy[2]!.trim();
      const words: string[] = rest.startsWith('[') ? (JSON.parse(rest) as string[]) : rest.split(/\s+/);
      const lexed = words.map(lexWord);
      destinations.push(lexed.pop() ?? null);
      for (const word of lexed) sources.push(word === null ? null : literalPattern(word));
    }
    const workdir = /^WORKDIR\s+(.*)$/.exec(line);
    if (workdir) workdirs.push(lexWord(workdir[1]!.trim()));
  }
  return { sources, destinations, workdirs };
}
