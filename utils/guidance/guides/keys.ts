/** The application page's listed keys as guide lines: keys expiring within 60 days stand out. */

import type { StepContext, StepItem } from '@/utils/guidance/types';
import type { ApplicationPageState } from '@/utils/page-model';
import { daysLeft } from '@/utils/shapes';
import { strings } from '@/utils/strings';

export const EXPIRING_SOON_DAYS = 60;

export function keyItems(state: ApplicationPageState, ctx: StepContext): StepItem[] {
  const g = strings.guide;
  return state.keys.map((key) => {
    const left = key.expires ? daysLeft(key.expires, ctx.now) : Number.NaN;
    const line = g.keyLine(
      key.createdText || key.created || g.unknownDate,
      key.expiresText || key.expires || g.unknownDate,
    );
    return Number.isNaN(left)
      ? { text: line }
      : left > EXPIRING_SOON_DAYS
        ? { text: `${line} (${g.keyExpiresIn(left)})` }
        : { text: `${line} (${g.keyExpiresIn(left)})`, attention: true, label: left < 0 ? g.expired : g.expiresSoon };
  });
}
