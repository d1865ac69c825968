/** Stopping the extension's service worker the way Chrome does when it idles: CDP Target.closeTarget. */
import { type BrowserContext, expect, type Page } from '@playwright/test';

/**
 * By default returns once the stopped worker's target is gone, so the next event starts a new worker instead of
 * reaching the dying one. `waitUntilGone: false` returns at once: with an extension page open (the bench's host
 * page), Chrome may keep or revive the worker under the same target id, and the bench only needs the stop issued.
 */
export async function stopServiceWorker(
  context: BrowserContext,
  page: Page,
  { waitUntilGone = true }: { waitUntilGone?: boolean } = {},
): Promise<void> {
  const cdp = await context.newCDPSession(page);
  const extensionWorkers = async () => {
    const { targetInfos } = await cdp.send('Target.getTargets');
    return targetInfos.filter((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
  };
  try {
    const workers = await extensionWorkers();
    if (!workers.length) throw new Error('no extension service worker is running');
    for (const worker of workers) await cdp.send('Target.closeTarget', { targetId: worker.targetId });
    if (!waitUntilGone) return;
    const closed = new Set(workers.map((w) => w.targetId));
    await expect
      .poll(async () => (await extensionWorkers()).filter((w) => closed.has(w.targetId)), { intervals: [50] })
      .toEqual([]);
  } finally {
    await cdp.detach();
  }
}

/** The running extension worker, waiting for a new one when the last was stopped. */
export async function runningWorker(context: BrowserContext) {
  const live = context.serviceWorkers().at(-1);
  return live ?? context.waitForEvent('serviceworker');
}
