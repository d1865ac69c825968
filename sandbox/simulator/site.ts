/**
 * The Partner Center simulator as a request handler: the real Partner Center paths (with or without a locale
 * prefix) answer with simulator pages, and the key screen's key comes from KEY_PATH, fresh on every request.
 * Pure of any transport: route.ts serves it inside Playwright, unit tests call respond() directly.
 */
import { newSimulatorKey } from './key';
import { KEY_PATH, notFoundPage, PATHS, type PageName, renderPage } from './pages';

export { KEY_PATH, PATHS, SIMULATED } from './pages';

export const PARTNER_CENTER_ORIGIN = 'https://partner.microsoft.com';

export interface SimulatorResponse {
  status: number;
  contentType: string;
  headers: Record<string, string>;
  body: string;
}

export interface Simulator {
  /** Where the walk starts: Partner Center home. */
  dashboardUrl: string;
  respond(method: string, url: string): SimulatorResponse;
  /** Every key handed out so far, oldest first (the walk checks the sandbox got the last one). */
  issuedKeys(): readonly string[];
}

const PAGES: Record<string, PageName> = {
  '/': 'dashboard',
  '/dashboard': 'dashboard',
  [PATHS.dashboard]: 'dashboard',
  '/dashboard/account': 'accountSettings',
  [PATHS.accountSettings]: 'accountSettings',
  [PATHS.tenants]: 'tenants',
  [PATHS.userManagement]: 'userManagement',
};

const LOCALE_PREFIX = /^\/[a-z]{2}-[a-z]{2}(?=\/|$)/i;

/** The simulator page for a URL's path, or null: locale prefix, trailing slash and case don't matter. */
export function pageFor(url: string): PageName | null {
  const parsed = new URL(url);
  if (parsed.origin !== PARTNER_CENTER_ORIGIN) return null;
  const path = parsed.pathname.replace(LOCALE_PREFIX, '').replace(/\/+$/, '').toLowerCase() || '/';
  return PAGES[path] ?? null;
}

export function createSimulator(options: { newKey?: () => string; now?: () => Date } = {}): Simulator {
  const newKey = options.newKey ?? (() => newSimulatorKey());
  const now = options.now ?? (() => new Date());
  const issued: string[] = [];
  const html = (status: number, body: string): SimulatorResponse => ({
    status,
    contentType: 'text/html; charset=utf-8',
    headers: { 'Cache-Control': 'no-store' },
    body,
  });
  return {
    dashboardUrl: `${PARTNER_CENTER_ORIGIN}${PATHS.dashboard}`,
    respond(method, url) {
      const upper = method.toUpperCase();
      const { origin, pathname } = new URL(url);
      if (origin === PARTNER_CENTER_ORIGIN && pathname === KEY_PATH) {
        if (upper !== 'GET') return { ...html(405, 'Method not allowed'), headers: { Allow: 'GET' } };
        const key = newKey();
        issued.push(key);
        return {
          status: 200,
          contentType: 'text/plain; charset=utf-8',
          headers: { 'Cache-Control': 'no-store' },
          body: key,
        };
      }
      const page = pageFor(url);
      if (!page) return html(404, notFoundPage(pathname));
      if (upper !== 'GET' && upper !== 'HEAD') return { ...html(405, 'Method not allowed'), headers: { Allow: 'GET' } };
      return html(200, renderPage(page, now()));
    },
    issuedKeys: () => [...issued],
  };
}
