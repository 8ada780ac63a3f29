import { describe, expect, it } from 'vitest';
import { detectJava } from '../detect.js';
import type { JavaFacts } from '../types.js';
import { chooseBase } from '../../../plan/choose-base.js';
import { assessJava, javaView, withArg } from '../plan.js';
import { BASE_KINDS } from '../../../types.js';
import { javaProject, pom, TODAY } from './fixture-helper.js';

const RELEASE = (v: string) => `<properties><maven.compiler.release>${v}</maven.compiler.release></properties>`;
const JAR_PLUGIN = '<build><plugins><plugin><artifactId>maven-jar-plugin</artifactId><configuration><archive><manifest><mainClass>com.example.Main</mainClass></manifest></archive></configuration></plugin></plugins></build>';

function mavenFacts(inner: string, extra: Record<string, string> = {}): JavaFacts {
  return detectJava(javaProject({ 'pom.xml': pom(inner), ...extra }), {});
}

describe('assessJava', () => {
  it('returns the four kinds in order, and never scratch', () => {
    const options = assessJava(mavenFacts(RELEASE('21')), TODAY);
    expect(options.map((o) => o.kind)).toEqual([...BASE_KINDS]);
    expect(options[0]).toMatchObject({ possible: false });
    expect(options[0]!.why).toMatch(/JVM/);
  });

  it.each(['17', '21', '25'])('puts Java %s on its distroless image with the matching builder', (version) => {
    const distroless = assessJava(mavenFacts(RELEASE(version), { '.java-version': `${version}\n` }), TODAY)[1]!;
    expect(distroless).toMatchObject({
      possible: true,
      runtimeVersion: version,
      builderImage: `maven:3-eclipse-temurin-${version}`,
      runtimeImage: `gcr.io/distroless/java${version}-debian13:nonroot`,
    });
  });

  it('builds on the newest LTS when the project names no version', () => {
    const options = assessJava(mavenFacts(''), TODAY);
    expect(options[1]).toMatchObject({ possible: true, runtimeVersion: '25' });
    expect(options[1]!.why).toMatch(/names no Java version/);
  });

  it('keeps a pinned Java 11 (no distroless image): alpine on request, slim otherwise', () => {
    const options = assessJava(mavenFacts(RELEASE('11'), { '.java-version': '11\n' }), TODAY);
    expect(options[1]).toMatchObject({ possible: false });
    expect(options[1]!.why).toMatch(/17, 21, 25 only/);
    expect(options[2]).toMatchObject({ possible: true, onRequestOnly: true, runtimeImage: 'eclipse-temurin:11-jre-alpine' });
    expect(options[3]).toMatchObject({ possible: true, runtimeVersion: '11', runtimeImage: 'eclipse-temurin:11-jre' });
  });

  it('takes a release level as a minimum: the newest LTS on distroless', () => {
    const options = assessJava(mavenFacts(RELEASE('11')), TODAY);
    expect(options[1]).toMatchObject({ possible: true, runtimeVersion: '25', runtimeImage: 'gcr.io/distroless/java25-debian13:nonroot' });
    expect(options[1]!.why).toMatch(/>=11 from pom.xml maven.compiler.release 11 \(a minimum\)/);
  });

  it('caps a minimum at what the framework line and the Gradle wrapper run on, and says so', () => {
    const boot = (version: string, extra: Record<string, string> = {}) => detectJava(javaProject({
      'build.gradle': `plugins { id 'org.springframework.boot' version '${version}' }\nsourceCompatibility = '11'\n`, ...extra,
    }), {});
    const options = assessJava(boot('2.6.3'), TODAY);
    expect(options[1]).toMatchObject({ possible: true, runtimeVersion: '17' });
    expect(options[1]!.why).toMatch(/capped at 17: Spring Boot 2.6.3 runs on Java 8-17/);
    expect(assessJava(boot('2.7.18'), TODAY)[1]).toMatchObject({ runtimeVersion: '21' });
    const wrapper = {
      gradlew: '#!/bin/sh\n', 'gradle/wrapper/gradle-wrapper.jar': 'x',
      'gradle/wrapper/gradle-wrapper.properties': 'distributionUrl=https\\://services.gradle.org/distributions/gradle-7.4-bin.zip\n',
    };
    const capped = assessJava(boot('2.7.18', wrapper), TODAY)[1]!;
    expect(capped).toMatchObject({ runtimeVersion: '17' });
    expect(capped.why).toMatch(/the Gradle 7.4 wrapper \(gradle-wrapper.properties\) runs on Java up to 17/);
    // Spring Boot 2.3 runs on Java 11 at most: no distroless image, so slim with 11.
    expect(assessJava(boot('2.3.1.RELEASE'), TODAY)[3]).toMatchObject({ runtimeVersion: '11' });
  });

  it('offers alpine only on request, and says so', () => {
    const options = assessJava(mavenFacts(RELEASE('21'), { '.java-version': '21\n' }), TODAY);
    expect(options[2]).toMatchObject({ kind: 'alpine', possible: true, onRequestOnly: true, runtimeImage: 'eclipse-temurin:21-jre-alpine' });
    expect(options[2]!.why).toMatch(/skipped in auto mode: distroless is smaller\/safer; pass --base alpine for a Temurin JRE on Alpine/);
    expect(chooseBase(options, 'auto').base).toBe('distroless');
    expect(chooseBase(options, 'alpine').runtimeImage).toBe('docker.io/library/eclipse-temurin:21-jre-alpine');
  });

  it('rules out alpine for a glibc-only native library', () => {
    const facts = mavenFacts(`${RELEASE('21')}<dependencies><dependency><groupId>org.rocksdb</groupId><artifactId>rocksdbjni</artifactId><version>9.0.0</version></dependency></dependencies>`);
    const alpine = assessJava(facts, TODAY)[2]!;
    expect(alpine.possible).toBe(false);
    expect(alpine.why).toMatch(/org\.rocksdb:rocksdbjni.*musl/);
  });

  it('rules out distroless when the start command needs a shell', () => {
    const facts = mavenFacts(RELEASE('21'));
    const shell: JavaFacts = { ...facts, start: { value: { kind: 'shell', command: 'java -jar app.jar | tee log' }, source: '--cmd' } };
    expect(assessJava(shell, TODAY)[1]).toMatchObject({ possible: false });
    expect(() => chooseBase(assessJava(shell, TODAY), 'distroless')).toThrow(/needs a shell/);
  });

  it('says when a pinned release is past Temurin support', () => {
    const slim = assessJava(mavenFacts(RELEASE('24'), { '.java-version': '24\n' }), TODAY)[3]!;
    expect(slim).toMatchObject({ possible: true, runtimeVersion: '24' });
    expect(slim.why).toMatch(/support ended 2025-09-16, consider Java 25/);
  });

  it('uses the wrapper on a Temurin JDK, and gradle:jdk<v> without one', () => {
    const wrapped = mavenFacts(RELEASE('21'), { mvnw: '#!/bin/sh\n', '.mvn/wrapper/maven-wrapper.properties': 'x=1\n', '.java-version': '21\n' });
    expect(assessJava(wrapped, TODAY)[1]!.builderImage).toBe('eclipse-temurin:21-jdk');
    const gradle = detectJava(javaProject({ 'build.gradle': 'java { toolchain { languageVersion = JavaLanguageVersion.of(17) } }\n' }), {});
    expect(assessJava(gradle, TODAY)[1]!.builderImage).toBe('gradle:jdk17');
  });
});

