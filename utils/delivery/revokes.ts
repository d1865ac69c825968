/**
 * Revoking an intake token after a disconnect, until Stactize answers. The token is kept as a pending revoke
 * before the pairing is forgotten, so a disconnect while offline never leaves a live token behind unknown.
 */
import { pendingRevokesItem } from '@/utils/storage';
import { nextRetryDelayMs } from './backoff';
import type { IntakeClient, IntakeError } from './intake-api';

/** Stactize no longer knows the token (already revoked, expired, or unknown): nothing left to revoke. */
const isGone = (error: IntakeError) => error.kind === 'http' && [401, 404, 410].includes(error.status);

export async function addPendingRevoke(token: string): Promise<void> {
  const pending = await pendingRevokesItem.getValue();
  if (!pending.some((p) => p.token === token)) await pendingRevokesItem.setValue([...pending, { token, attempts: 0 }]);
}

/**
 * Tries every pending revoke once; keeps those Stactize did not answer. Returns when to try again (null: none
 * left). Chained by the caller so that two runs never interleave.
 */
export async function retryRevokes(intake: IntakeClient, now: number, random?: () => number): Promise<number | null> {
  const pending = await pendingRevokesItem.getValue();
  const left: typeof pending = [];
  for (const entry of pending) {
    const result = await intake.revokePairing(entry.token);
    if (!result.ok && !isGone(result.error)) left.push({ ...entry, attempts: entry.attempts + 1 });
  }
  // Written against the latest list: a disconnect during the run added its token, which is kept.
  const latest = await pendingRevokesItem.getValue();
  const tried = new Set(pending.map((p) => p.token));
  await pendingRevokesItem.setValue([...left, ...latest.filter((p) => !tried.has(p.token))]);
  if (!left.length) return null;
  const attempt = Math.max(...left.map((p) => p.attempts)) - 1;
  return now + nextRetryDelayMs({ attempt, random });
}
