// The version checks every ecosystem gets alike: a pinned runtime version that no known line
// matches is refused with the known lines listed (rather than rendering `node:99-alpine`), and a
// line past its end of life builds, because the project asked for it, with a warning that says so.
import { UserError } from '../errors.js';
import type { Ecosystem } from '../ecosystem.js';
import type { CommonFacts, Plan, RuntimeRelease } from '../types.js';
import { allows } from './versions.js';

type Releases = Pick<Ecosystem, 'runtimeName' | 'releases'>;

/** Throws when the project (or --runtime-version) pins a version no known line matches. */
export function checkKnownVersion(ecosystem: Releases, facts: Pick<CommonFacts, 'runtime'>, now: Date): void {
  const { runtime } = facts;
  if (!runtime.pinned || runtime.constraint === null) return;
  const releases = ecosystem.releases(now);
  // Newest first: a requirement usually allows the newest lines (">=20"), so the search ends at
  // once instead of testing every old line (each a semver range to parse) on the way up.
  if ([...releases].reverse().some((r) => allows(runtime, r.version))) return;
  const fix = runtime.source.startsWith('--') ? `Pass ${runtime.source.split(' ')[0]} with one of them` : `Fix ${runtime.source}, or pass --runtime-version with one of them`;
  throw new UserError(
    `${ecosystem.runtimeName} ${runtime.constraint} (${runtime.source}) is not a version with images this tool knows; ` +
      `the known ${ecosystem.runtimeName} versions are ${releases.map((r) => r.version).join(', ')}. ${fix}.`,
  );
}

/** A warning when the version the plan builds with is past its end of life, or null. */
export function endOfLifeWarning(ecosystem: Releases, facts: Pick<CommonFacts, 'runtime'>, plan: Pick<Plan, 'runtimeVersion'>, now: Date): string | null {
  const releases = ecosystem.releases(now);
  const release = releases.find((r) => r.version === plan.runtimeVersion);
  if (!release || !pastEndOfLife(release, now)) return null;
  const maintained = releases.filter((r) => !pastEndOfLife(r, now)).map((r) => r.version);
  return (
    `${ecosystem.runtimeName} ${release.version} (${facts.runtime.pinned ? 'pinned by ' : 'from '}${facts.runtime.source}) reached end of life ${release.endOfLife!.length > 7 ? 'on' : 'in'} ${release.endOfLife}: ` +
    `its images get no security fixes. Move to a maintained version${maintained.length > 0 ? ` (${maintained.join(', ')})` : ''}.`
  );
}

/** A day ends at its end; a month ("2026-10") at the end of the month. */
function pastEndOfLife(release: RuntimeRelease, now: Date): boolean {
  if (release.endOfLife === null) return false;
  const [year, month, day] = release.endOfLife.split('-').map(Number) as [number, number, number | undefined];
  const end = day === undefined ? Date.UTC(year, month, 1) : Date.UTC(year, month - 1, day);
  return now.getTime() >= end;
}
