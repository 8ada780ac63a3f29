// Which port the app listens on, each answer with where it came from: the start command
// (PORT=8080, next start -p 4000), the code (listen(3000), process.env.PORT || 3000, port: 3000
// in server options), the framework's documented default, or, when the code reads PORT with no
// default, 3000 chosen by us and set as PORT so the app and EXPOSE agree. Beside it, how the app
// is told its port (the PortSetting the port rule in src/detect/port.ts acts on): the PORT
// variable, an argument of the start command, or a literal in the code.
import type { Project } from '../../project.js';
import type { Fact, PortSetting, StartCommand } from '../../types.js';
import { envSetting, lineOf } from '../../detect/port.js';
import type { NodeFrameworkRule } from './knowledge/frameworks.js';
import { stripComments } from './framework.js';
import { isPort } from './start.js';
import { importGraph, MAX_SCANNED_BYTES, readSource, resolveImport, SOURCE_EXTENSIONS } from './sources.js';

/** The port chosen when the app reads PORT but names no default. */
const CHOSEN_PORT = 3000;
const MAX_SCANNED_FILES = 30;
const MAX_IMPORT_DEPTH = 4;
/** Fallbacks of `process.env.PORT || a || b || ...` looked at before giving up. */
const MAX_CHAIN_ITEMS = 16;

/**
 * Patterns in priority order; the first group of each is the port. Each is linear on hostile text:
 * a scan to a closing delimiter is bounded (`[^{}]{0,300}` where `[^}]*` from every `{` of a file
 * of braces was quadratic), and no two quantifiers can take the same characters in turn.
 */
