/** The popup against the sandbox: every connection state, the outbox, the badge. Screenshots go to test-results. */
import type { Page, Worker } from '@playwright/test';
import { FIXTURES } from '../fixtures/partner-center';
import { expect, test } from './harness/fixtures';
import { CLIENT_ID, captureKey, overlay, sendButton, TENANT_ID } from './pages/key-flow';

const APPS_URL = 'https://partner.microsoft.com/dashboard/account/v3/usermanagement#apps';
const appsTab = FIXTURES.find((f) => f.name === 'flow-apps-to-key-en');
if (!appsTab) throw new Error('fixture flow-apps-to-key-en is missing');

const REASONS = {
  invalid_client_secret: /not accepted by Microsoft/,
  secret_expired: /has expired/,
  app_not_linked: /not added to your Partner Center account/,
  insufficient_role: /lacks the Manager role/,
  tenant_mismatch: /different tenant/,
} as const;

async function shot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`popup-${name}.png`) });
}

const badge = (worker: Worker) => worker.evaluate(() => chrome.action.getBadgeText({}));

test.describe('the popup', () => {
  test('not paired: the pairing form', async ({ openPopup }) => {
    const popup = await openPopup();
    await expect(popup.getByLabel('Pairing code')).toBeFocused();
    await expect(popup.getByRole('button', { name: 'Connect', exact: true })).toBeVisible();
    await shot(popup, 'not-paired');
  });

  test('pending, then verified with the key expiry and days left', async ({
    partnerCenter,
    sandbox,
    pair,
    openPopup,
    serviceWorker,
  }) => {
    sandbox.admin.setVerificationRules({ outcome: 'pending' });
    const account = await pair();
    const { page } = await captureKey(partnerCenter);
    await sendButton(page).click();
    await expect(overlay(page).getByRole('status')).toHaveText('Delivered');

    const popup = await openPopup();
    await expect(popup.getByRole('heading', { name: `Connected to ${account}` })).toBeVisible();
    await expect(popup.getByRole('status')).toHaveText('Stactize is verifying the key…');
    await expect.poll(() => badge(serviceWorker)).toBe('…');
    await shot(popup, 'pending');

    const [credential] = sandbox.admin.listCredentials();
    sandbox.admin.settleCredential(credential?.captureId ?? '', 'verified');
    await popup.reload();
    await expect(popup.getByRole('status')).toHaveText(/^Verified/);
    await expect(popup.getByText(TENANT_ID)).toBeVisible();
    await expect(popup.getByText(CLIENT_ID)).toBeVisible();
    await expect(popup.getByText(/The key expires on 2028-11-27 \(\d+ days left\)/)).toBeVisible();
    await expect.poll(() => badge(serviceWorker)).toBe('');
    await shot(popup, 'verified');
  });

  test('rejected: each reason in plain words, with a way back to Partner Center', async ({
    partnerCenter,
    sandbox,
    pair,
    openPopup,
    context,
  }) => {
    sandbox.admin.setVerificationRules({ outcome: 'pending' });
    await pair();
    const { page } = await captureKey(partnerCenter);
    await sendButton(page).click();
    await expect(overlay(page).getByRole('status')).toHaveText('Delivered');
    const captureId = sandbox.admin.listCredentials()[0]?.captureId ?? '';

    const popup = await openPopup();
    for (const [reason, text] of Object.entries(REASONS)) {
      sandbox.admin.settleCredential(captureId, { reject: reason as keyof typeof REASONS });
      await popup.reload();
      await expect(popup.getByRole('status')).toContainText('Stactize could not use the key.');
      await expect(popup.getByRole('status')).toContainText(text);
      await shot(popup, `rejected-${reason}`);
    }
    const opened = context.waitForEvent('page');
    await popup.getByRole('button', { name: 'Open Partner Center' }).click();
    await (await opened).waitForURL('https://partner.microsoft.com/dashboard/account/v3/usermanagement#apps');
  });

  test('keys on this device: the badge counts them, Send and Discard, and discard asks first', async ({
    partnerCenter,
    openPopup,
    serviceWorker,
  }) => {
    await captureKey(partnerCenter);
    await expect.poll(() => badge(serviceWorker)).toBe('1');
    const popup = await openPopup();
    const list = popup.getByRole('region', { name: 'Keys on this device' });
    await expect(list.getByRole('listitem')).toHaveCount(1);
    await expect(list.getByRole('button', { name: 'Send' })).toBeDisabled(); // not paired yet
    await shot(popup, 'outbox');

    await list.getByRole('button', { name: 'Discard' }).click();
    const confirm = popup.getByRole('alertdialog', { name: 'Discard' });
    await expect(confirm).toContainText('Only the copy on this device is deleted');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(list.getByRole('listitem')).toHaveCount(1);

    await list.getByRole('button', { name: 'Discard' }).click();
    await popup.getByRole('button', { name: 'Discard the sealed copy' }).click();
    await expect(list).toBeHidden();
    await expect.poll(() => badge(serviceWorker)).toBe('');
    expect(await serviceWorker.evaluate(() => chrome.storage.local.get('outbox'))).toEqual({ outbox: {} });
  });

  test('a revoked pairing: says to connect again, and keeps what it knew', async ({ sandbox, pair, openPopup }) => {
    await pair();
    sandbox.admin.reset(); // the sandbox forgets every token: the API answers 401
    const popup = await openPopup();
    await expect(popup.getByText(/no longer accepts this connection/)).toBeVisible();
    await shot(popup, 'unauthorized');
  });

  test('"Start the guide" opens Partner Center with the guide started there', async ({
    context,
    openPopup,
    partnerCenter,
    serviceWorker,
  }) => {
    partnerCenter.serve(APPS_URL, appsTab.html());
    const popup = await openPopup();
    const opened = context.waitForEvent('page');
    await popup.getByRole('button', { name: 'Start the guide in Partner Center' }).click();
    const page = await opened;
    await page.waitForURL(APPS_URL);
    const guide = page.locator('stactize-companion').locator('[data-guide-step]');
    await expect(guide).toBeVisible();
    await expect(guide.getByRole('heading', { level: 2 })).not.toBeEmpty();
    // The page took the popup's request, so the guide is active (it then shows outside the account area too).
    await expect
      .poll(async () => {
        const { guideProgress } = await serviceWorker.evaluate(() => chrome.storage.local.get('guideProgress'));
        return (guideProgress as { guide?: string; active?: boolean } | undefined) ?? null;
      })
      .toMatchObject({ guide: 'connect', active: true });
  });
});
