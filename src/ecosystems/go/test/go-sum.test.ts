// go.sum entries count as requirements only for pre-1.17 modules, and only real entries do: a
// garbage go.sum once made a module named "name" out of "name = 1" and added a `go mod download`
// step (found by test/safety-property.test.ts, seed -483176926).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectGo, goSumModules } from '../detect.js';
import { Project } from '../../../project.js';

function project(files: Record<string, string>): Project {
  const root = mkdtempSync(join(tmpdir(), 'slim-go-sum-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  return new Project(root);
}

const MAIN = 'package main\n\nfunc main() {}\n';

describe('goSumModules', () => {
  it('takes the code entries and skips the go.mod-only ones', () => {
    const text = [
      'github.com/a/b v1.0.0 h1:abc=',
      'github.com/a/b v1.0.0/go.mod h1:def=',
      'github.com/c/d v0.2.0/go.mod h1:ghi=',
      'golang.org/x/sys v0.0.0-20210603081109-ebe580a85c40 h1:jkl=',
      '',
    ].join('\r\n');
    expect(goSumModules(text)).toEqual(['github.com/a/b', 'golang.org/x/sys']);
  });

  it.each([
    ['TOML', '[[package]]\nname = 1\n'],
    ['two words', 'hello world\n'],
    ['four fields', 'github.com/a/b v1.0.0 h1:abc= extra\n'],
    ['a version without v', 'github.com/a/b 1.0.0 h1:abc=\n'],
    ['JSON', '{"a": "b c"}\n'],
  ])('names no module for lines that are not entries (%s)', (_what, text) => {
    expect(goSumModules(text)).toEqual([]);
  });
});

describe('a pre-1.17 module with a garbage go.sum', () => {
  it('has no requirements, so no download step', () => {
    const facts = detectGo(project({ 'go.mod': 'module x\n\ngo 1.2.3\n', 'go.sum': '[[package]]\nname = 1\n', 'main.go': MAIN }), {});
    expect(facts.hasRequirements).toBe(false);
  });

  it('still counts its real entries', () => {
    const facts = detectGo(project({ 'go.mod': 'module x\n\ngo 1.16\n', 'go.sum': 'garbage\ngithub.com/google/uuid v1.6.0 h1:abc=\n', 'main.go': MAIN }), {});
    expect(facts.hasRequirements).toBe(true);
  });
});
