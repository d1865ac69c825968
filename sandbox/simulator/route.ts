/**
 * Serves the simulator inside a Playwright browser context at the real Partner Center origin, so the extension
 * runs exactly as built; loopback (the sandbox) and extension pages go through, every other host is refused.
 */
import type { BrowserContext } from '@playwright/test';
import { PARTNER_CENTER_ORIGIN, type Simulator } from './site';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/;

export async function routeSimulator(context: BrowserContext, simulator: Simulator): Promise<void> {
  await context.route(
    () => true,
    async (route) => {
      const request = route.request();
      const url = new URL(request.url());
      if (url.protocol === 'chrome-extension:' || LOOPBACK.test(url.hostname)) return route.continue();
      if (url.origin === PARTNER_CENTER_ORIGIN) {
        const { status, contentType, headers, body } = simulator.respond(request.method(), url.href);
        return route.fulfill({ status, contentType, headers, body });
      }
      return route.abort('blockedbyclient');
    },
  );
}
