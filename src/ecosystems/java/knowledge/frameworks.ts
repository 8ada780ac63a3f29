// Java frameworks: how a build file reveals them, where they read their port, what they listen
// on by default, and how Spring Boot's layered jar is extracted in each release line.
import * as semver from '../../../semver.js';
import type { JavaFramework } from '../types.js';

/** How a build names a framework: a Maven parent, a Maven plugin or dependency, or a Gradle plugin id. */
interface FrameworkMarker {
  framework: JavaFramework;
  kind: 'maven-parent' | 'maven-plugin' | 'maven-bom' | 'gradle-plugin';
  /** groupId:artifactId for Maven, the plugin id for Gradle. */
  id: string;
  source: string;
}

// Sorted by framework, then id.
export const FRAMEWORK_MARKERS: readonly FrameworkMarker[] = [
  { framework: 'micronaut', kind: 'gradle-plugin', id: 'io.micronaut.application', source: 'https://micronaut-projects.github.io/micronaut-gradle-plugin/latest/' },
  { framework: 'micronaut', kind: 'maven-plugin', id: 'io.micronaut.maven:micronaut-maven-plugin', source: 'https://micronaut-projects.github.io/micronaut-maven-plugin/latest/' },
  { framework: 'micronaut', kind: 'maven-parent', id: 'io.micronaut.platform:micronaut-parent', source: 'https://micronaut-projects.github.io/micronaut-maven-plugin/latest/' }, // Micronaut 4
  { framework: 'micronaut', kind: 'maven-parent', id: 'io.micronaut:micronaut-parent', source: 'https://micronaut-projects.github.io/micronaut-maven-plugin/latest/' }, // Micronaut 3
  { framework: 'quarkus', kind: 'gradle-plugin', id: 'io.quarkus', source: 'https://quarkus.io/guides/gradle-tooling' },
  { framework: 'quarkus', kind: 'maven-bom', id: 'io.quarkus.platform:quarkus-bom', source: 'https://quarkus.io/guides/maven-tooling' },
  { framework: 'quarkus', kind: 'maven-plugin', id: 'io.quarkus.platform:quarkus-maven-plugin', source: 'https://quarkus.io/guides/maven-tooling' },
  { framework: 'quarkus', kind: 'maven-bom', id: 'io.quarkus:quarkus-bom', source: 'https://quarkus.io/guides/maven-tooling' },
  { framework: 'quarkus', kind: 'maven-plugin', id: 'io.quarkus:quarkus-maven-plugin', source: 'https://quarkus.io/guides/maven-tooling' },
  { framework: 'spring-boot', kind: 'gradle-plugin', id: 'org.springframework.boot', source: 'https://docs.spring.io/spring-boot/gradle-plugin/' },
  { framework: 'spring-boot', kind: 'maven-bom', id: 'org.springframework.boot:spring-boot-dependencies', source: 'https://docs.spring.io/spring-boot/maven-plugin/using.html' },
  { framework: 'spring-boot', kind: 'maven-plugin', id: 'org.springframework.boot:spring-boot-maven-plugin', source: 'https://docs.spring.io/spring-boot/maven-plugin/packaging.html' },
  { framework: 'spring-boot', kind: 'maven-parent', id: 'org.springframework.boot:spring-boot-starter-parent', source: 'https://docs.spring.io/spring-boot/maven-plugin/using.html' },
];

interface FrameworkDefaults {
  framework: JavaFramework;
  /** The port it listens on when its configuration names none. */
  defaultPort: number;
  /** The configuration key for the port, in properties notation. */
  portKey: string;
  /**
   * The environment variable that sets that key over the config files (Spring's relaxed binding,
   * SmallRye Config's and Micronaut's environment property sources), and where that is documented.
   */
  portEnv: { name: string; source: string };
  /** Config files under src/main/resources, in the order the framework reads them (later wins is not modelled: first found wins). */
  configFiles: string[];
  source: string;
}

