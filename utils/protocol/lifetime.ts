/**
 * How long a content script's work lives: until the extension itself ends (updated, reloaded, removed), which a
 * content script sees as its runtime id being gone. Never until a page says so: WXT's context also ends on a
 * "newer copy started" event that any page script can dispatch, and a page must not be able to stop the watcher,
 * the leave-page guard or a capture waiting for its tenant.
 */
export interface ExtensionLifetime {
  /** Aborted once, when the extension has ended. */
  signal: AbortSignal;
  /** Whether the extension still lives (checks now, and ends the lifetime if it does not). */
  alive(): boolean;
}

export function extensionLifetime(
  extensionAlive: () => boolean = () => browser.runtime?.id != null,
  pollMs = 2_000,
): ExtensionLifetime {
  const controller = new AbortController();
  const alive = () => {
    if (!controller.signal.aborted && !extensionAlive()) controller.abort();
    return !controller.signal.aborted;
  };
  // Nothing tells a content script that its extension ended; a cheap look every few seconds does.
  const timer = setInterval(alive, pollMs);
  controller.signal.addEventListener('abort', () => clearInterval(timer), { once: true });
  return { signal: controller.signal, alive };
}
