/**
 * What a guide is: data. One guide per page kind and variant, each a list of steps with words (from strings.ts),
 * an optional target (by meaning, resolved by the page model) and an optional condition on the PageState.
 * The tour engine (tour.ts) does everything else. Types only: the room's second door (`define.ts` has the
 * helpers guides are written with).
 */
import type { PageKind, PageStateOf, TargetId } from '@/utils/page-model';
import type { GuideName } from '@/utils/protocol/types';

export type { GuideName };

export interface StepText {
  title: string;
  body: string;
}

/** One line of a step's list (e.g. a key and its expiry); `attention` makes it stand out. */
export interface StepItem {
  text: string;
  attention?: boolean;
  /** Said before the text when it stands out, so the emphasis is not colour alone ("Expires soon:"). */
  label?: string;
}

/** What a step's condition can see besides the page: the clock and the steps already done. */
export interface StepContext {
  now: number;
  /** Whether a step (`variant.kind.stepId`) was finished. */
  done(ref: string): boolean;
}

/**
 * Things that happen outside Partner Center's page that can finish a step or open one: the key on this page was
 * delivered to Stactize; Stactize then verified it (counts only after a delivery in the same run of the guide).
 */
export type TourEvent = 'keyDelivered' | 'keyVerified';

export interface GuideStep<S = unknown> {
  /** Stable within its guide: progress is stored by it. */
  id: string;
  text: StepText;
  target?: TargetId;
  when?(state: S, ctx: StepContext): boolean;
  items?(state: S, ctx: StepContext): StepItem[];
  completeOn?: TourEvent;
}

export interface Guide<K extends PageKind = PageKind> {
  variant: GuideName;
  kind: K;
  steps: readonly GuideStep<PageStateOf<K>>[];
}

/** Any page kind's guide: a union, so that each guide keeps its own state type. */
export type AnyGuide = { [K in PageKind]: Guide<K> }[PageKind];

/** A corner of the viewport. */
export type Corner = 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left';

/** Where the docked stack goes: a lower corner, or folded into a chip in any corner. */
export interface StackPlacement {
  corner: Corner;
  folded: boolean;
}

/** Where our docked stack goes, kept off Partner Center's open dialogs and drawers (the tour says). */
export interface TourLayout {
  /** A lower corner, or folded into a chip; null while even a chip would cover one (until it closes). */
  stack: StackPlacement | null;
}

/**
 * The in-page guide's progress: which guide runs, the steps done, where the user was on each page kind, and
 * per page kind whether the guide is hidden or minimised. Step ids only, no secrets; written by the content
 * script so that the guide resumes across client-side navigation and reloads.
 */
export interface GuideProgress {
  guide: GuideName;
  /** Started from the popup or restarted: the guide then shows outside the account area too. */
  active: boolean;
  /** Step references (`connect.applicationPage.addKey`) the user finished. */
  completed: string[];
  /** The step id the user was on, per page kind. */
  at: Record<string, string>;
  pages: Record<string, { dismissed?: boolean; minimised?: boolean }>;
}
