// A go.mod that builds no program: a module of development tools (`tool mvdan.cc/sh/v3/cmd/shfmt`,
// a tools.go behind `//go:build tools`) or a library, beside another ecosystem's app. It steps
// aside; with no other ecosystem present, detection still runs and says there is no main package.
import type { Project } from '../../project.js';
import { fileBuildsOnLinux, goFileInfo } from './sources.js';

/** Why the root go.mod is not an app (no `package main` with `func main` in the module), or null. */
export function goTooling(project: Project): string | null {
  if (!project.isFile('go.mod')) return null;
  const files = project.find({ extensions: ['.go'], maxDepth: 6, maxFiles: 2000 });
  for (const path of files) {
    if (path.endsWith('_test.go') || path.split('/').some((part) => part === 'testdata' || part.startsWith('_')) || !fileBuildsOnLinux(path)) continue;
    const info = goFileInfo(project.readText(path) ?? '');
    if (!info.ignored && info.packageName === 'main' && info.hasMain) return null;
  }
  const tools = /^tool\s/m.test(project.readText('go.mod') ?? '');
  return tools ? 'go.mod only declares development tools (tool lines) and no main package builds a program' : 'no main package in the Go module builds a program (a library or tools)';
}
