/**
 * The background's behaviour behind each admitted message, and the delivery loop's wiring to storage, alarms
 * and tabs. `entrypoints/background.ts` only connects this to the browser; tests can build it with fakes.
 */

import type { AccountView, CaptureView, InboundData, InboundType, ProtocolMap } from '../protocol/messages';
import { deliveredView, entryView, loadPopupState, unknownView } from '../protocol/popup-state';
import { dueReminder, expiringSoon } from '../shapes/expiry';
import {
  captureTabsItem,
  connectionItem,
  deliveriesItem,
  expiryRemindersItem,
  getValues,
  guideRequestItem,
  MAX_DELIVERIES_KEPT,
  outboxItem,
  type Pairing,
  pairingItem,
} from '../storage';
import { createDeliverer } from './deliver';
import type { ClientInfo, createIntakeClient } from './intake-api';
import { addCapture, type Outbox, remove as removeEntry, requestSend, waitingOnUser } from './outbox';
import { claimPairing, disconnect } from './pairing';

type IntakeClient = ReturnType<typeof createIntakeClient>;

/** Where rotating or connecting starts: the Microsoft Entra applications tab. */
export const PARTNER_CENTER_APPS_URL = 'https://partner.microsoft.com/dashboard/account/v3/usermanagement#apps';
const PENDING_REFRESH_MS = 5_000;

export interface ServiceDeps {
  intake: IntakeClient;
  client: ClientInfo;
  kid: string;
  schedule(at: number | null): void;
  notifyTab(tabId: number, view: CaptureView): void;
  notifyAccount(tabId: number, account: AccountView): void;
  setBadge(text: string): void;
  openPairingPage(): void;
  openTab(url: string): void;
  /** Refresh the connection status again at this time (an alarm), or stop. */
  scheduleConnectionRefresh(at: number | null): void;
  notify(notification: { id: string; title: string; message: string }): void;
  /** Whether the extension may still run on Partner Center (the user can withdraw host access). */
  hasPartnerCenterAccess(): Promise<boolean>;
  now?: () => number;
  random?: () => number;
}

export interface MessageContext {
  tabId: number | null;
}

type Handlers = {
  [T in InboundType]: (data: InboundData<T>, context: MessageContext) => Promise<ReturnType<ProtocolMap[T]>>;
};

/** Runs the tasks given to it one after another, in call order; a failed task does not stop the ones after it. */
function serialized() {
  let last: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const next = last.then(task);
    last = next.catch(() => undefined);
    return next;
  };
}

