// build.gradle / build.gradle.kts read as text (Gradle is never run): plugins, toolchain or
// compatibility settings, dependencies, main class and the jar name. Both DSLs are covered by
// patterns that accept `x = y`, `x.set(y)` and Groovy's `x y` forms. Anything computed at build
// time is left unknown rather than guessed.
import type { Project } from '../../project.js';
import { removeBlockComments } from '../../detect/scan.js';
import { FRAMEWORK_MARKERS, gradleMaxJava } from './knowledge/frameworks.js';
import { javaMajor } from './knowledge/versions.js';
import type { BuildInfo, Dependency } from './build-info.js';

const SHADOW_PLUGINS = ['com.github.johnrengelman.shadow', 'com.gradleup.shadow', 'io.github.goooler.shadow'];
const CONFIGURATIONS = ['implementation', 'api', 'runtimeOnly', 'compile', 'runtime'];

export function readGradle(project: Project): BuildInfo {
  const file = ['build.gradle.kts', 'build.gradle'].find((f) => project.isFile(f));
  const settingsFile = ['settings.gradle.kts', 'settings.gradle'].find((f) => project.isFile(f)) ?? null;
  const text = stripComments(file ? project.readText(file) ?? '' : '');
  const settings = stripComments(settingsFile ? project.readText(settingsFile) ?? '' : '');
  const catalog = readCatalog(project);
  const warnings: string[] = [];
  const where = file ?? settingsFile ?? 'build.gradle';

  const plugins = readPlugins(text, catalog);
  const pluginVersion = (id: string): string | null => {
    const own = plugins.get(id);
    if (own) return own;
    // A version may live in settings' pluginManagement or a buildscript classpath instead.
    const escaped = id.replace(/\./g, '\\.');
    const inSettings = new RegExp(`id\\s*(?:\\(\\s*)?["']${escaped}["']\\s*(?:\\)\\s*)?version\\s*(?:\\(\\s*)?["']([^"']+)["']`).exec(settings);
    return inSettings?.[1] ?? null;
  };

  let framework: BuildInfo['framework'] = null;
  for (const marker of FRAMEWORK_MARKERS) {
    if (marker.kind === 'gradle-plugin' && plugins.has(marker.id)) {
      let version = pluginVersion(marker.id);
      if (!version && marker.framework === 'spring-boot') version = /spring-boot-gradle-plugin:([\w.-]+)/.exec(text)?.[1] ?? null;
      framework = { value: marker.framework, version, source: `${where} plugin ${marker.id}` };
      break;
    }
  }

  const javaVersion = firstMatch(text, [
    ['toolchain languageVersion', /languageVersion\s*(?:=|\.set\s*\()\s*JavaLanguageVersion\.of\(\s*["']?(\d+)["']?\s*\)/],
    ['jvmToolchain', /jvmToolchain\s*\(\s*(\d+)\s*\)/],
    ['options.release', /options\.release\s*(?:=|\.set\s*\()\s*(\d+)/],
    ['sourceCompatibility', compatibility('sourceCompatibility')],
    ['targetCompatibility', compatibility('targetCompatibility')],
  ], where);

  const dependencies = readDependencies(text, catalog);
  const mainClass = readMainClass(text, where);
  const shadow = SHADOW_PLUGINS.some((id) => plugins.has(id));

  if (/^[ \t]*include\s*[(\s'"]/m.test(settings)) {
    warnings.push(`${settingsFile} includes subprojects; the Dockerfile builds the root project and expects the runnable jar in build/libs: move the Dockerfile to the application subproject or adjust the paths.`);
  }
  if (framework?.value === 'micronaut' && !shadow) {
    warnings.push(`${where} applies io.micronaut.application without a Shadow plugin, so no runnable fat jar is built; add id("com.gradleup.shadow").`);
  }

  // The jar is <rootProject.name>-<version>.jar. Without rootProject.name Gradle uses the folder
  // name, which in the builder is the WORKDIR (/app). An archive* setting makes it unknowable here.
  const name = /rootProject\.name\s*=\s*["']([^"'$]+)["']/.exec(settings)?.[1] ?? 'app';
  const version = readVersion(project, text);
  const customized = /archive(?:FileName|BaseName|Version|Classifier|Appendix)|\bbaseName\s*=|libsDirectory|destinationDirectory/.test(text);
  const jarBase = customized || version === undefined ? null : version === null ? name : `${name}-${version}`;

  const hasWrapper = project.isFile('gradlew') && project.isFile('gradle/wrapper/gradle-wrapper.properties') && project.isFile('gradle/wrapper/gradle-wrapper.jar');
  if (project.isFile('gradlew') && !hasWrapper) {
    warnings.push('gradlew is present without gradle/wrapper/gradle-wrapper.jar and .properties, so the wrapper cannot run; the Dockerfile uses Gradle from the builder image.');
  }
  const buildFiles = [settingsFile, file, project.isFile('gradle.properties') ? 'gradle.properties' : null, hasWrapper ? 'gradlew' : null].filter(
    (f): f is string => f !== null,
  );
  return {
    tool: 'gradle',
    file: where,
    framework,
    javaVersion,
    toolMaxJava: hasWrapper ? wrapperMaxJava(project) : null,
    dependencies,
    mainClass,
    fatJar: framework?.value === 'spring-boot' || shadow,
    outputDir: 'build/libs',
    jarBase,
    jarSuffix: shadow && framework?.value !== 'spring-boot' ? '-all' : '',
    extension: 'jar',
    buildDir: 'build',
    wrapper: hasWrapper ? './gradlew' : null,
    buildFiles,
    buildDirs: ['gradle', 'buildSrc'].filter((d) => project.isDir(d)).map((d) => `${d}/`),
    warnings,
  };
}

/** Plugin ids applied by the build, with their versions when given. */
function readPlugins(text: string, catalog: Catalog): Map<string, string | null> {
  const found = new Map<string, string | null>();
  const byId = /\bid\s*(?:\(\s*)?["']([\w.-]+)["'](?:\s*\))?(?:\s*version\s*(?:\(\s*)?["']([^"']+)["'])?/g;
  for (const match of text.matchAll(byId)) found.set(match[1]!, match[2] ?? null);
  for (const match of text.matchAll(/apply\s*(?:\(\s*)?plugin\s*[:=]\s*["']([\w.-]+)["']/g)) found.set(match[1]!, null);
  for (const match of text.matchAll(/\balias\s*\(\s*libs\.plugins\.([\w.]+)\s*\)/g)) {
    const plugin = catalog.plugins.get(normalizeAlias(match[1]!));
    if (plugin) found.set(plugin.id, plugin.version);
  }
  return found;
}

function readDependencies(text: string, catalog: Catalog): Dependency[] {
  const found: Dependency[] = [];
  const configurations = CONFIGURATIONS.join('|');
  const literal = new RegExp(`\\b(?:${configurations})\\s*(?:\\(\\s*)?["']([\\w.-]+):([\\w.-]+)(?::([^"'@:]+))?`, 'g');
  for (const match of text.matchAll(literal)) found.push({ coordinates: `${match[1]}:${match[2]}`, version: match[3] ?? null });
  const alias = new RegExp(`\\b(?:${configurations})\\s*(?:\\(\\s*)?libs\\.([\\w.]+)`, 'g');
  for (const match of text.matchAll(alias)) {
    const library = catalog.libraries.get(normalizeAlias(match[1]!));
    if (library) found.push(library);
  }
  return found;
}

function readMainClass(text: string, where: string): BuildInfo['mainClass'] {
  const manifest = /["']Main-Class["']\s*(?:to|:|,)\s*["']([\w.$]+)["']/.exec(text);
  if (manifest) return { value: manifest[1]!, inManifest: true, source: `${where} jar manifest Main-Class` };
  const main = /\bmainClass(?:Name)?\s*(?:=|\.set\s*\()\s*["']([\w.$]+)["']/.exec(text);
  if (main) return { value: main[1]!, inManifest: false, source: `${where} mainClass` };
  return null;
}

/** The project version: a string literal in the build file or gradle.properties; null = unset; undefined = computed. */
function readVersion(project: Project, text: string): string | null | undefined {
  const assignment = /^[ \t]*version\s*=\s*(.+)$/m.exec(text);
  if (assignment) {
    const literal = /^["']([^"'$]+)["']\s*$/.exec(assignment[1]!.trim());
    return literal ? literal[1]! : undefined;
  }
  const properties = project.readText('gradle.properties');
  const fromProperties = properties === null ? null : /^[ \t]*version[ \t]*[=:][ \t]*(\S+)[ \t\r]*$/m.exec(properties);
  return fromProperties ? fromProperties[1]! : null;
}

/** `x = JavaVersion.VERSION_17`, `x = '17'`, `x = 17`, `x = JavaVersion.toVersion("21")`, `x.set(...)`. */
function compatibility(name: string): RegExp {
  return new RegExp(`${name}\\s*(?:(?:=|\\.set\\s*\\()\\s*)?(?:JavaVersion\\.toVersion\\(\\s*)?((?:JavaVersion\\.)?VERSION_[\\d_]+|["']?[\\d.]+["']?)`);
}

/** The newest Java LTS the wrapper's Gradle runs on (gradle-wrapper.properties distributionUrl gradle-7.4-bin.zip). */
function wrapperMaxJava(project: Project): BuildInfo['toolMaxJava'] {
  const text = project.readText('gradle/wrapper/gradle-wrapper.properties') ?? '';
  const version = /distributionUrl\s*=.*gradle-(\d+(?:\.\d+){0,2})(?:-[\w.-]+)?-(?:bin|all)\.zip/.exec(text)?.[1];
  const max = version ? gradleMaxJava(version) : null;
  return max === null ? null : { value: max, source: `the Gradle ${version} wrapper (gradle-wrapper.properties)` };
}

function firstMatch(text: string, patterns: Array<[string, RegExp]>, where: string): BuildInfo['javaVersion'] {
  for (const [what, pattern] of patterns) {
    const match = pattern.exec(text);
    const major = match ? javaMajor(match[1]!) : null;
    // A toolchain makes Gradle compile with exactly that JDK; a compatibility or release level is a minimum.
    if (major) return { value: major, source: `${where} ${what}`, minimum: !/toolchain/i.test(what) };
  }
  return null;
}

interface Catalog {
  plugins: Map<string, { id: string; version: string | null }>;
  libraries: Map<string, Dependency>;
}

/** gradle/libs.versions.toml, the standard version catalog; empty when absent. */
function readCatalog(project: Project): Catalog {
  const catalog: Catalog = { plugins: new Map(), libraries: new Map() };
  const toml = project.readToml('gradle/libs.versions.toml');
  if (!toml) return catalog;
  const versions = (toml.versions ?? {}) as Record<string, unknown>;
  const versionOf = (entry: Record<string, unknown>): string | null => {
    const version = entry.version;
    if (typeof version === 'string') return version;
    if (version && typeof version === 'object') {
      const ref = (version as Record<string, unknown>).ref;
      if (typeof ref === 'string' && typeof versions[ref] === 'string') return versions[ref] as string;
    }
    const ref = entry['version.ref'];
    return typeof ref === 'string' && typeof versions[ref] === 'string' ? (versions[ref] as string) : null;
  };
  for (const [key, value] of Object.entries((toml.plugins ?? {}) as Record<string, unknown>)) {
    if (typeof value === 'string') {
      const [id, version] = value.split(':');
      if (id) catalog.plugins.set(normalizeAlias(key), { id, version: version ?? null });
    } else if (value && typeof value === 'object') {
      const entry = value as Record<string, unknown>;
      if (typeof entry.id === 'string') catalog.plugins.set(normalizeAlias(key), { id: entry.id, version: versionOf(entry) });
    }
  }
  for (const [key, value] of Object.entries((toml.libraries ?? {}) as Record<string, unknown>)) {
    if (typeof value === 'string') {
      const [group, name, version] = value.split(':');
      if (group && name) catalog.libraries.set(normalizeAlias(key), { coordinates: `${group}:${name}`, version: version ?? null });
    } else if (value && typeof value === 'object') {
      const entry = value as Record<string, unknown>;
      const coordinates = typeof entry.module === 'string' ? entry.module : typeof entry.group === 'string' && typeof entry.name === 'string' ? `${entry.group}:${entry.name}` : null;
      if (coordinates) catalog.libraries.set(normalizeAlias(key), { coordinates, version: versionOf(entry) });
    }
  }
  return catalog;
}

/** Catalog keys "spring-boot", "spring_boot" and "spring.boot" are all `libs.spring.boot` in a build file. */
function normalizeAlias(key: string): string {
  return key.replace(/[-_]/g, '.').toLowerCase();
}

/** Drop // and /* *\/ comments so commented-out plugins and settings are not taken as real. */
function stripComments(text: string): string {
  return removeBlockComments(text, '').replace(/(^|[^:"'])\/\/.*$/gm, '$1');
}
