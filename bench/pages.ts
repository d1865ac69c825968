/**
 * The pages the bench serves at real Partner Center URLs (so the content script runs on them): a heavy
 * Partner Center–like page with a scripted workload, and an instrumented application page → key screen flow
 * that timestamps, in the page, when the key is set and when the overlay reacts.
 */

export { APP_URL, freshKey, KEY_URL } from '../test/e2e/pages/key-flow';

import { keyFlowPage as flowPage } from '../test/e2e/pages/key-flow';

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

export const WORKLOAD = { regions: 10, cardsPerRegion: 10, mutations: 1000, mutationsPerFrame: 20, navigations: 20 };

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
  return flowPage({ instrumentation: INSTRUMENTATION });
}

const INSTRUMENTATION = `
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
`;
