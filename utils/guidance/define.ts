/** The helpers guides are written with, and the progress a guide starts from. */
import type { PageKind } from '@/utils/page-model';
import type { Guide, GuideName, GuideProgress } from './types';

/** Identity helper that checks a guide's steps against its page kind's state. */
export function defineGuide<K extends PageKind>(guide: Guide<K>): Guide<K> {
  return guide;
}

export const stepRef = (guide: { variant: GuideName; kind: PageKind }, stepId: string) =>
  `${guide.variant}.${guide.kind}.${stepId}`;

/** Nothing done yet: what a first visit, or unreadable stored progress, starts from. */
export const EMPTY_GUIDE_PROGRESS: GuideProgress = {
  guide: 'connect',
  active: false,
  completed: [],
  at: {},
  pages: {},
};
