/**
 * The Firefox build, run in Firefox (puppeteer-core over WebDriver BiDi; Playwright cannot load Firefox
 * extensions): the same key flow page at the real Partner Center URL, capture, sealing in the content script,
 * pairing in the popup, delivery to the sandbox, and the leak scans of the page and the extension's storage; a
 * 503 retried by the background on its own; then every Partner Center fixture read by the page model, as page-model.spec.ts does in Chromium. Firefox gives
 * a content script the page's TextEncoder and crypto; this is the test that proves sealing works there anyway
 * (utils/own-realm.ts).
 */
import type { ElementHandle, Page } from 'puppeteer-core';
import type { SandboxServer } from '../../sandbox/server/server';
import { FIXTURES, TEST_VALUES } from '../fixtures/partner-center';
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

/** The overlay host's page-state summary, or null while there is no host. */
const pageState = (page: Page) =>
  page.evaluate(() =>
    JSON.parse(document.querySelector('stactize-companion')?.getAttribute('data-page-state') ?? 'null'),
  );

/** Partner Center's own element (through its shadow roots, never our overlay) whose text is exactly `text`. */
async function pageElementWithText(page: Page, text: string): Promise<ElementHandle<Element>> {
  const handle = await page.waitForFunction(
    (wanted) => {
      const find = (root: Document | ShadowRoot): Element | null => {
        for (const element of root.querySelectorAll('*')) {
          if (element.localName === 'stactize-companion') continue;
          if (element.children.length === 0 && element.textContent?.trim() === wanted) return element;
          const inner = element.shadowRoot && find(element.shadowRoot);
          if (inner) return inner;
        }
        return null;
      };
      return find(document);
    },
    { timeout: 15_000 },
    text,
  );
  return handle as ElementHandle<Element>;
}

