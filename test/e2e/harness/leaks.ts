/**
 * Leak scans, shared by every capture test: after a capture, the key must not appear in extension storage,
 * in the page DOM (every shadow root, attribute and form value included) or in any console message of the
 * page or the service worker.
 */
import type { Page, Worker } from '@playwright/test';

/** What a test's consoles said, at every level: the console guard's watch (`consoleOf(context)`, console-guard.ts). */
export interface ConsoleRecorder {
  messages: string[];
}

/**
 * Everything a page's DOM holds: markup of the document and of every open shadow root, and form values. Runs in
 * the page (`page.evaluate(deepDomInPage)`, Playwright's or puppeteer's).
 */
export function deepDomInPage(): string {
  const parts: string[] = [];
  const visit = (root: Document | ShadowRoot) => {
    parts.push(root instanceof Document ? root.documentElement.outerHTML : root.innerHTML);
    for (const element of root.querySelectorAll('*')) {
      if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) parts.push(element.value);
      if (element.shadowRoot) visit(element.shadowRoot);
    }
  };
  visit(document);
  return parts.join('\n');
}

export const deepDomText = (page: Page): Promise<string> => page.evaluate(deepDomInPage);

export async function extensionStorage(worker: Worker): Promise<string> {
  return worker.evaluate(async () =>
    JSON.stringify([await chrome.storage.local.get(null), await chrome.storage.session.get(null)]),
  );
}

/**
 * Where the secret was found; an empty list is the only passing answer. `overlayPages` are checked for our own
 * overlay (its shadow root and host attributes), which is all we may check while Partner Center itself still
 * shows the key; `domPages` get the whole deep DOM, for pages that no longer show it (navigated on).
 */
export async function findSecret(
  secret: string,
  where: { worker: Worker; console: ConsoleRecorder; overlayPages?: Page[]; domPages?: Page[] },
): Promise<string[]> {
  const found: string[] = [];
  if ((await extensionStorage(where.worker)).includes(secret)) found.push('extension storage');
  if (where.console.messages.some((m) => m.includes(secret))) found.push('console');
  for (const page of where.overlayPages ?? []) {
    const overlay = await page
      .locator('stactize-companion')
      .evaluateAll((hosts) => hosts.map((h) => `${h.outerHTML}\n${h.shadowRoot?.innerHTML ?? ''}`).join('\n'));
    if (overlay.includes(secret)) found.push(`overlay on ${page.url()}`);
  }
  for (const page of where.domPages ?? []) {
    if ((await deepDomText(page)).includes(secret)) found.push(`DOM of ${page.url()}`);
  }
  return found;
}
