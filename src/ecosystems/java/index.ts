// Java: detection (detect.ts, maven.ts, gradle.ts, sources.ts, ...), bases and view (plan.ts),
// knowledge tables (knowledge/), templates/java/.
import type { Ecosystem } from '../../ecosystem.js';
import { detectJava, recognizesJava } from './detect.js';
import { javaMarks } from './entry.js';
import { naiveJava } from './naive.js';
import { assessJava, javaView } from './plan.js';
import type { JavaFacts } from './types.js';
import { JAVA_RELEASES } from './knowledge/versions.js';

export const java: Ecosystem<JavaFacts> = {
  language: 'java',
  markers: javaMarks.markers,
  recognizes: recognizesJava,
  tooling: () => null,
  apps: null,
  detect: detectJava,
  assess: (facts) => assessJava(facts),
  view: javaView,
  runtimeName: 'Java',
  releases: (now) => JAVA_RELEASES.filter((r) => Date.parse(r.released) <= now.getTime()).map((r) => ({ version: r.version, endOfLife: r.supportEnds })),
  fields: {
    jar: { label: 'The jar file name', fallback: 'pom.xml artifactId, version and finalName, or build.gradle / settings.gradle / gradle.properties (rootProject.name, version, archiveFileName)' },
    mainClass: { label: 'The main class', source: (f) => f.mainClass.source, fallback: 'pom.xml, build.gradle or the Java sources' },
    javaVersion: { label: 'The Java version', source: (f) => f.javaVersion.source, fallback: 'pom.xml or build.gradle' },
    frameworkVersion: { label: 'The framework version', fallback: 'pom.xml or build.gradle' },
    buildFiles: { label: 'A build file name', fallback: 'the project folder' },
    module: { label: 'The Maven module', source: (f) => f.module?.source ?? '', fallback: 'pom.xml <modules>' },
    buildDirs: { label: 'A build folder name', fallback: 'the project folder' },
    artifact: { label: 'The build artifact', fallback: 'pom.xml or build.gradle' },
    jvmOptions: { label: 'A JVM option', fallback: 'the framework configuration' },
  },
  manifestExtensions: ['xml', 'gradle', 'kts', 'properties', 'java'],
  naive: naiveJava,
  installCommand: /\b(mvnw?\b.*dependency:|gradlew?\b.*dependencies)/,
  stop: { signals: () => 'java', printsInit: false },
  probe: () => ({ impossible: 'a JRE cannot run a one-line request without a shell or a compiled probe (the java source launcher needs jdk.compiler, which a JRE lacks)' }),
};
