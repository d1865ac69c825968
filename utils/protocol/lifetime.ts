/**
 * How long a content script's work lives: until the extension itself ends (updated, reloaded, removed), which a
 * content script sees as its runtime id being gone. Never until a page says so: WXT's context also ends on a
 * "newer copy started" event that any page script can dispatch, and a page must not be able to stop the watcher,
 * the leave-page guard or a capture waiting for its tenant.
 *
 * A newer copy of our own content script (injected again on install or update) does end the older one: through a
 * property of the content script's own global, which only our copies share (the page's script runs in another
 * world, or behind Firefox's Xray wrappers, and cannot see or set it).
 */
export interface ExtensionLifetime {
  /** Aborted once, when the extension has ended. */
  signal: AbortSignal;
  /** Whether the extension still lives (checks now, and ends the lifetime if it does not). */
  alive(): boolean;
}

/** Where the running copy of our content script leaves its ending, for a newer copy to call. */
const RUNNING_COPY = Symbol.for('stactize-companion.running-copy');
type Registry = { [RUNNING_COPY]?: { end(): void } };

export function extensionLifetime(
  extensionAlive: () => boolean = () => browser.runtime?.id != null,
  pollMs = 2_000,
  scope: Registry = globalThis as Registry,
): ExtensionLifetime {
  const controller = new AbortController();
  // One copy at a time: the newest, as WXT intends, but decided only by our own copies.
  scope[RUNNING_COPY]?.end();
  const self = { end: () => controller.abort() };
  scope[RUNNING_COPY] = self;
  controller.signal.addEventListener(
    'abort',
    () => {
      if (scope[RUNNING_COPY] === self) delete scope[RUNNING_COPY];
    },
    { once: true },
  );
  const alive = () => {
    if (!controller.signal.aborted && !extensionAlive()) controller.abort();
    return !controller.signal.aborted;
  };
  // Nothing tells a content script that its extension ended; a cheap look every few seconds does.
  const timer = setInterval(alive, pollMs);
  controller.signal.addEventListener('abort', () => clearInterval(timer), { once: true });
  return { signal: controller.signal, alive };
}
