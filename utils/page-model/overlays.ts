/**
 * Partner Center's own dialogs and drawers, for the overlay to yield to: which ones are open now and where their
 * controls are (viewport rectangles), and whether a given element (a guide target) sits inside one. Open means
 * what `isOpenOverlay` says (a `<dialog open>`, `role=dialog|alertdialog`, an open dialog or fly-in component,
 * one drawing role=dialog in its shadow root), shown and on screen. Our own host is never looked into.
 *
 * `watchPageOverlays` tells when that answer changes: MutationObservers on the document and every open shadow
 * root, resize and scroll, and a few frames after each change so that a drawer sliding in is followed to where
 * it stops; at most one read per frame, and only between `watchPageOverlays` and `stop()`.
 */
import { deepElements, isOpenOverlay, isOverlayNamed, isShown, OWN_UI_TAG, parentAcrossShadow } from './dom';

/** A rectangle in viewport coordinates (CSS px), rounded to whole pixels. */
export interface PageRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One open dialog or drawer of the page. */
export interface PageOverlay {
  /** Where it is on screen (clipped to the viewport): the box around its controls. */
  rect: PageRect;
  /** A modal: `<dialog>` opened with showModal(), `aria-modal="true"` or an alert dialog. */
  modal: boolean;
  /** Whether the element asked about (the guide's target) sits inside it. */
  holdsTarget: boolean;
}

const DIALOG_ROLE = /^(dialog|alertdialog)$/;
/** A box this much of the viewport or more is a backdrop or a positioning layer, not where the controls are. */
const BACKDROP_SHARE = 0.95;

/**
 * The open dialogs and drawers on the page now. `target`: the element whose dialog to flag `holdsTarget`.
 * `elements`: the page's elements when the caller already has them (deepElements of the document).
 */
export function openPageOverlays(
  doc: Document = document,
  target: Element | null = null,
  elements: readonly Element[] = deepElements(doc),
): PageOverlay[] {
  const win = doc.defaultView;
  const viewport = { width: win?.innerWidth ?? 0, height: win?.innerHeight ?? 0 };
  const members = elements.filter(isMember);
  if (members.length === 0) return [];
  const memberSet = new Set(members);
  // Nested members (a drawer component and the role=dialog panel it draws) are one overlay: its outermost.
  const groups = new Map<Element, Element[]>();
  for (const el of members) {
    let outer = el;
    for (const node of flatAncestors(el)) if (memberSet.has(node)) outer = node;
    const group = groups.get(outer) ?? [];
    group.push(el);
    groups.set(outer, group);
  }
  const holding = target ? new Set(flatAncestors(target, true)) : new Set<Element>();
  const out: PageOverlay[] = [];
  for (const group of groups.values()) {
    const rect = groupRect(group, viewport);
    if (!rect) continue;
    out.push({
      rect,
      modal: group.some(isModal),
      holdsTarget: group.some((el) => holding.has(el)),
    });
  }
  return out;
}

