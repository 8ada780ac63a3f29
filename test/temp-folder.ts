// Vitest's globalSetup for the unit and safety suites: every temporary folder the tests make
// (mkdtemp in os.tmpdir(), the CLI's code cache) goes into one folder for the run, removed when the
// run ends, so repeated runs do not leave hundreds of thousands of folders in the system's temp
// folder. os.tmpdir() reads TMPDIR, which the test workers inherit.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const previous = process.env.TMPDIR;
  const folder = mkdtempSync(join(tmpdir(), 'slim-tests-'));
  process.env.TMPDIR = folder;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(folder, { recursive: true, force: true });
  };
}
