// Malformed manifests and lockfiles, per ecosystem: exit 1 with a message naming the file (and
// the line when the parser knows it), no stack trace, nothing written. Every registered
// ecosystem's cases come from src/ecosystems/<lang>/test/cases.ts (`malformed`, `textFiles`).
import { describe, expect, it } from 'vitest';
import { loadEcosystemCases } from './ecosystem-cases.js';
import { expectNoCrash, generate, makeProject, snapshot } from './safety-helpers.js';

const ECOSYSTEM_CASES = await loadEcosystemCases();
const CASES = ECOSYSTEM_CASES.flatMap((c) => c.malformed);
const TEXT_FILES = ECOSYSTEM_CASES.flatMap((c) => c.textFiles);

describe('malformed manifests and lockfiles', () => {
  it.each(CASES.map((c) => [c.what, c] as const))('%s: exit 1 naming the file, nothing written', async (_what, c) => {
    const dir = makeProject(c.fixture, c.edits);
    const before = snapshot(dir);
    const run = await generate(dir, ...(c.args ?? []));
    expectNoCrash(run);
    expect(run.stderr).toMatch(c.message);
    expect(run.code, run.stderr).toBe(1);
    expect(snapshot(dir)).toEqual(before);
    // One paragraph: the error is a single message, not a dump.
    expect(run.stderr.split('\n').filter((l) => l.startsWith('error:'))).toHaveLength(1);
  });

  it.each(TEXT_FILES.map((c) => [c.what, c] as const))('%s is read as text: a clean result either way', async (_what, c) => {
    const dir = makeProject(c.fixture, c.edits);
    const run = await generate(dir, '--dry-run');
    expectNoCrash(run);
    expect([0, 1]).toContain(run.code);
  });
});
