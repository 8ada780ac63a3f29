// Reading Bundler's two files. Gemfile.lock is Bundler's own line format
// (https://github.com/rubygems/rubygems/blob/master/bundler/lib/bundler/lockfile_parser.rb): top-level
// section names (GEM, GIT, PATH, PLATFORMS, DEPENDENCIES, RUBY VERSION, BUNDLED WITH, CHECKSUMS),
// specs at four spaces (`name (version[-platform])`), their dependencies at six. The Gemfile is
// Ruby; only the lines that matter here are read (gem names and groups, the `ruby` line, git
// sources), never evaluated.
import { UserError } from '../../errors.js';

export interface LockedSpec {
  name: string;
  version: string;
  /** The platform of a precompiled gem ("x86_64-linux-gnu"), or null for the ruby (source) platform. */
  platform: string | null;
  /** Names of the gems it depends on. */
  dependencies: string[];
}

export interface Lockfile {
  specs: LockedSpec[];
  platforms: string[];
  /** DEPENDENCIES: the Gemfile's gems, by name. */
  dependencies: string[];
  /** RUBY VERSION ("3.3.5"), or null. */
  rubyVersion: string | null;
  bundledWith: string | null;
  /** The lock has GIT sources (the builder needs git). */
  git: boolean;
  /** The lock has PATH sources: gems that live in the project (a gemspec, engines/). */
  path: boolean;
}

const SECTION = /^[A-Z][A-Z ]*$/;
const SPEC = /^ {4}([A-Za-z0-9_.-]+) \(([^()\s]+)\)$/;
const SPEC_DEPENDENCY = /^ {6}([A-Za-z0-9_.-]+)(?: \(|$)/;
const ENTRY = /^ {2}(\S+)/;
/** Words a platform suffix is made of (Gem::Platform: cpu-os[-version]). */
const PLATFORM_WORD = /^(x86_64|x86|i[3-6]86|aarch64|arm64|arm|armv[0-9a-z]+|universal|java|x64|powerpc64le|ppc64le|s390x|riscv64)$/;

/** "1.18.9-x86_64-linux-gnu" -> version 1.18.9, platform x86_64-linux-gnu. */
export function splitPlatform(text: string): { version: string; platform: string | null } {
  const dash = text.indexOf('-');
  if (dash === -1) return { version: text, platform: null };
  const rest = text.slice(dash + 1);
  return PLATFORM_WORD.test(rest.split('-')[0] ?? '') ? { version: text.slice(0, dash), platform: rest } : { version: text, platform: null };
}

export function parseLockfile(text: string, file = 'Gemfile.lock'): Lockfile {
  const lock: Lockfile = { specs: [], platforms: [], dependencies: [], rubyVersion: null, bundledWith: null, git: false, path: false };
  let section = '';
  let current: LockedSpec | null = null;
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines.some((l) => l.startsWith('<<<<<<<') || l.startsWith('>>>>>>>'))) {
    throw new UserError(`${file} holds merge-conflict markers. Resolve the conflict (or run \`bundle lock\`) and run again.`);
  }
  for (const line of lines) {
    if (line.trim() === '') continue;
    if (SECTION.test(line)) {
      section = line;
      current = null;
      if (line === 'GIT') lock.git = true;
      if (line === 'PATH') lock.path = true;
      continue;
    }
    if (section === 'GEM' || section === 'GIT' || section === 'PATH') {
      const spec = SPEC.exec(line);
      if (spec) {
        current = { name: spec[1]!, ...splitPlatform(spec[2]!), dependencies: [] };
        lock.specs.push(current);
        continue;
      }
      const dependency = SPEC_DEPENDENCY.exec(line);
      if (dependency && current) current.dependencies.push(dependency[1]!);
      continue;
    }
    const entry = ENTRY.exec(line);
    if (section === 'PLATFORMS' && entry) lock.platforms.push(entry[1]!);
    else if (section === 'DEPENDENCIES' && entry) lock.dependencies.push(entry[1]!.replace(/!$/, ''));
    else if (section === 'RUBY VERSION') lock.rubyVersion = /ruby (\d+\.\d+\.\d+)/.exec(line)?.[1] ?? lock.rubyVersion;
    else if (section === 'BUNDLED WITH') lock.bundledWith = /^\s+(\d+\.\d+\.\d+\S*)/.exec(line)?.[1] ?? lock.bundledWith;
  }
  if (lock.specs.length === 0 && lock.platforms.length === 0 && lock.dependencies.length === 0) {
    throw new UserError(`${file} is not a Bundler lockfile (no GEM, PLATFORMS or DEPENDENCIES section). Run \`bundle lock\` to write it again, then run this tool.`);
  }
  return lock;
}

export interface GemfileGem {
  name: string;
  /** Only in the development and/or test groups (BUNDLE_WITHOUT leaves it out). */
  devOnly: boolean;
}

export interface Gemfile {
  gems: GemfileGem[];
  /** The `ruby` line: a requirement ("~> 3.3", "3.3.5"), a file it reads, or null. */
  ruby: { requirement: string } | { file: string } | null;
  git: boolean;
  /** What makes the install read files beyond the Gemfile and lockfile (`gemspec`, `eval_gemfile`, `path:` gems), or null. */
  readsSources: string | null;
}

