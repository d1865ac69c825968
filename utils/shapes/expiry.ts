/** Key expiry: days left, and which reminder (30, 7, 1 days before) is due. Pure; the clock is an argument. */

export const REMINDER_DAYS = [30, 7, 1] as const;
const DAY_MS = 86_400_000;

/** Whole days from `now` until the start of `date` (YYYY-MM-DD, UTC); negative once expired. */
export function daysLeft(date: string, now: number): number {
  const at = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(at) ? Number.NaN : Math.ceil((at - now) / DAY_MS);
}

/**
 * The reminder to show now, or null: the tightest threshold reached that was not shown yet. Skipped thresholds
 * are not shown late (someone away for three weeks gets the 7-day reminder, not the 30-day one too).
 */
export function dueReminder(date: string, now: number, shown: readonly number[]): number | null {
  const left = daysLeft(date, now);
  if (Number.isNaN(left) || left < 0) return null;
  const reached = REMINDER_DAYS.filter((days) => left <= days);
  const tightest = reached.at(-1);
  return tightest !== undefined && !shown.includes(tightest) ? tightest : null;
}

/** True when the key's expiry deserves the user's attention (badge). */
export function expiringSoon(date: string | null | undefined, now: number): boolean {
  if (!date) return false;
  const left = daysLeft(date, now);
  return !Number.isNaN(left) && left <= REMINDER_DAYS[0];
}

/** The local calendar day of an instant, as `YYYY-MM-DD` (the day Partner Center shows a key was created). */
export function localDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
