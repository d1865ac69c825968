/** The in-page overlay: what the extension shows on a Partner Center page, by page kind. Renders state only. */
import { useSyncExternalStore } from 'react';
import type { CaptureController } from '@/utils/capture';
import type { PageState } from '@/utils/partner-center';
import { CapturePanel, type TenantChoice } from './CapturePanel';

export interface OverlayStore {
  subscribe(listener: () => void): () => void;
  getPage(): PageState | null;
  getTenants(): TenantChoice[];
}

export function Overlay({
  store,
  controller,
  onConnect,
}: {
  store: OverlayStore;
  controller: CaptureController;
  onConnect: () => void;
}) {
  const page = useSyncExternalStore(store.subscribe, store.getPage);
  const capture = useSyncExternalStore(controller.subscribe, controller.getState);
  const showCapture = page?.kind === 'keyScreen' || capture.phase !== 'idle';
  if (!showCapture) return null;
  return (
    <aside className="panel" aria-label="Stactize companion">
      <CapturePanel controller={controller} tenants={store.getTenants()} onConnect={onConnect} />
    </aside>
  );
}
