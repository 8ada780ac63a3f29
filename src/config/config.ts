// Reproducible reruns: the choices a run made that detection alone would not (flags and prompt
// answers) are kept in .slim-image/config.json in the project, next to the template overrides.
// Every run reads it and lays it under the flags (a flag still wins), so a rerun, a teammate or
// CI produces the same files without repeating flags. Why a file and not a header in the
// Dockerfile: the Dockerfile is output (regenerated, diffed by --check, sometimes replaced by a
// team template that drops comments), while the choices are input that must survive all of that;
// a small JSON file is also easy to review and to edit by hand. The README section "Reproducible reruns" documents it.
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UserError } from '../errors.js';
import { FileAccess, type Change } from '../files/access.js';
import { ANSWERED_PORT } from '../detect/port.js';
import { checkHealthcheckPath } from '../plan/healthcheck.js';
import type { Additions, Options } from '../options.js';
import type { Project } from '../project.js';
import { shellWord } from '../render/quote.js';
import { LANGUAGES } from '../ecosystems/index.js';
import { BASE_KINDS, type BaseKind, type CommonFacts, type Language, type Plan } from '../types.js';
import { AdditionProblem, mergeAdditions, parseBuildArg, parseEnv, parseLabel, parsePackage } from './additions.js';

export const CONFIG_FILE = '.slim-image/config.json';
const CONFIG_VERSION = 1;

/** The file's shape (version 1). Every field but version is optional; absent means "detect". */
export interface SlimConfig {
  version: 1;
  language?: Language;
  base?: BaseKind;
  runtimeVersion?: string;
  packageManager?: string;
  port?: number;
  cmd?: string;
  main?: string;
  /** --healthcheck: the URL path the HEALTHCHECK asks. */
  healthcheck?: string;
  /** Template override folder, relative to the project folder. */
  templates?: string;
  addPackages?: string[];
  env?: Record<string, string>;
  labels?: Record<string, string>;
  /** null: declared without a default. */
  buildArgs?: Record<string, string | null>;
  /** --compose: compose.yaml is generated too (and compared under --check). */
  compose?: true;
}

const KEYS = ['version', 'language', 'base', 'runtimeVersion', 'packageManager', 'port', 'cmd', 'main', 'healthcheck', 'templates', 'addPackages', 'env', 'labels', 'buildArgs', 'compose'];

