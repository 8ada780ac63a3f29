import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectRust } from '../detect.js';
import type { RustFacts } from '../types.js';
import { chooseBase } from '../../../plan/choose-base.js';
import { assessRust, rustView } from '../plan.js';
import { Project } from '../../../project.js';

const TODAY = new Date('2026-11-27T00:00:00Z');

function facts(deps: string, lockPackages: Array<[string, string[]]> | null, extra: Record<string, string> = {}): RustFacts {
  const root = mkdtempSync(join(tmpdir(), 'slim-rust-plan-'));
  const files: Record<string, string> = {
    'Cargo.toml': `[package]\nname = "app"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\n${deps}`,
    'src/main.rs': 'fn main() {}\n',
    ...extra,
  };
  if (lockPackages) {
    files['Cargo.lock'] = `version = 4\n${lockPackages.map(([n, d]) => `\n[[package]]\nname = "${n}"\nversion = "1.0.0"\ndependencies = [${d.map((x) => `"${x}"`).join(', ')}]\n`).join('')}`;
  }
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  return detectRust(new Project(root), {});
}

const images = (f: RustFacts) => Object.fromEntries(assessRust(f, TODAY).map((o) => [o.kind, o.possible ? `${o.builderImage} -> ${o.runtimeImage}` : null]));

describe('assessRust', () => {
  it('builds rustls services as static musl binaries for scratch or distroless static', () => {
    const f = facts('rustls = "0.23"\n', [['app', ['rustls']], ['rustls', ['ring']], ['ring', []]]);
    expect(images(f)).toEqual({
      scratch: 'rust:1.100-alpine -> scratch',
      distroless: 'rust:1.100-alpine -> gcr.io/distroless/static-debian13:nonroot',
      alpine: 'rust:1.100-alpine -> alpine:3.22',
      slim: 'rust:1.100-slim-bookworm -> debian:bookworm-slim',
    });
    expect(chooseBase(assessRust(f, TODAY), 'auto').reasons.join(' ')).toMatch(/rustls, which needs only CA certificates/);
  });

  it('puts OpenSSL-linked binaries on distroless cc, built on glibc bookworm', () => {
    const f = facts('openssl = "0.10"\n', [['app', ['openssl']], ['openssl', ['openssl-sys']], ['openssl-sys', []]]);
    const plan = chooseBase(assessRust(f, TODAY), 'auto');
    expect([plan.base, plan.builderImage, plan.runtimeImage]).toEqual(['distroless', 'docker.io/library/rust:1.100-slim-bookworm', 'gcr.io/distroless/cc-debian13:nonroot']);
    expect(images(f).scratch).toBeNull();
    expect(images(f).alpine).toBeNull();
  });

  it('needs slim for libpq, which distroless lacks', () => {
    const f = facts('diesel = { version = "2", features = ["postgres"] }\n', [['app', ['diesel']], ['diesel', ['pq-sys']], ['pq-sys', []]]);
    const plan = chooseBase(assessRust(f, TODAY), 'auto');
    expect(plan.base).toBe('slim');
    expect(assessRust(f, TODAY)[1]?.why).toMatch(/pq-sys needs libpq5 at run time/);
  });

  it('builds a pinned toolchain line; a range gets the current stable', () => {
    const pinned = facts('', [['app', []]], { 'rust-toolchain.toml': '[toolchain]\nchannel = "1.85"\n' });
    expect(chooseBase(assessRust(pinned, TODAY), 'auto').runtimeVersion).toBe('1.85');
    const range = facts('', [['app', []]], { 'Cargo.toml': '[package]\nname = "app"\nversion = "0.1.0"\nrust-version = "1.85"\n' });
    expect(chooseBase(assessRust(range, TODAY), 'auto').runtimeVersion).toBe('1.100');
  });
});

describe('rustView', () => {
  it('builds the chosen bin with --locked only when Cargo.lock exists, and copies it out of target/', () => {
    const locked = facts('', [['app', []]]);
    const view = rustView(locked, chooseBase(assessRust(locked, TODAY), 'auto'));
    expect(view.buildCommand).toEqual(['cargo', 'build', '--release', '--locked', '--package', 'app', '--bin', 'app']);
    expect(view.binaryPath).toBe('target/release/app');
    expect(view.builderFrom).toBe('docker.io/library/rust:${RUST_VERSION}-alpine');
    expect(view.buildPackages.packages).toEqual(['ca-certificates', 'musl-dev', 'tzdata']);
    const unlocked = facts('', null);
    expect(rustView(unlocked, chooseBase(assessRust(unlocked, TODAY), 'auto')).buildCommand).not.toContain('--locked');
  });

  it('installs libssl-dev in the glibc builder and libssl3 on slim', () => {
    const f = facts('openssl = "0.10"\n', [['app', ['openssl-sys']], ['openssl-sys', []]]);
    const view = rustView(f, chooseBase(assessRust(f, TODAY), 'slim'));
    expect(view.buildPackages).toMatchObject({ apt: true, packages: ['libssl-dev', 'pkg-config'] });
    expect(view.runtimePackages.packages).toEqual(['ca-certificates', 'libssl3', 'tzdata']);
    expect(view.createUser).toBe(true);
  });
});
