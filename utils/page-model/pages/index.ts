/**
 * All page kinds and the order they are recognised in: content signatures first (the key screen before the
 * application page it may sit on, both before the refusal message), then URL predicates, then "dashboard".
 */

import { isAccountArea, isPartnerCenterUrl, toUrl } from '@/utils/shapes';
import type { PageKind, PageReading } from '../page-state';
import { applicationPage } from './applicationPage';
import { dashboard } from './dashboard';
import { keyScreen } from './keyScreen';
import { type PageKindDefinition, type ReadHints, readContext } from './kind';
import { tenants } from './tenants';
import { unauthorized } from './unauthorized';
import { userManagement } from './userManagement';

export type { PageKindDefinition, ReadContext, ReadHints } from './kind';
export { applicationPage, dashboard, keyScreen, tenants, unauthorized, userManagement };

export const PAGE_DEFINITIONS: { [K in PageKind]: PageKindDefinition<K> } = {
  dashboard,
  tenants,
  userManagement,
  applicationPage,
  keyScreen,
  unauthorized,
};

const BY_SIGNATURE = [keyScreen, applicationPage, unauthorized, tenants] as const;
const BY_URL = [unauthorized, tenants, userManagement] as const;

/** The page kind a URL alone says, for kinds that have an address ("dashboard" for any other page). */
export function pageKindOfUrl(url: string | URL): PageKind | null {
  const parsed = toUrl(url);
  if (!parsed || !isPartnerCenterUrl(parsed)) return null;
  return BY_URL.find((def) => def.matchesUrl?.(parsed))?.kind ?? 'dashboard';
}

/** Whether the flow can happen at this URL, so the page is worth reading and observing. */
export function isFlowUrl(url: string | URL): boolean {
  const parsed = toUrl(url);
  return parsed !== null && (isAccountArea(parsed) || BY_URL.some((def) => def.matchesUrl?.(parsed)));
}

/**
 * One pass over the page: what it is and what it shows. Null off Partner Center. Outside the flow the DOM
 * is not read at all, which keeps the content script cheap on every other Partner Center page.
 */
export function readPage(doc: Document, href: string | URL, hints?: ReadHints): PageReading | null {
  const url = toUrl(href);
  if (!url || !isPartnerCenterUrl(url)) return null;
  if (!isFlowUrl(url)) return dashboard.extract(readContextLite(doc, url));
  const ctx = readContext(doc, url, hints);
  for (const def of BY_SIGNATURE) if (def.signature?.(ctx)) return def.extract(ctx);
  for (const def of BY_URL) if (def.matchesUrl?.(url)) return def.extract(ctx);
  return dashboard.extract(ctx);
}

function readContextLite(doc: Document, url: URL) {
  return { doc, url, locale: 'en-us', elements: [], hints: { now: Date.now() } };
}