/** Reads and checks the config; null when the project has none. Problems name the file and field. */
export function readConfig(project: Project): SlimConfig | null {
  if (!project.isFile(CONFIG_FILE)) return null;
  const raw = project.readJson(CONFIG_FILE, 'config');
  const bad = (what: string): never => {
    throw new UserError(`${CONFIG_FILE}: ${what}. Fix the file (the README section "Reproducible reruns" describes it) or delete it to start from detection again.`);
  };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) bad('expected a JSON object');
  const data = raw as Record<string, unknown>;
  if (data.version !== CONFIG_VERSION) bad(`"version" must be ${CONFIG_VERSION} (this create-slim-image reads version ${CONFIG_VERSION}); found ${JSON.stringify(data.version)}`);
  for (const key of Object.keys(data)) if (!KEYS.includes(key)) bad(`unknown field "${key}" (known: ${KEYS.join(', ')})`);
  const config: SlimConfig = { version: 1 };
  const str = (key: string): string | undefined => {
    const value = data[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || value.trim() === '') bad(`"${key}" must be a non-empty string`);
    return value as string;
  };
  const language = str('language');
  if (language !== undefined) {
    if (!LANGUAGES.includes(language)) bad(`"language" must be one of ${LANGUAGES.join(', ')}`);
    config.language = language as Language;
  }
  const base = str('base');
  if (base !== undefined) {
    if (!(BASE_KINDS as readonly string[]).includes(base)) bad(`"base" must be one of ${BASE_KINDS.join(', ')}`);
    config.base = base as BaseKind;
  }
  for (const key of ['runtimeVersion', 'packageManager', 'cmd', 'main', 'templates'] as const) {
    const value = str(key);
    if (value !== undefined) config[key] = value;
  }
  // The file is project input anyone can commit: its templates folder must be inside the project
  // (a shared folder elsewhere is the user's own choice, made with --templates on the command line).
  if (config.templates !== undefined && !insideProject(config.templates)) {
    bad(`"templates" must name a folder inside the project, relative to it (found ${JSON.stringify(config.templates.slice(0, 80))}); pass a shared folder outside the project with --templates on the command line instead`);
  }
  if (data.compose !== undefined) {
    if (data.compose !== true) bad('"compose" must be true (leave it out for no compose.yaml)');
    config.compose = true;
  }
  if (data.port !== undefined) {
    if (typeof data.port !== 'number' || !Number.isInteger(data.port) || data.port < 1 || data.port > 65535) bad('"port" must be a whole number from 1 to 65535');
    config.port = data.port as number;
  }
  if (data.healthcheck !== undefined) {
    if (typeof data.healthcheck !== 'string') bad('"healthcheck" must be a URL path such as "/health"');
    try {
      config.healthcheck = checkHealthcheckPath(data.healthcheck as string);
    } catch {
      bad('"healthcheck" must be a URL path that starts with "/" (letters, digits and . _ ~ % / ? = & + -), such as "/health"');
    }
  }
  const check = <T>(key: string, fn: () => T): T => {
    try {
      return fn();
    } catch (error) {
      if (error instanceof AdditionProblem) return bad(`"${key}": ${error.message}`);
      throw error;
    }
  };
  if (data.addPackages !== undefined) {
    if (!Array.isArray(data.addPackages) || data.addPackages.some((p) => typeof p !== 'string')) bad('"addPackages" must be an array of package names');
    config.addPackages = check('addPackages', () => (data.addPackages as string[]).map(parsePackage));
  }
  for (const key of ['env', 'labels', 'buildArgs'] as const) {
    const value = data[key];
    if (value === undefined) continue;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) bad(`"${key}" must be an object of names to values`);
    const entries = Object.entries(value as Record<string, unknown>);
    for (const [name, v] of entries) {
      if (typeof v !== 'string' && !(key === 'buildArgs' && v === null)) bad(`"${key}.${name}" must be a string${key === 'buildArgs' ? ' or null' : ''}`);
    }
    check(key, () => {
      for (const [name, v] of entries) {
        if (key === 'env') parseEnv(`${name}=${String(v)}`);
        else if (key === 'labels') parseLabel(`${name}=${String(v)}`);
        else parseBuildArg(v === null ? name : `${name}=${String(v)}`);
      }
    });
    (config as unknown as Record<string, unknown>)[key] = Object.fromEntries(entries);
  }
  return config;
}

function additionsOf(config: SlimConfig): Additions {
  return {
    packages: config.addPackages ?? [],
    env: Object.entries(config.env ?? {}).map(([name, value]) => ({ name, value })),
    labels: Object.entries(config.labels ?? {}).map(([key, value]) => ({ key, value })),
    buildArgs: Object.entries(config.buildArgs ?? {}).map(([name, value]) => ({ name, value })),
  };
}

/**
 * The config laid under the flags: a flag given on the command line wins; additions merge
 * (a flag's value for the same name wins, packages add up).
 */
export function applyConfig(options: Options, config: SlimConfig | null, projectRoot: string): Options {
  if (config === null) return options;
  return {
    ...options,
    language: options.language ?? config.language,
    // --base auto is the default, so a recorded base applies unless another kind is passed.
    base: options.base === 'auto' && config.base !== undefined ? config.base : options.base,
    runtimeVersion: options.runtimeVersion ?? config.runtimeVersion,
    packageManager: options.packageManager ?? config.packageManager,
    port: options.port ?? config.port,
    cmd: options.cmd ?? config.cmd,
    main: options.main ?? config.main,
    healthcheck: options.healthcheck ?? config.healthcheck,
    templates: options.templates ?? (config.templates === undefined ? undefined : resolve(projectRoot, config.templates)),
    additions: mergeAdditions(additionsOf(config), options.additions),
    compose: options.compose || config.compose === true,
  };
}

/**
 * The choices to record: everything the user decided (flags, config, prompt answers) rather
 * than detection. Prompt answers are recognised by the source the ask step gives them.
 */
