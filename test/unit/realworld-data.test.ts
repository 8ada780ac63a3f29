// The real-world corpus is data that engineers edit by hand: a malformed entry must fail `npm test`
// here rather than silently drop out of `npm run realworld`. Also pins the few matching rules the
// scorer applies, so a score never changes because the scorer did.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM JavaScript without type declarations
import { DEFAULT_DATA, closingLine, fieldMatches, judge, validateCorpus } from '../../scripts/realworld.mjs';

const corpus = JSON.parse(readFileSync(DEFAULT_DATA, 'utf8'));

describe('corpus/realworld.json', () => {
  it('is well formed: repo, 40-hex commit, evidence, and expected fields or refuse/unsupported', () => {
    expect(validateCorpus(corpus)).toEqual([]);
  });

  // Most ecosystems real repositories use are supported now; at least one entry (a Hugo site) keeps
  // checking that an unsupported one is declined rather than misdetected.
  it('has at least 36 entries, a few of them of unsupported ecosystems', () => {
    expect(corpus.entries.length).toBeGreaterThanOrEqual(36);
    const unsupported = corpus.entries.filter((e: { unsupported?: boolean }) => e.unsupported === true).length;
    expect(unsupported).toBeGreaterThanOrEqual(1);
    expect(unsupported).toBeLessThanOrEqual(6);
  });

  it('rejects entries without a real commit, evidence or expectation', () => {
    const entry = corpus.entries[0];
    const bad = (change: object) => validateCorpus({ ...corpus, entries: [{ ...entry, ...change }] });
    expect(bad({ commit: 'abc123' })).toEqual([expect.stringMatching(/commit must be the 40-hex commit/)]);
    expect(bad({ evidence: {} }).join('\n')).toMatch(/evidence must map/);
    expect(bad({ expected: undefined }).join('\n')).toMatch(/needs expected fields, refuse: true or unsupported: true/);
    expect(bad({ expected: { ...entry.expected, colour: 'blue' } }).join('\n')).toMatch(/unknown expected field "colour"/);
    expect(bad({ expected: { ...entry.expected, port: 'eighty' } }).join('\n')).toMatch(/expected.port has the wrong shape/);
    expect(validateCorpus({ asOf: '2026-12-02', entries: [] })).toEqual(['entries must be a non-empty array']);
  });
});

describe('scorer matching', () => {
  const report = {
    language: 'python',
    runtimeVersion: '3.13',
    port: 8000,
    startCommand: ['/app/.venv/bin/python', '-m', 'gunicorn', 'pydotorg.wsgi:application'],
    sources: {},
    files: { Dockerfile: 'RUN go build -o /out/app ./cmd/server\n' },
  };

  it('reads `python -m X` as X and a WSGI module as its :application callable', () => {
    expect(fieldMatches('startCommand', { program: 'gunicorn', args: ['pydotorg.wsgi'] }, report)).toBe(true);
    expect(fieldMatches('startCommand', ['gunicorn', 'other.wsgi'], report)).toBe(false);
  });

  it('finds the Go package a Dockerfile builds', () => {
    expect(fieldMatches('startCommand', { builds: './cmd/server' }, report)).toBe(true);
    expect(fieldMatches('startCommand', { builds: './cmd/worker' }, report)).toBe(false);
  });

  it('compares versions on the expected parts, sets and minimums', () => {
    expect(fieldMatches('runtimeVersion', '3.13', report)).toBe(true);
    expect(fieldMatches('runtimeVersion', ['3.11', '3.12'], report)).toBe(false);
    expect(fieldMatches('runtimeVersion', { min: '3.12' }, report)).toBe(true);
    expect(fieldMatches('port', [5000, 8000], report)).toBe(true);
  });

  it('scores a refusal as right only where an expert refuses or a refusal is accepted', () => {
    const base = { repo: 'a/b', commit: '0'.repeat(40), evidence: {} };
    expect(judge({ ...base, refuse: true }, { toolError: 'several mains' }, null).right).toBe(true);
    expect(judge({ ...base, expected: { port: 80 } }, { toolError: 'x' }, null).right).toBe(false);
    const eol = { ...base, expected: { port: 80 }, acceptRefusal: { why: 'eol pin', messageMatches: '\\b3\\.7\\b' } };
    expect(judge(eol, { toolError: 'no maintained Python satisfies "3.7"' }, null).right).toBe(true);
    expect(judge(eol, { toolError: 'could not tell how the app starts' }, null).right).toBe(false);
    expect(closingLine({ fullyRight: 3, scored: 4, notAvailable: 1 })).toBe('realworld: 3 fully right of 4 scored (75%), 1 not available');
  });
});
