// Wall time and peak memory of whole commands, measured side by side.
//
// Why not hyperfine: it runs one command's samples back to back, so on a shared, noisy machine
// a burst of load can land on one command only. Here the commands take turns (round i runs
// every command once, in rotating order), so load hits them alike and their ratio holds.
// Peak RSS and CPU time (user + system) come from GNU time (`/usr/bin/time -f '%M %U %S'`,
// Debian package "time") when it is installed; Node cannot read a child's rusage by itself.
// CPU time is the steadier number on a busy machine: waiting for a core does not count.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const GNU_TIME = '/usr/bin/time';

/** Whether peak memory can be measured here. */
export function canMeasureMemory() {
  if (!existsSync(GNU_TIME)) return false;
  const probe = spawnSync(GNU_TIME, ['-f', '%M %U %S', 'true'], { encoding: 'utf8' });
  return probe.status === 0 && /^\d+ [\d.]+ [\d.]+\s*$/m.test(probe.stderr);
}

/**
 * Runs every command `warmup` times (not counted), then `runs` rounds of each in turn.
 * A command: { id, argv: [file, ...args], cwd, env, prepare?: () => void } (prepare runs before
 * each sample, untimed). Returns per id: samples (ms), median, min, max, peak RSS (MB, max over
 * the samples) and the first failure, if any.
 */
export function measure(commands, { runs, warmup = 1, onProgress = () => {} }) {
  const memory = canMeasureMemory();
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'slim-bench-time-'));
  const results = new Map(commands.map((c) => [c.id, { id: c.id, samples: [], rssKb: [], cpuMs: [], failure: null }]));
  try {
    const once = (command, record) => {
      command.prepare?.();
      const rssFile = path.join(scratch, 'rss');
      const [file, ...args] = memory ? [GNU_TIME, '-f', '%M %U %S', '-o', rssFile, ...command.argv] : command.argv;
      const started = process.hrtime.bigint();
      const child = spawnSync(file, args, {
        cwd: command.cwd,
        env: { ...process.env, ...command.env },
        stdio: ['ignore', 'ignore', 'pipe'],
        maxBuffer: 64 * 1024 * 1024,
      });
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const result = results.get(command.id);
      if (child.status !== 0) {
        result.failure ??= `exit ${child.status ?? child.signal}: ${String(child.stderr).trim().split('\n').slice(-3).join(' | ')}`;
        return;
      }
      if (!record) return;
      result.samples.push(ms);
      if (memory) {
        const [kb, user, sys] = (readFileSync(rssFile, 'utf8').trim().split('\n').at(-1) ?? '').split(' ').map(Number);
        if (Number.isFinite(kb)) result.rssKb.push(kb);
        if (Number.isFinite(user) && Number.isFinite(sys)) result.cpuMs.push((user + sys) * 1000);
      }
    };
    for (let i = 0; i < warmup; i += 1) for (const command of commands) once(command, false);
    for (let round = 0; round < runs; round += 1) {
      // Rotate the order so no command always runs right after another one.
      const order = commands.map((_, k) => commands[(k + round) % commands.length]);
      for (const command of order) once(command, true);
      onProgress(round + 1, runs);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return Object.fromEntries(
    [...results.values()].map((r) => [
      r.id,
      {
        runs: r.samples.length,
        medianMs: median(r.samples),
        // In round order, so another command's sample of the same round can be paired with it.
        samples: r.samples.map((ms) => Math.round(ms * 10) / 10),
        minMs: r.samples.length ? Math.min(...r.samples) : null,
        maxMs: r.samples.length ? Math.max(...r.samples) : null,
        medianCpuMs: median(r.cpuMs),
        peakRssMb: r.rssKb.length ? Math.max(...r.rssKb) / 1024 : null,
        failure: r.failure,
      },
    ]),
  );
}

export function median(values) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
