/**
 * Anchoring a step to its page element with Floating UI, and keeping our overlay off the page's own controls.
 *
 * The popover goes beside the target (right first, then below, left, above: flip), slid along that side to stay
 * on screen (shift) and shortened to scroll inside when the room is short (size, at 200 % zoom), never over the
 * target itself and never over a page dialog or drawer given as `avoid`. When the target sits inside a dialog and
 * no side of the target is outside it, the popover goes beside the dialog; when nothing fits, `onBlocked` says so
 * and the tour docks the step instead. The highlight is a fixed box inside our own shadow root drawn at the
 * target's getBoundingClientRect (the page's element is never styled). autoUpdate follows scroll, resize and
 * layout shifts; a slow liveness check notices a target that was removed.
 *
 * The placement itself is pure (`placeBeside`, `placeStack`): rectangles in, position out.
 */
import { autoUpdate, computePosition, type Middleware } from '@floating-ui/dom';
import type { Corner, StackPlacement } from './types';

export interface Surface {
  floating: HTMLElement;
  highlight: HTMLElement;
}

/** A rectangle in viewport coordinates (CSS px). */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Size {
  width: number;
  height: number;
}

/** What the popover must keep clear of, asked at every placement. */
export interface Clearance {
  /** The page's open dialogs and drawers. */
  avoid: readonly Box[];
  /** The one among them the target sits in, if any: the popover may go beside it. */
  around?: Box | null;
}

/**
 * Starts following `target`; calls `onLost` (once) when it is gone or hidden, and `onBlocked` when the popover
 * has nowhere to go without covering the target or a page dialog. Returns the stop function.
 */
export type AnchorFn = (
  target: Element,
  surface: Surface,
  onLost: () => void,
  clearance?: () => Clearance,
  onBlocked?: () => void,
) => () => void;

export const GAP_PX = 10;
/** How far the popover stays from the viewport's edges. */
export const EDGE_PX = 8;
/** The popover is never shortened below this; below it, it docks instead. */
export const MIN_POPOVER_HEIGHT_PX = 120;
/** How far our boxes stay from a page dialog's edge. */
export const CLEAR_PX = 4;
/** The docked stack's distance from the viewport's edges (style.css `.stack`). */
export const STACK_MARGIN_PX = 16;
const HIGHLIGHT_PAD_PX = 4;
const LIVENESS_MS = 1000;

export type Side = 'right' | 'bottom' | 'left' | 'top';
const SIDES: readonly Side[] = ['right', 'bottom', 'left', 'top'];

export interface Placement {
  x: number;
  y: number;
  side: Side;
  /** The most height it may take there (it scrolls inside beyond). */
  maxHeight: number;
  /** Beside the target, or beside the dialog the target sits in. */
  beside: 'target' | 'dialog';
}

export interface PlaceInput {
  target: Box;
  /** The popover's natural size. */
  size: Size;
  viewport: Size;
  avoid?: readonly Box[];
  around?: Box | null;
  gap?: number;
}

/**
 * Where the popover goes: beside the target (or beside the dialog around it), the first of right, bottom, left,
 * top where it fits at its natural height, else where it fits shortened to no less than MIN_POPOVER_HEIGHT_PX;
 * aligned with the target's start and slid to stay on screen and off every `avoid` box, always level with the
 * target on the other axis. Never overlaps the target or an `avoid` box. Null when there is no such place.
 */
export function placeBeside(input: PlaceInput): Placement | null {
  const { target, viewport } = input;
  const gap = input.gap ?? GAP_PX;
  const size = { width: Math.min(input.size.width, viewport.width - 2 * EDGE_PX), height: input.size.height };
  if (size.width <= 0 || size.height <= 0) return null;
  const blocks = [...(input.avoid ?? []), target].map((box) => grow(box, CLEAR_PX));
  const refs: Array<[Box, Placement['beside']]> = [[target, 'target']];
  if (input.around) refs.push([union(input.around, target), 'dialog']);
  for (const shrink of [false, true]) {
    for (const [ref, beside] of refs) {
      for (const side of SIDES) {
        const placed = trySide({ ref, align: target, side, size, viewport, blocks, gap, shrink });
        if (placed) return { ...placed, beside };
      }
    }
  }
  return null;
}

interface SideInput {
  ref: Box;
  align: Box;
  side: Side;
  size: Size;
  viewport: Size;
  blocks: Box[];
  gap: number;
  shrink: boolean;
}

