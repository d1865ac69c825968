/** Wiring only: the trust gate in front of every message, the background service, alarms and start-up. */

import { config } from '@/utils/config';
import {
  clientInfo,
  closeLocalStorageToContentScripts,
  createBackgroundService,
  createIntakeClient,
  createWakeUp,
  detached,
  EXPIRY_NOTIFICATION_PREFIX,
  reinjectIntoOpenTabs,
  reinjectsOn,
} from '@/utils/delivery';
import { messenger, serveAdmitted } from '@/utils/protocol';
import { PARTNER_CENTER_PATTERN } from '@/utils/shapes';

const DELIVER_ALARM = 'deliver';
const CONNECTION_ALARM = 'connection';
const EXPIRY_ALARM = 'expiry';
const REVOKE_ALARM = 'revoke';

export default defineBackground(() => {
  // The intake token is in storage.local: closed to content scripts where the browser can (Chrome; Firefox has no
  // such setting yet), so a compromised page's content script world cannot read it.
  detached(closeLocalStorageToContentScripts());
  const scheduleDelivery = createWakeUp(DELIVER_ALARM, () => detached(service.resume()));
  // One pending refresh at a time: every refresh reschedules, so a popup refresh must not start a second loop.
  const scheduleRefresh = createWakeUp(CONNECTION_ALARM, () => detached(service.refreshConnection()));
  const scheduleRevokes = createWakeUp(REVOKE_ALARM, () => detached(service.revokePending()));

  const service = createBackgroundService({
    intake: createIntakeClient({ baseUrl: config.apiUrl }),
    client: clientInfo(),
    kid: config.sealingKey?.kid ?? '',
    schedule: scheduleDelivery,
    scheduleConnectionRefresh: scheduleRefresh,
    scheduleRevokes,
    notifyTab(tabId, view) {
      messenger.sendMessage('captureChanged', view, tabId).catch(() => {
        // The tab is gone or navigated away; the popup still shows the capture.
      });
    },
    notifyAccount(tabId, account) {
      messenger.sendMessage('accountChanged', account, tabId).catch(() => {});
    },
    setBadge(text) {
      detached(browser.action.setBadgeText({ text }));
      detached(browser.action.setBadgeBackgroundColor({ color: '#b3261e' }));
    },
    openPairingPage: () => detached(browser.tabs.create({ url: browser.runtime.getURL('/popup.html#pair') })),
    openTab: (url) => detached(browser.tabs.create({ url })),
    hasPartnerCenterAccess: () => browser.permissions.contains({ origins: [PARTNER_CENTER_PATTERN] }),
    notify({ id, title, message }) {
      detached(
        browser.notifications.create(id, {
          type: 'basic',
          iconUrl: browser.runtime.getURL('/icon/128.png'),
          title,
          message,
        }),
      );
    },
  });

  serveAdmitted(service.handlers, {
    runtimeId: browser.runtime.id,
    extensionOrigin: new URL(browser.runtime.getURL('/')).origin,
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === DELIVER_ALARM) detached(service.resume());
    if (alarm.name === REVOKE_ALARM) detached(service.revokePending());
    if (alarm.name === CONNECTION_ALARM || alarm.name === EXPIRY_ALARM) detached(service.refreshConnection());
  });
  // Expiry reminders are checked twice a day, whether or not the popup is opened.
  detached(browser.alarms.create(EXPIRY_ALARM, { periodInMinutes: 12 * 60, delayInMinutes: 1 }));
  browser.notifications.onClicked.addListener((id) => {
    if (id.startsWith(EXPIRY_NOTIFICATION_PREFIX)) detached(service.openPartnerCenter('rotate'));
  });
  browser.runtime.onStartup.addListener(() => detached(service.resume()));
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reinjectsOn(reason)) detached(reinjectIntoOpenTabs());
  });
  // Every worker start (install, update, wake-up after being stopped) picks up what was left due.
  detached(service.resume());
  detached(service.revokePending());
  detached(service.refreshBadge());
});