export const FRAMEWORK_DEFAULTS: Record<JavaFramework, FrameworkDefaults> = {
  micronaut: {
    framework: 'micronaut',
    defaultPort: 8080,
    portKey: 'micronaut.server.port',
    portEnv: { name: 'MICRONAUT_SERVER_PORT', source: 'https://docs.micronaut.io/latest/guide/#propertySource' },
    configFiles: ['application.properties', 'application.yml', 'application.yaml'],
    // "By default the server runs on port 8080".
    source: 'https://docs.micronaut.io/latest/guide/#runningServer',
  },
  quarkus: {
    framework: 'quarkus',
    defaultPort: 8080,
    portKey: 'quarkus.http.port',
    portEnv: { name: 'QUARKUS_HTTP_PORT', source: 'https://quarkus.io/guides/config-reference#environment-variables' },
    configFiles: ['application.properties', 'application.yaml', 'application.yml'],
    // quarkus.http.port, default 8080.
    source: 'https://quarkus.io/guides/http-reference',
  },
  'spring-boot': {
    framework: 'spring-boot',
    defaultPort: 8080,
    portKey: 'server.port',
    portEnv: { name: 'SERVER_PORT', source: 'https://docs.spring.io/spring-boot/reference/features/external-config.html#features.external-config.typesafe-configuration-properties.relaxed-binding.environment-variables' },
    configFiles: ['application.properties', 'application.yml', 'application.yaml'],
    source: 'https://docs.spring.io/spring-boot/appendix/application-properties/index.html#application-properties.server.server.port',
  },
};

/** JVM options a framework needs in a container, with where that is documented. */
export const FRAMEWORK_JVM_OPTIONS: Record<JavaFramework, { options: string[]; source: string }> = {
  // None needed: the built jar runs with a plain `java -jar`.
  micronaut: { options: [], source: 'https://docs.micronaut.io/latest/guide/#deployingApp' },
  // Quarkus routes java.util.logging through JBoss LogManager; its generated Dockerfile.jvm sets
  // this in JAVA_OPTS_APPEND (the project templates' Dockerfile includes).
  quarkus: {
    options: ['-Djava.util.logging.manager=org.jboss.logmanager.LogManager'],
    source: 'https://github.com/quarkusio/quarkus/tree/main/independent-projects/tools/base-codestarts/src/main/resources/codestarts/quarkus/tooling/dockerfiles/base',
  },
  // None needed: Spring Boot's own Dockerfile examples run `java -jar application.jar`.
  'spring-boot': { options: [], source: 'https://docs.spring.io/spring-boot/reference/packaging/container-images/dockerfiles.html' },
};

interface SpringBootLayering {
  /** Spring Boot versions this row covers (node-semver range). */
  range: string;
  /** null: the jar is not layered by default, so it is run as one jar. */
  extract: 'tools' | 'layertools' | null;
  /** The launcher class an extracted `layertools` jar is started with. */
  launcher: string | null;
  source: string;
  /** More primary sources (https URLs). */
  seeAlso?: readonly string[];
}

// Newest first; the first row whose range holds the version wins.
export const SPRING_BOOT_LAYERING: readonly SpringBootLayering[] = [
  {
    range: '>=3.3.0-0',
    extract: 'tools',
    launcher: null,
    // 3.3 added the tools jar mode and deprecated layertools.
    source: 'https://docs.spring.io/spring-boot/reference/packaging/container-images/dockerfiles.html',
    seeAlso: ['https://github.com/spring-projects/spring-boot/wiki/Spring-Boot-3.3-Release-Notes'],
  },
  {
    range: '>=3.2.0-0 <3.3.0-0',
    extract: 'layertools',
    launcher: 'org.springframework.boot.loader.launch.JarLauncher',
    // The new nested jar loader: JarLauncher moved to org.springframework.boot.loader.launch.
    source: 'https://github.com/spring-projects/spring-boot/wiki/Spring-Boot-3.2-Release-Notes',
  },
  {
    range: '>=2.4.0-0 <3.2.0-0',
    extract: 'layertools',
    launcher: 'org.springframework.boot.loader.JarLauncher',
    // Layered jars are enabled by default since 2.4.
    source: 'https://github.com/spring-projects/spring-boot/wiki/Spring-Boot-2.4-Release-Notes',
    seeAlso: ['https://docs.spring.io/spring-boot/docs/2.7.x/reference/html/container-images.html'],
  },
  {
    range: '<2.4.0-0',
    extract: null,
    launcher: null,
    // In 2.3 layering had to be enabled in the build plugin (<layers><enabled>true</enabled>).
    source: 'https://docs.spring.io/spring-boot/docs/2.3.1.RELEASE/maven-plugin/reference/html/#repackage-layers',
  },
];

