import { mkdtemp, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareWorkspace } from '../../src/verify/workspace.js';

async function project(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'verify-ws-'));
  await writeFile(path.join(dir, 'package.json'), '{}');
  await writeFile(path.join(dir, 'Dockerfile'), 'FROM old\n');
  await mkdir(path.join(dir, 'node_modules', 'x'), { recursive: true });
  await writeFile(path.join(dir, 'node_modules', 'x', 'index.js'), '');
  await mkdir(path.join(dir, 'src', 'node_modules'), { recursive: true });
  return dir;
}

describe('prepareWorkspace', () => {
  it('with --dry-run builds from a copy holding the rendered files; the project is untouched', async () => {
    const dir = await project();
    const before = await readdir(dir);
    const ws = await prepareWorkspace(dir, { Dockerfile: 'FROM new\n', '.dockerignore': 'node_modules/\n' }, false);
    try {
      expect(ws.context).not.toBe(dir);
      expect(await readFile(ws.dockerfile, 'utf8')).toBe('FROM new\n');
      expect(await readFile(path.join(ws.context, '.dockerignore'), 'utf8')).toBe('node_modules/\n');
      expect(existsSync(path.join(ws.context, 'package.json'))).toBe(true);
      // The top-level dependency folder is not copied; a folder of that name deeper down is.
      expect(existsSync(path.join(ws.context, 'node_modules'))).toBe(false);
      expect(existsSync(path.join(ws.context, 'src', 'node_modules'))).toBe(true);
      expect(await readFile(path.join(dir, 'Dockerfile'), 'utf8')).toBe('FROM old\n');
      expect(await readdir(dir)).toEqual(before);
    } finally {
      await ws.dispose();
    }
    expect(existsSync(ws.scratch)).toBe(false);
  });

  it('after writing builds in the project itself and writes nothing there', async () => {
    const dir = await project();
    const before = await readdir(dir);
    const ws = await prepareWorkspace(dir, { Dockerfile: 'FROM new\n' }, true);
    await ws.dispose();
    expect(ws.context).toBe(dir);
    expect(ws.dockerfile).toBe(path.join(dir, 'Dockerfile'));
    expect(await readdir(dir)).toEqual(before);
  });
});
