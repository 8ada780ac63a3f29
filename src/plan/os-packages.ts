// OS packages gathered from native dependencies, per distribution family, for the view.
import type { NativeDependency, OsPackages } from '../types.js';

export type Distro = 'debian' | 'alpine';

// Package names come from our own tables, but a team's table edit should not be able to break
// out of a RUN line either.
const PACKAGE_NAME = /^[a-z0-9][a-z0-9+._-]*$/;

/** Sorted, de-duplicated packages of one stage ("build" or "runtime") for one distro. */
export function collectPackages(deps: readonly NativeDependency[], stage: 'build' | 'runtime', distro: Distro): string[] {
  const names = new Set<string>();
  for (const dep of deps) for (const name of (dep[stage] as OsPackages)[distro]) names.add(name);
  for (const name of names) {
    if (!PACKAGE_NAME.test(name)) throw new Error(`invalid OS package name "${name}" in the knowledge table`);
  }
  return [...names].sort();
}

/** What the os-packages partial needs: which installer, and the packages (empty: no RUN line). */
export function osPackagesView(distro: Distro, packages: string[]) {
  return { apt: distro === 'debian' && packages.length > 0, apk: distro === 'alpine' && packages.length > 0, packages };
}
