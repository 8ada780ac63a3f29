// Every registered ecosystem has its test data (src/ecosystems/<lang>/test/cases.ts) and the data
// is sound: the fixtures it names exist, its manifest is one of the ecosystem's markers, e2e ids are
// unique, and the bench reads the same e2e cases as the e2e suite. Cheap, so `npm test` catches a
// missing cases file before the safety and e2e suites do.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ECOSYSTEMS } from '../../src/ecosystems/index.js';
import { FIXTURES, loadEcosystemCases, ROOT } from '../ecosystem-cases.js';
// @ts-expect-error plain ESM JavaScript without type declarations
import { readE2eCases } from '../../bench/lib/cases.mjs';

const ALL = await loadEcosystemCases();

describe('per-ecosystem test cases', () => {
  it('one cases object per registered ecosystem, in registry order', () => {
    expect(ALL.map((c) => c.language)).toEqual(ECOSYSTEMS.map((e) => e.language));
  });

  it('a registered ecosystem without a cases file fails with a message naming the file', async () => {
    const registry = [...ECOSYSTEMS, { language: 'cobol' }] as Array<{ language: (typeof ECOSYSTEMS)[number]['language'] }>;
    await expect(loadEcosystemCases(registry)).rejects.toThrow(
      /Every registered ecosystem needs its test cases[\s\S]*cobol is registered in src\/ecosystems\/index\.ts but has no src\/ecosystems\/cobol\/test\/cases\.ts/,
    );
  });

  describe.each(ALL.map((c) => [c.language, c] as const))('%s', (language, c) => {
    const ecosystem = ECOSYSTEMS.find((e) => e.language === language)!;

    it('names one of its markers as its manifest', () => {
      expect(ecosystem.markers).toContain(c.manifest);
    });

    it('names fixtures that exist', () => {
      const golden = [c.fixture, ...c.hostile.map((h) => h.fixture), ...c.variablePaths.map((v) => v.fixture), ...c.malformed.map((m) => m.fixture), ...c.textFiles.map((t) => t.fixture)];
      for (const fixture of golden) expect(existsSync(join(FIXTURES, fixture)), fixture).toBe(true);
      for (const e of c.e2e) {
        const dir = e.own ? join(ROOT, 'test', 'e2e', 'fixtures', e.fixture) : join(FIXTURES, e.fixture);
        expect(existsSync(join(dir, e.touch.file)), `${e.id}: ${e.touch.file}`).toBe(true);
      }
    });

    it('has data for every suite', () => {
      expect(c.hostile.length).toBeGreaterThan(0);
      expect(c.malformed.length).toBeGreaterThan(0);
      expect(c.sources.length).toBeGreaterThan(0);
      // An ecosystem with no real build here says why instead (and says it in the README).
      if (c.e2eUnavailable === undefined) expect(c.e2e.length).toBeGreaterThan(0);
      else expect(c.e2e, 'e2eUnavailable with e2e cases').toEqual([]);
      expect(Object.keys(c.project).length).toBeGreaterThan(0);
      // Every random-tree slot has a benign value, and structural slots are slots.
      for (const key of c.randomTree.structural) expect(Object.keys(c.randomTree.benign)).toContain(key);
    });
  });

  it('e2e ids are unique across ecosystems', () => {
    const ids = ALL.flatMap((c) => c.e2e.map((e) => e.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('the bench reads the same e2e cases as the e2e suite', () => {
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect([...(readE2eCases(ROOT) as Array<{ id: string }>)].sort(byId)).toEqual(ALL.flatMap((c) => c.e2e).sort(byId));
  });
});
