/** Messages about captures: store a sealed capture, send it, ask its state, discard it. */
import { addCapture, remove, requestSend } from '../outbox';
import type { HandlerGroup, ServiceParts } from './context';

export function captureHandlers(
  parts: ServiceParts,
): HandlerGroup<'storeCapture' | 'sendCapture' | 'captureStatus' | 'discardCapture'> {
  const { outbox, tabs, now } = parts;
  return {
    async storeCapture(data, { tabId }) {
      // The answer waits only for what it promises: the sealed copy stored, and the tab to tell about it. The
      // badge follows on its own (a capture in the outbox stays stored whatever the badge does).
      const [stored] = await Promise.all([
        outbox.mutate((before) => addCapture(before, data)),
        tabId !== null && tabs.remember(data.captureId, tabId),
      ]);
      void parts.refreshBadge().catch(() => undefined);
      return outbox.view(data.captureId, stored);
    },
    async sendCapture({ captureId }) {
      await outbox.mutate((o) => requestSend(o, captureId, now()));
      void parts.deliverDue();
      return outbox.view(captureId);
    },
    captureStatus: ({ captureId }) => outbox.view(captureId),
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
