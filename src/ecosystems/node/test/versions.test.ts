import { describe, expect, it } from 'vitest';
import { today, parseDay } from '../../../knowledge/clock.js';
import {
  NODE_RELEASES, codenameMajor, ltsMajors, maintainedMajors, resolveNodeMajor,
} from '../knowledge/versions.js';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('clock.today', () => {
  it('uses SLIM_IMAGE_TODAY when set', () => {
    expect(today({ SLIM_IMAGE_TODAY: '2026-11-27' }).toISOString()).toBe('2026-11-27T00:00:00.000Z');
  });
  it('rejects a malformed or impossible date', () => {
    expect(() => today({ SLIM_IMAGE_TODAY: '27/11/2026' })).toThrow(/SLIM_IMAGE_TODAY/);
    expect(parseDay('2026-02-31')).toBeNull();
  });
  it('falls back to the real date at midnight UTC', () => {
    const t = today({});
    expect(t.getUTCHours()).toBe(0);
    expect(Math.abs(Date.now() - t.getTime())).toBeLessThan(2 * 24 * 3600 * 1000);
  });
});

describe('Node release catalog', () => {
  it('has one row per major, from the Release schedule, LTS only for even lines', () => {
    NODE_RELEASES.forEach((r, i) => {
      if (i > 0) expect(r.major).toBe((NODE_RELEASES[i - 1]?.major ?? 0) + 1);
      expect(r.source).toMatch(/^https:\/\/github\.com\/nodejs\/Release/);
      expect(r.lts === null).toBe(r.major % 2 === 1);
    });
  });

  it('knows the maintained lines on 2026-11-27: 20 ended on 2026-04-30, 26 is LTS since 2026-10-28', () => {
    expect(maintainedMajors(day('2026-11-27'))).toEqual([26, 24, 22]);
    expect(ltsMajors(day('2026-11-27'))).toEqual([26, 24, 22]);
    expect(maintainedMajors(day('2026-04-29'))).toContain(20);
    expect(maintainedMajors(day('2026-04-30'))).not.toContain(20);
    // Before 26 enters LTS it is maintained (Current) but not LTS.
    expect(maintainedMajors(day('2026-09-01'))).toEqual([26, 24, 22]);
    expect(ltsMajors(day('2026-09-01'))).toEqual([24, 22]);
  });

  it('maps codenames, case-insensitively', () => {
    expect(codenameMajor('iron')).toBe(20);
    expect(codenameMajor('Jod')).toBe(22);
    expect(codenameMajor('krypton')).toBe(24);
    expect(codenameMajor('lithium')).toBe(26);
    expect(codenameMajor('banana')).toBeNull();
  });
});

describe('resolveNodeMajor: newest maintained LTS major a range allows', () => {
  const t = day('2026-11-27');
  it.each([
    [null, 26],
    ['>=20', 26],
    ['^22 || ^24', 24],
    ['20.x', null],
    ['>=18 <23', 22],
    ['22.11.0', 22],
  ])('%s -> %s', (range, major) => {
    expect(resolveNodeMajor(range, t)).toBe(major);
  });

  it('falls back to a maintained non-LTS line the range insists on', () => {
    expect(resolveNodeMajor('^25', day('2026-01-15'))).toBe(25);
    expect(resolveNodeMajor('^25', t)).toBeNull();
  });

  it('moves with the date: before 26 is LTS, >=20 resolves to 24', () => {
    expect(resolveNodeMajor('>=20', day('2026-09-01'))).toBe(24);
  });
});
