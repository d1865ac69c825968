/**
 * Pairing: exchange the one-time code from the Stactize web app for a write-only intake token, and revoke it.
 * Nothing is stored unless the claim succeeds.
 */

import type { ClaimOutcome } from '@/utils/protocol';
import { normalizePairingCode } from '@/utils/shapes';
import { type PairingRefusal, strings } from '@/utils/strings';
import type { ClientInfo, IntakeClient } from './intake-api';
import { addPendingRevoke } from './revokes';
import type { Pairing } from './types';

export interface PairingDeps {
  intake: IntakeClient;
  client: ClientInfo;
  getPairing(): Promise<Pairing | null>;
  setPairing(pairing: Pairing | null): Promise<void>;
  now?: () => number;
}

function refusal(reason: PairingRefusal): ClaimOutcome {
  return { ok: false, reason, message: strings.pairingErrors[reason] };
}

export async function claimPairing(input: string, deps: PairingDeps): Promise<ClaimOutcome> {
  const normalized = normalizePairingCode(input);
  if (!normalized.ok) return refusal(normalized.reason);
  const result = await deps.intake.claimPairing(normalized.code, deps.client);
  if (result.ok) {
    const { pairingId, account, intakeToken, expiresAt } = result.data;
    await deps.setPairing({
      pairingId,
      account: { id: account.id, name: account.name },
      intakeToken,
      expiresAt,
      pairedAt: new Date((deps.now ?? Date.now)()).toISOString(),
    });
    return { ok: true, accountName: account.name };
  }
  const { error } = result;
  if (error.kind === 'invalid_request') return refusal('refused');
  if (error.kind !== 'http') return refusal('unreachable');
  if (error.status === 404) return refusal('unknown');
  if (error.status === 410) return refusal('expired');
  if (error.status === 429) return refusal('rate_limited');
  if (error.status === 400) return refusal('characters');
  return refusal('refused');
}

/**
 * Forgets the pairing here at once, and revokes its token at Stactize: now if Stactize answers, otherwise later
 * (`revokes.ts`), kept as a pending revoke written before the pairing is dropped.
 */
export async function disconnect(deps: PairingDeps): Promise<void> {
  const pairing = await deps.getPairing();
  if (pairing) await addPendingRevoke(pairing.intakeToken);
  await deps.setPairing(null);
}
