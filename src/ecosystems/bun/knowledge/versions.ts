// Bun release lines (minor versions) as data. Bun has no LTS: fixes ship only in the newest
// release, so a line stops getting fixes the day the next one is out; each row's `end` is that day.
// A project that pins a version (.bun-version, packageManager bun@x.y.z, --runtime-version) gets
// that exact version, with a warning when its line is past its end; a project that pins nothing
// or gives a range builds on the major tag `1`, which follows the newest release (the reason says
// so, and suggests a .bun-version for reproducible builds).
// Sources: the release posts of each minor (bun.com/blog) and the npm registry's publish times of
// the `bun` package for 1.4 (`npm view bun time`, 1.4.0 on 2026-08-20).

interface BunRelease {
  /** "1.2": the minor line. */
  version: string;
  /** First release of the line (YYYY-MM-DD). */
  released: string;
  /** No fixes from this day on (the next line's release), or null for the newest line. */
  end: string | null;
  source: string;
}

export const BUN_RELEASES: readonly BunRelease[] = [
  { version: '1.0', released: '2023-09-08', end: '2024-04-01', source: 'https://bun.com/blog/bun-v1.0' },
  { version: '1.1', released: '2024-04-01', end: '2025-01-22', source: 'https://bun.com/blog/bun-v1.1' },
  { version: '1.2', released: '2025-01-22', end: '2025-10-10', source: 'https://bun.com/blog/bun-v1.2' },
  { version: '1.3', released: '2025-10-10', end: '2026-08-20', source: 'https://bun.com/blog/bun-v1.3' },
  { version: '1.4', released: '2026-08-20', end: null, source: 'https://www.npmjs.com/package/bun?activeTab=versions' },
];

/** The tag an unpinned project builds on: the major, which oven/bun moves to every new release. */
export const BUN_DEFAULT_TAG = '1';