/** The layering row for a Spring Boot version; an unknown version is taken as current. */
export function springBootLayering(version: string | null): SpringBootLayering {
  const current = SPRING_BOOT_LAYERING[0]!;
  const coerced = version === null ? null : semver.coerce(version);
  if (coerced === null) return current;
  return SPRING_BOOT_LAYERING.find((row) => semver.satisfies(coerced, row.range, { includePrerelease: true })) ?? current;
}

/**
 * The Java version spring-boot-starter-parent sets in `java.version` when the project does not:
 * 17 since Boot 3.0 (its Java baseline), 1.8 before.
 * Source: spring-boot-starter-parent pom.xml (<java.version>) in each release line.
 */
export function springBootParentJavaVersion(version: string | null): string | null {
  const coerced = version === null ? null : semver.coerce(version);
  if (coerced === null) return null;
  return semver.gte(coerced, '3.0.0') ? '17' : '8';
}

/**
 * The Java releases a framework line runs on. A build's `release`/`sourceCompatibility` is a
 * minimum, so the runtime is the newest maintained LTS inside [its minimum, the framework's
 * `maxJava`]. `maxJava` is the newest LTS the line's system requirements name (null: no known cap).
 */
interface FrameworkJavaSupport {
  framework: JavaFramework;
  /** Framework versions this row covers (node-semver range). */
  range: string;
  minJava: number;
  maxJava: number | null;
  source: string;
  seeAlso?: readonly string[];
}

