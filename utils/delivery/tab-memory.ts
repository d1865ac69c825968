/**
 * Which tab captured what, so that state changes reach that tab's overlay even after a worker restart. In
 * `storage.session`, which only the background may touch: declared here, never in the shared storage.ts.
 */
import { storage } from '#imports';
import { serialized } from './outbox-store';

export const captureTabsItem = storage.defineItem<Record<string, number>>('session:captureTabs', {
  fallback: {},
  version: 1,
});

export function createTabMemory() {
  // Writes in call order: two captures at once in two tabs both keep their tab.
  const inOrder = serialized();
  return {
    remember: (captureId: string, tabId: number) =>
      inOrder(async () => captureTabsItem.setValue({ ...(await captureTabsItem.getValue()), [captureId]: tabId })),
    async tabOf(captureId: string): Promise<number | undefined> {
      const tabs = await captureTabsItem.getValue();
      return Object.hasOwn(tabs, captureId) ? tabs[captureId] : undefined;
    },
    /** The captures this tab made. */
    async capturesOf(tabId: number): Promise<string[]> {
      const tabs = await captureTabsItem.getValue();
      return Object.keys(tabs).filter((captureId) => tabs[captureId] === tabId);
    },
    /** Every tab that holds a capture, once each. */
    async tabs(): Promise<number[]> {
      return [...new Set(Object.values(await captureTabsItem.getValue()))];
    },
  };
}

export type TabMemory = ReturnType<typeof createTabMemory>;
