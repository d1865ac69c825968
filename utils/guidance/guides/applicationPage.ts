/**
 * One Microsoft Entra application's page: its active keys with their expiry, Add new key, the App ID URI
 * validation pitfall, and what to do when "Add new key" is missing (msix-docs 159, windows-dev-docs 1508).
 */

import { defineGuide } from '@/utils/guidance/define';
import { strings } from '@/utils/strings';
import { keyItems } from './keys';

const t = strings.guide.steps.applicationPage;

export const applicationPageGuide = defineGuide('connect', 'applicationPage', [
  { id: 'keys', text: t.keys, target: 'keysList', when: (s) => s.keys.length > 0, items: keyItems },
  { id: 'addKey', text: t.addKey, target: 'addNewKey', when: (s) => s.canAddKey },
  { id: 'appIdUri', text: t.appIdUri, target: 'addNewKey', when: (s) => s.canAddKey },
  { id: 'noAddKey', text: t.noAddKey, when: (s) => !s.canAddKey },
]);
