/** Messages about the paired account: who it is, pair with a code, disconnect, open the pairing page. */
import type { AccountView } from '@/utils/protocol';
import { connectionItem, EMPTY_CONNECTION_SNAPSHOT, pairingItem } from '@/utils/storage';
import { detached } from '../detached';
import { type BoundAccount, markAttention, type OutboxEntry, problem, requestSend } from '../outbox';
import { claimPairing, disconnect, type PairingDeps } from '../pairing';
import type { HandlerGroup, ServiceParts } from './context';

export interface PairingHandlerDeps {
  openPairingPage(): void;
  notifyAccount(tabId: number, account: AccountView): void;
}

async function accountView(): Promise<AccountView> {
  const pairing = await pairingItem.getValue();
  return {
    paired: Boolean(pairing),
    accountId: pairing?.account.id ?? null,
    accountName: pairing?.account.name ?? null,
  };
}

/** Stopped for want of a pairing, or for another account: worth sending to `account` without asking? */
export function resendsTo(entry: OutboxEntry, account: BoundAccount): boolean {
  if (entry.state !== 'attention') return false;
  const code = entry.lastError?.code ?? '';
  // Send pressed while not paired ("connect first"): the account connected next is the one meant.
  if (entry.account === null) return code === 'not_paired';
  return entry.account.id === account.id && ['not_paired', 'unauthorized', 'account_changed'].includes(code);
}

/**
 * Stopped for want of a pairing (or a valid one) while bound to another account than the one connected now: it
 * now waits for the user because of that account change, and says so (not "not connected" any more).
 */
export function nowForAnotherAccount(entry: OutboxEntry, account: BoundAccount): boolean {
  if (entry.state !== 'attention' || entry.account === null || entry.account.id === account.id) return false;
  return ['not_paired', 'unauthorized'].includes(entry.lastError?.code ?? '');
}

export function pairingHandlers(
  parts: ServiceParts,
  deps: PairingHandlerDeps,
): HandlerGroup<'account' | 'openPairing' | 'claimPairing' | 'disconnect'> {
  const pairingDeps: PairingDeps = {
    intake: parts.intake,
    client: parts.client,
    getPairing: () => pairingItem.getValue(),
    setPairing: (pairing) => pairingItem.setValue(pairing),
    now: parts.now,
  };

  /** Tabs holding captures learn at once that the account changed. */
  async function announceAccount(): Promise<void> {
    const view = await accountView();
    for (const tabId of await parts.tabs.tabs()) deps.notifyAccount(tabId, view);
  }

  /**
   * After pairing, captures that stopped for want of a pairing go out by themselves, but only to the account
   * each was sent to: one meant for another account stays, and asks.
   */
  async function resendAfterPairing(account: BoundAccount): Promise<void> {
    const changed: string[] = [];
    await parts.outbox.mutate((outbox) =>
      Object.values(outbox).reduce((o, e) => {
        if (resendsTo(e, account)) return requestSend(o, e.captureId, parts.now(), account);
        if (!nowForAnotherAccount(e, account)) return o;
        changed.push(e.captureId);
        return markAttention(o, e.captureId, problem('account_changed'));
      }, outbox),
    );
    for (const captureId of changed) await parts.captureChanged(captureId);
    await parts.deliverDue();
  }

  return {
    account: () => accountView(),
    async openPairing() {
      deps.openPairingPage();
    },
    async claimPairing({ code }) {
      const outcome = await claimPairing(code, pairingDeps);
      if (outcome.ok) {
        await connectionItem.setValue(EMPTY_CONNECTION_SNAPSHOT);
        detached(parts.refreshConnection());
        const pairing = await pairingItem.getValue();
        if (pairing) detached(resendAfterPairing(pairing.account));
        await announceAccount();
      }
      return outcome;
    },
    async disconnect() {
      await disconnect(pairingDeps);
      await parts.revokePending();
      await connectionItem.setValue(EMPTY_CONNECTION_SNAPSHOT);
      await parts.refreshBadge();
      await announceAccount();
      return { disconnected: true };
    },
  };
}
