/**
 * The guide's progress as pure functions over the stored GuideProgress: which step shows on a page, and what
 * Next, Back, minimise, dismiss and restart change. No DOM, no storage: the tour engine persists the result.
 */
import { type PageState, type TargetId, targetName } from '@/utils/page-model';
import { EMPTY_GUIDE_PROGRESS, eventRef, stepRef } from './define';
import type { AnyGuide, GuideName, GuideProgress, GuideStep, StepContext, StepText, TourEvent } from './types';

/** How a step names a Partner Center target: the label it shows on this page, else its English name. */
export type Quote = (target: TargetId) => string;

/**
 * The quote for one step: `labelOnPage` (the page model's match, at most once per target), else the target's
 * English name; a lookup that throws (a page in the middle of re-rendering) names it in English too.
 */
export function quoteFrom(labelOnPage: (target: TargetId) => string | null): Quote {
  const quotes = new Map<TargetId, string>();
  return (target) => {
    let quote = quotes.get(target);
    if (quote === undefined) {
      try {
        quote = labelOnPage(target) || targetName(target);
      } catch {
        quote = targetName(target);
      }
      quotes.set(target, quote);
    }
    return quote;
  };
}

/**
 * A step's words with each `{target}` placeholder replaced by `quote(target)` (define.ts). The quote is page text
 * (the target's label only, trimmed and capped by the page model); the guide shows the result as text, never as
 * markup. A placeholder the quote has no words for stays as it is.
 */
export function stepText(step: Pick<GuideStep, 'text'>, quote: Quote): StepText {
  const fill = (text: string) =>
    text.replace(/\{([A-Za-z]+)\}/g, (placeholder, target: TargetId) => quote(target) || placeholder);
  return { title: fill(step.text.title), body: fill(step.text.body) };
}

export function contextFor(progress: GuideProgress, now: number): StepContext {
  const done = new Set(progress.completed);
  return { now, done: (ref) => done.has(ref) };
}

/** The steps of `guide` that apply to this page as it is now. */
export function applicableSteps(guide: AnyGuide, state: PageState, ctx: StepContext): GuideStep[] {
  const steps = guide.steps as readonly GuideStep<never>[] as readonly GuideStep<PageState>[];
  return steps.filter((step) => !step.when || step.when(state, ctx)) as GuideStep[];
}

export interface CurrentStep {
  steps: GuideStep[];
  index: number;
}

/**
 * The step to show: where the user was on this page kind if it still applies, else the first one not done,
 * else the last one (it says where to go next).
 */
export function currentStep(
  guide: AnyGuide,
  state: PageState,
  progress: GuideProgress,
  now: number,
): CurrentStep | null {
  const ctx = contextFor(progress, now);
  const steps = applicableSteps(guide, state, ctx);
  if (steps.length === 0) return null;
  const at = progress.at[guide.kind];
  let index = steps.findIndex((step) => step.id === at);
  if (index < 0) index = steps.findIndex((step) => !ctx.done(stepRef(guide, step.id)));
  if (index < 0) index = steps.length - 1;
  return { steps, index };
}

const withCompleted = (progress: GuideProgress, refs: string[]): string[] => [
  ...new Set([...progress.completed, ...refs]),
];

/** Next: the current step is done; move on, or on the last step minimise (what follows is on another page). */
export function next(progress: GuideProgress, guide: AnyGuide, current: CurrentStep): GuideProgress {
  const step = current.steps[current.index];
  if (!step) return progress;
  const completed = withCompleted(progress, [stepRef(guide, step.id)]);
  const following = current.steps[current.index + 1];
  if (!following) return minimise({ ...progress, completed }, guide.kind, true);
  return { ...progress, completed, at: { ...progress.at, [guide.kind]: following.id } };
}

export function back(progress: GuideProgress, guide: AnyGuide, current: CurrentStep): GuideProgress {
  const previous = current.steps[current.index - 1];
  return previous ? { ...progress, at: { ...progress.at, [guide.kind]: previous.id } } : progress;
}

export function minimise(progress: GuideProgress, kind: string, minimised: boolean): GuideProgress {
  return { ...progress, pages: { ...progress.pages, [kind]: { ...progress.pages[kind], minimised } } };
}

export function dismiss(progress: GuideProgress, kind: string): GuideProgress {
  return { ...progress, pages: { ...progress.pages, [kind]: { ...progress.pages[kind], dismissed: true } } };
}

/** Starts `guide` over: nothing done, nothing hidden, shown everywhere in Partner Center. */
export function restart(guide: GuideName): GuideProgress {
  return { ...EMPTY_GUIDE_PROGRESS, guide, active: true };
}

/**
 * Records that an outside event happened (define.ts `eventRef`) and marks done every step of the running variant
 * that waits for it. Stactize's verification counts only after this run delivered a key: a verified status left
 * from an older key must never open "remove the old key".
 */
export function onEvent(progress: GuideProgress, guides: readonly AnyGuide[], event: TourEvent): GuideProgress {
  if (event === 'keyVerified' && !progress.completed.includes(eventRef('keyDelivered'))) return progress;
  const refs = guides
    .filter((guide) => guide.variant === progress.guide)
    .flatMap((guide) =>
      (guide.steps as readonly GuideStep[])
        .filter((step) => step.completeOn === event)
        .map((step) => stepRef(guide, step.id)),
    );
  refs.unshift(eventRef(event));
  return refs.every((ref) => progress.completed.includes(ref))
    ? progress
    : { ...progress, completed: withCompleted(progress, refs) };
}
