import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectJava, recognizesJava } from '../detect.js';
import { UserError } from '../../../errors.js';
import { Project } from '../../../project.js';
import { javaProject, MAIN_JAVA, pom } from './fixture-helper.js';

const fixture = (name: string) => detectJava(new Project(fileURLToPath(new URL(`../../../../test/fixtures/${name}`, import.meta.url))), {});

describe('recognizesJava', () => {
  it('recognises Maven, Gradle and plain sources with a main method', () => {
    expect(recognizesJava(javaProject({ 'pom.xml': pom('') }))).toBe(true);
    expect(recognizesJava(javaProject({ 'settings.gradle.kts': 'rootProject.name = "x"\n' }))).toBe(true);
    expect(recognizesJava(javaProject({ 'src/com/example/Main.java': MAIN_JAVA }))).toBe(true);
  });

  it('does not take Java files without a main method for a project', () => {
    expect(recognizesJava(javaProject({ 'src/Util.java': 'class Util {}\n', 'package.json': '{}' }))).toBe(false);
    expect(recognizesJava(javaProject({ 'README.md': '# hi\n' }))).toBe(false);
  });
});

describe('Maven', () => {
  it('resolves ${property} references in coordinates, versions and finalName', () => {
    const facts = detectJava(javaProject({
      'pom.xml': pom(
        '<properties><revision>2.1.0</revision><rel>21</rel><maven.compiler.release>${rel}</maven.compiler.release></properties>' +
          '<build><finalName>${project.artifactId}-svc-${project.version}</finalName></build>',
        '<groupId>g</groupId><artifactId>shop</artifactId><version>${revision}</version>',
      ),
    }), {});
    expect(facts.jar).toBe('target/shop-svc-2.1.0.jar');
    expect(facts.javaVersion).toEqual({ value: '21', source: 'pom.xml maven.compiler.release' });
    // A release level is a minimum: newer JREs run the bytecode.
    expect(facts.runtime).toEqual({ constraint: '>=21', pinned: false, source: 'pom.xml maven.compiler.release 21 (a minimum)' });
  });

  it('leaves the jar unknown (with a warning) when a -D property decides its name', () => {
    const facts = detectJava(javaProject({ 'pom.xml': pom('', '<groupId>g</groupId><artifactId>shop</artifactId><version>${revision}</version>') }), {});
    expect(facts.jar).toBeNull();
    expect(facts.warnings.join(' ')).toMatch(/picks the one runnable jar in target/);
  });

  it('takes Spring Boot and its version from the parent, and its default Java from it', () => {
    const facts = detectJava(javaProject({
      'pom.xml': pom('<parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent</artifactId><version>3.3.4</version></parent>' +
        '<build><plugins><plugin><groupId>org.springframework.boot</groupId><artifactId>spring-boot-maven-plugin</artifactId></plugin></plugins></build>'),
    }), {});
    expect(facts.framework.value).toBe('spring-boot');
    expect(facts.frameworkVersion).toBe('3.3.4');
    expect(facts.javaVersion.value).toBe('17');
    expect(facts.javaVersion.source).toMatch(/spring-boot-starter-parent 3.3.4 default/);
    expect(facts.artifact).toEqual({ kind: 'spring-boot', extract: 'tools', launcher: null });
    expect(facts.port).toEqual({ value: 8080, source: 'spring-boot default' });
    expect(facts.warnings).toEqual([]);
  });

  it('warns when a Spring Boot build lacks the repackaging plugin', () => {
    const facts = detectJava(javaProject({
      'pom.xml': pom('<parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent</artifactId><version>3.4.0</version></parent>'),
    }), {});
    expect(facts.warnings.join(' ')).toMatch(/no spring-boot-maven-plugin/);
  });

  it('finds Quarkus from a BOM whose coordinates are properties', () => {
    const facts = fixture('java-quarkus');
    expect(facts.framework).toEqual({ value: 'quarkus', source: 'pom.xml <dependencyManagement> io.quarkus.platform:quarkus-bom' });
    expect(facts.frameworkVersion).toBe('3.24.4');
    expect(facts.artifact).toEqual({ kind: 'quarkus', dir: 'target/quarkus-app' });
    // %prod. wins over the plain key: production is what the image runs.
    expect(facts.port).toEqual({ value: 8082, source: 'src/main/resources/application.properties quarkus.http.port' });
    expect(facts.jvmOptions).toEqual(['-Djava.util.logging.manager=org.jboss.logmanager.LogManager']);
  });

  it('turns a Quarkus uber-jar setting into a runnable -runner jar', () => {
    const facts = detectJava(javaProject({
      'pom.xml': pom('<build><plugins><plugin><groupId>io.quarkus</groupId><artifactId>quarkus-maven-plugin</artifactId><version>3.8.1</version></plugin></plugins></build>'),
      'src/main/resources/application.properties': 'quarkus.package.jar.type=uber-jar\n',
    }), {});
    expect(facts.artifact).toEqual({ kind: 'jar' });
    expect(facts.jar).toBe('target/demo-1.0.0-runner.jar');
  });

  it('reads Micronaut from its parent and the jdk.version property it generates', () => {
    const facts = detectJava(javaProject({
      'pom.xml': pom('<parent><groupId>io.micronaut.platform</groupId><artifactId>micronaut-parent</artifactId><version>4.7.6</version></parent>' +
        '<properties><jdk.version>21</jdk.version><exec.mainClass>com.example.Application</exec.mainClass></properties>'),
    }), {});
    expect(facts.framework.value).toBe('micronaut');
    expect(facts.javaVersion.value).toBe('21');
    expect(facts.mainClass.value).toBe('com.example.Application');
    // The Micronaut parent shades the jar with its main class, so -jar works.
    expect(facts.start.value).toEqual({ kind: 'exec', argv: ['java', '-jar', 'app.jar'] });
  });

  it('runs a plain jar by class name when the manifest names no Main-Class', () => {
    const facts = detectJava(javaProject({ 'pom.xml': pom('<properties><exec.mainClass>com.example.Main</exec.mainClass></properties>') }), {});
    expect(facts.start.value).toEqual({ kind: 'exec', argv: ['java', '-cp', 'app.jar', 'com.example.Main'] });
  });

  it('warns that a plain jar with dependencies and no fat-jar plugin will miss them', () => {
    const facts = detectJava(javaProject({
      'pom.xml': pom('<dependencies><dependency><groupId>com.google.guava</groupId><artifactId>guava</artifactId><version>33.0.0-jre</version></dependency>' +
        '<dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId><scope>test</scope></dependency></dependencies>'),
    }), {});
    expect(facts.warnings.join(' ')).toMatch(/no fat-jar plugin/);
  });

  it('lists native dependencies with the file they came from, ignoring test scope', () => {
    const facts = detectJava(javaProject({
      'pom.xml': pom('<dependencies>' +
        '<dependency><groupId>io.netty</groupId><artifactId>netty-tcnative-boringssl-static</artifactId><version>2.0.70.Final</version></dependency>' +
        '<dependency><groupId>org.rocksdb</groupId><artifactId>rocksdbjni</artifactId><version>9.0.0</version><scope>test</scope></dependency>' +
        '</dependencies>'),
    }), {});
    expect(facts.nativeDependencies.map((d) => [d.name, d.version, d.glibcOnly, d.source])).toEqual([
      ['io.netty:netty-tcnative-boringssl-static', '2.0.70.Final', true, 'pom.xml'],
    ]);
  });

  it('uses the Maven wrapper only when its properties file is there', () => {
    const withWrapper = detectJava(javaProject({ 'pom.xml': pom(''), mvnw: '#!/bin/sh\n', '.mvn/wrapper/maven-wrapper.properties': 'distributionUrl=x\n' }), {});
    expect(withWrapper.wrapper).toBe('./mvnw');
    expect(withWrapper.buildFiles).toEqual(['pom.xml', 'mvnw']);
    expect(withWrapper.buildDirs).toEqual(['.mvn/']);
    const broken = detectJava(javaProject({ 'pom.xml': pom(''), mvnw: '#!/bin/sh\n' }), {});
    expect(broken.wrapper).toBeNull();
    expect(broken.warnings.join(' ')).toMatch(/mvnw is present without/);
  });

  it('names the line of a malformed pom.xml', () => {
    const project = javaProject({ 'pom.xml': '<project>\n  <artifactId>x</artifactId>\n  <version>1</oops>\n</project>\n' });
    expect(() => detectJava(project, {})).toThrow(UserError);
    expect(() => detectJava(project, {})).toThrow(/pom\.xml is not well-formed XML \(line 3\)/);
  });
});

