// src/files/stdio.ts: output written straight to the descriptor arrives whole and in order through
// a pipe larger than its buffer, a reader that goes away (`| head`) ends the writing quietly, and
// isTerminal answers as node:tty without loading it for a pipe or /dev/null.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const BUILT = join(import.meta.dirname, '..', '..', 'dist', 'files', 'stdio.js');
const script = (body: string) => `const { writeStdio, isTerminal } = await import(${JSON.stringify(pathToFileURL(BUILT).href)});\n${body}`;

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

  it('tells a terminal from a pipe and /dev/null, as node:tty does', () => {
    const probe = script("const { isatty } = await import('node:tty');\nwriteStdio(2, JSON.stringify([isTerminal(0), isTerminal(1)]) + ' ' + JSON.stringify([isatty(0), isatty(1)]));");
    const piped = spawnSync(process.execPath, ['--input-type=module', '-e', probe], { encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
    expect(piped.stderr).toBe('[false,false] [false,false]');
    const nulled = spawnSync(process.execPath, ['--input-type=module', '-e', probe], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
    expect(nulled.stderr).toBe('[false,false] [false,false]');
    // `script` runs it in a pseudo-terminal: stdin and stdout are the terminal.
    const inTerminal = spawnSync('script', ['-qec', `"${process.execPath}" --input-type=module -e '${probe.replace(/'/g, `'\\''`)}'`, '/dev/null'], { encoding: 'utf8' });
    expect(inTerminal.stderr + inTerminal.stdout).toContain('[true,true] [true,true]');
  });
});
