/**
 * Account settings → Tenants, in the help article's order. No tenant yet: associate an existing one or create one
 * (who can do each beside it), then what Microsoft's sign-in page will ask, said before the user leaves for it
 * (the companion does not run there). A tenant already associated: on to User management; with several, which
 * one holds the application, and that associating another asks for that tenant's account. The create form: the
 * offline-note tip first, then the fields, then Create. Back from the sign-in: review and Confirm. "All set".
 */

import { defineGuide } from '@/utils/guidance/define';
import type { StepItem } from '@/utils/guidance/types';
import type { TenantsState } from '@/utils/page-model';
import { strings } from '@/utils/strings';

const t = strings.guide.steps.tenants;
const roles = strings.guide.tenantRoles;

const list = (s: TenantsState) => s.view === 'list';
const noTenant = (s: TenantsState) => list(s) && s.tenants.length === 0;
const whoCan = (): StepItem[] => [{ text: roles.associate }, { text: roles.create }];

export const tenantsGuide = defineGuide('connect', 'tenants', [
  // Two actions side by side, both named in the page's words: docked, so that a popover beside one never covers
  // the other.
  { id: 'chooseTenant', text: t.chooseTenant, when: noTenant, items: whoCan },
  { id: 'signIn', text: t.signIn, when: noTenant },
  // The Account settings navigation holds User management; where the page shows none, the step docks.
  { id: 'tenantReady', text: t.tenantReady, target: 'userManagementNav', when: (s) => list(s) && !noTenant(s) },
  {
    id: 'severalTenants',
    text: t.severalTenants,
    target: 'associateTenant',
    when: (s) => list(s) && s.tenants.length > 1,
  },
  {
    id: 'anotherTenant',
    text: t.anotherTenant,
    target: 'associateTenant',
    when: (s) => list(s) && s.tenants.length === 1,
  },
  // Read before the form is touched: docked, so that it covers none of the fields.
  { id: 'createTip', text: t.createTip, when: (s) => s.view === 'create' },
  { id: 'createFields', text: t.createFields, target: 'domainNameField', when: (s) => s.view === 'create' },
  // Partner Center's "Create" has no entry in the label table yet (labels/*.json): this step docks.
  { id: 'createSubmit', text: t.createSubmit, when: (s) => s.view === 'create' },
  { id: 'associateReview', text: t.associateReview, target: 'confirm', when: (s) => s.view === 'associate' },
  { id: 'allSet', text: t.allSet, target: 'returnToTenantManagement', when: (s) => s.view === 'allSet' },
]);
