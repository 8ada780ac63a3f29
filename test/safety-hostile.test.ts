// Hostile values in every manifest field that reaches a template, per ecosystem: each run either
// refuses with exit 1 and a message naming the file, or writes a Dockerfile whose instructions are
// exactly those of the same project with a benign value. Never a stack trace, never a written file.
import { describe, expect, it } from 'vitest';
import { loadEcosystemCases, type HostileField } from './ecosystem-cases.js';
import { dockerfilePaths, expectInert, expectNoCrash, generate, HOSTILE, HOSTILE_PATHS, keywords, makeProject, snapshot } from './safety-helpers.js';

// Every registered ecosystem's fields and "$" paths (src/ecosystems/<lang>/test/cases.ts).
const ECOSYSTEM_CASES = await loadEcosystemCases();
const CASES: HostileField[] = ECOSYSTEM_CASES.flatMap((c) => c.hostile);
const VARIABLE_PATHS = ECOSYSTEM_CASES.flatMap((c) => c.variablePaths);

const argsOf = (c: HostileField, value: string): string[] => (typeof c.args === 'function' ? c.args(value) : c.args ?? []);

describe.each(CASES)('hostile $field ($fixture)', (c) => {
  let benign: string[] | undefined;
  const acceptable: string[][] = [];

  it('the benign value generates', async () => {
    for (const value of [c.benign, ...(c.alternates ?? [])]) {
      const dir = makeProject(c.fixture, c.edits(value));
      const run = await generate(dir, '--dry-run', ...argsOf(c, value));
      expectNoCrash(run);
      expect(run.code, run.stderr).toBe(0);
      expectInert(run.dockerfile!);
      acceptable.push(keywords(run.dockerfile!));
    }
    benign = acceptable[0];
  });

  it.each(HOSTILE.map((v) => [JSON.stringify(v).slice(0, 32), v] as const))('%s is refused naming the file, or inert', async (_label, value) => {
    let dir: string;
    try {
      dir = makeProject(c.fixture, c.edits(value));
    } catch (error) {
      // A name the file system itself refuses (too long) cannot be in a project either.
      if ((error as NodeJS.ErrnoException).code === 'ENAMETOOLONG') return;
      throw error;
    }
    const before = snapshot(dir);
    const run = await generate(dir, ...argsOf(c, value));
    expectNoCrash(run);
    if (run.code === 0) {
      expectInert(run.dockerfile!);
      const found = keywords(run.dockerfile!);
      if (c.port && !found.includes('EXPOSE')) {
        // Not a port: no EXPOSE at all, and a warning that names the file.
        expect(found).toEqual(benign!.filter((k) => k !== 'EXPOSE'));
        expect(run.stderr).toMatch(c.file);
        return;
      }
      expect(acceptable).toContainEqual(found);
      return;
    }
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toMatch(c.file);
    expect(snapshot(dir), 'a refused run writes nothing').toEqual(before);
  });
});

describe('a "$" in a path the Dockerfile copies', () => {
  // COPY and WORKDIR expand variables even in JSON form: apps/w$HOME would copy apps/w.
  it.each(VARIABLE_PATHS.map((c) => [c.what, c] as const))('%s is refused naming it', async (_what, c) => {
    const dir = makeProject(c.fixture, c.edits);
    const before = snapshot(dir);
    const run = await generate(dir, ...c.args);
    expectNoCrash(run);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(c.names);
    expect(run.stderr).toMatch(/variable/);
    expect(snapshot(dir)).toEqual(before);
  });
});

describe.each(CASES.filter((c) => c.path !== undefined))('path-shaped $field ($fixture)', (c) => {
  let benign: string[] | undefined;

  it('the benign value generates', async () => {
    const run = await generate(makeProject(c.fixture, c.edits(c.benign)), '--dry-run', ...argsOf(c, c.benign));
    expect(run.code, run.stderr).toBe(0);
    benign = keywords(run.dockerfile!);
  });

  it.each(HOSTILE_PATHS.map((v) => [JSON.stringify(v), v] as const))('%s is refused naming the file, or named exactly', async (_label, value) => {
    const dir = makeProject(c.fixture, c.edits(value));
    const before = snapshot(dir);
    const run = await generate(dir, ...argsOf(c, value));
    expectNoCrash(run);
    if (run.code !== 0) {
      expect(run.code, run.stderr).toBe(1);
      expect(run.stderr).toMatch(c.file);
      expect(snapshot(dir), 'a refused run writes nothing').toEqual(before);
      return;
    }
    expectInert(run.dockerfile!, benign);
    const { sources, destinations, workdirs } = dockerfilePaths(run.dockerfile!);
    const all = [...sources, ...destinations, ...workdirs];
    // Every COPY and WORKDIR path is literal as BuildKit reads it: no glob, no variable, no lost quote.
    expect(all, run.dockerfile!).not.toContain(null);
    // And the path the project holds is the one named, whole (a trailing space included), in a
    // COPY or WORKDIR, or as one quoted word of a RUN command.
    const piece = c.path!(value);
    if (piece === null) return;
    const named = all.some((p) => p !== null && p.split('/').includes(piece)) || run.dockerfile!.includes(piece.replace(/'/g, `'\\''`));
    expect(named, `${JSON.stringify(piece)} in\n${run.dockerfile}`).toBe(true);
  });
});
