// The one place that knows what day it is. Version catalogs (which Node majors are maintained,
// which distroless images still get fixes) depend on the date, so golden tests pin it with
// SLIM_IMAGE_TODAY=YYYY-MM-DD and every date-dependent rule takes `today()` as an argument.

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Today at 00:00 UTC, or the day named by SLIM_IMAGE_TODAY (YYYY-MM-DD) when it is set. */
export function today(env: NodeJS.ProcessEnv = process.env): Date {
  const pinned = env.SLIM_IMAGE_TODAY;
  if (pinned === undefined || pinned === '') {
    const now = new Date();
    return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  }
  const day = parseDay(pinned);
  if (day === null) throw new Error(`SLIM_IMAGE_TODAY must be a date like 2026-11-27, not "${pinned}"`);
  return day;
}

/** "2026-04-30" -> that day at 00:00 UTC; null for anything that is not a real calendar day. */
export function parseDay(text: string): Date | null {
  const match = ISO_DAY.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2026-02-31 over into March; a real day survives the round trip.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date;
}
