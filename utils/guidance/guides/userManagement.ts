/**
 * Account settings → User management: the Microsoft Entra applications tab, selecting the application, or adding
 * one (create new or add existing) with the Manager role.
 */

import { defineGuide } from '@/utils/guidance/define';
import { strings } from '@/utils/strings';

const t = strings.guide.steps.userManagement;

export const userManagementGuide = defineGuide('connect', 'userManagement', [
  { id: 'openAppsTab', text: t.openAppsTab, target: 'entraApplicationsTab', when: (s) => s.tab !== 'apps' },
  // The application's row has no label of its own (it is named by the user): this step docks.
  { id: 'selectApp', text: t.selectApp, when: (s) => s.tab === 'apps' && s.view === 'list' },
  {
    id: 'addApplication',
    text: t.addApplication,
    target: 'addApplication',
    when: (s) => s.tab === 'apps' && s.view === 'list',
  },
  { id: 'createOrAdd', text: t.createOrAdd, when: (s) => s.view === 'addApplication' },
  { id: 'managerRole', text: t.managerRole, when: (s) => s.view === 'addApplication' },
]);
