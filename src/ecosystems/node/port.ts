// Which port the app listens on, each answer with where it came from: the start command
// (PORT=8080, next start -p 4000), the code (listen(3000), process.env.PORT || 3000, port: 3000
// in server options), the framework's documented default, or, when the code reads PORT with no
// default, 3000 chosen by us and set as PORT so the app and EXPOSE agree.
import type { Project } from '../../project.js';
import type { Fact } from '../../types.js';
import type { NodeFrameworkRule } from './knowledge/frameworks.js';
import { stripComments } from './framework.js';
import { isPort } from './start.js';

/** The port chosen when the app reads PORT but names no default. */
const CHOSEN_PORT = 3000;
const MAX_SCANNED_FILES = 30;
const MAX_SCANNED_BYTES = 256 * 1024;
const SOURCE_EXTENSIONS = ['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts'];

/** Patterns in priority order; the first group of each is the port. */
const PORT_PATTERNS: ReadonlyArray<{ pattern: RegExp; what: string }> = [
  { pattern: /process\.env(?:\.PORT\b|\[\s*['"]PORT['"]\s*\])\s*\)?\s*(?:\|\||\?\?)\s*['"]?(\d{1,5})\b/, what: 'process.env.PORT with a default' },
  { pattern: /\{[^}]*\bPORT\s*=\s*['"]?(\d{1,5})\b[^}]*\}\s*=\s*process\.env/, what: 'PORT default from process.env' },
  { pattern: /\bPORT\s*(?:\|\||\?\?)\s*['"]?(\d{1,5})\b/, what: 'PORT with a default' },
  { pattern: /\.listen\(\s*['"]?(\d{1,5})\b/, what: 'listen(<port>)' },
  { pattern: /(?:\bserver|\.listen)\(\s*\{[^}]*?\bport\s*:\s*(?:[^,}]*?(?:\|\||\?\?)\s*)?['"]?(\d{1,5})\b/, what: 'port option' },
  { pattern: /\b(?:const|let|var)\s+port\s*=\s*['"]?(\d{1,5})\b/i, what: 'port constant' },
];
const READS_PORT = /process\.env(?:\.PORT\b|\[\s*['"]PORT['"]\s*\])|\{[^}]*\bPORT\b[^}]*\}\s*=\s*process\.env/;

export interface PortInput {
  rule: NodeFrameworkRule | null;
  /** The file the start command runs, when it is a project file (not build output). */
  entry: string | null;
  /** A port from the start command, with its source. */
  commandPort: Fact<number> | null;
  /** The start command is the framework's own server (not a custom server.js). */
  frameworkServer: boolean;
}

export interface PortResult {
  port: Fact<number | null>;
  /** Variables to set so the app listens where EXPOSE says. */
  env: Record<string, string>;
  warnings: string[];
}

export function detectPort(project: Project, input: PortInput): PortResult {
  const warnings: string[] = [];
  if (input.commandPort) return { port: input.commandPort, env: {}, warnings };
  const { rule } = input;
  const frameworkDefault = rule?.defaultPort != null
    ? { value: rule.defaultPort, source: `${rule.name} default port (${rule.source})` }
    : null;
  // A framework that runs its own server: ports in the app code belong to other things (databases).
  if (input.frameworkServer && rule?.ownsServer && frameworkDefault) return { port: frameworkDefault, env: {}, warnings };

  const files = filesToScan(project, input.entry, input.frameworkServer && (rule?.ownsServer ?? false));
  let readsPort: string | null = null;
  for (const { pattern, what } of PORT_PATTERNS) {
    for (const [file, code] of files) {
      const match = pattern.exec(code);
      if (match && isPort(match[1] as string)) {
        warnings.push(...hostWarnings(rule, files));
        return { port: { value: Number(match[1]), source: `${file}: ${what}` }, env: {}, warnings };
      }
    }
  }
  for (const [file, code] of files) if (readsPort === null && READS_PORT.test(code)) readsPort = file;
  if (frameworkDefault) return { port: frameworkDefault, env: {}, warnings };
  if (readsPort !== null) {
    return {
      port: { value: CHOSEN_PORT, source: `${readsPort} reads process.env.PORT with no default; ${CHOSEN_PORT} chosen and set as PORT` },
      env: { PORT: String(CHOSEN_PORT) },
      warnings,
    };
  }
  return { port: { value: null, source: 'no port found in the start command, the code or framework defaults' }, env: {}, warnings };
}

/** Fastify listens on localhost unless told otherwise, unreachable from outside a container. */
function hostWarnings(rule: NodeFrameworkRule | null, files: Array<[string, string]>): string[] {
  if (rule?.id !== 'fastify') return [];
  if (files.some(([, code]) => /\bhost\s*:|0\.0\.0\.0|['"]::['"]/.test(code))) return [];
  return [`Fastify listens on localhost by default, which is unreachable from outside the container; pass host: '0.0.0.0' to listen() (${rule.source}).`];
}

/**
 * The entry file first, then conventional entry files at the root and in src/, then a bounded
 * number of other source files under src/ (unless the framework owns the server).
 */
function filesToScan(project: Project, entry: string | null, entryOnly: boolean): Array<[string, string]> {
  const candidates: string[] = [];
  if (entry !== null) candidates.push(entry);
  if (!entryOnly) {
    for (const dir of ['', 'src/']) {
      for (const name of ['server', 'app', 'index', 'main']) {
        for (const ext of SOURCE_EXTENSIONS) candidates.push(`${dir}${name}${ext}`);
      }
    }
    candidates.push(...project.find({ extensions: SOURCE_EXTENSIONS, under: ['src'], maxDepth: 2, maxFiles: MAX_SCANNED_FILES }));
  }
  const files: Array<[string, string]> = [];
  for (const file of [...new Set(candidates)]) {
    if (files.length >= MAX_SCANNED_FILES) break;
    if (file.endsWith('.d.ts') || !project.isFile(file)) continue;
    const text = project.readText(file);
    if (text !== null && text.length <= MAX_SCANNED_BYTES) files.push([file, stripComments(text)]);
  }
  return files;
}
