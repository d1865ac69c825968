/** Any Partner Center page outside the account area: the way into Account settings → Tenants. */

import { defineGuide } from '@/utils/guidance/define';
import { strings } from '@/utils/strings';

const t = strings.guide.steps.dashboard;

export const dashboardGuide = defineGuide('connect', 'dashboard', [
  { id: 'openSettings', text: t.openSettings, target: 'accountSettings' },
  // Tenants shows in the Account settings navigation; where there is none yet, the step docks.
  { id: 'openTenants', text: t.openTenants, target: 'tenantsNav' },
]);
