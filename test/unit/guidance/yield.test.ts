// @vitest-environment happy-dom
/**
 * The tour yielding to Partner Center's dialogs and drawers (fed by a fake of the page model's watch): the step
 * stands aside (docked) while a modal dialog is open over its target, stays anchored to a target inside a drawer
 * when there is room beside it, docks when the anchor finds no room, and comes back when the dialog closes; the
 * docked stack goes to the lower left of a right-hand drawer, folds into a chip or waits, and unfolds on request.
 * The watch runs only while the overlay shows something.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnchorFn, Clearance } from '@/utils/guidance/anchor';
import { GUIDES } from '@/utils/guidance/guides';
import { createTour } from '@/utils/guidance/tour';
import type { PageOverlay } from '@/utils/page-model/overlays';
import type { ApplicationPageState } from '@/utils/page-model/page-state';
import type { TargetId } from '@/utils/page-model/targets';

const VW = window.innerWidth;
const VH = window.innerHeight;
const appPage: ApplicationPageState = {
  kind: 'applicationPage',
  url: 'https://partner.microsoft.com/dashboard/account/v3/usermanagement#apps/x',
  appName: 'App',
  tenantId: null,
  clientId: null,
  keys: [],
  canAddKey: true,
};

function place(el: Element, x: number, y: number, width: number, height: number): void {
  (el as HTMLElement).getBoundingClientRect = () =>
    ({ x, y, width, height, left: x, top: y, right: x + width, bottom: y + height, toJSON: () => ({}) }) as DOMRect;
}

function setup() {
  const targets = new Map<TargetId, Element>();
  const anchors: { target: Element; clearance?: () => Clearance; blocked?: () => void; stopped: boolean }[] = [];
  const anchor: AnchorFn = (target, _surface, _lost, clearance, blocked) => {
    const entry = { target, clearance, blocked, stopped: false };
    anchors.push(entry);
    return () => {
      entry.stopped = true;
    };
  };
  const watch = { overlays: [] as PageOverlay[], onChange: null as null | ((o: PageOverlay[]) => void), live: 0 };
  const tour = createTour({
    guides: GUIDES,
    findTarget: (id) => targets.get(id) ?? null,
    load: async () => null,
    save: () => undefined,
    anchor,
    isShown: (el) => el.isConnected,
    pageOverlays({ onChange }) {
      watch.live++;
      watch.onChange = onChange;
      return {
        read: () => watch.overlays,
        stop: () => {
          watch.live--;
          watch.onChange = null;
        },
      };
    },
  });
  const floating = document.createElement('div');
  tour.attachSurface({ floating, highlight: document.createElement('div') });
  /** The page opens, moves or closes its dialogs. */
  const pageShows = (overlays: PageOverlay[]) => {
    watch.overlays = overlays;
    watch.onChange?.(overlays);
  };
  const liveAnchor = () => anchors.filter((a) => !a.stopped).at(-1);
  return { tour, targets, anchors, watch, pageShows, liveAnchor };
}

const overlay = (x: number, y: number, width: number, height: number, more: Partial<PageOverlay> = {}) => ({
  rect: { x, y, width, height },
  modal: false,
  holdsTarget: false,
  ...more,
});

