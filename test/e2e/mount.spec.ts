import { expect, test } from './harness/fixtures';

const PAGE =
  '<!doctype html><html><head><title>Partner Center</title></head><body><h1>User management</h1></body></html>';
const host = 'stactize-companion';

test.describe('the content script', () => {
  for (const url of [
    'https://partner.microsoft.com/dashboard/account/v3/usermanagement#apps',
    'https://partner.microsoft.com/en-us/dashboard/account/v3/usermanagement#apps',
  ]) {
    test(`mounts its shadow-root UI on ${url}`, async ({ partnerCenter }) => {
      const page = await partnerCenter.open(url, PAGE);
      const ui = page.locator(host);
      await expect(ui).toHaveCount(1);
      expect(await ui.evaluate((el) => el.shadowRoot?.mode)).toBe('open');
    });
  }

  test('does not mount on a lookalike host', async ({ partnerCenter, context, extensionId }) => {
    const page = await partnerCenter.open(
      'https://partner.microsoft.com.example.net/dashboard/account/v3/usermanagement#apps',
      PAGE,
    );
    await expect(page.getByRole('heading', { name: 'User management' })).toBeVisible();
    // The content script of a real page runs in the meantime: prove the extension is alive and mounted there,
    // then check the lookalike still has nothing.
    const real = await partnerCenter.open('https://partner.microsoft.com/dashboard', PAGE);
    await expect(real.locator(host)).toHaveCount(1);
    await expect(page.locator(host)).toHaveCount(0);
    expect(extensionId).toMatch(/^[a-p]{32}$/);
    expect(context.pages().length).toBeGreaterThan(1);
  });

  test('refuses every outside host, so no test reaches the internet', async ({
    partnerCenter,
    expectConsoleErrors,
  }) => {
    // Chromium logs the refused load in the page's console: provoked here, on purpose.
    const refusal = /Failed to load resource: net::ERR_BLOCKED_BY_CLIENT/;
    expectConsoleErrors([refusal]);
    const page = await partnerCenter.open('https://partner.microsoft.com/dashboard', PAGE);
    const logged = page.waitForEvent('console', (message) => refusal.test(message.text()));
    const outcome = await page.evaluate(() =>
      fetch('https://example.com/').then(
        () => 'reached',
        () => 'refused',
      ),
    );
    expect(outcome).toBe('refused');
    await logged; // the log line arrives on its own time; the guard checks once the browser is closed
  });
});
