// Which Node.js the project runs on. Version-manager files (.nvmrc, .node-version, .tool-versions,
// Volta's pin) say what developers actually run, so they win over package.json engines.node,
// which says what the package tolerates. Aliases (lts/*, lts/iron, node) are resolved with the
// release schedule as of `today`.
import * as semver from '../../semver.js';
import type { Project } from '../../project.js';
import type { RuntimeRequirement } from '../../types.js';
import { UserError } from '../../errors.js';
import { codenameMajor, ltsMajors, maintainedMajors, NODE_SCHEDULE_SOURCE } from './knowledge/versions.js';
import type { PackageJson } from './manifest.js';
import { NODE_REMOVED_SYNTAX } from './knowledge/syntax.js';

/** "20", "v20", "20.11", "20.11.1": names one version (or one line of them). */
const EXACT = /^v?(\d+)(\.\d+){0,2}$/;

export interface NodeVersionResult {
  runtime: RuntimeRequirement;
  warnings: string[];
}

/** One declared version, before precedence: where it was written and the text. */
interface Declared {
  where: string;
  text: string;
}

export function detectNodeVersion(project: Project, pkg: PackageJson, today: Date): NodeVersionResult {
  const warnings: string[] = [];
  const declared = [
    firstLine(project, '.nvmrc'),
    firstLine(project, '.node-version'),
    toolVersions(project),
    pkg.voltaNode === null ? null : { where: 'package.json volta.node', text: pkg.voltaNode },
  ].find((d): d is Declared => d !== null);
  const engines = pkg.enginesNode === null ? null : { where: 'package.json engines.node', text: pkg.enginesNode };

  if (!declared && !engines) {
    return { runtime: { constraint: null, pinned: false, source: 'default (no .nvmrc, .node-version, .tool-versions, volta or engines.node)' }, warnings };
  }
  if (!declared && engines) {
    return { runtime: parseNodeVersion(engines.text, engines.where, today), warnings };
  }
  const runtime = parseNodeVersion((declared as Declared).text, (declared as Declared).where, today);
  if (engines) {
    const range = semver.validRange(engines.text, { loose: true });
    if (range === null) {
      throw new UserError(`package.json engines.node is "${engines.text}", which is not a version range. Write one like ">=20" or "^22 || ^24".`);
    }
    const wanted = runtime.constraint;
    if (wanted !== null && !semver.intersects(wanted, range, { loose: true })) {
      warnings.push(
        `${(declared as Declared).where} asks for Node ${wanted}, which package.json engines.node "${engines.text}" does not allow; ` +
          `building with ${(declared as Declared).where}. Make them agree.`,
      );
    }
    runtime.source = `${runtime.source} (over package.json engines.node "${engines.text}")`;
  }
  return { runtime, warnings };
}

/**
 * One version string as written in a version file or engines.node. Exact versions are pinned,
 * ranges are not, aliases resolve through the schedule; anything else is an error naming `where`.
 */
export function parseNodeVersion(text: string, where: string, today: Date): RuntimeRequirement {
  const value = text.trim();
  const exact = EXACT.exec(value);
  if (exact) return { constraint: value.replace(/^v/, ''), pinned: true, source: where };

  const alias = value.toLowerCase();
  const lts = ltsMajors(today);
  if (alias === 'lts/*' || alias === 'lts' || alias === 'lts/latest') {
    return aliasTo(lts[0], where, value, `the newest LTS on ${isoDay(today)}`);
  }
  const back = /^lts\/-(\d+)$/.exec(alias);
  if (back) return aliasTo(lts[Number(back[1])], where, value, `${back[1]} LTS line(s) before the newest on ${isoDay(today)}`);
  const codename = /^lts\/([a-z]+)$/.exec(alias);
  if (codename) {
    const major = codenameMajor(codename[1] as string);
    if (major === null) {
      throw new UserError(`${where} says "${value}", but ${codename[1]} is not a Node.js LTS codename (${NODE_SCHEDULE_SOURCE}). Use a version like 22, or lts/jod.`);
    }
    return { constraint: String(major), pinned: true, source: `${where} (${value} = Node ${major})` };
  }
  if (alias === 'node' || alias === 'latest' || alias === 'stable' || alias === 'current') {
    return aliasTo(maintainedMajors(today)[0], where, value, `the newest release line on ${isoDay(today)}`);
  }

  const range = semver.validRange(value, { loose: true });
  // "*" and "" are valid ranges that say nothing; treat them as no constraint rather than pinning.
  if (range !== null && value !== '') {
    return { constraint: value === '*' || value === 'x' ? null : value, pinned: false, source: where };
  }
  throw new UserError(
    `${where} says "${value}", which is not a Node.js version. Write a version like 22 or 22.11.0, ` +
      'a range like ">=20", or an alias like lts/* or lts/jod.',
  );
}

function aliasTo(major: number | undefined, where: string, value: string, meaning: string): RuntimeRequirement {
  if (major === undefined) throw new UserError(`${where} says "${value}" (${meaning}), but no maintained Node.js line matches. Write a version like 22 instead.`);
  // An alias follows the schedule, so it names a line today but does not pin one.
  return { constraint: String(major), pinned: false, source: `${where} (${value} = Node ${major}, ${meaning})` };
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** First meaningful line of a version file (nvm allows trailing comments and blank lines). */
function firstLine(project: Project, file: string): Declared | null {
  const text = project.readText(file);
  if (text === null) return null;
  const line = text
    .split(/\r?\n/)
    .map((l) => l.replace(/#.*$/, '').trim())
    .find((l) => l !== '');
  if (line === undefined) throw new UserError(`${file} is empty; write the Node.js version in it (for example 22) or delete it.`);
  return { where: file, text: line };
}

/** asdf/mise `.tool-versions`: the first version on the `nodejs` (or `node`) line. */
function toolVersions(project: Project): Declared | null {
  const text = project.readText('.tool-versions');
  if (text === null) return null;
  for (const raw of text.split(/\r?\n/)) {
    const words = raw.replace(/#.*$/, '').trim().split(/\s+/);
    if ((words[0] === 'nodejs' || words[0] === 'node') && words[1] !== undefined) {
      return { where: '.tool-versions', text: words[1] };
    }
  }
  return null;
}

/**
 * A version range the code itself needs: syntax a newer Node line rejects (knowledge/syntax.ts)
 * in the files the entry runs caps the line below that release. Only for unpinned projects (a pin
 * is the developer's word); the reason names the file and the syntax.
 */
export function capByCode(runtime: RuntimeRequirement, files: Array<[string, string]>): { runtime: RuntimeRequirement; warnings: string[] } {
  if (runtime.pinned) return { runtime, warnings: [] };
  for (const rule of NODE_REMOVED_SYNTAX) {
    const hit = files.find(([, code]) => rule.pattern.test(code));
    if (hit === undefined) continue;
    const cap = `<${rule.removedIn}`;
    const constraint = runtime.constraint === null
      ? cap
      : runtime.constraint.split('||').map((part) => `${part.trim()} ${cap}`).join(' || ');
    if (semver.validRange(constraint, { loose: true }) === null) continue;
    const why = `${hit[0]} uses ${rule.what}, a SyntaxError from Node ${rule.removedIn} on (${rule.source})`;
    return {
      runtime: { constraint, pinned: false, source: runtime.constraint === null ? why : `${runtime.source}, capped below ${rule.removedIn}: ${why}` },
      warnings: [`${why}; the image uses an older Node line. Move to the newer syntax to run on a current Node.js.`],
    };
  }
  return { runtime, warnings: [] };
}
