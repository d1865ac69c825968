/** Messages about the paired account: who it is, pair with a code, disconnect, open the pairing page. */
import type { AccountView } from '@/utils/protocol';
import { connectionItem, EMPTY_CONNECTION_SNAPSHOT, pairingItem } from '@/utils/storage';
import { detached } from '../detached';
import { type BoundAccount, type OutboxEntry, requestSend } from '../outbox';
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
    await parts.outbox.mutate((outbox) =>
      Object.values(outbox)
        .filter((entry) => resendsTo(entry, account))
        .reduce((o, e) => requestSend(o, e.captureId, parts.now(), account), outbox),
    );
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