export function recordedChoices(options: Options, facts: CommonFacts, plan: Plan, recommendedBase: BaseKind, projectRoot: string): SlimConfig {
  const config: SlimConfig = { version: 1 };
  if (options.language !== undefined) config.language = options.language;
  if (options.base !== 'auto') config.base = options.base;
  else if (plan.base !== recommendedBase) config.base = plan.base;
  const runtime = options.runtimeVersion ?? (facts.runtime.source === '--runtime-version' ? facts.runtime.constraint ?? undefined : undefined);
  if (runtime !== undefined) config.runtimeVersion = runtime;
  const pm = options.packageManager ?? (facts.packageManager.source === '--package-manager' ? facts.packageManager.value : undefined);
  if (pm !== undefined) config.packageManager = pm;
  const port = options.port ?? ((facts.port.source === '--port' || facts.port.source === ANSWERED_PORT) && facts.port.value !== null ? facts.port.value : undefined);
  if (port !== undefined) config.port = port;
  const start = facts.start.value;
  const cmd = options.cmd ?? (facts.start.source === '--cmd' ? (start.kind === 'shell' ? start.command : start.argv.map((a) => shellWord(a)).join(' ')) : undefined);
  if (cmd !== undefined) config.cmd = cmd;
  if (options.main !== undefined) config.main = options.main;
  if (options.healthcheck !== undefined) config.healthcheck = options.healthcheck;
  const templates = options.templates === undefined ? null : portablePath(projectRoot, options.templates);
  if (templates !== null) config.templates = templates;
  const { packages, env, labels, buildArgs } = options.additions;
  if (packages.length > 0) config.addPackages = packages;
  if (env.length > 0) config.env = Object.fromEntries(env.map((e) => [e.name, e.value]));
  if (labels.length > 0) config.labels = Object.fromEntries(labels.map((l) => [l.key, l.value]));
  if (buildArgs.length > 0) config.buildArgs = Object.fromEntries(buildArgs.map((b) => [b.name, b.value]));
  if (options.compose) config.compose = true;
  return config;
}

/** A relative path that stays inside the folder it is relative to (no leading `/`, no `..` out). */
function insideProject(path: string): boolean {
  if (isAbsolute(path) || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\')) return false;
  const rel = relative('/p', resolve('/p', path));
  return rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/**
 * A path relative to the project folder with forward slashes, so the file works on every machine;
 * null for a folder outside the project, which the config cannot hold (see readConfig).
 */
export function portablePath(projectRoot: string, path: string): string | null {
  const abs = isAbsolute(path) ? path : resolve(path);
  const rel = relative(projectRoot, abs).split(sep).join('/');
  if (rel === '') return '.';
  return insideProject(rel) ? rel : null;
}

function configText(config: SlimConfig): string {
  return `${JSON.stringify(config, null, 2)}\n`;
}

function isEmptyConfig(config: SlimConfig): boolean {
  return Object.keys(config).length === 1;
}

/** What recording the choices would do: the status for the summary, and the change to apply. */
export interface PendingConfig {
  status: 'created' | 'updated' | 'unchanged' | 'none';
  change: Change | null;
}

/**
 * Decides whether the config file changes (nothing is written here): it is written only when
 * there is something to record or a config to update, through the file layer, so a
 * `.slim-image` that is a link leading outside the project is refused, not written through.
 */
export function pendingConfig(projectRoot: string, config: SlimConfig, access: FileAccess = new FileAccess(projectRoot)): PendingConfig {
  const path = join(projectRoot, CONFIG_FILE);
  const bytes = access.readBytes(path, CONFIG_FILE, 'config');
  const current = bytes === null ? null : bytes.toString('utf8');
  if (current === null && isEmptyConfig(config)) return { status: 'none', change: null };
  const text = configText(config);
  if (current === text) return { status: 'unchanged', change: null };
  return { status: current === null ? 'created' : 'updated', change: { path, label: CONFIG_FILE, text } };
}

/** Writes the config when there is something to record (or a config to update); returns the status. Atomic. */
export async function saveConfig(projectRoot: string, config: SlimConfig, access: FileAccess = new FileAccess(projectRoot)): Promise<PendingConfig['status']> {
  const pending = pendingConfig(projectRoot, config, access);
  if (pending.change) await access.commit([pending.change]);
  return pending.status;
}
