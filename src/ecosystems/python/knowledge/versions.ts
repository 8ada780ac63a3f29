// CPython minor versions as data: when each was released, when it reaches end of life, and which
// images carry it. Rules that depend on the date take `today` as an argument (see clock.ts).
//
// Sources:
// - release and end-of-life months: python/devguide include/release-cycle.json
//   (https://github.com/python/devguide/blob/main/include/release-cycle.json, the table behind
//   https://devguide.python.org/versions/), and the release PEPs named per row.
// - image variants: docker-library/python versions.json at 4f070595 (2026-06-23,
//   https://github.com/docker-library/python/blob/master/versions.json): every minor
//   3.10-3.14 is published as slim-trixie, slim-bookworm, trixie, bookworm, alpine3.24, alpine3.23;
//   `python:<v>-alpine` is the newest Alpine variant.
// - distroless: GoogleContainerTools/distroless python3/README.md and python3/config.bzl (HEAD
//   cd080764, 2026-08-21): gcr.io/distroless/python3-debian13 is Debian's Python 3.13 and nothing
//   else; python3-debian12 (3.11) was removed on 2026-05-11 (commit 22b97d10) and gets no fixes.

const DISTROLESS_PYTHON_SOURCE = 'https://github.com/GoogleContainerTools/distroless/blob/main/python3/README.md';

export type DebianSuite = 'bookworm' | 'trixie';

interface PythonRelease {
  /** The minor, as images name it: "3.13". */
  minor: string;
  /** First release (YYYY-MM-DD). */
  released: string;
  /** End of life month (YYYY-MM): no fixes after that month. */
  endOfLife: string;
  /**
   * The Debian release of the slim image this tool uses for it (`python:<v>-slim-<suite>`).
   * Both suites are published for every minor. 3.13 and newer build on trixie, the suite of the
   * distroless image. Older minors stay on bookworm (supported by Debian LTS until 2028-06-30),
   * the Debian those projects were mostly built on; the suite is named in the tag, so the OS
   * package names in pypi-native.ts are always those of a known release.
   */
  slimSuite: DebianSuite;
  /** The release PEP, the source of the schedule. */
  source: string;
}

const pep = (n: number) => `https://peps.python.org/pep-${String(n).padStart(4, '0')}/`;

/** Minors with official images, oldest first. */
export const PYTHON_RELEASES: readonly PythonRelease[] = [
  { minor: '3.10', released: '2021-10-04', endOfLife: '2026-10', slimSuite: 'bookworm', source: pep(619) },
  { minor: '3.11', released: '2022-10-24', endOfLife: '2027-10', slimSuite: 'bookworm', source: pep(664) },
  { minor: '3.12', released: '2023-10-02', endOfLife: '2028-10', slimSuite: 'bookworm', source: pep(693) },
  { minor: '3.13', released: '2024-10-07', endOfLife: '2029-10', slimSuite: 'trixie', source: pep(719) },
  { minor: '3.14', released: '2025-10-07', endOfLife: '2030-10', slimSuite: 'trixie', source: pep(745) },
];

/** The one Python the distroless python3-debian13 image carries (Debian 13's python3.13). */
export const DISTROLESS_PYTHON = {
  minor: '3.13',
  image: 'gcr.io/distroless/python3-debian13:nonroot',
  /**
   * Its interpreter; the venv must point at the same path: a venv records the interpreter it was
   * made with (https://docs.python.org/3/library/venv.html, pyvenv.cfg `home`), and the distroless
   * README says to match /usr/bin/python in the build stage (DISTROLESS_PYTHON_SOURCE).
   */
  interpreter: '/usr/bin/python3.13',
  /** The builder the distroless README names for it: same minor, same Debian. */
  builder: 'python:3.13-slim-trixie',
  source: DISTROLESS_PYTHON_SOURCE,
} as const;

const firstDayAfterMonth = (month: string): number => {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return Date.UTC(year, m, 1);
};

/** Released and not past end of life on `today`, newest first. */
export function maintainedPythons(today: Date): string[] {
  const t = today.getTime();
  return PYTHON_RELEASES.filter((r) => Date.parse(`${r.released}T00:00:00Z`) <= t && t < firstDayAfterMonth(r.endOfLife))
    .map((r) => r.minor)
    .reverse();
}

export function pythonRelease(minor: string): PythonRelease | undefined {
  return PYTHON_RELEASES.find((r) => r.minor === minor);
}

export function slimImage(minor: string): string {
  const suite = pythonRelease(minor)?.slimSuite ?? 'trixie';
  return `python:${minor}-slim-${suite}`;
}

export function alpineImage(minor: string): string {
  return `python:${minor}-alpine`;
}
