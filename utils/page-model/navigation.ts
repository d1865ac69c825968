/**
 * Noticing Partner Center's client-side navigation from a content script. The script runs in an isolated
 * world, so it cannot wrap the page's history.pushState; instead it listens to the Navigation API where the
 * browser has one (it reports pushState/replaceState of any world), hashchange and popstate, and compares
 * location.href cheaply on a slow timer and whenever the caller asks (e.g. after DOM changes).
 */

export interface NavigationWatch {
  /** Compares location.href now; calls onNavigate if it changed. Cheap: one string comparison. */
  check(): void;
}

export interface WatchNavigationOptions {
  win: Window;
  signal: AbortSignal;
  onNavigate: (href: string) => void;
  /** Interval of the fallback href comparison; 0 turns it off. */
  hrefCheckMs?: number;
}

interface NavigationLike extends EventTarget {
  currentEntry?: unknown;
}

export function watchNavigation({
  win,
  signal,
  onNavigate,
  hrefCheckMs = 1000,
}: WatchNavigationOptions): NavigationWatch {
  let last = win.location.href;
  const check = () => {
    if (signal.aborted) return;
    const href = win.location.href;
    if (href === last) return;
    last = href;
    onNavigate(href);
  };
  if (signal.aborted) return { check };
  const options = { signal } as AddEventListenerOptions;
  const navigation = (win as unknown as { navigation?: NavigationLike }).navigation;
  if (navigation && typeof navigation.addEventListener === 'function') {
    navigation.addEventListener('navigatesuccess', check, options);
    // Fires for pushState/replaceState even where navigatesuccess waits for an intercepted handler.
    navigation.addEventListener('currententrychange', () => queueMicrotask(check), options);
  }
  win.addEventListener('hashchange', check, options);
  win.addEventListener('popstate', check, options);
  if (hrefCheckMs > 0) {
    const timer = win.setInterval(check, hrefCheckMs);
    signal.addEventListener('abort', () => win.clearInterval(timer), { once: true });
  }
  return { check };
}
