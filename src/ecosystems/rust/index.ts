// Rust: detection (detect.ts, cargo.ts, port.ts), bases and view (plan.ts), knowledge tables
// (knowledge/), templates/rust/.
import type { Ecosystem } from '../../ecosystem.js';
import { detectRust } from './detect.js';
import { rustMarks } from './entry.js';
import { assessRust, rustView } from './plan.js';
import type { RustFacts } from './types.js';
import { RUST_RELEASES } from './knowledge/versions.js';

export const rust: Ecosystem<RustFacts> = {
  language: 'rust',
  markers: rustMarks.markers,
  recognizes: rustMarks.mayBe, // the marker file is the whole check
  tooling: () => null,
  apps: null,
  detect: detectRust,
  assess: (facts) => assessRust(facts),
  view: rustView,
  runtimeName: 'Rust',
  // No end of life: the toolchain stays in the builder and the binary carries no Rust runtime that
  // would need fixes; an older pinned toolchain is the project's choice.
  releases: (now) => RUST_RELEASES.filter((r) => Date.parse(r.released) <= now.getTime()).map((r) => ({ version: r.version, endOfLife: null })),
  fields: {
    package: { label: 'The Cargo package name', fallback: 'Cargo.toml [package] name' },
    bin: { label: 'The binary name', source: (f) => f.bin.source, fallback: 'Cargo.toml [[bin]] name or a src/bin/<name>.rs file name' },
    binCandidates: { label: 'A binary name', fallback: 'Cargo.toml [[bin]] names or src/bin/<name>.rs file names' },
    systemLinked: { label: 'A crate name', fallback: 'Cargo.lock' },
    runtimeFiles: { label: 'A file the final image copies', fallback: 'Rocket.toml' },
  },
  manifestExtensions: ['toml', 'lock', 'rs'],
  // https://hub.docker.com/_/rust "Start a Rust instance running your app"
  naive: (input) => [`FROM rust:${input.runtimeVersion}`, 'WORKDIR /usr/src/app', 'COPY . .', 'RUN cargo install --path .', 'CMD ["app"]'],
  installCommand: /\bcargo fetch/,
  stop: { signals: () => 'rust', printsInit: true },
  probe: () => ({ impossible: 'a Rust binary on scratch, distroless or slim has no HTTP client beside it (a probe binary is not built yet)' }),
};
