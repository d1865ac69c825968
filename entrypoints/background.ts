/** Wiring only: the trust gate in front of every message, the background service, alarms and start-up. */

import { config } from '@/utils/config';
import { clientInfo } from '@/utils/delivery/client-info';
import { createIntakeClient } from '@/utils/delivery/intake-api';
import { createBackgroundService } from '@/utils/delivery/service';
import { type InboundType, inbound } from '@/utils/protocol/messages';
import { messenger } from '@/utils/protocol/messaging';
import { admit, RejectedMessageError } from '@/utils/protocol/trust-gate';
import { PARTNER_CENTER_PATTERN } from '@/utils/shapes/urls';

const DELIVER_ALARM = 'deliver';
const CONNECTION_ALARM = 'connection';
const EXPIRY_ALARM = 'expiry';
/** Chrome fires alarms no sooner than 30 s after they are set: shorter waits also get a timer. */
const ALARM_FLOOR_MS = 30_000;

async function reinjectIntoOpenTabs(): Promise<void> {
  const files = browser.runtime.getManifest().content_scripts?.[0]?.js ?? [];
  const tabs = await browser.tabs.query({ url: PARTNER_CENTER_PATTERN });
  for (const tab of tabs) {
    if (tab.id === undefined) continue;
    await browser.scripting.executeScript({ target: { tabId: tab.id }, files }).catch(() => {
      // A tab that is loading or crashed gets the content script the ordinary way.
    });
  }
}

export default defineBackground(() => {
  const identity = { runtimeId: browser.runtime.id, extensionOrigin: new URL(browser.runtime.getURL('/')).origin };
  let timer: ReturnType<typeof setTimeout> | undefined;
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;

  const service = createBackgroundService({
    intake: createIntakeClient({ baseUrl: config.apiUrl }),
    client: clientInfo(),
    kid: config.sealingKey?.kid ?? '',
    schedule(at) {
      clearTimeout(timer);
      if (at === null) return void browser.alarms.clear(DELIVER_ALARM);
      // The alarm survives the worker being stopped; the timer only makes short waits short.
      void browser.alarms.create(DELIVER_ALARM, { when: Math.max(at, Date.now() + 1000) });
      const wait = at - Date.now();
      if (wait < ALARM_FLOOR_MS) timer = setTimeout(() => void service.resume(), Math.max(wait, 0));
    },
    notifyTab(tabId, view) {
      messenger.sendMessage('captureChanged', view, tabId).catch(() => {
        // The tab is gone or navigated away; the popup still shows the capture.
      });
    },
    notifyAccount(tabId, account) {
      messenger.sendMessage('accountChanged', account, tabId).catch(() => {});
    },
    setBadge(text) {
      void browser.action.setBadgeText({ text });
      void browser.action.setBadgeBackgroundColor({ color: '#b3261e' });
    },
    openPairingPage() {
      void browser.tabs.create({ url: browser.runtime.getURL('/popup.html#pair') });
    },
    openTab(url) {
      void browser.tabs.create({ url });
    },
    scheduleConnectionRefresh(at) {
      // One pending refresh at a time: every refresh reschedules, so a popup refresh must not start a second loop.
      clearTimeout(refreshTimer);
      if (at === null) return void browser.alarms.clear(CONNECTION_ALARM);
      void browser.alarms.create(CONNECTION_ALARM, { when: at });
      refreshTimer = setTimeout(() => void service.refreshConnection(), Math.max(at - Date.now(), 0));
    },
    hasPartnerCenterAccess: () => browser.permissions.contains({ origins: [PARTNER_CENTER_PATTERN] }),
    notify({ id, title, message }) {
      void browser.notifications.create(id, {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        title,
        message,
      });
    },
  });

  for (const type of Object.keys(inbound) as InboundType[]) {
    messenger.onMessage(type, async (message) => {
      const admission = admit(type, message.data, message.sender, identity);
      if (!admission.ok) throw new RejectedMessageError(admission.reason);
      // The gate parsed `data` with this type's own schema, so the handler gets exactly what it declares.
      const handler = service.handlers[type] as (data: unknown, context: { tabId: number | null }) => Promise<never>;
      return handler(admission.data, { tabId: admission.tabId });
    });
  }

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === DELIVER_ALARM) void service.resume();
    if (alarm.name === CONNECTION_ALARM || alarm.name === EXPIRY_ALARM) void service.refreshConnection();
  });
  // Expiry reminders are checked twice a day, whether or not the popup is opened.
  void browser.alarms.create(EXPIRY_ALARM, { periodInMinutes: 12 * 60, delayInMinutes: 1 });
  browser.notifications.onClicked.addListener((id) => {
    if (id.startsWith('expiry:')) void service.openPartnerCenter('rotate');
  });
  browser.runtime.onStartup.addListener(() => void service.resume());
  // After an install or an update, Partner Center tabs already open get the content script again at once: a
  // key on screen during an update is still captured, without reloading a page that shows it only once.
  browser.runtime.onInstalled.addListener(() => void reinjectIntoOpenTabs());
  // Every worker start (install, update, wake-up after being stopped) picks up what was left due.
  void service.resume();
  void service.refreshBadge();
});
