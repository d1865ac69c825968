/** Messages about the paired account: who it is, pair with a code, disconnect, open the pairing page. */
import type { AccountView } from '@/utils/protocol';
import { connectionItem, EMPTY_CONNECTION_SNAPSHOT, pairingItem } from '@/utils/storage';
import { requestSend } from '../outbox';
import { claimPairing, disconnect, type PairingDeps } from '../pairing';
import type { HandlerGroup, ServiceParts } from './context';

export interface PairingHandlerDeps {
  openPairingPage(): void;
  notifyAccount(tabId: number, account: AccountView): void;
}

async function accountView(): Promise<AccountView> {
  const pairing = await pairingItem.getValue();
  return { paired: Boolean(pairing), accountName: pairing?.account.name ?? null };
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

  /** After pairing, captures that stopped for want of a pairing go out by themselves. */
  async function resendAfterPairing(): Promise<void> {
    await parts.outbox.mutate((outbox) =>
      Object.values(outbox)
        .filter((e) => e.state === 'attention' && ['not_paired', 'unauthorized'].includes(e.lastError?.code ?? ''))
        .reduce((o, e) => requestSend(o, e.captureId, parts.now()), outbox),
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
        void parts.refreshConnection();
        void resendAfterPairing();
        await announceAccount();
      }
      return outcome;
    },
    async disconnect() {
      await disconnect(pairingDeps);
      await connectionItem.setValue(EMPTY_CONNECTION_SNAPSHOT);
      await parts.refreshBadge();
      await announceAccount();
      return { disconnected: true };
    },
  };
}
