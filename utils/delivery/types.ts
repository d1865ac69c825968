/** The delivery room's own records, as stored: its second door, for type-only imports (storage.ts, views). */
import type { Connection } from './intake-api';

export type { ClientInfo, Connection } from './intake-api';
export type { BoundAccount, NewCapture, Outbox, OutboxEntry, OutboxError, OutboxState } from './outbox';

export interface Pairing {
  pairingId: string;
  account: { id: string; name: string };
  intakeToken: string;
  expiresAt: string;
  pairedAt: string;
}

export interface Delivery {
  captureId: string;
  credentialId: string;
  tenantId: string;
  clientId: string;
  applicationName: string | null;
  keyExpiresAt: string | null;
  deliveredAt: string;
  accountName: string;
  /** SHA-256 (hex) of the key, so the same key captured again is known as delivered; absent in older records. */
  secretSha256?: string;
}

export interface ConnectionSnapshot {
  /** The last GET /v1/connection answer, as parsed; null before the first. */
  connection: Connection | null;
  fetchedAt: string | null;
  /** Why the last refresh failed, when it did: shown as what it means, the stored answer is kept. */
  problem: 'unreachable' | 'unauthorized' | 'rate_limited' | null;
}
