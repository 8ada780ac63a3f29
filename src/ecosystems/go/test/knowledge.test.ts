import { describe, expect, it } from 'vitest';
import { GO_FRAMEWORKS, GO_MODULES, goModuleRule } from '../knowledge/modules.js';
import { GO_RELEASES, goEndOfSupport, goLine, releasedGoLines } from '../knowledge/versions.js';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('Go release catalog', () => {
  it('reads go.mod and toolchain spellings as a line', () => {
    expect(goLine('1.24')).toBe('1.24');
    expect(goLine('1.24.4')).toBe('1.24');
    expect(goLine('go1.25.3')).toBe('1.25');
    expect(goLine('1.21rc2')).toBe('1.21');
    expect(goLine('latest')).toBeNull();
    expect(goLine('2')).toBeNull();
  });

  it('offers only lines released by the day, newest first', () => {
    expect(releasedGoLines(day('2026-11-27'))[0]).toBe('1.27');
    expect(releasedGoLines(day('2026-08-18'))[0]).toBe('1.26');
  });

  it('ends support when the second newer line ships (Go release policy)', () => {
    expect(goEndOfSupport('1.24', day('2026-11-27'))).toBe('2026-02-10');
    expect(goEndOfSupport('1.25', day('2026-11-27'))).toBe('2026-08-19');
    expect(goEndOfSupport('1.26', day('2026-11-27'))).toBeNull();
    expect(goEndOfSupport('1.25', day('2026-08-18'))).toBeNull();
  });

  it('releases each line after the one before it', () => {
    const dates = GO_RELEASES.map((r) => r.released);
    expect([...dates].sort()).toEqual(dates);
  });
});

describe('Go module knowledge', () => {
  it('knows which SQLite drivers need cgo', () => {
    expect(goModuleRule('github.com/mattn/go-sqlite3')?.cgo).toBe(true);
    expect(goModuleRule('modernc.org/sqlite')?.cgo).toBe(false);
    expect(goModuleRule('github.com/ncruces/go-sqlite3')?.cgo).toBe(false);
  });

  it('matches major-version module paths and needs -tags musl for confluent-kafka-go on Alpine', () => {
    const kafka = goModuleRule('github.com/confluentinc/confluent-kafka-go/v2');
    expect(kafka?.cgo).toBe(true);
    expect(kafka?.muslTags).toEqual(['musl']);
    expect(goModuleRule('github.com/unknown/thing')).toBeNull();
  });

  it('marks valyala/gozstd glibc-only (prebuilt glibc archive)', () => {
    expect(goModuleRule('github.com/valyala/gozstd')?.glibcOnly).toBe(true);
  });

  it('gives build packages to every row that needs run-time libraries', () => {
    for (const r of GO_MODULES) {
      if (r.runtime.debian.length > 0) expect(r.build.debian.length, r.name).toBeGreaterThan(0);
      if (!r.cgo) expect([...r.build.debian, ...r.runtime.debian], r.name).toEqual([]);
    }
  });

  it('knows gin listens on 8080 when the app names no address', () => {
    expect(GO_FRAMEWORKS.find((f) => f.id === 'gin')?.defaultPort).toBe(8080);
  });
});
