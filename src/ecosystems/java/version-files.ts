// Files where developers pin their JDK, outside the build: jenv's .java-version, SDKMAN's
// .sdkmanrc, asdf's .tool-versions. They name the JDK the project is developed with, so they win
// over the build file's bytecode target.
import type { Project } from '../../project.js';
import { javaMajor } from './knowledge/versions.js';

export function pinnedJavaVersion(project: Project): { value: string; source: string } | null {
  const javaVersion = project.readText('.java-version');
  if (javaVersion !== null) {
    const first = javaVersion.split(/\r?\n/).map((l) => l.trim()).find((l) => l !== '' && !l.startsWith('#'));
    const major = first ? javaMajor(first) : null;
    if (major) return { value: major, source: '.java-version' };
  }
  const sdkman = project.readText('.sdkmanrc');
  if (sdkman !== null) {
    const line = /^[ \t]*java[ \t]*=[ \t]*(\S+)/m.exec(sdkman);
    const major = line ? javaMajor(line[1]!) : null;
    if (major) return { value: major, source: '.sdkmanrc java' };
  }
  const asdf = project.readText('.tool-versions');
  if (asdf !== null) {
    const line = /^[ \t]*java[ \t]+(\S+)/m.exec(asdf);
    const major = line ? javaMajor(line[1]!) : null;
    if (major) return { value: major, source: '.tool-versions java' };
  }
  return null;
}
