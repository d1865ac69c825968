/**
 * The threats of SECURITY.md that only a real browser can prove: another extension messaging ours, forged
 * window messages, a browser restart with a pending outbox, a forged key screen. (An extension reload cannot be
 * driven here: Chromium does not bring back an extension loaded with --load-extension after runtime.reload();
 * the content script's side of it is unit-tested in capture.test.ts.)
 */
import { resolve } from 'node:path';
import type { BrowserContext, Worker } from '@playwright/test';
import { consoleOf } from './harness/console-guard';
import { expect, extensionWorker, launchExtensionContext, routeOutsideWorld, test } from './harness/fixtures';
import { findSecret } from './harness/leaks';
import { APP_URL, captureKey, freshKey, KEY_URL, keyFlowPage, overlay, sendButton } from './pages/key-flow';

const HOSTILE = resolve(import.meta.dirname, 'hostile-extension');

const forgedCapture = {
  id: 1,
  type: 'storeCapture',
  timestamp: Date.now(),
  data: {
    captureId: '6f1c1a52-3c55-4a8e-9f0e-0b6a1b2c3d4e',
    tenantId: '11111111-2222-3333-4444-555555555555',
    clientId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
    applicationName: 'forged',
    keyExpiresAt: null,
    capturedAt: '2026-11-27T06:00:00.000Z',
    sealed: 'aaa.bbb.ccc.ddd.eee',
    kid: 'stactize-sandbox-dev-1',
    confidence: 'high',
    clientIdMismatch: false,
  },
};

async function workers(context: BrowserContext): Promise<{ ours: Worker; hostile: Worker }> {
  await expect.poll(() => context.serviceWorkers().length).toBe(2);
  let ours: Worker | undefined;
  let hostile: Worker | undefined;
  for (const worker of context.serviceWorkers()) {
    const name = await worker.evaluate(() => chrome.runtime.getManifest().name);
    if (name === 'Hostile test extension') hostile = worker;
    else ours = worker;
  }
  if (!ours || !hostile) throw new Error('both extensions must be running');
  return { ours, hostile };
}

const outboxSize = async (worker: Worker) =>
  Object.keys(((await worker.evaluate(() => chrome.storage.local.get('outbox'))).outbox as object) ?? {}).length;

