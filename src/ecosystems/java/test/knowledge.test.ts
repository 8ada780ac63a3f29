import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { FRAMEWORK_DEFAULTS, SPRING_BOOT_LAYERING, springBootLayering, springBootParentJavaVersion } from '../knowledge/frameworks.js';
import { classifyJavaDependency } from '../knowledge/native.js';
import {
  DISTROLESS_JAVA,
  distrolessImage,
  distrolessVersions,
  isSupported,
  JAVA_RELEASES,
  javaMajor,
  supportedVersions,
} from '../knowledge/versions.js';
import { TODAY } from './fixture-helper.js';

describe('Java release catalog', () => {
  it('marks 8, 11, 17, 21 and 25 as LTS', () => {
    expect(JAVA_RELEASES.filter((r) => r.lts).map((r) => r.version)).toEqual(['8', '11', '17', '21', '25']);
  });

  it('offers supported LTS releases newest first, then the current feature release', () => {
    expect(supportedVersions(TODAY)).toEqual(['25', '21', '17', '11', '8', '27']);
    // Java 26 was replaced by 27 in September 2026; 17 and 11 run out in October 2027.
    expect(isSupported('26', TODAY)).toBe(false);
    expect(supportedVersions(new Date('2027-11-15T00:00:00Z'))).toEqual(['25', '21', '8']);
  });

  it('knows distroless only for LTS releases Temurin still supports', () => {
    expect(distrolessVersions()).toEqual(['25', '21', '17']);
    for (const row of DISTROLESS_JAVA) {
      expect(JAVA_RELEASES.find((r) => r.version === row.version)?.lts).toBe(true);
      expect(row.image).toMatch(/^gcr\.io\/distroless\/java\d+-debian13$/);
      expect(row.source).toContain('distroless');
    }
    expect(distrolessImage('21')).toBe('gcr.io/distroless/java21-debian13:nonroot');
    expect(distrolessImage('11')).toBeNull();
  });
});

describe('javaMajor', () => {
  it.each([
    ['17', '17'],
    ['1.8', '8'],
    ['17.0.2', '17'],
    ['21.0.2-tem', '21'],
    ['temurin-21.0.1+12', '21'],
    ['openjdk64-17.0.2', '17'],
    ['zulu64-1.8.0.292', '8'],
    ['JavaVersion.VERSION_17', '17'],
    ['VERSION_1_8', '8'],
    ['"11"', '11'],
  ])('reads %s as Java %s', (text, major) => {
    expect(javaMajor(text)).toBe(major);
  });

  it('returns null for text without a plausible major', () => {
    expect(javaMajor('latest')).toBeNull();
    expect(javaMajor('${java.version}')).toBeNull();
    expect(javaMajor('1')).toBeNull();
  });
});

describe('Java frameworks', () => {
  it('knows every framework listens on 8080 by default', () => {
    for (const defaults of Object.values(FRAMEWORK_DEFAULTS)) expect(defaults.defaultPort).toBe(8080);
  });

  it.each([
    ['3.5.3', 'tools', null],
    ['3.3.0', 'tools', null],
    ['4.0.0-M1', 'tools', null],
    ['3.2.5', 'layertools', 'org.springframework.boot.loader.launch.JarLauncher'],
    ['3.1.12', 'layertools', 'org.springframework.boot.loader.JarLauncher'],
    ['2.7.18', 'layertools', 'org.springframework.boot.loader.JarLauncher'],
    ['2.3.12.RELEASE', null, null],
    [null, 'tools', null],
  ])('extracts Spring Boot %s with %s', (version, extract, launcher) => {
    const row = springBootLayering(version);
    expect(row.extract).toBe(extract);
    expect(row.launcher).toBe(launcher);
  });

  it('covers every Spring Boot version exactly once', () => {
    for (const version of ['1.5.0', '2.3.0', '2.4.0', '3.1.9', '3.2.0', '3.3.0', '3.9.9', '4.1.0']) {
      const matches = SPRING_BOOT_LAYERING.filter((row) => semver.satisfies(version, row.range, { includePrerelease: true }));
      expect(matches, version).toHaveLength(1);
    }
  });

  it('knows the starter parent default java.version', () => {
    expect(springBootParentJavaVersion('3.4.1')).toBe('17');
    expect(springBootParentJavaVersion('2.7.18')).toBe('8');
    expect(springBootParentJavaVersion(null)).toBeNull();
  });
});

describe('Java native libraries', () => {
  it('classifies known coordinates and ignores the rest', () => {
    const netty = classifyJavaDependency('io.netty:netty-tcnative-boringssl-static', '2.0.70.Final', 'pom.xml');
    expect(netty).toMatchObject({ name: 'io.netty:netty-tcnative-boringssl-static', glibcOnly: true, source: 'pom.xml', blocksDistroless: null });
    expect(classifyJavaDependency('org.xerial:sqlite-jdbc', null, 'build.gradle')?.glibcOnly).toBe(false);
    expect(classifyJavaDependency('com.google.guava:guava', '33.0', 'pom.xml')).toBeNull();
  });
});
