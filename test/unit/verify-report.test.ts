import { describe, expect, it } from 'vitest';
import { formatVerify, verifyJson, type VerifyReport } from '../../src/verify/index.js';

const report: VerifyReport = {
  engine: 'podman',
  image: 'localhost/slim-image-verify-app:1a2b3c4d',
  sizeBytes: 157_670_293,
  layers: 3,
  user: '65532:65532',
  hasShell: false,
  started: true,
  answered: true,
  ok: true,
  naive: { image: 'localhost/slim-image-verify-naive-app:1a2b3c4d', sizeBytes: 694_115_093, ratio: 4.40 },
  buildSeconds: 34.6,
  port: 3000,
  answer: 'HTTP/1.1 200 OK',
  kept: false,
  cache: { steps: 13, cached: 5, installStepCached: true },
};

describe('verifyJson', () => {
  it('starts with the documented keys, in order', () => {
    expect(Object.keys(verifyJson(report)).slice(0, 9)).toEqual([
      'engine', 'image', 'sizeBytes', 'layers', 'user', 'hasShell', 'started', 'answered', 'ok',
    ]);
  });
  it('has naive: null without --compare, so the key is always there', () => {
    expect(verifyJson({ ...report, naive: undefined }).naive).toBeNull();
  });
});

describe('formatVerify', () => {
  it('prints the sizes, user, shell, answer and the comparison line', () => {
    const text = formatVerify(report);
    expect(text).toContain('size 158 MB, 3 layers, runs as 65532:65532, no shell');
    expect(text).toContain('answered on port 3000: HTTP/1.1 200 OK');
    expect(text).toContain('naive single-stage image: 694 MB -> 158 MB (4.4x smaller)');
    expect(text).toContain('(5 of 13 steps from the cache)');
    expect(text.split('\n').at(-1)).toBe('  ok');
  });
  it('says why there is no comparison and when nothing was started', () => {
    const text = formatVerify({ ...report, naive: undefined, naiveProblem: 'the naive image did not build', runSkipped: 'buildah cannot run it', started: false, answered: false });
    expect(text).toContain('no comparison: the naive image did not build');
    expect(text).toContain('not started: buildah cannot run it');
  });
});
