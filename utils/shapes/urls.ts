/**
 * Partner Center URLs: the exact host over https, an optional locale prefix (/en-us/, /de-de/ …), tabs in the
 * hash. Lookalike hosts (partner.microsoft.com.example.net), plain http, other ports and the legacy CSP host
 * partnercenter.microsoft.com are not Partner Center for this extension.
 */

export const PARTNER_CENTER_ORIGIN = 'https://partner.microsoft.com';
/** The host permission the content script needs; the user can withdraw it. */
export const PARTNER_CENTER_PATTERN = `${PARTNER_CENTER_ORIGIN}/*`;

export function toUrl(url: string | URL): URL | null {
  try {
    return new URL(String(url));
  } catch {
    return null;
  }
}

export function isPartnerCenterUrl(url: string | URL): boolean {
  const parsed = toUrl(url);
  return parsed !== null && parsed.origin === PARTNER_CENTER_ORIGIN;
}

const LOCALE_PREFIX = /^\/[a-z]{2,3}(?:-[a-z0-9]{2,4}){1,2}(?=\/|$)/i;

/** The locale in the path ("de-de"), if any. */
export function urlLocale(url: URL): string | null {
  return LOCALE_PREFIX.exec(url.pathname)?.[0].slice(1).toLowerCase() ?? null;
}

/** The path without locale prefix and trailing slash, lower-cased: "/dashboard/account/v3/usermanagement". */
export function partnerCenterPath(url: URL): string {
  const path = url.pathname.replace(LOCALE_PREFIX, '').replace(/\/+$/, '').toLowerCase();
  return path || '/';
}

/** The first segment of the hash, lower-cased: "#apps/123" → "apps". */
export function hashTab(url: URL): string {
  return url.hash.replace(/^#\/?/, '').split(/[/?&]/)[0]?.toLowerCase() ?? '';
}

/** Whether `path` is `prefix` or below it. */
export function pathIsUnder(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`);
}

/** Whether `url` is on Partner Center at or below one of `prefixes` (paths as `partnerCenterPath` gives them). */
export function isUnderAny(url: URL, prefixes: readonly string[]): boolean {
  if (!isPartnerCenterUrl(url)) return false;
  const path = partnerCenterPath(url);
  return prefixes.some((prefix) => pathIsUnder(path, prefix));
}

/** The account area (settings, tenants, users, apps): the only part of Partner Center the flow runs in. */
export function isAccountArea(url: URL): boolean {
  return isUnderAny(url, ['/dashboard/account']);
}
