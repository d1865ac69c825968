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
import type { KeyConfidence } from '@/utils/shapes';
import type { ClientInfo } from './intake-api';

export type OutboxState = 'secured' | 'queued' | 'sending' | 'retrying' | 'attention';

export interface OutboxError {
  code: string;
  message: string;
  at: string;
}

/** The Stactize account a capture is for: the one the user pressed Send for. */
export interface BoundAccount {
  id: string;
  name: string;
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
  confidence: KeyConfidence;
  clientIdMismatch: boolean;
  /** SHA-256 (hex) of the key: the same key captured again (a content script injected again) is this entry. */
  secretSha256: string;
  /** The request's `client`, frozen at the first send: a retry is the identical body, even after an update. */
  client: ClientInfo | null;
  /** The account the user sent this to; null until they press Send. It is never sent to another one. */
  account: BoundAccount | null;
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
  | 'secretSha256'
>;

/** Adds a capture; a capture already held is left as it is (the same message delivered twice changes nothing). */
export function addCapture(outbox: Outbox, capture: NewCapture): Outbox {
  if (Object.hasOwn(outbox, capture.captureId) || findBySecret(outbox, capture.secretSha256)) return outbox;
  const entry: OutboxEntry = {
    ...capture,
    client: null,
    account: null,
    state: 'secured',
    attempts: 0,
    nextAttemptAt: null,
    lastError: null,
  };
  return { ...outbox, [capture.captureId]: entry };
}

function update(outbox: Outbox, captureId: string, change: (entry: OutboxEntry) => OutboxEntry): Outbox {
  const entry = Object.hasOwn(outbox, captureId) ? outbox[captureId] : undefined;
  return entry ? { ...outbox, [captureId]: change(entry) } : outbox;
}

/** The entry holding this key, if one does. */
export function findBySecret(outbox: Outbox, secretSha256: string): OutboxEntry | undefined {
  return Object.values(outbox).find((entry) => entry.secretSha256 === secretSha256);
}

/**
 * The user asked to send (or send again): due at once, whatever went before, and bound to `account` from now
 * on (null: not paired yet, the binding stays as it was). Sending entries stay as they are.
 */
export function requestSend(outbox: Outbox, captureId: string, now: number, account: BoundAccount | null): Outbox {
  return update(outbox, captureId, (entry) =>
    entry.state === 'sending'
      ? entry
      : { ...entry, state: 'queued', nextAttemptAt: now, account: account ?? entry.account },
  );
}

/** Marks the attempt; the first one freezes the request's `client`, so every later one sends the same body. */
export function markSending(outbox: Outbox, captureId: string, client: ClientInfo): Outbox {
  return update(outbox, captureId, (entry) => ({
    ...entry,
    state: 'sending',
    attempts: entry.attempts + 1,
    client: entry.client ?? client,
  }));
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

/** An error the extension itself records (`not_paired`, `account_changed`, `internal`…); the UI words it by code. */
export function problem(code: string, message = code): OutboxError {
  return { code, message, at: new Date().toISOString() };
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
