/**
 * One Microsoft Entra application's page. First the thing to do: "Add new key", or why it is missing
 * (msix-docs 159, windows-dev-docs 1508). Then its context: the active keys with their expiry (none to remove
 * before Stactize verified the new one), and the App ID URI validation pitfall.
 */

import { defineGuide } from '@/utils/guidance/define';
import { strings } from '@/utils/strings';
import { keyItems } from './keys';

const t = strings.guide.steps.applicationPage;

export const applicationPageGuide = defineGuide('connect', 'applicationPage', [
  { id: 'addKey', text: t.addKey, target: 'addNewKey', when: (s) => s.canAddKey },
  { id: 'noAddKey', text: t.noAddKey, when: (s) => !s.canAddKey },
  { id: 'keys', text: t.keys, target: 'keysList', when: (s) => s.keys.length > 0, items: keyItems },
  { id: 'appIdUri', text: t.appIdUri, target: 'addNewKey', when: (s) => s.canAddKey },
]);