test.describe('threats a real browser proves', () => {
  test('another extension, its content script and the page itself cannot hand ours a capture', async ({
    profileDir,
  }) => {
    const context = await launchExtensionContext(profileDir, [HOSTILE]);
    try {
      await routeOutsideWorld(context, new Map([['https://partner.microsoft.com/dashboard', '<h1>Dashboard</h1>']]));
      const { ours, hostile } = await workers(context);
      const ourId = new URL(ours.url()).host;

      const fromWorker = await hostile.evaluate(
        ([id, message]) =>
          (self as unknown as { forge: (i: string, m: unknown) => Promise<unknown> }).forge(id, message),
        [ourId, forgedCapture] as const,
      );
      expect(fromWorker).toMatchObject({
        response: null,
        error: expect.stringMatching(/Receiving end does not exist/),
      });

      const page = await context.newPage();
      await page.goto('https://partner.microsoft.com/dashboard');
      await expect(page.locator('stactize-companion')).toHaveCount(1);
      await page.evaluate(
        ([id, message]) => {
          window.postMessage({ hostileTarget: id, message }, '*'); // through the hostile content script
          window.postMessage(message, '*'); // straight at ours, as a page script would
        },
        [ourId, forgedCapture] as const,
      );
      await expect
        .poll(() => page.evaluate(() => document.documentElement.dataset.hostileResult))
        .toMatch(/Receiving end does not exist/);
      expect(await outboxSize(ours)).toBe(0);
    } finally {
      await context.close();
    }
  });

  test('a browser restart with a pending outbox: delivered exactly once after relaunch', async ({
    profileDir,
    sandbox,
  }) => {
    let context = await launchExtensionContext(profileDir);
    const key = freshKey();
    try {
      const pages = new Map<string, string>();
      await routeOutsideWorld(context, pages);
      const worker = await extensionWorker(context);
      const { code } = sandbox.admin.createPairingCode();
      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${new URL(worker.url()).host}/popup.html`);
      await popup.getByLabel('Pairing code').fill(code);
      await popup.getByRole('button', { name: 'Connect', exact: true }).click();
      await expect(popup.getByRole('heading', { name: /Connected to/ })).toBeVisible();

      const { page } = await captureKey(
        {
          serve: (url, html) => pages.set(url.split('#')[0] ?? url, html),
          open: async (url, html) => {
            if (html) pages.set(url.split('#')[0] ?? url, html);
            const p = await context.newPage();
            await p.goto(url);
            return p;
          },
        },
        key,
      );
      // Stactize asks to wait: the send is retried 5 s later, and the browser closes before that. (A 503's jittered
      // retry could come due, and be in flight, while the browser closes.)
      sandbox.admin.injectFault({ kind: 'rate_limit', retryAfter: 5, count: 1 });
      await sendButton(page).click();
      await expect.poll(() => sandbox.admin.pendingFaults()).toEqual([]);
      await expect
        .poll(async () => {
          const { outbox } = await worker.evaluate(() => chrome.storage.local.get('outbox'));
          return Object.values(outbox as Record<string, { state: string }>).map((e) => e.state);
        })
        .toEqual(['retrying']);
      // The page has heard of it too: no message from the worker is still on its way when the browser closes.
      await expect(overlay(page).getByText(/Trying again/)).toBeVisible();
    } finally {
      await context.close();
    }

    context = await launchExtensionContext(profileDir);
    try {
      const worker = await extensionWorker(context);
      const console = consoleOf(context);
      await expect.poll(() => sandbox.admin.listCredentials().length, { timeout: 30_000 }).toBe(1);
      await expect.poll(() => outboxSize(worker)).toBe(0);
      expect(sandbox.admin.listCredentials()[0]?.secret).toBe(key);
      expect(await findSecret(key, { worker, console })).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('a forged key screen at a Partner Center URL is only sealed and held; nothing is sent without a click', async ({
    partnerCenter,
    sandbox,
    pair,
  }) => {
    await pair();
    const { page } = await captureKey(partnerCenter);
    await expect(sendButton(page)).toBeVisible();
    expect(sandbox.admin.listCredentials()).toEqual([]);
  });
  test('page script cannot drive the overlay: its clicks and dispatched events on the open shadow root do nothing', async ({
    partnerCenter,
    sandbox,
    pair,
  }) => {
    await pair();
    const { page } = await captureKey(partnerCenter);
    await expect(sendButton(page)).toBeVisible();

    // What page script can do: reach every control of the open root and fire at it.
    const fired = await page.evaluate(() => {
      const root = document.querySelector('stactize-companion')?.shadowRoot;
      const buttons = Array.from(root?.querySelectorAll('button') ?? []);
      for (const button of buttons) {
        button.click();
        button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
        button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
      }
      for (const form of Array.from(root?.querySelectorAll('form') ?? [])) form.requestSubmit();
      return buttons.map((b) => b.textContent);
    });
    expect(fired.some((text) => /^Send key to Stactize/.test(text ?? ''))).toBe(true);

    // Nothing was queued or sent, and the panel still waits for the user.
    await expect(overlay(page).getByRole('status')).toHaveText(/Secured on this device/);
    const worker = await extensionWorker(page.context());
    const states = await worker.evaluate(async () =>
      Object.values(((await chrome.storage.local.get('outbox')).outbox ?? {}) as Record<string, { state: string }>).map(
        (e) => e.state,
      ),
    );
    expect(states).toEqual(['secured']);
    expect(sandbox.admin.listCredentials()).toEqual([]);

    // The user's own click (a trusted event) still sends.
    await sendButton(page).click();
    await expect(overlay(page).getByRole('status')).toHaveText(/Delivered/);
    expect(sandbox.admin.listCredentials()).toHaveLength(1);
  });

  test("a page cannot stop the content script: WXT's 'newer copy started' event and removing the overlay change nothing", async ({
    partnerCenter,
    sandbox,
    pair,
  }) => {
    await pair();
    partnerCenter.serve(KEY_URL, freshKey());
    const page = await partnerCenter.open(APP_URL, keyFlowPage());
    const worker = await extensionWorker(page.context());
    const runtimeId = new URL(worker.url()).host;
    // What any page script can do: announce a "newer copy" of our content script, and remove our overlay.
    await page.evaluate((id) => {
      const name = `${id}:partner-center:wxt:content-script-started`;
      document.dispatchEvent(
        new CustomEvent(name, { detail: { contentScriptName: 'partner-center', messageId: 'forged' } }),
      );
      window.postMessage({ type: name, contentScriptName: 'partner-center', messageId: 'forged' }, '*');
      document.querySelector('stactize-companion')?.remove();
    }, runtimeId);
    await expect(overlay(page)).toHaveCount(1);

    // The watcher still follows the page: the key screen is recognised, captured, and sent on the user's click.
    await page.getByRole('button', { name: 'Add new key' }).click();
    await expect(overlay(page).getByRole('status')).toHaveText(/Secured on this device/);
    await sendButton(page).click();
    await expect(overlay(page).getByRole('status')).toHaveText(/Delivered/);
    expect(sandbox.admin.listCredentials()).toHaveLength(1);
  });
});
