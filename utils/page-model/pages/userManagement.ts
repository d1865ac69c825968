/**
 * Account settings → User management: the Users tab, the Microsoft Entra applications tab (`#apps`, hidden
 * for accounts without a developer program), and the add-application flow.
 */

import { hashTab, isUnderAny } from '@/utils/shapes';
import { deepQuerySelectorAll, findLabels, HEADING, hasAnyLabel, hasLabel, visibleText } from '../dom';
import { matchesLabel } from '../labels';
import type { UserManagementState, UserManagementTab, UserManagementView } from '../page-state';
import type { PageKindDefinition, ReadContext } from './kind';

const USER_MANAGEMENT_PATHS = [
  '/dashboard/account/v3/usermanagement',
  '/dashboard/account/usermanagement', // older
];

const APPS_HASHES = new Set(['apps', 'azureadapplications', 'aadapplications', 'applications']);

function tabOf({ url, doc }: ReadContext): UserManagementTab {
  const hash = hashTab(url);
  if (APPS_HASHES.has(hash)) return 'apps';
  if (hash === 'users') return 'users';
  // No hash: believe the selected tab when the page says which one it is.
  const selected = deepQuerySelectorAll(doc, '[role="tab"][aria-selected="true"], he-tab[aria-selected="true"]');
  return selected.some((tab) => matchesLabel(visibleText(tab), 'entraApplications')) ? 'apps' : 'users';
}

function viewOf({ doc, elements }: ReadContext): UserManagementView {
  // The add form asks for a Reply URL; the application page shows one too, but next to a Client ID.
  if (hasLabel(doc, 'replyUrl', elements) && !hasLabel(doc, 'clientId', elements)) return 'addApplication';
  const headed = findLabels(doc, 'addApplication', elements).some(({ el }) => el.matches(HEADING));
  return headed ? 'addApplication' : 'list';
}

export const userManagement: PageKindDefinition<'userManagement'> = {
  kind: 'userManagement',
  exampleUrls: [
    'https://partner.microsoft.com/dashboard/account/v3/usermanagement#apps',
    'https://partner.microsoft.com/en-us/dashboard/account/v3/usermanagement#apps',
    'https://partner.microsoft.com/dashboard/account/v3/usermanagement#users',
    'https://partner.microsoft.com/dashboard/account/v3/usermanagement',
    'https://partner.microsoft.com/de-de/dashboard/account/v3/usermanagement#apps',
    'https://partner.microsoft.com/dashboard/account/usermanagement',
    'https://partner.microsoft.com/en-us/dashboard/account/usermanagement#azureadapplications',
    'https://partner.microsoft.com/dashboard/account/v3/UserManagement/#apps',
  ],
  matchesUrl: (url) => isUnderAny(url, USER_MANAGEMENT_PATHS),
  extract: (ctx): UserManagementState => ({
    kind: 'userManagement',
    url: ctx.url.href,
    tab: tabOf(ctx),
    view: viewOf(ctx),
    unrecognised: !hasAnyLabel(ctx.elements),
  }),
};
