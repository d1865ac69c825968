/**
 * Every stored thing, declared once, with a version. The background writes all of it except the guide's
 * progress, which the content script keeps for its own UI. `storage.local` holds ciphertext (sealed JWEs) and
 * identifiers, never a key in clear.
 */
import { storage, type WxtStorageItem } from '#imports';
import type { Outbox } from './delivery/outbox';

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
}

/** The Intake API's write-only token and the account it belongs to; null when not paired. */
export const pairingItem = storage.defineItem<Pairing | null>('local:pairing', { fallback: null, version: 1 });

/** Sealed captures not yet acknowledged by Stactize, by captureId. The durable heart of "never lose a key". */
export const outboxItem = storage.defineItem<Outbox>('local:outbox', { fallback: {}, version: 1 });

/** The last acknowledged deliveries (identifiers only), newest first, for the overlay and the popup. */
export const deliveriesItem = storage.defineItem<Delivery[]>('local:deliveries', { fallback: [], version: 1 });

export const MAX_DELIVERIES_KEPT = 20;

/** Which tab captured what, so that state changes reach that tab's overlay even after a worker restart. */
export const captureTabsItem = storage.defineItem<Record<string, number>>('session:captureTabs', {
  fallback: {},
  version: 1,
});

export interface ConnectionSnapshot {
  /** The last GET /v1/connection answer, as parsed; null before the first. */
  connection: import('./delivery/intake-api').Connection | null;
  fetchedAt: string | null;
  /** Why the last refresh failed, when it did: shown as what it means, the stored answer is kept. */
  problem: 'unreachable' | 'unauthorized' | 'rate_limited' | null;
}

export const connectionItem = storage.defineItem<ConnectionSnapshot>('local:connection', {
  fallback: { connection: null, fetchedAt: null, problem: null },
  version: 1,
});

/** Expiry reminders already shown, by captureId: the thresholds (30, 7, 1 days) each was shown at. */
export const expiryRemindersItem = storage.defineItem<Record<string, number[]>>('local:expiryReminders', {
  fallback: {},
  version: 1,
});

export type GuideName = 'connect' | 'rotate';

/** A guide the popup or a notification asked to start on the next Partner Center page of the flow. */
export const guideRequestItem = storage.defineItem<{ guide: GuideName; requestedAt: number } | null>(
  'local:guideRequest',
  { fallback: null, version: 1 },
);

/**
 * The in-page guide's progress: which guide runs, the steps done, where the user was on each page kind, and
 * per page kind whether the guide is hidden or minimised. Step ids only, no secrets; written by the content
 * script so that the guide resumes across client-side navigation and reloads.
 */
export interface GuideProgress {
  guide: GuideName;
  /** Started from the popup or restarted: the guide then shows outside the account area too. */
  active: boolean;
  /** Step references (`connect.applicationPage.addKey`) the user finished. */
  completed: string[];
  /** The step id the user was on, per page kind. */
  at: Partial<Record<string, string>>;
  pages: Partial<Record<string, { dismissed?: boolean; minimised?: boolean }>>;
}

export const EMPTY_GUIDE_PROGRESS: GuideProgress = {
  guide: 'connect',
  active: false,
  completed: [],
  at: {},
  pages: {},
};

export const guideProgressItem = storage.defineItem<GuideProgress>('local:guideProgress', {
  fallback: EMPTY_GUIDE_PROGRESS,
  version: 1,
});

/**
 * Several items' values (fallbacks applied) in one read per storage area, where `getValue` on each would cost a
 * round trip to the browser apiece. The popup's first render waits on this.
 */
export async function getValues<const Items extends readonly WxtStorageItem<unknown, Record<string, unknown>>[]>(
  items: Items,
): Promise<{ [K in keyof Items]: Items[K] extends WxtStorageItem<infer V, Record<string, unknown>> ? V : never }> {
  const results = await storage.getItems([...items]);
  return results.map((result) => result.value) as never;
}
