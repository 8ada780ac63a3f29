// The Java detector: which build tool, framework, Java version, port, artifact and start
// command, each with where it came from. Pure over the project files; Maven and Gradle are
// never run.
import type { DetectOptions } from '../../ecosystem.js';
import { ChoiceNeeded, UsageError, UserError } from '../../errors.js';
import { buildScripts, chooseProgram, listNames, serviceByName } from '../../detect/program-choice.js';
import type { Project } from '../../project.js';
import { between, removeDelimited, trimTrailing } from '../../detect/scan.js';
import { classifyJavaDependency } from './knowledge/native.js';
import { FRAMEWORK_DEFAULTS, FRAMEWORK_JVM_OPTIONS, frameworkJavaSupport, springBootLayering } from './knowledge/frameworks.js';
import type { Fact, NativeDependency, PortSetting, RuntimeRequirement, StartCommand } from '../../types.js';
import { envSetting } from '../../detect/port.js';
import type { BuildInfo } from './build-info.js';
import { configuredPort, quarkusPackageType, RESOURCES } from './config.js';
import { readGradle } from './gradle.js';
import { readMaven } from './maven.js';
import { findMainClasses, javaSources, sourcePort } from './sources.js';
import type { JavaArtifact, JavaBuildTool, JavaFacts } from './types.js';
import { JAVA_BUILD_TOOLS } from './types.js';
import { pinnedJavaVersion } from './version-files.js';
import { GRADLE_FILES, MAVEN_FILES } from './entry.js';


/** The file name the final image runs; fixed, so the final stage never depends on project strings. */
export const APP_JAR = 'app.jar';

export function recognizesJava(project: Project): boolean {
  if ([...MAVEN_FILES, ...GRADLE_FILES].some((f) => project.isFile(f))) return true;
  const sources = javaSources(project);
  return sources !== null && findMainClasses(project, sources.files).length > 0;
}

export function detectJava(project: Project, options: DetectOptions = {}): JavaFacts {
  const module = chooseMavenModule(project, options);
  if (module !== null) return moduleFacts(project, module, options);
  return detectProject(project, options);
}

