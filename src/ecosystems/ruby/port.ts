// The port of a Ruby app and how it is told it (the port rule, src/detect/port.ts): a -p/--port
// argument of the start command; Thruster's HTTP_PORT; config/puma.rb's `port` line (a variable
// with a fallback, or a literal); a PORT fallback in the entry file of a plain server; the
// framework's or Puma's default, which read PORT.
import type { Project } from '../../project.js';
import { envSetting, lineOf } from '../../detect/port.js';
import type { Fact, PortSetting, StartCommand } from '../../types.js';
import { PUMA, RUBY_FRAMEWORKS, THRUSTER } from './knowledge/frameworks.js';

interface PortFacts {
  port: Fact<number | null>;
  setting: PortSetting;
  /** A port setting that was found but is not a port (a fallback of "abc"), said to the user. */
  warning?: string;
}

/** Any `ENV.fetch("…PORT", <fallback>)` or `ENV["…PORT"] || <fallback>`, to tell a fallback that is no port from none at all. */
const ANY_FALLBACK = /ENV(?:\.fetch(?:\([ \t]*|[ \t]+)["'](\w*PORT)["'][ \t]*(?:,|\)[ \t]*\{)|\[["'](\w*PORT)["']\][ \t]*\|\|)[ \t]*([^)}\n]{1,200})/;

/** A warning when `file` reads a PORT variable whose fallback is not a port, else null. */
function unreadableFallback(file: string, text: string): string | null {
  const any = ANY_FALLBACK.exec(text);
  if (any === null) return null;
  const shown = any[3]!.trim().slice(0, 40);
  return `${lineOf(file, text, any.index)} reads ${any[1] ?? any[2]} with a fallback that is not a port (${JSON.stringify(shown)}), so the image exposes no port; fix it there or pass --port.`;
}

const valid = (n: number): boolean => Number.isInteger(n) && n > 0 && n < 65536;

/** `port ENV.fetch("PORT", 3000)`, `port ENV.fetch "PORT", 3000`, `port ENV.fetch("PORT") { 3000 }`, `port ENV["PORT"] || 3000`. */
const PUMA_PORT_FETCH = /^[ \t]*port[ \t(]+ENV\.fetch(?:\([ \t]*|[ \t]+)["'](\w+)["'][ \t]*(?:,[ \t]*["']?(\d{2,5})\b|\)[ \t]*\{[ \t]*["']?(\d{2,5})\b)/m;
const PUMA_PORT_OR = /^[ \t]*port[ \t(]+\(?ENV\[["'](\w+)["']\][ \t]*\|\|[ \t]*["']?(\d{2,5})\b/m;
/** `bind "tcp://0.0.0.0:#{ENV.fetch("PORT", 3000)}"`. */
const PUMA_BIND_FETCH = /^[ \t]*bind[ \t(]+["'][^"'\n]*#\{ENV\.fetch\([ \t]*["'](\w+)["'][ \t]*(?:,[ \t]*["']?(\d{2,5})|\)[ \t]*\{[ \t]*["']?(\d{2,5}))/m;
/** `bind "tcp://0.0.0.0:3000"`. */
const PUMA_BIND_LITERAL = /^[ \t]*bind[ \t(]+["']tcp:\/\/[^:"'\n]*:(\d{2,5})["']/m;
const PUMA_PORT_LITERAL = /^[ \t]*port[ \t(]+["']?(\d{2,5})\b/m;
/** A PORT read with a fallback in Ruby code: ENV.fetch("PORT", 8080), ENV.fetch("PORT") { 8080 }, ENV["PORT"] || 8080. */
const CODE_FETCH = /ENV\.fetch\([ \t]*["'](\w*PORT)["'][ \t]*(?:,[ \t]*["']?(\d{2,5})["']?|\)[ \t]*\{[ \t]*["']?(\d{2,5}))/;
const CODE_OR = /ENV\[["'](\w*PORT)["']\][ \t]*\|\|[ \t]*["']?(\d{2,5})\b/;
const CODE_LITERAL = /(?:TCPServer\.new\([^)\n]{0,80}?|Port:[ \t]*|set[ \t]+:port,[ \t]*|\.listen\([ \t]*)(\d{2,5})\b/;

export function detectRubyPort(project: Project, start: StartCommand, framework: string | null, has: (gem: string) => boolean): PortFacts {
  const argv = start.kind === 'exec' ? start.argv : [];
  const argument = argumentPort(argv);
  if (argument !== null) return argument;
  if (start.kind === 'shell' && /\$\{?PORT\b/.test(start.command)) {
    // Heroku-style `-p $PORT`: the command reads PORT with no fallback, so the image always sets it.
    const fallback = framework === 'rails' ? 3000 : framework === 'sinatra' ? 4567 : /\b(puma|rackup)\b/.test(start.command) ? PUMA.port : null;
    const where = 'the start command passes $PORT';
    return {
      port: { value: fallback, source: fallback === null ? `${where}, and nothing names a port` : `${where}; the ${framework ?? 'server'} default, ${fallback}` },
      setting: { kind: 'env', env: { PORT: '{port}' }, default: null, where, always: true },
    };
  }

  const thrust = argv.some((a) => a === './bin/thrust' || a === 'thrust' || a === 'bin/thrust');
  if (thrust) {
    // Thruster listens on HTTP_PORT, 80 by default: a privileged port the app's non-root user cannot
    // bind everywhere, so the image sets it above 1024.
    const port = 8080;
    return {
      port: { value: port, source: `Thruster listens on ${THRUSTER.listenVariable} (default ${THRUSTER.defaultListen}, a privileged port), set to ${port} for the non-root user (${THRUSTER.source})` },
      setting: envSetting(THRUSTER.listenVariable, THRUSTER.defaultListen, `Thruster reads ${THRUSTER.listenVariable} (default ${THRUSTER.defaultListen}) and starts Puma on ${THRUSTER.targetVariable} (${THRUSTER.defaultTarget})`),
    };
  }

  const runsPuma = framework === 'rails' || argv.includes('puma') || (framework === 'hanami' && has(PUMA.gem));
  const configFile = pumaConfig(argv) ?? (runsPuma ? PUMA.config : null);
  const config = configFile === null ? null : project.readText(configFile);
  if (configFile !== null && config !== null) {
    const found = pumaConfigPort(configFile, config);
    if (found !== null) return found;
    const warning = unreadableFallback(configFile, config);
    if (warning !== null) return { port: { value: null, source: `${configFile} names no port it can be told` }, setting: { kind: 'unknown' }, warning };
  }

  const entry = argv.find((a) => a.endsWith('.rb'));
  const code = entry === undefined ? null : project.readText(entry);
  if (entry !== undefined && code !== null) {
    const found = codePort(entry, code);
    if (found !== null) return found;
    const warning = unreadableFallback(entry, code);
    if (warning !== null) return { port: { value: null, source: `${entry} names no port it can be told` }, setting: { kind: 'unknown' }, warning };
  }

  if (framework === 'rails') {
    return { port: { value: 3000, source: 'rails server: PORT, else 3000 (https://guides.rubyonrails.org/command_line.html#bin-rails-server)' }, setting: envSetting('PORT', 3000, 'rails server reads PORT, else 3000') };
  }
  if (runsPuma || argv.includes('puma')) {
    return { port: { value: PUMA.port, source: `Puma's default: PORT, else ${PUMA.port} (${PUMA.source})` }, setting: envSetting(PUMA.variable, PUMA.port, `Puma reads ${PUMA.variable}, else ${PUMA.port}`) };
  }
  if (argv.includes('rackup')) {
    return { port: { value: 9292, source: 'rackup listens on 9292 unless --port says otherwise (https://github.com/rack/rackup)' }, setting: { kind: 'argument', format: '--port={port}', replaces: null, default: 9292, where: 'rackup takes --port' } };
  }
  const row = RUBY_FRAMEWORKS.find((f) => f.id === framework);
  if (row?.id === 'sinatra' && row.port !== null) {
    return { port: { value: row.port, source: `Sinatra's default: PORT, else ${row.port} (${row.source})` }, setting: envSetting('PORT', row.port, `Sinatra reads PORT, else ${row.port}`) };
  }
  return { port: { value: null, source: entry === undefined ? 'no port found' : `${entry} names no port` }, setting: { kind: 'unknown' } };
}

/** `-p 3000`, `--port 3000`, `--port=3000` (puma, rackup, rails server), `-b tcp://0.0.0.0:3000` (puma). */
function argumentPort(argv: string[]): PortFacts | null {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const joined = /^--port=(\d{2,5})$/.exec(arg);
    const value = joined ? Number(joined[1]) : (arg === '-p' || arg === '--port') ? Number(argv[i + 1]) : NaN;
    if (valid(value)) {
      const where = `the start command passes ${joined ? arg : `${arg} ${argv[i + 1]}`}`;
      const setting: PortSetting = joined
        ? { kind: 'argument', format: '--port={port}', replaces: arg, default: null, where }
        : { kind: 'argument', format: '{port}', replaces: argv[i + 1]!, default: null, where };
      return { port: { value, source: `the start command (${arg})` }, setting };
    }
    const bind = /^tcp:\/\/[^:/\s]*:(\d{2,5})$/.exec(arg);
    if ((argv[i - 1] === '-b' || argv[i - 1] === '--bind') && bind && valid(Number(bind[1]))) {
      const where = `the start command binds ${arg}`;
      return { port: { value: Number(bind[1]), source: `the start command (${argv[i - 1]} ${arg})` }, setting: { kind: 'argument', format: 'tcp://0.0.0.0:{port}', replaces: arg, default: null, where } };
    }
  }
  return null;
}

/** `-C config/puma/production.rb` / `--config=...` on the start command. */
function pumaConfig(argv: string[]): string | null {
  for (let i = 0; i < argv.length; i++) {
    if ((argv[i] === '-C' || argv[i] === '--config') && argv[i + 1] !== undefined) return argv[i + 1]!.replace(/^\.\//, '');
    if (argv[i]!.startsWith('--config=')) return argv[i]!.slice('--config='.length).replace(/^\.\//, '');
  }
  return null;
}

export function pumaConfigPort(file: string, text: string): PortFacts | null {
  const fetch = PUMA_PORT_FETCH.exec(text) ?? PUMA_PORT_OR.exec(text) ?? PUMA_BIND_FETCH.exec(text);
  if (fetch) {
    const variable = fetch[1]!;
    const fallback = Number(fetch[2] ?? fetch[3]);
    if (valid(fallback)) {
      const where = lineOf(file, text, fetch.index + fetch[0].search(/\S/));
      return { port: { value: fallback, source: `${where} (${variable}, else ${fallback})` }, setting: envSetting(variable, fallback, `${where} reads ${variable}, else ${fallback}`) };
    }
  }
  const literal = PUMA_PORT_LITERAL.exec(text) ?? PUMA_BIND_LITERAL.exec(text);
  if (literal && valid(Number(literal[1]))) {
    const where = lineOf(file, text, literal.index + literal[0].search(/\S/));
    return { port: { value: Number(literal[1]), source: `${where} (a fixed port)` }, setting: { kind: 'fixed', where } };
  }
  return null;
}

function codePort(file: string, text: string): PortFacts | null {
  const fetch = CODE_FETCH.exec(text) ?? CODE_OR.exec(text);
  if (fetch) {
    const variable = fetch[1]!;
    const fallback = Number(fetch[2] ?? fetch[3]);
    if (valid(fallback)) {
      const where = lineOf(file, text, fetch.index);
      return { port: { value: fallback, source: `${where} (${variable}, else ${fallback})` }, setting: envSetting(variable, fallback, `${where} reads ${variable}, else ${fallback}`) };
    }
  }
  const literal = CODE_LITERAL.exec(text);
  if (literal && valid(Number(literal[1]))) {
    const where = lineOf(file, text, literal.index);
    return { port: { value: Number(literal[1]), source: `${where} (a port in the code)` }, setting: { kind: 'fixed', where } };
  }
  return null;
}
