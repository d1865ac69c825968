import { expect, type Page } from '@playwright/test';
import { newSimulatorKey } from '../../../sandbox/simulator/key';
/**
 * A small application page → key screen flow for the capture tests: a `he-shell` web component with an open
 * shadow root, the application page's details, and "Add new key", which shows the one-time key screen by
 * client-side navigation (no reload), the way Partner Center does.
 */
export const APP_URL = 'https://partner.microsoft.com/dashboard/account/v3/usermanagement#apps';
export const TENANT_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
export const CLIENT_ID = '9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d';
export const APP_NAME = 'Stactize <b>integration</b>';

/** A fresh key of the current Entra shape, different on every call (the simulator's generator). */
export const freshKey = (): string => newSimulatorKey();

/** Where the page fetches its key, as Partner Center's app would: the key is never in the page's source. */
export const KEY_URL = 'https://partner.microsoft.com/__fixture/new-key';

/**
 * The page. It records `window.__marks.keyShown` (performance.now()) when the key text is set; `instrumentation`
 * is more script for the same page (the bench adds its timestamps this way).
 */
export function keyFlowPage(options: { keyDelayMs?: number; instrumentation?: string } = {}): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>User management | Partner Center</title></head>
<body>
<he-shell></he-shell>
<script>
const data = ${JSON.stringify({ tenantId: TENANT_ID, clientId: CLIENT_ID, appName: APP_NAME, keyUrl: KEY_URL, keyDelayMs: options.keyDelayMs ?? 0 })};
const marks = (window.__marks = {});
customElements.define('he-shell', class extends HTMLElement {
  connectedCallback() {
    this.attachShadow({ mode: 'open' });
    render();
  }
});
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.assign(node, attrs || {});
  for (const child of children) node.append(child);
  return node;
}
function render() {
  const root = document.querySelector('he-shell').shadowRoot;
  root.replaceChildren();
  const main = el('main');
  root.append(main);
  if (location.hash.startsWith('#key')) {
    main.append(
      el('h1', { textContent: 'Add new key' }),
      el('p', { textContent: "Be sure to print or copy this info, as you won't be able to access it again after you leave this page." }),
    );
    const dl = el('dl');
    dl.append(el('dt', { textContent: 'Client ID' }), el('dd', { textContent: data.clientId }));
    const keyCell = el('dd');
    dl.append(el('dt', { textContent: 'Key' }), keyCell);
    dl.append(el('dt', { textContent: 'Expires' }), el('dd', { textContent: '11/27/2028' }));
    main.append(dl, el('button', { textContent: 'Add another key' }));
    fetch(data.keyUrl).then((r) => r.text()).then((key) => setTimeout(() => { keyCell.textContent = key; marks.keyShown = performance.now(); }, data.keyDelayMs));
  } else {
    main.append(el('h1', { textContent: data.appName }));
    const dl = el('dl');
    dl.append(el('dt', { textContent: 'Tenant ID' }), el('dd', { textContent: data.tenantId }));
    dl.append(el('dt', { textContent: 'Client ID' }), el('dd', { textContent: data.clientId }));
    dl.append(el('dt', { textContent: 'Reply URL' }), el('dd', { textContent: 'https://example.com/auth' }));
    const add = el('button', { textContent: 'Add new key' });
    add.addEventListener('click', () => { history.pushState({}, '', location.pathname + '#key'); render(); });
    main.append(dl, el('h2', { textContent: 'Keys' }), el('p', { textContent: 'No keys yet.' }), add);
  }
}
window.addEventListener('popstate', render);
${options.instrumentation ?? ''}
</script>
</body></html>`;
}

/** Opens the flow at the application page and goes to the key screen; resolves once the key is secured. */
export async function captureKey(
  partnerCenter: { serve(url: string, html: string): void; open(url: string, html?: string): Promise<Page> },
  key = freshKey(),
): Promise<{ page: Page; key: string }> {
  partnerCenter.serve(KEY_URL, key);
  const page = await partnerCenter.open(APP_URL, keyFlowPage());
  await page.getByRole('button', { name: 'Add new key' }).click();
  await expect(overlay(page).getByRole('status')).toHaveText(/Secured on this device/);
  return { page, key };
}

export const overlay = (page: Page) => page.locator('stactize-companion');

export const sendButton = (page: Page) => overlay(page).getByRole('button', { name: /^Send key to Stactize/ });
