// Java frameworks: how a build file reveals them, where they read their port, what they listen
// on by default, and how Spring Boot's layered jar is extracted in each release line.
import semver from 'semver';
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
  /** Config files under src/main/resources, in the order the framework reads them (later wins is not modelled: first found wins). */
  configFiles: string[];
  source: string;
}

export const FRAMEWORK_DEFAULTS: Record<JavaFramework, FrameworkDefaults> = {
  micronaut: {
    framework: 'micronaut',
    defaultPort: 8080,
    portKey: 'micronaut.server.port',
    configFiles: ['application.properties', 'application.yml', 'application.yaml'],
    // "By default the server runs on port 8080".
    source: 'https://docs.micronaut.io/latest/guide/#runningServer',
  },
  quarkus: {
    framework: 'quarkus',
    defaultPort: 8080,
    portKey: 'quarkus.http.port',
    configFiles: ['application.properties', 'application.yaml', 'application.yml'],
    // quarkus.http.port, default 8080.
    source: 'https://quarkus.io/guides/http-reference',
  },
  'spring-boot': {
    framework: 'spring-boot',
    defaultPort: 8080,
    portKey: 'server.port',
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
