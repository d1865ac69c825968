/**
 * The page watcher: reads the Partner Center page into a PageState on start and whenever it changes, and
 * hands each new state to `onState` (identical states are not repeated).
 *
 * Lifetimes: everything belongs to the caller's AbortSignal; everything observing one page (MutationObservers,
 * timers, scheduled reads) also belongs to a page lifetime that ends on navigation, so nothing fires on the
 * wrong page. Cost: outside the flow only navigation is noticed; inside it, one MutationObserver per tree
 * (the document and each open shadow root, attached when first seen), reads batched to one per frame.
 * Key stability: a key is trusted only once a later read finds the same value: after `confirmMs` for a
 * current-shape (high-confidence) key, whose exact 40-char shape no partial value can have; after `settleMs`
 * for the low-confidence shapes, which a value still being rendered can pass through. A value that changes
 * starts over, so a value still changing is never trusted.
 */

import { guidsIn } from '@/utils/shapes';
import { deepShadowRoots, OWN_UI_TAG } from './dom';
import { matchesLabel } from './labels';
import { watchNavigation } from './navigation';
import {
  completesKeyScreen,
  keyScreenState,
  type PageReading,
  type PageState,
  REMEMBERED_APP_TTL_MS,
  type RememberedApplication,
  type SecretKey,
  samePageState,
} from './page-state';
import { isFlowUrl, readPage } from './pages';

export interface WatchPartnerCenterOptions {
  signal: AbortSignal;
  onState: (state: PageState) => void;
  /** The window to watch; defaults to the global one. */
  win?: Window & typeof globalThis;
  /** How long a low-confidence (previous or legacy shape) key must stay the same before it is trusted. */
  settleMs?: number;
  /** How long a current-shape key must stay the same (across a second read) before it is trusted; about a frame. */
  confirmMs?: number;
  /** Fallback location.href comparison interval. */
  hrefCheckMs?: number;
  /** How long to keep re-reading a flow page whose values have not appeared (values set as properties make no mutations). */
  lateValueWindowMs?: number;
  /** The slowest re-read while a key screen shows no key (it is re-read until it does, or goes away). */
  keyScreenRereadMs?: number;
}

export interface PartnerCenterWatch {
  /** The last state emitted, or null before the first (or off Partner Center). */
  current(): PageState | null;
}

const OBSERVED_ATTRIBUTES = ['value', 'aria-busy', 'aria-selected', 'hidden', 'aria-hidden', 'label', 'open'];