describe('the tour yields to the page', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    document.body.innerHTML = '';
  });
  afterEach(() => vi.useRealTimers());

  async function onApplicationPage(at: [number, number] = [100, 200]) {
    const t = setup();
    const add = document.body.appendChild(document.createElement('button'));
    place(add, at[0], at[1], 120, 32);
    t.targets.set('addNewKey', add);
    await t.tour.ready;
    t.tour.setPage(appPage);
    return { ...t, add };
  }

  it('stands aside while a modal dialog is open over the page, and comes back when it closes', async () => {
    const { tour, pageShows, liveAnchor, add } = await onApplicationPage();
    expect(tour.getView()).toMatchObject({ mode: 'anchored', aside: false });
    expect(liveAnchor()?.target).toBe(add);

    pageShows([overlay(VW / 2 - 230, 200, 460, 300, { modal: true })]);
    expect(tour.getView()).toMatchObject({ mode: 'docked', aside: true });
    expect(liveAnchor()).toBeUndefined();
    expect(tour.currentTarget()).toBeNull();

    pageShows([]);
    expect(tour.getView()).toMatchObject({ mode: 'anchored', aside: false });
    expect(liveAnchor()?.target).toBe(add);
  });

  it('stands aside for a non-modal dialog only when it covers the target', async () => {
    const { tour, pageShows } = await onApplicationPage();
    pageShows([overlay(VW - 300, 0, 300, 200)]);
    expect(tour.getView()?.mode).toBe('anchored');
    pageShows([overlay(50, 150, 400, 200)]);
    expect(tour.getView()).toMatchObject({ mode: 'docked', aside: true });
  });

  it('stays anchored to a target inside a drawer, and tells the anchor what to keep clear of', async () => {
    const { tour, pageShows, liveAnchor } = await onApplicationPage([VW - 460, 300]);
    const drawer = overlay(VW - 480, 0, 480, VH, { holdsTarget: true, modal: true });
    pageShows([drawer]);
    expect(tour.getView()).toMatchObject({ mode: 'anchored', aside: false });
    expect(liveAnchor()?.clearance?.()).toEqual({ avoid: [drawer.rect], around: drawer.rect });
  });

  it('docks when there is no room beside the drawer the target sits in, or when the anchor finds none', async () => {
    const { tour, pageShows, liveAnchor } = await onApplicationPage([120, 300]);
    pageShows([overlay(100, 0, VW - 100, VH, { holdsTarget: true })]);
    expect(tour.getView()).toMatchObject({ mode: 'docked', aside: true });

    pageShows([overlay(VW - 200, 0, 200, VH)]);
    expect(tour.getView()?.mode).toBe('anchored');
    liveAnchor()?.blocked?.();
    expect(tour.getView()).toMatchObject({ mode: 'docked', aside: true });
    // Until something changes on the page.
    pageShows([]);
    expect(tour.getView()?.mode).toBe('anchored');
  });

  it('moves the docked stack off a right-hand drawer: lower left, else a chip, else it waits', async () => {
    const { tour, pageShows } = await onApplicationPage();
    const stack = document.createElement('div');
    Object.defineProperty(stack, 'offsetWidth', { value: 360 });
    Object.defineProperty(stack, 'offsetHeight', { value: 400 });
    tour.attachStack(stack);
    expect(tour.getLayout()).toEqual({ stack: { corner: 'bottom-right', folded: false } });

    pageShows([overlay(VW - 320, 0, 320, VH)]);
    expect(tour.getLayout()).toEqual({ stack: { corner: 'bottom-left', folded: false } });
    pageShows([overlay(300, 0, VW - 300, VH)]);
    expect(tour.getLayout()).toEqual({ stack: { corner: 'bottom-left', folded: true } });
    pageShows([overlay(40, 0, VW - 40, VH)]);
    expect(tour.getLayout()).toEqual({ stack: null });

    // The chip's "show": back in its corner, over the drawer, until no dialog is open.
    pageShows([overlay(300, 0, VW - 300, VH)]);
    tour.unfold();
    expect(tour.getLayout()).toEqual({ stack: { corner: 'bottom-right', folded: false } });
    pageShows([overlay(310, 0, VW - 310, VH)]);
    expect(tour.getLayout().stack).toEqual({ corner: 'bottom-right', folded: false });
    pageShows([]);
    pageShows([overlay(300, 0, VW - 300, VH)]);
    expect(tour.getLayout()).toEqual({ stack: { corner: 'bottom-left', folded: true } });
  });

  it('watches the page only while the overlay shows something', async () => {
    const { tour, watch, targets } = setup();
    await tour.ready;
    expect(watch.live).toBe(0);
    targets.set('addNewKey', document.body.appendChild(document.createElement('button')));
    tour.setPage(appPage);
    expect(watch.live).toBe(1);
    tour.dismiss();
    expect(tour.getView()).toBeNull();
    expect(watch.live).toBe(0);
    // Something in the stack (the capture panel) counts too.
    const stack = document.createElement('div');
    Object.defineProperty(stack, 'offsetWidth', { value: 360 });
    Object.defineProperty(stack, 'offsetHeight', { value: 200 });
    tour.attachStack(stack);
    expect(watch.live).toBe(1);
    tour.destroy();
    expect(watch.live).toBe(0);
  });
});
