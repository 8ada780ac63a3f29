// Node.js release lines as data: when each major started, became LTS and reaches end of life.
// Source: nodejs/Release schedule.json (snapshot e4bf922d, 2026-07-02) and CODENAMES.md, which
// names 26.x "Lithium" in advance ("codenames for future releases are subject to change").
// Rules that depend on the date take `today` as an argument (see clock.ts) so they stay pure.
import * as semver from '../../../semver.js';

export const NODE_SCHEDULE_SOURCE = 'https://github.com/nodejs/Release/blob/main/schedule.json';
const NODE_CODENAMES_SOURCE = 'https://github.com/nodejs/Release/blob/main/CODENAMES.md';

interface NodeRelease {
  major: number;
  /** LTS codename in lower case (as nvm writes `lts/iron`), null for odd-numbered lines. */
  codename: string | null;
  /** Initial release (YYYY-MM-DD). */
  start: string;
  /** Start of Active LTS, null for lines that never become LTS. */
  lts: string | null;
  /** End of life: no fixes from this day on. */
  end: string;
  source: string;
  /** More primary sources (https URLs): 26's codename comes from CODENAMES.md. */
  seeAlso?: readonly string[];
}

const row = (major: number, codename: string | null, start: string, lts: string | null, end: string): NodeRelease => ({
  major,
  codename,
  start,
  lts,
  end,
  source: NODE_SCHEDULE_SOURCE,
  ...(major === 26 ? { seeAlso: [NODE_CODENAMES_SOURCE] } : {}),
});

/** Every line from 4.x (the first LTS) on, oldest first. */
export const NODE_RELEASES: readonly NodeRelease[] = [
  row(4, 'argon', '2015-09-08', '2015-10-12', '2018-04-30'),
  row(5, null, '2015-10-29', null, '2016-06-30'),
  row(6, 'boron', '2016-04-26', '2016-10-18', '2019-04-30'),
  row(7, null, '2016-10-25', null, '2017-06-30'),
  row(8, 'carbon', '2017-05-30', '2017-10-31', '2019-12-31'),
  row(9, null, '2017-10-01', null, '2018-06-30'),
  row(10, 'dubnium', '2018-04-24', '2018-10-30', '2021-04-30'),
  row(11, null, '2018-10-23', null, '2019-06-01'),
  row(12, 'erbium', '2019-04-23', '2019-10-21', '2022-04-30'),
  row(13, null, '2019-10-22', null, '2020-06-01'),
  row(14, 'fermium', '2020-04-21', '2020-10-27', '2023-04-30'),
  row(15, null, '2020-10-20', null, '2021-06-01'),
  row(16, 'gallium', '2021-04-20', '2021-10-26', '2023-09-11'),
  row(17, null, '2021-10-19', null, '2022-06-01'),
  row(18, 'hydrogen', '2022-04-19', '2022-10-25', '2025-04-30'),
  row(19, null, '2022-10-18', null, '2023-06-01'),
  row(20, 'iron', '2023-04-18', '2023-10-24', '2026-04-30'),
  row(21, null, '2023-10-17', null, '2024-06-01'),
  row(22, 'jod', '2024-04-24', '2024-10-29', '2027-04-30'),
  row(23, null, '2024-10-16', null, '2025-06-01'),
  row(24, 'krypton', '2025-05-06', '2025-10-28', '2028-04-30'),
  row(25, null, '2025-10-15', null, '2026-06-01'),
  row(26, 'lithium', '2026-05-05', '2026-10-28', '2029-04-30'),
  row(27, null, '2027-04-22', null, '2030-04-30'),
];

const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);

/** Released and not yet at end of life on `today`, newest first (odd "Current" lines included). */
export function maintainedMajors(today: Date): number[] {
  const t = today.getTime();
  return NODE_RELEASES.filter((r) => day(r.start) <= t && t < day(r.end))
    .map((r) => r.major)
    .reverse();
}

/** Maintained lines that have entered LTS on `today`, newest first. */
export function ltsMajors(today: Date): number[] {
  const t = today.getTime();
  return NODE_RELEASES.filter((r) => r.lts !== null && day(r.lts) <= t && t < day(r.end))
    .map((r) => r.major)
    .reverse();
}

/** The major an LTS codename names (`iron` -> 20), case-insensitive; null when unknown. */
export function codenameMajor(codename: string): number | null {
  const wanted = codename.toLowerCase();
  return NODE_RELEASES.find((r) => r.codename === wanted)?.major ?? null;
}

/** Does the semver range allow some release of this major? */
function rangeAllowsMajor(range: string, major: number): boolean {
  const valid = semver.validRange(range, { loose: true });
  if (valid === null) return false;
  return semver.intersects(valid, `>=${major}.0.0 <${major + 1}.0.0-0`, { loose: true });
}

/**
 * The rule for ranges: the newest maintained LTS major the range allows; failing that the
 * newest maintained major it allows (a project that insists on an odd line); else null.
 * No constraint at all means the newest LTS.
 */
export function resolveNodeMajor(constraint: string | null, today: Date): number | null {
  if (constraint === null) return ltsMajors(today)[0] ?? null;
  const lts = ltsMajors(today).find((major) => rangeAllowsMajor(constraint, major));
  if (lts !== undefined) return lts;
  return maintainedMajors(today).find((major) => rangeAllowsMajor(constraint, major)) ?? null;
}
