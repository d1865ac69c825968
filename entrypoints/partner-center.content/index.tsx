/**
 * Wiring only: the page watcher feeds the overlay and the capture controller; the overlay lives in an open
 * shadow root of its own. Runs on every Partner Center page; outside the flow it only notices navigation.
 */
import { createRoot } from 'react-dom/client';
import { Overlay } from '@/components/overlay/Overlay';
import { createCaptureController } from '@/utils/capture';
import { config } from '@/utils/config';
import { onMessage, sendMessage } from '@/utils/messaging';
import { createOverlayStore, readingFor } from '@/utils/overlay-store';
import { summarizePageState, watchPartnerCenter } from '@/utils/partner-center';
import overlayCss from './style.css?inline';

export default defineContentScript({
  matches: ['https://partner.microsoft.com/*'],
  // CSS goes into the shadow root as text: no web_accessible_resources needed.
  cssInjectionMode: 'manual',
  async main(ctx) {
    const sealingKey = config.sealingKey;
    if (!sealingKey) return;
    const store = createOverlayStore();
    const controller = createCaptureController({
      sealingKey,
      storeCapture: (data) => sendMessage('storeCapture', data),
      sendCapture: (captureId) => sendMessage('sendCapture', { captureId }),
      getAccount: () => sendMessage('account'),
      currentReading: () => readingFor(watch.current(), store.getTenants()),
    });
    onMessage('captureChanged', ({ data, sender }) => {
      if (sender.id === browser.runtime.id) controller.onCaptureChanged(data);
    });
    onMessage('accountChanged', ({ data, sender }) => {
      if (sender.id === browser.runtime.id) controller.onAccountChanged(data);
    });

    const ui = await createShadowRootUi(ctx, {
      name: 'stactize-companion',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      mode: 'open',
      css: overlayCss,
      onMount(container) {
        const root = createRoot(container);
        root.render(
          <Overlay store={store} controller={controller} onConnect={() => void sendMessage('openPairing')} />,
        );
        return root;
      },
      onRemove(root) {
        root?.unmount();
      },
    });
    ui.mount();

    const abort = new AbortController();
    ctx.onInvalidated(() => abort.abort());
    const watch = watchPartnerCenter({
      signal: abort.signal,
      onState(state) {
        ui.shadowHost.setAttribute('data-page-state', JSON.stringify(summarizePageState(state)));
        store.setPage(state);
        const reading = readingFor(state, store.getTenants());
        if (reading) void controller.onReading(reading);
      },
    });

    // The user may pair in another tab, then come back to send.
    ctx.addEventListener(document, 'visibilitychange', () => {
      if (document.visibilityState === 'visible') void controller.refreshAccount().catch(() => undefined);
    });
    // Leaving while a key on this page is shown but not yet secured asks first.
    ctx.addEventListener(window, 'beforeunload', (event) => {
      if (controller.unsecured()) event.preventDefault();
    });
    void controller.refreshAccount().catch(() => undefined);
  },
});
