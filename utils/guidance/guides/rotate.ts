/**
 * The "rotate" variant (asked for by the popup or an expiry reminder): add a new key, send it, wait until Stactize
 * verified it, and only then remove the old one. It replaces the connect guide on these page kinds; other pages
 * use the connect guides.
 *
 * What moves it on are outside events, never "Next": `keyDelivered` (the capture panel says Delivered) and
 * `keyVerified` (Stactize verified the delivered key; it counts only after a delivery, progress.ts `onEvent`).
 */

import { defineGuide, happened } from '@/utils/guidance/define';
import type { StepContext } from '@/utils/guidance/types';
import { strings } from '@/utils/strings';
import { keyItems } from './keys';

const t = strings.guide.steps.rotate;
const a = strings.guide.steps.applicationPage;

const delivered = (ctx: StepContext) => happened(ctx, 'keyDelivered');
const verified = (ctx: StepContext) => happened(ctx, 'keyVerified');
const verifying = (ctx: StepContext) => delivered(ctx) && !verified(ctx);

export const rotateDashboardGuide = defineGuide('rotate', 'dashboard', [
  { id: 'openSettings', text: t.openSettings, target: 'accountSettings' },
]);

export const rotateApplicationPageGuide = defineGuide('rotate', 'applicationPage', [
  // The keys sit beside the action: which one expires is why the user came.
  {
    id: 'addKey',
    text: t.addKey,
    target: 'addNewKey',
    when: (s, ctx) => s.canAddKey && !delivered(ctx),
    items: keyItems,
  },
  { id: 'noAddKey', text: a.noAddKey, when: (s, ctx) => !s.canAddKey && !delivered(ctx) },
  { id: 'waitVerify', text: t.verifying, target: 'keysList', when: (_, ctx) => verifying(ctx), items: keyItems },
  { id: 'removeOld', text: t.removeOld, target: 'keysList', when: (_, ctx) => verified(ctx), items: keyItems },
]);

export const rotateKeyScreenGuide = defineGuide('rotate', 'keyScreen', [
  { id: 'send', text: t.send, completeOn: 'keyDelivered', when: (_, ctx) => !delivered(ctx) },
  { id: 'verifying', text: t.verifying, when: (_, ctx) => verifying(ctx) },
  { id: 'backToApp', text: t.backToApp, when: (_, ctx) => verified(ctx) },
]);
