/**
 * The background service: the handler of every admitted message (`handlers/`, one module per concern) and the
 * delivery loop, joined to storage, the badge, the reminders and the connection status. `entrypoints/background.ts`
 * only connects this to the browser; tests build it with fakes.
 */
import type { AccountView, CaptureView, InboundType } from '@/utils/protocol';
import type { GuideName } from '@/utils/protocol/types';
import { connectionItem, deliveriesItem, MAX_DELIVERIES_KEPT, pairingItem } from '@/utils/storage';
import { refreshBadge } from './badge';
import { createConnectionRefresher } from './connection';
import { createDeliverer } from './deliver';
import { detached } from './detached';
import { captureHandlers } from './handlers/captures';
import type { Handler, ServiceParts } from './handlers/context';
import { guideHandlers } from './handlers/guide';
import { pairingHandlers } from './handlers/pairing';
import { popupHandlers } from './handlers/popup';
import type { ClientInfo, IntakeClient } from './intake-api';
import { createOutboxStore, serialized } from './outbox-store';
import { checkExpiry, type Notification } from './reminders';
import { retryRevokes } from './revokes';
import { createTabMemory } from './tab-memory';

export type { MessageContext } from './handlers/context';

export interface ServiceDeps {
  intake: IntakeClient;
  client: ClientInfo;
  kid: string;
  /** Wake the deliver loop at this time, or stop. */
  schedule(at: number | null): void;
  notifyTab(tabId: number, view: CaptureView): void;
  notifyAccount(tabId: number, account: AccountView): void;
  setBadge(text: string): void;
  openPairingPage(): void;
  openTab(url: string): void;
  /** Refresh the connection status again at this time (an alarm), or stop. */
  scheduleConnectionRefresh(at: number | null): void;
  /** Try the pending token revokes again at this time (an alarm), or stop. */
  scheduleRevokes(at: number | null): void;
  notify(notification: Notification): void;
  /** Whether the extension may still run on Partner Center (the user can withdraw host access). */
  hasPartnerCenterAccess(): Promise<boolean>;
  now?: () => number;
  random?: () => number;
}

export function createBackgroundService(deps: ServiceDeps) {
  const now = deps.now ?? Date.now;
  const outbox = createOutboxStore();
  const tabs = createTabMemory();
  const badge = () => refreshBadge(deps.setBadge, now());
  const expiry = () => checkExpiry(deps.notify, now());
  // Stactize's verification outcome reaches the page that captured the key (the overlay closes the loop there).
  // Only a final outcome is news: "pending" is what the page already shows after Delivered.
  const tellCapturingTab = async () => {
    const credential = (await connectionItem.getValue()).connection?.credential;
    if (!credential || credential.status === 'pending_verification') return;
    const captureId = credential.captureId;
    const tabId = await tabs.tabOf(captureId);
    if (tabId !== undefined) deps.notifyTab(tabId, await outbox.view(captureId));
  };
  const refreshConnection = createConnectionRefresher({
    intake: deps.intake,
    scheduleRefresh: deps.scheduleConnectionRefresh,
    async onStatus() {
      await expiry();
      await tellCapturingTab();
    },
    afterRefresh: badge,
    now,
  });

  // One revoke run at a time; each run schedules the next while a token is left unrevoked.
  const inRevokeOrder = serialized();
  const revokePending = () =>
    inRevokeOrder(async () => deps.scheduleRevokes(await retryRevokes(deps.intake, now(), deps.random)));

  async function onChange(captureId: string): Promise<void> {
    const tabId = await tabs.tabOf(captureId);
    if (tabId !== undefined) deps.notifyTab(tabId, await outbox.view(captureId));
    await badge();
  }

  const deliverer = createDeliverer({
    mutateOutbox: outbox.mutate,
    getPairing: () => pairingItem.getValue(),
    async recordDelivery(delivery) {
      const kept = (await deliveriesItem.getValue()).filter((d) => d.captureId !== delivery.captureId);
      await deliveriesItem.setValue([delivery, ...kept].slice(0, MAX_DELIVERIES_KEPT));
      detached(refreshConnection());
    },
    intake: deps.intake,
    client: deps.client,
    schedule: deps.schedule,
    onChange: (captureId) => detached(onChange(captureId)),
    now,
    random: deps.random,
  });

  const parts: ServiceParts = {
    intake: deps.intake,
    client: deps.client,
    outbox,
    tabs,
    now,
    refreshBadge: badge,
    captureChanged: onChange,
    async afterExpiryLearned() {
      await expiry();
      await badge();
    },
    refreshConnection,
    deliverDue: () => deliverer.deliverDue(),
    revokePending,
  };
  const handlers: { [T in InboundType]: Handler<T> } = {
    ...captureHandlers(parts),
    ...pairingHandlers(parts, deps),
    ...guideHandlers(parts, deps.openTab),
    ...popupHandlers(parts, deps),
  };

  return {
    handlers,
    /** On worker start, browser start and every alarm: pick up whatever was left due. */
    resume: () => deliverer.deliverDue(),
    /** On worker start and the revoke alarm: revoke the tokens Stactize has not yet confirmed revoked. */
    revokePending,
    refreshConnection,
    refreshBadge: badge,
    checkExpiry: expiry,
    /** A reminder was clicked: open Partner Center where the named guide starts. */
    openPartnerCenter: (guide: GuideName) => handlers.openPartnerCenter({ guide }, { tabId: null }),
  };
}

export type BackgroundService = ReturnType<typeof createBackgroundService>;
