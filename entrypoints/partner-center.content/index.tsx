/**
 * Wiring only: the page watcher feeds the overlay, the guide's tour and the capture controller; the overlay lives
 * in an open shadow root of its own. Runs on every Partner Center page; outside the flow it only notices
 * navigation, and the guide shows there only once started (so nothing is looked up on the page).
 */
import { createRoot } from 'react-dom/client';
import { Overlay } from '@/components/overlay/Overlay';
import { config } from '@/utils/config';
import { createTour, GUIDES } from '@/utils/guidance';
import {
  describePage,
  findTarget,
  formatReport,
  keepAttached,
  OWN_UI_TAG,
  type PageState,
  summarizePageState,
  watchPageOverlays,
  watchPartnerCenter,
} from '@/utils/page-model';
import { extensionLifetime, isFromOwnExtension, onMessage, sendMessage } from '@/utils/protocol';
import { localDay } from '@/utils/shapes';
import { createCaptureController, createOverlayStore, listedExpiryFor, readingFor } from '@/utils/vault';
import overlayCss from './style.css?inline';

export default defineContentScript({
  matches: ['https://partner.microsoft.com/*'],
  // CSS goes into the shadow root as text: no web_accessible_resources needed.
  cssInjectionMode: 'manual',
  async main(ctx) {
    const sealingKey = config.sealingKey;
    if (!sealingKey) return;
    // Everything below lives until the extension ends, not until WXT's context does (a page can end that).
    const life = extensionLifetime();
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
      // A worker still starting may miss one: the guide then starts from its first step, nothing else is lost.
      load: () => sendMessage('loadGuideProgress').catch(() => null),
      save: (progress) => sendMessage('saveGuideProgress', progress).catch(() => undefined),
      // Partner Center's own dialogs and drawers: the overlay yields to them.
      pageOverlays: (watch) => watchPageOverlays(watch),
    });
    life.signal.addEventListener('abort', () => tour.destroy(), { once: true });
    // "Start the guide" from the popup or an expiry reminder: taken once, by the first page that asks.
    void Promise.all([tour.ready, sendMessage('takeGuideRequest').catch(() => null)]).then(([, request]) => {
      if (request) tour.begin(request.guide);
    });
    controller.subscribe(() => {
      const view = controller.getState().view;
      if (view?.state === 'delivered') tour.notify('keyDelivered');
      if (view?.verification?.status === 'verified') tour.notify('keyVerified');
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
            getSupportReport={() => formatReport(describePage(document, location.href))}
          />,
        );
        return root;
      },
      onRemove(root) {
        root?.unmount();
      },
    });
    ui.mount();
    // WXT removes the overlay when its context ends; while the extension lives, that was a page's doing.
    ctx.onInvalidated(() => {
      if (life.alive()) ui.mount();
    });
    life.signal.addEventListener('abort', () => ui.remove(), { once: true });
    keepAttached(ui.shadowHost, life.signal);

    // The key screen showed no expiry: the application page lists the key created today with its date.
    let listedSent = '';
    const reportListedExpiry = (state: PageState) => {
      const listed = listedExpiryFor(state, localDay(Date.now()));
      const said = JSON.stringify(listed);
      if (!listed || said === listedSent) return;
      listedSent = said;
      void sendMessage('keyExpiryListed', listed).catch(() => undefined);
    };

    const watch = watchPartnerCenter({
      signal: life.signal,
      onState(state) {
        ui.shadowHost.setAttribute('data-page-state', JSON.stringify(summarizePageState(state)));
        store.setPage(state);
        tour.setPage(state);
        controller.onPage(state);
        reportListedExpiry(state);
        const reading = readingFor(state, store.getTenants());
        if (reading) void controller.onReading(reading);
      },
    });

    // The user may pair in another tab, then come back to send.
    document.addEventListener(
      'visibilitychange',
      () => {
        if (document.visibilityState === 'visible') void controller.refreshAccount().catch(() => undefined);
      },
      { signal: life.signal },
    );
    // Leaving while a key on this page is shown but not yet secured asks first.
    window.addEventListener(
      'beforeunload',
      (event) => {
        if (controller.unsecured()) event.preventDefault();
      },
      { signal: life.signal },
    );
    void controller.refreshAccount().catch(() => undefined);
  },
});
