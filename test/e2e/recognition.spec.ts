/**
 * Recognition that does not depend on what happened before, and the safety net when recognition fails.
 * - Every key-screen fixture read twice in one browser profile, the second time with the guide already past the
 *   key screen (as on a second visit, or another case in the same profile): the same capture both times.
 * - Every key screen nothing can read: within seconds the overlay says so and offers "Paste the key here"; the
 *   pasted key (a real, trusted paste) is sealed at once, and no storage, overlay, page DOM or console holds it.
 * - Leaving a key screen whose key is not secured asks first.
 * - A key screen that shows no expiry: the application page the user comes back to lists it.
 */
import type { Page } from '@playwright/test';
import { localDay } from '../../utils/shapes';
import { buildFixtureHtml, FIXTURES, TEST_VALUES as V } from '../fixtures/partner-center';
import { appConfig, appPageUrl } from '../fixtures/partner-center/kit';
import { consoleOf } from './harness/console-guard';
import { expect, test } from './harness/fixtures';
import { findSecret } from './harness/leaks';

const pageState = async (page: Page) =>
  JSON.parse((await page.locator('stactize-companion').getAttribute('data-page-state')) ?? 'null');
const overlay = (page: Page) => page.locator('stactize-companion');

const capturedKeyScreens = FIXTURES.filter(
  (f) => !f.flow?.length && !('negative' in f.expected) && f.expected.kind === 'keyScreen' && f.expected.keyPresent,
);
const unreadable = FIXTURES.filter((f) => f.pasteKey);

test.describe('the same capture whatever happened before', () => {
  for (const fixture of capturedKeyScreens) {
    test(`${fixture.name}: read alike on a first visit and on a second one with the guide advanced`, async ({
      partnerCenter,
      serviceWorker,
    }) => {
      const timeout = fixture.settlesWithinMs + 5_000;
      const first = await partnerCenter.open(fixture.url, fixture.html());
      await expect.poll(() => pageState(first), { timeout }).toEqual(fixture.expected);
      const question = overlay(first).getByText('Which tenant does this application belong to?');
      await expect(question).toBeVisible();
      await first.close();
      // The guide is past the key screen, as after an earlier case in this profile.
      await serviceWorker.evaluate(() =>
        chrome.storage.local.set({
          guideProgress: {
            guide: 'connect',
            active: true,
            completed: ['connect.keyScreen.capture', 'connect.keyScreen.another'],
            at: { keyScreen: 'another' },
            pages: {},
          },
        }),
      );
      const second = await partnerCenter.open(fixture.url, fixture.html());
      await expect.poll(() => pageState(second), { timeout }).toEqual(fixture.expected);
      await expect(overlay(second).getByText('Which tenant does this application belong to?')).toBeVisible();
      // The guide never says the key need not be copied while it is not secured.
      await expect(overlay(second)).not.toContainText('do not need to copy');
    });
  }
});

