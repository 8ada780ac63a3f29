// Java releases, how long Temurin supports them, and which images carry each one. The dates are
// Eclipse Temurin's ("at least until"), since every image this tool emits ships Temurin (or, for
// distroless, a Temurin JRE). Rows are sorted by version; update them when a release ships.
import { parseDay } from '../../../knowledge/clock.js';

interface JavaRelease {
  /** Major version, as a version family for src/plan/versions.ts ("21"). */
  version: string;
  lts: boolean;
  /** First GA release (YYYY-MM-DD). */
  released: string;
  /** Temurin end of support (YYYY-MM-DD); after it the images get no fixes. */
  supportEnds: string;
  source: string;
}

/** The Temurin release roadmap: first availability and end of availability per version. */
const TEMURIN_SUPPORT = 'https://adoptium.net/support/';

export const JAVA_RELEASES: readonly JavaRelease[] = [
  { version: '8', lts: true, released: '2014-03-18', supportEnds: '2030-12-31', source: TEMURIN_SUPPORT },
  { version: '11', lts: true, released: '2018-09-25', supportEnds: '2027-10-31', source: TEMURIN_SUPPORT },
  { version: '17', lts: true, released: '2021-09-14', supportEnds: '2027-10-31', source: TEMURIN_SUPPORT },
  { version: '21', lts: true, released: '2023-09-19', supportEnds: '2029-12-31', source: TEMURIN_SUPPORT },
  { version: '22', lts: false, released: '2024-03-19', supportEnds: '2024-09-17', source: TEMURIN_SUPPORT },
  { version: '23', lts: false, released: '2024-09-17', supportEnds: '2025-03-18', source: TEMURIN_SUPPORT },
  { version: '24', lts: false, released: '2025-03-18', supportEnds: '2025-09-16', source: TEMURIN_SUPPORT },
  { version: '25', lts: true, released: '2025-09-16', supportEnds: '2031-09-30', source: TEMURIN_SUPPORT },
  // Non-LTS releases are supported until the next feature release, six months later.
  { version: '26', lts: false, released: '2026-03-17', supportEnds: '2026-09-15', source: TEMURIN_SUPPORT },
  { version: '27', lts: false, released: '2026-09-15', supportEnds: '2027-03-16', source: TEMURIN_SUPPORT },
];

interface DistrolessJava {
  version: string;
  /** Image without tag; the generator always uses `:nonroot`. */
  image: string;
  /** The Debian release the image is built on, and so when it stops getting fixes. */
  debian: '13';
  source: string;
}

/** Lists java17/21/25-debian13 (README.md @cd080764 has the same catalog). */
const DISTROLESS_JAVA_SOURCE = 'https://github.com/GoogleContainerTools/distroless/blob/main/java/README.md';

/**
 * distroless Java images: only the current Temurin LTS releases, only on Debian 13 (the debian12
 * java images were removed from the catalog on 2026-02-27, commit b80e2842:
 * https://github.com/GoogleContainerTools/distroless/commit/b80e2842). Entrypoint is
 * ["/usr/bin/java", "-jar"] (https://github.com/GoogleContainerTools/distroless/blob/main/java/java.bzl),
 * user nonroot is 65532 (https://github.com/GoogleContainerTools/distroless/blob/main/common/variables.bzl).
 */
export const DISTROLESS_JAVA: readonly DistrolessJava[] = [
  { version: '17', image: 'gcr.io/distroless/java17-debian13', debian: '13', source: DISTROLESS_JAVA_SOURCE },
  { version: '21', image: 'gcr.io/distroless/java21-debian13', debian: '13', source: DISTROLESS_JAVA_SOURCE },
  { version: '25', image: 'gcr.io/distroless/java25-debian13', debian: '13', source: DISTROLESS_JAVA_SOURCE },
];

/** Where `java` lives in distroless Java images. */
export const DISTROLESS_JAVA_BINARY = '/usr/bin/java';

export function findRelease(version: string): JavaRelease | undefined {
  return JAVA_RELEASES.find((r) => r.version === version);
}

/** Is the release still supported on this day? Unknown versions are not. */
export function isSupported(version: string, day: Date): boolean {
  const release = findRelease(version);
  if (!release) return false;
  const ends = parseDay(release.supportEnds);
  const starts = parseDay(release.released);
  return ends !== null && starts !== null && starts <= day && day <= ends;
}

/**
 * Versions to consider when the project does not pin one, best first: supported LTS releases
 * newest first, then supported feature releases newest first.
 */
export function supportedVersions(day: Date): string[] {
  const supported = JAVA_RELEASES.filter((r) => isSupported(r.version, day));
  const newestFirst = (a: JavaRelease, b: JavaRelease) => Number(b.version) - Number(a.version);
  return [...supported.filter((r) => r.lts).sort(newestFirst), ...supported.filter((r) => !r.lts).sort(newestFirst)].map((r) => r.version);
}

/** distroless Java versions, newest first. */
export function distrolessVersions(): string[] {
  return DISTROLESS_JAVA.map((d) => d.version).sort((a, b) => Number(b) - Number(a));
}

export function distrolessImage(version: string): string | null {
  const entry = DISTROLESS_JAVA.find((d) => d.version === version);
  return entry ? `${entry.image}:nonroot` : null;
}

/**
 * Official images, by tag pattern. Temurin publishes `<v>-jdk`, `<v>-jre` (Ubuntu) and
 * `<v>-jre-alpine` (musl) for every release it supports; the maven and gradle images add the tool.
 * Sources: https://hub.docker.com/_/eclipse-temurin, https://hub.docker.com/_/maven, https://hub.docker.com/_/gradle.
 */
export const JAVA_IMAGES = {
  jdk: (v: string) => `eclipse-temurin:${v}-jdk`,
  jre: (v: string) => `eclipse-temurin:${v}-jre`,
  jreAlpine: (v: string) => `eclipse-temurin:${v}-jre-alpine`,
  maven: (v: string) => `maven:3-eclipse-temurin-${v}`,
  gradle: (v: string) => `gradle:jdk${v}`,
} as const;

/**
 * The major version in a version string as tools write it: "17", "1.8" (Java 8), "17.0.2",
 * "21.0.2-tem" (SDKMAN), "temurin-21.0.1+12" (asdf), "openjdk64-17.0.2" (jenv),
 * "JavaVersion.VERSION_17", "VERSION_1_8". Null when there is none.
 */
export function javaMajor(text: string): string | null {
  const trimmed = text.trim().replace(/^["']|["']$/g, '');
  const enumMatch = /VERSION_(?:1_)?(\d+)/.exec(trimmed);
  if (enumMatch) return normalizeMajor(enumMatch[1]!);
  for (const token of trimmed.split(/[-+_\s]/)) {
    if (/^\d+(\.\d+)*$/.test(token)) {
      const parts = token.split('.');
      return normalizeMajor(parts[0] === '1' && parts.length > 1 ? parts[1]! : parts[0]!);
    }
  }
  return null;
}

function normalizeMajor(major: string): string | null {
  const n = Number(major);
  return Number.isInteger(n) && n >= 5 && n <= 99 ? String(n) : null;
}
