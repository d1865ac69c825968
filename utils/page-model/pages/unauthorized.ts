/**
 * Partner Center refusing access, e.g. Account settings → Tenants for a developer account opened with a
 * personal Microsoft account (windows-dev-docs issue 5498). Its address is unknown, so the content decides;
 * the URL predicate covers addresses that say so in their path [guess].
 */

import { isPartnerCenterUrl, partnerCenterPath } from '@/utils/shapes';
import { findLabels } from '../dom';
import type { UnauthorizedState } from '../page-state';
import type { PageKindDefinition } from './kind';

const REFUSAL_SEGMENTS = new Set(['unauthorized', 'accessdenied', 'access-denied', 'forbidden']);

export const unauthorized: PageKindDefinition<'unauthorized'> = {
  kind: 'unauthorized',
  exampleUrls: [
    'https://partner.microsoft.com/dashboard/unauthorized',
    'https://partner.microsoft.com/en-us/dashboard/account/unauthorized?returnUrl=%2Fdashboard%2Faccount%2Fv3%2Ftenantmanagement',
    'https://partner.microsoft.com/de-de/dashboard/error/accessdenied',
  ],
  matchesUrl: (url) =>
    isPartnerCenterUrl(url) &&
    partnerCenterPath(url)
      .split('/')
      .some((segment) => REFUSAL_SEGMENTS.has(segment)),
  // The refusal is the page's message itself (a heading, an alert, or the whole text of a box), never a
  // word inside help text.
  signature: ({ doc, elements }) => findLabels(doc, 'unauthorized', elements).some(({ via }) => via === 'text'),
  extract: ({ url }): UnauthorizedState => ({ kind: 'unauthorized', url: url.href }),
};