describe('Gradle', () => {
  it('reads the Kotlin DSL: plugin version, toolchain, rootProject.name and version', () => {
    const facts = fixture('java-gradle-spring-boot-kts');
    expect(facts.packageManager.value).toBe('gradle');
    expect(facts.framework.value).toBe('spring-boot');
    expect(facts.frameworkVersion).toBe('3.5.3');
    expect(facts.javaVersion).toEqual({ value: '21', source: 'build.gradle.kts toolchain languageVersion' });
    expect(facts.jar).toBe('build/libs/orders-1.2.0.jar');
    expect(facts.buildFiles).toEqual(['settings.gradle.kts', 'build.gradle.kts']);
    // ${PORT:9090} has a default; the dev profile's port does not count.
    expect(facts.port).toEqual({ value: 9090, source: 'src/main/resources/application.yml server.port' });
  });

  it('reads Micronaut with Shadow (an -all jar) and ignores commented-out dependencies', () => {
    const facts = fixture('java-micronaut-gradle');
    expect(facts.framework.value).toBe('micronaut');
    expect(facts.javaVersion.value).toBe('21');
    expect(facts.jar).toBe('build/libs/catalog-0.1-all.jar');
    expect(facts.nativeDependencies.map((d) => d.name)).toEqual(['org.xerial:sqlite-jdbc']);
    expect(facts.port.value).toBe(8085);
  });

  it('finds plugins and libraries through the version catalog', () => {
    const facts = detectJava(javaProject({
      'build.gradle': 'plugins {\n  alias(libs.plugins.spring.boot)\n}\ndependencies {\n  implementation libs.rocksdb\n}\njava { sourceCompatibility = JavaVersion.VERSION_17 }\n',
      'gradle/libs.versions.toml': '[versions]\nboot = "3.1.5"\n[plugins]\nspring-boot = { id = "org.springframework.boot", version.ref = "boot" }\n[libraries]\nrocksdb = "org.rocksdb:rocksdbjni:8.0.0"\n',
    }), {});
    expect(facts.framework.value).toBe('spring-boot');
    expect(facts.frameworkVersion).toBe('3.1.5');
    expect(facts.artifact).toEqual({ kind: 'spring-boot', extract: 'layertools', launcher: 'org.springframework.boot.loader.JarLauncher' });
    expect(facts.javaVersion.value).toBe('17');
    expect(facts.nativeDependencies.map((d) => [d.name, d.version])).toEqual([['org.rocksdb:rocksdbjni', '8.0.0']]);
    // No rootProject.name: Gradle names the jar after the folder, which is the builder's /app.
    expect(facts.jar).toBe('build/libs/app.jar');
  });

  it('leaves the jar name to the build when an archive setting or computed version changes it', () => {
    const custom = detectJava(javaProject({ 'build.gradle': "plugins { id 'java' }\njar { archiveFileName = 'x.jar' }\n" }), {});
    expect(custom.jar).toBeNull();
    const computed = detectJava(javaProject({ 'build.gradle': "plugins { id 'java' }\nversion = gitVersion()\n" }), {});
    expect(computed.jar).toBeNull();
  });

  it('uses gradlew only with its wrapper jar and properties', () => {
    const files = { 'build.gradle': "plugins { id 'java' }\n", gradlew: '#!/bin/sh\n', 'gradle/wrapper/gradle-wrapper.properties': 'x=1\n' };
    expect(detectJava(javaProject(files), {}).wrapper).toBeNull();
    const full = detectJava(javaProject({ ...files, 'gradle/wrapper/gradle-wrapper.jar': 'jar' }), {});
    expect(full.wrapper).toBe('./gradlew');
    expect(full.buildFiles).toEqual(['build.gradle', 'gradlew']);
    expect(full.buildDirs).toEqual(['gradle/']);
  });

  it.each([
    ['kotlin { jvmToolchain(17) }', '17'],
    ['java { toolchain { languageVersion.set(JavaLanguageVersion.of(21)) } }', '21'],
    ["sourceCompatibility = '1.8'", '8'],
    ['java { sourceCompatibility = JavaVersion.toVersion("21") }', '21'],
    ['tasks.withType(JavaCompile) { options.release = 11 }', '11'],
  ])('reads the Java version from %s', (line, major) => {
    expect(detectJava(javaProject({ 'build.gradle': `${line}\n` }), {}).javaVersion.value).toBe(major);
  });
});

