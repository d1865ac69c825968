/**
 * The stored outbox, written only through one chain so that read-modify-write never interleaves, and the view
 * of a capture as its tab shows it (from the outbox, else from the deliveries, else unknown).
 */
import { type CaptureView, deliveredView, entryView, unknownView } from '@/utils/protocol';
import { connectionItem, deliveriesItem, outboxItem } from '@/utils/storage';
import type { Outbox } from './outbox';

/** Runs the tasks given to it one after another, in call order; a failed task does not stop the ones after it. */
export function serialized() {
  let last: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const next = last.then(task);
    last = next.catch(() => undefined);
    return next;
  };
}

export function createOutboxStore() {
  const inOrder = serialized();
  return {
    /** Applies `change` to the stored outbox and writes the result, after every change asked for before it. */
    mutate(change: (outbox: Outbox) => Outbox): Promise<Outbox> {
      return inOrder(async () => {
        const before = await outboxItem.getValue();
        const after = change(before);
        if (after !== before) await outboxItem.setValue(after);
        return after;
      });
    },
    /** What the capture's tab shows; `known` when the caller has just read or written the outbox. */
    async view(captureId: string, known?: Outbox): Promise<CaptureView> {
      const outbox = known ?? (await outboxItem.getValue());
      const entry = Object.hasOwn(outbox, captureId) ? outbox[captureId] : undefined;
      if (entry) return entryView(entry);
      const delivered = (await deliveriesItem.getValue()).find((d) => d.captureId === captureId);
      if (!delivered) return unknownView(captureId);
      return deliveredView(delivered, (await connectionItem.getValue()).connection?.credential);
    },
  };
}

export type OutboxStore = ReturnType<typeof createOutboxStore>;
