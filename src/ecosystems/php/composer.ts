// Reading composer.json and composer.lock: the platform requirements (php, ext-*) of the app and
// of every locked production package, and which packages are locked. Composer's own formats:
// https://getcomposer.org/doc/04-schema.md (require, config.platform),
// https://getcomposer.org/doc/01-basic-usage.md#commit-your-composer-lock-file-to-version-control.
import type { Project } from '../../project.js';
import { UserError } from '../../errors.js';

export interface ComposerJson {
  require: Record<string, string>;
  /** config.platform.php: the PHP version Composer resolved the lock for. */
  platformPhp: string | null;
  raw: Record<string, unknown>;
}

export interface LockedPackage {
  name: string;
  require: Record<string, string>;
}

export function readComposerJson(project: Project): ComposerJson | null {
  const raw = project.readJson('composer.json');
  if (raw === null) return null;
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new UserError('composer.json must contain a JSON object. Fix the file and run again.');
  const obj = raw as Record<string, unknown>;
  for (const field of ['require', 'require-dev', 'config']) {
    const value = obj[field];
    if (value !== undefined && (value === null || typeof value !== 'object' || Array.isArray(value))) {
      throw new UserError(`composer.json "${field}" must be an object. Fix the file and run again.`);
    }
  }
  const platform = record(record(obj.config).platform).php;
  return { require: strings(obj.require), platformPhp: typeof platform === 'string' ? platform : null, raw: obj };
}

/** The production packages of composer.lock (packages-dev are never installed with --no-dev). */
export function readComposerLock(project: Project): LockedPackage[] | null {
  const raw = project.readJson('composer.lock');
  if (raw === null) return null;
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new UserError('composer.lock must contain a JSON object. Run `composer update --lock` and commit the result.');
  const packages = (raw as Record<string, unknown>).packages;
  if (packages === undefined) return [];
  if (!Array.isArray(packages)) throw new UserError('composer.lock "packages" must be a list. Run `composer update --lock` to rewrite it.');
  return packages.flatMap((p): LockedPackage[] => {
    const pkg = record(p);
    return typeof pkg.name === 'string' ? [{ name: pkg.name, require: strings(pkg.require) }] : [];
  });
}

/**
 * A Composer version constraint as a node-semver range, or null when it cannot be read. Composer
 * separates alternatives with `|` or `||` and joins with `,` or spaces; `~8.3` means >=8.3 <9.0 in
 * Composer but >=8.3 <8.4 in node-semver, so two-part tildes are spelled out
 * (https://getcomposer.org/doc/articles/versions.md#tilde-version-range-).
 */
export function composerRange(constraint: string): string | null {
  const alternatives = constraint.split('|').map((s) => s.trim()).filter((s) => s !== '');
  if (alternatives.length === 0) return null;
  const out: string[] = [];
  for (const alternative of alternatives) {
    const parts = joinOperators(alternative.split(/[\s,]+/).filter((s) => s !== ''));
    const converted: string[] = [];
    for (const raw of parts) {
      const part = raw.replace(/@\w+$/, '').replace(/^(\D*)v(?=\d)/, '$1');
      const tilde = /^~(\d+)\.(\d+)$/.exec(part);
      if (tilde) converted.push(`>=${tilde[1]}.${tilde[2]}.0 <${Number(tilde[1]) + 1}.0.0-0`);
      else if (!/^(?:[<>=!^~]{0,2}\d+(?:\.(?:\d+|\*|x))*(?:-[\w.]+)?|\*|-)$/.test(part)) return null;
      else converted.push(part.startsWith('!=') ? '' : part);
    }
    out.push(converted.filter((s) => s !== '').join(' ') || '*');
  }
  return out.join(' || ');
}

/** ">= 8.1" is one comparator: a token that is only an operator joins the version after it. */
function joinOperators(tokens: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (/^[<>=!^~]{1,2}$/.test(token) && i + 1 < tokens.length) out.push(token + tokens[++i]!);
    else out.push(token);
  }
  return out;
}

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function strings(value: unknown): Record<string, string> {
  return Object.fromEntries(Object.entries(record(value)).filter((e): e is [string, string] => typeof e[1] === 'string'));
}
