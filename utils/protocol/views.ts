/**
 * What the messages carry: the views of a capture, of the paired account and of the popup, and how a stored
 * record becomes one. Pure; the popup builds the same views from storage as the background does.
 */
import type {
  Connection,
  ConnectionSnapshot,
  Delivery,
  OutboxEntry,
  OutboxError,
  OutboxState,
} from '@/utils/delivery/types';

export interface CaptureView {
  captureId: string;
  state: OutboxState | 'delivered' | 'unknown';
  tenantId: string | null;
  clientId: string | null;
  applicationName: string | null;
  keyExpiresAt: string | null;
  clientIdMismatch: boolean;
  attempts: number;
  nextAttemptAt: number | null;
  lastError: OutboxError | null;
  /** The account the user sent it to (null until Send): a send waits and asks when the pairing is another one. */
  boundAccountName: string | null;
  /** Once delivered: what Stactize's verification said of it (null before Stactize answered for this capture). */
  verification: Verification | null;
}

export interface Verification {
  status: 'pending_verification' | 'verified' | 'rejected';
  reason: NonNullable<Connection['credential']>['reason'] | null;
}

export interface AccountView {
  paired: boolean;
  accountId: string | null;
  accountName: string | null;
}

/** Why a capture was not stored: too many wait unsent, or the browser's storage is full. The key stays on screen. */
export type StoreRefusal = 'outbox_full' | 'storage_full';

/** The answer to storeCapture: stored (or the same key already held), or refused and why. */
export type StoreOutcome = { ok: true; view: CaptureView } | { ok: false; reason: StoreRefusal };

export type ClaimOutcome = { ok: true; accountName: string } | { ok: false; reason: string; message: string };

export interface PopupState {
  account: { id: string; name: string; expiresAt: string } | null;
  connection: Connection | null;
  connectionProblem: ConnectionSnapshot['problem'];
  /** This build's sealing key is no longer accepted by Stactize: the user must update the extension. */
  updateRequired: boolean;
  /** The user withdrew the extension's access to Partner Center: nothing can be guided or captured there. */
  partnerCenterAccess: boolean;
  outbox: CaptureView[];
  deliveries: Delivery[];
}

export function entryView(entry: OutboxEntry): CaptureView {
  return {
    captureId: entry.captureId,
    state: entry.state,
    tenantId: entry.tenantId,
    clientId: entry.clientId,
    applicationName: entry.applicationName,
    keyExpiresAt: entry.keyExpiresAt,
    clientIdMismatch: entry.clientIdMismatch,
    attempts: entry.attempts,
    nextAttemptAt: entry.nextAttemptAt,
    lastError: entry.lastError,
    boundAccountName: entry.account?.name ?? null,
    verification: null,
  };
}

/** A delivered capture; `credential` is the one Stactize reports, which speaks for it only when it is this capture. */
export function deliveredView(delivery: Delivery, credential?: Connection['credential']): CaptureView {
  const verification =
    credential && credential.captureId === delivery.captureId
      ? { status: credential.status, reason: credential.reason ?? null }
      : null;
  return {
    captureId: delivery.captureId,
    state: 'delivered',
    tenantId: delivery.tenantId,
    clientId: delivery.clientId,
    applicationName: delivery.applicationName,
    keyExpiresAt: delivery.keyExpiresAt,
    clientIdMismatch: false,
    attempts: 0,
    nextAttemptAt: null,
    lastError: null,
    boundAccountName: delivery.accountName,
    verification,
  };
}

export function unknownView(captureId: string): CaptureView {
  return {
    captureId,
    state: 'unknown',
    tenantId: null,
    clientId: null,
    applicationName: null,
    keyExpiresAt: null,
    clientIdMismatch: false,
    attempts: 0,
    nextAttemptAt: null,
    lastError: null,
    boundAccountName: null,
    verification: null,
  };
}
