/**
 * The tour engine: one for every guide. Given the current PageState it picks the guide for the page kind and the
 * running variant, the step to show (progress.ts), resolves the step's target through the page model, and
 * says how to show it: anchored (popover + highlight beside the element), docked (a panel, when the target is
 * missing or renamed) or minimised. It re-resolves targets when the page watcher emits and on its own backed-off
 * checks while a target is missing, never throws on late or vanishing targets, and persists progress.
 */
import type { PageKind, PageState, TargetId } from '@/utils/page-model';
import { strings } from '@/utils/strings';
import { type AnchorFn, anchorWithFloatingUi, isShown, type Surface } from './anchor';
import { EMPTY_GUIDE_PROGRESS, stepRef } from './define';
import * as flow from './progress';
import type { AnyGuide, GuideName, GuideProgress, StepItem, TourEvent } from './types';

export type TourMode = 'anchored' | 'docked' | 'minimised';

/** Everything the guide UI renders; null when no guide shows on this page. */
export interface TourView {
  variant: GuideName;
  guideTitle: string;
  kind: PageKind;
  stepRef: string;
  title: string;
  body: string;
  items: StepItem[];
  index: number;
  total: number;
  mode: TourMode;
  /** What the aria-live region says: the current step, or that the guide was minimised. */
  announcement: string;
}

export interface TourOptions {
  guides: readonly AnyGuide[];
  findTarget(id: TargetId): Element | null;
  load(): Promise<GuideProgress | null | undefined>;
  save(progress: GuideProgress): Promise<unknown> | undefined;
  anchor?: AnchorFn;
  isShown?(el: Element): boolean;
  now?(): number;
  /** Checks for a missing target: first after `firstMs`, doubling up to `maxMs`, for `windowMs` per step. */
  retry?: { firstMs: number; maxMs: number; windowMs: number };
}

export interface Tour {
  subscribe(listener: () => void): () => void;
  getView(): TourView | null;
  /** Loaded progress; resolves once the tour can show anything. */
  ready: Promise<void>;
  setPage(state: PageState): void;
  /** The popover and highlight elements, while the UI shows the anchored step. */
  attachSurface(surface: Surface | null): void;
  /** The element the current step is anchored to (for tests and support). */
  currentTarget(): Element | null;
  next(): void;
  back(): void;
  minimise(): void;
  restore(): void;
  dismiss(): void;
  restart(): void;
  /** Starts a guide from the beginning (the popup's "Start the guide"). */
  begin(variant: GuideName): void;
  notify(event: TourEvent): void;
  destroy(): void;
}

const DEFAULT_RETRY = { firstMs: 250, maxMs: 2000, windowMs: 60_000 };

export function guideFor(guides: readonly AnyGuide[], variant: GuideName, kind: PageKind): AnyGuide | null {
  return (
    guides.find((g) => g.variant === variant && g.kind === kind) ??
    guides.find((g) => g.variant === 'connect' && g.kind === kind) ??
    null
  );
}

/** The guide shows on every account page unless hidden there; elsewhere (dashboard) only once started. */
export function showsOn(kind: PageKind, progress: GuideProgress): boolean {
  if (progress.pages[kind]?.dismissed) return false;
  return kind !== 'dashboard' || progress.active;
}

