// Per-ecosystem test data for the suites that run over every ecosystem: the safety suites
// (test/safety-*.test.ts) and the real-build suite (test/e2e/). Each ecosystem registered in
// src/ecosystems/index.ts (ECOSYSTEMS) keeps its data next to its code, in
// src/ecosystems/<language>/test/cases.ts, as one exported object `cases` of the type below. The
// suites loop over the registry and load that file; a registered ecosystem without one fails them
// with a message that says so. Also here: the small helpers that data is written with.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Ecosystem } from '../src/ecosystem.js';
import { ECOSYSTEMS } from '../src/ecosystems/index.js';
import type { Language } from '../src/types.js';

export const ROOT = join(import.meta.dirname, '..');
export const FIXTURES = join(ROOT, 'test', 'fixtures');

/** A file's new contents (text or bytes), a function of its old contents, or null to delete it. */
export type Edit = string | Buffer | null | ((old: string) => string);

/** A manifest field that reaches a template: hostile values there are refused naming the file, or inert. */
export interface HostileField {
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
  /**
   * The value is a path the Dockerfile copies, works in or passes to a command: path-shaped
   * values (HOSTILE_PATHS: a trailing backslash or space, glob characters, quotes) are refused
   * naming the file, or reach the Dockerfile so BuildKit reads exactly that path. Returns the
   * path piece the project then holds (after the edit's own renaming), which the Dockerfile must
   * name; null when a run may rightly not name it (a jar name the build decides).
   */
  path?: (value: string) => string | null;
}

/** A path the Dockerfile would copy that holds a "$" (COPY and WORKDIR expand variables): refused naming it. */
export interface VariablePath {
  what: string;
  fixture: string;
  edits: Record<string, Edit>;
  args: string[];
  /** The refusal must match this (and say "variable"). */
  names: RegExp;
}

/** A malformed manifest or lockfile: exit 1 naming the file, one error paragraph, nothing written. */
export interface MalformedFile {
  what: string;
  fixture: string;
  edits: Record<string, Edit>;
  /** The message must match: the file, and the line where the format's parser reports one. */
  message: RegExp;
  args?: string[];
}

/** A file the tool reads as text, not with a parser: any content gives a clean result (exit 0 or 1, no crash). */
export interface TextFile {
  what: string;
  fixture: string;
  edits: Record<string, Edit>;
}

/** How the random-tree property writes an optional file: not at all, well-formed, or garbage. */
export type Mode = 'absent' | 'template' | 'garbage';

/** A random project tree for the property suite (test/safety-property.test.ts). */
export interface RandomTree<K extends string = string> {
  /** Benign values for every slot; the reference tree uses these. */
  benign: Record<K, string>;
  /**
   * Slots whose value legitimately shapes the Dockerfile (a start command that needs a shell, a
   * version that picks another base, a jar name only the build knows): the reference tree keeps
   * the run's own value there, so the comparison covers only the slots that are pure data.
   */
  structural: K[];
  /** Files (or parts) that may be absent, well-formed or garbage. */
  optional: string[];
  tree: (values: Record<K, string>, modes: Record<string, Mode>, garbage: string) => Record<string, string>;
  /** Inputs always tried before the random ones: counterexamples found earlier, kept as regressions. */
  examples?: Array<[Record<K, string>, Record<string, Mode>, string]>;
}

/**
 * A fixture app the e2e suite (test/e2e/verify.e2e.ts) generates for, builds for real, runs and
 * inspects. Only apps that build offline belong here: npm-registry dependencies (npm, pnpm, yarn),
 * standard-library Python, Go, Java and dependency-free Rust; anything needing PyPI, the Go proxy,
 * crates.io or Maven Central stays out. `args` pins what the offline stand-in images can serve
 * (node 22/24 only, no node alpine); with real registries the same pins still build.
 * Written as plain data (strings, booleans, arrays, objects): `npm run bench` reads these
 * literals without a TypeScript loader.
 */
export interface E2eCase {
  /** Names the case in test output and in SLIM_IMAGE_E2E_ONLY. */
  id: string;
  /** Folder under test/fixtures/ (the golden fixtures) or, with `own`, under test/e2e/fixtures/. */
  fixture: string;
  own?: boolean;
  /** Extra CLI flags (after the fixture's own .slim-args.json). */
  args: string[];
  /** The final base the generator must choose for it. */
  base: 'scratch' | 'distroless' | 'alpine' | 'slim';
  /**
   * The app has registry dependencies, so its Dockerfile has an install step whose layer a
   * source change must not invalidate (checked by a rebuild; apps without one skip it).
   */
  dependencies: boolean;
  /** A source file to change for the layer-cache check, and the comment syntax to append. */
  touch: { file: string; comment: string };
  /** What the case covers, for the test name. */
  what: string;
  /** Paths asked of the running image beyond `/` (a single-page app's deep link), with the status and a text the body must hold. */
  probes?: Array<{ path: string; status: number; contains: string }>;
  /**
   * A path the app answers below 400: the run adds `--healthcheck <path>` and the image must report
   * healthy. Absent where nothing in the final image can make a request (a Go or Rust binary, a JRE,
   * a compiled Bun executable), which the run then checks is said instead of written.
   */
  health?: string;
  /** Why the naive single-stage image cannot be built for this app (a Go embed of a front end no naive build makes); absent: it must build and be larger. */
  noNaive?: string;
}

