/**
 * The console guard (issue 13): an e2e test fails when a page or a service worker of its browser logged an error
 * or threw one that nobody caught. The same watch keeps every console message at every level for the leak scans
 * (leaks.ts), so a test's consoles are collected once.
 *
 * What counts as an error: an uncaught exception or unhandled rejection (in a page, any of its worlds, our content
 * script's included, or in a service worker), a `console.error` or failed `console.assert`, and the browser's own
 * error lines about a page or worker (a resource that failed to load, a refused CSP). A test that provokes one on
 * purpose declares it with the `expectConsoleErrors` fixture (fixtures.ts); only BROWSER_NOISE is allowed globally.
 */
import type { BrowserContext, CDPSession, ConsoleMessage, Page } from '@playwright/test';

export interface ConsoleError {
  /** The page's URL, or the service worker's script URL, with which of the two it is. */
  where: string;
  kind: 'uncaught' | 'console.error';
  text: string;
}

/** What one browser's consoles said during a test. */
export class ConsoleWatch {
  /** Every message at any level, and every uncaught error: what the leak scans search. */
  readonly messages: string[] = [];
  /** What fails the test unless declared. */
  readonly errors: ConsoleError[] = [];

  message(text: string): void {
    this.messages.push(text);
  }

  error(error: ConsoleError): void {
    this.messages.push(error.text);
    this.errors.push(error);
  }

  /** A console message of this type (Playwright, puppeteer and CDP name them alike): an error, or only kept. */
  console(where: string, type: string, text: string): void {
    if (type === 'error' || type === 'assert') this.error({ where, kind: 'console.error', text });
    else this.message(text);
  }
}

/**
 * Errors that are the browser's, neither the page's nor ours, allowed in every test. Keep it tiny; each entry says
 * why. An error a test provokes belongs in that test's `expectConsoleErrors`, never here.
 */
const BROWSER_NOISE: Array<{ pattern: RegExp; why: string }> = [];

// The watches started since the last check. A Playwright worker process runs one test at a time, so these are the
// running test's: its `context` fixture, and any browser the test launched itself (security.spec.ts, Firefox).
let started: ConsoleWatch[] = [];

export function newConsoleWatch(): ConsoleWatch {
  const watch = new ConsoleWatch();
  started.push(watch);
  return watch;
}

/** The watches started since the last call; the guard checks each test's at its end. */
export function takeConsoleWatches(): ConsoleWatch[] {
  const taken = started;
  started = [];
  return taken;
}

const watches = new WeakMap<BrowserContext, ConsoleWatch>();

/** The watch of a context made by `launchExtensionContext`, for the leak scans. */
export function consoleOf(context: BrowserContext): ConsoleWatch {
  const watch = watches.get(context);
  if (!watch) throw new Error('this context has no console watch: launch it with launchExtensionContext');
  return watch;
}

/**
 * Watches every page of a Chromium context (Playwright's own events, which cover every world of a page, content
 * scripts included) and every service worker (a CDP session of ours: Playwright reports a worker's console but
 * not its uncaught errors). Call it right after the launch; a worker's earlier messages are replayed on attach.
 */
export async function watchChromium(context: BrowserContext): Promise<ConsoleWatch> {
  const watch = newConsoleWatch();
  watches.set(context, watch);
  const watchPage = (page: Page) => {
    page.on('console', (message) => recordPageMessage(watch, page, message));
    page.on('pageerror', (error) =>
      watch.error({ where: `page ${page.url()}`, kind: 'uncaught', text: error.stack || error.message }),
    );
  };
  context.pages().forEach(watchPage);
  context.on('page', watchPage);
  const browser = context.browser();
  if (!browser) throw new Error('the console guard needs the browser of the context (launchPersistentContext has one)');
  await watchServiceWorkers(await browser.newBrowserCDPSession(), watch);
  return watch;
}

function recordPageMessage(watch: ConsoleWatch, page: Page, message: ConsoleMessage): void {
  // The script that logged it, when it is not the page itself: our content script, say.
  const source = message.location().url;
  const where = `page ${page.url()}${source && source !== page.url() ? ` (${source})` : ''}`;
  watch.console(where, message.type(), message.text());
}

