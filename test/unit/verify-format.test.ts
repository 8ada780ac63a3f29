import { describe, expect, it } from 'vitest';
import { formatBytes, formatComparison, formatRatio, formatSeconds, parseBytes } from '../../src/verify/format.js';

describe('formatBytes', () => {
  it('prints decimal units like docker and podman images', () => {
    expect(formatBytes(1_210_000_000)).toBe('1.21 GB');
    expect(formatBytes(74_200_000)).toBe('74 MB');
    expect(formatBytes(2_800_000)).toBe('2.8 MB');
    expect(formatBytes(3_000_000)).toBe('3 MB');
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(1_000)).toBe('1 kB');
  });
  it('says "?" for nonsense instead of printing NaN', () => {
    expect(formatBytes(Number.NaN)).toBe('?');
    expect(formatBytes(-1)).toBe('?');
  });
});

describe('formatRatio / formatComparison', () => {
  it('rounds big ratios to whole numbers and small ones to one decimal', () => {
    expect(formatRatio(16.35)).toBe('16x smaller');
    expect(formatRatio(3.24)).toBe('3.2x smaller');
    expect(formatRatio(2)).toBe('2x smaller');
  });
  it('says larger when the generated image is the bigger one', () => {
    expect(formatRatio(0.5)).toBe('2x larger');
  });
  it('prints the issue example', () => {
    expect(formatComparison(1_210_000_000, 74_000_000)).toBe('1.21 GB -> 74 MB (16x smaller)');
  });
  it('does not divide by zero', () => {
    expect(formatComparison(1_000_000, 0)).toBe('1 MB -> 0 B (?)');
  });
});

describe('formatSeconds', () => {
  it('switches to minutes above 60 s', () => {
    expect(formatSeconds(42.14)).toBe('42.1 s');
    expect(formatSeconds(125)).toBe('2 min 05 s');
  });
});

describe('parseBytes', () => {
  it('reads the sizes buildah prints', () => {
    expect(parseBytes('2.79 MB')).toBe(2_790_000);
    expect(parseBytes('1.01 GB')).toBe(1_010_000_000);
    expect(parseBytes('512 B')).toBe(512);
  });
  it('returns null for anything else', () => {
    expect(parseBytes('big')).toBeNull();
    expect(parseBytes('')).toBeNull();
  });
});
