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
    // Armed before the entry is marked `sending`, so no moment leaves it `sending` with nothing set to wake;
    // an earlier wake-up for another entry stays (the loop then runs after this attempt).
    deps.schedule(Math.min(now() + SENDING_WATCHDOG_MS, nextWakeAt(remove(takenFrom, entry.captureId)) ?? Infinity));
    await deps.mutateOutbox((outbox) => markSending(outbox, entry.captureId));
    deps.onChange(entry.captureId);
    const result = await deps.intake.submitCredential(pairing.intakeToken, toSubmission(entry, deps.client));
    if (result.ok && (await ackMatches(result.data, entry))) {
      await deps.mutateOutbox((outbox) => remove(outbox, entry.captureId));
      await deps.recordDelivery({
        captureId: entry.captureId,
        credentialId: result.data.credentialId,
        tenantId: entry.tenantId,
        clientId: entry.clientId,
        applicationName: entry.applicationName,
        keyExpiresAt: entry.keyExpiresAt,
        deliveredAt: new Date(now()).toISOString(),
        accountName: pairing.account.name,
      });
      return deps.onChange(entry.captureId);
    }
    const error: IntakeError = result.ok
      ? { kind: 'bad_response', status: result.status, reason: 'ack_mismatch' }
      : result.error;
    const retry =
      isRetryable(error) && !(result.ok && entry.attempts + 1 >= MAX_ACK_MISMATCHES) ? retryAt(entry, error) : null;
    await deps.mutateOutbox((outbox) =>
      retry === null
        ? markAttention(outbox, entry.captureId, problemFrom(error))
        : markRetrying(outbox, entry.captureId, problemFrom(error), retry),
    );
    deps.onChange(entry.captureId);
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

function problem(code: string, message = code): OutboxError {
  return { code, message, at: new Date().toISOString() };
}

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
