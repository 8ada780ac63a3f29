// Project.find: a bounded breadth-first search that takes each entry's type from the folder
// listing (no stat per entry) and follows no link; Project.findNamed ends a branch at a package root.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Project } from '../../src/project.js';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'find-'));
  made.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const REPO = {
  'package.json': '{}',
  '.npmrc': 'root',
  'apps/web/package.json': '{}',
  'apps/web/.npmrc': 'package',
  'apps/web/src/deep/.npmrc': 'inside the package tree',
  'tools/x/.npmrc': 'no package here',
  'node_modules/a/.npmrc': 'never walked',
};

describe('Project.find', () => {
  it('finds files by suffix breadth first, skipping never-walked folders', () => {
    const found = new Project(tree(REPO)).find({ extensions: ['.npmrc'], maxDepth: 6 });
    expect(found).toEqual(['.npmrc', 'apps/web/.npmrc', 'tools/x/.npmrc', 'apps/web/src/deep/.npmrc']);
  });

  it('findNamed: a folder holding stopAt is asked for the name, its sub-folders not entered (the start always is)', () => {
    const project = new Project(tree({ ...REPO, 'apps/api/package.json': '{}', 'apps/api/src/.npmrc': 'inside the package tree', 'tools/x/a.npmrc': 'another name' }));
    expect(project.findNamed('.npmrc', { stopAt: 'package.json', maxDepth: 6, maxFiles: 50 })).toEqual(['.npmrc', 'apps/web/.npmrc', 'tools/x/.npmrc']);
    expect(project.findNamed('.npmrc', { stopAt: 'package.json', maxDepth: 1, maxFiles: 50 })).toEqual(['.npmrc']);
    expect(project.findNamed('.npmrc', { stopAt: 'package.json', maxDepth: 6, maxFiles: 2 })).toEqual(['.npmrc', 'apps/web/.npmrc']);
  });

  it('follows no symbolic link, to a file or a folder', () => {
    const root = tree({ 'a/.npmrc': 'x' });
    const outside = tree({ 'b/.npmrc': 'outside' });
    symlinkSync(join(outside, 'b'), join(root, 'linked'));
    symlinkSync(join(root, 'a', '.npmrc'), join(root, 'alias.npmrc'));
    expect(new Project(root).find({ extensions: ['.npmrc'] })).toEqual(['a/.npmrc']);
  });
});
