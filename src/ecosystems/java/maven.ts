// pom.xml: framework (parent, BOM import or plugin), Java version (compiler properties and
// plugin configuration), dependencies, main class and the jar name, with ${property}
// references resolved from <properties> and the project's own coordinates.
import { xml } from '../../lazy.js';
import { UserError } from '../../errors.js';
import { shorten, type Project } from '../../project.js';
import { FRAMEWORK_MARKERS, springBootParentJavaVersion } from './knowledge/frameworks.js';
import { javaMajor } from './knowledge/versions.js';
import type { BuildInfo, Dependency } from './build-info.js';

type Xml = Record<string, unknown>;

/** How many properties deep a ${...} reference is followed (Maven poms chain two or three). */
const MAX_PROPERTY_DEPTH = 64;
/** Longest resolved value: versions, artifact names and class names are far shorter. */
const MAX_RESOLVED_LENGTH = 4096;

const LISTS = new Set(['dependency', 'plugin', 'module', 'transformer', 'descriptorRef', 'execution']);

export function readMaven(project: Project): BuildInfo {
  const text = project.readText('pom.xml');
  if (text === null) throw new Error('readMaven called without pom.xml');
  const pom = parsePom(text);
  const props = new Properties(pom);
  const warnings: string[] = [];

  const parent = asXml(pom.parent);
  const parentId = parent ? `${str(parent.groupId)}:${str(parent.artifactId)}` : null;
  const plugins = list(asXml(asXml(pom.build)?.plugins)?.plugin).map(asXml).filter(isXml);
  const managedPlugins = list(asXml(asXml(asXml(pom.build)?.pluginManagement)?.plugins)?.plugin).map(asXml).filter(isXml);
  const pluginId = (p: Xml) => `${props.resolve(str(p.groupId) ?? 'org.apache.maven.plugins')}:${props.resolve(str(p.artifactId))}`;
  const findPlugin = (id: string) => plugins.find((p) => pluginId(p) === id) ?? managedPlugins.find((p) => pluginId(p) === id);
  const boms = list(asXml(asXml(pom.dependencyManagement)?.dependencies)?.dependency).map(asXml).filter(isXml);

  // Framework: a parent is the strongest sign, then an imported BOM, then a build plugin.
  let framework: BuildInfo['framework'] = null;
  for (const marker of FRAMEWORK_MARKERS) {
    if (framework) break;
    if (marker.kind === 'maven-parent' && parentId === marker.id) {
      framework = { value: marker.framework, version: props.resolve(str(parent?.version)), source: `pom.xml <parent> ${marker.id}` };
    }
  }
  for (const marker of FRAMEWORK_MARKERS) {
    if (framework) break;
    if (marker.kind === 'maven-bom') {
      const bom = boms.find((d) => `${props.resolve(str(d.groupId))}:${props.resolve(str(d.artifactId))}` === marker.id);
      if (bom) framework = { value: marker.framework, version: props.resolve(str(bom.version)), source: `pom.xml <dependencyManagement> ${marker.id}` };
    }
  }
  for (const marker of FRAMEWORK_MARKERS) {
    if (framework) break;
    if (marker.kind === 'maven-plugin') {
      const plugin = findPlugin(marker.id);
      if (plugin) framework = { value: marker.framework, version: props.resolve(str(plugin.version)), source: `pom.xml plugin ${marker.id}` };
    }
  }

  const compiler = asXml(findPlugin('org.apache.maven.plugins:maven-compiler-plugin')?.configuration);
  const javaVersion = firstVersion([
    ['maven.compiler.release', props.get('maven.compiler.release')],
    ['maven-compiler-plugin <release>', props.resolve(str(compiler?.release))],
    ['java.version', props.get('java.version')],
    ['release.version', props.get('release.version')],
    ['jdk.version', props.get('jdk.version')],
    ['maven.compiler.source', props.get('maven.compiler.source')],
    ['maven.compiler.target', props.get('maven.compiler.target')],
    ['maven-compiler-plugin <source>', props.resolve(str(compiler?.source))],
  ]) ?? (framework?.value === 'spring-boot' && framework.source.includes('<parent>')
    ? defaultFromBootParent(framework.version)
    : null);

  const dependencies: Dependency[] = [];
  for (const dep of list(asXml(pom.dependencies)?.dependency).map(asXml).filter(isXml)) {
    const scope = props.resolve(str(dep.scope)) ?? 'compile';
    if (scope === 'test' || scope === 'provided' || scope === 'import') continue;
    const group = props.resolve(str(dep.groupId));
    const artifact = props.resolve(str(dep.artifactId));
    if (group && artifact) dependencies.push({ coordinates: `${group}:${artifact}`, version: props.resolve(str(dep.version)) });
  }

  const shade = findPlugin('org.apache.maven.plugins:maven-shade-plugin');
  const assembly = findPlugin('org.apache.maven.plugins:maven-assembly-plugin');
  const jarPlugin = findPlugin('org.apache.maven.plugins:maven-jar-plugin');
  const mainClass = findMainClass(props, jarPlugin, shade, assembly);

  const assemblyConfig = asXml(assembly?.configuration) ?? asXml(list(asXml(assembly?.executions)?.execution).map(asXml).find(isXml)?.configuration);
  const assemblyFat = list(asXml(assemblyConfig?.descriptorRefs)?.descriptorRef).map(str).includes('jar-with-dependencies');
  const appendId = str(assemblyConfig?.appendAssemblyId) !== 'false';
  const jarSuffix = assemblyFat && appendId ? '-jar-with-dependencies' : '';

  const packaging = props.resolve(str(pom.packaging)) ?? 'jar';
  if (packaging === 'pom' || list(asXml(pom.modules)?.module).length > 0) {
    warnings.push('pom.xml is a multi-module build; the Dockerfile builds it from the root and expects the runnable jar in the root target/ folder: move the Dockerfile to the application module or adjust the COPY paths.');
  } else if (packaging === 'war' && framework?.value !== 'spring-boot') {
    warnings.push('pom.xml builds a war, which needs a servlet container; the Dockerfile runs it with java -jar, which only works for an executable war.');
  }
  if (framework?.value === 'spring-boot' && !findPlugin('org.springframework.boot:spring-boot-maven-plugin')) {
    warnings.push('pom.xml has no spring-boot-maven-plugin, so the jar is not repackaged as an executable Spring Boot jar; add the plugin to <build><plugins>.');
  }

  const finalName = props.resolve(str(asXml(pom.build)?.finalName) ?? '${project.artifactId}-${project.version}');
  const extension = packaging === 'war' ? 'war' : 'jar';
  const hasWrapper = project.isFile('mvnw') && project.isFile('.mvn/wrapper/maven-wrapper.properties');
  if (project.isFile('mvnw') && !hasWrapper) {
    warnings.push('mvnw is present without .mvn/wrapper/maven-wrapper.properties, so the wrapper cannot run; the Dockerfile uses Maven from the builder image.');
  }
  return {
    tool: 'maven',
    file: 'pom.xml',
    framework,
    javaVersion,
    toolMaxJava: null,
    dependencies,
    mainClass,
    fatJar: framework?.value === 'spring-boot' || framework?.value === 'micronaut' || shade !== undefined || assemblyFat,
    outputDir: 'target',
    jarBase: finalName,
    jarSuffix,
    extension,
    buildDir: 'target',
    wrapper: hasWrapper ? './mvnw' : null,
    buildFiles: hasWrapper ? ['pom.xml', 'mvnw'] : ['pom.xml'],
    buildDirs: project.isDir('.mvn') ? ['.mvn/'] : [],
    warnings,
  };
}

