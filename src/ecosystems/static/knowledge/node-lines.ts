// The Node.js lines a site can be built with, for the builder stage only (nothing of Node ships):
// when each started, became LTS and reaches end of life. Source: nodejs/Release schedule.json.
// The Node.js ecosystem keeps the full table (ecosystems do not import each other); these are
// the lines that are maintained or recently ended, enough to pick a builder and name an old pin.

export interface NodeLine {
  major: number;
  start: string;
  /** Start of Active LTS, null for odd lines. */
  lts: string | null;
  end: string;
  source: string;
}

const SCHEDULE = 'https://github.com/nodejs/Release/blob/main/schedule.json';

export const NODE_LINES: readonly NodeLine[] = [
  { major: 18, start: '2022-04-19', lts: '2022-10-25', end: '2025-04-30', source: SCHEDULE },
  { major: 20, start: '2023-04-18', lts: '2023-10-24', end: '2026-04-30', source: SCHEDULE },
  { major: 22, start: '2024-04-24', lts: '2024-10-29', end: '2027-04-30', source: SCHEDULE },
  { major: 24, start: '2025-05-06', lts: '2025-10-28', end: '2028-04-30', source: SCHEDULE },
  { major: 26, start: '2026-05-05', lts: '2026-10-28', end: '2029-04-30', source: SCHEDULE },
];

/** The builder: the official Debian slim image (what the e2e stand-ins carry; nothing of it ships). */
export const nodeBuilder = (major: string): string => `node:${major}-slim`;
export const NODE_VERSION_ARG = 'NODE_VERSION';
