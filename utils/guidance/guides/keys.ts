/** The application page's listed keys as guide lines: keys expiring within 60 days stand out. */

import type { StepContext, StepItem } from '@/utils/guidance/types';
import type { ApplicationPageState } from '@/utils/page-model';
import { daysLeft } from '@/utils/shapes';
import { strings } from '@/utils/strings';

const EXPIRING_SOON_DAYS = 60;

export function keyItems(state: ApplicationPageState, ctx: StepContext): StepItem[] {
  const g = strings.guide;
  return state.keys.map((key) => {
    const created = key.createdText || key.created || g.unknownDate;
    const expires = key.expiresText || key.expires || g.unknownDate;
    const left = key.expires ? daysLeft(key.expires, ctx.now) : Number.NaN;
    if (Number.isNaN(left)) return { text: g.keyLine(created, expires, null) };
    const text = g.keyLine(created, expires, left);
    return left > EXPIRING_SOON_DAYS
      ? { text }
      : { text, attention: true, label: left < 0 ? g.expired : g.expiresSoon };
  });
}
