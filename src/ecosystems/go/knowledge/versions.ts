// Go release lines as data: when each minor line shipped. Go supports the two newest lines
// ("Each major Go release is supported until there are two newer major releases",
// https://go.dev/doc/devel/release#policy), so end of life is the release day of line N+2.
// Release days are the go1.N.0 tags (https://go.dev/doc/devel/release; github.com/golang/go tags).
const GO_RELEASE_SOURCE = 'https://go.dev/doc/devel/release';

interface GoRelease {
  /** The line as go.mod writes it and golang image tags name it: "1.24". */
  version: string;
  /** Day of the go1.N.0 release (YYYY-MM-DD). */
  released: string;
  source: string;
}

/** Oldest first. Lines before 1.20 are out of the catalog: their images have no bookworm variant. */
export const GO_RELEASES: readonly GoRelease[] = [
  { version: '1.20', released: '2023-02-01', source: GO_RELEASE_SOURCE },
  { version: '1.21', released: '2023-08-08', source: GO_RELEASE_SOURCE },
  { version: '1.22', released: '2024-02-06', source: GO_RELEASE_SOURCE },
  { version: '1.23', released: '2024-08-13', source: GO_RELEASE_SOURCE },
  { version: '1.24', released: '2025-02-11', source: GO_RELEASE_SOURCE },
  { version: '1.25', released: '2025-08-12', source: GO_RELEASE_SOURCE },
  { version: '1.26', released: '2026-02-10', source: 'https://go.dev/doc/go1.26' },
  { version: '1.27', released: '2026-08-19', source: 'https://github.com/golang/go/releases/tag/go1.27.0' },
];

const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);

/** Lines released by `today`, newest first: the candidates a version choice picks from. */
export function releasedGoLines(today: Date): string[] {
  return GO_RELEASES.filter((r) => day(r.released) <= today.getTime())
    .map((r) => r.version)
    .reverse();
}

/** End of support of a line: the release of the line two after it, or null while that is not out. */
export function goEndOfSupport(version: string, today: Date): string | null {
  const index = GO_RELEASES.findIndex((r) => r.version === version);
  if (index < 0) return null;
  const successor = GO_RELEASES[index + 2];
  if (successor === undefined || day(successor.released) > today.getTime()) return null;
  return successor.released;
}

/** "1.24", "1.24.4", "1.21rc2", "go1.25.3" -> "1.24" / "1.21" / "1.25"; null for anything else. */
export function goLine(text: string): string | null {
  const match = /^(?:go)?(1\.\d+)(?:\.\d+|(?:rc|beta)\d+)?$/.exec(text.trim());
  return match ? (match[1] as string) : null;
}
