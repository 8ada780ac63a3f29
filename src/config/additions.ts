// Per-stage additions a team asks for without writing a template: --add-package, --env, --label,
// --build-arg (and the same lists in .slim-image/config.json). Every value is checked here, once,
// so the partials that print them only quote; names that reach Dockerfile syntax bare are
// restricted to characters that cannot end an instruction or start another.
import type { Additions } from '../options.js';

// Control characters (newlines included) would start a new Dockerfile instruction.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f\u2028\u2029]/;

/** Debian/Alpine package names (Debian policy 5.6.1: lower case, digits, + - .); `_` for Alpine. */
export const PACKAGE_NAME = /^[a-z0-9][a-z0-9+._-]*$/;
/** Environment and build-argument names as POSIX shells accept them. */
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Label keys: reverse-DNS style (org.opencontainers.image.source) as the OCI annotations spec suggests. */
const LABEL_KEY = /^[a-z0-9][a-z0-9._-]*$/i;

/** A problem with one value, said so the caller can prefix the flag or config field. */
export class AdditionProblem extends Error {}

function noControl(value: string, what: string): void {
  if (CONTROL.test(value)) throw new AdditionProblem(`${what} contains a newline or control character (${JSON.stringify(value).slice(0, 60)})`);
}

/** NAME=VALUE split at the first `=` (values may hold more); no `=` gives a null value. */
function split(raw: string, what: string): [string, string | null] {
  noControl(raw, what);
  const at = raw.indexOf('=');
  return at < 0 ? [raw, null] : [raw.slice(0, at), raw.slice(at + 1)];
}

export function parsePackage(raw: string): string {
  noControl(raw, 'package');
  const name = raw.trim();
  if (!PACKAGE_NAME.test(name)) {
    throw new AdditionProblem(`"${raw}" is not an OS package name (lower-case letters, digits and + . _ -, starting with a letter or digit, e.g. curl or libpq5)`);
  }
  return name;
}

export function parseEnv(raw: string): { name: string; value: string } {
  const [name, value] = split(raw, 'variable');
  if (value === null) throw new AdditionProblem(`"${raw}" needs the form NAME=VALUE (e.g. LOG_LEVEL=info)`);
  checkVariable(name, raw);
  return { name, value };
}

export function parseLabel(raw: string): { key: string; value: string } {
  const [key, value] = split(raw, 'label');
  if (value === null) throw new AdditionProblem(`"${raw}" needs the form KEY=VALUE (e.g. org.opencontainers.image.source=https://github.com/acme/api)`);
  if (!LABEL_KEY.test(key)) {
    throw new AdditionProblem(`label key "${key}" must be letters, digits, dots, dashes and underscores, starting with a letter or digit (reverse-DNS style, e.g. org.opencontainers.image.source)`);
  }
  return { key, value };
}

export function parseBuildArg(raw: string): { name: string; value: string | null } {
  const [name, value] = split(raw, 'build argument');
  checkVariable(name, raw);
  return { name, value };
}

function checkVariable(name: string, raw: string): void {
  if (!VARIABLE_NAME.test(name)) {
    throw new AdditionProblem(`"${name}" in "${raw}" is not a variable name (letters, digits and _, not starting with a digit)`);
  }
}

/**
 * Lays `over` on `under`: a later value for the same name or key wins, packages are a set.
 * Order is kept (first appearance), so the Dockerfile does not churn between runs.
 */
export function mergeAdditions(under: Additions, over: Additions): Additions {
  const byKey = <T>(a: T[], b: T[], key: (item: T) => string): T[] => {
    const map = new Map<string, T>();
    for (const item of [...a, ...b]) map.set(key(item), item);
    return [...map.values()];
  };
  return {
    packages: [...new Set([...under.packages, ...over.packages])],
    env: byKey(under.env, over.env, (e) => e.name),
    labels: byKey(under.labels, over.labels, (l) => l.key),
    buildArgs: byKey(under.buildArgs, over.buildArgs, (b) => b.name),
  };
}
