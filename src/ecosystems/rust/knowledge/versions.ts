// Rust stable releases as data. Rust ships a stable release every six weeks (on Thursdays) and
// supports only the newest one (https://forge.rust-lang.org/#current-release-versions;
// dates in https://doc.rust-lang.org/stable/releases.html). Rows are generated from that published
// schedule and checked against announcements: 1.85.0 2025-02-20, 1.90.0 2025-09-18
// (blog.rust-lang.org), 1.70.0 2023-06-01 (RELEASES.md), 1.100.0 2026-11-12.
// The official images tag every stable line: rust:<1.N>-alpine, rust:<1.N>-slim-bookworm
// (https://github.com/rust-lang/docker-rust).
const RUST_RELEASES_SOURCE = 'https://doc.rust-lang.org/stable/releases.html';

/** The anchor of the schedule: 1.85.0, the Rust 2024 release. */
const ANCHOR = { minor: 85, day: Date.UTC(2025, 1, 20) };
const SIX_WEEKS = 42 * 24 * 60 * 60 * 1000;
/** Oldest and newest line in the catalog; lines outside need a catalog update. */
const RUST_OLDEST = 70;
const RUST_NEWEST = 104;

interface RustRelease {
  version: string;
  released: string;
  source: string;
}

export const RUST_RELEASES: readonly RustRelease[] = Array.from({ length: RUST_NEWEST - RUST_OLDEST + 1 }, (_, i) => {
  const minor = RUST_OLDEST + i;
  return {
    version: `1.${minor}`,
    released: new Date(ANCHOR.day + (minor - ANCHOR.minor) * SIX_WEEKS).toISOString().slice(0, 10),
    source: RUST_RELEASES_SOURCE,
  };
});

/** Released by `today`, newest first; the first one is the current stable. */
export function releasedRustLines(today: Date): string[] {
  return RUST_RELEASES.filter((r) => Date.parse(`${r.released}T00:00:00Z`) <= today.getTime())
    .map((r) => r.version)
    .reverse();
}

/** "1.85", "1.85.0", "1.85.0-x86_64-unknown-linux-gnu" -> "1.85"; null for channels and garbage. */
export function rustLine(text: string): string | null {
  const match = /^(1\.\d+)(?:\.\d+)?(?:-[a-z0-9_-]+)?$/.exec(text.trim());
  return match ? (match[1] as string) : null;
}

/** Editions imply a minimum compiler: 2021 needs 1.56, 2024 needs 1.85 (https://doc.rust-lang.org/edition-guide/). */
export const EDITION_MINIMUM: Readonly<Record<string, string>> = { '2018': '1.31', '2021': '1.56', '2024': '1.85' };
