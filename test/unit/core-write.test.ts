import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CancelledError, UserError } from '../../src/errors.js';
import { unifiedDiff, writeFiles } from '../../src/write/write.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'slim-write-'));
const files = { Dockerfile: 'FROM x\n', '.dockerignore': '.git\n' };

describe('writing files', () => {
  it('creates missing files and leaves no temporary files behind', async () => {
    const dir = tmp();
    const states = await writeFiles(dir, files, { force: false });
    expect(states.map((s) => s.status)).toEqual(['create', 'create']);
    expect(readdirSync(dir).sort()).toEqual(['.dockerignore', 'Dockerfile']);
  });

  it('leaves identical files untouched, modification time included', async () => {
    const dir = tmp();
    await writeFiles(dir, files, { force: false });
    const old = new Date('2020-01-01T00:00:00Z');
    utimesSync(join(dir, 'Dockerfile'), old, old);
    const states = await writeFiles(dir, files, { force: false });
    expect(states.every((s) => s.status === 'identical')).toBe(true);
    expect(statSync(join(dir, 'Dockerfile')).mtime.getTime()).toBe(old.getTime());
  });

  it('refuses to overwrite a differing file without --force and writes nothing at all', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'Dockerfile'), 'FROM handwritten\n');
    await expect(writeFiles(dir, files, { force: false })).rejects.toThrow(UserError);
    await expect(writeFiles(dir, files, { force: false })).rejects.toThrow(/--force/);
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe('FROM handwritten\n');
    // all or nothing: the .dockerignore that could have been created was not
    expect(readdirSync(dir)).toEqual(['Dockerfile']);
  });

  it('overwrites with --force or an overwrite at the prompt; cancel writes nothing', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'Dockerfile'), 'FROM handwritten\n');
    await expect(writeFiles(dir, files, { force: false, resolveConflict: async () => 'cancel' })).rejects.toThrow(CancelledError);
    expect(readdirSync(dir)).toEqual(['Dockerfile']);
    await writeFiles(dir, files, { force: false, resolveConflict: async () => 'overwrite' });
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe('FROM x\n');
    writeFileSync(join(dir, 'Dockerfile'), 'FROM other\n');
    await writeFiles(dir, files, { force: true });
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe('FROM x\n');
  });

  it('writes the pair beside the existing files when asked, leaving them untouched', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'Dockerfile'), 'FROM handwritten\n');
    writeFileSync(join(dir, '.dockerignore'), 'mine\n');
    let asked: string[] = [];
    const states = await writeFiles(dir, files, { force: false, resolveConflict: async (differing) => ((asked = differing.map((s) => s.file)), 'beside') });
    expect(asked).toEqual(['Dockerfile', '.dockerignore']);
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe('FROM handwritten\n');
    expect(readFileSync(join(dir, 'Dockerfile.slim'), 'utf8')).toBe('FROM x\n');
    expect(existsSync(join(dir, 'Dockerfile.slim.dockerignore'))).toBe(true);
    expect(states.map((s) => [s.file, s.status])).toEqual([['Dockerfile.slim', 'create'], ['Dockerfile.slim.dockerignore', 'create']]);
    // A second run beside files that now differ is refused, never overwritten silently.
    writeFileSync(join(dir, 'Dockerfile.slim'), 'FROM edited\n');
    await expect(writeFiles(dir, files, { force: false, resolveConflict: async () => 'beside' })).rejects.toThrow(UserError);
    expect(readFileSync(join(dir, 'Dockerfile.slim'), 'utf8')).toBe('FROM edited\n');
  });

  it('diffs show removed and added lines with context', () => {
    const diff = unifiedDiff('Dockerfile', 'a\nb\nc\n', 'a\nB\nc\n');
    expect(diff).toContain('-b');
    expect(diff).toContain('+B');
    expect(diff).toContain(' a');
  });
});
