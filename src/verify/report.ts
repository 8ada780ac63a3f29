// The verify result for people (formatVerify) and for --json (verifyJson, the "verify" key).
import { formatBytes, formatComparison, formatSeconds } from './format.js';
import type { VerifyReport } from './index.js';

export function formatVerify(report: VerifyReport): string {
  const lines: string[] = [];
  lines.push(`Verified with ${report.engine}: ${report.image}${report.kept ? ' (kept)' : ' (removed)'}`);
  lines.push(
    `  size ${formatBytes(report.sizeBytes)}, ${report.layers} layer${report.layers === 1 ? '' : 's'}, ` +
      `runs as ${report.user}, ${report.hasShell ? 'has a shell' : 'no shell'}`,
  );
  const cache = report.cache.cached > 0 ? ` (${report.cache.cached} of ${report.cache.steps} steps from the cache)` : '';
  lines.push(`  built in ${formatSeconds(report.buildSeconds)}${cache}`);
  if (report.runSkipped) lines.push(`  not started: ${report.runSkipped}`);
  else if (report.port === null) lines.push(`  started, still running after a few seconds (no port to ask)`);
  else lines.push(`  started, answered on port ${report.port}${report.answer ? `: ${report.answer}` : ''}`);
  if (report.naive) lines.push(`  naive single-stage image: ${formatComparison(report.naive.sizeBytes, report.sizeBytes)}`);
  else if (report.naiveProblem) lines.push(`  no comparison: ${report.naiveProblem}`);
  lines.push(`  ${report.ok ? 'ok' : 'NOT ok'}`);
  return lines.join('\n');
}

/** The "verify" object of the --json report; the first nine keys are the documented contract. */
export function verifyJson(report: VerifyReport): Record<string, unknown> {
  return {
    engine: report.engine,
    image: report.image,
    sizeBytes: report.sizeBytes,
    layers: report.layers,
    user: report.user,
    hasShell: report.hasShell,
    started: report.started,
    answered: report.answered,
    ok: report.ok,
    port: report.port,
    answer: report.answer,
    kept: report.kept,
    buildSeconds: report.buildSeconds,
    cache: report.cache,
    naive: report.naive ?? null,
    ...(report.naiveProblem ? { naiveProblem: report.naiveProblem } : {}),
    ...(report.runSkipped ? { runSkipped: report.runSkipped } : {}),
  };
}
