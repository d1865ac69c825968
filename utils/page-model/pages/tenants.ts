/**
 * Account settings → Tenants: the associated tenants, the "Associate" sign-in hand-off and its review
 * (Confirm), the create-new-tenant form, and the "All set" confirmation.
 */

import { findGuid, isUnderAny } from '@/utils/shapes';
import { cellsOf, deepQuerySelectorAll, findLabels, HEADING, hasLabel, ROW, TABLE, visibleText } from '../dom';
import type { LabelId } from '../labels';
import { matchesLabel } from '../labels';
import type { Tenant, TenantsState, TenantsView } from '../page-state';
import type { PageKindDefinition, ReadContext } from './kind';

const TENANT_PATHS = [
  '/dashboard/account/v3/tenantmanagement',
  '/dashboard/account/v3/tenants', // …/tenants/associated [3P]
  '/dashboard/account/tenantsetup', // older [MS]
  '/dashboard/account/tenantmanagement', // [guess] pre-v3 spelling
];

const DOMAIN = /\b(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:onmicrosoft\.com|[a-z]{2,24})\b/i;

function viewOf(ctx: ReadContext): TenantsView {
  const { doc, elements } = ctx;
  const has = (id: LabelId) => hasLabel(doc, id, elements);
  if (has('returnToTenantManagement') || findLabels(doc, 'allSet', elements).some(({ el }) => el.matches(HEADING)))
    return 'allSet';
  if (
    has('createTenant') &&
    has('domainName') &&
    (has('contactEmail') || deepQuerySelectorAll(doc, 'input').length > 1)
  )
    return 'create';
  if (has('confirm')) return 'associate';
  return 'list';
}

/** Tenants shown in tables, grids or lists: by column header where there is one, else by value shape. */
function readTenants({ doc }: ReadContext): Tenant[] {
  const tenants: Tenant[] = [];
  const seen = new Set<string>();
  const add = (tenant: Tenant) => {
    const id = tenant.id ?? tenant.domain;
    if (!id || seen.has(id)) return;
    seen.add(id);
    tenants.push(Object.fromEntries(Object.entries(tenant).filter(([, v]) => v)) as Tenant);
  };
  const columnOf = (cells: Element[], id: LabelId) => cells.findIndex((cell) => matchesLabel(visibleText(cell), id));
  for (const row of deepQuerySelectorAll(doc, ROW)) {
    const cells = cellsOf(row);
    if (cells.length === 0) continue;
    const table = row.parentElement?.closest(TABLE);
    const header = table ? cellsOf(table.querySelector(ROW) ?? row) : cells;
    const idColumn = columnOf(header, 'tenantId');
    const domainColumn = columnOf(header, 'domainName');
    const nameColumn = columnOf(header, 'tenantName');
    const texts = cells.map((cell) => visibleText(cell));
    const id = findGuid(texts[idColumn] ?? '') ?? texts.map((t) => findGuid(t)).find(Boolean) ?? undefined;
    const domain = DOMAIN.exec(texts[domainColumn] ?? '')?.[0] ?? texts.map((t) => domainOf(t)).find(Boolean);
    if (!id && !domain) continue;
    const name =
      texts[nameColumn]?.trim() ||
      texts.find((t) => t.trim() && !findGuid(t) && !domainOf(t) && t.length <= 80)?.trim() ||
      undefined;
    add({ id, domain: domain?.toLowerCase(), name });
  }
  // Card or list layouts: one item per tenant, recognised by its GUID.
  for (const item of deepQuerySelectorAll(doc, 'li, [role="listitem"]')) {
    const text = visibleText(item);
    const id = findGuid(text) ?? undefined;
    if (!id) continue;
    const domain = domainOf(text)?.toLowerCase();
    const heading = item.querySelector(HEADING);
    add({ id, domain, name: heading ? visibleText(heading) : undefined });
  }
  return tenants;
}

function domainOf(text: string): string | undefined {
  // Only tenant domains; a bare "Tenant ID" or a URL path is not one.
  const match = /\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.onmicrosoft\.com\b/i.exec(text) ?? DOMAIN.exec(text);
  return match && !text.includes('://') && !findGuid(match[0]) ? match[0] : undefined;
}

export const tenants: PageKindDefinition<'tenants'> = {
  kind: 'tenants',
  exampleUrls: [
    'https://partner.microsoft.com/dashboard/account/v3/tenantmanagement',
    'https://partner.microsoft.com/en-us/dashboard/account/v3/tenantmanagement',
    'https://partner.microsoft.com/de-de/dashboard/account/v3/tenantmanagement#associated',
    'https://partner.microsoft.com/dashboard/account/v3/tenants/associated',
    'https://partner.microsoft.com/ja-jp/dashboard/account/v3/tenants/associated',
    'https://partner.microsoft.com/dashboard/account/TenantSetup',
    'https://partner.microsoft.com/en-us/dashboard/account/TenantSetup?ref=settings',
  ],
  matchesUrl: (url) => isUnderAny(url, TENANT_PATHS),
  // The create form and the confirmation may be reached from Legal info → Identity → Tenants too.
  signature: ({ doc, elements }) =>
    (hasLabel(doc, 'createTenant', elements) && hasLabel(doc, 'domainName', elements)) ||
    hasLabel(doc, 'returnToTenantManagement', elements),
  extract: (ctx): TenantsState => {
    const view = viewOf(ctx);
    return { kind: 'tenants', url: ctx.url.href, view, tenants: view === 'create' ? [] : readTenants(ctx) };
  },
};
