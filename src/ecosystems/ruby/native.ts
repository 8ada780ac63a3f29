// Gems with native code, from the lockfile and the knowledge table (knowledge/native-gems.ts), and the
// one rule that decides musl: the lockfile's PLATFORMS. A gem locked for a Linux platform is a
// precompiled platform gem; without a `*-linux-musl` entry in PLATFORMS those are glibc builds only
// (bundler installs them, or refuses, on Alpine: https://bundler.io/man/bundle-lock.1.html
// "SUPPORTING OTHER PLATFORMS"; glibc gems that load on musl fail at require, Shopify/rubydex#806).
import type { NativeDependency } from '../../types.js';
import type { LockedSpec, Lockfile } from './gemfile.js';
import { rubyNativeRow } from './knowledge/native-gems.js';

const LOCK_PLATFORMS = 'https://bundler.io/man/bundle-lock.1.html';

const isLinux = (platform: string | null): boolean => platform !== null && platform.includes('linux');
const isMusl = (platform: string | null): boolean => platform !== null && platform.includes('linux-musl');

/** Native gems among the production specs (one entry per gem, whatever platforms it is locked for), sorted. */
export function classifyGems(specs: LockedSpec[], lock: Lockfile | null, source: string, direct: ReadonlySet<string> = new Set()): NativeDependency[] {
  const muslListed = lock?.platforms.some(isMusl) ?? false;
  const byName = new Map<string, LockedSpec[]>();
  for (const spec of specs) byName.set(spec.name, [...(byName.get(spec.name) ?? []), spec]);
  const found: NativeDependency[] = [];
  for (const [name, variants] of [...byName].sort(([a], [b]) => a.localeCompare(b))) {
    const row = rubyNativeRow(name);
    const linux = variants.filter((v) => isLinux(v.platform));
    if (row === undefined && linux.length === 0) continue;
    const version = variants[0]!.version || null;
    const glibcPrebuilt = linux.some((v) => !isMusl(v.platform));
    const muslPrebuilt = linux.some((v) => isMusl(v.platform));
    const prebuilt = linux.length > 0;
    const glibcOnly = row?.musl === false || (glibcPrebuilt && !muslPrebuilt && !muslListed);
    if (row === undefined) {
      found.push({
        name, version, glibcOnly, build: { debian: [], alpine: [] }, runtime: { debian: [], alpine: [] }, blocksDistroless: null,
        note: `A precompiled platform gem (${linux.map((v) => v.platform).join(', ')} in ${source})${glibcOnly ? ', built for glibc' : ''}.`,
        source, reference: LOCK_PLATFORMS,
      });
      continue;
    }
    if (row.onlyWhenDirect === true && !direct.has(name)) continue;
    if (row.unlessGems?.some((other) => byName.has(other)) === true) continue;
    const runtimeNeeded = !prebuilt || row.runtimeAlways === true;
    found.push({
      name, version, glibcOnly,
      build: prebuilt ? { debian: [], alpine: [] } : { debian: row.debian.build, alpine: row.alpine.build },
      runtime: runtimeNeeded ? { debian: row.debian.runtime, alpine: row.alpine.runtime } : { debian: [], alpine: [] },
      blocksDistroless: null,
      note: prebuilt ? `${row.note} Locked as a platform gem (${linux.map((v) => v.platform).join(', ')}).` : row.note,
      source, reference: row.source,
    });
  }
  return found;
}

/**
 * Why alpine cannot install this bundle, or null. Glibc-only gems (precompiled for glibc with no musl
 * build locked, or with no musl build at all) rule it out; so does a lockfile whose PLATFORMS lists
 * neither a musl platform nor `ruby`, since bundler in deployment mode installs only locked platforms.
 */
export function muslDecision(lock: Lockfile | null, lockfile: string | null, native: NativeDependency[]): string | null {
  const glibc = native.filter((d) => d.glibcOnly);
  const muslListed = lock?.platforms.some(isMusl) ?? false;
  if (glibc.length > 0) {
    const names = glibc.map((d) => `${d.name}${d.version ? ` ${d.version}` : ''}`).join(', ');
    if (!muslListed && lock !== null) {
      return `${lockfile} PLATFORMS (${lock.platforms.join(', ')}) lists no *-linux-musl platform, so its precompiled platform gems (${names}) are glibc builds and alpine uses musl; ` +
        '`bundle lock --add-platform x86_64-linux-musl aarch64-linux-musl` would lock musl builds where the gems publish them';
    }
    return `${names} ${glibc.length > 1 ? 'have' : 'has'} no musl build (${glibc.map((d) => d.note).join(' ')}), and alpine uses musl`;
  }
  if (lock !== null && lock.platforms.length > 0 && !muslListed && !lock.platforms.includes('ruby')) {
    return `${lockfile} PLATFORMS (${lock.platforms.join(', ')}) lists neither ruby nor a *-linux-musl platform, so bundler in deployment mode would not install the bundle on alpine (musl)`;
  }
  return null;
}
