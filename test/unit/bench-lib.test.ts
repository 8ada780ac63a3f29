// The bench's pure parts: the summary line the issue fixes the shape of, the medians it is built
// from, which base images a Dockerfile needs (to skip builds that cannot work offline) and the chart.
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM JavaScript without type declarations
import { median } from '../../bench/lib/timing.mjs';
// @ts-expect-error plain ESM JavaScript without type declarations
import { missingBaseImages } from '../../bench/lib/images.mjs';
// @ts-expect-error plain ESM JavaScript without type declarations
import { lastLine, sizeSummary } from '../../bench/lib/report.mjs';
// @ts-expect-error plain ESM JavaScript without type declarations
import { sizeChart } from '../../bench/lib/chart.mjs';

const LAST_LINE =
  /^generator: \d+ ms \(small\), \d+ ms \(monorepo\); other generator: \d+ ms, \d+ ms; images: ours [\d.]+ MB vs naive [\d.]+ MB \(median ratio [\d.]+x\)$/;

function result(fixtures: unknown[]) {
  const speed = (ms: number) => ({ medianMs: ms, minMs: ms, maxMs: ms, medianCpuMs: ms, peakRssMb: 70, failure: null });
  return {
    date: '2026-11-27T00:00:00Z',
    speed: { small: { ours: speed(251.4), other: speed(400) }, monorepo: { ours: speed(612), other: speed(380.6) } },
    images: { engine: 'podman', fixtures },
  };
}
const fixture = (name: string, ours: number | null, naive: number | null) => ({
  name,
  language: 'go',
  ours: ours === null ? { problem: 'x' } : { bytes: ours * 1e6 },
  naive: naive === null ? { problem: 'x' } : { bytes: naive * 1e6 },
  notes: [],
});

describe('bench summary', () => {
  it('median of odd and even counts, null when empty', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('prints the last line in the shape the issue asks for, with medians over built fixtures only', () => {
    const line = lastLine(result([fixture('a', 10, 100), fixture('b', 20, 100), fixture('c', 30, 600), fixture('d', null, 50)]));
    expect(line).toMatch(LAST_LINE);
    expect(line).toContain('generator: 251 ms (small), 612 ms (monorepo); other generator: 400 ms, 381 ms');
    // Ratios 10x, 5x, 20x -> median 10x; d is left out because ours did not build.
    expect(line).toContain('images: ours 20.0 MB vs naive 100.0 MB (median ratio 10.0x)');
    expect(sizeSummary(result([fixture('d', null, 50)]).images)).toBeNull();
  });

  it('says why there are no image numbers instead of inventing them', () => {
    const r = { ...result([]), images: { skipped: 'no container engine (podman or docker) works here' } };
    expect(lastLine(r)).toMatch(/images: n\/a \(no container engine/);
  });
});

describe('base images a Dockerfile needs', () => {
  const dockerfile = [
    '# syntax=docker/dockerfile:1',
    'ARG NODE_VERSION=22',
    'FROM node:${NODE_VERSION}-bookworm-slim AS base',
    'FROM base AS deps',
    'COPY --from=busybox:1.36 /bin/busybox /busybox',
    'FROM scratch AS empty',
    'FROM gcr.io/distroless/nodejs${NODE_VERSION}-debian13:nonroot',
    'COPY --from=deps /app /app',
    'COPY --from=0 /x /x',
  ].join('\n');

  // `false` stands in for an engine that holds no image, `true` for one that holds them all.
  it('expands ARG defaults, skips stage names, scratch and stage numbers', () => {
    expect(missingBaseImages('false', dockerfile)).toEqual([
      'node:22-bookworm-slim',
      'busybox:1.36',
      'gcr.io/distroless/nodejs22-debian13:nonroot',
    ]);
    expect(missingBaseImages('true', dockerfile)).toEqual([]);
  });

  it('lets a --build-arg override the ARG default', () => {
    expect(missingBaseImages('false', 'ARG NODE_VERSION=20.20.2\nFROM node:${NODE_VERSION}-slim AS base\n', { NODE_VERSION: '24' })).toEqual(['node:24-slim']);
  });
});

describe('size chart', () => {
  it('draws one labelled bar per built image and says which were not built', () => {
    const svg: string = sizeChart([
      { name: 'express-api', language: 'node', ours: 158, other: 237, naive: 694 },
      { name: 'go-stdlib-http', language: 'go', ours: 6.2, other: null, naive: null },
    ]);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.match(/<rect class="bar"/g)).toHaveLength(4);
    expect(svg).toContain('694 MB');
    expect(svg).toContain('6.2 MB');
    expect(svg).toContain('@flydotio/dockerfile: n/a (Node only)');
    expect(svg).toContain('naive single-stage: not built');
  });
});
