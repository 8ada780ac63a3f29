// What Go sources say, read without a Go toolchain: the package clause, the imports, whether
// the file has `func main()`, its build constraint, and listen addresses for the port.
// A light lexer strips comments and strings where they would confuse the patterns.
import { keepLines, stripSlashComments } from '../../detect/scan.js';

export interface GoFileInfo {
  packageName: string | null;
  imports: string[];
  hasMain: boolean;
  /** `//go:build ignore` (a generator or example run with `go run`): never part of the build. */
  ignored: boolean;
  /** Only built with cgo on (`//go:build cgo`): a pure-Go twin exists for CGO_ENABLED=0. */
  cgoOptional: boolean;
}

/** A line-start `import (`; the block runs to the next `)` (found with indexOf, not a lazy regex). */
const IMPORT_BLOCK = /^[ \t]*import\s*\(/gm;
/** One spec line of an import block: an optional name, then the quoted path. */
const IMPORT_SPEC = /^[ \t]*(?:[A-Za-z_.][A-Za-z0-9_]*[ \t]+)?"([^"\n]+)"/;
/** `import "x"` or `import name "x"` on one line. */
const IMPORT_SINGLE = /^[ \t]*import[ \t]+(?:[A-Za-z_.][A-Za-z0-9_]*[ \t]+)?"([^"\n]+)"/gm;

/**
 * Linear on any text: line-start patterns begin with `[ \t]*`, never `\s*`, which with the m
 * flag re-reads every following blank line from each line start (quadratic over blank lines).
 */
export function goFileInfo(text: string): GoFileInfo {
  const packageAt = text.search(/^package[ \t]/m);
  const header = text.slice(0, Math.max(0, packageAt));
  const constraint = /^\/\/go:build[ \t]+(.+)$/m.exec(header)?.[1] ?? '';
  const code = stripSlashComments(text);
  const packageName = /^[ \t]*package\s+([A-Za-z_][A-Za-z0-9_]*)/m.exec(code)?.[1] ?? null;
  const imports: string[] = [];
  let blockEnd = -1;
  for (const block of code.matchAll(IMPORT_BLOCK)) {
    const start = (block.index ?? 0) + block[0].length;
    // A block opened inside the previous one (only in broken code) is part of it.
    if (start <= blockEnd) continue;
    const close = code.indexOf(')', start);
    blockEnd = close < 0 ? code.length : close;
    if (close < 0) break;
    for (const line of code.slice(start, close).split('\n')) {
      const spec = IMPORT_SPEC.exec(line);
      if (spec) imports.push(spec[1] as string);
    }
  }
  for (const single of code.matchAll(IMPORT_SINGLE)) imports.push(single[1] as string);
  return {
    packageName,
    imports,
    hasMain: /^func[ \t]+main[ \t]*\([ \t]*\)/m.test(code),
    ignored: /(^|[\s(])ignore($|[\s)])/.test(constraint) || !buildsOnLinux(constraint),
    cgoOptional: /(^|[\s(&|])cgo($|[\s)&|])/.test(constraint) && !constraint.includes('!cgo'),
  };
}

/**
 * Operating systems Go knows (`go tool dist list`), for file-name suffixes (x_windows.go) and
 * //go:build lines: the image builds for linux, so a file only for other systems is not compiled.
 * https://pkg.go.dev/cmd/go#hdr-Build_constraints
 */
const GOOS = new Set(['aix', 'android', 'darwin', 'dragonfly', 'freebsd', 'hurd', 'illumos', 'ios', 'js', 'linux', 'nacl', 'netbsd', 'openbsd', 'plan9', 'solaris', 'wasip1', 'windows', 'zos']);
const UNIX_ON_LINUX = new Set(['unix', 'linux']);

/** False when a //go:build line names only other operating systems (`openbsd`, `darwin || windows`) or excludes linux. */
function buildsOnLinux(constraint: string): boolean {
  const expr = constraint.trim();
  if (expr === '') return true;
  if (/!\s*(?:linux|unix)\b/.test(expr) && !/\|\|/.test(expr)) return false;
  // Only a plain OR of OS names is judged; anything more complex is kept.
  const terms = expr.split('||').map((t) => t.trim().replace(/^\(|\)$/g, ''));
  if (!terms.every((t) => GOOS.has(t) || t === 'unix')) return true;
  return terms.some((t) => UNIX_ON_LINUX.has(t));
}

/** False for x_windows.go, x_darwin_arm64.go and the like: Go builds them only for that system. */
export function fileBuildsOnLinux(path: string): boolean {
  const parts = (path.split('/').pop() ?? '').replace(/(?:_test)?\.go$/, '').split('_');
  if (parts.length < 2) return true;
  const last = parts[parts.length - 1] as string;
  const beforeLast = parts.length >= 3 ? (parts[parts.length - 2] as string) : '';
  const os = GOOS.has(last) ? last : GOOS.has(beforeLast) ? beforeLast : null;
  return os === null || os === 'linux';
}

