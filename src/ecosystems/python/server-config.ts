// The servers' own config files, as evidence of how the app is served: a uWSGI ini (`[uwsgi]`
// with module/wsgi-file and http/http-socket/socket) and a gunicorn config (gunicorn.conf.py,
// which gunicorn reads from the working folder by default, or a file passed with -c). Each
// answer names its file; a unix-socket bind or the uwsgi protocol is said to be no HTTP port.
import type { Project } from '../../project.js';

export interface ListenAddress {
  /** The TCP port, or null when the address is not one (unix socket, env reference with no default). */
  port: number | null;
  /** `$(PORT)`-style environment variable the address reads (uWSGI), or null. */
  variable: string | null;
  /** Why the address gives no HTTP port, when it does not. */
  problem: string | null;
}

export interface UwsgiConfig {
  file: string;
  /** `module = hc.wsgi:application` or `wsgi-file = bakerydemo/wsgi.py`. */
  app: string | null;
  /** The HTTP listen address (http / http-socket), null when the file sets none. */
  http: ListenAddress | null;
  /** `socket = :3031` speaks the uwsgi protocol to a front proxy, not HTTP. */
  uwsgiSocket: string | null;
  /** `chdir = /opt/app`: the folder uWSGI changes to before loading the app. */
  chdir: string | null;
  /** Environment variables the file reads with $(NAME). */
  variables: string[];
}

export interface GunicornConfig {
  file: string;
  bind: ListenAddress | null;
  /** `wsgi_app = "pkg.wsgi:application"` (gunicorn 20.1+), or null. */
  app: string | null;
}

/** Where projects keep server config files, next to the app or in a deploy folder. */
const CONFIG_DIRS = ['', 'etc/', 'deploy/', 'docker/', 'config/', 'conf/', 'deployment/'];

function address(text: string): ListenAddress {
  const value = text.trim().replace(/^["']|["']$/g, '');
  if (value.startsWith('unix:') || value.startsWith('/')) {
    return { port: null, variable: null, problem: `binds the unix socket ${value.replace(/^unix:/, '')}, which is not a TCP port (a proxy in front reads it)` };
  }
  const variable = /\$\((\w+)\)|\$\{?(\w+)\}?/.exec(value);
  const port = /:(\d{2,5})$/.exec(value) ?? /^(\d{2,5})$/.exec(value);
  return {
    port: port ? Number(port[1]) : null,
    variable: variable ? ((variable[1] ?? variable[2]) as string) : null,
    problem: null,
  };
}

/** key = value lines of the [uwsgi] section (repeated keys keep the first value). */
function uwsgiSection(text: string): Map<string, string> | null {
  const values = new Map<string, string>();
  let inSection = false;
  let found = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/^\s*[#;].*$/, '').trim();
    const header = /^\[(.+)\]$/.exec(line);
    if (header) {
      inSection = header[1]!.trim() === 'uwsgi';
      found ||= inSection;
      continue;
    }
    const pair = /^([\w-]+)\s*=\s*(.*)$/.exec(line);
    if (inSection && pair && !values.has(pair[1]!)) values.set(pair[1]!, pair[2]!.trim());
  }
  return found ? values : null;
}

export function readUwsgiConfig(project: Project): UwsgiConfig | null {
  for (const dir of CONFIG_DIRS) {
    const candidates = project.list(dir === '' ? '.' : dir.slice(0, -1)).filter((n) => /^uwsgi.*\.ini$/.test(n)).sort();
    for (const name of candidates) {
      const file = `${dir}${name}`;
      const text = project.readText(file);
      const section = text === null ? null : uwsgiSection(text);
      if (!section) continue;
      const app = section.get('module') ?? section.get('wsgi-file') ?? section.get('wsgi') ?? null;
      if (app === null) continue;
      const http = section.get('http-socket') ?? section.get('http') ?? null;
      return {
        file,
        app,
        http: http === null ? null : address(http),
        uwsgiSocket: section.get('socket') ?? section.get('uwsgi-socket') ?? null,
        chdir: section.get('chdir') ?? null,
        variables: [...new Set([...(text ?? '').matchAll(/\$\((\w+)\)/g)].map((m) => m[1] as string))].sort(),
      };
    }
  }
  return null;
}

/** Gunicorn's default config file name first, then the names projects commonly pass with -c. */
const GUNICORN_FILES = ['gunicorn.conf.py', 'gunicorn.conf', 'gunicorn_config.py', 'gunicorn.config.py', 'gunicorn_conf.py'];

/** `name = "value"` (or `["value"]`) at the top level of a Python config file. */
function pythonSetting(text: string, name: string): string | null {
  const match = new RegExp(`^${name}\\s*=[ \\t]*(?:\\[\\s*)?(?:f?["']([^"'\\n]*)["']|(.+))`, 'm').exec(text);
  if (!match) return null;
  return (match[1] ?? match[2] ?? '').trim();
}

export function readGunicornConfig(project: Project): GunicornConfig | null {
  for (const dir of CONFIG_DIRS) {
    for (const name of GUNICORN_FILES) {
      const file = `${dir}${name}`;
      const text = project.readText(file);
      if (text === null) continue;
      const bindText = pythonSetting(text, 'bind');
      let bind: ListenAddress | null = null;
      if (bindText !== null) {
        // bind = os.environ.get("BIND", "0.0.0.0:8000") or f"0.0.0.0:{PORT}": the default, or the variable.
        const fallback = /(?:get|getenv)\(\s*["'](\w+)["']\s*,\s*["']([^"']+)["']/.exec(bindText);
        bind = fallback ? { ...address(fallback[2] as string), variable: fallback[1] as string } : address(bindText);
      }
      const app = pythonSetting(text, 'wsgi_app');
      return { file, bind, app: app && /^[\w.]+(:[\w.()]+)?$/.test(app) ? app : null };
    }
  }
  return null;
}
