/**
 * The in-page overlay: the guide for this page kind (anchored popover or docked panel) and, on the key screen,
 * the capture panel below it. Renders state only.
 */
import { useSyncExternalStore } from 'react';
import type { Tour } from '@/utils/guidance';
import type { PageState } from '@/utils/page-model';
import { strings } from '@/utils/strings';
import type { CaptureController, TenantChoice } from '@/utils/vault';
import { CapturePanel } from './CapturePanel';
import { GuideLayer } from './GuidePanel';
import { SupportReport } from './SupportReport';

/** Capture phases where the key is not sealed until the user answers: the panel then never folds away. */
const WAITS_ON_USER = new Set(['needTenant', 'confirmClientId', 'failed', 'missed']);

export interface OverlayStore {
  subscribe(listener: () => void): () => void;
  getPage(): PageState | null;
  getTenants(): TenantChoice[];
}

export function Overlay({
  store,
  controller,
  onConnect,
  tour,
  getSupportReport,
}: {
  store: OverlayStore;
  controller: CaptureController;
  onConnect: () => void;
  tour?: Tour;
  /** The page's structural report for Stactize support (computed only when the user asks for it). */
  getSupportReport?: () => string;
}) {
  const page = useSyncExternalStore(store.subscribe, store.getPage);
  const capture = useSyncExternalStore(controller.subscribe, controller.getState);
  const showCapture = page?.kind === 'keyScreen' || capture.phase !== 'idle';
  const unrecognised = !showCapture && page?.kind === 'userManagement' && page.unrecognised === true;
  return (
    <GuideLayer tour={tour} holdsKey={WAITS_ON_USER.has(capture.phase)}>
      {unrecognised && (
        <aside className="panel" aria-label={strings.productName}>
          <section className="capture" aria-labelledby="stactize-unrecognised-title">
            <h2 id="stactize-unrecognised-title">{strings.capture.unrecognisedPage.title}</h2>
            <p className="detail">{strings.capture.unrecognisedPage.body}</p>
            {getSupportReport && <SupportReport getReport={getSupportReport} />}
          </section>
        </aside>
      )}
      {showCapture && (
        <aside className="panel" aria-label={strings.productName}>
          <CapturePanel
            controller={controller}
            tenants={store.getTenants()}
            onConnect={onConnect}
            support={getSupportReport && <SupportReport getReport={getSupportReport} />}
          />
        </aside>
      )}
    </GuideLayer>
  );
}
