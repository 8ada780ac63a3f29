import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectRust } from '../detect.js';
import { rustDefaultPort, rustPort } from '../port.js';
import { Project } from '../../../project.js';

function project(files: Record<string, string>): Project {
  const root = mkdtempSync(join(tmpdir(), 'slim-rust-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  return new Project(root);
}

const MAIN = 'fn main() {}\n';
const pkg = (name: string, extra = '') => `[package]\nname = "${name}"\nversion = "0.1.0"\nedition = "2021"\n${extra}`;
const lock = (...pkgs: Array<[string, string[]]>) =>
  `version = 4\n${pkgs.map(([name, deps]) => `\n[[package]]\nname = "${name}"\nversion = "1.0.0"\ndependencies = [${deps.map((d) => `"${d}"`).join(', ')}]\n`).join('')}`;

const WORKSPACE = {
  'Cargo.toml': '[workspace]\nmembers = ["crates/*"]\n[workspace.package]\nrust-version = "1.85"\n',
  'crates/api/Cargo.toml': `${pkg('api', 'rust-version.workspace = true\n')}\n[dependencies]\naxum = "0.8"\n`,
  'crates/api/src/main.rs': 'fn main() { let _ = std::net::TcpListener::bind("0.0.0.0:4000"); }\n',
  'crates/worker/Cargo.toml': `${pkg('worker')}\n[dependencies]\nopenssl = "0.10"\n`,
  'crates/worker/src/main.rs': MAIN,
  'crates/lib/Cargo.toml': pkg('lib'),
  'crates/lib/src/lib.rs': '',
  'Cargo.lock': lock(['api', ['axum']], ['axum', []], ['worker', ['openssl']], ['openssl', ['openssl-sys']], ['openssl-sys', []], ['lib', []]),
};

describe('detectRust: which binary', () => {
  it('asks for --main in a workspace with several binaries, naming them', () => {
    expect(() => detectRust(project(WORKSPACE), {})).toThrow(/several binaries: api, worker\. Pass --main/);
  });

  it('builds the chosen package and reads only its dependency graph', () => {
    const api = detectRust(project(WORKSPACE), { main: 'api' });
    expect([api.package, api.bin.value]).toEqual(['api', 'api']);
    expect(api.framework.value).toBe('axum');
    expect(api.port.value).toBe(4000);
    expect(api.systemLinked).toEqual([]);
    expect(api.runtime).toMatchObject({ constraint: '>=1.85.0', pinned: false });
    const worker = detectRust(project(WORKSPACE), { main: 'worker/worker' });
    expect(worker.systemLinked).toEqual([{ name: 'openssl-sys', inDistroless: true }]);
    expect(() => detectRust(project(WORKSPACE), { main: 'lib' })).toThrow(/matches none of the binaries: api, worker/);
  });

  it('finds src/bin targets and honours default-run', () => {
    const files = { 'Cargo.toml': pkg('kv', 'default-run = "server"\n'), 'src/bin/server.rs': MAIN, 'src/bin/admin/main.rs': MAIN };
    const facts = detectRust(project(files), {});
    expect(facts.binCandidates.sort()).toEqual(['admin', 'server']);
    expect(facts.bin).toEqual({ value: 'server', source: 'Cargo.toml package.default-run' });
  });

  it('says a library has nothing to run', () => {
    expect(() => detectRust(project({ 'Cargo.toml': pkg('lib'), 'src/lib.rs': '' }), {})).toThrow(/No binary target found/);
  });
});

describe('detectRust: native dependencies', () => {
  const app = (deps: string, lockText: string) => project({ 'Cargo.toml': `${pkg('app')}\n[dependencies]\n${deps}`, 'src/main.rs': MAIN, 'Cargo.lock': lockText });

  it('links OpenSSL from the system, unless openssl-src (vendored) is in the lockfile', () => {
    const system = detectRust(app('openssl = "0.10"\n', lock(['app', ['openssl']], ['openssl', ['openssl-sys']], ['openssl-sys', []])), {});
    expect(system.tls).toBe('openssl');
    expect(system.nativeDependencies[0]?.runtime.debian).toEqual(['libssl3']);
    const vendored = detectRust(app('openssl = { version = "0.10", features = ["vendored"] }\n', lock(['app', ['openssl']], ['openssl', ['openssl-sys']], ['openssl-sys', ['openssl-src']], ['openssl-src', []])), {});
    expect(vendored.tls).toBe('openssl-vendored');
    expect(vendored.systemLinked).toEqual([]);
    expect(vendored.nativeDependencies[0]?.build.debian).toEqual(['make', 'perl']);
  });

  it('compiles SQLite in with rusqlite\'s bundled feature, links it otherwise', () => {
    const graph = lock(['app', ['rusqlite']], ['rusqlite', ['libsqlite3-sys']], ['libsqlite3-sys', []]);
    expect(detectRust(app('rusqlite = { version = "0.32", features = ["bundled"] }\n', graph), {}).systemLinked).toEqual([]);
    expect(detectRust(app('rusqlite = "0.32"\n', graph), {}).systemLinked).toEqual([{ name: 'libsqlite3-sys', inDistroless: false }]);
  });

  it('sees rustls as pure Rust (CA certificates only)', () => {
    const facts = detectRust(app('rustls = "0.23"\n', lock(['app', ['rustls']], ['rustls', ['ring']], ['ring', []])), {});
    expect(facts.tls).toBe('rustls');
    expect(facts.systemLinked).toEqual([]);
    expect(facts.nativeDependencies.map((d) => d.name)).toEqual(['ring']);
  });

  it('warns without Cargo.lock and falls back to direct dependencies', () => {
    const facts = detectRust(project({ 'Cargo.toml': `${pkg('app')}\n[dependencies]\nopenssl-sys = "0.9"\n`, 'src/main.rs': MAIN }), {});
    expect(facts.lockfile).toBe(false);
    expect(facts.warnings.join(' ')).toMatch(/no Cargo.lock/);
    expect(facts.systemLinked.map((s) => s.name)).toEqual(['openssl-sys']);
  });
});

describe('detectRust: version, framework, port', () => {
  it('pins a rust-toolchain.toml version; rust-version and edition are minimums', () => {
    const pinned = detectRust(project({ 'Cargo.toml': pkg('a', 'rust-version = "1.80"\n'), 'rust-toolchain.toml': '[toolchain]\nchannel = "1.85.0"\n', 'src/main.rs': MAIN }), {});
    expect(pinned.runtime).toEqual({ constraint: '1.85', pinned: true, source: 'rust-toolchain.toml channel 1.85.0' });
    const minimum = detectRust(project({ 'Cargo.toml': pkg('a', 'rust-version = "1.80"\n'), 'src/main.rs': MAIN }), {});
    expect(minimum.runtime).toMatchObject({ constraint: '>=1.80.0', pinned: false });
    const edition = detectRust(project({ 'Cargo.toml': pkg('a').replace('2021', '2024'), 'rust-toolchain': 'stable\n', 'src/main.rs': MAIN }), {});
    expect(edition.runtime).toMatchObject({ constraint: '>=1.85.0', pinned: false });
  });

  it('gives Rocket its default port, 0.0.0.0 and Rocket.toml', () => {
    const facts = detectRust(project({ 'Cargo.toml': `${pkg('blog')}\n[dependencies]\nrocket = "0.5"\n`, 'src/main.rs': MAIN, 'Rocket.toml': '[default]\nport = 8001\n' }), {});
    expect(facts.framework.value).toBe('rocket');
    expect(facts.port).toEqual({ value: 8001, source: 'Rocket.toml [default] port' });
    expect(facts.env).toEqual({ ROCKET_ADDRESS: '0.0.0.0' });
    expect(facts.runtimeFiles).toEqual(['Rocket.toml']);
  });

  it('reads listen addresses in the forms axum, actix and warp use, and flags loopback', () => {
    expect(rustPort('let addr = SocketAddr::from(([0, 0, 0, 0], 3000));')?.port).toBe(3000);
    expect(rustPort('.bind(("0.0.0.0", 8080))?')?.port).toBe(8080);
    expect(rustPort('warp::serve(r).run(([127, 0, 0, 1], 3030))')).toMatchObject({ port: 3030, loopback: true });
    expect(rustPort('env::var("PORT").unwrap_or_else(|_| "8090".to_string())')?.port).toBe(8090);
    expect(rustPort('let url = "postgres://db:5432/app";')).toBeNull();
  });
});

describe('detectRust: choosing among binaries, ports and optional lockfile edges', () => {
  it('builds the workspace default-members and warns naming --main', () => {
    const files = {
      'Cargo.toml': '[workspace]\nmembers = ["server", "set-password"]\ndefault-members = ["server"]\n',
      'server/Cargo.toml': pkg('ldapd'), 'server/src/main.rs': MAIN,
      'set-password/Cargo.toml': pkg('set_password'), 'set-password/src/main.rs': MAIN,
    };
    const facts = detectRust(project(files), {});
    expect(facts.bin).toEqual({ value: 'ldapd', source: 'Cargo.toml [workspace] default-members' });
    expect(facts.warnings.join(' ')).toMatch(/several binaries \(ldapd, set_password\); ldapd was chosen .*--main/);
  });

  it('picks the server of a client/server pair, and the one a deploy workflow builds', () => {
    const files = {
      'Cargo.toml': '[workspace]\nmembers = ["tunnel", "tunnel_server"]\n',
      'tunnel/Cargo.toml': `${pkg('tunnel')}\n[dependencies]\nwarp = "0.3"\n`, 'tunnel/src/main.rs': MAIN,
      'tunnel_server/Cargo.toml': `${pkg('tunnel_server')}\n[dependencies]\nwarp = "0.3"\n`,
      'tunnel_server/src/main.rs': 'fn main() { let port = get_port("PORT", 8080); }\nfn get_port(_: &str, d: u16) -> u16 { d }\n',
    };
    const facts = detectRust(project(files), {});
    expect(facts.bin.value).toBe('tunnel_server');
    expect(facts.port.value).toBe(8080);
    // A release workflow ships the client CLI to users: it is not where the service is built.
    const release = { ...files, '.github/workflows/release.yml': 'steps:\n  - run: cargo build --release --bin tunnel\n' };
    expect(detectRust(project(release), {}).bin.value).toBe('tunnel_server');
    const deploy = { ...files, '.github/workflows/deploy.yml': 'steps:\n  - run: cargo build --release --bin tunnel\n' };
    expect(detectRust(project(deploy), {}).bin).toEqual({ value: 'tunnel', source: 'a deploy workflow or Makefile builds it' });
  });

  it('reads the port from a config file the code names, not from status codes or test modules', () => {
    const facts = detectRust(project({
      'Cargo.toml': `${pkg('app')}\n[dependencies]\nactix-web = "4"\n`,
      'src/main.rs': 'fn main() { let c = config::File::new("configuration/base.yaml"); err_code!("no", 401); }\n#[cfg(test)]\nmod tests { const U: &str = "127.0.0.1:8000"; }\n',
      'configuration/base.yaml': 'application:\n  port: 8000\ndatabase:\n  port: 5432\n',
    }), {});
    expect(facts.port).toEqual({ value: 8000, source: 'configuration/base.yaml application.port (read by src/main.rs)' });
    expect(rustPort('err_code!("Password not provided", 401)')).toBeNull();
    expect(rustPort('#[cfg(test)]\nmod tests { fn t() { let _ = TcpListener::bind("127.0.0.1:8000"); } }')).toBeNull();
    const toml = detectRust(project({
      'Cargo.toml': pkg('svc'), 'src/main.rs': 'const DEFAULTS: &str = include_str!("../config.default.toml");\nfn main() {}\n',
      'config.default.toml': 'listen_address = "0.0.0.0:8071"\n[db]\nport = 5432\n',
    }), {});
    expect(toml.port.value).toBe(8071);
  });

  it('follows Cargo.lock optional edges only when their feature is on', () => {
    const sqlxLock = lock(['app', ['sqlx']], ['sqlx', ['sqlx-postgres', 'sqlx-sqlite']], ['sqlx-postgres', []], ['sqlx-sqlite', ['libsqlite3-sys']], ['libsqlite3-sys', []]);
    const postgres = detectRust(project({ 'Cargo.toml': `${pkg('app')}\n[dependencies]\nsqlx = { version = "0.8", features = ["postgres"] }\n`, 'src/main.rs': MAIN, 'Cargo.lock': sqlxLock }), {});
    expect(postgres.nativeDependencies).toEqual([]);
    expect(postgres.systemLinked).toEqual([]);
    const sqlite = detectRust(project({ 'Cargo.toml': `${pkg('app')}\n[dependencies]\nsqlx = { version = "0.8", features = ["sqlite"] }\n`, 'src/main.rs': MAIN, 'Cargo.lock': sqlxLock }), {});
    // sqlx's `sqlite` compiles SQLite in: static, so nothing is linked from the system.
    expect(sqlite.nativeDependencies.map((d) => d.name)).toEqual(['libsqlite3-sys']);
    expect(sqlite.systemLinked).toEqual([]);
    const seaOrmLock = lock(['app', ['sea-orm']], ['sea-orm', ['sqlx']], ['sqlx', ['sqlx-sqlite']], ['sqlx-sqlite', ['libsqlite3-sys']], ['libsqlite3-sys', []]);
    const seaOrm = detectRust(project({ 'Cargo.toml': `${pkg('app')}\n[dependencies]\nsea-orm = { version = "1", features = ["sqlx-all"] }\n`, 'src/main.rs': MAIN, 'Cargo.lock': seaOrmLock }), {});
    expect(seaOrm.nativeDependencies.map((d) => d.name)).toEqual(['libsqlite3-sys']);
    expect(seaOrm.systemLinked).toEqual([]);
  });
});

describe('rustDefaultPort', () => {
  it('reads a settings struct default, preferring the HTTP port and never a database port', () => {
    const text = '#[builder(default = "3890")]\n    pub ldap_port: u16,\n    #[builder(default = "17170")]\n    pub http_port: u16,\n';
    expect(rustDefaultPort(text)).toMatchObject({ port: 17170, evidence: 'http_port defaults to 17170' });
    expect(rustDefaultPort('#[builder(default = "5432")]\npub db_port: u16,')).toBeNull();
    expect(rustDefaultPort('pub struct MailOptions {\n    #[builder(default = "587")]\n    pub port: u16,\n}')).toBeNull();
  });
});

describe('command-line flag defaults and other servers\' addresses', () => {
  it('reads a clap port flag default, on one line or spread over several, with doc comments between', () => {
    expect(rustDefaultPort('#[arg(long, short = \'p\', default_value = "8080", env = "SERVER_PORT")]\n/// Host port\npub port: u16,')).toMatchObject({ port: 8080 });
    expect(rustDefaultPort('#[arg(\n  short = \'p\',\n  long = "port",\n  default_value = "8081",\n  env = "MINISERVE_PORT"\n)]\nport: u16,')).toMatchObject({ port: 8081 });
    expect(rustDefaultPort('#[clap(long, default_value_t = 9000)]\nhttp_port: u16,')).toMatchObject({ port: 9000 });
  });

  it('skips an address held by a variable named for a client or another server', () => {
    expect(rustPort('pub const REMOTE_ADDR: &str = "127.0.0.1:1234";')).toBeNull();
    expect(rustPort('const DB_ADDR: &str = "127.0.0.1:5432";\nlet addr = "0.0.0.0:7000";')?.port).toBe(7000);
  });
});
