// Property: for random project trees of every ecosystem (a random subset of marker files, each
// absent, well-formed with random or hostile values, or garbage), the CLI exits 0 or 1 with no
// internal error, and every Dockerfile it writes validates with zero problems and holds only
// instructions its template produces: no keyword appears more often than it does for the same tree
// with benign values (a hostile value may drop an instruction, e.g. an EXPOSE for a non-port, but
// never add one; CMD and ENTRYPOINT may trade places), and CMD/ENTRYPOINT/USER appear once.
//
// Each registered ecosystem's tree comes from src/ecosystems/<lang>/test/cases.ts (`randomTree`).
// The seed is SLIM_IMAGE_PROPERTY_SEED when set (.ci/run sets one per run); a failure prints the
// seed and the command that replays it. Known counterexamples run first, every time (`examples`).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadEcosystemCases, type Mode } from './ecosystem-cases.js';
import { assertProperty, expectInert, expectNoCrash, generate, HOSTILE, keywords, makeProject } from './safety-helpers.js';

const ECOSYSTEMS = (await loadEcosystemCases()).map((c) => ({ language: c.language, ...c.randomTree }));

const hostile = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE, '$(id)', '`id`', '#', '\\', '"', "'", '../../etc/passwd', '/abs', '-rf', '${HOME}', 'a b', '1.2.3', '22', '3.12', '8080', '0', '99999') },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
);
const garbage = fc.oneof(fc.string({ maxLength: 60 }), fc.constantFrom('{', '[x', '\u0000\u0001', '<project>', 'module', '', '\uFEFF{}', '[[package]]\nname = 1\n'));

/** A value slot: benign, or a random or hostile value. */
const slot = (benign: string) => fc.oneof({ weight: 1, arbitrary: fc.constant(benign) }, { weight: 3, arbitrary: hostile });

/** Keyword -> how often it occurs. */
const counts = (list: string[]) => list.reduce((map, k) => map.set(k, (map.get(k) ?? 0) + 1), new Map<string, number>());

describe.each(ECOSYSTEMS.map((eco) => [eco.language, eco] as const))('property: random %s trees', (_language, eco) => {
  const values = fc.record(Object.fromEntries(Object.entries(eco.benign).map(([key, benign]) => [key, slot(benign)])) as Record<string, fc.Arbitrary<string>>);
  const modes = fc.record(Object.fromEntries(eco.optional.map((file) => [file, fc.constantFrom<Mode>('absent', 'template', 'template', 'garbage')])) as Record<string, fc.Arbitrary<Mode>>);

  it('never crashes; every Dockerfile holds only what the template writes', async () => {
    let generated = 0;
    await assertProperty(
      `random ${eco.language} trees`,
      fc.asyncProperty(values, modes, garbage, async (v, m, g) => {
        const run = await generate(makeProject(null, eco.tree(v, m, g)), '--dry-run', '--language', eco.language);
        expectNoCrash(run);
        expect([0, 1], run.stderr).toContain(run.code);
        if (run.code !== 0) return;
        generated++;
        expectInert(run.dockerfile!);
        const benign = { ...eco.benign, ...Object.fromEntries(eco.structural.map((key) => [key, v[key]!])) };
        const reference = await generate(makeProject(null, eco.tree(benign, m, g)), '--dry-run', '--language', eco.language);
        if (reference.code !== 0) return;
        const mine = counts(keywords(run.dockerfile!));
        const theirs = counts(keywords(reference.dockerfile!));
        // CMD and ENTRYPOINT may trade places (a jar whose manifest names no main class runs it
        // with -cp); expectInert already holds each to at most one.
        for (const keyword of ['CMD', 'ENTRYPOINT']) mine.delete(keyword);
        for (const [keyword, count] of mine) {
          expect(count, `${keyword} appears more often than with benign values; this tree's Dockerfile:\n${run.dockerfile}\nthe benign tree's:\n${reference.dockerfile}`).toBeLessThanOrEqual(theirs.get(keyword) ?? 0);
        }
      }),
      { numRuns: 150, examples: eco.examples ?? [] },
    );
    // The property is only worth something if some trees get through to a Dockerfile.
    expect(generated).toBeGreaterThan(0);
  }, 60_000);
});