test.describe('the safety net', () => {
  for (const fixture of unreadable) {
    test(`${fixture.name}: says the key cannot be read, and seals a pasted key at once`, async ({
      context,
      partnerCenter,
      serviceWorker,
    }) => {
      const key = fixture.pasteKey as string;
      const console = consoleOf(context);
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
        origin: 'https://partner.microsoft.com',
      });
      const page = await partnerCenter.open(fixture.url, fixture.html());
      await expect(overlay(page).getByRole('alert').first()).toContainText('cannot read the key', { timeout: 8_000 });
      const paste = overlay(page).getByRole('button', { name: 'Paste the key here' });
      await expect(paste).toBeVisible();
      // Client ID as the page shows it; the tenant typed by the user (no application page was seen).
      await expect(overlay(page).getByLabel('Client ID')).toHaveValue(V.clientId);
      await overlay(page).getByLabel('Tenant ID').fill(V.tenantId);

      // The page report for support: shown before anything is copied, and it holds no value of the page.
      await overlay(page).getByRole('button', { name: 'Copy page details for Stactize support' }).click();
      const preview = overlay(page).getByRole('textbox', { name: 'Page details for Stactize support' });
      await expect(preview).toHaveValue(/page kind: keyScreen/);
      const report = await preview.inputValue();
      for (const value of [key, V.clientId, V.tenantId, 'Stactize Connector']) expect(report).not.toContain(value);
      await overlay(page).getByRole('button', { name: 'Cancel' }).click();
      // Typing into the zone changes nothing: it takes a paste only.
      await paste.click();
      await page.keyboard.type('typed');
      await expect(paste).toHaveText('Paste the key here');
      // Something that is not a key is refused, and nothing is kept.
      await page.evaluate(() => navigator.clipboard.writeText('not a key at all'));
      await paste.focus();
      await page.keyboard.press('ControlOrMeta+V');
      await expect(overlay(page).getByText('does not look like a Partner Center key')).toBeVisible();
      const outbox = async () => {
        const { outbox } = await serviceWorker.evaluate(() => chrome.storage.local.get('outbox'));
        return Object.keys((outbox as object | undefined) ?? {}).length;
      };
      expect(await outbox()).toBe(0);

      // A page script's synthetic paste carries its own "key": ignored.
      await page.evaluate((planted) => {
        const host = document.querySelector('stactize-companion');
        const zone = host?.shadowRoot?.querySelector('.paste-zone');
        const data = new DataTransfer();
        data.setData('text/plain', planted);
        zone?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, composed: true }));
      }, V.keys.another);

      // …and the real key, pasted by the user.
      await page.evaluate((value) => navigator.clipboard.writeText(value), key);
      await paste.focus();
      await page.keyboard.press('ControlOrMeta+V');
      await expect(overlay(page).getByRole('status')).toContainText('Secured on this device');
      expect(await outbox()).toBe(1);
      const { outbox: stored } = await serviceWorker.evaluate(() => chrome.storage.local.get('outbox'));
      const entry = Object.values(stored as Record<string, { clientId: string; confidence: string }>)[0];
      expect(entry).toMatchObject({ clientId: V.clientId, confidence: 'pasted' });
      // Overwrite the clipboard before scanning, so the scan sees only what the extension kept.
      await page.evaluate(() => navigator.clipboard.writeText(''));
      const domPages = fixture.name.includes('unreadable') ? [page] : [];
      expect(await findSecret(key, { worker: serviceWorker, console, overlayPages: [page], domPages })).toEqual([]);
      expect(await findSecret(V.keys.another, { worker: serviceWorker, console, overlayPages: [page] })).toEqual([]);
    });
  }

  test('leaving a key screen whose key is not secured asks first', async ({ partnerCenter }) => {
    const fixture = FIXTURES.find((f) => f.name === 'shape-unreadable-key-canvas');
    if (!fixture) throw new Error('fixture missing');
    const page = await partnerCenter.open(fixture.url, fixture.html());
    await expect(overlay(page).getByRole('button', { name: 'Paste the key here' })).toBeVisible({ timeout: 8_000 });
    // A browser asks before leaving only a page the user has interacted with.
    await page.mouse.click(5, 5);
    const asked = page.waitForEvent('dialog');
    void page.close({ runBeforeUnload: true });
    const dialog = await asked;
    expect(dialog.type()).toBe('beforeunload');
    await dialog.dismiss();
    await expect(overlay(page).getByRole('button', { name: 'Paste the key here' })).toBeVisible();
  });
});

test.describe('a page the companion cannot read', () => {
  test('says so and offers the page report for support', async ({ partnerCenter }) => {
    const fixture = FIXTURES.find((f) => f.name === 'shape-user-management-unknown-language');
    if (!fixture) throw new Error('fixture missing');
    const page = await partnerCenter.open(fixture.url, fixture.html());
    await expect.poll(() => pageState(page)).toEqual(fixture.expected);
    await expect(overlay(page).getByRole('heading', { name: 'The companion cannot read this page' })).toBeVisible();
    await overlay(page).getByRole('button', { name: 'Copy page details for Stactize support' }).click();
    const report = await overlay(page).getByRole('textbox', { name: 'Page details for Stactize support' }).inputValue();
    expect(report).toContain('page kind: userManagement');
    for (const text of ['Stactize Connector', 'Käyttäjien', '15.1.2025']) expect(report).not.toContain(text);
  });
});

test.describe('the expiry when the key screen shows none', () => {
  test('is learned from the application page the user comes back to (the key created today), never an older key’s', async ({
    partnerCenter,
    serviceWorker,
    pair,
  }) => {
    const account = await pair();
    const html = buildFixtureHtml('usermanagement.html', { app: appConfig('en', { listsNewKey: true }), delayMs: 300 });
    const page = await partnerCenter.open(appPageUrl(), html);
    await expect.poll(() => pageState(page)).toMatchObject({ kind: 'applicationPage', clientId: V.clientId });
    await page.getByText('Add new key', { exact: true }).click();
    await expect.poll(() => pageState(page)).toMatchObject({ kind: 'keyScreen', keyPresent: true, keyExpiresAt: null });
    await overlay(page)
      .getByRole('button', { name: `Send key to Stactize (${account})` })
      .click();
    await expect(overlay(page).getByRole('status')).toHaveText('Delivered');

    await page.goBack(); // client-side, to the application page, which now lists the new key
    const today = new Date();
    const expected = localDay(new Date(today.getFullYear() + 2, today.getMonth(), today.getDate()).getTime());
    const stored = () =>
      serviceWorker.evaluate(async () => {
        const { deliveries, connection } = await chrome.storage.local.get(['deliveries', 'connection']);
        const snapshot = connection as { connection?: { credential?: { keyExpiresAt: string | null } } } | undefined;
        return {
          delivery: (deliveries as { keyExpiresAt: string | null }[] | undefined)?.[0]?.keyExpiresAt ?? null,
          connection: snapshot?.connection?.credential?.keyExpiresAt ?? null,
        };
      });
    await expect.poll(stored).toEqual({ delivery: expected, connection: expected });
  });
});
