/**
 * Account settings → Tenants: prerequisites and roles, associate or create a tenant, the create form and its
 * offline-note tip, the sign-in hand-off and Confirm, several tenants, and "All set".
 */

import { defineGuide } from '@/utils/guidance/define';
import { strings } from '@/utils/strings';

const t = strings.guide.steps.tenants;

export const tenantsGuide = defineGuide('connect', 'tenants', [
  { id: 'prerequisites', text: t.prerequisites, when: (s) => s.view === 'list' },
  { id: 'associateOrCreate', text: t.associateOrCreate, target: 'associateTenant', when: (s) => s.view === 'list' },
  { id: 'severalTenants', text: t.severalTenants, when: (s) => s.view === 'list' && s.tenants.length > 1 },
  { id: 'createForm', text: t.createForm, target: 'domainNameField', when: (s) => s.view === 'create' },
  { id: 'createTip', text: t.createTip, when: (s) => s.view === 'create' },
  { id: 'associateReview', text: t.associateReview, target: 'confirm', when: (s) => s.view === 'associate' },
  { id: 'allSet', text: t.allSet, target: 'returnToTenantManagement', when: (s) => s.view === 'allSet' },
]);
