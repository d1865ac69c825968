/**
 * Guidance (content script only): one declarative guide per page kind (`guides/<kind>.ts`), the tour engine
 * that shows a guide's steps beside the page (`tour.ts`, anchored with Floating UI in `anchor.ts`) and the
 * guide's progress as pure functions (`progress.ts`).
 */
export { EMPTY_GUIDE_PROGRESS } from './define';
export { GUIDES } from './guides';
export { createTour, type Tour, type TourView } from './tour';
export type { GuideName, GuideProgress } from './types';
