// Listen addresses in Rust sources, only where the program binds: a "0.0.0.0:8080" literal handed
// to bind/serve/run/listen or held by a variable named for an address or port, (host, port) tuples
// as actix binds, ([0, 0, 0, 0], 3000) arrays as axum/warp examples write, and PORT defaults.
// Literals elsewhere (a client URL, an HTTP status in `err!(.., 401)`, a test's URL) are not ports.
import { keepLines, stripSlashComments } from '../../detect/scan.js';

export interface PortHit {
  port: number;
  loopback: boolean;
  evidence: string;
  /** The variable whose default this is (`PORT`), or null for a literal the program binds. */
  variable: string | null;
  /** Where in the text (comments blanked, lines kept), for file:line. */
  index: number;
}

/** Calls that take the address the program listens on. */
const BIND = String.raw`(?:\bbind|\bbind_rustls\w*|\bbind_openssl|\bserve|\.run|\blisten|\bfrom_str|\bparse::<SocketAddr>)`;
/** A `let`/field whose name says it holds the listen address or port. */
const NAMED = String.raw`(?:\b\w*(?:addr|address|listen|bind|port)\w*\s*(?::\s*[\w:<>&']+\s*)?=\s*)`;
const ADDR = String.raw`"((?:\d{1,3}(?:\.\d{1,3}){3})|localhost|\[[0-9a-fA-F:]*\]|)?:(\d{2,5})"`;

const PATTERNS: Array<{ re: RegExp; host: (m: RegExpExecArray) => string; port: (m: RegExpExecArray) => string; variable?: (m: RegExpExecArray) => string }> = [
  // TcpListener::bind("0.0.0.0:8080"), .bind("[::]:80"), let addr = "0.0.0.0:3000".parse()
  { re: new RegExp(String.raw`(?:${BIND}\s*\(\s*(?:&\s*)?|${NAMED})${ADDR}`, 'i'), host: (m) => m[1] ?? '', port: (m) => m[2] as string },
  // .bind(("0.0.0.0", 8080))
  { re: /\bbind\w*\s*\(\s*\(\s*"([^"]*)"\s*,\s*(\d{2,5})\s*\)/, host: (m) => m[1] as string, port: (m) => m[2] as string },
  // SocketAddr::from(([0, 0, 0, 0], 3000)), warp::serve(..).run(([127, 0, 0, 1], 3030))
  { re: /\[\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*\]\s*,\s*(\d{2,5})\s*\)/, host: (m) => `${m[1]}.${m[2]}.${m[3]}.${m[4]}`, port: (m) => m[5] as string },
  // env::var("PORT").unwrap_or_else(|_| "8080".into())
  { re: /var\("PORT"\)[\s\S]{0,80}?"(\d{2,5})"/, host: () => '', port: (m) => m[1] as string, variable: () => 'PORT' },
  // get_port("PORT", 8080), env_or("HTTP_PORT", 3000): a helper taking the variable and its default
  { re: /\(\s*"((?:HTTP_|SERVER_|LISTEN_|WEB_|APP_)?PORT)"\s*,\s*"?(\d{2,5})"?\s*\)/, host: () => '', port: (m) => m[2] as string, variable: (m) => m[1] as string },
];

/** Source without comments and without `#[cfg(test)]` modules (conventionally at the end of a file). */
function productionCode(text: string): string {
  // Comments blanked with their line breaks kept, so an index has its line.
  const code = stripSlashComments(text, false, keepLines(''));
  const test = code.search(/#\[cfg\(test\)\]\s*(?:pub\s+)?mod\b/);
  return test < 0 ? code : code.slice(0, test);
}

export function rustPort(text: string): PortHit | null {
  const code = productionCode(text);
  let best: PortHit | null = null;
  for (const { re, host, port, variable } of PATTERNS) {
    // The first match whose variable is not another server's or a client's (`REMOTE_ADDR`, `db_port`).
    const m = [...code.matchAll(new RegExp(re.source, `${re.flags}g`))].find((hit) => !NOT_OURS.test(/^\w*/.exec(hit[0])?.[0] ?? ''));
    if (!m) continue;
    const value = Number(port(m));
    if (!(value > 0 && value < 65536)) continue;
    if (best === null || m.index < best.index) {
      const h = host(m);
      best = { port: value, loopback: h === 'localhost' || h.startsWith('127.') || h === '[::1]', evidence: m[0].replace(/\s+/g, ' ').slice(0, 60), variable: variable?.(m) ?? null, index: m.index };
    }
  }
  return best;
}

/** Fields of another server or a client, never the app's own port. */
const NOT_OURS = /db|database|postgres|pg|mysql|redis|mongo|smtp|mail|metric|grpc|debug|admin|otlp|trac|proxy|upstream|remote|client|peer/i;

/**
 * A port default on a settings struct or a command-line flag: `#[builder(default = "17170")] pub
 * http_port: u16`, `#[arg(long, default_value = "8080", env = "SERVER_PORT")] port: u16` (clap:
 * https://docs.rs/clap/latest/clap/_derive/index.html#arg-attributes),
 * `#[serde(default = ...)]` aside. A field named for HTTP/server/listen wins over other `*_port` fields.
 */
export function rustDefaultPort(text: string): PortHit | null {
  const code = productionCode(text);
  const hits: Array<{ name: string; port: number; index: number }> = [];
  // `default = "17170"` (builder, serde) and clap's `default_value = "8080"` / `default_value_t = 8080`,
  // other attribute arguments after it, doc comments between the attribute and the field.
  for (const m of code.matchAll(/default(?:_value(?:_t)?)?\s*=\s*"?(\d{2,5})"?[^\]]*\]\s*(?:(?:#\[[^\]]*\]|\/\/\/[^\n]*)\s*)*(?:pub(?:\([^)]*\))?\s+)?(\w*port)\s*:\s*(?:Option<\s*)?u16/gi)) {
    const name = m[2] as string;
    const port = Number(m[1]);
    // The struct it belongs to counts too: `port` in `struct MailOptions` is the SMTP server's.
    const owner = [...code.slice(0, m.index ?? 0).matchAll(/\bstruct\s+(\w+)/g)].pop()?.[1] ?? '';
    if (!NOT_OURS.test(name) && !NOT_OURS.test(owner) && port > 0 && port < 65536) hits.push({ name, port, index: m.index ?? 0 });
  }
  const best = hits.find((h) => /http|server|listen|web|api/i.test(h.name)) ?? hits.find((h) => /^port$/i.test(h.name)) ?? hits[0];
  return best ? { port: best.port, loopback: false, evidence: `${best.name} defaults to ${best.port}`, variable: null, index: best.index } : null;
}

/** Config file names the sources mention ("config.default.toml", "base.yaml"): read at start. */
export function configFileNames(text: string): string[] {
  const names = new Set<string>();
  // A bounded run, the file name split off in code: `[\w./-]*?([\w.-]+...)` backtracked cubically.
  for (const m of productionCode(text).matchAll(/"([\w./-]{1,300}\.(?:toml|ya?ml|json))"/g)) {
    const name = m[1] as string;
    const base = name.slice(name.lastIndexOf('/') + 1);
    if (!/^[\w.-]+\.(?:toml|ya?ml|json)$/.test(base)) continue;
    if (!/^(?:Cargo|Rocket|rust-toolchain|package|tsconfig)\./i.test(base)) names.add(name);
  }
  return [...names];
}

export { configPort } from '../../detect/config-port.js';