/** Everything the cross-ecosystem suites need from one ecosystem. */
export interface EcosystemCases {
  language: Language;
  /** Its root manifest, one of its markers: a link to itself is named as a loop, an empty folder's error names it. */
  manifest: string;
  /** A small benign project (path -> text) that generates on its own; the projects of all ecosystems in one folder make the CLI ask for --language. */
  project: Record<string, string>;
  /** A golden fixture (test/fixtures/<name>) of this language whose .dockerignore and Dockerfile are checked for secrets. */
  fixture: string;
  /** Local dependency, build and credential paths its .dockerignore keeps out (beyond the shared list). */
  ignored: string[];
  /** Source paths of this language, which every language's .dockerignore lets through. */
  sources: string[];
  /** Every manifest field that reaches its template (test/safety-hostile.test.ts). */
  hostile: HostileField[];
  /** Copied paths with a "$" (test/safety-hostile.test.ts). */
  variablePaths: VariablePath[];
  /** Malformed manifests and lockfiles (test/safety-malformed.test.ts). */
  malformed: MalformedFile[];
  /** Files read as text whatever they hold (test/safety-malformed.test.ts). */
  textFiles: TextFile[];
  /** Its random project trees (test/safety-property.test.ts). */
  randomTree: RandomTree;
  /**
   * Why no app of this language is built for real here, when `e2e` is empty (no SDK image or
   * package feed can reach this machine); absent when it has e2e cases.
   */
  e2eUnavailable?: string;
  /** Apps the real-build suite builds (test/e2e/); keep this property last and plain data, for `npm run bench`. */
  e2e: E2eCase[];
}

/** Types a random tree by its slot names (checked against `benign`), for the EcosystemCases object. */
export function randomTree<K extends string>(
  tree: { benign: Record<K, string> } & Omit<RandomTree<NoInfer<K>>, 'benign'>,
): RandomTree {
  return tree as unknown as RandomTree;
}

/** Where an ecosystem's cases live. */
export const casesFile = (language: string): string => join(ROOT, 'src', 'ecosystems', language, 'test', 'cases.ts');

/**
 * The cases of every registered ecosystem, in registry order. Throws, naming each one, when a
 * registered ecosystem has no cases file, or one that does not export `cases` for its language.
 */
export async function loadEcosystemCases(ecosystems: ReadonlyArray<Pick<Ecosystem, 'language'>> = ECOSYSTEMS): Promise<EcosystemCases[]> {
  const problems: string[] = [];
  const loaded: EcosystemCases[] = [];
  for (const { language } of ecosystems) {
    const file = casesFile(language);
    const relative = file.slice(ROOT.length + 1);
    if (!existsSync(file)) {
      problems.push(`${language} is registered in src/ecosystems/index.ts but has no ${relative}`);
      continue;
    }
    const module = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as { cases?: EcosystemCases };
    if (!module.cases) problems.push(`${relative} does not export \`cases\``);
    else if (module.cases.language !== language) problems.push(`${relative} exports cases for ${module.cases.language}, not ${language}`);
    else loaded.push(module.cases);
  }
  if (problems.length > 0) {
    throw new Error(
      `Every registered ecosystem needs its test cases (one exported \`cases: EcosystemCases\`, see test/ecosystem-cases.ts):\n- ${problems.join('\n- ')}`,
    );
  }
  return loaded;
}

// ---- helpers the cases are written with ----

/** Replace `from` in a file's text, failing loudly when the fixture no longer holds it. */
export const replace = (from: string | RegExp, to: string) => (old: string): string => {
  if (typeof from === 'string' ? !old.includes(from) : !from.test(old)) throw new Error(`fixture text ${String(from)} not found`);
  return old.replace(from, () => to);
};

/** A fixture folder's files recreated under another name (a hostile folder name). */
export function moveDir(fixture: string, from: string, to: string): Record<string, Edit> {
  const edits: Record<string, Edit> = { [from]: null };
  const visit = (rel: string) => {
    for (const name of readdirSync(join(FIXTURES, fixture, from, rel))) {
      const path = rel ? `${rel}/${name}` : name;
      const abs = join(FIXTURES, fixture, from, path);
      if (statSync(abs).isDirectory()) visit(path);
      else edits[`${to}/${path}`] = readFileSync(abs, 'utf8');
    }
  };
  visit('');
  return edits;
}

/** TOML and JSON basic strings share their escapes (\n, \", \\, \uXXXX). */
export const q = (value: string): string => JSON.stringify(value);
/** XML text: markup characters escaped; line breaks stay raw, as XML text allows them. */
export const xml = (value: string): string => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** A Groovy/Kotlin string literal's body, escaped the way both DSLs read it. */
export const groovy = (value: string): string => value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
/** A folder name from a hostile value: no slash, and short enough for the file system. */
export const folder = (value: string): string => value.replace(/\//g, '_').slice(0, 200);
/** A folder or file name from a random value: no slash or NUL, not "." or "..", short enough for the file system. */
export const pathPart = (value: string): string => {
  const cleaned = value.replace(/[/\0]/g, '_').slice(0, 100);
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? 'x' : cleaned;
};

/** Adds a file in the given mode: its well-formed text, garbage, or nothing. */
export function put(files: Record<string, string>, path: string, mode: Mode, text: string, garbage: string): void {
  if (mode === 'template') files[path] = text;
  else if (mode === 'garbage') files[path] = garbage;
}
