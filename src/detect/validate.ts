// The gate between detection and rendering: every value taken from a project is checked for what
// it is before any template sees it. Quoting helpers make values inert where they land; this
// refuses values that cannot be made safe, naming the field and the file it came from.
import { UserError } from '../errors.js';
import { shorten } from '../project.js';
import type { Ecosystem } from '../ecosystem.js';
import type { CommonFacts } from '../types.js';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f\u2028\u2029]/;
/** Longest value we put into a Dockerfile; longer ones are refused, not truncated. */
const MAX_VALUE_LENGTH = 4096;
/**
 * Keys whose strings are paths inside the project (relative, no `..`, no absolute): what COPY
 * and WORKDIR take. Workspace manifests and package folders count too.
 */
const PATH_KEY = /(^|[a-z])(Files?|Dirs?|Path|lockfile|entry|Manifests)$|^(manifests|runtimePackages|dir)$/i;
/** Our own prose (notes, references, warnings) never reaches Dockerfile syntax unquoted. */
const PROSE_KEYS = new Set(['warnings', 'note', 'reference', 'source', 'why']);

/** Ecosystem fields are named by the ecosystem's own labels (Ecosystem.fields). */
type Labels = Pick<Ecosystem, 'fields' | 'manifestExtensions'> & Partial<Pick<Ecosystem, 'markers'>>;

export function validateFacts(facts: CommonFacts, labels: Labels): void {
  const port = facts.port.value;
  if (port !== null && (!Number.isInteger(port) || port < 1 || port > 65535)) {
    throw new UserError(`The port ${String(port)} (from ${facts.port.source}) is not a whole number from 1 to 65535. Fix it there, or pass --port.`);
  }
  // The fields the user knows by name first, so a bad value is named by the file it came from
  // (a start file name also shows up in portSetting.where, which names no manifest).
  const first = [...Object.keys(LABELS), ...Object.keys(labels.fields)].filter((key, i, all) => key in facts && all.indexOf(key) === i);
  for (const key of first) walk((facts as unknown as Record<string, unknown>)[key], [key], facts, labels);
  walk(Object.fromEntries(Object.entries(facts).filter(([key]) => !first.includes(key))), [], facts, labels);
}

function walk(value: unknown, path: string[], facts: CommonFacts, labels: Labels): void {
  if (typeof value === 'string') {
    checkString(value, path, facts, labels);
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => walk(item, [...path, String(index)], facts, labels));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (PROSE_KEYS.has(key)) continue;
      walk(child, [...path, key], facts, labels);
    }
  }
}

function checkString(value: string, path: string[], facts: CommonFacts, labels: Labels): void {
  const field = describe(path, facts, labels);
  if (CONTROL.test(value)) {
    throw new UserError(
      `${field} contains a newline or control character (${JSON.stringify(value).slice(0, 60)}), which could add instructions to the Dockerfile. ` +
        'Remove it from the project file, or pass the value with its flag (--cmd, --port, --runtime-version).',
    );
  }
  if (value.length > MAX_VALUE_LENGTH) {
    throw new UserError(`${field} is ${value.length} characters long, more than the ${MAX_VALUE_LENGTH} this tool puts into a Dockerfile. Shorten it, or pass the value with its flag.`);
  }
  const key = [...path].reverse().find((p) => !/^\d+$/.test(p)) ?? '';
  if (PATH_KEY.test(key) && (value.startsWith('/') || value.split('/').includes('..'))) {
    throw new UserError(`${field} is "${value}", a path outside the project; only paths inside the project folder can be copied into an image.`);
  }
  // COPY and WORKDIR expand $VAR and ${VAR} even in their JSON form, so a `$` in a path would
  // copy a different path than the project's (or none); no quoting stops that, so refuse it.
  if (PATH_KEY.test(key) && value.includes('$')) {
    throw new UserError(`${field} is ${JSON.stringify(shorten(value))}, a path with a "$", which a Dockerfile reads as a variable in COPY and WORKDIR. Rename it without "$" and run again.`);
  }
  // A backslash is an escape to BuildKit's word lexer and COPY's matcher, and at the end of a
  // line it continues the instruction onto the next one (WORKDIR would swallow USER): refused.
  // Spaces and quotes are fine: the copy and workdir helpers quote them.
  if (PATH_KEY.test(key) && value.includes('\\')) {
    throw new UserError(`${field} is ${JSON.stringify(shorten(value))}, a path with a backslash, which a Dockerfile reads as an escape (or, at the end of a line, as a line continuation) in COPY and WORKDIR. Rename it without "\\" and run again.`);
  }
  // COPY reads `*`, `?` and `[` as wildcards and would copy other files too; no escape names such
  // a file on both BuildKit and buildah (src/render/quote.ts assertNoGlob), so refuse it.
  if (PATH_KEY.test(key) && /[*?[]/.test(value)) {
    throw new UserError(`${field} is ${JSON.stringify(shorten(value))}, a path with "*", "?" or "[", which COPY reads as a wildcard, so it would copy other files too. Rename it without them and run again.`);
  }
}

const LABELS: Record<string, [string, (f: CommonFacts) => string]> = {
  start: ['The start command', (f) => f.start.source],
  port: ['The port', (f) => f.port.source],
  runtime: ['The runtime version', (f) => f.runtime.source],
  packageManager: ['The package manager', (f) => f.packageManager.source],
  framework: ['The framework', (f) => f.framework.source],
};

/** Sources are prose ("the only binary target"); one that names no file gets the fallback. */
function namesAFile(extensions: string[]): RegExp {
  return new RegExp(`[\\w-]+\\.(${[...COMMON_EXTENSIONS, ...extensions].join('|')})\\b|--\\w`);
}
const COMMON_EXTENSIONS = ['json', 'toml', 'ya?ml', 'lock', 'txt'];

function describe(path: string[], facts: CommonFacts, labels: Labels): string {
  const top = path[0] ?? '';
  const label = LABELS[top];
  if (label) return `${label[0]} (from ${shorten(label[1](facts))})`;
  if (top === 'nativeDependencies' || top === 'dependencies') {
    const dep = top === 'dependencies' ? facts.dependencies?.[Number(path[1])] : facts.nativeDependencies[Number(path[1])];
    return `The dependency name "${dep?.name.slice(0, 40) ?? '?'}" (from ${dep?.source ?? 'a lockfile'})`;
  }
  const field = labels.fields[top];
  if (field) {
    const source = field.source?.(facts) ?? '';
    return `${field.label} (from ${shorten(namesAFile(labels.manifestExtensions).test(source) ? source : field.fallback)})`;
  }
  // A value made of several files' names (a port's file:line, a program's folder): name the manifests.
  const manifests = labels.markers?.slice(0, 3).join(', ');
  return `The detected value ${path.join('.')} (from the ${facts.language} project files${manifests ? `: ${manifests}` : ''})`;
}
