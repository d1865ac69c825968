/**
 * The tour engine: one for every guide. Given the current PageState it picks the guide for the page kind and the
 * running variant, the step to show (progress.ts), resolves the step's target through the page model, and
 * says how to show it: anchored (popover + highlight beside the element), docked (a panel, when the target is
 * missing or renamed) or minimised. It re-resolves targets when the page watcher emits and on its own backed-off
 * checks while a target is missing, never throws on late or vanishing targets, and persists progress.
 *
 * It yields to Partner Center's own dialogs and drawers (the page model's `watchPageOverlays`, watched only while
 * the overlay shows something): a step whose target sits inside one stays anchored, its popover kept off the
 * dialog (anchor.ts); a step whose target is behind a modal one, or covered, or that has no room, stands aside
 * (docked, `aside`) until it closes; and `getLayout` moves the docked stack to a lower corner clear of them,
 * folds it into a chip, or hides it until they close.
 */
import {
  type PageKind,
  type PageOverlay,
  type PageOverlayWatch,
  type PageState,
  type TargetId,
  targetText,
} from '@/utils/page-model';
import { strings } from '@/utils/strings';
import {
  type AnchorFn,
  anchorWithFloatingUi,
  isShown,
  naturalSize,
  overlaps,
  placeBeside,
  placeStack,
  type Size,
  STACK_HOME,
  type Surface,
  viewportSize,
} from './anchor';
import { EMPTY_GUIDE_PROGRESS, stepRef } from './define';
import * as flow from './progress';
import type { AnyGuide, GuideName, GuideProgress, StepItem, TourEvent, TourLayout } from './types';

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
  /** Docked because Partner Center shows a dialog or drawer the step's popover would cover (until it closes). */
  aside: boolean;
  /** What the aria-live region says: the current step, or that the guide was minimised. */
  announcement: string;
}

