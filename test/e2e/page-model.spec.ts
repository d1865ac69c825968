/**
 * The page model in real Chromium, as the built extension runs it: every fixture served at its real Partner
 * Center URL, read through nested shadow roots, and summarised on the overlay host's `data-page-state`.
 * Positive fixtures show the expected state (values and confidence); negative ones never capture a key.
 */
import type { Page } from '@playwright/test';
import { FIXTURES } from '../fixtures/partner-center';
import { expect, test } from './harness/fixtures';

const pageState = async (page: Page) =>
  JSON.parse((await page.locator('stactize-companion').getAttribute('data-page-state')) ?? 'null');

for (const fixture of FIXTURES) {
  test(`${fixture.name}: ${fixture.negative ? 'reads the page and never captures a key' : 'reads the key and its context'}`, async ({
    partnerCenter,
    serviceWorker,
  }) => {
    const page = await partnerCenter.open(fixture.url, fixture.html());
    const timeout = fixture.settlesWithinMs + 5_000;
    if ('negative' in fixture.expected) {
      // A lookalike host: the content script must not run at all. Prove the extension is alive meanwhile.
      const real = await partnerCenter.open('https://partner.microsoft.com/dashboard', '<h1>Partner Center</h1>');
      await expect(real.locator('stactize-companion')).toHaveCount(1);
      await expect(page.locator('stactize-companion')).toHaveCount(0);
      return;
    }
    await expect.poll(() => pageState(page), { timeout }).toEqual(fixture.expected);
    for (const step of fixture.flow ?? []) {
      await page.getByText(step.click, { exact: true }).first().click();
      await expect.poll(() => pageState(page), { timeout }).toEqual(step.expected);
    }
    const outboxSize = async () => {
      const { outbox } = await serviceWorker.evaluate(() => chrome.storage.local.get('outbox'));
      return Object.keys((outbox as object | undefined) ?? {}).length;
    };
    const last = fixture.flow?.at(-1)?.expected ?? fixture.expected;
    if (fixture.negative) {
      expect(await outboxSize()).toBe(0);
    } else if (last.kind === 'keyScreen' && 'clientIdMismatch' in last && last.clientIdMismatch) {
      // Two different Client IDs: nothing is sealed until the user picks one; then it is sealed at once.
      const pick = page.locator('stactize-companion').getByRole('button', { name: /^Use the application page/ });
      await expect(pick).toBeVisible();
      expect(await outboxSize()).toBe(0);
      await pick.click();
      await expect.poll(outboxSize).toBeGreaterThan(0);
    } else if (last.kind === 'keyScreen' && last.tenantId) {
      // The tenant is known (the application page came first): the key is sealed into the outbox at once.
      await expect.poll(outboxSize).toBeGreaterThan(0);
    } else if (last.kind === 'keyScreen') {
      // Reached without the application page: the key waits on the page until the user names the tenant.
      await expect(
        page.locator('stactize-companion').getByText('Which tenant does this application belong to?'),
      ).toBeVisible();
      expect(await outboxSize()).toBe(0);
    }
  });
}
