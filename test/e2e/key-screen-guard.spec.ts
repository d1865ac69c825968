/**
 * The key screen reached without its application page: the tenant is asked for before anything is sealed,
 * and leaving the page while the key is not yet secured asks for confirmation.
 */
import { FIXTURES, TEST_VALUES } from '../fixtures/partner-center';
import { consoleOf } from './harness/console-guard';
import { expect, test } from './harness/fixtures';
import { findSecret } from './harness/leaks';

const keyScreen = FIXTURES.find((f) => f.name === 'key-screen-en');
if (!keyScreen) throw new Error('fixture key-screen-en is missing');
const TENANT = 'c0ffee00-1234-4abc-8def-0123456789ab';

test.describe('a key screen without a known tenant', () => {
  test('asks for the tenant, refuses a malformed one, then seals with the one given', async ({
    context,
    partnerCenter,
    serviceWorker,
  }) => {
    const console = consoleOf(context);
    const page = await partnerCenter.open(keyScreen.url, keyScreen.html());
    const overlay = page.locator('stactize-companion');
    await expect(overlay.getByText('Which tenant does this application belong to?')).toBeVisible();

    const field = overlay.getByRole('textbox', { name: 'Tenant ID' });
    await field.fill('contoso.onmicrosoft.com');
    await overlay.getByRole('button', { name: 'Use this tenant' }).click();
    await expect(overlay.getByRole('alert')).toHaveText(/A tenant ID looks like/);
    const { outbox: before } = await serviceWorker.evaluate(() => chrome.storage.local.get('outbox'));
    expect(Object.keys((before as object | undefined) ?? {})).toEqual([]);

    await field.fill(` ${TENANT} `);
    await overlay.getByRole('button', { name: 'Use this tenant' }).click();
    await expect(overlay.getByRole('status')).toHaveText(/Secured on this device/);
    const { outbox } = await serviceWorker.evaluate(() => chrome.storage.local.get('outbox'));
    const entries = Object.values(outbox as Record<string, { tenantId: string }>);
    expect(entries.map((e) => e.tenantId)).toEqual([TENANT]);

    const secret = TEST_VALUES.keys.current; // what this fixture's key screen shows
    expect(secret).toMatch(/^.{3}8Q~.{34}$/);
    expect(await findSecret(secret, { worker: serviceWorker, console, overlayPages: [page] })).toEqual([]);
  });

  test('leaving while the key is not secured asks first; once secured it does not', async ({ partnerCenter }) => {
    const page = await partnerCenter.open(keyScreen.url, keyScreen.html());
    const overlay = page.locator('stactize-companion');
    await expect(overlay.getByText('Which tenant does this application belong to?')).toBeVisible();
    await page.mouse.click(5, 5); // a user gesture: browsers only ask before leaving pages the user touched

    const asked = page.waitForEvent('dialog');
    void page.close({ runBeforeUnload: true });
    const dialog = await asked;
    expect(dialog.type()).toBe('beforeunload');
    await dialog.dismiss(); // stay
    await expect(overlay.getByText('Which tenant does this application belong to?')).toBeVisible();

    await overlay.getByRole('textbox', { name: 'Tenant ID' }).fill(TENANT);
    await overlay.getByRole('button', { name: 'Use this tenant' }).click();
    await expect(overlay.getByRole('status')).toHaveText(/Secured on this device/);
    let askedAgain = false;
    page.on('dialog', (d) => {
      askedAgain = true;
      void d.accept();
    });
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => page.isClosed()).toBe(true);
    expect(askedAgain).toBe(false);
  });
});
