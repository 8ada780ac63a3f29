// Graceful stop (issue: production behaviour): does the final image need an init as PID 1?
// The facts are in src/knowledge/stop-signals.ts; this file only picks the row that applies.
import { STOP_SIGNALS, TINI, type SignalRow } from '../knowledge/stop-signals.js';
import type { Ecosystem } from '../ecosystem.js';
import type { CommonFacts, Plan, StartCommand } from '../types.js';

export interface InitDecision {
  /** tini goes in front of the start command. */
  tini: boolean;
  why: string;
}

/** Whether tini goes in front of the start command, given the stop-signals row that applies. */
export function initDecision(rowId: string, start: StartCommand): InitDecision {
  const row: SignalRow | undefined = STOP_SIGNALS.find((r) => r.id === rowId);
  if (start.kind === 'shell') {
    // sh as PID 1 has no SIGTERM handler either and does not pass the signal to its children.
    return { tini: true, why: `the start command runs through /bin/sh, which as PID 1 neither stops on SIGTERM nor passes it on: tini runs as PID 1 and signals the whole group (${TINI.source})` };
  }
  if (row === undefined) return { tini: false, why: `no fact about how ${rowId} handles SIGTERM; nothing added` };
  if (row.handlesSigterm) return { tini: false, why: `no init needed: ${row.why} (${row.source})` };
  return { tini: true, why: `tini runs as PID 1 and forwards docker stop's SIGTERM, so the app stops at once instead of being killed after 10 s: ${row.why} (${row.source})` };
}

/** The plan with the decision in its reasons (for --explain) and its `init` set. */
export function withInit<F extends CommonFacts>(plan: Plan, ecosystem: Pick<Ecosystem<F>, 'language' | 'stop'>, facts: F): Plan {
  if (ecosystem.stop === undefined) return plan;
  let decision = initDecision(ecosystem.stop.signals(facts), facts.start.value);
  if (decision.tini && !ecosystem.stop.printsInit) {
    decision = { tini: false, why: `no init added (the ${ecosystem.language} template has none yet), so docker stop may wait out its grace period: ${decision.why}` };
  }
  return { ...plan, init: decision.tini, reasons: [...plan.reasons, `stop: ${decision.why}`] };
}
/**
 * What goes in front of the start command: nothing, or tini; `-g` sends the signal to tini's
 * whole process group, so a shell start command's children get it too (https://github.com/krallin/tini#process-group-killing).
 */
export function initPrefix(plan: Pick<Plan, 'init'>, facts: Pick<CommonFacts, 'start'>): string[] {
  if (plan.init !== true) return [];
  return [TINI.target, ...(facts.start.value.kind === 'shell' ? ['-g'] : []), '--'];
}