export function createTour(options: TourOptions): Tour {
  const anchor = options.anchor ?? anchorWithFloatingUi;
  const shown = options.isShown ?? isShown;
  const now = options.now ?? Date.now;
  const retry = options.retry ?? DEFAULT_RETRY;
  const listeners = new Set<() => void>();

  let destroyed = false;
  let progress: GuideProgress | null = null;
  let page: PageState | null = null;
  let view: TourView | null = null;
  let target: Element | null = null;
  let surface: Surface | null = null;
  let stopAnchor: (() => void) | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let retryDelay = retry.firstMs;
  let searching: { ref: string; since: number } | null = null;

  const locate = () => {
    if (!progress || !page || !showsOn(page.kind, progress)) return null;
    const guide = guideFor(options.guides, progress.guide, page.kind);
    const current = guide && flow.currentStep(guide, page, progress, now());
    const step = current?.steps[current.index];
    return guide && current && step ? { guide, current, step, state: page, progress } : null;
  };

  const startAnchor = () => {
    stopAnchor?.();
    stopAnchor = null;
    if (!target || !surface || destroyed) return;
    stopAnchor = anchor(target, surface, () => {
      // The element went away (re-rendered, navigated, hidden): look again, or dock.
      stopAnchor = null;
      target = null;
      refresh();
    });
  };

  const setTarget = (el: Element | null) => {
    if (el === target) return;
    target = el;
    startAnchor();
  };

  const stopRetry = () => {
    if (retryTimer !== null) clearTimeout(retryTimer);
    retryTimer = null;
    searching = null;
  };

  const scheduleRetry = (ref: string) => {
    if (searching?.ref !== ref) {
      stopRetry();
      searching = { ref, since: now() };
      retryDelay = retry.firstMs;
    }
    if (retryTimer !== null || now() - searching.since > retry.windowMs) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      retryDelay = Math.min(retryDelay * 2, retry.maxMs);
      refresh();
    }, retryDelay);
  };

  const findShown = (id: TargetId): Element | null => {
    try {
      const el = options.findTarget(id);
      return el && shown(el) ? el : null;
    } catch {
      // A page in the middle of re-rendering must never break the guide: treat as not there yet.
      return null;
    }
  };

  const setView = (next: TourView | null) => {
    if (JSON.stringify(next) === JSON.stringify(view)) return;
    view = next;
    for (const listener of listeners) listener();
  };

  function refresh() {
    if (destroyed) return;
    const found = locate();
    if (!found) {
      stopRetry();
      setTarget(null);
      setView(null);
      return;
    }
    const { guide, current, step, state, progress: p } = found;
    const ref = stepRef(guide, step.id);
    const minimised = Boolean(p.pages[guide.kind]?.minimised);
    let el: Element | null = null;
    if (!minimised && step.target) {
      el = findShown(step.target);
      if (el) stopRetry();
      else scheduleRetry(ref);
    } else stopRetry();
    setTarget(el);
    const ctx = flow.contextFor(p, now());
    const stepItems = step.items as ((s: PageState, c: typeof ctx) => StepItem[]) | undefined;
    const total = current.steps.length;
    setView({
      variant: guide.variant,
      guideTitle: strings.guide.titles[guide.variant],
      kind: guide.kind,
      stepRef: ref,
      title: step.text.title,
      body: step.text.body,
      items: stepItems?.(state, ctx) ?? [],
      index: current.index,
      total,
      mode: minimised ? 'minimised' : el ? 'anchored' : 'docked',
      announcement: minimised
        ? strings.guide.minimised
        : strings.guide.announce(current.index + 1, total, step.text.title),
    });
  }

  const update = (change: (progress: GuideProgress) => GuideProgress) => {
    if (!progress || destroyed) return;
    const next = change(progress);
    if (next === progress) return;
    progress = next;
    void Promise.resolve(options.save(next)).catch(() => undefined);
    refresh();
  };

  const withStep = (change: (p: GuideProgress, f: NonNullable<ReturnType<typeof locate>>) => GuideProgress) =>
    update((p) => {
      const found = locate();
      return found ? change(p, found) : p;
    });

  const ready = options
    .load()
    .then(
      (loaded) => loaded,
      () => null,
    )
    .then((loaded) => {
      progress = isProgress(loaded) ? loaded : { ...EMPTY_GUIDE_PROGRESS };
      refresh();
    });

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getView: () => view,
    ready,
    setPage(state) {
      page = state;
      refresh();
    },
    attachSurface(next) {
      surface = next;
      startAnchor();
    },
    currentTarget: () => target,
    next: () => withStep((p, f) => flow.next(p, f.guide, f.current)),
    back: () => withStep((p, f) => flow.back(p, f.guide, f.current)),
    minimise: () => withStep((p, f) => flow.minimise(p, f.guide.kind, true)),
    restore: () => withStep((p, f) => flow.minimise(p, f.guide.kind, false)),
    dismiss: () => withStep((p, f) => flow.dismiss(p, f.guide.kind)),
    restart: () => update((p) => flow.restart(p.guide)),
    begin: (variant) => update(() => flow.restart(variant)),
    notify: (event) => update((p) => flow.onEvent(p, options.guides, event)),
    destroy() {
      destroyed = true;
      stopRetry();
      stopAnchor?.();
      stopAnchor = null;
      listeners.clear();
    },
  };
}

// Stored data from another version or a broken write must not break the page: start over instead.
function isProgress(value: unknown): value is GuideProgress {
  const p = value as GuideProgress | null;
  return (
    typeof p === 'object' &&
    p !== null &&
    (p.guide === 'connect' || p.guide === 'rotate') &&
    typeof p.active === 'boolean' &&
    Array.isArray(p.completed) &&
    typeof p.at === 'object' &&
    p.at !== null &&
    typeof p.pages === 'object' &&
    p.pages !== null
  );
}