describe('version files', () => {
  it('prefer .java-version, then .sdkmanrc, then .tool-versions over the build', () => {
    const base = { 'pom.xml': pom('<properties><maven.compiler.release>17</maven.compiler.release></properties>') };
    expect(detectJava(javaProject({ ...base, '.tool-versions': 'nodejs 22.1.0\njava temurin-25.0.1+8\n' }), {}).javaVersion)
      .toEqual({ value: '25', source: '.tool-versions java' });
    expect(detectJava(javaProject({ ...base, '.sdkmanrc': 'java=21.0.5-tem\n', '.tool-versions': 'java temurin-25\n' }), {}).javaVersion.value).toBe('21');
    expect(detectJava(javaProject({ ...base, '.java-version': '11\n', '.sdkmanrc': 'java=21.0.5-tem\n' }), {}).javaVersion.value).toBe('11');
    expect(detectJava(javaProject(base), {}).javaVersion.value).toBe('17');
  });
});

describe('plain javac projects', () => {
  it('compiles sources without a build tool, finding the main class and the port', () => {
    const facts = fixture('java-javac-http');
    expect(facts.packageManager).toEqual({ value: 'javac', source: 'no pom.xml or build.gradle: Java sources compiled with javac' });
    expect(facts.artifact).toEqual({ kind: 'javac', sourceRoot: 'src/main/java', resources: 'src/main/resources' });
    expect(facts.mainClass.value).toBe('com.example.hello.Main');
    expect(facts.port).toEqual({ value: 8080, source: 'src/main/java/com/example/hello/Main.java' });
    expect(facts.javaVersion).toEqual({ value: '21', source: '.java-version' });
  });

  it('prefers a file named Main and warns when several classes have main', () => {
    const facts = detectJava(javaProject({
      'src/Tool.java': 'public class Tool { public static void main(String[] a) {} }\n',
      'src/Main.java': 'public class Main { public static void main(String[] a) {} }\n',
    }), {});
    expect(facts.mainClass.value).toBe('Main');
    expect(facts.artifact).toEqual({ kind: 'javac', sourceRoot: 'src', resources: null });
    expect(facts.warnings.join(' ')).toMatch(/Several classes have a main method \(Main, Tool\)/);
  });

  it('refuses when no class has a main method', () => {
    expect(() => detectJava(javaProject({ 'src/Util.java': 'class Util {}\n' }), {})).toThrow(/No class with a main method/);
  });
});

