// Rendering: a private Handlebars instance (noEscape, strict) over the built-in templates, with a
// user's override folder laid on top. A file in the override folder replaces the built-in file
// of the same relative path; a partial replaces a partial.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
// The runtime only: the built-in templates are precompiled at build time. The compiler (parser and
// code generator, several times the runtime's code) is loaded in compile() for a template that has
// no precompiled entry.
import HandlebarsRuntime from 'handlebars/runtime.js';
import type Handlebars from 'handlebars';
import { UserError } from '../errors.js';
import { FileAccess } from '../files/access.js';
import { listPackageDir, packageFileExists, readPackageText } from '../files/package-files.js';
import { handlebarsCompiler } from '../lazy.js';
import { PACKAGE_ROOT } from '../paths.js';
import type { Language, RenderedFiles } from '../types.js';
import { commentText, copyArgs, dockerString, execForm, shellWord, workdirArg } from './quote.js';

/** Built-in templates ship in the package, found from its root (src/paths.ts), never from the cwd. */
export const BUILTIN_TEMPLATES = fileURLToPath(new URL('templates/', PACKAGE_ROOT));

/** Output file -> template name inside templates/<language>/ (dotfiles kept under plain names). */
const TEMPLATE_FILES: Record<string, string> = {
  Dockerfile: 'Dockerfile.hbs',
  '.dockerignore': 'dockerignore.hbs',
};

/**
 * A user's override folder and the file layer it is read through: the project's (for
 * .slim-image/templates/) or one bounded by the folder itself (for --templates). A template that
 * is a link leading out of it, a folder, a FIFO or too large is refused, naming the file.
 */
export interface Overrides {
  dir: string;
  access: FileAccess;
}

interface Source {
  path: string;
  text: string;
  override: boolean;
  /** The template it stands for, relative to templates/ ("node/Dockerfile.hbs"): its precompiled entry's name, in its folder's file. */
  name: string;
}

export function render(language: Language, view: Record<string, unknown>, overrides?: Overrides | string): RenderedFiles {
  // A bare path (tests, callers without a project) is bounded by the folder itself.
  const folder = typeof overrides === 'string' ? { dir: overrides, access: new FileAccess(overrides, undefined, 'the template folder') } : overrides;
  const hbs = createInstance();
  for (const [name, source] of partials(folder)) {
    const compiled = compile(hbs, source);
    // Errors while rendering a partial (an unknown field under strict) name the partial's file,
    // not the template that included it.
    hbs.registerPartial(name, ((context: unknown, options?: Handlebars.RuntimeOptions) => {
      try {
        return compiled(context, options);
      } catch (error) {
        throw templateError(source, error);
      }
    }) as Handlebars.Template);
  }
  const files: RenderedFiles = {};
  for (const [file, template] of Object.entries(TEMPLATE_FILES)) {
    const source = load(`${language}/${template}`, folder);
    try {
      files[file] = normalize(compile(hbs, source)(view));
    } catch (error) {
      throw templateError(source, error);
    }
  }
  return files;
}

function createInstance(): typeof Handlebars {
  const hbs = (HandlebarsRuntime as unknown as typeof Handlebars).create();
  hbs.registerHelper('json', (value: unknown) => (Array.isArray(value) ? execForm(value.map(String)) : JSON.stringify(value)));
  hbs.registerHelper('sh', (value: unknown) => shellWord(String(value)));
  hbs.registerHelper('shwords', (values: unknown) => (values as unknown[]).map((v) => shellWord(String(v))).join(' '));
  hbs.registerHelper('envValue', (value: unknown) => dockerString(String(value)));
  hbs.registerHelper('comment', (value: unknown) => commentText(String(value)));
  hbs.registerHelper('copy', (sources: unknown, ...rest: unknown[]) => {
    // {{copy sources destination}}, or {{copy list}} with the destination last (rest holds only
    // Handlebars' options object then).
    const list = (Array.isArray(sources) ? sources : [sources]).map(String);
    if (rest.length > 1) return copyArgs(list, String(rest[0]));
    if (list.length < 2) throw new UserError('{{copy list}} needs at least one source and a destination, the destination last.');
    return copyArgs(list.slice(0, -1), list[list.length - 1]!);
  });
  hbs.registerHelper('workdir', (path: unknown) => workdirArg(String(path)));
  // Handlebars' built-in {{log}} prints through console.log, i.e. to stdout, which would break
  // --json (stdout holds only the report) and bypass the terminal sanitiser: in templates it
  // prints nothing (README "Template overrides").
  hbs.registerHelper('log', () => '');
  hbs.registerHelper('join', (values: unknown, separator: unknown) =>
    (values as unknown[]).map(String).join(typeof separator === 'string' ? separator : ' '));
  return hbs;
}

/** Options every template is compiled with; the build's precompiler uses the same. */
export const COMPILE_OPTIONS = { noEscape: true, strict: true } as const;

/**
 * Built-in templates precompiled at build time (scripts/precompile-templates.mjs), one file per
 * folder of templates/, each entry with the text it was made from: compiling them at every run
 * cost most of the CLI's start-up. A template whose text is not the entry's (an override, a file
 * edited since the build) or that has no entry (a source run without a build) is compiled as usual.
 */
const precompiled = new Map<string, Record<string, { text: string; spec: TemplateSpecification }>>();