const DEV_GROUPS = new Set(['development', 'test']);
const GEM_LINE = /^gem[ \t]*(?:\([ \t]*)?["']([A-Za-z0-9_.-]+)["']/;
const GROUP_OPTION = /\bgroups?:[ \t]*(%[iIwW]\[[^\][]*\]|\[[^\][]*\]|:\w+|["']\w+["'])/;
const SYMBOLS = /:(\w+)|["'](\w+)["']/g;

/** Group names in `:development, :test`, `[:development, "test"]` or `%i[development test]`. */
function groupNames(text: string): string[] {
  const words = /%[iIwW]\[([^\][]*)\]/.exec(text);
  if (words) return words[1]!.split(/\s+/).filter((w) => w !== '');
  return [...text.matchAll(SYMBOLS)].map((m) => m[1] ?? m[2]!);
}

/** A line without its `#` comment; a `#` inside a quoted string (a path, an interpolation) stays. */
function withoutComment(line: string): string {
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote !== null) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#') return line.slice(0, i);
  }
  return line;
}

/** The gems and their groups, the ruby line; line-based (blocks counted by do/end). */
export function parseGemfile(text: string): Gemfile {
  const gems: GemfileGem[] = [];
  // One entry per open block: true when it is a group of development/test only.
  const blocks: boolean[] = [];
  let ruby: Gemfile['ruby'] = null;
  let git = false;
  let readsSources: string | null = null;
  for (const raw of text.split(/\r?\n/)) {
    const line = withoutComment(raw).trim();
    if (line === '') continue;
    if (/^group\b/.test(line) && /\bdo\s*(\|[^|]*\|)?$/.test(line)) {
      const names = groupNames(line.slice(5, line.lastIndexOf('do')));
      blocks.push(names.length > 0 && names.every((n) => DEV_GROUPS.has(n)));
      continue;
    }
    if (/\bdo\s*(\|[^|]*\|)?$/.test(line)) {
      blocks.push(false);
      continue;
    }
    if (line === 'end' || line.startsWith('end ') || line === 'end)') {
      blocks.pop();
      continue;
    }
    if (readsSources === null && /^(gemspec|eval_gemfile)\b/.test(line)) readsSources = line.split(/[\s(]/)[0]!;
    const gem = GEM_LINE.exec(line);
    if (gem) {
      const option = GROUP_OPTION.exec(line);
      const optionDev = option !== null && groupNames(option[1]!).every((n) => DEV_GROUPS.has(n));
      gems.push({ name: gem[1]!, devOnly: blocks.some((b) => b) || optionDev });
      if (/\b(git|github):/.test(line)) git = true;
      if (readsSources === null && /\bpath:/.test(line)) readsSources = `gem "${gem[1]}", path:`;
      continue;
    }
    const rubyLine = /^ruby\b[ \t(]*([^ \t(].*)?$/.exec(line);
    if (rubyLine && ruby === null) {
      const rest = rubyLine[1] ?? '';
      const file = /file:[ \t]*["']([^"']+)["']/.exec(rest);
      if (file) ruby = { file: file[1]! };
      else {
        const requirement = [...rest.matchAll(/["']([^"']+)["']/g)].map((m) => m[1]!).filter((r) => /\d/.test(r));
        if (requirement.length > 0) ruby = { requirement: requirement.join(', ') };
      }
    }
    if (/^git_source\b/.test(line)) continue;
  }
  return { gems, ruby, git, readsSources };
}

/**
 * A RubyGems requirement ("~> 3.3", ">= 3.1, < 4", "3.3.5") in node-semver syntax, or null when it
 * cannot be read. `~> 3.3` allows 3.3 up to 4.0 (pessimistic: the last given digit may rise).
 */
export function toSemverRange(requirement: string): string | null {
  const parts = requirement.split(',').map((p) => p.trim()).filter((p) => p !== '');
  const out: string[] = [];
  for (const part of parts) {
    const m = /^(~>|>=|<=|>|<|=|!=)?\s*(\d+(?:\.\d+){0,3})(?:\.[a-z]\w*)?$/.exec(part);
    if (!m) return null;
    const op = m[1] ?? '=';
    const nums = m[2]!.split('.').map(Number).slice(0, 3);
    const full = [...nums, 0, 0].slice(0, 3).join('.');
    if (op === '~>') {
      if (nums.length === 1) out.push(`>=${full}`);
      else {
        const upper = nums.slice(0, -1);
        upper[upper.length - 1]! += 1;
        out.push(`>=${full} <${[...upper, 0, 0].slice(0, 3).join('.')}-0`);
      }
    } else if (op === '=') {
      out.push(nums.length >= 3 ? full : `~${full}`);
    } else if (op === '!=') {
      continue;
    } else out.push(`${op}${full}`);
  }
  return out.length > 0 ? out.join(' ') : null;
}

/** The production gems: the closure of the Gemfile's non-development gems over the lockfile's dependency lines. */
export function productionSpecs(lock: Lockfile, gemfile: Gemfile | null): LockedSpec[] {
  const dev = new Set((gemfile?.gems ?? []).filter((g) => g.devOnly).map((g) => g.name));
  const prod = new Set((gemfile?.gems ?? []).filter((g) => !g.devOnly).map((g) => g.name));
  const roots = lock.dependencies.filter((name) => !dev.has(name) || prod.has(name));
  const byName = new Map<string, LockedSpec[]>();
  for (const spec of lock.specs) byName.set(spec.name, [...(byName.get(spec.name) ?? []), spec]);
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length > 0) {
    const name = queue.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    for (const spec of byName.get(name) ?? []) queue.push(...spec.dependencies);
  }
  return lock.specs.filter((s) => seen.has(s.name));
}
