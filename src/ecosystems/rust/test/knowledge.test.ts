import { describe, expect, it } from 'vitest';
import { RUST_CRATES, RUST_FRAMEWORKS, rustCrateRule } from '../knowledge/crates.js';
import { RUST_RELEASES, releasedRustLines, rustLine } from '../knowledge/versions.js';

describe('Rust release catalog', () => {
  it('matches the announced release days of the six-week schedule', () => {
    const released = (v: string) => RUST_RELEASES.find((r) => r.version === v)?.released;
    expect(released('1.70')).toBe('2023-06-01');
    expect(released('1.85')).toBe('2025-02-20');
    expect(released('1.90')).toBe('2025-09-18');
    expect(released('1.100')).toBe('2026-11-12');
  });

  it('offers released lines newest first; the first is the current stable', () => {
    expect(releasedRustLines(new Date('2026-11-27T00:00:00Z')).slice(0, 2)).toEqual(['1.100', '1.99']);
    expect(releasedRustLines(new Date('2026-11-11T00:00:00Z'))[0]).toBe('1.99');
  });

  it('reads toolchain channels that name a version, not channel names', () => {
    expect(rustLine('1.85')).toBe('1.85');
    expect(rustLine('1.85.0')).toBe('1.85');
    expect(rustLine('1.85.0-x86_64-unknown-linux-gnu')).toBe('1.85');
    expect(rustLine('stable')).toBeNull();
    expect(rustLine('nightly-2026-01-01')).toBeNull();
  });
});

describe('Rust crate knowledge', () => {
  it('links OpenSSL from the system unless vendored, and libssl is in distroless base/cc', () => {
    for (const name of ['openssl-sys', 'native-tls']) {
      const rule = rustCrateRule(name);
      expect(rule?.defaultLinkage).toBe('system');
      expect(rule?.toggles).toContainEqual({ lockCrate: 'openssl-src' });
      expect(rule?.inDistroless).toBe(true);
      expect(rule?.systemRuntime.debian).toEqual(['libssl3']);
    }
  });

  it('compiles SQLite in only with the bundled feature', () => {
    const rule = rustCrateRule('libsqlite3-sys');
    expect(rule?.defaultLinkage).toBe('system');
    expect(rule?.toggles).toContainEqual({ crate: 'rusqlite', feature: 'bundled' });
    expect(rule?.inDistroless).toBe(false);
  });

  it('builds librdkafka in by default, the system one with dynamic-linking', () => {
    const rule = rustCrateRule('rdkafka-sys');
    expect(rule?.defaultLinkage).toBe('bundled');
    expect(rule?.toggles).toContainEqual({ crate: 'rdkafka', feature: 'dynamic-linking' });
  });

  it('gives every system-linked row build and run-time packages for Debian and Alpine', () => {
    for (const r of RUST_CRATES.filter((x) => x.systemRuntime.debian.length > 0)) {
      expect(r.systemBuild.debian.length, r.name).toBeGreaterThan(0);
      expect(r.systemBuild.alpine.length, r.name).toBeGreaterThan(0);
      expect(r.systemRuntime.alpine.length, r.name).toBeGreaterThan(0);
    }
  });

  it('knows Rocket binds loopback unless told otherwise', () => {
    const rocket = RUST_FRAMEWORKS.find((f) => f.id === 'rocket');
    expect(rocket?.defaultPort).toBe(8000);
    expect(rocket?.env).toEqual({ ROCKET_ADDRESS: '0.0.0.0' });
    expect(RUST_FRAMEWORKS.map((f) => f.id)).toEqual(['axum', 'actix-web', 'rocket', 'warp']);
  });
});