/** Whether two answers say the same (same rectangles, same flags, same order). */
export function samePageOverlays(a: readonly PageOverlay[], b: readonly PageOverlay[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function isMember(el: Element): boolean {
  const dialog = el.tagName === 'DIALOG' || DIALOG_ROLE.test(el.getAttribute('role') ?? '');
  const named = !dialog && isOverlayNamed(el);
  if (!(dialog || named) || !isOpenOverlay(el) || !isShown(el)) return false;
  // A component known by its name only must float over the page (an open accordion panel is not a drawer).
  return !named || floats(el) || floatingParts(el).length > 0;
}

const FLOATING = /^(fixed|absolute)$/;

function floats(el: Element): boolean {
  return FLOATING.test(el.ownerDocument.defaultView?.getComputedStyle(el).position ?? '');
}

/** The floating boxes a component draws at the top of its shadow root (its panel, when the host has no box). */
function floatingParts(el: Element): Element[] {
  return Array.from(el.shadowRoot?.children ?? []).filter(floats);
}

function isModal(el: Element): boolean {
  if (el.getAttribute('aria-modal') === 'true' || el.getAttribute('role') === 'alertdialog') return true;
  try {
    return el.tagName === 'DIALOG' && el.matches(':modal');
  } catch {
    // A browser without :modal: a <dialog> in the top layer covers the page anyway.
    return false;
  }
}

/**
 * The element's ancestors in the flat tree (what is drawn inside what): slotted content is inside the slot of
 * the component's shadow root, so a button slotted into a component's role=dialog counts as inside that dialog.
 */
function flatAncestors(el: Element, self = false): Element[] {
  const out: Element[] = self ? [el] : [];
  for (let node: Element | null = flatParent(el); node; node = flatParent(node)) out.push(node);
  return out;
}

function flatParent(el: Element): Element | null {
  return (el as Element & { assignedSlot?: Element | null }).assignedSlot ?? parentAcrossShadow(el);
}

/** The union of the group's boxes on screen, leaving out a backdrop-sized layer when a smaller box is inside. */
function groupRect(group: Element[], viewport: { width: number; height: number }): PageRect | null {
  const boxes = group
    .flatMap((el) => [el, ...floatingParts(el)])
    .map((el) => clip(el.getBoundingClientRect(), viewport))
    .filter((box) => box !== null);
  const area = viewport.width * viewport.height;
  const small = boxes.filter((box) => box.width * box.height < BACKDROP_SHARE * area);
  const used = small.length > 0 ? small : boxes;
  if (used.length === 0) return null;
  const left = Math.min(...used.map((b) => b.x));
  const top = Math.min(...used.map((b) => b.y));
  const right = Math.max(...used.map((b) => b.x + b.width));
  const bottom = Math.max(...used.map((b) => b.y + b.height));
  return { x: left, y: top, width: right - left, height: bottom - top };
}

function clip(rect: DOMRect, viewport: { width: number; height: number }): PageRect | null {
  const left = Math.max(0, Math.floor(rect.left));
  const top = Math.max(0, Math.floor(rect.top));
  const right = Math.min(viewport.width, Math.ceil(rect.right));
  const bottom = Math.min(viewport.height, Math.ceil(rect.bottom));
  return right > left && bottom > top ? { x: left, y: top, width: right - left, height: bottom - top } : null;
}

export interface PageOverlayWatch {
  /** The answer now (and what later changes are compared with); the caller's first read starts it. */
  read(): PageOverlay[];
  stop(): void;
}

export interface WatchPageOverlaysOptions {
  /** The element whose dialog to flag (the guide's current target), asked at each read. */
  target(): Element | null;
  /** Called, at most once per frame, when the answer or the viewport's size changed. */
  onChange(overlays: PageOverlay[]): void;
  win?: Window & typeof globalThis;
}

/** Attributes that open, close or move a dialog or drawer. */
const WATCHED_ATTRIBUTES = ['open', 'hidden', 'aria-hidden', 'aria-modal', 'role', 'class', 'style', 'inert'];
/** Frames read after the last change before the answer counts as settled (a sliding drawer keeps changing). */
const SETTLE_FRAMES = 6;

export function watchPageOverlays(options: WatchPageOverlaysOptions): PageOverlayWatch {
  const win = options.win ?? (globalThis as unknown as Window & typeof globalThis);
  const doc = win.document;
  const stopped = new AbortController();
  const observed = new WeakSet<Node>();
  const observers: MutationObserver[] = [];
  let elements: Element[] | null = null;
  let last: PageOverlay[] = [];
  let viewport = `${win.innerWidth}x${win.innerHeight}`;
  let settle = 0;
  let frame: number | null = null;
  let frameTimeout: ReturnType<typeof setTimeout> | null = null;

  const observe = (node: Node) => {
    if (observed.has(node)) return;
    observed.add(node);
    const observer = new win.MutationObserver((records) => {
      if (records.every(isOwnUi)) return;
      // New elements may bring new shadow roots and new dialogs: walk the page again at the next read.
      if (records.some((r) => r.type === 'childList')) elements = null;
      changed();
    });
    observer.observe(node, { childList: true, subtree: true, attributes: true, attributeFilter: WATCHED_ATTRIBUTES });
    observers.push(observer);
  };

  const read = (): PageOverlay[] => {
    if (!elements) {
      elements = deepElements(doc);
      for (const el of elements) if (el.shadowRoot) observe(el.shadowRoot);
    }
    last = openPageOverlays(doc, options.target(), elements);
    return last;
  };

  const check = () => {
    frame = null;
    if (frameTimeout !== null) clearTimeout(frameTimeout);
    frameTimeout = null;
    if (stopped.signal.aborted) return;
    const before = { overlays: last, viewport };
    const now = read();
    viewport = `${win.innerWidth}x${win.innerHeight}`;
    if (!samePageOverlays(before.overlays, now) || before.viewport !== viewport) {
      settle = SETTLE_FRAMES;
      options.onChange(now);
    }
    if (settle > 0) {
      settle--;
      schedule();
    }
  };

  // One read per frame however many events arrive; the timeout covers tabs where frames do not run.
  const schedule = () => {
    if (stopped.signal.aborted || frame !== null || frameTimeout !== null) return;
    frame = win.requestAnimationFrame(() => {
      if (frameTimeout !== null) check();
    });
    frameTimeout = setTimeout(() => {
      if (frame !== null) win.cancelAnimationFrame(frame);
      check();
    }, 100);
  };

  const changed = () => {
    settle = SETTLE_FRAMES;
    schedule();
  };

  observe(doc);
  const listen = { capture: true, passive: true, signal: stopped.signal };
  win.addEventListener('resize', changed, listen);
  win.addEventListener('scroll', changed, listen);
  win.addEventListener('transitionend', changed, listen);
  win.addEventListener('animationend', changed, listen);
  // `close` and `toggle` do not bubble, but a capturing listener on the window still hears them.
  win.addEventListener('close', changed, listen);
  win.addEventListener('toggle', changed, listen);

  return {
    read,
    stop() {
      stopped.abort();
      for (const observer of observers) observer.disconnect();
      observers.length = 0;
      if (frame !== null) win.cancelAnimationFrame(frame);
      if (frameTimeout !== null) clearTimeout(frameTimeout);
      frame = null;
      frameTimeout = null;
    },
  };
}

function isOwnUi(record: MutationRecord): boolean {
  const target = record.target as Node;
  const el = target.nodeType === 1 ? (target as Element) : target.parentElement;
  return el?.closest?.(OWN_UI_TAG) != null;
}
