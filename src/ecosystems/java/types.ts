// Facts about a Java project, beyond the common ones.
import type { CommonFacts, Fact } from '../../types.js';

/** How the project is built. `javac` means no build tool: plain sources compiled and jarred with the JDK alone. */
export const JAVA_BUILD_TOOLS = ['maven', 'gradle', 'javac'] as const;
export type JavaBuildTool = (typeof JAVA_BUILD_TOOLS)[number];

const JAVA_FRAMEWORKS = ['spring-boot', 'quarkus', 'micronaut'] as const;
export type JavaFramework = (typeof JAVA_FRAMEWORKS)[number];

/**
 * What the build produces and how the final stage lays it out.
 * - `spring-boot`: an executable layered jar, extracted into its layers in the builder;
 *   `extract` is the jar mode that does it (`tools` for Boot >= 3.3, `layertools` before),
 *   `launcher` the JarLauncher class to run for `layertools` (null for `tools`, which runs with `-jar`).
 * - `quarkus`: the fast-jar folder (`quarkus-app/` with lib/, app/, quarkus/, quarkus-run.jar).
 * - `jar`: one runnable jar (Micronaut's shaded jar, or a plain jar with a Main-Class).
 * - `javac`: sources compiled with javac and packed with their main class (and src/main/resources,
 *   when sources are in src/main/java) into one jar in the builder.
 */
export type JavaArtifact =
  | { kind: 'spring-boot'; extract: 'tools' | 'layertools'; launcher: string | null }
  | { kind: 'quarkus'; dir: string }
  | { kind: 'jar' }
  | { kind: 'javac'; sourceRoot: string; resources: string | null };

export interface JavaFacts extends CommonFacts {
  language: 'java';
  packageManager: Fact<JavaBuildTool>;
  framework: Fact<JavaFramework | null>;
  /** The framework's version when the build names it ("3.4.1"), else null. */
  frameworkVersion: string | null;
  /** The Java major the project asks for ("21"), or null; the same requirement is in `runtime`. */
  javaVersion: Fact<string | null>;
  /** The build wrapper to run (`./mvnw`, `./gradlew`), or null to use the tool from the builder image. */
  wrapper: string | null;
  /** Root files copied before dependency resolution (pom.xml, mvnw, build.gradle.kts, ...), in this order. */
  buildFiles: string[];
  /** Folders copied with them (.mvn/, gradle/, buildSrc/), each ending in "/". */
  buildDirs: string[];
  /** Folder the build writes to ("target", "build/libs"); null for javac. */
  outputDir: string | null;
  /** The jar the build produces, relative to the root ("target/demo-0.0.1-SNAPSHOT.jar"), or null when its name cannot be known before building. */
  jar: string | null;
  artifact: JavaArtifact;
  /** The class with `main`, when the build or the sources name one. */
  mainClass: Fact<string | null>;
  /** JVM options the framework wants at run time (added to JAVA_TOOL_OPTIONS). */
  jvmOptions: string[];
  /** The Maven module built from the root reactor (`-pl <module> -am`), or null for a single-module build. */
  module: Fact<string> | null;
}
