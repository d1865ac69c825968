/**
 * The deliver loop: sends due outbox entries to the Intake API, one at a time, and moves each through the
 * outbox state machine. At-least-once (retries until an acknowledgement is held) made effectively-once by the
 * API's idempotency on captureId; the same body every time. An entry leaves the outbox only after the
 * acknowledgement's captureId and sealedSha256 are checked.
 */

import { nextRetryDelayMs } from './backoff';
import type { ClientInfo, IntakeClient, IntakeError } from './intake-api';
import { ackMatches, isRetryable } from './intake-api';
import {
  dueEntries,
  markAttention,
  markRetrying,
  markSending,
  nextWakeAt,
  type Outbox,
  type OutboxEntry,
  type OutboxError,
  problem,
  remove,
} from './outbox';
import type { Delivery, Pairing } from './types';

export interface DeliveryDeps {
  /** Read-modify-write of the stored outbox, serialised by the caller's store. */
  mutateOutbox(change: (outbox: Outbox) => Outbox): Promise<Outbox>;
  getPairing(): Promise<Pairing | null>;
  recordDelivery(delivery: Delivery): Promise<void>;
  intake: IntakeClient;
  client: ClientInfo;
  /** Wake the loop again at this time (an alarm, and a timer while the worker lives); null: nothing waits. */
  schedule(at: number | null): void;
  /** A capture changed state (to tell the tab that captured it, and the badge). */
  onChange(captureId: string): void;
  now?: () => number;
  random?: () => number;
}

/** After this many acknowledgements that do not match what was sent, stop and ask for attention. */
const MAX_ACK_MISMATCHES = 5;

/**
 * Armed before every send: a worker stopped mid-send (Chrome's idle limit, a crash) leaves the entry `sending` with
 * nothing else due, so without this only the next unrelated event (a page, the popup, a restart) would resend it.
 * Longer than the request timeout (≤ 25 s), so a living worker always replaces it first.
 */
export const SENDING_WATCHDOG_MS = 60_000;