function trySide({
  ref,
  align,
  side,
  size,
  viewport,
  blocks,
  gap,
  shrink,
}: SideInput): Omit<Placement, 'beside'> | null {
  const { width: w } = size;
  // Away from the reference, and on screen even when the reference is not (scrolled out of view).
  if (side === 'right' || side === 'left') {
    const x =
      side === 'right'
        ? Math.max(ref.x + ref.width + gap, EDGE_PX)
        : Math.min(ref.x - gap, viewport.width - EDGE_PX) - w;
    if (x < EDGE_PX || x + w > viewport.width - EDGE_PX) return null;
    const free = freeSpans(
      EDGE_PX,
      viewport.height - EDGE_PX,
      blocks.filter((b) => b.x < x + w && b.x + b.width > x).map((b) => [b.y, b.y + b.height]),
    );
    const spot = bestSpot(free, size.height, shrink, align.y, align.height, viewport.height);
    return spot && { x, y: spot.at, side, maxHeight: spot.room };
  }
  const from = side === 'bottom' ? Math.max(ref.y + ref.height + gap, EDGE_PX) : EDGE_PX;
  const to = side === 'bottom' ? viewport.height - EDGE_PX : Math.min(ref.y - gap, viewport.height - EDGE_PX);
  const room = to - from;
  const h = shrink ? Math.min(size.height, room) : size.height;
  if (h > room || h < Math.min(size.height, MIN_POPOVER_HEIGHT_PX)) return null;
  const y = side === 'bottom' ? from : to - h;
  const free = freeSpans(
    EDGE_PX,
    viewport.width - EDGE_PX,
    blocks.filter((b) => b.y < y + h && b.y + b.height > y).map((b) => [b.x, b.x + b.width]),
  );
  const spot = bestSpot(free, w, false, align.x, align.width, viewport.width);
  if (!spot) return null;
  if (side === 'top') return { x: spot.at, y, side, maxHeight: h };
  // Below, it may grow down to the viewport's edge or the next box under it.
  const under = blocks
    .filter((b) => b.x < spot.at + w && b.x + b.width > spot.at && b.y >= y + h)
    .reduce((nearest, b) => Math.min(nearest, b.y), viewport.height - EDGE_PX);
  return { x: spot.at, y, side, maxHeight: under - y };
}

/** The spans of [from, to] that no block covers. */
function freeSpans(from: number, to: number, blocked: Array<[number, number]>): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let at = from;
  for (const [start, end] of [...blocked].sort((a, b) => a[0] - b[0])) {
    if (start > at) spans.push([at, Math.min(start, to)]);
    at = Math.max(at, end);
    if (at >= to) break;
  }
  if (at < to) spans.push([at, to]);
  return spans.filter(([a, b]) => b > a);
}

/**
 * Where along a free span a box of `length` goes: as near as possible to `want` (the target's start), still
 * level with the part of the target's [want, want + extent] that is on screen (0 to `screen`), if any part is;
 * `shrink` accepts a span shorter than `length` down to the minimum height. `room`: how much of the span is left
 * from that point.
 */
function bestSpot(
  spans: Array<[number, number]>,
  length: number,
  shrink: boolean,
  want: number,
  extent: number,
  screen: number,
): { at: number; room: number } | null {
  const seenFrom = Math.max(want, 0);
  const seenTo = Math.min(want + extent, screen);
  let best: { at: number; room: number; distance: number } | null = null;
  for (const [a, b] of spans) {
    const fits = shrink ? Math.min(length, b - a) : length;
    if (fits > b - a || fits < Math.min(length, MIN_POPOVER_HEIGHT_PX)) continue;
    const at = Math.min(Math.max(want, a), b - fits);
    // Level with the target: some of it beside some of the target (when any of the target is on screen).
    if (seenTo > seenFrom && (at >= seenTo || at + fits <= seenFrom)) continue;
    const distance = Math.abs(at - want);
    if (!best || distance < best.distance) best = { at, room: b - at, distance };
  }
  return best && { at: best.at, room: best.room };
}

export const STACK_HOME: StackPlacement = { corner: 'bottom-right', folded: false };

/**
 * Where the docked stack (guide dock + capture panel) goes while the page shows dialogs or drawers (`avoid`):
 * its usual lower-right corner when that covers none, else the lower left, else a chip of `chip` size in the
 * first clear corner (lower right, lower left, upper right, upper left); null when even a chip would cover one.
 */
export function placeStack(input: {
  avoid: readonly Box[];
  viewport: Size;
  stack: Size;
  chip: Size;
}): StackPlacement | null {
  const { viewport, stack, chip } = input;
  if (input.avoid.length === 0 || stack.width <= 0 || stack.height <= 0) return STACK_HOME;
  const blocks = input.avoid.map((box) => grow(box, CLEAR_PX));
  const clear = (corner: Corner, size: Size) => !blocks.some((b) => overlaps(b, boxAt(corner, size, viewport)));
  for (const corner of ['bottom-right', 'bottom-left'] as const) {
    if (clear(corner, stack)) return { corner, folded: false };
  }
  for (const corner of ['bottom-right', 'bottom-left', 'top-right', 'top-left'] as const) {
    if (clear(corner, chip)) return { corner, folded: true };
  }
  return null;
}

function boxAt(corner: Corner, size: Size, viewport: Size): Box {
  const width = Math.min(size.width, viewport.width - 2 * STACK_MARGIN_PX);
  const height = Math.min(size.height, viewport.height - 2 * STACK_MARGIN_PX);
  const x = corner.endsWith('right') ? viewport.width - STACK_MARGIN_PX - width : STACK_MARGIN_PX;
  const y = corner.startsWith('bottom') ? viewport.height - STACK_MARGIN_PX - height : STACK_MARGIN_PX;
  return { x, y, width, height };
}