/** Pairs this Firefox in the popup, as a user would; answers the popup page and the account's name. */
async function pairInPopup(
  firefox: FirefoxWithExtension,
  sandbox: SandboxServer,
): Promise<{ popup: Page; name: string }> {
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
  return { popup, name: account.name };
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
    expect(await page.$eval('stactize-companion', (host) => host.shadowRoot?.mode)).toBe('open');

    await (await buttonIn(page, 'he-shell', 'Add new key')).click();
    await expect.poll(() => overlayStatus(page)).toMatch(/Secured on this device/);

    // Not paired yet: the key waits, sealed. Pair in the popup, as a user would, then send.
    await buttonIn(page, 'stactize-companion', 'Send key to Stactize — connect first');
    const { popup, name } = await pairInPopup(firefox, sandbox);
    await (await buttonIn(page, 'stactize-companion', `Send key to Stactize (${name})`)).click();
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
    expect(firefox.console.messages.join('\n')).not.toContain(key);

    // Partner Center no longer shows the key: now the whole page must not hold it either.
    await page.goBack();
    await buttonIn(page, 'he-shell', 'Add new key');
    expect(await page.evaluate(deepDomInPage)).not.toContain(key);
  });

  test('Stactize answers 503: the background retries on its own and the key is delivered once', async ({ sandbox }) => {
    const { name } = await pairInPopup(firefox, sandbox);
    const key = freshKey();
    firefox.serve(APP_URL, keyFlowPage());
    firefox.serve(KEY_URL, key, 'text/plain');
    const page = await firefox.open(APP_URL);
    await (await buttonIn(page, 'he-shell', 'Add new key')).click();
    sandbox.admin.injectFault({ kind: 'status', status: 503, count: 1 });
    await (await buttonIn(page, 'stactize-companion', `Send key to Stactize (${name})`)).click();
    // The first retry comes 1–4 s later (full jitter), from the background's own timer.
    await expect.poll(() => overlayStatus(page), { timeout: 20_000 }).toBe('Delivered');
    expect(sandbox.admin.pendingFaults()).toEqual([]); // the first send met the 503…
    const received = sandbox.admin.listCredentials();
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ secret: key, submissions: 1 }); // …so the one that got through was a retry
  });

  test('a key nothing can read: the safety net says so, takes the pasted key, seals it; the page report holds no value', async () => {
    const fixture = FIXTURES.find((f) => f.name === 'shape-unreadable-key-canvas');
    const key = fixture?.pasteKey;
    if (!fixture || !key) throw new Error('fixture missing');
    firefox.serve(fixture.url, fixture.html());
    const page = await firefox.open(fixture.url);
    const inOverlay = (selector: string) =>
      page.evaluate(
        (s) => document.querySelector('stactize-companion')?.shadowRoot?.querySelector(s)?.textContent ?? '',
        selector,
      );
    await expect
      .poll(() => inOverlay('.safety-net [role=alert]'), { timeout: 10_000 })
      .toContain('cannot read the key');

    // The page report: previewed before anything is copied, and no value of the page in it.
    await (await buttonIn(page, 'stactize-companion', 'Copy page details for Stactize support')).click();
    const report = await page.waitForFunction(
      () =>
        (
          document
            .querySelector('stactize-companion')
            ?.shadowRoot?.querySelector('textarea') as HTMLTextAreaElement | null
        )?.value || null,
    );
    const text = String(await report.jsonValue());
    expect(text).toContain('page kind: keyScreen');
    expect(text).toMatch(/label=key/);
    for (const value of [key, TEST_VALUES.clientId, 'Stactize Connector']) expect(text).not.toContain(value);

    // The user types the tenant, then pastes the key (copied from elsewhere: here, a field the test adds and removes).
    const tenant = await page.waitForFunction(() => {
      const fields = document.querySelector('stactize-companion')?.shadowRoot?.querySelectorAll('.safety-net input');
      return [...(fields ?? [])].find((input) => input.closest('label')?.textContent?.startsWith('Tenant ID')) ?? null;
    });
    await (tenant as ElementHandle<HTMLInputElement>).type(TENANT_ID);
    await page.evaluate((value) => {
      const source = document.createElement('textarea');
      source.id = 'clipboard-source';
      source.value = value;
      document.body.append(source);
    }, key);
    await page.click('#clipboard-source');
    await page.keyboard.down('Control');
    await page.keyboard.press('KeyA');
    await page.keyboard.press('KeyC');
    await page.keyboard.up('Control');
    await page.evaluate(() => document.getElementById('clipboard-source')?.remove());
    const zone = await page.waitForFunction(
      () => document.querySelector('stactize-companion')?.shadowRoot?.querySelector('.paste-zone') ?? null,
    );
    await (zone as ElementHandle<HTMLElement>).click();
    await page.keyboard.down('Control');
    await page.keyboard.press('KeyV');
    await page.keyboard.up('Control');
    await expect.poll(() => overlayStatus(page), { timeout: 10_000 }).toMatch(/Secured on this device/);
    const overlay = await page.$eval('stactize-companion', (host) => host.shadowRoot?.innerHTML ?? '');
    expect(overlay).not.toContain(key);
    expect(await page.evaluate(deepDomInPage)).not.toContain(key);
    expect(firefox.console.messages.join('\n')).not.toContain(key);
  });

  test('the page model reads every Partner Center fixture in Firefox as in Chromium', async () => {
    // Every fixture (ninety pages, some waiting seconds by design) in one browser: more than the default minute.
    test.setTimeout(180_000);
    const alive = 'https://partner.microsoft.com/dashboard';
    firefox.serve(alive, '<h1>Partner Center</h1>');
    const check = async (fixture: (typeof FIXTURES)[number], page: Page) => {
      const poll = { timeout: fixture.settlesWithinMs + 5_000, intervals: [50], message: fixture.name };
      if ('negative' in fixture.expected) {
        // A lookalike host: the content script must not run. Prove the extension is alive meanwhile.
        const real = await firefox.open(alive);
        await real.waitForSelector('stactize-companion');
        expect(await page.$('stactize-companion'), fixture.name).toBeNull();
        await real.close();
        return;
      }
      await expect.poll(() => pageState(page), poll).toEqual(fixture.expected);
      for (const step of fixture.flow ?? []) {
        await (await pageElementWithText(page, step.click)).click();
        await expect.poll(() => pageState(page), poll).toEqual(step.expected);
      }
    };
    // Pages that only load are read side by side, each in its tab (several of them wait seconds by design);
    // flows, which click, one at a time in the front tab. Fixtures share URLs: each is served just before its
    // tab loads it.
    // Component libraries (FAST, Fluent) render on animation frames, which a background tab does not get: their
    // pages are read in the front tab, one at a time, as the user sees them.
    const inFront = (fixture: (typeof FIXTURES)[number]) =>
      Boolean(fixture.flow?.length) || fixture.name.startsWith('library-');
    const still = FIXTURES.filter((fixture) => !inFront(fixture));
    const checks: Promise<void>[] = [];
    for (const fixture of still) {
      firefox.serve(fixture.url, fixture.html());
      const checked = check(fixture, await firefox.open(fixture.url));
      checked.catch(() => undefined); // awaited below; an early failure must not count as unhandled meanwhile
      checks.push(checked);
    }
    await Promise.all(checks);
    for (const fixture of FIXTURES.filter(inFront)) {
      firefox.serve(fixture.url, fixture.html());
      const page = await firefox.open(fixture.url);
      await check(fixture, page);
      await page.close();
    }
  });
});
