// Java sources: the class with `main` and a port a plain HTTP server binds, for projects whose
// build does not say (plain javac projects, plain jars without a manifest entry).
import type { Project } from '../../project.js';
import type { Fact, PortSetting } from '../../types.js';
import { envSetting, lineOf } from '../../detect/port.js';

/** Where sources live, most conventional first. */
const SOURCE_ROOTS = ['src/main/java', 'src', '.'];

export interface MainClass {
  className: string;
  file: string;
}

/** Java files under the first source root that has any (bounded search). */
export function javaSources(project: Project): { root: string; files: string[] } | null {
  for (const root of SOURCE_ROOTS) {
    const files = project.find({ extensions: ['.java'], under: [root], maxDepth: root === '.' ? 0 : 8, maxFiles: 400 });
    if (files.length > 0) return { root, files };
  }
  return null;
}

/**
 * Classes that declare `static void main(`; a file named Main/Application/App comes first, then
 * in path order, so the choice is stable.
 */
export function findMainClasses(project: Project, files: string[]): MainClass[] {
  const found: MainClass[] = [];
  for (const file of files) {
    const text = project.readText(file);
    if (text === null || !/\bstatic\s+void\s+main\s*\(/.test(text)) continue;
    const pkg = /^[ \t]*package\s+([\w.]+)\s*;/m.exec(text)?.[1];
    const name = file.slice(file.lastIndexOf('/') + 1, -'.java'.length);
    found.push({ className: pkg ? `${pkg}.${name}` : name, file });
  }
  const preferred = (m: MainClass) => (/\/(Main|Application|App)\.java$|^(Main|Application|App)\.java$/.test(m.file) ? 0 : 1);
  return found.sort((a, b) => preferred(a) - preferred(b) || a.file.localeCompare(b.file));
}

/**
 * A port in the sources: `new InetSocketAddress(8080)`, `new InetSocketAddress("0.0.0.0", 8080)`,
 * or a PORT environment variable with a literal default (`getOrDefault("PORT", "8080")`), with how
 * the app is told another one: the PORT variable, or nothing (a literal, at file:line).
 */
export function sourcePort(project: Project, files: string[]): { port: Fact<number | null>; setting: PortSetting } | undefined {
  const patterns = [
    /getOrDefault\(\s*"PORT"\s*,\s*"(\d{1,5})"\s*\)/,
    /new\s+InetSocketAddress\(\s*(?:"[^"]*"\s*,\s*)?(\d{1,5})\s*\)/,
    /\bPORT\s*=\s*(\d{1,5})\s*;/,
  ];
  for (const file of files) {
    const text = project.readText(file);
    if (text === null) continue;
    for (const [index, pattern] of patterns.entries()) {
      const match = pattern.exec(text);
      const port = match ? Number(match[1]) : NaN;
      if (!(match && port >= 1 && port <= 65535)) continue;
      const at = lineOf(file, text, match.index);
      const setting: PortSetting = index === 0 ? envSetting('PORT', port, `${at} reads PORT, default ${port}`)
        : /getenv\(\s*"\w*PORT\w*"\s*\)|getOrDefault\(\s*"\w*PORT/.test(text) ? { kind: 'unknown', where: `${at} names ${port}, and ${file} also reads a port variable` }
        : { kind: 'fixed', where: `${at} (${match[0].trim()})` };
      return { port: { value: port, source: file }, setting };
    }
  }
  return undefined;
}