describe('--package-manager', () => {
  it('must name a Java build tool whose file exists', () => {
    expect(() => detectJava(javaProject({ 'pom.xml': pom('') }), { packageManager: 'npm' })).toThrow(/not a Java build tool/);
    expect(() => detectJava(javaProject({ 'pom.xml': pom('') }), { packageManager: 'gradle' })).toThrow(/no build.gradle.kts or build.gradle/);
  });

  it('chooses Maven when both builds exist, and Gradle when asked', () => {
    const files = { 'pom.xml': pom(''), 'build.gradle': "plugins { id 'java' }\n" };
    expect(detectJava(javaProject(files), {}).warnings.join(' ')).toMatch(/Both pom.xml and a Gradle build/);
    expect(detectJava(javaProject(files), { packageManager: 'gradle' }).packageManager).toEqual({ value: 'gradle', source: '--package-manager' });
  });
});

describe('Maven reactors with several application modules', () => {
  const BOOT_PLUGIN = '<build><plugins><plugin><groupId>org.springframework.boot</groupId><artifactId>spring-boot-maven-plugin</artifactId></plugin></plugins></build>';
  const APP = (pkg: string) => `package ${pkg};\npublic class App { public static void main(String[] a) {} }\n`;
  const reactor = (modules: string[], extra: Record<string, string> = {}) => javaProject({
    'pom.xml': pom(`<packaging>pom</packaging><properties><java.version>17</java.version></properties><modules>${modules.map((m) => `<module>${m}</module>`).join('')}</modules>`),
    'common/pom.xml': pom('', '<artifactId>common</artifactId><version>1.0.0</version>'),
    'orders-service/pom.xml': pom(BOOT_PLUGIN, '<artifactId>orders-service</artifactId><version>1.0.0</version>'),
    'orders-service/src/main/java/o/App.java': APP('o'),
    'billing-service/pom.xml': pom(BOOT_PLUGIN, '<artifactId>billing-service</artifactId><version>1.0.0</version>'),
    'billing-service/src/main/java/b/App.java': APP('b'),
    ...extra,
  });

  it('refuses to pick one of several equal services, naming the modules and --main', () => {
    expect(() => detectJava(reactor(['common', 'orders-service', 'billing-service']), {}))
      .toThrow(/several applications: orders-service, billing-service\. Pass --main with the module/);
  });

  it('builds the module --main names (or the only application module) from the root with -pl', () => {
    const facts = detectJava(reactor(['common', 'orders-service', 'billing-service']), { main: 'billing-service' });
    expect(facts.module).toEqual({ value: 'billing-service', source: '--main billing-service' });
    expect(facts.jar).toBe('billing-service/target/billing-service-1.0.0.jar');
    expect(facts.javaVersion).toEqual({ value: '17', source: 'pom.xml java.version' });
    const only = detectJava(reactor(['common', 'orders-service']), {});
    expect(only.module?.value).toBe('orders-service');
  });
});

describe('Spring profiles the default configuration activates', () => {
  const BOOT = pom('<parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent</artifactId><version>3.4.1</version></parent>');

  it('takes the port of the active profile, which overrides application.properties', () => {
    const facts = detectJava(javaProject({
      'pom.xml': BOOT,
      'src/main/resources/application.properties': 'spring.profiles.active=prod\nserver.port=8080\n',
      'src/main/resources/application-prod.yml': 'server:\n  port: ${PORT:9966}\n',
      'src/main/resources/application-dev.properties': 'server.port=1234\n',
    }), {});
    expect(facts.port).toEqual({ value: 9966, source: 'src/main/resources/application-prod.yml server.port' });
  });

  it('keeps the default file when the active profile is set from outside (a placeholder)', () => {
    const facts = detectJava(javaProject({
      'pom.xml': BOOT,
      'src/main/resources/application.properties': 'spring.profiles.active=${SPRING_PROFILES:dev}\nserver.port=8081\n',
      'src/main/resources/application-dev.properties': 'server.port=1234\n',
    }), {});
    expect(facts.port.value).toBe(8081);
  });
});
