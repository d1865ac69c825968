/**
 * The pages the bench serves at real Partner Center URLs (so the content script runs on them): a heavy
 * Partner Center–like page with a scripted workload, and an instrumented application page → key screen flow
 * that timestamps, in the page, when the key is set and when the overlay reacts.
 */

export const ORIGIN = 'https://partner.microsoft.com';
/** Outside the flow: the dashboard home, where the heavy page starts. */
export const HEAVY_URL = `${ORIGIN}/dashboard/v2/home`;
/** Pages outside the flow that the heavy page navigates between, client-side. */
export const OUTSIDE_FLOW_PATHS = [
  '/dashboard/v2/home',
  '/dashboard/insights/analytics/overview',
  '/dashboard/marketplace-offers/overview',
  '/dashboard/payouts/history',
  '/dashboard/support/home',
];
export const APP_URL = `${ORIGIN}/dashboard/account/v3/usermanagement#apps`;
export const KEY_URL = `${ORIGIN}/__bench/new-key`;
export const TENANT_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
export const CLIENT_ID = '9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d';

export const WORKLOAD = { regions: 10, cardsPerRegion: 10, mutations: 1000, mutationsPerFrame: 20, navigations: 20 };

/** A fresh key of the current Entra shape. */
export function freshKey(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~';
  const pick = (n: number) =>
    Array.from(crypto.getRandomValues(new Uint8Array(n)), (b) => alphabet[b % alphabet.length]).join('');
  return `${pick(3).replaceAll('~', 'x')}8Q~${pick(34)}`;
}

/**
 * ~5,000 nodes in three levels of open shadow roots (shell → 10 regions → 10 cards each), then on request:
 * 1,000 mutations at 20 per frame, and client-side navigations between pages outside the flow, each
 * re-rendering one region. `window.__bench` exposes the phases to the runner.
 */
