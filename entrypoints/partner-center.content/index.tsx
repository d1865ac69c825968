/**
 * Wiring only: the page watcher feeds the overlay, the guide's tour and the capture controller; the overlay lives
 * in an open shadow root of its own. Runs on every Partner Center page; outside the flow it only notices
 * navigation, and the guide shows there only once started (so nothing is looked up on the page).
 */
import { createRoot } from 'react-dom/client';
import { Overlay } from '@/components/overlay/Overlay';
import { config } from '@/utils/config';
import { createTour, GUIDES } from '@/utils/guidance';
import { findTarget, OWN_UI_TAG, summarizePageState, watchPartnerCenter } from '@/utils/page-model';
import { isFromOwnExtension, onMessage, sendMessage } from '@/utils/protocol';
import { guideProgressItem } from '@/utils/storage';
import { createCaptureController, createOverlayStore, readingFor } from '@/utils/vault';
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
      sendCapture: (captureId, accountId) => sendMessage('sendCapture', { captureId, accountId }),
      getAccount: () => sendMessage('account'),
      currentReading: () => readingFor(watch.current(), store.getTenants()),
    });
    const tour = createTour({
      guides: GUIDES,
      findTarget: (id) => findTarget(id),
      load: () => guideProgressItem.getValue(),
      save: (progress) => guideProgressItem.setValue(progress),
    });
    ctx.onInvalidated(() => tour.destroy());
    // "Start the guide" from the popup or an expiry reminder: taken once, by the first page that asks.
    void Promise.all([tour.ready, sendMessage('takeGuideRequest').catch(() => null)]).then(([, request]) => {
      if (request) tour.begin(request.guide);
    });
    controller.subscribe(() => {
      if (controller.getState().view?.state === 'delivered') tour.notify('keyDelivered');
    });
    onMessage('captureChanged', (message) => {
      if (isFromOwnExtension(message.sender, browser.runtime.id)) controller.onCaptureChanged(message.data);
    });
    onMessage('accountChanged', (message) => {
      if (isFromOwnExtension(message.sender, browser.runtime.id)) controller.onAccountChanged(message.data);
    });

    const ui = await createShadowRootUi(ctx, {
      name: OWN_UI_TAG,
      position: 'inline',
      anchor: 'body',
      append: 'last',
      mode: 'open',
      css: overlayCss,
      onMount(container) {
        const root = createRoot(container);
        root.render(
          <Overlay
            store={store}
            controller={controller}
            tour={tour}
            onConnect={() => void sendMessage('openPairing')}
          />,
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
        tour.setPage(state);
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
