/**
 * A key's expiry learned after its capture: the key screen showed none, and the application page the user came
 * back to lists the key created today with its expiry. The page is untrusted, so the date is taken only for a
 * capture of that application made today, that has no expiry yet, and only when it is a plausible key lifetime;
 * an entry already sent keeps its request body (identical retries), the date is kept beside it locally instead.
 */
import { localDay } from '@/utils/shapes';
import type { Outbox } from './outbox';
import type { ConnectionSnapshot, Delivery } from './types';

export interface ListedExpiry {
  clientId: string;
  /** The local day the listed key was created (`YYYY-MM-DD`), as the page shows it. */
  createdOn: string;
  keyExpiresAt: string;
}

/** Entra caps a secret's lifetime at 24 months; a little more is allowed for the display's rounding. */
const MAX_LIFETIME_DAYS = 2 * 366 + 2;

function plausible(listed: ListedExpiry, now: number): boolean {
  if (listed.createdOn !== localDay(now)) return false;
  const days = (Date.parse(listed.keyExpiresAt) - Date.parse(listed.createdOn)) / 86_400_000;
  return days > 0 && days <= MAX_LIFETIME_DAYS;
}

const sameDay = (iso: string, day: string) => {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) && localDay(ms) === day;
};

/** The outbox with the expiry set on the matching unsent captures (none sent yet: the body is not frozen). */
export function learnInOutbox(outbox: Outbox, listed: ListedExpiry, now: number): Outbox {
  if (!plausible(listed, now)) return outbox;
  let changed = false;
  const next: Outbox = { ...outbox };
  for (const [id, entry] of Object.entries(outbox)) {
    if (entry.clientId !== listed.clientId || entry.keyExpiresAt !== null || entry.client !== null) continue;
    if (!sameDay(entry.capturedAt, listed.createdOn)) continue;
    next[id] = { ...entry, keyExpiresAt: listed.keyExpiresAt };
    changed = true;
  }
  return changed ? next : outbox;
}

/** The deliveries with the expiry noted on the matching ones delivered today without an expiry. */
export function learnInDeliveries(deliveries: Delivery[], listed: ListedExpiry, now: number): Delivery[] {
  if (!plausible(listed, now)) return deliveries;
  let changed = false;
  const next = deliveries.map((d) => {
    if (d.clientId !== listed.clientId || d.keyExpiresAt !== null || !sameDay(d.deliveredAt, listed.createdOn))
      return d;
    changed = true;
    return { ...d, keyExpiresAt: listed.keyExpiresAt };
  });
  return changed ? next : deliveries;
}

/** The connection as Stactize gave it, its credential's missing expiry filled from what this device learned. */
export function withLearnedExpiry(snapshot: ConnectionSnapshot, deliveries: readonly Delivery[]): ConnectionSnapshot {
  const credential = snapshot.connection?.credential;
  if (!snapshot.connection || !credential || credential.keyExpiresAt) return snapshot;
  const learned = deliveries.find((d) => d.captureId === credential.captureId)?.keyExpiresAt;
  if (!learned) return snapshot;
  return { ...snapshot, connection: { ...snapshot.connection, credential: { ...credential, keyExpiresAt: learned } } };
}