export function heavyPage(): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Home | Partner Center</title></head>
<body>
<pc-shell></pc-shell>
<script>
const W = ${JSON.stringify(WORKLOAD)};
const PATHS = ${JSON.stringify(OUTSIDE_FLOW_PATHS)};
class Shadowed extends HTMLElement { constructor() { super(); this.attachShadow({ mode: 'open' }); } }
customElements.define('pc-shell', class extends Shadowed {});
customElements.define('pc-region', class extends Shadowed {});
customElements.define('pc-card', class extends Shadowed {});
let seed = 1;
const random = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
const cards = [];
function card(label) {
  const node = document.createElement('pc-card');
  let rows = '';
  for (let r = 0; r < 6; r++) rows += '<tr><td>' + label + '-' + r + '</td><td>' + (r * 7) + '</td><td><span>ok</span></td></tr>';
  node.shadowRoot.innerHTML = '<article aria-busy="false"><h3>' + label + '</h3><table><tbody>' + rows + '</tbody></table></article>';
  return node;
}
function fillRegion(region, tag) {
  const list = [];
  for (let c = 0; c < W.cardsPerRegion; c++) list.push(card(tag + '-' + c));
  region.shadowRoot.replaceChildren(...list);
  return list;
}
function countNodes(root) {
  let n = 0;
  const walk = (node) => { n++; if (node.shadowRoot) walk(node.shadowRoot); for (const child of node.childNodes) walk(child); };
  walk(root);
  return n;
}
const regions = [];
window.__bench = {
  build() {
    const shell = document.querySelector('pc-shell').shadowRoot;
    const nav = document.createElement('nav');
    for (const path of PATHS) { const a = document.createElement('a'); a.href = path; a.textContent = path; nav.append(a); }
    const main = document.createElement('main');
    shell.replaceChildren(nav, main);
    for (let i = 0; i < W.regions; i++) {
      const region = document.createElement('pc-region');
      main.append(region);
      regions.push(region);
      cards.push(...fillRegion(region, 'r' + i));
    }
    return countNodes(document.documentElement);
  },
  async mutate() {
    let done = 0;
    while (done < W.mutations) {
      for (let i = 0; i < W.mutationsPerFrame && done < W.mutations; i++, done++) {
        const root = cards[random(cards.length)].shadowRoot;
        const tbody = root.querySelector('tbody');
        switch (done % 4) {
          case 0: tbody.rows[random(tbody.rows.length)].cells[1].textContent = String(done); break;
          case 1: root.querySelector('article').setAttribute('aria-busy', String(done % 8 === 1)); break;
          case 2: tbody.rows[random(tbody.rows.length)].classList.toggle('selected'); break;
          default: { const row = tbody.rows[0]; tbody.append(row); }
        }
      }
      await frame();
    }
    return done;
  },
  async navigate() {
    for (let i = 0; i < W.navigations; i++) {
      const path = PATHS[(i + 1) % PATHS.length];
      history.pushState({}, '', path + '?view=' + i);
      document.title = path + ' | Partner Center';
      const index = i % regions.length;
      cards.splice(index * W.cardsPerRegion, W.cardsPerRegion, ...fillRegion(regions[index], 'n' + i));
      await frame();
      await frame();
    }
    return W.navigations;
  },
  idle: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
</script>
</body></html>`;
}

/**
 * The application page → key screen flow (as in test/e2e/pages/key-flow.ts), with in-page timestamps: when
 * the page sets the key text, when the watcher trusts it (the host's data-page-state), when the overlay's status says "Secured on this device", when the send button
 * is in its shadow root and enabled, when the user clicks it, and when the status says "Delivered". The
 * overlay's shadow root is open, so the page sees its mutations; a MutationObserver callback runs right
 * after the mutation's task, so the times are the DOM's, not Playwright's round-trips.
 */
export function keyFlowPage(): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>User management | Partner Center</title></head>
<body>
<he-shell></he-shell>
<script>
const data = ${JSON.stringify({ tenantId: TENANT_ID, clientId: CLIENT_ID, keyUrl: KEY_URL })};
const marks = (window.__marks = {});
customElements.define('he-shell', class extends HTMLElement {
  connectedCallback() { this.attachShadow({ mode: 'open' }); render(); }
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
    fetch(data.keyUrl).then((r) => r.text()).then((key) => { keyCell.textContent = key; marks.keyShown = performance.now(); });
  } else {
    main.append(el('h1', { textContent: 'Stactize Connector' }));
    const dl = el('dl');
    dl.append(el('dt', { textContent: 'Tenant ID' }), el('dd', { textContent: data.tenantId }));
    dl.append(el('dt', { textContent: 'Client ID' }), el('dd', { textContent: data.clientId }));
    const add = el('button', { textContent: 'Add new key' });
    add.addEventListener('click', () => { history.pushState({}, '', location.pathname + '#key'); render(); });
    main.append(dl, el('h2', { textContent: 'Keys' }), el('p', { textContent: 'No keys yet.' }), add);
  }
}
window.addEventListener('popstate', render);

const isSend = (node) => node instanceof HTMLButtonElement && node.textContent.startsWith('Send key to Stactize');
function check(root) {
  const now = performance.now();
  const status = root.querySelector('[role=status]')?.textContent.trim() ?? '';
  if (marks.keyShown !== undefined) {
    if (marks.secured === undefined && status.includes('Secured on this device')) marks.secured = now;
    if (marks.sendReady === undefined && [...root.querySelectorAll('button')].some((b) => isSend(b) && !b.disabled)) marks.sendReady = now;
  }
  if (marks.clicked !== undefined && marks.delivered === undefined && status === 'Delivered') marks.delivered = now;
}
function attach(host) {
  const root = host.shadowRoot;
  // The content script mirrors the watcher's state on its host: when the watcher trusts the key.
  new MutationObserver(() => {
    if (marks.keyShown !== undefined && marks.trusted === undefined && (host.getAttribute('data-page-state') || '').includes('"keyPresent":true')) marks.trusted = performance.now();
  }).observe(host, { attributes: true, attributeFilter: ['data-page-state'] });
  new MutationObserver(() => check(root)).observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
  root.addEventListener('click', (event) => {
    if (marks.clicked === undefined && event.composedPath().some(isSend)) marks.clicked = performance.now();
  }, true);
  check(root);
}
const found = document.querySelector('stactize-companion');
if (found) attach(found);
else new MutationObserver((_, observer) => {
  const host = document.querySelector('stactize-companion');
  if (!host) return;
  observer.disconnect();
  const wait = () => (host.shadowRoot ? attach(host) : requestAnimationFrame(wait));
  wait();
}).observe(document.documentElement, { childList: true, subtree: true });
</script>
</body></html>`;
}
