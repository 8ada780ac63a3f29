// Live build progress for people: one line per build step as the engine starts it, and a
// "still running" line when one step takes long, so the screen never looks frozen. Everything
// goes through output.info (stderr); with --json nothing is printed.
import type { Output } from '../output.js';
import type { BuildStep } from './build-log.js';

export interface Progress {
  step(step: BuildStep): void;
  cached(step: BuildStep): void;
  note(text: string): void;
  stop(): void;
}

const HEARTBEAT_MS = 15_000;

export function silentProgress(): Progress {
  return { step: () => {}, cached: () => {}, note: () => {}, stop: () => {} };
}

export function stepProgress(output: Output, label: string, heartbeatMs = HEARTBEAT_MS): Progress {
  let current: BuildStep | null = null;
  let since = Date.now();
  const timer = setInterval(() => {
    if (!current || Date.now() - since < heartbeatMs) return;
    const seconds = Math.round((Date.now() - since) / 1000);
    output.info(`  ${label}: still running ${shorten(current.instruction)} (${seconds} s)`);
  }, heartbeatMs);
  timer.unref();
  return {
    step(step) {
      current = step;
      since = Date.now();
      output.info(`  ${label} ${step.position}: ${shorten(step.instruction)}`);
    },
    cached() {
      // Not a line of its own (it would double the output of a cached rebuild); the summary
      // counts the steps the cache answered.
    },
    note(text) {
      output.info(`  ${text}`);
    },
    stop() {
      clearInterval(timer);
      current = null;
    },
  };
}

function shorten(text: string, max = 100): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > max ? `${oneLine.slice(0, max - 3)}...` : oneLine;
}
