/**
 * The background's behaviour behind each admitted message, and the delivery loop's wiring to storage, alarms
 * and tabs. `entrypoints/background.ts` only connects this to the browser; tests can build it with fakes.
 */
import { createDeliverer } from './delivery';
import type { ClientInfo, createIntakeClient } from './intake-api';
import type { AccountView, CaptureView, InboundData, InboundType, ProtocolMap } from './messages';
import { addCapture, type Outbox, remove as removeEntry, requestSend, waitingOnUser } from './outbox';
import { claimPairing, disconnect } from './pairing';
import { buildPopupState, deliveredView, entryView, unknownView } from './popup-state';
import {
  captureTabsItem,
  connectionItem,
  deliveriesItem,
  MAX_DELIVERIES_KEPT,
  outboxItem,
  type Pairing,
  pairingItem,
} from './storage';

type IntakeClient = ReturnType<typeof createIntakeClient>;

export interface ServiceDeps {
  intake: IntakeClient;
  client: ClientInfo;
  kid: string;
  schedule(at: number | null): void;
  notifyTab(tabId: number, view: CaptureView): void;
  notifyAccount(tabId: number, account: AccountView): void;
  setBadge(text: string): void;
  openPairingPage(): void;
  now?: () => number;
  random?: () => number;
}

export interface MessageContext {
  tabId: number | null;
}

type Handlers = {
  [T in InboundType]: (data: InboundData<T>, context: MessageContext) => Promise<ReturnType<ProtocolMap[T]>>;
};

export function createBackgroundService(deps: ServiceDeps) {
  const now = deps.now ?? Date.now;

  // Every outbox write goes through this chain, so read-modify-write never interleaves.
  let outboxLock: Promise<unknown> = Promise.resolve();
  function mutateOutbox(change: (outbox: Outbox) => Outbox): Promise<Outbox> {
    const next = outboxLock.then(async () => {
      const before = await outboxItem.getValue();
      const after = change(before);
      if (after !== before) await outboxItem.setValue(after);
      return after;
    });
    outboxLock = next.catch(() => undefined);
    return next;
  }

  async function captureView(captureId: string): Promise<CaptureView> {
    const outbox = await outboxItem.getValue();
    const entry = Object.hasOwn(outbox, captureId) ? outbox[captureId] : undefined;
    if (entry) return entryView(entry);
    const delivered = (await deliveriesItem.getValue()).find((d) => d.captureId === captureId);
    return delivered ? deliveredView(delivered) : unknownView(captureId);
  }

  async function refreshBadge(): Promise<void> {
    const outbox = await outboxItem.getValue();
    const waiting = waitingOnUser(outbox).length;
    const pending = (await connectionItem.getValue()).connection?.credential?.status === 'pending_verification';
    deps.setBadge(waiting ? String(waiting) : pending ? '…' : '');
  }

  async function onChange(captureId: string): Promise<void> {
    const tabs = await captureTabsItem.getValue();
    const tabId = Object.hasOwn(tabs, captureId) ? tabs[captureId] : undefined;
    if (tabId !== undefined) deps.notifyTab(tabId, await captureView(captureId));
    await refreshBadge();
  }

  const deliverer = createDeliverer({
    mutateOutbox,
    getPairing: () => pairingItem.getValue(),
    async recordDelivery(delivery) {
      const kept = (await deliveriesItem.getValue()).filter((d) => d.captureId !== delivery.captureId);
      await deliveriesItem.setValue([delivery, ...kept].slice(0, MAX_DELIVERIES_KEPT));
      void refreshConnection();
    },
    intake: deps.intake,
    client: deps.client,
    schedule: deps.schedule,
    onChange: (captureId) => void onChange(captureId),
    now,
    random: deps.random,
  });

  const pairingDeps = {
    intake: deps.intake,
    client: deps.client,
    getPairing: () => pairingItem.getValue(),
    setPairing: (pairing: Pairing | null) => pairingItem.setValue(pairing),
    now,
  };

  async function refreshConnection(): Promise<void> {
    const pairing = await pairingItem.getValue();
    if (!pairing) return;
    const result = await deps.intake.getConnection(pairing.intakeToken);
    const previous = await connectionItem.getValue();
    if (result.ok) {
      await connectionItem.setValue({
        connection: result.data,
        fetchedAt: new Date(now()).toISOString(),
        problem: null,
      });
    } else {
      const problem =
        result.error.kind === 'http' && result.error.status === 401
          ? 'unauthorized'
          : result.error.kind === 'http' && result.error.status === 429
            ? 'rate_limited'
            : 'unreachable';
      await connectionItem.setValue({ ...previous, problem });
    }
    await refreshBadge();
  }

  async function accountView(): Promise<AccountView> {
    const pairing = await pairingItem.getValue();
    return { paired: Boolean(pairing), accountName: pairing?.account.name ?? null };
  }

  /** Tabs holding captures learn at once that the account changed. */
  async function announceAccount(): Promise<void> {
    const view = await accountView();
    for (const tabId of new Set(Object.values(await captureTabsItem.getValue()))) deps.notifyAccount(tabId, view);
  }

  /** After pairing, captures that stopped for want of a pairing go out by themselves. */
  async function resendAfterPairing(): Promise<void> {
    await mutateOutbox((outbox) =>
      Object.values(outbox)
        .filter((e) => e.state === 'attention' && ['not_paired', 'unauthorized'].includes(e.lastError?.code ?? ''))
        .reduce((o, e) => requestSend(o, e.captureId, now()), outbox),
    );
    await deliverer.deliverDue();
  }

  const handlers: Handlers = {
    async storeCapture(data, { tabId }) {
      await mutateOutbox((outbox) => addCapture(outbox, data));
      if (tabId !== null)
        await captureTabsItem.setValue({ ...(await captureTabsItem.getValue()), [data.captureId]: tabId });
      await refreshBadge();
      return captureView(data.captureId);
    },
    async sendCapture({ captureId }) {
      await mutateOutbox((outbox) => requestSend(outbox, captureId, now()));
      void deliverer.deliverDue();
      return captureView(captureId);
    },
    captureStatus: ({ captureId }) => captureView(captureId),
    async discardCapture({ captureId }) {
      const before = await outboxItem.getValue();
      const after = await mutateOutbox((outbox) => removeEntry(outbox, captureId));
      await refreshBadge();
      return { discarded: before !== after };
    },
    account: () => accountView(),
    async openPairing() {
      deps.openPairingPage();
    },
    async claimPairing({ code }) {
      const outcome = await claimPairing(code, pairingDeps);
      if (outcome.ok) {
        await connectionItem.setValue({ connection: null, fetchedAt: null, problem: null });
        void refreshConnection();
        void resendAfterPairing();
        await announceAccount();
      }
      return outcome;
    },
    async disconnect() {
      await disconnect(pairingDeps);
      await connectionItem.setValue({ connection: null, fetchedAt: null, problem: null });
      await refreshBadge();
      await announceAccount();
      return { disconnected: true };
    },
    async popupState({ refresh }) {
      if (refresh) await refreshConnection();
      return buildPopupState({
        pairing: await pairingItem.getValue(),
        snapshot: await connectionItem.getValue(),
        outbox: Object.values(await outboxItem.getValue()),
        deliveries: await deliveriesItem.getValue(),
        kid: deps.kid,
      });
    },
  };

  return {
    handlers,
    /** On worker start, browser start and every alarm: pick up whatever was left due. */
    resume: () => deliverer.deliverDue(),
    refreshConnection,
    refreshBadge,
  };
}
