/** Messages about captures: store a sealed capture, send it, ask its state, discard it. */
import { deliveredView, type StoreRefusal } from '@/utils/protocol';
import { connectionItem, deliveriesItem, pairingItem } from '@/utils/storage';
import { detached } from '../detached';
import { learnInDeliveries, learnInOutbox, withLearnedExpiry } from '../learned-expiry';
import { addCapture, findBySecret, markAttention, type Outbox, problem, remove, requestSend } from '../outbox';
import type { HandlerGroup, ServiceParts } from './context';

/** Unsent captures one tab may hold at once, and all tabs together: a forged key screen cannot fill storage. */
export const MAX_UNSENT_PER_TAB = 5;
export const MAX_UNSENT_TOTAL = 20;

/** Why a new capture is not stored, or null when it may be. Delivered captures have left the outbox. */
export function refusalFor(outbox: Outbox, tabCaptureIds: readonly string[]): StoreRefusal | null {
  const unsent = Object.keys(outbox);
  if (unsent.length >= MAX_UNSENT_TOTAL) return 'outbox_full';
  const fromTab = new Set(tabCaptureIds);
  return unsent.filter((id) => fromTab.has(id)).length >= MAX_UNSENT_PER_TAB ? 'outbox_full' : null;
}

export function captureHandlers(
  parts: ServiceParts,
): HandlerGroup<'storeCapture' | 'sendCapture' | 'captureStatus' | 'discardCapture' | 'keyExpiryListed'> {
  const { outbox, tabs, now } = parts;
  return {
    async storeCapture(data, { tabId }) {
      // The same key captured again (a content script injected again after an update) is the capture already
      // held or delivered: answered with that one, never stored or sent twice.
      const delivered = (await deliveriesItem.getValue()).find((d) => d.secretSha256 === data.secretSha256);
      if (delivered) return { ok: true, view: deliveredView(delivered) };
      let held: string | null = null;
      let refusal: StoreRefusal | null = null;
      const tabCaptures = tabId === null ? [] : await tabs.capturesOf(tabId);
      let stored: Outbox;
      try {
        stored = await outbox.mutate((before) => {
          held = findBySecret(before, data.secretSha256)?.captureId ?? null;
          refusal = held ? null : refusalFor(before, tabCaptures);
          return held || refusal ? before : addCapture(before, data);
        });
      } catch {
        // storage.local is full (or gone): said as such, so the user keeps the key on screen and makes room.
        return { ok: false, reason: 'storage_full' };
      }
      if (refusal) return { ok: false, reason: refusal };
      const captureId = held ?? data.captureId;
      // The answer waits only for what it promises: the sealed copy stored, and the tab to tell about it. The
      // badge follows on its own (a capture in the outbox stays stored whatever the badge does).
      if (tabId !== null) await tabs.remember(captureId, tabId);
      detached(parts.refreshBadge());
      return { ok: true, view: await outbox.view(captureId, stored) };
    },
    async sendCapture({ captureId, accountId }) {
      const account = (await pairingItem.getValue())?.account ?? null;
      if (account && accountId !== null && accountId !== account.id) {
        // The button named another account than the one paired now: the capture waits and asks, never guesses.
        await outbox.mutate((o) => markAttention(o, captureId, problem('account_changed')));
      } else {
        await outbox.mutate((o) => requestSend(o, captureId, now(), account));
        detached(parts.deliverDue());
      }
      return outbox.view(captureId);
    },
    captureStatus: ({ captureId }) => outbox.view(captureId),
    async keyExpiryListed(listed) {
      await outbox.mutate((o) => learnInOutbox(o, listed, now()));
      const deliveries = await deliveriesItem.getValue();
      const learned = learnInDeliveries(deliveries, listed, now());
      if (learned === deliveries) return;
      await deliveriesItem.setValue(learned);
      // Reminders and the badge read the stored connection: give it the date Stactize did not have.
      await connectionItem.setValue(withLearnedExpiry(await connectionItem.getValue(), learned));
      await parts.afterExpiryLearned();
    },
    async discardCapture({ captureId }) {
      // Decided inside the outbox's chain, on the outbox the removal actually saw.
      let discarded = false;
      await outbox.mutate((o) => {
        discarded = Object.hasOwn(o, captureId);
        return remove(o, captureId);
      });
      await parts.refreshBadge();
      return { discarded };
    },
  };
}