export function watchPartnerCenter(options: WatchPartnerCenterOptions): PartnerCenterWatch {
  const { signal, onState } = options;
  const win = options.win ?? (globalThis as unknown as Window & typeof globalThis);
  const settleMs = options.settleMs ?? 500;
  const confirmMs = options.confirmMs ?? 16;
  const lateValueWindowMs = options.lateValueWindowMs ?? 30_000;
  const keyScreenRereadMs = options.keyScreenRereadMs ?? 1000;

  let last: PageState | null = null;
  // Memory only, for this tab: the application page the key screen belongs to.
  let rememberedApp: RememberedApplication | null = null;
  // The application page completes the key screen that follows it, not one reached an hour later elsewhere.
  const appFor = (url: string, now: number) =>
    rememberedApp && completesKeyScreen(rememberedApp, url, now) ? rememberedApp : null;
  let page: AbortController | null = null;
  // When the user pressed "Add new key" in this tab: what follows is the key screen, whatever it looks like.
  let addKeyPressedAt: number | undefined;
  win.addEventListener(
    'click',
    (event) => {
      const path = event.composedPath() as Partial<Element>[];
      if (!event.isTrusted || path.some((node) => node.tagName === OWN_UI_TAG.toUpperCase())) return;
      if (path.some(pressesAddNewKey)) addKeyPressedAt = Date.now();
    },
    { capture: true, signal },
  );
  const hints = (now: number) => ({
    now,
    addKeyPressedAt,
    knownClientIds:
      rememberedApp?.clientId && now - rememberedApp.seenAt < REMEMBERED_APP_TTL_MS ? [rememberedApp.clientId] : [],
  });

  const emit = (state: PageState) => {
    if (samePageState(last, state)) return;
    last = state;
    onState(state);
  };

  const startPage = () => {
    page?.abort();
    if (signal.aborted) return;
    page = new AbortController();
    watchPage(page.signal);
  };

  const watchPage = (pageSignal: AbortSignal) => {
    const doc = win.document;
    const href = win.location.href;
    if (!isFlowUrl(href)) {
      // Outside the flow: one cheap read (no DOM access) and nothing observed.
      const reading = readPage(doc, href);
      if (reading) emit(toState(reading));
      return;
    }

    const observed = new WeakSet<Node>();
    const observers: MutationObserver[] = [];
    let frame: number | null = null;
    let frameTimeout: ReturnType<typeof setTimeout> | null = null;
    let tickTimer: ReturnType<typeof setTimeout> | null = null;
    let pending: { key: SecretKey; since: number } | null = null;
    let stableKey: SecretKey | null = null;
    // The late-value window starts when a kind first shows (a key screen may open in a drawer long after the
    // page did), and on a key screen it lasts until a key is read or the screen goes away.
    let kindSince = { kind: '', at: Date.now() };
    let retryMs = settleMs;

    pageSignal.addEventListener(
      'abort',
      () => {
        for (const observer of observers) observer.disconnect();
        observers.length = 0;
        if (frame !== null) win.cancelAnimationFrame?.(frame);
        if (frameTimeout !== null) clearTimeout(frameTimeout);
        if (tickTimer !== null) clearTimeout(tickTimer);
      },
      { once: true },
    );

    const observe = (target: Node) => {
      if (observed.has(target) || pageSignal.aborted) return;
      observed.add(target);
      const observer = new win.MutationObserver((records) => {
        if (records.every(isOwnUi)) return;
        nav.check();
        schedule();
      });
      observer.observe(target, {
        childList: true,
        subtree: true,
        characterData: true,
        attributes: true,
        attributeFilter: OBSERVED_ATTRIBUTES,
      });
      observers.push(observer);
    };

    // One read per frame however many mutations arrive; the timeout covers background tabs, where
    // requestAnimationFrame does not run.
    const schedule = () => {
      if (pageSignal.aborted || frame !== null || frameTimeout !== null) return;
      const run = () => {
        if (frame !== null) win.cancelAnimationFrame?.(frame);
        if (frameTimeout !== null) clearTimeout(frameTimeout);
        frame = null;
        frameTimeout = null;
        read();
      };
      if (typeof win.requestAnimationFrame === 'function') frame = win.requestAnimationFrame(run);
      frameTimeout = setTimeout(run, 100);
    };

    const scheduleTick = (ms: number) => {
      if (tickTimer !== null) clearTimeout(tickTimer);
      tickTimer = setTimeout(() => {
        tickTimer = null;
        read();
      }, ms);
    };

    const read = () => {
      if (pageSignal.aborted) return;
      for (const root of deepShadowRoots(doc)) observe(root);
      const reading = readPage(doc, win.location.href, hints(Date.now()));
      if (!reading) return;
      if (reading.kind !== kindSince.kind) {
        kindSince = { kind: reading.kind, at: Date.now() };
        retryMs = settleMs;
      }
      let state: PageState;
      if (reading.kind === 'keyScreen') {
        const candidate = reading.candidate;
        const now = Date.now();
        if (!candidate) {
          pending = null;
          stableKey = null;
        } else if (!stableKey?.sameAs(candidate)) {
          stableKey = null;
          const holdMs = candidate.confidence === 'high' ? confirmMs : settleMs;
          if (!pending?.key.sameAs(candidate)) {
            // First sight: never trusted in the same read, however short the hold.
            pending = { key: candidate, since: now };
            scheduleTick(holdMs);
          } else if (now - pending.since >= holdMs) {
            stableKey = pending.key;
            pending = null;
          } else scheduleTick(holdMs - (now - pending.since));
        }
        state = keyScreenState(reading, stableKey, appFor(reading.url, now));
      } else {
        pending = null;
        stableKey = null;
        state = toState(reading);
      }
      if (state.kind === 'applicationPage' && state.clientId)
        rememberedApp = {
          appName: state.appName,
          tenantId: state.tenantId,
          clientId: state.clientId,
          seenAt: Date.now(),
          urlIds: guidsIn(state.url),
        };
      emit(state);
      // Values set as properties (an input's value) make no mutation: re-read for a while, backing off; on a
      // key screen without its key, at least every keyScreenRereadMs for as long as it shows.
      const onKeyScreen = state.kind === 'keyScreen';
      const inWindow = onKeyScreen || Date.now() - kindSince.at < lateValueWindowMs;
      if (tickTimer === null && waitingForValues(state) && inWindow) {
        scheduleTick(retryMs);
        retryMs = Math.min(retryMs * 1.5, onKeyScreen ? keyScreenRereadMs : 2000);
      }
    };

    observe(doc);
    read();
  };

  const toState = (reading: PageReading): PageState =>
    reading.kind === 'keyScreen' ? keyScreenState(reading, null, appFor(reading.url, Date.now())) : reading;

  const nav = watchNavigation({
    win,
    signal,
    hrefCheckMs: options.hrefCheckMs,
    onNavigate: () => startPage(),
  });
  signal.addEventListener('abort', () => page?.abort(), { once: true });
  startPage();
  return { current: () => last };
}

/** Flow pages whose key or identifiers may still arrive. */
function waitingForValues(state: PageState): boolean {
  if (state.kind === 'keyScreen') return state.keyStatus !== 'captured';
  if (state.kind === 'applicationPage') return !state.clientId || !state.tenantId;
  // A User management view whose address names an application may become its page or its key screen by values
  // alone (set as properties, no mutation).
  if (state.kind === 'userManagement') return guidsIn(state.url).length > 0;
  return false;
}

/** Whether a node on a click's path is an "Add new key" control (its text, label or aria-label says so). */
function pressesAddNewKey(node: Partial<Element>): boolean {
  if (node.nodeType !== 1) return false;
  const text = node.getAttribute?.('aria-label') ?? node.textContent ?? '';
  return text.length <= 80 && matchesLabel(text, 'addNewKey');
}

function isOwnUi(record: MutationRecord): boolean {
  const target = record.target as Node;
  const el = target.nodeType === 1 ? (target as Element) : target.parentElement;
  return el?.closest?.(OWN_UI_TAG) != null;
}