/** The precompiled specification of a template, from its folder's file (loaded on first use), if its text is the one it was made from. */
function precompiledSpec(source: Source): TemplateSpecification | undefined {
  const folder = source.name.slice(0, source.name.indexOf('/'));
  let table = precompiled.get(folder);
  if (table === undefined) {
    const file = `./precompiled-${folder}.cjs`;
    table = packageFileExists(fileURLToPath(new URL(file, import.meta.url))) ? (requireHere()(file) as Record<string, { text: string; spec: TemplateSpecification }>) : {};
    precompiled.set(folder, table);
  }
  // A string comparison, not a hash of the text: it runs at memory speed, where hashing the
  // templates in JavaScript cost a millisecond of every run.
  const entry = table[source.name];
  return entry !== undefined && entry.text === source.text ? entry.spec : undefined;
}

/**
 * `require` for files beside this module. Inside the CommonJS bundle that is the bundle file's own
 * `require`, which bin/cached-require.cjs gives V8's code cache, so the templates' code is not
 * compiled anew at each run; from the ES module tree (tests, tsc's dist/) it is Node's.
 */
function requireHere(): NodeJS.Require {
  return typeof require === 'function' ? require : createRequire(import.meta.url);
}

type TemplateSpecification = Parameters<typeof Handlebars.template>[0];

function compile(hbs: typeof Handlebars, source: Source): Handlebars.TemplateDelegate {
  const spec = precompiledSpec(source);
  if (spec) return hbs.template(spec);
  try {
    // An override, or a run from source without a build: compiled now, as the build's precompiler
    // does, into a template of this runtime instance (its helpers and partials). Syntax errors
    // are thrown here, so they point at this file.
    const code = handlebarsCompiler().precompile(source.text, COMPILE_OPTIONS);
    return hbs.template(new Function(`return ${code};`)() as TemplateSpecification);
  } catch (error) {
    throw templateError(source, error);
  }
}

function load(relative: string, overrides?: Overrides): Source {
  if (overrides) {
    const text = readOverride(overrides, relative);
    if (text !== null) return { path: join(overrides.dir, relative), text, override: true, name: relative };
  }
  const path = join(BUILTIN_TEMPLATES, relative);
  if (!packageFileExists(path)) throw new Error(`built-in template ${relative} is missing`);
  return { path, text: readPackageText(path), override: false, name: relative };
}

function partials(overrides?: Overrides): Map<string, Source> {
  const found = new Map<string, Source>();
  const builtin = join(BUILTIN_TEMPLATES, 'partials');
  for (const name of listPackageDir(builtin)) {
    if (name.endsWith('.hbs')) found.set(name.slice(0, -4), { path: join(builtin, name), text: readPackageText(join(builtin, name)), override: false, name: `partials/${name}` });
  }
  if (overrides) {
    const dir = join(overrides.dir, 'partials');
    if (overrides.access.probe(dir).kind === 'outside') {
      throw new UserError(`Template override folder ${dir} is a symbolic link that leads outside ${overrides.access.where}; templates are read only from inside it. Copy the partials into the folder instead of linking it.`);
    }
    for (const { name } of overrides.access.list(dir, 'partials', 'keep')) {
      if (!name.endsWith('.hbs')) continue;
      const text = readOverride(overrides, `partials/${name}`);
      if (text !== null) found.set(name.slice(0, -4), { path: join(dir, name), text, override: true, name: `partials/${name}` });
    }
  }
  return found;
}

/**
 * An override template's text, or null when the folder has none. Unlike a project file, a
 * template that leads outside its folder is an error, not a warning: rendering the built-in one
 * instead would quietly give a Dockerfile the team did not write.
 */
function readOverride(overrides: Overrides, relative: string): string | null {
  const path = join(overrides.dir, relative);
  const shown = `Template override ${path}`;
  const probe = overrides.access.probe(path);
  if (probe.kind === 'missing') return null;
  if (probe.kind === 'outside') {
    throw new UserError(`${shown} is a symbolic link that leads outside ${overrides.access.where}; templates are read only from inside it. Copy the template into the folder instead of linking it.`);
  }
  if (probe.kind === 'dir' || probe.kind === 'special') {
    throw new UserError(`${shown} is ${probe.kind === 'dir' ? 'a folder' : 'a FIFO, socket or device'}, not a file. Remove it (or replace it with a template file), then run again.`);
  }
  const bytes = overrides.access.readBytes(path, shown, 'template');
  if (bytes === null) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UserError(`${shown} is not valid UTF-8 text; save it as UTF-8.`);
  }
}

/** One trailing newline, no trailing spaces, at most one blank line in a row. */
function normalize(text: string): string {
  return `${text.replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

function templateError(source: Source, error: unknown): Error {
  if (error instanceof UserError) return error;
  // Strict-mode lookups say `"x" not defined in [object Object]`; the object adds nothing.
  const message = String((error as Error).message ?? error).replace(/ in \[object Object\]/g, '').split('\n').filter(Boolean);
  // Parse errors say "on line N"; strict-mode lookups end with " - N:column".
  const joined = message.join(' ');
  const line = /line (\d+)/i.exec(joined)?.[1] ?? / - (\d+):\d+/.exec(joined)?.[1] ?? (error as { lineNumber?: number }).lineNumber ?? partialLine(source.text, joined);
  const where = line ? `${source.path}:${line}` : source.path;
  const text = `Template ${where}: ${message[0] ?? 'cannot be rendered'}${message.length > 1 ? ` (${message.slice(1).join(' ').trim()})` : ''}.`;
  if (source.override) return new UserError(`${text} Fix the override template, or remove it to use the built-in one.`);
  return new Error(text);
}

/** "The partial x could not be found" carries no position: find the first {{> x}} in the source. */
function partialLine(text: string, message: string): number | undefined {
  const name = /The partial (\S+) could not be found/.exec(message)?.[1];
  if (name === undefined) return undefined;
  const index = text.search(new RegExp(`\\{\\{~?>\\s*${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=[\\s}~])`));
  return index < 0 ? undefined : text.slice(0, index).split('\n').length;
}
