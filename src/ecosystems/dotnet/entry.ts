// .NET before its code is loaded (src/ecosystems/index.ts): a project or solution file at the root,
// or a project in a folder of its own (App/App.csproj, src/App/App.csproj), marks it.
import type { EcosystemMarks } from '../../ecosystem.js';
import type { Project } from '../../project.js';

export const PROJECT_EXTENSIONS = ['.csproj', '.fsproj', '.vbproj'];
export const SOLUTION_EXTENSIONS = ['.sln', '.slnx'];

export function hasProjectMarker(project: Project): boolean {
  const names = project.list('.');
  if (names.some((n) => [...PROJECT_EXTENSIONS, ...SOLUTION_EXTENSIONS].some((ext) => n.endsWith(ext)))) return true;
  const under = project.isDir('src') ? ['.', 'src'] : ['.'];
  return project.find({ extensions: PROJECT_EXTENSIONS, under, maxDepth: 1, maxFiles: 1 }).length > 0;
}

export const dotnetMarks: EcosystemMarks = {
  language: 'dotnet',
  markers: ['*.csproj', '*.fsproj', '*.vbproj', '*.sln', '*.slnx'],
  mayBe: hasProjectMarker,
};
