/**
 * The guide's progress as pure functions over the stored GuideProgress: which step shows on a page, and what
 * Next, Back, minimise, dismiss and restart change. No DOM, no storage: the tour engine persists the result.
 */
import type { PageState } from '@/utils/page-model';
import { EMPTY_GUIDE_PROGRESS, stepRef } from './define';
import type { AnyGuide, GuideName, GuideProgress, GuideStep, StepContext, TourEvent } from './types';

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

/** Marks done every step of the running variant that an outside event finishes. */
export function onEvent(progress: GuideProgress, guides: readonly AnyGuide[], event: TourEvent): GuideProgress {
  const refs = guides
    .filter((guide) => guide.variant === progress.guide)
    .flatMap((guide) =>
      (guide.steps as readonly GuideStep[])
        .filter((step) => step.completeOn === event)
        .map((step) => stepRef(guide, step.id)),
    );
  return refs.every((ref) => progress.completed.includes(ref))
    ? progress
    : { ...progress, completed: withCompleted(progress, refs) };
}
