/**
 * The Firefox build, run in Firefox (puppeteer-core over WebDriver BiDi; Playwright cannot load Firefox
 * extensions): the same key flow page at the real Partner Center URL, capture, sealing in the content script,
 * pairing in the popup, delivery to the sandbox, and the leak scans of the page and the extension's storage.
 * Firefox gives a content script the page's TextEncoder and crypto; this is the test that proves sealing works
 * there anyway (utils/own-realm.ts).
 */
import type { ElementHandle, Page } from 'puppeteer-core';
import { type FirefoxWithExtension, launchFirefoxWithExtension } from './harness/firefox';
import { expect, test } from './harness/fixtures';
import { deepDomInPage } from './harness/leaks';
import { APP_URL, CLIENT_ID, freshKey, KEY_URL, keyFlowPage, TENANT_ID } from './pages/key-flow';

/** The enabled button in `host`'s open shadow root with exactly this text, once there is one. */
async function buttonIn(page: Page, host: string, text: string): Promise<ElementHandle<HTMLButtonElement>> {
  const handle = await page.waitForFunction(
    (selector, wanted) =>
      [...(document.querySelector(selector)?.shadowRoot?.querySelectorAll('button') ?? [])].find(
        (button) => !button.disabled && button.textContent?.trim() === wanted,
      ) ?? null,
    { timeout: 15_000 },
    host,
    text,
  );
  return handle as ElementHandle<HTMLButtonElement>;
}

/** What the overlay's status line says. */
const overlayStatus = (page: Page) =>
  page.evaluate(
    () => document.querySelector('stactize-companion')?.shadowRoot?.querySelector('[role=status]')?.textContent ?? '',
  );

test.describe('Firefox', () => {
  let firefox: FirefoxWithExtension;
  test.beforeEach(async () => {
    firefox = await launchFirefoxWithExtension();
  });
  test.afterEach(async () => {
    await firefox.close();
  });

  test('capture → pair in the popup → send → Delivered: the sandbox opens the key sealed in Firefox, nothing leaked', async ({
    sandbox,
  }) => {
    const key = freshKey();
    firefox.serve(APP_URL, keyFlowPage());
    firefox.serve(KEY_URL, key, 'text/plain');
    const page = await firefox.open(APP_URL);
    const consoleText: string[] = [];
    page.on('console', (message) => consoleText.push(message.text()));
    expect(await page.$eval('stactize-companion', (host) => host.shadowRoot?.mode)).toBe('open');

    await (await buttonIn(page, 'he-shell', 'Add new key')).click();
    await expect.poll(() => overlayStatus(page)).toMatch(/Secured on this device/);

    // Not paired yet: the key waits, sealed. Pair in the popup, as a user would, then send.
    await buttonIn(page, 'stactize-companion', 'Send key to Stactize — connect first');
    const popup = await firefox.openPopup();
    const { code, account } = sandbox.admin.createPairingCode();
    await popup.waitForSelector('#pairing-code');
    await popup.type('#pairing-code', code);
    await popup.click('button[type=submit]');
    await popup.waitForFunction(
      (name) => [...document.querySelectorAll('h1, h2')].some((h) => h.textContent === `Connected to ${name}`),
      {},
      account.name,
    );
    await (await buttonIn(page, 'stactize-companion', `Send key to Stactize (${account.name})`)).click();
    await expect.poll(() => overlayStatus(page)).toBe('Delivered');
    const received = sandbox.admin.listCredentials();
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ tenantId: TENANT_ID, clientId: CLIENT_ID, secret: key, submissions: 1 });

    // Leak scans: the extension's storage (read from its own page), our overlay, and the console.
    const stored = await popup.evaluate(async () =>
      JSON.stringify([await browser.storage.local.get(null), await browser.storage.session.get(null)]),
    );
    expect(stored).not.toContain(key);
    expect(stored).toContain(CLIENT_ID); // the scan read real storage
    const overlay = await page.$eval('stactize-companion', (host) => host.shadowRoot?.innerHTML ?? '');
    expect(overlay).not.toContain(key);
    expect(consoleText.join('\n')).not.toContain(key);

    // Partner Center no longer shows the key: now the whole page must not hold it either.
    await page.goBack();
    await buttonIn(page, 'he-shell', 'Add new key');
    expect(await page.evaluate(deepDomInPage)).not.toContain(key);
  });
});