describe('withArg', () => {
  it.each([
    ['maven:3-eclipse-temurin-21', 'maven:3-eclipse-temurin-${JAVA_VERSION}'],
    ['gradle:jdk21', 'gradle:jdk${JAVA_VERSION}'],
    ['eclipse-temurin:21-jre-alpine', 'eclipse-temurin:${JAVA_VERSION}-jre-alpine'],
    ['gcr.io/distroless/java21-debian13:nonroot', 'gcr.io/distroless/java${JAVA_VERSION}-debian13:nonroot'],
  ])('puts the ARG into %s', (image, expected) => {
    expect(withArg(image, '21')).toBe(expected);
  });
});

describe('javaView', () => {
  const plan = (facts: JavaFacts, base: 'auto' | 'slim' | 'alpine' = 'auto') => chooseBase(assessJava(facts, TODAY), base);

  it('gives distroless only the jar in CMD, since its entrypoint is java -jar', () => {
    const facts = mavenFacts(RELEASE('21') + JAR_PLUGIN);
    const view = javaView(facts, plan(facts));
    expect(view.entrypoint).toBeNull();
    expect(view.cmd).toEqual(['app.jar']);
    expect(view.copies).toEqual([{ source: '/out/app.jar', target: './app.jar' }]);
    expect(view.user).toBe('65532:65532');
    expect(view.javaToolOptions).toBe('-XX:MaxRAMPercentage=75');
  });

  it('replaces the distroless entrypoint with the absolute java path for a launcher class', () => {
    const facts = mavenFacts('<parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent</artifactId><version>3.2.5</version></parent>' +
      '<build><plugins><plugin><groupId>org.springframework.boot</groupId><artifactId>spring-boot-maven-plugin</artifactId></plugin></plugins></build>');
    const view = javaView(facts, plan(facts));
    expect(view.entrypoint).toEqual(['/usr/bin/java', 'org.springframework.boot.loader.launch.JarLauncher']);
    expect(view.cmd).toBeNull();
    expect(view.springBoot).toEqual({ tools: false, layertools: true });
    expect(view.copies.map((c) => c.source)).toEqual([
      '/out/layers/dependencies/', '/out/layers/spring-boot-loader/', '/out/layers/snapshot-dependencies/', '/out/layers/application/',
    ]);
  });

  it('keeps the Temurin entrypoint on slim and alpine and puts the whole command in CMD', () => {
    const facts = mavenFacts(RELEASE('21') + JAR_PLUGIN);
    for (const base of ['slim', 'alpine'] as const) {
      const view = javaView(facts, plan(facts, base));
      expect(view.entrypoint).toBeNull();
      expect(view.cmd).toEqual(['java', '-jar', 'app.jar']);
    }
  });

  it('runs a shell command through /bin/sh on slim', () => {
    const facts = mavenFacts(RELEASE('21'));
    const shell: JavaFacts = { ...facts, start: { value: { kind: 'shell', command: 'java -jar app.jar > /tmp/log' }, source: '--cmd' } };
    const view = javaView(shell, plan(shell, 'slim'));
    expect(view.cmd).toEqual(['/bin/sh', '-c', 'java -jar app.jar > /tmp/log']);
  });

  it('runs the wrapper with sh, so a missing executable bit does not matter', () => {
    const facts = mavenFacts(RELEASE('21'), { mvnw: '#!/bin/sh\n', '.mvn/wrapper/maven-wrapper.properties': 'x=1\n' });
    const view = javaView(facts, plan(facts));
    expect(view.resolveCommand).toEqual(['sh', './mvnw', '-B', 'dependency:go-offline']);
    expect(view.buildCommand).toEqual(['sh', './mvnw', '-B', '-DskipTests', 'package']);
    expect(view.cacheDir).toBe('/root/.m2');
  });

  it('copies the Quarkus fast-jar folders', () => {
    const facts = mavenFacts(`${RELEASE('21')}<build><plugins><plugin><groupId>io.quarkus</groupId><artifactId>quarkus-maven-plugin</artifactId></plugin></plugins></build>`);
    const view = javaView(facts, plan(facts));
    expect(view.stageJar).toBe(false);
    expect(view.cmd).toEqual(['quarkus-run.jar']);
    expect(view.copies.map((c) => c.target)).toEqual(['./lib/', './', './app/', './quarkus/']);
  });
});
