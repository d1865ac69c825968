/**
 * The helpers guides are written with, and the progress a guide starts from.
 *
 * A step's words (strings.guide.steps) name Partner Center's buttons, tabs and fields by placeholder:
 * `Press “{addNewKey}”`. `{addNewKey}` is a target id (page-model/targets.ts); the tour fills it with the label
 * that target shows on this page ("Neuen Schlüssel hinzufügen", "新しいキーの追加"), or its English name when the
 * target is not on the page (progress.ts `stepText`). A placeholder that names no target fails the type check
 * below.
 */
import type { PageKind, TargetId } from '@/utils/page-model';
import type { strings } from '@/utils/strings';
import type { Guide, GuideName, GuideProgress, StepContext, TourEvent } from './types';

/** A guide: the variant it belongs to, the page kind it shows on, and its steps, checked against that kind's state. */
export function defineGuide<K extends PageKind>(variant: GuideName, kind: K, steps: Guide<K>['steps']): Guide<K> {
  return { variant, kind, steps };
}

export const stepRef = (guide: { variant: GuideName; kind: PageKind }, stepId: string) =>
  `${guide.variant}.${guide.kind}.${stepId}`;

/**
 * An outside event that happened in this run of the guide, kept among the completed refs (so it is stored, and
 * restarting the guide forgets it). Never a step's ref: "Next" on a step can never make an event happen.
 */
export const eventRef = (event: TourEvent) => `event.${event}`;

/** Whether `event` happened in this run of the guide (a step condition: `when: (_, ctx) => happened(ctx, …)`). */
export const happened = (ctx: StepContext, event: TourEvent) => ctx.done(eventRef(event));

/** Nothing done yet: what a first visit, or unreadable stored progress, starts from. */
export const EMPTY_GUIDE_PROGRESS: GuideProgress = {
  guide: 'connect',
  active: false,
  completed: [],
  at: {},
  pages: {},
};

/** The `{placeholder}` names in one sentence. */
type PlaceholdersOf<S> = S extends `${string}{${infer Id}}${infer Rest}` ? Id | PlaceholdersOf<Rest> : never;
/** The `{placeholder}` names anywhere in a table of sentences. */
type PlaceholdersIn<T> = T extends string ? PlaceholdersOf<T> : { [K in keyof T]: PlaceholdersIn<T[K]> }[keyof T];
type MustBe<T extends Expected, Expected> = T;

/** Compile-time check: every placeholder in the guide's words names a target the page model can quote. */
export type GuidePlaceholders = MustBe<PlaceholdersIn<typeof strings.guide.steps>, TargetId>;
