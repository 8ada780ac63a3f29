// Matching a project's runtime requirement against the versions an image catalog carries.
// Catalog versions are families: "22" means any 22.x.y, "3.13" any 3.13.z.
import * as semver from '../semver.js';
import type { RuntimeRequirement } from '../types.js';

/**
 * An image name with its literal version replaced by the Dockerfile's version ARG, so one ARG line
 * pins every FROM (design rule 3). `at` lists where the version sits in this ecosystem's image
 * names, `{v}` marking it ("node:{v}-", "nodejs{v}-"); the first match of each is replaced.
 */
export function withVersionArg(image: string, version: string, arg: string, at: readonly string[]): string {
  return at.reduce((name, pattern) => name.replace(pattern.replace('{v}', version), () => pattern.replace('{v}', `\${${arg}}`)), image);
}

/** The semver range a catalog family covers: "22" -> ">=22.0.0 <23.0.0-0", "3.13" -> ">=3.13.0 <3.14.0-0". */
export function familyRange(family: string): string {
  const parts = family.split('.').map(Number);
  if (parts.length === 1) return `>=${parts[0]}.0.0 <${(parts[0] ?? 0) + 1}.0.0-0`;
  return `>=${parts[0]}.${parts[1]}.0 <${parts[0]}.${(parts[1] ?? 0) + 1}.0-0`;
}

/** Does the requirement allow (some release of) this family? No constraint allows everything. */
export function allows(requirement: RuntimeRequirement, family: string): boolean {
  if (requirement.constraint === null) return true;
  const range = semver.validRange(requirement.constraint, { loose: true });
  if (range === null) return false;
  return semver.intersects(range, familyRange(family), { loose: true });
}

/**
 * The version to build with among `candidates` (newest first): the newest one the requirement
 * allows, or null. With no constraint the caller's default (the first candidate) is used.
 */
export function pickVersion(requirement: RuntimeRequirement, candidates: readonly string[]): string | null {
  return candidates.find((family) => allows(requirement, family)) ?? null;
}
