// src/files/stdio.ts: output written straight to the descriptor arrives whole and in order through
// a pipe larger than its buffer, and a reader that goes away (`| head`) ends the writing quietly.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const BUILT = join(import.meta.dirname, '..', '..', 'dist', 'files', 'stdio.js');
const script = (body: string) => `const { writeStdio } = await import(${JSON.stringify(pathToFileURL(BUILT).href)});\n${body}`;

describe.runIf(existsSync(BUILT))('writeStdio (after npm run build)', () => {
  it('writes 1 MB through a pipe whole and in order, stdout and stderr apart', () => {
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script("for (let i = 0; i < 1000; i++) writeStdio(1, `${String(i).padStart(4, '0')} ${'x'.repeat(1019)}\\n`);\nwriteStdio(2, 'done\\n');")], { encoding: 'utf8', maxBuffer: 4 * 1024 * 1024 });
    expect(run.status).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1000);
    expect(lines.map((l) => l.slice(0, 4))).toEqual(Array.from({ length: 1000 }, (_, i) => String(i).padStart(4, '0')));
    expect(run.stderr).toBe('done\n');
  });

  it('stops quietly when the reader has gone', () => {
    const run = spawnSync('/bin/sh', ['-c', `"${process.execPath}" --input-type=module -e "$0" | head -c 10 >/dev/null; echo "exit \${PIPESTATUS:-done}"`, script("for (let i = 0; i < 100000; i++) writeStdio(1, 'y'.repeat(100) + '\\n');\nwriteStdio(2, 'finished\\n');")], { encoding: 'utf8' });
    expect(run.stderr).toContain('finished');
    expect(run.stderr).not.toMatch(/EPIPE|Error/);
  });
});
