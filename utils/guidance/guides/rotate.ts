/**
 * The "rotate" variant (asked for by the popup or an expiry reminder): add a new key, send it, then remove the old
 * one. It replaces the connect guide on these page kinds; other pages use the connect guides.
 */

import { defineGuide } from '@/utils/guidance/define';
import { strings } from '@/utils/strings';
import { keyItems } from './keys';

const t = strings.guide.steps.rotate;
const a = strings.guide.steps.applicationPage;
const SENT = 'rotate.keyScreen.send';

export const rotateDashboardGuide = defineGuide('rotate', 'dashboard', [
  { id: 'openSettings', text: t.openSettings, target: 'accountSettings' },
]);

export const rotateApplicationPageGuide = defineGuide('rotate', 'applicationPage', [
  { id: 'addKey', text: t.addKey, target: 'addNewKey', when: (s, ctx) => s.canAddKey && !ctx.done(SENT) },
  { id: 'noAddKey', text: a.noAddKey, when: (s, ctx) => !s.canAddKey && !ctx.done(SENT) },
  { id: 'removeOld', text: t.removeOld, target: 'keysList', when: (_, ctx) => ctx.done(SENT), items: keyItems },
]);

export const rotateKeyScreenGuide = defineGuide('rotate', 'keyScreen', [
  { id: 'send', text: t.send, completeOn: 'keyDelivered', when: (_, ctx) => !ctx.done(SENT) },
  { id: 'backToApp', text: t.backToApp, when: (_, ctx) => ctx.done(SENT) },
]);
