import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { goTooling } from '../tooling.js';
import { Project } from '../../../project.js';

function project(files: Record<string, string>): Project {
  const root = mkdtempSync(join(tmpdir(), 'go-tooling-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  return new Project(root);
}

describe('goTooling', () => {
  it('steps aside for a go.mod of tool lines or a tools.go, and for a library', () => {
    expect(goTooling(project({ 'go.mod': 'module example.org/devtools\n\ngo 1.24\n\ntool mvdan.cc/sh/v3/cmd/shfmt\n' }))).toMatch(/only declares development tools/);
    expect(goTooling(project({ 'go.mod': 'module x\n\ngo 1.22\n', 'tools.go': '//go:build tools\n\npackage tools\n\nimport _ "golang.org/x/tools/cmd/stringer"\n' }))).toMatch(/no main package/);
    expect(goTooling(project({ 'go.mod': 'module x\n\ngo 1.22\n', 'lib.go': 'package x\n\nfunc Add(a, b int) int { return a + b }\n' }))).toMatch(/no main package/);
  });

  it('keeps a module whose main package builds a program, at the root or under cmd/', () => {
    expect(goTooling(project({ 'go.mod': 'module x\n\ngo 1.22\n', 'main.go': 'package main\n\nfunc main() {}\n' }))).toBeNull();
    expect(goTooling(project({ 'go.mod': 'module x\n\ngo 1.22\n', 'cmd/api/main.go': 'package main\n\nfunc main() {}\n' }))).toBeNull();
    expect(goTooling(project({ 'package.json': '{}' }))).toBeNull();
  });
});