export interface TourOptions {
  guides: readonly AnyGuide[];
  findTarget(id: TargetId): Element | null;
  /**
   * The label a target shows on this page, so that a step quotes the page's own words (null when it is not on the
   * page: the step then names it in English). Default: the page model's `targetText`.
   */
  targetText?(id: TargetId): string | null;
  load(): Promise<GuideProgress | null | undefined>;
  save(progress: GuideProgress): Promise<unknown> | undefined;
  anchor?: AnchorFn;
  isShown?(el: Element): boolean;
  now?(): number;
  /** Checks for a missing target: first after `firstMs`, doubling up to `maxMs`, for `windowMs` per step. */
  retry?: { firstMs: number; maxMs: number; windowMs: number };
  /**
   * Partner Center's open dialogs and drawers (the page model's `watchPageOverlays`), watched while the overlay
   * shows anything: the popover and the docked stack yield to them. Without it the tour never yields.
   */
  pageOverlays?(watch: { target(): Element | null; onChange(overlays: PageOverlay[]): void }): PageOverlayWatch;
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
  /** Our docked stack (guide dock, capture panel): its size says where it fits beside the page's dialogs. */
  attachStack(el: HTMLElement | null): void;
  /** Where the docked stack goes now (the same object until it changes). */
  getLayout(): TourLayout;
  /** The chip's action: the stack back in its corner, over the page's dialog, until no dialog is open. */
  unfold(): void;
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
/** The popover's size before it was ever measured (style.css `.guide-popover` is 320 px wide). */
const POPOVER_GUESS: Size = { width: 320, height: 260 };
/** The chip's largest size (style.css `.yield-chip`). */
export const CHIP_SIZE: Size = { width: 140, height: 36 };
const HOME_LAYOUT: TourLayout = { stack: STACK_HOME };

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
  const labelOnPage = options.targetText ?? ((id: TargetId) => targetText(id));
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
  // Yielding to the page's dialogs and drawers.
  let overlays: PageOverlay[] = [];
  let overlayWatch: PageOverlayWatch | null = null;
  /** The step's element on the page, anchored or not (`target` is null while the step stands aside). */
  let stepEl: Element | null = null;
  let stepShown = '';
  /** The anchor found no place for the popover; cleared when the dialogs, the viewport or the target change. */
  let blocked = false;
  let popoverSize: Size | null = null;
  let stackObserver: ResizeObserver | null = null;
  let stackSize: Size = { width: 0, height: 0 };
  let unfolded = false;
  let layout: TourLayout = HOME_LAYOUT;

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
    stopAnchor = anchor(
      target,
      surface,
      () => {
        // The element went away (re-rendered, navigated, hidden): look again, or dock.
        stopAnchor = null;
        target = null;
        refresh();
      },
      clearance,
      () => {
        // Nowhere beside the target without covering it or the page's dialog: dock until something changes.
        if (blocked) return;
        blocked = true;
        refresh();
      },
    );
  };

  const clearance = () => ({
    avoid: overlays.map((o) => o.rect),
    around: overlays.find((o) => o.holdsTarget)?.rect ?? null,
  });

  /** Whether the step's popover must stand aside (docked) for the page's dialogs and drawers. */
  const standsAside = (el: Element): boolean => {
    if (blocked) return true;
    if (overlays.length === 0) return false;
    const r = el.getBoundingClientRect();
    const rect = { x: r.x, y: r.y, width: r.width, height: r.height };
    const holder = overlays.find((o) => o.holdsTarget);
    // A target outside every dialog while a modal one is open, or one a dialog covers, is behind it.
    if (!holder && overlays.some((o) => o.modal || overlaps(o.rect, rect))) return true;
    if (surface) {
      const measured = naturalSize(surface.floating);
      if (measured.width > 0 && measured.height > 0) popoverSize = measured;
    }
    const size = popoverSize ?? POPOVER_GUESS;
    return placeBeside({ target: rect, size, viewport: viewportSize(), ...clearance() }) === null;
  };

  /** Takes a new answer; true when it differs (`fresh`: the watch says something moved, the viewport perhaps). */
  const takeOverlays = (next: PageOverlay[], fresh = false): boolean => {
    const changed = fresh || JSON.stringify(next) !== JSON.stringify(overlays);
    overlays = next;
    if (changed) blocked = false;
    if (next.length === 0) unfolded = false;
    return changed;
  };

  /** Watches the page's dialogs while the overlay shows anything (a step, or something in the stack). */
  const syncWatch = (showing: boolean) => {
    const wanted = !destroyed && Boolean(options.pageOverlays) && (showing || stackSize.height > 0);
    if (wanted && !overlayWatch && options.pageOverlays) {
      overlayWatch = options.pageOverlays({
        target: () => stepEl,
        onChange(next) {
          takeOverlays(next, true);
          // Found again only when the step changes side; otherwise the popover is re-placed where it is.
          const aside = stepEl !== null && standsAside(stepEl);
          if (aside !== Boolean(view?.aside)) refresh();
          else if (target && surface) startAnchor();
          relayout();
        },
      });
      takeOverlays(overlayWatch.read());
    } else if (!wanted && overlayWatch) {
      overlayWatch.stop();
      overlayWatch = null;
      takeOverlays([]);
    }
  };

  const setLayout = (next: TourLayout) => {
    if (JSON.stringify(next) === JSON.stringify(layout)) return;
    layout = next;
    for (const listener of listeners) listener();
  };

  const relayout = () => {
    if (overlays.length === 0 || unfolded) return setLayout(HOME_LAYOUT);
    const avoid = overlays.map((o) => o.rect);
    setLayout({ stack: placeStack({ avoid, viewport: viewportSize(), stack: stackSize, chip: CHIP_SIZE }) });
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
    syncWatch(found !== null);
    if (!found) {
      stopRetry();
      stepEl = null;
      setTarget(null);
      setView(null);
      relayout();
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
    if (el !== stepEl || ref !== stepShown) {
      stepEl = el;
      stepShown = ref;
      blocked = false;
      // Which dialog holds the target depends on the target: ask again for this one.
      if (overlayWatch) takeOverlays(overlayWatch.read());
    }
    const aside = el !== null && standsAside(el);
    setTarget(aside ? null : el);
    const ctx = flow.contextFor(p, now());
    const stepItems = step.items as ((s: PageState, c: typeof ctx) => StepItem[]) | undefined;
    const total = current.steps.length;
    const text = flow.stepText(step, flow.quoteFrom(labelOnPage));
    setView({
      variant: guide.variant,
      guideTitle: strings.guide.titles[guide.variant],
      kind: guide.kind,
      stepRef: ref,
      title: text.title,
      body: text.body,
      items: stepItems?.(state, ctx) ?? [],
      index: current.index,
      total,
      mode: minimised ? 'minimised' : el && !aside ? 'anchored' : 'docked',
      aside,
      announcement: minimised ? strings.guide.minimised : strings.guide.announce(current.index + 1, total, text.title),
    });
    relayout();
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
      // Each page state: the dialogs are read again too, and the popover re-placed when they moved.
      const moved = overlayWatch !== null && takeOverlays(overlayWatch.read());
      refresh();
      if (moved && target && surface) startAnchor();
    },
    attachSurface(next) {
      surface = next;
      startAnchor();
    },
    currentTarget: () => target,
    attachStack(el) {
      stackObserver?.disconnect();
      stackObserver = null;
      stackSize = { width: 0, height: 0 };
      if (el && !destroyed) {
        const measure = () => {
          stackSize = { width: el.offsetWidth, height: el.offsetHeight };
          syncWatch(view !== null);
          relayout();
        };
        stackObserver = typeof ResizeObserver === 'function' ? new ResizeObserver(measure) : null;
        stackObserver?.observe(el);
        measure();
      }
    },
    getLayout: () => layout,
    unfold() {
      unfolded = true;
      relayout();
    },
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
      stackObserver?.disconnect();
      stackObserver = null;
      overlayWatch?.stop();
      overlayWatch = null;
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
