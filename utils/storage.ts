/**
 * Every `local:` item, declared once, with a version; the types are their domains' own. Only trusted contexts
 * (background, popup) touch it: where the browser allows it, storage.local is closed to content scripts, which ask
 * the background for the guide's progress instead. `storage.local` holds
 * ciphertext (sealed JWEs) and identifiers, never a key in clear. `session:` items are background-only and live
 * in `delivery/` (a content script may not touch `storage.session`, and defining an item touches it).
 */
import { storage, type WxtStorageItem } from '#imports';
import type { ConnectionSnapshot, Delivery, Outbox, OutboxEntry, Pairing } from '@/utils/delivery/types';
import type { GuideProgress } from '@/utils/guidance/types';
import type { GuideName } from '@/utils/protocol/types';

/** The Intake API's write-only token and the account it belongs to; null when not paired. */
export const pairingItem = storage.defineItem<Pairing | null>('local:pairing', { fallback: null, version: 1 });

/** Sealed captures not yet acknowledged by Stactize, by captureId. The durable heart of "never lose a key". */
export const outboxItem = storage.defineItem<Outbox>('local:outbox', {
  fallback: {},
  version: 2,
  migrations: {
    // v2 binds each entry to an account and freezes its `client` at the first send. An entry from v1 is bound to
    // no account, so it is sent nowhere until the user confirms where (never to whoever is paired by then).
    2: (v1: Record<string, Omit<OutboxEntry, 'secretSha256' | 'client' | 'account'>>): Outbox =>
      Object.fromEntries(
        Object.entries(v1).map(([id, entry]) => [id, { ...entry, secretSha256: '', client: null, account: null }]),
      ),
  },
});

/** The last acknowledged deliveries (identifiers only), newest first, for the overlay and the popup. */
export const deliveriesItem = storage.defineItem<Delivery[]>('local:deliveries', { fallback: [], version: 1 });

export const MAX_DELIVERIES_KEPT = 20;

/** Before the first GET /v1/connection answer, and again after pairing or disconnecting. */
export const EMPTY_CONNECTION_SNAPSHOT: ConnectionSnapshot = { connection: null, fetchedAt: null, problem: null };

/** The last connection status Stactize gave, for the popup, the badge and the expiry reminders. */
export const connectionItem = storage.defineItem<ConnectionSnapshot>('local:connection', {
  fallback: EMPTY_CONNECTION_SNAPSHOT,
  version: 1,
});

/**
 * Intake tokens of a disconnected pairing that Stactize has not yet confirmed revoked: retried until it answers.
 * Written before the pairing is forgotten. Background only reads it.
 */
export const pendingRevokesItem = storage.defineItem<{ token: string; attempts: number }[]>('local:pendingRevokes', {
  fallback: [],
  version: 1,
});

/** Expiry reminders already shown, by captureId: the thresholds (30, 7, 1 days) each was shown at. */
export const expiryRemindersItem = storage.defineItem<Record<string, number[]>>('local:expiryReminders', {
  fallback: {},
  version: 1,
});

/** A guide the popup or a notification asked to start on the next Partner Center page of the flow. */
export const guideRequestItem = storage.defineItem<{ guide: GuideName; requestedAt: number } | null>(
  'local:guideRequest',
  { fallback: null, version: 1 },
);

/** The in-page guide's progress (see `GuideProgress`): step ids only, kept by the background for the content script. */
export const guideProgressItem = storage.defineItem<GuideProgress | null>('local:guideProgress', {
  fallback: null,
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
