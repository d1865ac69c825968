/**
 * Capture and delivery, end to end: the built extension in Chromium, fixture pages at the real Partner Center
 * URL, and the sandbox Intake API as a real HTTP server. Every test ends with the leak scans.
 */
import type { Fault } from '../../sandbox/server/server';
import { consoleOf } from './harness/console-guard';
import { expect, test } from './harness/fixtures';
import { findSecret } from './harness/leaks';
import { runningWorker, stopServiceWorker } from './harness/service-worker';
import { CLIENT_ID, captureKey, overlay, sendButton, TENANT_ID } from './pages/key-flow';

test.describe('capture and delivery', () => {
  test('pair → capture → send → Delivered: the sandbox holds the right key once, and nothing leaked', async ({
    context,
    serviceWorker,
    partnerCenter,
    sandbox,
    pair,
  }) => {
    const console = consoleOf(context);
    const account = await pair();
    const { page, key } = await captureKey(partnerCenter);
    expect(await findSecret(key, { worker: serviceWorker, console, overlayPages: [page] })).toEqual([]);

    await expect(sendButton(page)).toHaveAccessibleName(`Send key to Stactize (${account})`);
    await sendButton(page).click();
    await expect(overlay(page).getByRole('status')).toHaveText('Delivered');

    const received = sandbox.admin.listCredentials();
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      tenantId: TENANT_ID,
      clientId: CLIENT_ID,
      secret: key,
      applicationName: 'Stactize <b>integration</b>',
      keyExpiresAt: '2028-11-27',
      submissions: 1,
    });
    expect(await serviceWorker.evaluate(() => chrome.storage.local.get('outbox'))).toEqual({ outbox: {} });

    await page.goBack(); // client-side: Partner Center no longer shows the key
    await expect(page.getByRole('button', { name: 'Add new key' })).toBeVisible();
    expect(await findSecret(key, { worker: serviceWorker, console, overlayPages: [page], domPages: [page] })).toEqual(
      [],
    );
  });

  test('a key captured before pairing is sealed and kept, and sent once paired', async ({
    context,
    serviceWorker,
    partnerCenter,
    sandbox,
    pair,
  }) => {
    const console = consoleOf(context);
    const { page, key } = await captureKey(partnerCenter);
    await expect(sendButton(page)).toHaveAccessibleName(/connect first/);
    const stored = await serviceWorker.evaluate(() => chrome.storage.local.get('outbox'));
    expect(Object.keys(stored.outbox as object)).toHaveLength(1);

    const account = await pair();
    await expect(sendButton(page)).toHaveAccessibleName(`Send key to Stactize (${account})`);
    await sendButton(page).click();
    await expect(overlay(page).getByRole('status')).toHaveText('Delivered');
    expect(sandbox.admin.listCredentials().map((c) => c.secret)).toEqual([key]);
    expect(await findSecret(key, { worker: serviceWorker, console, overlayPages: [page] })).toEqual([]);
  });

  const faults: Array<[string, Fault]> = [
    ['a 500', { kind: 'status', status: 500, count: 1 }],
    ['a 503', { kind: 'status', status: 503, count: 2 }],
    ['a 429 with Retry-After', { kind: 'rate_limit', retryAfter: 1, count: 1 }],
    ['a slow answer', { kind: 'delay', ms: 1500, count: 1 }],
    // Twice: Chromium resends a POST once by itself after a reset on a reused connection.
    ['a socket reset', { kind: 'reset', count: 2 }],
    ['the connection closed after the body was processed', { kind: 'close_after_processing', count: 2 }],
  ];
  for (const [name, fault] of faults) {
    test(`after ${name}, exactly one credential is stored in the end`, async ({
      context,
      serviceWorker,
      partnerCenter,
      sandbox,
      pair,
    }) => {
      const console = consoleOf(context);
      await pair();
      const { page, key } = await captureKey(partnerCenter);
      sandbox.admin.injectFault(fault);
      await sendButton(page).click();
      await expect(overlay(page).getByRole('status')).toHaveText('Delivered', { timeout: 30_000 });
      expect(sandbox.admin.pendingFaults()).toEqual([]);
      const received = sandbox.admin.listCredentials();
      expect(received).toHaveLength(1);
      expect(received[0]?.secret).toBe(key);
      expect(await findSecret(key, { worker: serviceWorker, console, overlayPages: [page] })).toEqual([]);
    });
  }

  test('the service worker stopped right after "Secured" and again mid-send: delivered exactly once', async ({
    context,
    partnerCenter,
    sandbox,
    pair,
    openPopup,
  }) => {
    const console = consoleOf(context);
    await pair();
    const { page, key } = await captureKey(partnerCenter);

    await stopServiceWorker(context, page);
    // The click wakes a new worker, which finds the capture in storage.
    sandbox.admin.injectFault({ kind: 'hold' }); // the server keeps the first send in progress until released
    await sendButton(page).click();
    await expect.poll(() => sandbox.admin.heldRequests()).toBe(1);
    await stopServiceWorker(context, page); // mid-send: the answer never reaches the stopped worker

    const popup = await openPopup(); // any event wakes the worker, which resends what was left mid-send
    // The resend arrives while the server still processes the first: 409 capture_in_progress, retried later.
    await expect.poll(() => Object.values(sandbox.admin.state().submissions), { intervals: [50] }).toEqual([2]);
    expect(sandbox.admin.releaseHeld()).toBe(1);
    await expect(overlay(page).getByRole('status')).toHaveText('Delivered', { timeout: 30_000 });
    const received = sandbox.admin.listCredentials();
    expect(received).toHaveLength(1);
    expect(received[0]?.secret).toBe(key);
    await popup.close();
    const worker = await runningWorker(context);
    expect(await findSecret(key, { worker, console, overlayPages: [page] })).toEqual([]);
  });

  test('a key sent to customer A, then a 503, then a re-pairing to customer B: nothing reaches B until the user says so', async ({
    serviceWorker,
    partnerCenter,
    sandbox,
    openPopup,
  }) => {
    const pairWith = async (accountId: string, accountName: string) => {
      const { code } = sandbox.admin.createPairingCode({ accountId, accountName });
      const popup = await openPopup();
      await popup.getByLabel('Pairing code').fill(code);
      await popup.getByRole('button', { name: 'Connect', exact: true }).click();
      await popup.getByRole('heading', { name: `Connected to ${accountName}` }).waitFor();
      return popup;
    };
    (await pairWith('acct_a', 'Customer A')).close();
    const { page } = await captureKey(partnerCenter);
    sandbox.admin.injectFault({ kind: 'status', status: 503, count: 1 });
    await sendButton(page).click();
    await expect.poll(() => sandbox.admin.pendingFaults()).toEqual([]);

    // The consultant moves on to another customer in the same browser.
    const popup = await openPopup();
    await popup.getByRole('button', { name: 'Disconnect' }).click();
    await popup.getByLabel('Pairing code').waitFor();
    await popup.close();
    (await pairWith('acct_b', 'Customer B')).close();

    // The retry comes due and stops: the key was meant for A. The page names both and asks.
    await expect(overlay(page).getByRole('alert')).toHaveText(
      /sent to Stactize \(Customer A\).*connected to Customer B/,
      {
        timeout: 30_000,
      },
    );
    const states = await serviceWorker.evaluate(async () =>
      Object.values(
        ((await chrome.storage.local.get('outbox')).outbox ?? {}) as Record<
          string,
          { lastError: { code: string } | null }
        >,
      ).map((e) => e.lastError?.code),
    );
    expect(states).toEqual(['account_changed']);
    expect(sandbox.admin.listCredentials()).toEqual([]);

    await overlay(page).getByRole('button', { name: 'Send to Customer B instead' }).click();
    await expect(overlay(page).getByRole('status')).toHaveText('Delivered');
    expect(sandbox.admin.listCredentials()).toMatchObject([{ accountId: 'acct_b' }]);
  });
});

test.describe('the verification outcome on the page', () => {
  test('after "Delivered" the overlay shows Stactize verified the key', async ({ partnerCenter, pair }) => {
    const account = await pair();
    const { page } = await captureKey(partnerCenter);
    await sendButton(page).click();
    await expect(overlay(page).getByRole('status')).toHaveText('Delivered');
    await expect(
      overlay(page).getByText(`Verified: Stactize (${account}) can use your Partner Center connection.`),
    ).toBeVisible({
      timeout: 15_000,
    });
  });

  test('a rejection says why and what to do', async ({ partnerCenter, pair, sandbox }) => {
    await pair();
    sandbox.admin.setVerificationRules({ delayMs: 100, outcome: { reject: 'insufficient_role' } });
    const { page } = await captureKey(partnerCenter);
    await sendButton(page).click();
    await expect(overlay(page).getByRole('status')).toHaveText('Delivered');
    await expect(overlay(page).getByRole('alert')).toContainText('lacks the Manager role', { timeout: 15_000 });
  });
});
