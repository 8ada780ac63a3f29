// Java: which of the four bases can work, at which Java version, and the view templates/java/
// prints. The JVM needs glibc (or Temurin's musl build), a JRE and its libraries, so scratch never
// works; distroless carries the LTS JREs; Temurin's alpine JRE is offered only on request,
// since distroless is smaller and has no shell or package manager.
import { portEnv } from '../../detect/port.js';
import * as semver from '../../semver.js';
import { APP_JAR } from './detect.js';
import type { JavaFacts } from './types.js';
import { today } from '../../knowledge/clock.js';
import {
  DISTROLESS_JAVA_BINARY,
  distrolessImage,
  distrolessVersions,
  findRelease,
  isSupported,
  JAVA_IMAGES,
  JAVA_RELEASES,
  supportedVersions,
} from './knowledge/versions.js';
import type { BaseOption, Plan } from '../../types.js';
import { pickVersion, withVersionArg } from '../../plan/versions.js';
import { ruledOut } from '../../plan/choose-base.js';

/** The ARG that holds the Java version; every image tag uses it. */
const JAVA_VERSION_ARG = 'JAVA_VERSION';
/** distroless :nonroot (common/variables.bzl NONROOT = 65532); used by number on every base. */
export const NONROOT_UID = 65532;
/** Heap sized from the container's memory limit instead of the host's (https://docs.oracle.com/en/java/javase/21/docs/specs/man/java.html, -XX:MaxRAMPercentage). */
export const JAVA_TOOL_OPTIONS = ['-XX:MaxRAMPercentage=75'];

/**
 * A BaseOption that `--base auto` should pass over: alpine for Java is offered only when asked
 * for. chooseBase does not read the flag yet (see the report to the lead); the option is still
 * possible so that `--base alpine` works.
 */
export type JavaBaseOption = BaseOption;

interface Candidates {
  versions: string[];
  note: string;
}

/** The versions this project may use, best first: its pin, else supported releases its constraint allows. */
function candidateVersions(facts: JavaFacts, now: Date): Candidates {
  const { runtime } = facts;
  if (runtime.pinned && runtime.constraint !== null) {
    const major = semver.coerce(runtime.constraint)?.major;
    if (major !== undefined) {
      const version = String(major);
      const release = findRelease(version);
      const unsupported = !isSupported(version, now)
        ? `; Temurin ${release ? `support ended ${release.supportEnds}` : 'has no such release'}, consider Java ${supportedVersions(now)[0] ?? '25'}`
        : '';
      return { versions: [version], note: `Java ${version} from ${runtime.source}${unsupported}` };
    }
  }
  const supported = supportedVersions(now).filter((v) => pickVersion(runtime, [v]) !== null);
  if (supported.length > 0) {
    return { versions: supported, note: runtime.constraint ? `${runtime.constraint} from ${runtime.source}` : 'the project names no Java version: newest LTS' };
  }
  const known = JAVA_RELEASES.map((r) => r.version).reverse().filter((v) => pickVersion(runtime, [v]) !== null);
  return { versions: known, note: `${runtime.constraint} from ${runtime.source} allows only unsupported releases` };
}

export function builderImage(facts: JavaFacts, version: string): string {
  if (facts.wrapper !== null || facts.packageManager.value === 'javac') return JAVA_IMAGES.jdk(version);
  return facts.packageManager.value === 'maven' ? JAVA_IMAGES.maven(version) : JAVA_IMAGES.gradle(version);
}

export function assessJava(facts: JavaFacts, now: Date = today()): JavaBaseOption[] {
  const { versions, note } = candidateVersions(facts, now);
  const newest = versions[0] ?? null;
  const start = facts.start.value;
  const glibcOnly = facts.nativeDependencies.filter((d) => d.glibcOnly);
  const blocking = facts.nativeDependencies.filter((d) => d.blocksDistroless !== null || d.runtime.debian.length > 0);

  const scratch = ruledOut('scratch', 'a Java app needs a JVM, which needs a C library, a JRE and its shared libraries; scratch only fits one static binary (GraalVM native images are not generated)');
  if (newest === null) {
    const why = `no Java release matches ${facts.runtime.constraint} (${facts.runtime.source}); pass --runtime-version`;
    return [scratch, ruledOut('distroless', why), ruledOut('alpine', why), ruledOut('slim', why)];
  }

  const distrolessVersion = versions.find((v) => distrolessVersions().includes(v)) ?? null;
  let distroless: JavaBaseOption;
  if (distrolessVersion === null) {
    distroless = ruledOut('distroless', `${note}, and distroless publishes Java images for ${distrolessVersions().slice().reverse().join(', ')} only (java<v>-debian13)`);
  } else if (start.kind === 'shell') {
    distroless = ruledOut('distroless', `the start command "${start.command}" needs a shell, and distroless has none`);
  } else if (blocking.length > 0) {
    distroless = ruledOut('distroless', `${blocking.map((d) => `${d.name}: ${d.blocksDistroless ?? `needs ${d.runtime.debian.join(', ')}`}`).join('; ')}, and distroless cannot install OS packages`);
  } else {
    const image = distrolessImage(distrolessVersion)!;
    distroless = {
      kind: 'distroless', possible: true, runtimeVersion: distrolessVersion, builderImage: builderImage(facts, distrolessVersion), runtimeImage: image,
      why: `${image} carries a Temurin Java ${distrolessVersion} JRE (${note}) with no shell or package manager, and runs as nonroot ${NONROOT_UID}`,
    };
  }

  let alpine: JavaBaseOption;
  if (glibcOnly.length > 0) {
    alpine = ruledOut('alpine', `${glibcOnly.map((d) => `${d.name}: ${d.note}`).join('; ')}; alpine uses musl`);
  } else {
    const version = distroless.possible ? distroless.runtimeVersion! : newest;
    alpine = {
      kind: 'alpine', possible: true, onRequestOnly: true, runtimeVersion: version,
      builderImage: builderImage(facts, version), runtimeImage: JAVA_IMAGES.jreAlpine(version),
      why: distroless.possible
        ? `used only on request, so skipped in auto mode: distroless is smaller/safer; pass --base alpine for a Temurin JRE on Alpine (${JAVA_IMAGES.jreAlpine(version)}, musl, with a shell and apk)`
        : `used only on request (--base alpine): ${JAVA_IMAGES.jreAlpine(version)} is Temurin's musl JRE, with a shell and apk`,
    };
  }

  const slim: JavaBaseOption = {
    kind: 'slim', possible: true, runtimeVersion: newest, builderImage: builderImage(facts, newest), runtimeImage: JAVA_IMAGES.jre(newest),
    why: `${JAVA_IMAGES.jre(newest)} (Temurin JRE on Ubuntu, glibc and a shell) always works (${note})`,
  };
  return [scratch, distroless, alpine, slim];
}

