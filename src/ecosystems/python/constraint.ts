// Python version constraints (PEP 440 specifiers as in requires-python, and Poetry's caret/tilde
// syntax) turned into node-semver ranges, so src/plan/versions.ts can match them against the
// catalog's minor-version families. Only what a Python version constraint can say is handled;
// anything else returns null and the caller reports the file.
import * as semver from '../../semver.js';

/** "3" -> "3.0", "3.12" -> "3.12", "3.12.4" -> "3.12.4"; pre/post/dev parts are dropped. */
function release(version: string): number[] | null {
  const match = /^v?(\d+(?:\.\d+)*)(?:[._-]?(?:a|b|rc|c|alpha|beta|pre|preview|post|dev)\d*)*$/i.exec(version.trim());
  if (!match) return null;
  return (match[1] as string).split('.').map(Number);
}

const full = (parts: number[]): string => [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0].join('.');

/** One clause ("~=3.11", ">=3.10", "==3.12.*", "^3.11") -> a semver comparator set, or null. */
function clause(text: string): string | null {
  const match = /^(~=|===|==|!=|<=|>=|<|>|\^|~)?\s*(.+)$/.exec(text.trim());
  if (!match) return null;
  const op = match[1] ?? '';
  let version = (match[2] as string).trim();
  const wildcard = version.endsWith('.*');
  if (wildcard) version = version.slice(0, -2);
  if (version === '*' && op === '') return '*';
  const parts = release(version);
  if (parts === null || parts.length === 0) return null;
  switch (op) {
    case '':
    case '==':
    case '===':
      // "3.12", "==3.12.*" and Poetry's bare "3.12" mean the 3.12 family; "==3.12.4" one release.
      return wildcard || parts.length < 3 ? parts.join('.') : full(parts);
    case '!=':
      // Excluding one release never removes a whole minor; excluding "3.12.*" does.
      if (wildcard && parts.length === 2) return `<${parts[0]}.${parts[1]}.0-0 || >=${parts[0]}.${(parts[1] ?? 0) + 1}.0`;
      return '*';
    case '~=': {
      // PEP 440 compatible release: ~=3.11 is >=3.11,<4; ~=3.11.2 is >=3.11.2,<3.12.
      if (parts.length < 2) return null;
      const upper = parts.slice(0, -1);
      upper[upper.length - 1] = (upper[upper.length - 1] ?? 0) + 1;
      return `>=${full(parts)} <${full(upper)}-0`;
    }
    case '^':
    case '~':
      return `${op}${parts.join('.')}`;
    default:
      return `${op}${full(parts)}`;
  }
}

/** AND of clauses, where one clause may itself be an OR ("!=3.12.*"): distribute into an OR of ANDs. */
function conjunction(clauses: string[]): string {
  let sets: string[] = [''];
  for (const c of clauses) {
    if (c === '*') continue;
    const alternatives = c.split('||').map((s) => s.trim());
    sets = sets.flatMap((set) => alternatives.map((alt) => `${set} ${alt}`.trim()));
  }
  const joined = sets.filter((s) => s !== '').join(' || ');
  return joined === '' ? '*' : joined;
}

/**
 * A PEP 440 specifier set (">=3.11,<3.14", "~=3.12") or a Poetry constraint ("^3.11",
 * ">=3.10,<3.13 || 3.9") as a node-semver range; null when it cannot be read.
 */
export function pythonConstraintToSemver(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '' ) return null;
  const alternatives = trimmed.split('||').map((alt) => alt.trim());
  const ranges: string[] = [];
  for (const alt of alternatives) {
    // PEP 440 separates clauses with commas; Poetry also accepts spaces between them.
    const pieces = alt.split(',').flatMap((p) => p.trim().split(/(?<!\s)\s+(?=[<>=!~^])/)).filter((p) => p !== '');
    const clauses = pieces.map(clause);
    if (clauses.some((c) => c === null)) return null;
    ranges.push(conjunction(clauses as string[]));
  }
  const range = ranges.join(' || ');
  return semver.validRange(range, { loose: true }) === null ? null : range;
}

/** "3.12", "3.12.4", "python-3.11.9", "cpython-3.12" -> "3.12" style version text, else null. */
export function plainPythonVersion(text: string): string | null {
  const match = /^(?:c?python-?)?(3\.\d{1,2}(?:\.\d{1,3})?)(?:[a-z]+\d*)?$/i.exec(text.trim());
  return match ? (match[1] as string) : null;
}
