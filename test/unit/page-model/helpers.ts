/** DOM builders for page-model tests: Partner Center-like trees with open shadow roots, built in the test. */

/** Creates `<tag>` with an open shadow root holding `shadowHtml`; light children from `lightHtml`. */
export function shadowHost(tag: string, shadowHtml: string, lightHtml = ''): HTMLElement {
  const host = document.createElement(tag);
  host.attachShadow({ mode: 'open' }).innerHTML = shadowHtml;
  host.innerHTML = lightHtml;
  return host;
}

/**
 * Mounts `innerHtml` inside `he-shell` > `he-page` > `he-card` (three nested open shadow roots), as
 * Partner Center's Harmony components do, and returns the innermost shadow root.
 */
export function mountDeep(innerHtml: string, depth = 3): ShadowRoot {
  document.body.innerHTML = '';
  const tags = ['he-shell', 'he-page', 'he-card', 'he-panel', 'he-section'];
  let parent: Element | ShadowRoot = document.body;
  let root: ShadowRoot | null = null;
  for (let i = 0; i < depth; i++) {
    const host = document.createElement(tags[i] ?? `he-level-${i}`);
    parent.appendChild(host);
    root = host.attachShadow({ mode: 'open' });
    parent = root;
  }
  if (!root) throw new Error('depth must be at least 1');
  root.innerHTML = innerHtml;
  return root;
}

export function setUrl(href: string): void {
  // happy-dom lets tests move the window to another URL without loading it.
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(href);
}

export const UM_APPS = 'https://partner.microsoft.com/dashboard/account/v3/usermanagement#apps';
