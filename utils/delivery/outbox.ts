/**
 * The outbox: sealed captures waiting for Stactize's acknowledgement, as a pure state machine. Storage and
 * the network live elsewhere (storage.ts, delivery.ts); every function here takes an outbox and returns a new
 * one, so each transition is easy to test and is written to storage in one piece.
 *
 *   secured ──send──▶ queued ──attempt──▶ sending ──ack checked──▶ (removed, recorded as delivered)
 *                        ▲                   │
 *                        └──── retrying ◀────┤ retryable error (backoff, Retry-After)
 *                                            └▶ attention   permanent error: kept, shown, sent again on request
 */

export type OutboxState = 'secured' | 'queued' | 'sending' | 'retrying' | 'attention';

export interface OutboxError {
  code: string;
  message: string;
  at: string;
}

export interface OutboxEntry {
  captureId: string;
  tenantId: string;
  clientId: string;
  applicationName: string | null;
  keyExpiresAt: string | null;
  capturedAt: string;
  /** Compact JWE; the only form of the key that is ever stored. */
  sealed: string;
  kid: string;
  confidence: 'high' | 'low';
  clientIdMismatch: boolean;
  state: OutboxState;
  attempts: number;
  /** Epoch ms of the next attempt, for queued and retrying entries. */
  nextAttemptAt: number | null;
  lastError: OutboxError | null;
}

export type Outbox = Record<string, OutboxEntry>;

export type NewCapture = Pick<
  OutboxEntry,
  | 'captureId'
  | 'tenantId'
  | 'clientId'
  | 'applicationName'
  | 'keyExpiresAt'
  | 'capturedAt'
  | 'sealed'
  | 'kid'
  | 'confidence'
  | 'clientIdMismatch'
>;

/** Adds a capture; a capture already held is left as it is (the same message delivered twice changes nothing). */
export function addCapture(outbox: Outbox, capture: NewCapture): Outbox {
  if (Object.hasOwn(outbox, capture.captureId)) return outbox;
  const entry: OutboxEntry = { ...capture, state: 'secured', attempts: 0, nextAttemptAt: null, lastError: null };
  return { ...outbox, [capture.captureId]: entry };
}

function update(outbox: Outbox, captureId: string, change: (entry: OutboxEntry) => OutboxEntry): Outbox {
  const entry = Object.hasOwn(outbox, captureId) ? outbox[captureId] : undefined;
  return entry ? { ...outbox, [captureId]: change(entry) } : outbox;
}

/** The user asked to send (or send again): due at once, whatever went before. Sending entries stay as they are. */
export function requestSend(outbox: Outbox, captureId: string, now: number): Outbox {
  return update(outbox, captureId, (entry) =>
    entry.state === 'sending' ? entry : { ...entry, state: 'queued', nextAttemptAt: now },
  );
}

export function markSending(outbox: Outbox, captureId: string): Outbox {
  return update(outbox, captureId, (entry) => ({ ...entry, state: 'sending', attempts: entry.attempts + 1 }));
}

export function markRetrying(outbox: Outbox, captureId: string, error: OutboxError, nextAttemptAt: number): Outbox {
  return update(outbox, captureId, (entry) => ({ ...entry, state: 'retrying', nextAttemptAt, lastError: error }));
}

export function markAttention(outbox: Outbox, captureId: string, error: OutboxError): Outbox {
  return update(outbox, captureId, (entry) => ({
    ...entry,
    state: 'attention',
    nextAttemptAt: null,
    lastError: error,
  }));
}

export function remove(outbox: Outbox, captureId: string): Outbox {
  if (!Object.hasOwn(outbox, captureId)) return outbox;
  const { [captureId]: _gone, ...rest } = outbox;
  return rest;
}

/**
 * Entries to attempt now. An entry found `sending` was interrupted (service worker stopped, browser closed):
 * it is due again, which is safe because the Intake API dedupes on the captureId.
 */
export function dueEntries(outbox: Outbox, now: number): OutboxEntry[] {
  return Object.values(outbox)
    .filter(
      (entry) =>
        entry.state === 'sending' ||
        ((entry.state === 'queued' || entry.state === 'retrying') && (entry.nextAttemptAt ?? 0) <= now),
    )
    .sort((a, b) => a.capturedAt.localeCompare(b.capturedAt));
}

/** When the delivery loop must wake next, or null when nothing waits on time. */
export function nextWakeAt(outbox: Outbox): number | null {
  const times = Object.values(outbox)
    .filter((entry) => entry.state === 'queued' || entry.state === 'retrying')
    .map((entry) => entry.nextAttemptAt ?? 0);
  return times.length ? Math.min(...times) : null;
}

/** Entries that wait on the user: not sent yet, or stopped by a permanent error. */
export function waitingOnUser(outbox: Outbox): OutboxEntry[] {
  return Object.values(outbox).filter((entry) => entry.state === 'secured' || entry.state === 'attention');
}