function detectProject(project: Project, options: DetectOptions): JavaFacts {
  const tool = chooseTool(project, options.packageManager);
  const warnings: string[] = [];
  const build = tool.value === 'maven' ? readMaven(project) : tool.value === 'gradle' ? readGradle(project) : null;
  if (build) warnings.push(...build.warnings);
  if (tool.value === 'maven' && GRADLE_FILES.some((f) => project.isFile(f)) && !options.packageManager) {
    warnings.push('Both pom.xml and a Gradle build are present; Maven was chosen. Pass --package-manager gradle to build with Gradle.');
  }

  const framework: Fact<JavaFacts['framework']['value']> = build?.framework
    ? { value: build.framework.value, source: build.framework.source }
    : { value: null, source: build ? `no framework plugin or parent in ${build.file}` : 'no build tool' };
  const frameworkVersion = build?.framework?.version ?? null;

  const pinned = pinnedJavaVersion(project);
  const fromBuild = build?.javaVersion ? { value: build.javaVersion.value, source: build.javaVersion.source } : null;
  const javaVersion: Fact<string | null> = pinned ?? fromBuild ?? { value: null, source: 'not set in the build or a version file' };

  const sources = javaSources(project);
  const mains = sources ? findMainClasses(project, sources.files) : [];
  const mainClass: Fact<string | null> = build?.mainClass
    ? { value: build.mainClass.value, source: build.mainClass.source }
    : mains[0]
      ? { value: mains[0].className, source: mains[0].file }
      : { value: null, source: 'no main class found' };
  if (!build?.mainClass && mains.length > 1) {
    warnings.push(`Several classes have a main method (${mains.map((m) => m.className).join(', ')}); ${mains[0]!.className} was taken. Pass --cmd to choose another.`);
  }

  const { artifact, jar } = chooseArtifact(project, tool.value, build, framework.value, frameworkVersion, sources?.root ?? null, warnings);
  if (artifact.kind === 'javac' && mainClass.value === null) {
    throw new UserError('No class with a main method was found under src/main/java, src or the project root; add one, or pass --language to pick another ecosystem.');
  }
  if (artifact.kind === 'jar' && framework.value === null && build && !build.fatJar && build.dependencies.length > 0) {
    warnings.push(`${build.file} has runtime dependencies but no fat-jar plugin (maven-shade-plugin, maven-assembly-plugin or Shadow), so the jar does not contain them and will fail with ClassNotFoundException; add one.`);
  }
  if (artifact.kind === 'jar' && framework.value === null && mainClass.value === null) {
    warnings.push('No main class was found in the build or the sources; the jar must name one in its manifest (Main-Class) for java -jar to start it.');
  }

  const start = startCommand(artifact, framework.value, build, mainClass.value);
  const { port, setting: portSetting } = detectPort(project, framework.value, sources?.files ?? []);
  if (port.value === null && port.source.startsWith(RESOURCES)) {
    // A value that is not a port (a placeholder without default, or junk) is never put into EXPOSE;
    // say so, since the image then documents no port.
    warnings.push(`${port.source} does not name a fixed port (a whole number from 1 to 65535), so the Dockerfile exposes none; pass --port to set one.`);
  }

  const nativeDependencies: NativeDependency[] = [];
  for (const dep of build?.dependencies ?? []) {
    const native = classifyJavaDependency(dep.coordinates, dep.version, build!.file);
    if (native && !nativeDependencies.some((n) => n.name === native.name)) nativeDependencies.push(native);
  }

  return {
    language: 'java',
    packageManager: tool,
    framework,
    frameworkVersion,
    javaVersion,
    runtime: javaRuntime(javaVersion, pinned !== null || build?.javaVersion?.minimum !== true, framework.value, frameworkVersion, build?.toolMaxJava ?? null),
    port,
    portSetting,
    start,
    nativeDependencies,
    dependencies: [...new Set((build?.dependencies ?? []).map((d) => d.coordinates))].sort().map((name) => ({ registry: 'maven', name, source: build!.file })),
    warnings,
    wrapper: build?.wrapper ?? null,
    buildFiles: build?.buildFiles ?? [],
    buildDirs: build?.buildDirs ?? [],
    outputDir: build?.outputDir ?? null,
    jar,
    artifact,
    mainClass,
    jvmOptions: framework.value ? FRAMEWORK_JVM_OPTIONS[framework.value].options : [],
    module: null,
  };
}

/** Plugins that make a Maven module a runnable application (a library module has none). */
const APP_PLUGINS = /<artifactId>\s*(?:spring-boot-maven-plugin|quarkus-maven-plugin|micronaut-maven-plugin)\s*<\/artifactId>/;

/**
 * A Maven reactor (root pom.xml with <modules>) whose modules are applications: each module with a
 * framework's packaging plugin is one program. One is built (`-pl <module> -am`); with several,
 * evidence picks one or the run stops naming them (a terminal asks).
 */
