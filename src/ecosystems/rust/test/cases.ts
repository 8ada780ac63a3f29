// Rust's data for the cross-ecosystem suites (the type and what each part is for: test/ecosystem-cases.ts).
import { type EcosystemCases, folder, moveDir, put, q, randomTree, replace } from '../../../../test/ecosystem-cases.js';

export const cases: EcosystemCases = {
  language: 'rust',
  manifest: 'Cargo.toml',
  project: {
    'Cargo.toml': '[package]\nname = "x"\nversion = "0.1.0"\n',
    'src/main.rs': 'fn main() {}\n',
  },
  fixture: 'rust-std-http',
  ignored: ['target/release/app', '.npmrc', '.cargo/credentials.toml'],
  sources: ['src/main.rs'],
  hostile: [
    { field: 'Cargo [package] name', fixture: 'rust-std-http', file: 'Cargo.toml', benign: 'hello-app', edits: (v) => ({ 'Cargo.toml': replace('name = "hello-rs"', `name = ${q(v)}`) }) },
    { field: 'Cargo [[bin]] name', fixture: 'rust-std-http', file: 'Cargo.toml', benign: 'server', edits: (v) => ({ 'Cargo.toml': (old) => `${old}\n[[bin]]\nname = ${q(v)}\npath = "src/main.rs"\n` }) },
    { field: 'Cargo [[bin]] path', fixture: 'rust-std-http', file: 'Cargo.toml', benign: 'src/main.rs', args: ['--main', 'server'], edits: (v) => ({ 'Cargo.toml': (old) => `${old}\n[[bin]]\nname = "server"\npath = ${q(v)}\n` }) },
    { field: 'Cargo rust-version', fixture: 'rust-std-http', file: 'Cargo.toml', benign: '1.85', edits: (v) => ({ 'Cargo.toml': replace('edition = "2021"', `edition = "2021"\nrust-version = ${q(v)}`) }) },
    { field: 'rust-toolchain.toml channel', fixture: 'rust-std-http', file: 'rust-toolchain.toml', benign: '1.85.0', edits: (v) => ({ 'rust-toolchain.toml': `[toolchain]\nchannel = ${q(v)}\n` }) },
    { field: 'Cargo workspace member folder', fixture: 'rust-workspace', file: 'Cargo.toml', benign: 'service', args: ['--main', 'api'], edits: (v) => moveDir('rust-workspace', 'crates/api', `crates/${folder(v)}`) },
    { field: 'Cargo workspace members entry', fixture: 'rust-workspace', file: /Cargo\.toml|--main api matches none/, benign: 'service', args: ['--main', 'api'], edits: (v) => ({ 'Cargo.toml': replace('["crates/*"]', `["crates/core-lib", "crates/worker", ${q(`crates/${folder(v)}`)}]`), ...moveDir('rust-workspace', 'crates/api', `crates/${folder(v)}`) }) },
    { field: 'src/bin file name', path: (v) => folder(v), fixture: 'rust-std-http', file: /src\/bin|binary|Cargo/, benign: 'server', args: [], edits: (v) => ({ 'src/main.rs': null, [`src/bin/${folder(v)}.rs`]: 'fn main() {}\n' }) },
  ],
  variablePaths: [],
  malformed: [
    { what: 'Cargo.toml', fixture: 'rust-std-http', edits: { 'Cargo.toml': '[package]\nname = "x"\nversion = "0.1.0\n' }, message: /Cargo\.toml is not valid TOML \(line \d+\)/ },
    { what: 'Cargo.toml (no name)', fixture: 'rust-std-http', edits: { 'Cargo.toml': '[package]\nversion = "0.1.0"\n' }, message: /Cargo\.toml has a \[package\] without a name/ },
    { what: 'Cargo.lock', fixture: 'rust-axum-rustls', edits: { 'Cargo.lock': 'version = 4\n\n[[package]]\nname = "axum"\nversion = "0.8.1\n' }, message: /Cargo\.lock is not valid TOML \(line \d+\)/ },
    { what: 'workspace member Cargo.toml', fixture: 'rust-workspace', args: ['--main', 'api'], edits: { 'crates/api/Cargo.toml': '[package\nname = "api"\n' }, message: /crates\/api\/Cargo\.toml is not valid TOML \(line \d+\)/ },
    { what: 'rust-toolchain.toml', fixture: 'rust-std-http', edits: { 'rust-toolchain.toml': '[toolchain\nchannel = "1.85"\n' }, message: /rust-toolchain\.toml is not valid TOML/ },
    { what: 'Cargo.lock (binary)', fixture: 'rust-axum-rustls', edits: { 'Cargo.lock': Buffer.from([0x00, 0x01, 0x02, 0xff]) }, message: /Cargo\.lock looks binary/ },
  ],
  textFiles: [],
  randomTree: randomTree({
    benign: { name: 'hello', rustver: '1.85', bin: 'server', channel: '1.85.0' },
    structural: [],
    optional: ['Cargo.lock', 'rust-toolchain.toml'],
    tree: (v, m, g) => {
      const files: Record<string, string> = {
        'Cargo.toml': `[package]\nname = ${q(v.name)}\nversion = "0.1.0"\nedition = "2021"\nrust-version = ${q(v.rustver)}\n\n[[bin]]\nname = ${q(v.bin)}\npath = "src/main.rs"\n`,
        'src/main.rs': 'fn main() { let _ = std::net::TcpListener::bind("0.0.0.0:8080"); }\n',
      };
      put(files, 'Cargo.lock', m['Cargo.lock']!, `version = 4\n\n[[package]]\nname = ${q(v.name)}\nversion = "0.1.0"\n`, g);
      put(files, 'rust-toolchain.toml', m['rust-toolchain.toml']!, `[toolchain]\nchannel = ${q(v.channel)}\n`, g);
      return files;
    },
  }),
  e2e: [
    {
      id: 'rust-slim',
      dependencies: false,
      fixture: 'rust-std-http',
      args: ['--base', 'slim'],
      base: 'slim',
      touch: { file: 'src/main.rs', comment: '// e2e change' },
      what: 'Rust 1.85 without dependencies, slim',
    },
  ],
};