interface RemoteObject {
  type: string;
  value?: unknown;
  description?: string;
}

/** A worker's CDP event, as it arrives wrapped in Target.receivedMessageFromTarget. */
type WorkerEvent =
  | { method: 'Runtime.consoleAPICalled'; params: { type: string; args: RemoteObject[] } }
  | {
      method: 'Runtime.exceptionThrown';
      params: { exceptionDetails: { text: string; exception?: RemoteObject } };
    }
  | { method: 'Log.entryAdded'; params: { entry: { level: string; text: string; url?: string } } }
  | { method?: undefined; id: number };

const remoteText = (o: RemoteObject): string =>
  o.type === 'string' ? String(o.value) : (o.description ?? (o.value === undefined ? o.type : JSON.stringify(o.value)));

/**
 * Attaches to every service worker of the browser, now and later, and records its console, uncaught errors and
 * browser log. The attach is the non-flat kind (messages wrapped in Target.*MessageToTarget) because Playwright's
 * CDPSession cannot speak to a flat child session. A worker that Chrome stops and starts again keeps its target
 * and this session; a new target is attached when discovered.
 */
async function watchServiceWorkers(cdp: CDPSession, watch: ConsoleWatch): Promise<void> {
  const workerUrls = new Map<string, string>();
  cdp.on('Target.receivedMessageFromTarget', ({ sessionId, message }) => {
    const event = JSON.parse(message) as WorkerEvent;
    const where = `service worker ${workerUrls.get(sessionId) ?? '?'}`;
    if (event.method === 'Runtime.consoleAPICalled') {
      watch.console(where, event.params.type, event.params.args.map(remoteText).join(' '));
    } else if (event.method === 'Runtime.exceptionThrown') {
      const { text, exception } = event.params.exceptionDetails;
      watch.error({ where, kind: 'uncaught', text: exception ? `${text} ${remoteText(exception)}` : text });
    } else if (event.method === 'Log.entryAdded') {
      const { level, text, url } = event.params.entry;
      watch.console(where, level, url ? `${text} (${url})` : text);
    }
  });
  const attach = async (targetId: string, url: string) => {
    try {
      const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: false });
      workerUrls.set(sessionId, url);
      // Enabling replays what the worker logged and threw before the attach.
      for (const [index, method] of ['Runtime.enable', 'Log.enable'].entries())
        await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: index + 1, method }) });
    } catch {
      // The worker, or the whole browser at the end of a test, went away between its discovery and the attach.
    }
  };
  const attaching: Promise<void>[] = [];
  cdp.on('Target.targetCreated', ({ targetInfo }) => {
    if (targetInfo.type === 'service_worker') attaching.push(attach(targetInfo.targetId, targetInfo.url));
  });
  // Reports the workers already running as created, then each new one. Those running now are watched before the
  // test goes on.
  await cdp.send('Target.setDiscoverTargets', { discover: true, filter: [{ type: 'service_worker' }] });
  await Promise.all(attaching);
}

/**
 * The guard's verdict on a test's watches: empty when every error seen is declared (or browser noise) and every
 * declared pattern was seen (a declaration that no longer matches anything is stale: the test no longer provokes
 * what it says it does). Otherwise a readable report, to fail the test with.
 */
export function consoleVerdict(watches: ConsoleWatch[], declared: RegExp[]): string {
  const errors = watches.flatMap((watch) => watch.errors);
  const unexpected = errors.filter(
    (error) =>
      !declared.some((pattern) => pattern.test(error.text)) &&
      !BROWSER_NOISE.some(({ pattern }) => pattern.test(error.text)),
  );
  const unseen = declared.filter((pattern) => !errors.some((error) => pattern.test(error.text)));
  const lines: string[] = [];
  if (unexpected.length) {
    lines.push(
      `${unexpected.length} console error(s) this test did not declare (a test that provokes one on purpose declares it: expectConsoleErrors([/…/])):`,
    );
    for (const error of unexpected)
      lines.push(`  - ${error.kind} in ${error.where}:`, ...error.text.split('\n').map((line) => `      ${line}`));
  }
  if (unseen.length) lines.push(`declared with expectConsoleErrors but never seen: ${unseen.join(', ')}`);
  return lines.join('\n');
}
