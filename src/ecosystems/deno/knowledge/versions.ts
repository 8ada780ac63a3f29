// Deno release lines as data. Every deno_docker tag names a full version (there is no `2` tag), so an
// unpinned project builds on the newest release this table knows, and the reason says so.
// Sources: https://deno.com/blog/v2.0 (2.0, 2024-10-09); https://deno.com/blog/v1 (1.0, 2020-05-13);
// the newest 2.x from the npm registry's @deno/linux-x64-glibc (2.9.6, 2026-08-27), the binary the
// official images and the offline stand-ins carry.

interface DenoRelease {
  /** The major line ("2"). */
  version: string;
  released: string;
  /** The newest release of the line that this table knows: what an unpinned project builds on. */
  newest: string;
  source: string;
}

export const DENO_RELEASES: readonly DenoRelease[] = [
  { version: '1', released: '2020-05-13', newest: '1.46.3', source: 'https://deno.com/blog/v1' },
  { version: '2', released: '2024-10-09', newest: '2.9.6', source: 'https://deno.com/blog/v2.0' },
  { version: '2.9', released: '2026-06-25', newest: '2.9.6', source: 'https://www.npmjs.com/package/deno?activeTab=versions' },
];