export function createBackgroundService(deps: ServiceDeps) {
  const now = deps.now ?? Date.now;

  // Every outbox write goes through this chain, so read-modify-write never interleaves.
  const inOutboxOrder = serialized();
  function mutateOutbox(change: (outbox: Outbox) => Outbox): Promise<Outbox> {
    return inOutboxOrder(async () => {
      const before = await outboxItem.getValue();
      const after = change(before);
      if (after !== before) await outboxItem.setValue(after);
      return after;
    });
  }

  // The same for the tab each capture came from: two captures at once in two tabs both keep their tab.
  const inCaptureTabsOrder = serialized();
  const rememberTab = (captureId: string, tabId: number) =>
    inCaptureTabsOrder(async () =>
      captureTabsItem.setValue({ ...(await captureTabsItem.getValue()), [captureId]: tabId }),
    );

  /** What the capture's tab shows; `outbox` when the caller has just read or written it. */
  async function captureView(captureId: string, known?: Outbox): Promise<CaptureView> {
    const outbox = known ?? (await outboxItem.getValue());
    const entry = Object.hasOwn(outbox, captureId) ? outbox[captureId] : undefined;
    if (entry) return entryView(entry);
    const delivered = (await deliveriesItem.getValue()).find((d) => d.captureId === captureId);
    return delivered ? deliveredView(delivered) : unknownView(captureId);
  }

  /** Something waits on the user (a number), the key expires soon (!), or Stactize is verifying (…). */
  async function refreshBadge(): Promise<void> {
    const [outbox, snapshot] = await getValues([outboxItem, connectionItem]);
    const waiting = waitingOnUser(outbox).length;
    const credential = snapshot.connection?.credential;
    const expiring = credential?.status !== 'rejected' && expiringSoon(credential?.keyExpiresAt, now());
    deps.setBadge(
      waiting ? String(waiting) : expiring ? '!' : credential?.status === 'pending_verification' ? '…' : '',
    );
  }

  /** Shows the 30/7/1-day reminder for the delivered key when one is due. */
  async function checkExpiry(): Promise<void> {
    const credential = (await connectionItem.getValue()).connection?.credential;
    if (!credential?.keyExpiresAt || credential.status === 'rejected') return;
    const shown = await expiryRemindersItem.getValue();
    const already = Object.hasOwn(shown, credential.captureId) ? (shown[credential.captureId] ?? []) : [];
    const due = dueReminder(credential.keyExpiresAt, now(), already);
    if (due === null) return;
    await expiryRemindersItem.setValue({ ...shown, [credential.captureId]: [...already, due] });
    deps.notify({
      id: `expiry:${credential.captureId}`,
      title: due === 1 ? 'Your Stactize key expires tomorrow' : `Your Stactize key expires in ${due} days`,
      message: `The key of ${credential.applicationName ?? 'your application'} expires on ${credential.keyExpiresAt}. Click to add a new key in Partner Center and send it to Stactize.`,
    });
  }

  async function openPartnerCenter(guide: 'connect' | 'rotate'): Promise<void> {
    await guideRequestItem.setValue({ guide, requestedAt: now() });
    deps.openTab(PARTNER_CENTER_APPS_URL);
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
      // While Stactize verifies, look again soon; the popup and badge follow.
      const pending = result.data.credential?.status === 'pending_verification';
      deps.scheduleConnectionRefresh(pending ? now() + PENDING_REFRESH_MS : null);
      await checkExpiry();
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
      // The answer waits only for what it promises: the sealed copy stored, and the tab to tell about it. The
      // badge follows on its own (a capture in the outbox stays stored whatever the badge does).
      const [outbox] = await Promise.all([
        mutateOutbox((before) => addCapture(before, data)),
        tabId !== null && rememberTab(data.captureId, tabId),
      ]);
      void refreshBadge().catch(() => undefined);
      return captureView(data.captureId, outbox);
    },
    async sendCapture({ captureId }) {
      await mutateOutbox((outbox) => requestSend(outbox, captureId, now()));
      void deliverer.deliverDue();
      return captureView(captureId);
    },
    captureStatus: ({ captureId }) => captureView(captureId),
    async discardCapture({ captureId }) {
      // Decided inside the outbox's chain, on the outbox the removal actually saw.
      let discarded = false;
      await mutateOutbox((outbox) => {
        discarded = Object.hasOwn(outbox, captureId);
        return removeEntry(outbox, captureId);
      });
      await refreshBadge();
      return { discarded };
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
    openPartnerCenter: ({ guide }) => openPartnerCenter(guide),
    async takeGuideRequest() {
      const request = await guideRequestItem.getValue();
      if (!request) return null;
      await guideRequestItem.setValue(null);
      // A request older than 10 minutes was not for the page opening now.
      return now() - request.requestedAt < 10 * 60_000 ? { guide: request.guide } : null;
    },
    async popupState({ refresh }) {
      if (refresh) await refreshConnection();
      return loadPopupState(deps.kid, deps.hasPartnerCenterAccess);
    },
  };

  return {
    handlers,
    /** On worker start, browser start and every alarm: pick up whatever was left due. */
    resume: () => deliverer.deliverDue(),
    refreshConnection,
    refreshBadge,
    checkExpiry,
    openPartnerCenter,
  };
}
