/**
 * The page of one Microsoft Entra application (User management → Microsoft Entra applications → select it):
 * its name, Tenant ID, Client ID, the list of active keys with their dates, and "Add new key". It has no
 * public URL [guess: a client-side view under usermanagement], so the content decides.
 */
import { hasLabel } from '../dom';
import { guidFor, listedKeys, nameFromHeadings, onlyGuidFor, textFor } from '../fields';
import type { ApplicationPageState } from '../page-state';
import type { PageKindDefinition } from './kind';

export const applicationPage: PageKindDefinition<'applicationPage'> = {
  kind: 'applicationPage',
  // Where it is seen; no predicate, as these addresses belong to user management.
  exampleUrls: [
    'https://partner.microsoft.com/dashboard/account/v3/usermanagement#apps',
    'https://partner.microsoft.com/en-us/dashboard/account/v3/usermanagement#apps/3f2a4c1e-aaaa-4bbb-8ccc-0123456789ab',
  ],
  // A Client ID with a GUID beside it, plus a Tenant ID or "Add new key": help text naming the fields has
  // no GUID next to them, and an unrelated GUID table has no such labels.
  signature: (ctx) =>
    guidFor(ctx, 'clientId') !== null &&
    (guidFor(ctx, 'tenantId') !== null || hasLabel(ctx.doc, 'addNewKey', ctx.elements)),
  extract: (ctx): ApplicationPageState => ({
    kind: 'applicationPage',
    url: ctx.url.href,
    appName: textFor(ctx, 'appName') ?? nameFromHeadings(ctx),
    // Ambiguous (two different IDs under one label): none. A tenant is then asked for at capture; without a
    // Client ID the page is not remembered, so the key screen's own Client ID is the one shown and sealed.
    tenantId: onlyGuidFor(ctx, 'tenantId'),
    clientId: onlyGuidFor(ctx, 'clientId'),
    keys: listedKeys(ctx),
    canAddKey: hasLabel(ctx.doc, 'addNewKey', ctx.elements),
  }),
};
