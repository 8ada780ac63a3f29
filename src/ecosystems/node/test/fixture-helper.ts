// Throw-away projects for the Node detector tests: a temp folder with the given files.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Project } from '../../../project.js';

export function projectWith(files: Record<string, string | object>): Project {
  const root = mkdtempSync(join(tmpdir(), 'slim-node-'));
  for (const [rel, content] of Object.entries(files)) {
    const path = join(root, rel);
    mkdirSync(dirname(path), { recursive: true });
    if (rel.endsWith('/')) mkdirSync(path, { recursive: true });
    else writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return new Project(root);
}

export const TODAY = new Date('2026-11-27T00:00:00Z');
