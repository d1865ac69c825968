/** Expiry reminders: the 30/7/1-day notification for the delivered key, each shown once. */
import { dueReminder } from '@/utils/shapes';
import { connectionItem, expiryRemindersItem } from '@/utils/storage';
import { strings } from '@/utils/strings';

export interface Notification {
  id: string;
  title: string;
  message: string;
}

/** The reminder's notification id starts with this; a click on it opens Partner Center to rotate the key. */
export const EXPIRY_NOTIFICATION_PREFIX = 'expiry:';

export async function checkExpiry(notify: (notification: Notification) => void, now: number): Promise<void> {
  const credential = (await connectionItem.getValue()).connection?.credential;
  if (!credential?.keyExpiresAt || credential.status === 'rejected') return;
  const shown = await expiryRemindersItem.getValue();
  const already = Object.hasOwn(shown, credential.captureId) ? (shown[credential.captureId] ?? []) : [];
  const due = dueReminder(credential.keyExpiresAt, now, already);
  if (due === null) return;
  await expiryRemindersItem.setValue({ ...shown, [credential.captureId]: [...already, due] });
  notify({
    id: `${EXPIRY_NOTIFICATION_PREFIX}${credential.captureId}`,
    title: strings.notifications.expiryTitle(due),
    message: strings.notifications.expiryMessage(credential.applicationName, credential.keyExpiresAt),
  });
}
