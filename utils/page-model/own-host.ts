/**
 * Our overlay's host stays in the page: if the page removes it (or replaces the body), it is put back, with its
 * state, as long as `signal` lives. Watches only the direct children of <html> and <body>: no subtree.
 */
export function keepAttached(host: Element, signal: AbortSignal, doc: Document = document): void {
  const restore = () => {
    if (signal.aborted || host.isConnected) return;
    (doc.body ?? doc.documentElement).append(host);
  };
  const observer = new MutationObserver(() => {
    restore();
    if (doc.body) observer.observe(doc.body, { childList: true });
  });
  observer.observe(doc.documentElement, { childList: true });
  if (doc.body) observer.observe(doc.body, { childList: true });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}
