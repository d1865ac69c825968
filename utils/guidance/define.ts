/** The helpers guides are written with, and the progress a guide starts from. */
import type { PageKind } from '@/utils/page-model';
import type { Guide, GuideName, GuideProgress } from './types';

/** A guide: the variant it belongs to, the page kind it shows on, and its steps, checked against that kind's state. */
export function defineGuide<K extends PageKind>(variant: GuideName, kind: K, steps: Guide<K>['steps']): Guide<K> {
  return { variant, kind, steps };
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
