/** Any other Partner Center page: home, legal info, programs. The flow only notices it. */

import { isPartnerCenterUrl } from '@/utils/shapes';
import type { DashboardState } from '../page-state';
import type { PageKindDefinition } from './kind';
import { tenants } from './tenants';
import { unauthorized } from './unauthorized';
import { userManagement } from './userManagement';

export const dashboard: PageKindDefinition<'dashboard'> = {
  kind: 'dashboard',
  exampleUrls: [
    'https://partner.microsoft.com/dashboard',
    'https://partner.microsoft.com/en-us/dashboard',
    'https://partner.microsoft.com/dashboard/v2/home?route=v2',
    'https://partner.microsoft.com/en-us/dashboard/v2/home?route=v2',
    'https://partner.microsoft.com/dashboard/account/v3/organization/legalinfo#mpn',
    'https://partner.microsoft.com/dashboard/account/v3/organization/legalinfo#developer',
    'https://partner.microsoft.com/ja-jp/dashboard/account/v3/organization/legalinfo',
    'https://partner.microsoft.com/dashboard/account/v3/organization/profile',
    'https://partner.microsoft.com/dashboard/account/v3/usermanagementreport', // not a sub-path of usermanagement
    'https://partner.microsoft.com/dashboard/marketplace-offers/overview',
    'https://partner.microsoft.com/pcv/dashboard',
    'https://partner.microsoft.com/',
  ],
  matchesUrl: (url) =>
    isPartnerCenterUrl(url) &&
    !tenants.matchesUrl?.(url) &&
    !userManagement.matchesUrl?.(url) &&
    !unauthorized.matchesUrl?.(url),
  extract: ({ url }): DashboardState => ({ kind: 'dashboard', url: url.href }),
};