function chooseMavenModule(project: Project, options: DetectOptions): { dir: string; source: string; note: string | null } | null {
  if (options.packageManager !== undefined && options.packageManager !== 'maven') return null;
  const text = project.readText('pom.xml');
  if (text === null) return null;
  const block = between(removeDelimited(text, '<!--', '-->', ''), '<modules>', '</modules>') ?? '';
  const modules = [...block.matchAll(/<module>\s*([^<\s]+)\s*<\/module>/g)].map((m) => trimTrailing((m[1] as string).replace(/^\.\//, ''), '/'))
    .filter((m) => !m.startsWith('/') && !m.split('/').includes('..'));
  if (modules.length === 0) return null;
  const apps = modules.filter((m) => APP_PLUGINS.test(project.readText(`${m}/pom.xml`) ?? ''));
  if (options.main !== undefined) {
    const want = options.main.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
    const match = modules.find((m) => m === want) ?? (modules.filter((m) => m.split('/').pop() === want).length === 1 ? modules.find((m) => m.split('/').pop() === want) : undefined);
    if (match === undefined) throw new UserError(`--main ${options.main} matches none of the Maven modules: ${modules.join(', ')}. Pass --main with one of them.`);
    return { dir: match, source: `--main ${options.main}`, note: null };
  }
  if (apps.length === 0) return null;
  if (apps.length === 1) return { dir: apps[0] as string, source: `the only module of pom.xml with an application plugin`, note: null };
  const scripted = buildScripts(project).flatMap(({ text: t }) => apps.filter((m) => new RegExp(`(?:-pl|--projects)[\\s=][^\\n]{0,300}?\\b${m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(t)));
  const choice = chooseProgram(apps, [
    { why: 'a deploy workflow or Makefile builds it', names: [...new Set(scripted)] },
    { why: 'its name marks the service beside clients and tools', names: serviceByName(apps) },
  ]);
  if (choice !== null) {
    return { dir: choice.chosen, source: choice.why, note: `pom.xml builds several applications (${listNames(apps)}); ${choice.chosen} was chosen (${choice.why}). Pass --main with another module to build it instead.` };
  }
  throw new ChoiceNeeded(
    `pom.xml is a multi-module build with several applications: ${apps.join(', ')}. Pass --main with the module to build (for example --main ${apps[0]}), or run the tool in that module's folder.`,
    'main',
    'This Maven build has several application modules. Which one is the app?',
    apps,
  );
}

/** The facts of one module of a Maven reactor, built from the root with `-pl <module> -am`. */
function moduleFacts(project: Project, module: { dir: string; source: string; note: string | null }, options: DetectOptions): JavaFacts {
  const sub = project.sub(module.dir);
  const facts = detectProject(sub, { ...options, main: undefined });
  const root = readMaven(project);
  const warnings = facts.warnings.filter((w) => !/mvnw is present|no spring-boot-maven-plugin/.test(w));
  if (module.note) warnings.unshift(module.note);
  const hasWrapper = project.isFile('mvnw') && project.isFile('.mvn/wrapper/maven-wrapper.properties');
  // What the module leaves to its parent (the Java version, the framework version) comes from the root pom.
  const frameworkVersion = facts.frameworkVersion ?? (root.framework?.value === facts.framework.value ? root.framework?.version ?? null : null);
  let { javaVersion, runtime } = facts;
  if (javaVersion.value === null && root.javaVersion) {
    javaVersion = { value: root.javaVersion.value, source: root.javaVersion.source };
    runtime = javaRuntime(javaVersion, pinnedJavaVersion(project) !== null, facts.framework.value, frameworkVersion, null);
  }
  const pinned = pinnedJavaVersion(project);
  if (pinned) {
    javaVersion = pinned;
    runtime = { constraint: pinned.value, pinned: true, source: pinned.source };
  }
  let artifact = facts.artifact;
  if (artifact.kind === 'quarkus') artifact = { ...artifact, dir: `${module.dir}/${artifact.dir}` };
  if (facts.framework.value === 'spring-boot' && facts.frameworkVersion === null && frameworkVersion !== null && (artifact.kind === 'spring-boot' || artifact.kind === 'jar')) {
    const layering = springBootLayering(frameworkVersion);
    artifact = layering.extract !== null ? { kind: 'spring-boot', extract: layering.extract, launcher: layering.launcher } : { kind: 'jar' };
  }
  const start = artifact === facts.artifact ? facts.start : startCommand(artifact, facts.framework.value, null, facts.mainClass.value);
  return {
    ...facts,
    frameworkVersion,
    javaVersion,
    runtime,
    artifact,
    start,
    warnings,
    port: facts.port.source.startsWith(RESOURCES) ? { ...facts.port, source: `${module.dir}/${facts.port.source}` } : facts.port,
    wrapper: hasWrapper ? './mvnw' : null,
    buildFiles: hasWrapper ? ['pom.xml', 'mvnw'] : ['pom.xml'],
    buildDirs: project.isDir('.mvn') ? ['.mvn/'] : [],
    outputDir: facts.outputDir === null ? null : `${module.dir}/${facts.outputDir}`,
    jar: facts.jar === null ? null : `${module.dir}/${facts.jar}`,
    module: { value: module.dir, source: module.source },
  };
}

function chooseTool(project: Project, requested: string | undefined): Fact<JavaBuildTool> {
  if (requested !== undefined) {
    if (!(JAVA_BUILD_TOOLS as readonly string[]).includes(requested)) {
      throw new UsageError(`--package-manager ${requested} is not a Java build tool; use one of: ${JAVA_BUILD_TOOLS.join(', ')}.`);
    }
    const needs = requested === 'maven' ? MAVEN_FILES : requested === 'gradle' ? GRADLE_FILES : [];
    if (needs.length > 0 && !needs.some((f) => project.isFile(f))) {
      throw new UserError(`--package-manager ${requested} was given, but there is no ${needs.join(' or ')} in the project; add the build file or pick another build tool.`);
    }
    return { value: requested as JavaBuildTool, source: '--package-manager' };
  }
  if (project.isFile('pom.xml')) return { value: 'maven', source: 'pom.xml' };
  const gradleFile = GRADLE_FILES.find((f) => project.isFile(f));
  if (gradleFile) return { value: 'gradle', source: gradleFile };
  return { value: 'javac', source: 'no pom.xml or build.gradle: Java sources compiled with javac' };
}

function chooseArtifact(
  project: Project,
  tool: JavaBuildTool,
  build: BuildInfo | null,
  framework: JavaFacts['framework']['value'],
  frameworkVersion: string | null,
  sourceRoot: string | null,
  warnings: string[],
): { artifact: JavaArtifact; jar: string | null } {
  if (tool === 'javac' || build === null) {
    const root = sourceRoot ?? '.';
    const resources = root === 'src/main/java' && project.isDir('src/main/resources') ? 'src/main/resources' : null;
    return { artifact: { kind: 'javac', sourceRoot: root, resources }, jar: null };
  }
  const jarPath = (dir: string, suffix: string) => (build.jarBase === null ? null : `${dir}/${build.jarBase}${suffix}.${build.extension}`);
  if (framework === 'quarkus') {
    const type = quarkusPackageType(project);
    if (type === 'uber-jar') return { artifact: { kind: 'jar' }, jar: jarPath(build.buildDir, '-runner') };
    if (type !== null && type !== 'fast-jar' && type !== 'jar') {
      warnings.push(`Quarkus packaging "${type}" is not supported here; the Dockerfile expects the default fast-jar (${build.buildDir}/quarkus-app).`);
    }
    return { artifact: { kind: 'quarkus', dir: `${build.buildDir}/quarkus-app` }, jar: null };
  }
  const jar = jarPath(build.outputDir, build.jarSuffix);
  if (jar === null) {
    warnings.push(`The jar name depends on values only the build knows (${build.file}); the Dockerfile picks the one runnable jar in ${build.outputDir} at build time.`);
  }
  if (framework === 'spring-boot') {
    const layering = springBootLayering(frameworkVersion);
    if (layering.extract !== null) return { artifact: { kind: 'spring-boot', extract: layering.extract, launcher: layering.launcher }, jar };
  }
  return { artifact: { kind: 'jar' }, jar };
}

function startCommand(artifact: JavaArtifact, framework: JavaFacts['framework']['value'], build: BuildInfo | null, mainClass: string | null): Fact<StartCommand> {
  switch (artifact.kind) {
    case 'spring-boot':
      return artifact.launcher
        ? { value: { kind: 'exec', argv: ['java', artifact.launcher] }, source: 'Spring Boot layertools extraction runs the JarLauncher' }
        : { value: { kind: 'exec', argv: ['java', '-jar', APP_JAR] }, source: 'Spring Boot tools extraction keeps a runnable jar' };
    case 'quarkus':
      return { value: { kind: 'exec', argv: ['java', '-jar', 'quarkus-run.jar'] }, source: 'Quarkus fast-jar' };
    case 'javac':
      return { value: { kind: 'exec', argv: ['java', '-jar', APP_JAR] }, source: 'jar --main-class in the builder' };
    case 'jar': {
      // A framework jar or a manifest entry makes the jar runnable; otherwise name the class.
      const runnable = framework !== null || build?.mainClass?.inManifest === true || mainClass === null;
      return runnable
        ? { value: { kind: 'exec', argv: ['java', '-jar', APP_JAR] }, source: build?.mainClass?.source ?? `${framework ?? 'runnable'} jar` }
        : { value: { kind: 'exec', argv: ['java', '-cp', APP_JAR, mainClass] }, source: `${build?.mainClass?.source ?? 'the Java sources'}: main class ${mainClass} (the jar manifest names none)` };
    }
  }
}

function detectPort(project: Project, framework: JavaFacts['framework']['value'], files: string[]): { port: Fact<number | null>; setting: PortSetting } {
  if (framework !== null) {
    const defaults = FRAMEWORK_DEFAULTS[framework];
    const configured = configuredPort(project, defaults.configFiles, defaults.portKey);
    const port = configured ?? { value: defaults.defaultPort, source: `${framework} default` };
    // The app's own placeholder (`${PORT:8080}`) first; else the framework's variable for the key,
    // which outranks the config files (Quarkus: a `%prod.` key only yields to `_PROD_`).
    const name = configured?.variable ?? (configured?.prod ? `_PROD_${defaults.portEnv.name}` : defaults.portEnv.name);
    const where = configured?.variable ? `${configured.source} reads ${configured.variable}` : `${FRAMEWORK_NAMES[framework]} reads ${name} over ${defaults.portKey} (${defaults.portEnv.source})`;
    return { port: { value: port.value, source: port.source }, setting: envSetting(name, port.value, where) };
  }
  return sourcePort(project, files) ?? { port: { value: null, source: 'no port found in the sources' }, setting: { kind: 'unknown' } };
}

const FRAMEWORK_NAMES: Record<JavaFacts['framework']['value'] & string, string> = { 'spring-boot': 'Spring Boot', quarkus: 'Quarkus', micronaut: 'Micronaut' };

/**
 * A version file or a Gradle toolchain pins the JDK; a bytecode level (`release`,
 * `sourceCompatibility`, `java.version`) is a minimum: the app runs on any newer JRE that its
 * framework line and build tool support, so the range is capped by those and the newest
 * maintained LTS inside it is chosen (design.md, "Versions and bases are chosen together").
 */
function javaRuntime(
  version: Fact<string | null>,
  pinned: boolean,
  framework: JavaFacts['framework']['value'],
  frameworkVersion: string | null,
  toolMax: { value: number; source: string } | null,
): RuntimeRequirement {
  if (version.value === null || pinned) return { constraint: version.value, pinned: version.value !== null, source: version.source };
  const support = framework ? frameworkJavaSupport(framework, frameworkVersion) : null;
  const caps: Array<{ value: number; why: string }> = [];
  if (support?.maxJava != null) caps.push({ value: support.maxJava, why: `${FRAMEWORK_NAMES[framework!]} ${frameworkVersion} runs on Java ${support.minJava === support.maxJava ? `${support.maxJava} only` : `${support.minJava}-${support.maxJava}`}` });
  if (toolMax) caps.push({ value: toolMax.value, why: `${toolMax.source} runs on Java up to ${toolMax.value}` });
  const min = Number(version.value);
  const cap = caps.filter((c) => c.value >= min).sort((a, b) => a.value - b.value)[0];
  const source = `${version.source} ${version.value} (a minimum)`;
  if (cap === undefined) return { constraint: `>=${min}`, pinned: false, source };
  return { constraint: `>=${min} <${cap.value + 1}`, pinned: false, source: `${source}, capped at ${cap.value}: ${caps.filter((c) => c.value >= min).map((c) => c.why).join('; ')}` };
}