/** Replace the literal version in an image name with the Dockerfile ARG, so one line pins it. */
export function withArg(image: string, version: string): string {
  return withVersionArg(image, version, JAVA_VERSION_ARG, ['eclipse-temurin:{v}-', 'maven:3-eclipse-temurin-{v}', 'gradle:jdk{v}', 'distroless/java{v}-']);
}

interface Copy {
  source: string;
  target: string;
}

/** The Spring Boot layers, least to most often changed (layers.idx order). */
const SPRING_BOOT_LAYERS = ['dependencies', 'spring-boot-loader', 'snapshot-dependencies', 'application'];

export function javaView(facts: JavaFacts, plan: Plan) {
  const distroless = plan.base === 'distroless';
  const tool = facts.packageManager.value;
  const runner = facts.wrapper !== null ? ['sh', facts.wrapper] : [tool === 'maven' ? 'mvn' : 'gradle'];
  const artifact = facts.artifact;

  // A reactor module: the sibling modules' poms are needed to resolve, so the whole tree is copied
  // and the module is built with the modules it depends on.
  const module = facts.module?.value ?? null;
  const resolveCommand = module !== null ? null : tool === 'maven' ? [...runner, '-B', 'dependency:go-offline'] : tool === 'gradle' ? [...runner, '--no-daemon', 'dependencies'] : null;
  const buildCommand = tool === 'maven'
    ? [...runner, '-B', '-DskipTests', ...(module !== null ? ['-pl', module, '-am'] : []), 'package']
    : tool === 'gradle' ? [...runner, '--no-daemon', 'assemble'] : null;

  let copies: Copy[];
  if (artifact.kind === 'spring-boot') copies = SPRING_BOOT_LAYERS.map((layer) => ({ source: `/out/layers/${layer}/`, target: './' }));
  else if (artifact.kind === 'quarkus') {
    const dir = `/app/${artifact.dir}`;
    copies = [
      { source: `${dir}/lib/`, target: './lib/' },
      { source: `${dir}/quarkus-run.jar`, target: './' },
      { source: `${dir}/app/`, target: './app/' },
      { source: `${dir}/quarkus/`, target: './quarkus/' },
    ];
  } else copies = [{ source: `/out/${APP_JAR}`, target: `./${APP_JAR}` }];

  // The final command: distroless java's entrypoint is ["/usr/bin/java", "-jar"], so a
  // `java -jar X` start needs only CMD ["X"]; other java starts replace the entrypoint with the
  // absolute java path (no PATH lookup needed). Temurin images keep their entrypoint, which execs CMD.
  const start = facts.start.value;
  const argv = start.kind === 'exec' ? start.argv : ['/bin/sh', '-c', start.command];
  let entrypoint: string[] | null = null;
  let cmd: string[] | null = argv;
  if (distroless) {
    if (argv[0] === 'java' && argv[1] === '-jar') cmd = argv.slice(2);
    else {
      entrypoint = argv[0] === 'java' ? [DISTROLESS_JAVA_BINARY, ...argv.slice(1)] : argv;
      cmd = null;
    }
  }

  return {
    versionArg: JAVA_VERSION_ARG,
    builderFrom: withArg(plan.builderImage, plan.runtimeVersion),
    runtimeFrom: withArg(plan.runtimeImage, plan.runtimeVersion),
    buildTool: tool,
    gradle: tool === 'gradle',
    cacheDir: tool === 'maven' ? '/root/.m2' : tool === 'gradle' ? '/root/.gradle' : null,
    buildFiles: facts.buildFiles,
    buildDirs: facts.buildDirs,
    resolveCommand,
    buildCommand,
    javac: artifact.kind === 'javac'
      ? { sourceRoot: artifact.sourceRoot, mainClass: facts.mainClass.value, resources: artifact.resources }
      : null,
    // Everything but Quarkus (a folder) and javac (jarred in place) stages one jar as /out/app.jar.
    stageJar: artifact.kind === 'spring-boot' || artifact.kind === 'jar',
    jar: facts.jar,
    outputDir: facts.outputDir,
    springBoot: artifact.kind === 'spring-boot' ? { tools: artifact.extract === 'tools', layertools: artifact.extract === 'layertools' } : null,
    quarkus: artifact.kind === 'quarkus',
    copies,
    javaToolOptions: [...JAVA_TOOL_OPTIONS, ...facts.jvmOptions].join(' '),
    // The variable that tells the framework (or the app) its port (src/detect/port.ts), when it differs from the default.
    env: Object.entries(portEnv(facts)).map(([name, value]) => ({ name, value })),
    user: `${NONROOT_UID}:${NONROOT_UID}`,
    entrypoint,
    cmd,
    distroless,
  };
}