export interface PortHit {
  port: number;
  /** The listen host was loopback: unreachable from outside the container. */
  loopback: boolean;
  evidence: string;
  /**
   * How the program is told another port: `literal` (a listen call's argument: fixed), the
   * variable or flag whose default this is (`env`/`flag` with its name), or `default` (a named
   * default that something may override, when the code says nothing more).
   */
  via: { kind: 'literal' | 'default' } | { kind: 'env' | 'flag'; name: string };
  /** The default was written as an address (":8080"), so the variable or flag takes one too. */
  address: boolean;
  /** Where in the text (comments blanked, lines kept), for file:line. */
  index: number;
}

export { configPort } from '../../detect/config-port.js';

/** Names that mark another server's or a client's address, not the app's own listen address. */
const NOT_OURS = /grpc|metric|debug|pprof|admin|health|db|database|postgres|pg|mysql|redis|mongo|smtp|mail|otlp|otel|trac|jaeger|kafka|nats|amqp|rmq|rabbit|ssl|tls|https|proxy|upstream|remote|client|endpoint|url|dsn|peer|cluster|raft|gossip|fetch|crawl|scrape|webhook|notif/i;
/** Names that say the value is the app's own listen address. */
const OURS = /listen|serv|http|bind|web|^_?(?:default)?_?(?:port|addr)$/i;

const ADDR = String.raw`"((?:0\.0\.0\.0|localhost|127(?:\.\d{1,3}){3}|\[[0-9A-Fa-f:]*\])?):(\d{2,5})"`;
const LISTEN_PATTERNS: RegExp[] = [
  // http.ListenAndServe(":8080", h), r.Run(":8080"), e.Start(":1323"), app.Listen(":3000")
  new RegExp(String.raw`\b(?:ListenAndServe(?:TLS)?|ListenTLS|Listen|RunTLS|Run|StartTLS|Start|Serve)\s*\(\s*${ADDR}`, 'g'),
  // net.Listen("tcp", ":8080")
  new RegExp(String.raw`\bnet\.Listen\s*\(\s*"tcp[46]?"\s*,\s*${ADDR}`, 'g'),
  // &http.Server{Addr: ":8080"}
  new RegExp(String.raw`\bAddr\s*:\s*${ADDR}`, 'g'),
];

/**
 * The first listen address in the text: `kind` 'listen' reads the arguments of listen calls and
 * http.Server{Addr}; 'default' reads defaults whose name says port or address (a const, a struct
 * field, an env tag's envDefault, a flag's default, a PORT fallback). Other literals (a request's
 * RemoteAddr, a status code, a client's endpoint) are not listen addresses.
 */
