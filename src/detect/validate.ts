// The gate between detection and rendering: every value taken from a project is checked for what
// it is before any template sees it. Quoting helpers make values inert where they land; this
// refuses values that cannot be made safe, naming the field and the file it came from.
import { UserError } from '../errors.js';
import type { CommonFacts } from '../types.js';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f\u2028\u2029]/;
/** Longest value we put into a Dockerfile; longer ones are refused, not truncated. */
export const MAX_VALUE_LENGTH = 4096;
/** Keys whose strings are paths inside the project (relative, no `..`, no absolute). */
const PATH_KEY = /(^|[a-z])(Files?|Dir|Path|lockfile|entry)$/i;
/** Our own prose (notes, references, warnings) never reaches Dockerfile syntax unquoted. */
const PROSE_KEYS = new Set(['warnings', 'note', 'reference', 'source', 'why']);

export function validateFacts(facts: CommonFacts): void {
  const port = facts.port.value;
  if (port !== null && (!Number.isInteger(port) || port < 1 || port > 65535)) {
    throw new UserError(`The port ${String(port)} (from ${facts.port.source}) is not a whole number from 1 to 65535. Fix it there, or pass --port.`);
  }
  walk(facts, [], facts);
}

function walk(value: unknown, path: string[], facts: CommonFacts): void {
  if (typeof value === 'string') {
    checkString(value, path, facts);
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => walk(item, [...path, String(index)], facts));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (PROSE_KEYS.has(key)) continue;
      walk(child, [...path, key], facts);
    }
  }
}

function checkString(value: string, path: string[], facts: CommonFacts): void {
  const field = describe(path, facts);
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
}

const LABELS: Record<string, [string, (f: CommonFacts) => string]> = {
  start: ['The start command', (f) => f.start.source],
  port: ['The port', (f) => f.port.source],
  runtime: ['The runtime version', (f) => f.runtime.source],
  packageManager: ['The package manager', (f) => f.packageManager.source],
  framework: ['The framework', (f) => f.framework.source],
};

function describe(path: string[], facts: CommonFacts): string {
  const top = path[0] ?? '';
  const label = LABELS[top];
  if (label) return `${label[0]} (from ${label[1](facts)})`;
  if (top === 'nativeDependencies') {
    const dep = facts.nativeDependencies[Number(path[1])];
    return `The dependency name "${dep?.name.slice(0, 40) ?? '?'}" (from ${dep?.source ?? 'a lockfile'})`;
  }
  return `The detected value ${path.join('.')}`;
}
