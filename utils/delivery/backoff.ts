/**
 * The retry policy for calls to the Intake API: how long to wait before the next attempt. Pure; the randomness is
 * injectable so that tests are deterministic.
 */

/**
 * No retry is scheduled sooner than this. chrome.alarms fires no sooner than ~30 s in a packed build anyway, but an
 * unpacked (dev) build and a plain setTimeout honour shorter delays, and a failing server must not be hammered there.
 */
export const MIN_RETRY_DELAY_MS = 1000;

export interface RetryDelayInput {
  /** 0 for the first retry, 1 for the second, … */
  attempt: number;
  /** From the server's Retry-After; the answer is never shorter. */
  retryAfterMs?: number;
  random?: () => number;
  baseMs?: number;
  capMs?: number;
}

/**
 * AWS "full jitter": a uniform random delay in [0, min(cap, base · 2^attempt)), so that many clients failing at
 * once spread out instead of retrying in lockstep. Then raised to the floor, and to Retry-After (which wins even
 * over the cap: the server knows best when it can take the call again).
 */
export function nextRetryDelayMs({
  attempt,
  retryAfterMs,
  random = Math.random,
  baseMs = 2000,
  capMs = 15 * 60_000,
}: RetryDelayInput): number {
  const exponent = Number.isFinite(attempt) && attempt > 0 ? attempt : 0;
  // 2 ** 1100 is Infinity, which Math.min turns back into the cap.
  const ceiling = Math.max(0, Math.min(capMs, baseMs * 2 ** exponent));
  const r = random();
  const jitter = Number.isFinite(r) ? Math.min(Math.max(r, 0), 1) : 0;
  const raw = Math.floor(jitter * ceiling);
  // A NaN from odd arguments (say capMs: NaN) falls back to the floor instead of propagating.
  const delay = Math.max(MIN_RETRY_DELAY_MS, Number.isNaN(raw) ? 0 : raw);
  return retryAfterMs !== undefined && retryAfterMs > delay ? Math.ceil(retryAfterMs) : delay;
}
