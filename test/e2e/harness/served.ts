/** What the harnesses (Chromium's, Firefox's, the bench's) share about the pages they serve and let through. */

/** Loopback hosts, as `URL.hostname` spells them: the sandbox on them is reached for real. */
export const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/;

/** The key a served page is registered under: origin, path and query (the hash is the page's own business). */
export function pageKey(href: string): string {
  const url = new URL(href);
  return `${url.origin}${url.pathname}${url.search}`;
}
