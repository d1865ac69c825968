/** GET /v1/connection: the status Stactize gives, stored for the popup and badge, looked at again while pending. */
import { connectionItem, deliveriesItem, pairingItem } from '@/utils/storage';
import type { IntakeClient, IntakeError } from './intake-api';
import { withLearnedExpiry } from './learned-expiry';
import type { ConnectionSnapshot } from './types';

/** While Stactize verifies a key, the status is asked for again this soon. */
export const PENDING_REFRESH_MS = 5_000;

export interface ConnectionDeps {
  intake: IntakeClient;
  /** Refresh again at this time, or stop. */
  scheduleRefresh(at: number | null): void;
  /** After a fresh status was stored (expiry reminders). */
  onStatus(): Promise<void>;
  /** After each refresh, whatever its outcome (the badge). */
  afterRefresh(): Promise<void>;
  now: () => number;
}

function problemOf(error: IntakeError): NonNullable<ConnectionSnapshot['problem']> {
  if (error.kind === 'http' && error.status === 401) return 'unauthorized';
  if (error.kind === 'http' && error.status === 429) return 'rate_limited';
  return 'unreachable';
}

export function createConnectionRefresher(deps: ConnectionDeps) {
  return async function refreshConnection(): Promise<void> {
    const pairing = await pairingItem.getValue();
    if (!pairing) return;
    const result = await deps.intake.getConnection(pairing.intakeToken);
    if (result.ok) {
      // A delivered key's expiry this device learned after the capture fills the one Stactize was not sent.
      const snapshot = { connection: result.data, fetchedAt: new Date(deps.now()).toISOString(), problem: null };
      await connectionItem.setValue(withLearnedExpiry(snapshot, await deliveriesItem.getValue()));
      const pending = result.data.credential?.status === 'pending_verification';
      deps.scheduleRefresh(pending ? deps.now() + PENDING_REFRESH_MS : null);
      await deps.onStatus();
    } else {
      // The stored answer is kept; the popup says what the failure means beside it.
      await connectionItem.setValue({ ...(await connectionItem.getValue()), problem: problemOf(result.error) });
    }
    await deps.afterRefresh();
  };
}
