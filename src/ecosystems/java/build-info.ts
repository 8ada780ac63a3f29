// What a build file (pom.xml or build.gradle[.kts]) tells about the project, before the facts
// from configuration files, version files and sources are added.
import type { JavaFramework } from './types.js';

export interface Dependency {
  /** groupId:artifactId */
  coordinates: string;
  version: string | null;
}

export interface BuildInfo {
  tool: 'maven' | 'gradle';
  /** The build file the facts came from. */
  file: string;
  framework: { value: JavaFramework; version: string | null; source: string } | null;
  /** The Java the build targets; `minimum` when it is a bytecode level (release, sourceCompatibility) that newer JDKs build and run too. */
  javaVersion: { value: string; source: string; minimum: boolean } | null;
  /** The newest Java the build tool itself runs on (an old Gradle wrapper), or null. */
  toolMaxJava: { value: number; source: string } | null;
  /** Runtime dependencies (test and provided scopes left out). */
  dependencies: Dependency[];
  /** The class with main and whether the jar manifest names it (so `java -jar` works). */
  mainClass: { value: string; inManifest: boolean; source: string } | null;
  /** Does the jar the build makes carry its dependencies (Boot, shade, assembly, shadow)? */
  fatJar: boolean;
  /** Where the build writes jars ("target", "build/libs"). */
  outputDir: string;
  /**
   * The jar's file name without ".jar" ("demo-0.0.1-SNAPSHOT"), or null when a value known only
   * at build time (a -D property, a computed Gradle expression) decides it.
   */
  jarBase: string | null;
  /** What a fat-jar plugin appends to the name ("-all" for Shadow, "-jar-with-dependencies"). */
  jarSuffix: string;
  /** "jar", or "war" for a Maven war packaging (Spring Boot makes those executable too). */
  extension: 'jar' | 'war';
  /** Quarkus writes its output next to the jars: "target" or "build". */
  buildDir: string;
  /** `./mvnw` / `./gradlew` when the wrapper is complete, else null. */
  wrapper: string | null;
  buildFiles: string[];
  buildDirs: string[];
  warnings: string[];
}
