/** What every handler module is built from: the service's shared parts, and the type of a handler table. */
import type { InboundData, InboundType, ProtocolMap } from '@/utils/protocol';
import type { ClientInfo, IntakeClient } from '../intake-api';
import type { OutboxStore } from '../outbox-store';
import type { TabMemory } from '../tab-memory';

export interface MessageContext {
  tabId: number | null;
}

export type Handler<T extends InboundType> = (
  data: InboundData<T>,
  context: MessageContext,
) => Promise<ReturnType<ProtocolMap[T]>>;

/** A part of the handler table; the service joins the parts into one table that covers every inbound type. */
export type HandlerGroup<T extends InboundType> = { [K in T]: Handler<K> };

export interface ServiceParts {
  intake: IntakeClient;
  client: ClientInfo;
  outbox: OutboxStore;
  tabs: TabMemory;
  now: () => number;
  refreshBadge(): Promise<void>;
  /** A capture's state changed outside the deliver loop: its tab hears of it, the badge follows. */
  captureChanged(captureId: string): Promise<void>;
  /** A delivered key's expiry was learned on this device: reminders and the badge look again. */
  afterExpiryLearned(): Promise<void>;
  refreshConnection(): Promise<void>;
  deliverDue(): Promise<void>;
  /** Revoke, now or later, the tokens of disconnected pairings. */
  revokePending(): Promise<void>;
}