export function createDeliverer(deps: DeliveryDeps) {
  const now = deps.now ?? Date.now;
  let running: Promise<void> = Promise.resolve();

  /** `takenFrom` is the outbox `entry` was taken from: its other entries' wake-up times are kept. */
  async function attempt(entry: OutboxEntry, takenFrom: Outbox): Promise<void> {
    const pairing = await deps.getPairing();
    if (!pairing) {
      await deps.mutateOutbox((outbox) => markAttention(outbox, entry.captureId, problem('not_paired')));
      return deps.onChange(entry.captureId);
    }
    // Sent only to the account the user pressed Send for: after a change of pairing it waits and asks.
    if (!entry.account || entry.account.id !== pairing.account.id) {
      await deps.mutateOutbox((outbox) => markAttention(outbox, entry.captureId, problem('account_changed')));
      return deps.onChange(entry.captureId);
    }
    // Armed before the entry is marked `sending`, so no moment leaves it `sending` with nothing set to wake;
    // an earlier wake-up for another entry stays (the loop then runs after this attempt).
    deps.schedule(Math.min(now() + SENDING_WATCHDOG_MS, nextWakeAt(remove(takenFrom, entry.captureId)) ?? Infinity));
    const sending = (await deps.mutateOutbox((outbox) => markSending(outbox, entry.captureId, deps.client)))[
      entry.captureId
    ];
    deps.onChange(entry.captureId);
    if (!sending) return;
    const result = await deps.intake.submitCredential(
      pairing.intakeToken,
      toSubmission(sending, sending.client ?? deps.client),
    );
    if (result.ok && (await ackMatches(result.data, entry))) {
      return delivered(entry, pairing, result.data.credentialId);
    }
    const error: IntakeError = result.ok
      ? { kind: 'bad_response', status: result.status, reason: 'ack_mismatch' }
      : result.error;
    // The same captureId with a "different" body after an attempt whose answer was lost: Stactize may hold
    // the first one. Its connection status says whether it does, before the user is told anything.
    if (isIdempotencyConflict(error) && entry.attempts > 0) {
      const held = await heldByStactize(entry, pairing);
      if (held) return delivered(entry, pairing, held);
    }
    const retry =
      isRetryable(error) && !(result.ok && entry.attempts + 1 >= MAX_ACK_MISMATCHES) ? retryAt(entry, error) : null;
    await deps.mutateOutbox((outbox) =>
      retry === null
        ? markAttention(outbox, entry.captureId, problemFrom(error))
        : markRetrying(outbox, entry.captureId, problemFrom(error), retry),
    );
    deps.onChange(entry.captureId);
  }

  async function delivered(entry: OutboxEntry, pairing: Pairing, credentialId: string): Promise<void> {
    await deps.mutateOutbox((outbox) => remove(outbox, entry.captureId));
    await deps.recordDelivery({
      captureId: entry.captureId,
      credentialId,
      tenantId: entry.tenantId,
      clientId: entry.clientId,
      applicationName: entry.applicationName,
      keyExpiresAt: entry.keyExpiresAt,
      deliveredAt: new Date(now()).toISOString(),
      accountName: pairing.account.name,
      secretSha256: entry.secretSha256,
    });
    deps.onChange(entry.captureId);
  }

  /** The credentialId Stactize holds for this capture, by its connection status, or null. */
  async function heldByStactize(entry: OutboxEntry, pairing: Pairing): Promise<string | null> {
    const status = await deps.intake.getConnection(pairing.intakeToken);
    const credential = status.ok ? status.data.credential : null;
    return credential?.captureId === entry.captureId ? credential.credentialId : null;
  }

  function retryAt(entry: OutboxEntry, error: IntakeError): number {
    const retryAfterMs = error.kind === 'http' ? error.retryAfterMs : undefined;
    return now() + nextRetryDelayMs({ attempt: entry.attempts + 1, retryAfterMs, random: deps.random });
  }

  async function run(): Promise<void> {
    // Entries are taken one at a time and re-read each round, so a send requested meanwhile is seen.
    const tried = new Set<string>();
    for (;;) {
      const outbox = await deps.mutateOutbox((o) => o);
      const next = dueEntries(outbox, now()).find((entry) => !tried.has(entry.captureId));
      if (!next) return deps.schedule(nextWakeAt(outbox));
      tried.add(next.captureId);
      try {
        await attempt(next, outbox);
      } catch {
        // An unexpected failure must not lose the entry: it stays in the outbox and is tried again later.
        await deps.mutateOutbox((o) => markRetrying(o, next.captureId, problem('internal'), now() + 60_000));
      }
    }
  }

  return {
    /** Attempts every due entry; calls made while a round runs join the next round. */
    deliverDue(): Promise<void> {
      running = running.then(run, run);
      return running;
    },
  };
}

/** The request body, from the entry and the `client` frozen at its first send (`markSending`). */
export function toSubmission(entry: OutboxEntry, client: ClientInfo) {
  return {
    captureId: entry.captureId,
    tenantId: entry.tenantId,
    clientId: entry.clientId,
    applicationName: entry.applicationName,
    keyExpiresAt: entry.keyExpiresAt,
    capturedAt: entry.capturedAt,
    sealed: entry.sealed,
    client,
  };
}

const isIdempotencyConflict = (error: IntakeError) =>
  error.kind === 'http' && error.status === 422 && error.code === 'idempotency_key_reused';

/** What the user sees is chosen from `code` by the UI; `message` keeps the server's words for support. */
function problemFrom(error: IntakeError): OutboxError {
  switch (error.kind) {
    case 'http':
      return problem(error.code, `${error.status} ${error.message}`.slice(0, 300));
    case 'bad_response':
      return problem(error.reason === 'ack_mismatch' ? 'ack_mismatch' : 'bad_response', error.reason.slice(0, 300));
    default:
      return problem(error.kind);
  }
}
