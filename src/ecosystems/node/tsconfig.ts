// What tsconfig.json says about the build output: compilerOptions.outDir and rootDir.
import type { Project } from '../../project.js';
import { stripComments } from './framework.js';

/** compilerOptions.outDir from tsconfig.json (JSON with comments), normalised ("./dist/" -> "dist"). */
export function tsconfigOutDir(project: Project): string | null {
  const text = project.readText('tsconfig.json');
  if (text === null) return null;
  const match = /"outDir"\s*:\s*"([^"]+)"/.exec(stripComments(text));
  if (!match) return null;
  const dir = (match[1] as string).replace(/^\.\//, '').replace(/\/+$/, '');
  return dir === '' || dir === '.' || dir.startsWith('..') ? null : dir;
}

/** compilerOptions.rootDir from tsconfig.json, normalised ("./src/" -> "src"; "." -> ""), or null. */
export function tsconfigRootDir(project: Project): string | null {
  const text = project.readText('tsconfig.json');
  if (text === null) return null;
  const match = /"rootDir"\s*:\s*"([^"]+)"/.exec(stripComments(text));
  if (!match) return null;
  const dir = (match[1] as string).replace(/^\.\//, '').replace(/\/+$/, '');
  return dir === '.' ? '' : dir.startsWith('..') ? null : dir;
}