// By framework, then oldest line first; the first row whose range holds the version wins.
export const FRAMEWORK_JAVA_SUPPORT: readonly FrameworkJavaSupport[] = [
  // "Micronaut 3 requires at least Java 8"; 3.x is tested up to Java 17.
  { framework: 'micronaut', range: '>=3.0.0-0 <4.0.0-0', minJava: 8, maxJava: 17, source: 'https://docs.micronaut.io/3.10.4/guide/#requirements' },
  // "Micronaut 4 requires at least Java 17".
  { framework: 'micronaut', range: '>=4.0.0-0', minJava: 17, maxJava: null, source: 'https://docs.micronaut.io/4.0.0/guide/#whatsNew' },
  // Quarkus 2 needs Java 11 and supports 17.
  { framework: 'quarkus', range: '>=2.0.0-0 <3.0.0-0', minJava: 11, maxJava: 17, source: 'https://quarkus.io/blog/quarkus-2-0-0-final-released/' },
  // Quarkus 3.0 keeps Java 11 as the minimum; 3.7 moves it to 17. Running on Java 25 was still a
  // working group's open task when 25 shipped (seeAlso), so 21 is the newest LTS taken for 3.x.
  { framework: 'quarkus', range: '>=3.0.0-0 <3.7.0-0', minJava: 11, maxJava: 21, source: 'https://quarkus.io/blog/quarkus-3-0-final-released/', seeAlso: ['https://github.com/quarkusio/quarkus/discussions/49696'] },
  { framework: 'quarkus', range: '>=3.7.0-0', minJava: 17, maxJava: 21, source: 'https://quarkus.io/blog/quarkus-3-7-released/', seeAlso: ['https://github.com/quarkusio/quarkus/discussions/49696'] },
  // "Spring Boot 2.0 requires Java 8 ... and has been tested with Java 9": no later LTS.
  { framework: 'spring-boot', range: '>=2.0.0-0 <2.1.0-0', minJava: 8, maxJava: 8, source: 'https://docs.spring.io/spring-boot/docs/2.0.x/reference/html/getting-started-system-requirements.html' },
  // 2.1 to 2.4: "Java 8 and is compatible up to Java 11/12/13/15/16": LTS 11.
  { framework: 'spring-boot', range: '>=2.1.0-0 <2.5.0-0', minJava: 8, maxJava: 11, source: 'https://docs.spring.io/spring-boot/docs/2.4.x/reference/html/getting-started.html#getting-started-system-requirements' },
  // 2.5 and 2.6: "compatible up to and including Java 18/19": LTS 17.
  { framework: 'spring-boot', range: '>=2.5.0-0 <2.7.0-0', minJava: 8, maxJava: 17, source: 'https://docs.spring.io/spring-boot/docs/2.6.x/reference/html/getting-started.html#getting-started.system-requirements' },
  // 2.7: "compatible up to and including Java 21".
  { framework: 'spring-boot', range: '>=2.7.0-0 <3.0.0-0', minJava: 8, maxJava: 21, source: 'https://docs.spring.io/spring-boot/docs/2.7.x/reference/html/getting-started.html#getting-started.system-requirements' },
  // 3.0: "Java 17 and is compatible up to and including Java 19/20": LTS 17.
  { framework: 'spring-boot', range: '>=3.0.0-0 <3.1.0-0', minJava: 17, maxJava: 17, source: 'https://docs.spring.io/spring-boot/docs/3.0.x/reference/html/getting-started.html#getting-started.system-requirements' },
  // 3.1 to 3.4: compatible up to Java 21 and later non-LTS releases: LTS 21.
  { framework: 'spring-boot', range: '>=3.1.0-0 <3.5.0-0', minJava: 17, maxJava: 21, source: 'https://docs.spring.io/spring-boot/3.4/system-requirements.html' },
  // 3.5 and 4.x: "compatible up to and including Java 25".
  { framework: 'spring-boot', range: '>=3.5.0-0', minJava: 17, maxJava: 25, source: 'https://docs.spring.io/spring-boot/system-requirements.html' },
];

/** The Java range a framework version supports; null when the version is unknown or older than the table. */
export function frameworkJavaSupport(framework: JavaFramework, version: string | null): FrameworkJavaSupport | null {
  const coerced = version === null ? null : semver.coerce(version);
  if (coerced === null) return null;
  return FRAMEWORK_JAVA_SUPPORT.find((row) => row.framework === framework && semver.satisfies(coerced, row.range, { includePrerelease: true })) ?? null;
}

/**
 * The first Gradle release that runs on each Java LTS ("Support for running Gradle"): a wrapper
 * older than that cannot start on the newer JDK, so it caps the build's Java.
 */
interface GradleJavaSupport {
  java: string;
  gradle: string;
  source: string;
}

const GRADLE_COMPATIBILITY = 'https://docs.gradle.org/current/userguide/compatibility.html';

export const GRADLE_JAVA_SUPPORT: readonly GradleJavaSupport[] = [
  { java: '8', gradle: '2.0.0', source: GRADLE_COMPATIBILITY },
  { java: '11', gradle: '5.0.0', source: GRADLE_COMPATIBILITY },
  { java: '17', gradle: '7.3.0', source: GRADLE_COMPATIBILITY },
  { java: '21', gradle: '8.5.0', source: GRADLE_COMPATIBILITY },
  { java: '25', gradle: '9.1.0', source: GRADLE_COMPATIBILITY },
];

/** The newest Java LTS a Gradle version runs on; null when the version cannot be read. */
export function gradleMaxJava(gradleVersion: string): number | null {
  const coerced = semver.coerce(gradleVersion);
  if (coerced === null) return null;
  const rows = GRADLE_JAVA_SUPPORT.filter((row) => semver.gte(coerced, row.gradle));
  return rows.length > 0 ? Number(rows[rows.length - 1]!.java) : null;
}