function parsePom(text: string): Xml {
  const valid = xml().XMLValidator.validate(text);
  if (valid !== true) {
    // The parser's message can list every open tag; the line number is what helps.
    throw new UserError(`pom.xml is not well-formed XML (line ${valid.err.line}): ${shorten(valid.err.msg, 160)} Fix the file and run again.`);
  }
  const parser = new (xml().XMLParser)({
    ignoreAttributes: true,
    parseTagValue: false,
    ignoreDeclaration: true,
    processEntities: true,
    isArray: (name) => LISTS.has(name),
  });
  let doc: Xml;
  try {
    doc = parser.parse(text) as Xml;
  } catch (error) {
    // fast-xml-parser stops at 100 nested elements by default (maxNestedTags), so a hostile
    // 100,000-deep document costs nothing; a real POM is a few levels deep.
    throw new UserError(`pom.xml cannot be read: ${shorten(String((error as Error).message ?? error), 160)}. A Maven POM nests a few elements deep; fix the file and run again.`);
  }
  const project = asXml(doc.project);
  if (!project) throw new UserError('pom.xml has no <project> element; it is not a Maven POM. Fix the file and run again.');
  return project;
}

/** <properties> plus the project's coordinates, with ${...} references resolved. */
class Properties {
  private readonly values = new Map<string, string>();

  constructor(pom: Xml) {
    const parent = asXml(pom.parent);
    const own = asXml(pom.properties) ?? {};
    for (const [key, value] of Object.entries(own)) {
      const text = str(value);
      if (text !== null) this.values.set(key, text);
    }
    const coordinates: Array<[string, string | null]> = [
      ['project.groupId', str(pom.groupId) ?? str(parent?.groupId)],
      ['project.artifactId', str(pom.artifactId)],
      ['project.version', str(pom.version) ?? str(parent?.version)],
      ['project.parent.version', str(parent?.version)],
      ['project.parent.groupId', str(parent?.groupId)],
    ];
    for (const [key, value] of coordinates) {
      if (value !== null) {
        this.values.set(key, value);
        this.values.set(key.replace(/^project\./, 'pom.'), value);
      }
    }
  }

  get(key: string): string | null {
    return this.resolve(this.values.get(key) ?? null);
  }

