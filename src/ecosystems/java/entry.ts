// Java before its code is loaded (src/ecosystems/index.ts): a Maven or Gradle build marks it, and so
// may plain sources (a src folder, or .java files at the root); recognizes() looks for a main method.
import type { EcosystemMarks } from '../../ecosystem.js';

export const MAVEN_FILES = ['pom.xml'];
export const GRADLE_FILES = ['build.gradle.kts', 'build.gradle', 'settings.gradle.kts', 'settings.gradle'];

const BUILD_FILES = [...MAVEN_FILES, ...GRADLE_FILES];

export const javaMarks: EcosystemMarks = {
  language: 'java',
  markers: [...BUILD_FILES, '*.java with a main method'],
  mayBe: (project) => BUILD_FILES.some((file) => project.isFile(file)) || project.isDir('src') || project.list('.').some((name) => name.endsWith('.java')),
};