const PORT_PATTERNS: ReadonlyArray<{ pattern: RegExp; what: string }> = [
  { pattern: /\{[^{}]{0,300}?\bPORT\s*=\s*['"]?(\d{1,5})\b[^{}]{0,300}\}\s*=\s*process\.env/, what: 'PORT default from process.env' },
  { pattern: /\bPORT\s*(?:\|\||\?\?)\s*['"]?(\d{1,5})\b/, what: 'PORT with a default' },
  // [args.port, process.env.APP_PORT, process.env.PORT, 3001].find(...): the last entry is the default.
  { pattern: /\[[^[\]\n]{0,300}?process\.env(?:\.PORT\b|\[\s*['"]PORT['"]\s*\])[^[\]\n]{0,300}?,\s*['"]?(\d{1,5})['"]?\s*\]/, what: 'PORT fallback list' },
  // PORT = toNumber(environment.PORT) ?? 3000 (a config class or module).
  { pattern: /\bPORT\b\s*[:=](?:[ \t]*\n)?[^;,\n]{0,200}?(?:\|\||\?\?)\s*['"]?(\d{1,5})\b/, what: 'PORT setting with a default' },
  // PORT: Joi.number().default(3000), z.coerce.number().default(3000), port({ default: 3000 }) (envalid).
  { pattern: /\bPORT\b['"]?\s*:\s*[^,\n]{0,200}?\.default\(\s*['"]?(\d{1,5})\b/, what: 'PORT schema default' },
  { pattern: /\bPORT\b['"]?\s*:\s*\w+\(\s*\{[^{}]{0,300}?\bdefault\s*:\s*['"]?(\d{1,5})\b/, what: 'PORT schema default' },
  { pattern: /\.listen\(\s*['"]?(\d{1,5})\b/, what: 'listen(<port>)' },
  { pattern: /(?:\bserver|\.listen)\(\s*\{[^{}]{0,300}?\bport\s*:\s*(?:[^,{}]{0,200}?(?:\|\||\?\?)\s*)?['"]?(\d{1,5})\b/, what: 'port option' },
  { pattern: /\b(?:const|let|var)\s+port\s*=\s*['"]?(\d{1,5})\b/i, what: 'port constant' },
];
const READS_PORT = /process\.env(?:\.PORT\b|\[\s*['"]PORT['"]\s*\])|\{[^{}]{0,300}?\bPORT\b[^{}]{0,300}\}\s*=\s*process\.env/;
/** process.env.PORT followed by its fallbacks: `|| process.env.OTHER_PORT || config.port || 8080`. */
const PORT_CHAIN = /process\.env(?:\.PORT\b|\[\s*['"]PORT['"]\s*\])\s*\)?((?:\s*(?:\|\||\?\?)\s*(?:Number\(|parseInt\()?\s*(?:[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*|\[\s*['"]\w+['"]\s*\])*|['"]?\d{1,5}['"]?)\s*\)?)+)/;
const CHAIN_ITEM = /(?:\|\||\?\?)\s*(?:Number\(|parseInt\()?\s*([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*|\[\s*['"]\w+['"]\s*\])*|['"]?\d{1,5}['"]?)/g;
/** Test files never hold the server's port. */
const TEST_FILE = /(^|\/)(test|tests|__tests__|e2e|spec)\/|\.(test|spec)\.[cm]?[jt]sx?$/;

export interface PortInput {
  rule: NodeFrameworkRule | null;
  /** The file the start command runs, when it is a project file (not build output). */
  entry: string | null;
  /** A port from the start command, with its source. */
  commandPort: Fact<number> | null;
  /** The start command and the variables it sets (`PORT=8080 node x`), to tell how it sets the port. */
  start?: { command: StartCommand; env: Record<string, string> };
  /** The start command is the framework's own server (not a custom server.js). */
  frameworkServer: boolean;
}

export interface PortResult {
  port: Fact<number | null>;
  /** How the app is told its port. */
  setting: PortSetting;
  warnings: string[];
}

/** The frameworks that run their own server read PORT (next start, nuxt's nitro, adapter-node, react-router-serve, remix-serve, astro's standalone). */
const frameworkReadsPort = (rule: NodeFrameworkRule, port: number): PortSetting =>
  envSetting('PORT', port, `${rule.name}'s server reads PORT (${rule.source})`);

export function detectPort(project: Project, input: PortInput): PortResult {
  const warnings: string[] = [];
  if (input.commandPort) return { port: input.commandPort, setting: commandSetting(input.commandPort, input.start), warnings };
  const { rule } = input;
  const frameworkDefault = rule?.defaultPort != null
    ? { value: rule.defaultPort, source: `${rule.name} default port (${rule.source})` }
    : null;
  // A framework that runs its own server: ports in the app code belong to other things (databases).
  if (input.frameworkServer && rule?.ownsServer && frameworkDefault) return { port: frameworkDefault, setting: frameworkReadsPort(rule, frameworkDefault.value), warnings };

  const { primary, secondary } = filesToScan(project, input.entry, input.frameworkServer && (rule?.ownsServer ?? false));
  const files = [...primary, ...secondary];
  let readsPort: string | null = null;
  // Other files only when the code the entry runs neither listens nor reads PORT (an import this
  // scan cannot follow): a literal elsewhere may be a client, a test or another program.
  const primaryListens = primary.some(([, code]) => READS_PORT.test(code) || /\.listen\(/.test(code));
  for (const tier of primaryListens ? [primary] : [primary, secondary]) {
    const found = portInFiles(project, tier);
    if (found !== null) {
      warnings.push(...hostWarnings(rule, files));
      return { port: found.port, setting: found.setting, warnings };
    }
  }
  for (const [file, code] of files) if (readsPort === null && READS_PORT.test(code)) readsPort = file;
  if (frameworkDefault) {
    const setting: PortSetting = rule?.ownsServer ? frameworkReadsPort(rule, frameworkDefault.value)
      : readsPort !== null ? envSetting('PORT', null, `${readsPort} reads process.env.PORT`)
      : { kind: 'unknown', where: `${frameworkDefault.source}; the code names no port` };
    return { port: frameworkDefault, setting, warnings };
  }
  if (readsPort !== null) {
    return {
      port: { value: CHOSEN_PORT, source: `${readsPort} reads process.env.PORT with no default; ${CHOSEN_PORT} chosen and set as PORT` },
      setting: envSetting('PORT', null, `${readsPort} reads process.env.PORT, with no default`),
      warnings,
    };
  }
  return { port: { value: null, source: 'no port found in the start command, the code or framework defaults' }, setting: { kind: 'unknown' }, warnings };
}

/**
 * A port the start command sets: `PORT=8080 node server.js` through the variable (the image sets
 * it), `next start -p 4000` as an argument the port rule can rewrite.
 */
function commandSetting(port: Fact<number>, start: PortInput['start']): PortSetting {
  if (start?.env.PORT === String(port.value)) return envSetting('PORT', null, `${port.source} sets PORT=${port.value}`);
  if (start?.command.kind === 'exec') {
    const argument = start.command.argv.find((a) => a === String(port.value) || new RegExp(`^-[\\w-]*=?${port.value}$`).test(a));
    if (argument !== undefined) {
      return { kind: 'argument', format: argument.replace(String(port.value), '{port}'), replaces: argument, default: null, where: `${port.source} passes the port as an argument` };
    }
  }
  return { kind: 'fixed', where: `${port.source} (the start command)` };
}

/** Fastify listens on localhost unless told otherwise, unreachable from outside a container. */
function hostWarnings(rule: NodeFrameworkRule | null, files: Array<[string, string]>): string[] {
  if (rule?.id !== 'fastify') return [];
  if (files.some(([, code]) => /\bhost\s*:|0\.0\.0\.0|['"]::['"]/.test(code))) return [];
  return [`Fastify listens on localhost by default, which is unreachable from outside the container; pass host: '0.0.0.0' to listen() (${rule.source}).`];
}

/** Patterns that read the PORT variable (the first six): the app can be told its port through it. */
const ENV_PATTERNS = 6;

/** The first port the patterns find, in priority order over the files, in the order given, and how the app is told it. */
function portInFiles(project: Project, files: Array<[string, string]>): { port: Fact<number>; setting: PortSetting } | null {
  for (const [file, code] of files) {
    const chain = portFromChain(project, file, code);
    if (chain !== null) return { port: chain, setting: envSetting('PORT', chain.value, `${file} reads process.env.PORT, default ${chain.value}`) };
  }
  for (const [index, { pattern, what }] of PORT_PATTERNS.entries()) {
    for (const [file, code] of files) {
      const match = pattern.exec(code);
      if (!match || !isPort(match[1] as string)) continue;
      const port = { value: Number(match[1]), source: `${file}: ${what}` };
      if (index < ENV_PATTERNS) return { port, setting: envSetting('PORT', port.value, `${file} reads PORT, default ${port.value}`) };
      // A literal: fixed, unless the file also reads PORT somewhere this scan cannot connect to it.
      const at = lineOf(file, code, match.index);
      const setting: PortSetting = READS_PORT.test(code)
        ? { kind: 'unknown', where: `${at} names ${port.value}, and ${file} also reads process.env.PORT` }
        : { kind: 'fixed', where: `${at} (${what})` };
      return { port, setting };
    }
  }
  return null;
}

/**
 * `process.env.PORT || process.env.OTHER || config.port || 8080`: other variables are not set in
 * the image, so the first fallback that has a value wins: a config value read from the module it
 * is imported from, else the literal.
 */
function portFromChain(project: Project, file: string, code: string): Fact<number> | null {
  const match = PORT_CHAIN.exec(code);
  if (!match) return null;
  let items = 0;
  for (const item of (match[1] as string).matchAll(CHAIN_ITEM)) {
    // A documented cut-off: real fallback chains have two or three items; a hostile one has
    // thousands, each a config lookup.
    if (++items > MAX_CHAIN_ITEMS) return null;
    const value = (item[1] as string).replace(/['"]/g, '');
    if (/^\d+$/.test(value)) {
      if (!isPort(value)) return null;
      return { value: Number(value), source: `${file}: process.env.PORT with a default` };
    }
    if (/^process\.env\b/.test(value)) continue;
    const resolved = configValue(project, file, code, value);
    if (resolved !== null) return resolved;
  }
  return null;
}

/** The number a member expression like `config.port` holds, read from the module `config` comes from. */
function configValue(project: Project, file: string, code: string, expression: string): Fact<number> | null {
  const parts = expression.split('.');
  const binding = parts[0] as string;
  const property = parts[parts.length - 1] as string;
  if (parts.length < 2 || !/^[A-Za-z_$][\w$]*$/.test(property)) return null;
  const escaped = binding.replace(/\$/g, '\\$');
  const from = new RegExp(
    `(?:(?:const|let|var)\\s+${escaped}\\s*=\\s*require\\(\\s*['"](\\.{1,2}/[^'"\\n]+)['"]|import\\s+(?:\\*\\s+as\\s+)?${escaped}\\s+from\\s*['"](\\.{1,2}/[^'"\\n]+)['"])`,
  ).exec(code);
  const target = from ? resolveImport(project, file, (from[1] ?? from[2]) as string) : file;
  if (target === null) return null;
  const text = target === file ? code : project.readText(target);
  if (text === null || text.length > MAX_SCANNED_BYTES) return null;
  const body = stripComments(text);
  // `port: 4000` at the shallowest nesting: `db: { port: 5432 }` is another service's.
  // The nesting depth is counted as the matches go (counting from the start for each match was
  // quadratic in a file of many `port:` keys).
  let best: { value: string; depth: number } | null = null;
  let depth = 0;
  let counted = 0;
  for (const match of body.matchAll(new RegExp(`["']?\\b${property}\\b["']?\\s*:\\s*['"]?(\\d{1,5})\\b`, 'g'))) {
    for (; counted < (match.index ?? 0); counted++) {
      const c = body.charCodeAt(counted);
      if (c === 0x7b) depth++;
      else if (c === 0x7d) depth--;
    }
    if (best === null || depth < best.depth) best = { value: match[1] as string, depth };
  }
  if (best !== null && isPort(best.value)) return { value: Number(best.value), source: `${target}: ${expression}` };
  if (target === file) return null;
  // The module reads its own PORT setting with a default (a schema or an env fallback).
  for (const { pattern, what } of PORT_PATTERNS.slice(0, 6)) {
    const match = pattern.exec(body);
    if (match && isPort(match[1] as string)) return { value: Number(match[1]), source: `${target}: ${what} (${expression} in ${file})` };
  }
  return null;
}


/**
 * Primary: the file the start command runs (or, when unknown, the conventional entry files) and
 * the project files it imports, nearest first: the code that really starts the server. Secondary,
 * only when the primary files say nothing: other sources under src/, tests left out.
 */
function filesToScan(project: Project, entry: string | null, entryOnly: boolean): { primary: Array<[string, string]>; secondary: Array<[string, string]> } {
  const roots: string[] = [];
  if (entry !== null) roots.push(entry);
  if (!entryOnly && entry === null) {
    for (const dir of ['', 'src/']) {
      for (const name of ['server', 'app', 'index', 'main']) {
        for (const ext of SOURCE_EXTENSIONS) roots.push(`${dir}${name}${ext}`);
      }
    }
  }
  const primary = importGraph(project, roots.filter((f) => project.isFile(f)), entryOnly ? 0 : MAX_IMPORT_DEPTH, MAX_SCANNED_FILES);
  const seen = new Set(primary.map(([file]) => file));
  const secondary: Array<[string, string]> = [];
  if (!entryOnly) {
    const others: string[] = [];
    for (const dir of ['', 'src/']) {
      for (const name of ['server', 'app', 'index', 'main']) {
        for (const ext of SOURCE_EXTENSIONS) others.push(`${dir}${name}${ext}`);
      }
    }
    others.push(...project.find({ extensions: SOURCE_EXTENSIONS, under: ['src'], maxDepth: 2, maxFiles: MAX_SCANNED_FILES }));
    for (const file of others) {
      if (secondary.length >= MAX_SCANNED_FILES) break;
      if (seen.has(file) || TEST_FILE.test(file) || !project.isFile(file)) continue;
      seen.add(file);
      const code = readSource(project, file);
      if (code !== null) secondary.push([file, code]);
    }
  }
  return { primary, secondary };
}
