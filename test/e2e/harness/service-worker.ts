/** Stopping the extension's service worker the way Chrome does when it idles: CDP Target.closeTarget. */
import type { BrowserContext, Page } from '@playwright/test';

export async function stopServiceWorker(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const workers = targetInfos.filter((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
    if (!workers.length) throw new Error('no extension service worker is running');
    for (const worker of workers) await cdp.send('Target.closeTarget', { targetId: worker.targetId });
  } finally {
    await cdp.detach();
  }
}

/** The running extension worker, waiting for a new one when the last was stopped. */
export async function runningWorker(context: BrowserContext) {
  const live = context.serviceWorkers().at(-1);
  return live ?? context.waitForEvent('serviceworker');
}