  /**
   * The value with every ${name} replaced; null when one cannot be (a -D property, a parent's
   * property, a cycle). Each property is resolved once and remembered, so a property used many
   * times costs one expansion. Refused with a message: a chain more than MAX_PROPERTY_DEPTH deep,
   * and a result longer than MAX_RESOLVED_LENGTH (`<a>${b}${b}</a><b>${c}${c}</b>...` doubles at
   * every level, and forty levels of it in a 2 KB pom would otherwise be expanded for ever).
   */
  resolve(value: string | null): string | null {
    if (value === null) return null;
    return this.expand(value, 0, null);
  }

  private readonly resolved = new Map<string, string | null>();
  private readonly resolving = new Set<string>();

  private expand(value: string, depth: number, name: string | null): string | null {
    let unresolved = false;
    // `[^${}]`, not `[^}]`: from every `${` of a value that never closes one, `[^}]+` read the rest.
    const out = value.replace(/\$\{([^${}]+)\}/g, (_, ref: string) => {
      const found = this.property(ref, depth);
      if (found === null) unresolved = true;
      return found ?? '';
    });
    if (unresolved) return null;
    const trimmed = out.trim();
    if (trimmed.length > MAX_RESOLVED_LENGTH) {
      throw new UserError(
        `pom.xml ${name === null ? 'has a value whose properties expand' : `property ${shorten(name, 60)} expands`} to more than ${MAX_RESOLVED_LENGTH} characters: ` +
          'its <properties> refer to each other over and over (a property naming another several times, nested). Versions, names and class names are far shorter; fix the <properties> and run again.',
      );
    }
    return trimmed;
  }

  private property(name: string, depth: number): string | null {
    if (this.resolved.has(name)) return this.resolved.get(name) ?? null;
    const raw = this.values.get(name);
    if (raw === undefined) return null;
    // A cycle (a refers to b, b to a) cannot be resolved, wherever it is entered; every property
    // on it reaches itself, so remembering null for each is right.
    if (this.resolving.has(name)) return null;
    if (depth >= MAX_PROPERTY_DEPTH) {
      throw new UserError(
        `pom.xml property ${shorten(name, 60)} is reached through more than ${MAX_PROPERTY_DEPTH} other properties (\${a} naming \${b} naming \${c}...). ` +
          'Maven poms chain two or three; shorten the chain in <properties> and run again.',
      );
    }
    this.resolving.add(name);
    const value = this.expand(raw, depth + 1, name);
    this.resolving.delete(name);
    this.resolved.set(name, value);
    return value;
  }
}

function findMainClass(props: Properties, jarPlugin: Xml | undefined, shade: Xml | undefined, assembly: Xml | undefined): BuildInfo['mainClass'] {
  const manifest = asXml(asXml(asXml(asXml(jarPlugin?.configuration)?.archive)?.manifest));
  const fromJar = props.resolve(str(manifest?.mainClass));
  if (fromJar) return { value: fromJar, inManifest: true, source: 'pom.xml maven-jar-plugin manifest mainClass' };
  for (const execution of list(asXml(shade?.executions)?.execution).map(asXml).filter(isXml)) {
    for (const transformer of list(asXml(asXml(execution.configuration)?.transformers)?.transformer).map(asXml).filter(isXml)) {
      const main = props.resolve(str(transformer.mainClass));
      if (main) return { value: main, inManifest: true, source: 'pom.xml maven-shade-plugin ManifestResourceTransformer' };
    }
  }
  const assemblyManifest = asXml(asXml(asXml(assembly?.configuration)?.archive)?.manifest);
  const fromAssembly = props.resolve(str(assemblyManifest?.mainClass));
  if (fromAssembly) return { value: fromAssembly, inManifest: true, source: 'pom.xml maven-assembly-plugin manifest mainClass' };
  for (const key of ['start-class', 'exec.mainClass', 'main.class', 'mainClass']) {
    const value = props.get(key);
    if (value) return { value, inManifest: false, source: `pom.xml property ${key}` };
  }
  return null;
}

function firstVersion(candidates: Array<[string, string | null]>): BuildInfo['javaVersion'] {
  for (const [where, value] of candidates) {
    const major = value === null ? null : javaMajor(value);
    if (major) return { value: major, source: `pom.xml ${where}`, minimum: true };
  }
  return null;
}

function defaultFromBootParent(bootVersion: string | null): BuildInfo['javaVersion'] {
  const major = springBootParentJavaVersion(bootVersion);
  return major ? { value: major, source: `spring-boot-starter-parent ${bootVersion} default java.version`, minimum: true } : null;
}

function asXml(value: unknown): Xml | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Xml) : undefined;
}

function isXml(value: Xml | undefined): value is Xml {
  return value !== undefined;
}

function list(value: unknown): unknown[] {
  if (value === undefined || value === null || value === '') return [];
  return Array.isArray(value) ? value : [value];
}

function str(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number') return String(value);
  return null;
}
