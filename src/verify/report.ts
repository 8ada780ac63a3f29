// The verify result for people (formatVerify) and for --json (verifyJson, the "verify" key).
import { formatBytes, formatComparison, formatSeconds } from './format.js';

/** What --verify found: the image, whether it started and answered, and the cache. */
export interface VerifyReport {
  engine: string;
  image: string;
  sizeBytes: number;
  layers: number;
  user: string;
  hasShell: boolean;
  started: boolean;
  answered: boolean;
  ok: boolean;
  naive?: { image: string; sizeBytes: number; ratio: number } | undefined;
  /** Why --compare has no numbers (the naive build failed); the verify itself still counts. */
  naiveProblem?: string | undefined;
  buildSeconds: number;
  /** The container port probed and what answered ("HTTP/1.1 200 OK"). */
  port: number | null;
  answer: string | null;
  /** Whether the image is still in the engine's storage (--keep-image). */
  kept: boolean;
  /** Build steps and which the layer cache answered. */
  cache: { steps: number; cached: number; installStepCached: boolean | null };
  /** Seconds the running container took to stop on SIGTERM (10 s grace, then SIGKILL); null when not measured. */
  stopSeconds: number | null;
  /** The image's HEALTHCHECK passed (true) or not (false); null when the Dockerfile has none. */
  healthy: boolean | null;
  /** Set when the engine can build but not run (buildah): started/answered were not checked. */
  runSkipped?: string | undefined;
}

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
  if (report.healthy !== null) lines.push(`  HEALTHCHECK ${report.healthy ? 'passed' : 'did NOT pass'}`);
  if (report.stopSeconds !== null) {
    const slow = report.stopSeconds >= 9 ? ' (it ignored SIGTERM and was killed at the end of the grace period)' : '';
    lines.push(`  stopped ${formatSeconds(report.stopSeconds)} after SIGTERM${slow}`);
  }
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
    stopSeconds: report.stopSeconds,
    healthy: report.healthy,
    cache: report.cache,
    naive: report.naive ?? null,
    ...(report.naiveProblem ? { naiveProblem: report.naiveProblem } : {}),
    ...(report.runSkipped ? { runSkipped: report.runSkipped } : {}),
  };
}
