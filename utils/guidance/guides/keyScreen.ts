/** The one-time key screen: the capture panel sends the key; "Add another key" for one more. */

import { defineGuide } from '@/utils/guidance/define';
import { strings } from '@/utils/strings';

const t = strings.guide.steps.keyScreen;

export const keyScreenGuide = defineGuide('connect', 'keyScreen', [
  // Points at nothing on the page: the capture panel beside it is ours. "Next" here only moves the guide on; that
  // the key was sent is the 'keyDelivered' event alone (progress.ts `onEvent`).
  { id: 'capture', text: t.capture, completeOn: 'keyDelivered' },
  { id: 'another', text: t.another, target: 'addAnotherKey' },
]);
