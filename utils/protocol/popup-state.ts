/** What the popup renders: built in the background from stored state, so it shows at once and offline. */
import type { Connection } from '../delivery/intake-api';
import type { OutboxEntry } from '../delivery/outbox';
import {
  type ConnectionSnapshot,
  connectionItem,
  type Delivery,
  deliveriesItem,
  getValues,
  outboxItem,
  type Pairing,
  pairingItem,
} from '../storage';
import type { CaptureView } from './messages';

export interface PopupState {
  account: { name: string; expiresAt: string } | null;
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
  };
}

export function deliveredView(delivery: Delivery): CaptureView {
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
  };
}

export function buildPopupState(input: {
  pairing: Pairing | null;
  snapshot: ConnectionSnapshot;
  outbox: OutboxEntry[];
  deliveries: Delivery[];
  kid: string;
  partnerCenterAccess: boolean;
}): PopupState {
  const { pairing, snapshot } = input;
  const accepted = snapshot.connection?.acceptedSealingKeyIds;
  return {
    account: pairing ? { name: pairing.account.name, expiresAt: pairing.expiresAt } : null,
    connection: pairing ? snapshot.connection : null,
    connectionProblem: pairing ? snapshot.problem : null,
    updateRequired: Boolean(pairing && accepted && !accepted.includes(input.kid)),
    partnerCenterAccess: input.partnerCenterAccess,
    outbox: input.outbox.map(entryView).sort((a, b) => a.captureId.localeCompare(b.captureId)),
    deliveries: input.deliveries,
  };
}

/**
 * The popup state from storage, as stored. The popup calls this itself for its first render (no round trip to
 * a worker that may be asleep), then asks the background to refresh from the API.
 */
export async function loadPopupState(kid: string, hasPartnerCenterAccess: () => Promise<boolean>): Promise<PopupState> {
  const [[pairing, snapshot, outbox, deliveries], partnerCenterAccess] = await Promise.all([
    getValues([pairingItem, connectionItem, outboxItem, deliveriesItem]),
    hasPartnerCenterAccess(),
  ]);
  return buildPopupState({ pairing, snapshot, outbox: Object.values(outbox), deliveries, kid, partnerCenterAccess });
}
