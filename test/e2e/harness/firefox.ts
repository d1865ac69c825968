/**
 * Firefox with the built Firefox extension, for the Firefox e2e spec. Playwright cannot load a Firefox
 * extension; puppeteer-core can, over WebDriver BiDi (`installExtension`). As with Chromium, fixture HTML is
 * served at the real Partner Center URLs (request interception), loopback (the sandbox) goes straight through
 * and every other host is refused. The consoles of the pages it opens are watched by the test's console guard
 * (console-guard.ts); the extension's background is not (over WebDriver BiDi, puppeteer lists no target for it).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { type ConsoleWatch, newConsoleWatch } from './console-guard';
import { E2E_OUT_DIR } from './paths';
import { LOOPBACK, pageKey } from './served';

export const FIREFOX_EXTENSION_DIR = resolve(E2E_OUT_DIR, 'firefox-mv3');
const GECKO_ID = 'partner-center-companion@stactize.com';
/** Fixed (by preference) so that the test knows where the extension's pages are: moz-extension://<uuid>/. */
export const FIREFOX_EXTENSION_UUID = '3f2b7c1e-9a4d-4e8b-8c1a-2d5e6f7a8b9c';

export const FIREFOX_INSTALL_HINT =
  'No Firefox found: install one (Debian/Ubuntu: `apt-get install -y firefox-esr`) or set FIREFOX_PATH to a Firefox binary.';

/** $FIREFOX_PATH, else Debian's Firefox ESR, else a `firefox` in the usual places. */
export function findFirefox(env: NodeJS.ProcessEnv = process.env): string {
  const candidates = [env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox', '/usr/local/bin/firefox'];
  const found = candidates.find((path): path is string => Boolean(path && existsSync(path)));
  if (!found) throw new Error(FIREFOX_INSTALL_HINT);
  return found;
}

export interface FirefoxWithExtension {
  browser: Browser;
  /** Serves `html` at `url` (hash ignored) in every tab opened with `open`; any other outside host is refused. */
  serve(url: string, html: string, contentType?: string): void;
  /** Opens `url` in a new tab, serving what `serve` registered. */
  open(url: string): Promise<Page>;
  /** The extension's popup page, in a tab. */
  openPopup(): Promise<Page>;
  /** What the consoles of the pages opened with `open` and `openPopup` said: for the leak scans. */
  console: ConsoleWatch;
  close(): Promise<void>;
}

export async function launchFirefoxWithExtension(extensionDir = FIREFOX_EXTENSION_DIR): Promise<FirefoxWithExtension> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: true,
    // A first start makes a new profile: on a loaded 2-core machine it took over puppeteer's default 30 s once.
    timeout: 120_000,
    // Since Firefox 153, WebDriver may open moz-extension:// pages only with system access.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID }),
      // No updates or telemetry: this machine has no internet, and the test needs none.
      'app.update.enabled': false,
      'toolkit.telemetry.enabled': false,
    },
  });
  await browser.installExtension(extensionDir);
  const served = new Map<string, { body: string; contentType: string }>();
  const watch = newConsoleWatch();
  const newPage = async () => {
    const page = await browser.newPage();
    page.on('console', (message) => watch.console(`page ${page.url()}`, message.type(), message.text()));
    page.on('pageerror', (error) => {
      const text = error instanceof Error ? error.stack || error.message : String(error);
      watch.error({ where: `page ${page.url()}`, kind: 'uncaught', text });
    });
    return page;
  };
  return {
    browser,
    console: watch,
    serve(url, body, contentType = 'text/html; charset=utf-8') {
      served.set(pageKey(url), { body, contentType });
    },
    async open(url) {
      const page = await newPage();
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        const target = new URL(request.url());
        if (target.protocol === 'moz-extension:' || LOOPBACK.test(target.hostname)) return void request.continue();
        // Only what a test registered (Partner Center URLs, and lookalike hosts for the tests that need one).
        const page = served.get(pageKey(request.url()));
        if (page) return void request.respond({ status: 200, contentType: page.contentType, body: page.body });
        return void request.abort();
      });
      await page.goto(url);
      return page;
    },
    async openPopup() {
      const page = await newPage();
      // Firefox never reports a navigation to a moz-extension:// page as finished (the page loads all the same):
      // start it without waiting for that, then wait for the popup's own root element.
      page.goto(`moz-extension://${FIREFOX_EXTENSION_UUID}/popup.html`).catch(() => undefined);
      await page.waitForSelector('#root');
      return page;
    },
    close: () => browser.close(),
  };
}
