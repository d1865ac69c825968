/** What the popup renders: built from stored state, so it shows at once and offline (in the popup or the background). */
import type { ConnectionSnapshot, Delivery, OutboxEntry, Pairing } from '@/utils/delivery/types';
import { connectionItem, deliveriesItem, getValues, outboxItem, pairingItem } from '@/utils/storage';
import { entryView, type PopupState } from './views';

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
    account: pairing ? { id: pairing.account.id, name: pairing.account.name, expiresAt: pairing.expiresAt } : null,
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
