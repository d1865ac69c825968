/**
 * The e2e harness: Chromium with the built extension in a fresh profile, its service worker and id, the popup,
 * and `partnerCenter`, which serves fixture HTML at the real Partner Center URLs. Every other outside host is
 * refused, so no test reaches the internet by accident; loopback (the sandbox server) goes straight through.
 * Every test fails when a console of its browser showed an error it did not declare (console-guard.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, test as base, chromium, type Page, type Worker } from '@playwright/test';
import { type SandboxServer, startSandboxServer } from '../../../sandbox/server/server';
import { findChromium } from './browser';
import { consoleVerdict, takeConsoleWatches, watchChromium } from './console-guard';
import { EXTENSION_DIR, SANDBOX_PORT } from './paths';
import { LOOPBACK, pageKey } from './served';

export interface PartnerCenter {
  /** Serves `html` at `url` (any hash is ignored, as a server would). Also works for lookalike hosts. */
  serve(url: string, html: string): void;
  /** Serves `html` at `url` when given, then opens `url` in a new tab. */
  open(url: string, html?: string): Promise<Page>;
}

export interface WorkerFixtures {
  /** The sandbox Intake API as a real HTTP server on loopback, at the URL the e2e build bakes in. */
  sandboxServer: SandboxServer;
}

export interface HarnessFixtures {
  /**
   * Declares errors this test provokes on purpose (a hostile message refused, a fault injected), by their text.
   * Each pattern allows the console errors and uncaught errors it matches, and must match at least one.
   */
  expectConsoleErrors: (patterns: RegExp[]) => void;
  /** Internal: checks, once the test's browsers are closed, that their consoles showed no undeclared error. */
  consoleGuard: { declared: RegExp[] };
  /** The sandbox, reset for this test. */
  sandbox: SandboxServer;
  /** Pairs the extension through its popup with a fresh code; returns the account name shown. */
  pair: () => Promise<string>;
  profileDir: string;
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  openPopup: () => Promise<Page>;
  partnerCenter: PartnerCenter;
}

const SERVED_HOSTS = /^(partner\.microsoft\.com|partner\.microsoft\.com\.example\.net)$/;

export function launchArgs(extensionDir = EXTENSION_DIR, others: string[] = []): string[] {
  const dirs = [extensionDir, ...others].join(',');
  return [
    `--disable-extensions-except=${dirs}`,
    `--load-extension=${dirs}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
}

/**
 * Chromium with the built extension (and any other extension folders, e.g. a hostile one) in `profileDir`, its
 * consoles watched by the running test's console guard (and kept for the leak scans: `consoleOf(context)`).
 */
export async function launchExtensionContext(
  profileDir: string,
  otherExtensions: string[] = [],
): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: findChromium(),
    headless: true,
    args: launchArgs(EXTENSION_DIR, otherExtensions),
  });
  await watchChromium(context);
  return context;
}

/** Routes every request of a context: fixtures for Partner Center, loopback through, the rest refused. */
export async function routeOutsideWorld(context: BrowserContext, pages: Map<string, string>): Promise<void> {
  await context.route(
    () => true,
    async (route) => {
      const url = new URL(route.request().url());
      if (url.protocol === 'chrome-extension:' || LOOPBACK.test(url.hostname)) return route.continue();
      if (url.protocol === 'https:' && SERVED_HOSTS.test(url.hostname)) {
        const html = pages.get(pageKey(url.href));
        return route.fulfill({
          status: html === undefined ? 404 : 200,
          contentType: 'text/html; charset=utf-8',
          body: html ?? '<!doctype html><title>Not found</title><h1>Not found</h1>',
        });
      }
      return route.abort('blockedbyclient');
    },
  );
}

export async function extensionWorker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

/**
 * The e2e build has the sandbox's port baked in. When a failed test restarts the worker, the previous worker
 * may still be closing its server: wait for the port (bounded) instead of failing every test after it.
 */
async function startOnFixedPort(dataDir: string): Promise<SandboxServer> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      return await startSandboxServer({ port: SANDBOX_PORT, dataDir });
    } catch (error) {
      if ((error as { code?: string }).code !== 'EADDRINUSE' || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

export const test = base.extend<HarnessFixtures, WorkerFixtures>({
  consoleGuard: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies by destructuring.
    async ({}, use) => {
      const guard = { declared: [] as RegExp[] };
      await use(guard);
      // Every browser the test used is closed by now: `context` depends on this fixture, so it is torn down
      // first, and a browser a test launches itself is closed in that test (or its afterEach, as Firefox's).
      const verdict = consoleVerdict(takeConsoleWatches(), guard.declared);
      if (verdict) throw new Error(verdict);
    },
    { auto: true },
  ],
  expectConsoleErrors: async ({ consoleGuard }, use) => {
    await use((patterns) => consoleGuard.declared.push(...patterns));
  },
  sandboxServer: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies by destructuring.
    async ({}, use) => {
      const dataDir = mkdtempSync(join(tmpdir(), 'stactize-e2e-sandbox-'));
      const server = await startOnFixedPort(dataDir);
      await use(server);
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  sandbox: async ({ sandboxServer }, use) => {
    sandboxServer.admin.reset();
    await use(sandboxServer);
  },
  pair: async ({ sandbox, openPopup }, use) => {
    await use(async () => {
      const { code, account } = sandbox.admin.createPairingCode();
      const popup = await openPopup();
      await popup.getByLabel('Pairing code').fill(code.toLowerCase());
      await popup.getByRole('button', { name: 'Connect', exact: true }).click();
      await popup.getByRole('heading', { name: `Connected to ${account.name}` }).waitFor();
      await popup.close();
      return account.name;
    });
  },
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies by destructuring.
  profileDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'stactize-e2e-profile-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  // Takes the guard so that the context closes before the guard checks its consoles.
  context: async ({ profileDir, consoleGuard: _ }, use) => {
    const context = await launchExtensionContext(profileDir);
    await use(context);
    await context.close();
  },
  serviceWorker: async ({ context }, use) => {
    await use(await extensionWorker(context));
  },
  extensionId: async ({ serviceWorker }, use) => {
    await use(new URL(serviceWorker.url()).host);
  },
  openPopup: async ({ context, extensionId }, use) => {
    await use(async () => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/popup.html`);
      return page;
    });
  },
  partnerCenter: async ({ context }, use) => {
    const pages = new Map<string, string>();
    await routeOutsideWorld(context, pages);
    await use({
      serve(url, html) {
        pages.set(pageKey(url), html);
      },
      async open(url, html) {
        if (html !== undefined) pages.set(pageKey(url), html);
        const page = await context.newPage();
        await page.goto(url);
        return page;
      },
    });
  },
});

export { expect } from '@playwright/test';