export function goPort(text: string, kind: 'listen' | 'default' | 'any-default' = 'listen', path = ''): PortHit | null {
  // A package for another server or a client (pkg/grpcserver, internal/fetcher) is not where the app listens.
  if (NOT_OURS.test(path.split('/').slice(0, -1).join('/'))) return null;
  // Comments blanked with their line breaks kept, so an index has its line.
  const code = stripSlashComments(text, false, keepLines(''));
  const hit = (port: number, host: string, evidence: string, index: number, via: PortHit['via'] = { kind: 'literal' }, address = true): PortHit | null => {
    if (!(port > 0 && port < 65536)) return null;
    // A listen call inside a debug/pprof/metrics helper is not the app's port.
    const before = code.slice(Math.max(0, code.lastIndexOf('\nfunc ', index)), index);
    if (/func\s+\w*(?:Debug|Pprof|Metrics|Redirect)\w*\s*\(/i.test(before)) return null;
    return { port, loopback: host === 'localhost' || host.startsWith('127.') || host === '[::1]', evidence, via, address, index };
  };
  if (kind === 'listen') {
    let best: (PortHit & { index: number }) | null = null;
    for (const re of LISTEN_PATTERNS) {
      for (const m of code.matchAll(re)) {
        const found = hit(Number(m[2]), m[1] as string, `"${m[1]}:${m[2]}"`, m.index ?? 0);
        if (found && (best === null || (m.index ?? 0) < best.index)) best = { ...found, index: m.index ?? 0 };
        if (found) break;
      }
    }
    return best;
  }
  // Names are bounded (\w{0,64}): `\w*(?:port)\w*` backtracks over a long identifier quadratically.
  // Each with what overrides the default it reads: 'default' (nothing the line says), an env
  // variable or a flag (its name is the first part).
  const defaults: Array<[RegExp, (m: RegExpMatchArray) => [string, string, string], 'default' | 'env' | 'flag']> = [
    // const defaultServerPort = 8080; defaultListenAddr = "127.0.0.1:8080"; port := "8080"
    [/\b(\w{0,64}(?:port|addr|address|listen)\w{0,64})\s*:?=\s*(?:"((?:[\w.]*|\[[0-9A-Fa-f:]*\])):(\d{2,5})"|"?(\d{2,5})"?)\s*(?:[\n;)}]|$)/gi, (m) => [m[1] as string, m[2] ?? '', (m[3] ?? m[4]) as string], 'default'],
    // Server{Port: 80}, ListenAddr: ":8080"
    [/\b(\w{0,64}(?:Port|Addr|Address|Listen)\w{0,64})\s*:\s*(?:"((?:[\w.]*|\[[0-9A-Fa-f:]*\])):(\d{2,5})"|(\d{2,5}))\s*,/g, (m) => [m[1] as string, m[2] ?? '', (m[3] ?? m[4]) as string], 'default'],
    // `env:"HTTP_PORT" envDefault:"8080"`
    [/env:"(\w{0,64}(?:PORT|ADDR)\w{0,64})(?:[^"\w][^"]{0,200})?"\s+envDefault:"(?:([\w.]*):)?(\d{2,5})"/g, (m) => [m[1] as string, m[2] ?? '', m[3] as string], 'env'],
    // flag.String("addr", ":8080", ...), flag.Int("port", 8080, ...), cmd.Flags().IntP("port", "p", 8080, ...)
    [/\.(?:Int|Uint|String)\w*\(\s*(?:&[\w.]+\s*,\s*)?"([\w.-]*(?:port|addr|address|listen)[\w.-]*)"\s*,\s*(?:"\w"\s*,\s*)?(?:"((?:[\w.]*)):(\d{2,5})"|"?(\d{2,5})"?)\s*,/gi, (m) => [m[1] as string, m[2] ?? '', (m[3] ?? m[4]) as string], 'flag'],
    // options["LISTEN_ADDR"] = {..., rawValue: "127.0.0.1:8080"}: a table of settings keyed by their env name
    [/"([A-Z][A-Z0-9_]*(?:PORT|ADDR)[A-Z0-9_]*)"\s*:\s*\{[^}]{0,300}?"((?:[\w.]*|\[[0-9A-Fa-f:]*\])):(\d{2,5})"/g, (m) => [m[1] as string, m[2] ?? '', m[3] as string], 'env'],
    // getEnv("HTTP_PORT", "8080"), viper.SetDefault("server.port", 8080)
    [/\(\s*"([\w.]*(?:PORT|ADDR|port|addr)[\w.]*)"\s*,\s*(?:"(?:([\w.]*):)?(\d{2,5})"|(\d{2,5}))\s*\)/g, (m) => [m[1] as string, m[2] ?? '', (m[3] ?? m[4]) as string], 'env'],
    // cmp.Or(os.Getenv("PORT"), "8080"); if port == "" { port = "8080" } after Getenv("PORT")
    [/Getenv\("(PORT)"\)\s*,\s*"()(\d{2,5})"/g, (m) => [m[1] as string, '', m[3] as string], 'env'],
  ];
  let best: PortHit | null = null;
  for (const [re, parts, how] of defaults) {
    for (const m of code.matchAll(re)) {
      const [name, host, port] = parts(m);
      if (NOT_OURS.test(name) || (kind === 'default' && !OURS.test(name))) continue;
      const address = /"[^"]*:\d+"/.test(m[0]);
      // getEnv("HTTP_PORT", "8080") names a variable; viper.SetDefault("server.port", 8080) a config key.
      const via: PortHit['via'] = how === 'default' || (how === 'env' && !/^[A-Z][A-Z0-9_]*$/.test(name)) ? envRead(code) ?? (READS_SETTINGS.test(code) ? { kind: 'default' } : { kind: 'literal' }) : { kind: how, name };
      const found = hit(Number(port), host, address ? `${name} "${host}:${port}"` : `${name} ${port}`, m.index ?? 0, via, address);
      if (found && (best === null || found.index < best.index)) best = found;
      if (found) break;
    }
  }
  return best;
}

/** Code that reads settings from outside (variables, flags, config libraries): a named default there may be overridden. */
const READS_SETTINGS = /\b(?:Getenv|LookupEnv|Environ)\(|\bflag\.|\.Flags\(\)|\bviper\.|\benvconfig\.|\bkoanf\b|`env:"/;

/** A port or address variable the code reads (`os.Getenv("LISTEN_ADDR")`), which then overrides a named default. */
function envRead(code: string): PortHit['via'] | null {
  const m = /\b(?:Getenv|LookupEnv)\(\s*"([A-Z0-9_]*(?:PORT|ADDR)[A-Z0-9_]*)"\s*\)/.exec(code);
  return m && !NOT_OURS.test(m[1] as string) ? { kind: 'env', name: m[1] as string } : null;
}

/** Config files the code names: a flag's default path or a file it reads ("./config/local.yml"). */
export function goConfigFiles(text: string): string[] {
  const code = stripSlashComments(text, false);
  const names = new Set<string>();
  for (const m of code.matchAll(/"(?:\.\/)?([\w./-]+\.(?:ya?ml|toml|json))"/g)) {
    const name = m[1] as string;
    if (!name.startsWith('/') && !name.split('/').includes('..')) names.add(name);
  }
  return [...names];
}
