// Choosing one program when a project builds several (Go main packages, Cargo binaries, Maven
// modules): evidence in ranked tiers, strongest first (design.md, "Evidence, ranked": "when it
// holds several programs, evidence picks one and a terminal asks"). Each ecosystem says which
// candidates each tier names; this file only ranks. No tier may guess: when nothing tells the
// candidates apart the caller refuses (ChoiceNeeded), and a terminal turns that into a prompt.
import type { Project } from '../project.js';

export interface Tier {
  /** What this tier is, for the note ("the CI workflow builds it"). */
  why: string;
  /** The candidates this evidence names; empty when the tier says nothing. */
  names: string[];
}

export interface ProgramChoice {
  chosen: string;
  /** The evidence that decided, for the fact's source. */
  why: string;
}

/**
 * Walk the tiers: a tier naming exactly one remaining candidate picks it; one naming several (but
 * not all) narrows the field to those; one naming none or all says nothing. Null when the field
 * never narrows to one.
 */
export function chooseProgram(candidates: readonly string[], tiers: readonly Tier[]): ProgramChoice | null {
  let field = [...candidates];
  const narrowedBy: string[] = [];
  for (const tier of tiers) {
    const named = field.filter((c) => tier.names.includes(c));
    if (named.length === 0 || named.length === field.length) continue;
    field = named;
    if (field.length === 1) return { chosen: field[0] as string, why: [...narrowedBy, tier.why].join('; ') };
    narrowedBy.push(tier.why);
  }
  return null;
}

/** Words that mark a long-running service in a program's name. */
const SERVICE_WORDS = new Set(['server', 'api', 'web', 'app', 'daemon', 'backend', 'service', 'serve', 'svc', 'http']);
/** Words that mark a helper run by hand: a client, a command-line tool, a migration, a generator. */
const HELPER_WORDS = new Set([
  'cli', 'ctl', 'client', 'tool', 'tools', 'migrate', 'migration', 'migrator', 'migrations', 'seed', 'seeder', 'gen', 'generate',
  'generator', 'admin', 'bench', 'benchmark', 'storybook', 'debug', 'dev', 'set', 'password', 'passwd', 'setup', 'init', 'test',
  'tests', 'example', 'examples', 'demo', 'util', 'utils', 'script', 'scripts', 'codegen', 'schema', 'export', 'import', 'bootstrap',
]);

const words = (name: string): string[] => name.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w !== '');

/**
 * The service among a client/server family, by name alone: `X` beside `Xd`, `X-server`, `X_api`
 * (the daemon of a client), or the one name with a service word while every other name is a
 * helper's (`lldap` beside `lldap_migration_tool` counts only through other evidence). Returns the
 * names it singles out: one, or none.
 */
export function serviceByName(names: readonly string[]): string[] {
  const base = (n: string) => n.toLowerCase();
  // A pair: one name is another plus a daemon/server suffix.
  const paired = names.filter((n) => names.some((m) => m !== n && new RegExp(`^${escape(base(m))}(?:d|[-_]?(?:server|daemon|api|srv))$`).test(base(n))));
  if (paired.length === 1) {
    const winner = paired[0] as string;
    const others = names.filter((n) => n !== winner);
    const pairedWith = others.filter((m) => new RegExp(`^${escape(base(m))}(?:d|[-_]?(?:server|daemon|api|srv))$`).test(base(winner)));
    if (others.every((m) => pairedWith.includes(m) || words(m).some((w) => HELPER_WORDS.has(w)))) return [winner];
  }
  const services = names.filter((n) => words(n).some((w) => SERVICE_WORDS.has(w)));
  if (services.length !== 1) return [];
  const [service] = services as [string];
  return names.filter((n) => n !== service).every((n) => words(n).some((w) => HELPER_WORDS.has(w))) ? [service] : [];
}

/** Words that mark a background service that listens on no port but is deployed all the same. */
const WORKER_WORDS = new Set(['worker', 'workers', 'consumer', 'scheduler', 'cron', 'job', 'jobs', 'queue', 'relay', 'agent', 'proxy', 'gateway']);

/**
 * The programs that listen, when the others are helpers: a main that serves HTTP beside CLIs and
 * tools is the app, but one beside a `worker` or a `scheduler` is one of several services.
 */
export function serviceByListening(names: readonly string[], listening: readonly string[]): string[] {
  const others = names.filter((n) => !listening.includes(n));
  if (others.some((n) => words(n).some((w) => WORKER_WORDS.has(w)))) return [];
  return names.filter((n) => listening.includes(n));
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A workflow that deploys (to a server, a registry, a platform) builds the program that runs there;
 * one that only publishes release downloads builds what users install, often the client CLI.
 */
const DEPLOYS = /\b(?:deploy|docker\s+(?:build|push)|docker\/build-push-action|flyctl|kubectl|helm\s+upgrade|scp|rsync|ssh|systemctl|gcloud\s+run|heroku)\b/i;

/** Deploy workflows and make/just files: where the build of the program that is shipped is written down. */
export function buildScripts(project: Project): Array<{ file: string; text: string }> {
  const workflows = project.list('.github/workflows').filter((n) => /\.ya?ml$/.test(n)).map((n) => `.github/workflows/${n}`)
    .filter((file) => /deploy/i.test(file) || DEPLOYS.test(project.readText(file) ?? ''));
  const files = [...workflows, 'Makefile', 'makefile', 'GNUmakefile', 'justfile', 'Justfile'];
  const out: Array<{ file: string; text: string }> = [];
  for (const file of files) {
    const text = project.readText(file);
    if (text !== null) out.push({ file, text });
  }
  return out;
}

/** "a; b; c" with the first few names, for messages. */
export function listNames(names: readonly string[], max = 6): string {
  return names.length <= max ? names.join(', ') : `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}
