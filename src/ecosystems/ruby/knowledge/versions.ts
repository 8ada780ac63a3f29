// Ruby minor versions as data: when each was released, when its maintenance ends, and which
// images carry it. An unpinned or ranged project builds on the newest maintained minor it allows.
//
// Sources:
// - release days and end of maintenance: ruby-lang.org "Ruby Maintenance Branches"
//   (https://www.ruby-lang.org/en/downloads/branches/, data file
//   https://github.com/ruby/www.ruby-lang.org/blob/master/_data/branches.yml). Every minor comes out
//   on 25 December and gets fixes until 31 March three years and a quarter later; 3.2 ended on
//   2026-03-31 with 3.2.11, and 3.3 is in security maintenance until 2027-03-31.
// - images: docker-library/ruby versions.json (https://github.com/docker-library/ruby/blob/master/versions.json):
//   each maintained minor is published as `<v>-slim-trixie`, `<v>-trixie`, `<v>-slim-bookworm`,
//   `<v>-bookworm` and `<v>-alpine3.2x`; `ruby:<v>-alpine` follows the newest Alpine. There is no
//   maintained distroless Ruby image (GoogleContainerTools/distroless lists none:
//   https://github.com/GoogleContainerTools/distroless#what-images-are-available).

interface RubyRelease {
  /** The minor, as images name it: "3.4". */
  minor: string;
  /** First release (YYYY-MM-DD). */
  released: string;
  /** Last day of (security) maintenance (YYYY-MM-DD). */
  endOfLife: string;
  source: string;
}

const BRANCHES = 'https://www.ruby-lang.org/en/downloads/branches/';

/**
 * Minors with official trixie images, oldest first (3.1 ended before Debian 13 and has only bookworm
 * images, so it is not offered).
 */
export const RUBY_RELEASES: readonly RubyRelease[] = [
  { minor: '3.2', released: '2022-12-25', endOfLife: '2026-03-31', source: BRANCHES },
  { minor: '3.3', released: '2023-12-25', endOfLife: '2027-03-31', source: BRANCHES },
  { minor: '3.4', released: '2024-12-25', endOfLife: '2028-03-31', source: BRANCHES },
  { minor: '4.0', released: '2025-12-25', endOfLife: '2029-03-31', source: 'https://www.ruby-lang.org/en/news/2025/12/25/ruby-4-0-0-released/' },
];

/** Released and not past their last day on `today`, newest first. */
export function maintainedRubies(today: Date): string[] {
  const t = today.getTime();
  return RUBY_RELEASES.filter((r) => Date.parse(`${r.released}T00:00:00Z`) <= t && t <= Date.parse(`${r.endOfLife}T00:00:00Z`))
    .map((r) => r.minor)
    .reverse();
}

/** Released on `today`, newest first. */
export function releasedRubies(today: Date): string[] {
  return RUBY_RELEASES.filter((r) => Date.parse(`${r.released}T00:00:00Z`) <= today.getTime()).map((r) => r.minor).reverse();
}