export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && a.x + a.width > b.x && a.y < b.y + b.height && a.y + a.height > b.y;
}

function grow(box: Box, by: number): Box {
  return { x: box.x - by, y: box.y - by, width: box.width + 2 * by, height: box.height + 2 * by };
}

function union(a: Box, b: Box): Box {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return {
    x,
    y,
    width: Math.max(a.x + a.width, b.x + b.width) - x,
    height: Math.max(a.y + a.height, b.y + b.height) - y,
  };
}

/** The layout viewport our fixed boxes are placed in, without scroll bars where the browser says so. */
export function viewportSize(): Size {
  const visual = globalThis.visualViewport;
  return {
    width: visual ? Math.min(visual.width, globalThis.innerWidth) : globalThis.innerWidth,
    height: visual ? Math.min(visual.height, globalThis.innerHeight) : globalThis.innerHeight,
  };
}

/** Our popover's size with nothing cut: as tall as its content, whatever max-height it was given. */
export function naturalSize(floating: HTMLElement): Size {
  const borders = floating.offsetHeight - floating.clientHeight;
  return { width: floating.offsetWidth, height: floating.scrollHeight + Math.max(0, borders) };
}

/** Whether an element is on the page and takes up space. */
export function isShown(el: Element): boolean {
  if (!el.isConnected) return false;
  const rect = el.getBoundingClientRect();
  return rect.width > 0 || rect.height > 0;
}

/** The Floating UI middleware doing `placeBeside` (page boxes are viewport coordinates, mapped to Floating UI's). */
function keepClear(clearance: () => Clearance, size: Size): Middleware {
  return {
    name: 'keepClear',
    fn({ rects, elements }) {
      const onScreen = (elements.reference as Element).getBoundingClientRect();
      const { avoid, around } = clearance();
      const placed = placeBeside({
        target: { x: onScreen.x, y: onScreen.y, width: onScreen.width, height: onScreen.height },
        size,
        viewport: viewportSize(),
        avoid,
        around,
      });
      if (!placed) return { data: { placed: null } };
      // Floating UI's coordinates are those of the popover's containing block (the viewport, unless a page
      // ancestor of our host has a transform): shift by the difference it measured.
      const dx = rects.reference.x - onScreen.x;
      const dy = rects.reference.y - onScreen.y;
      return { x: placed.x + dx, y: placed.y + dy, data: { placed } };
    },
  };
}

const NO_CLEARANCE: Clearance = { avoid: [] };

export const anchorWithFloatingUi: AnchorFn = (target, surface, onLost, clearance = () => NO_CLEARANCE, onBlocked) => {
  const { floating, highlight } = surface;
  let stopped = false;
  const lost = () => {
    if (stopped) return;
    stop();
    onLost();
  };
  const update = () => {
    if (stopped) return;
    if (!isShown(target)) return lost();
    const rect = target.getBoundingClientRect();
    Object.assign(highlight.style, {
      top: `${rect.top - HIGHLIGHT_PAD_PX}px`,
      left: `${rect.left - HIGHLIGHT_PAD_PX}px`,
      width: `${rect.width + 2 * HIGHLIGHT_PAD_PX}px`,
      height: `${rect.height + 2 * HIGHLIGHT_PAD_PX}px`,
    });
    highlight.dataset.placed = 'true';
    const size = naturalSize(floating);
    void computePosition(target, floating, { strategy: 'fixed', middleware: [keepClear(clearance, size)] }).then(
      ({ x, y, middlewareData }) => {
        if (stopped) return;
        const placed = (middlewareData.keepClear as { placed: Placement | null } | undefined)?.placed;
        if (!placed) {
          // Nowhere to go without covering the target or the page's dialog: hidden, and the tour docks it.
          delete floating.dataset.placed;
          onBlocked?.();
          return;
        }
        floating.style.maxHeight = `${Math.floor(placed.maxHeight)}px`;
        floating.style.left = `${Math.round(x)}px`;
        floating.style.top = `${Math.round(y)}px`;
        floating.dataset.placement = `${placed.side}-start`;
        floating.dataset.beside = placed.beside;
        floating.dataset.placed = 'true';
      },
    );
  };
  // autoUpdate runs `update` once before it returns: a target already gone stops the anchor right there.
  let stopAuto: (() => void) | null = null;
  let liveness: ReturnType<typeof setInterval> | undefined;
  stopAuto = autoUpdate(target, floating, update);
  if (stopped) stopAuto();
  else
    liveness = setInterval(() => {
      if (!isShown(target)) lost();
    }, LIVENESS_MS);
  function stop() {
    stopped = true;
    stopAuto?.();
    clearInterval(liveness);
    delete floating.dataset.placed;
    delete highlight.dataset.placed;
  }
  return () => {
    if (!stopped) stop();
  };
};
