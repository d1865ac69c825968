/** The toolbar badge: something waits on the user (a number), the key expires soon (!), or Stactize is verifying (…). */
import { expiringSoon } from '@/utils/shapes';
import { connectionItem, getValues, outboxItem } from '@/utils/storage';
import { waitingOnUser } from './outbox';

export function badgeText(input: { waiting: number; expiring: boolean; verifying: boolean }): string {
  if (input.waiting) return String(input.waiting);
  if (input.expiring) return '!';
  return input.verifying ? '…' : '';
}

export async function refreshBadge(setBadge: (text: string) => void, now: number): Promise<void> {
  const [outbox, snapshot] = await getValues([outboxItem, connectionItem]);
  const credential = snapshot.connection?.credential;
  setBadge(
    badgeText({
      waiting: waitingOnUser(outbox).length,
      expiring: credential?.status !== 'rejected' && expiringSoon(credential?.keyExpiresAt, now),
      verifying: credential?.status === 'pending_verification',
    }),
  );
}
