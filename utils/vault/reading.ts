/**
 * The content script's small store between the page watcher and the overlay: the current page state and the
 * tenants seen on this tab. `readingFor` adapts a key-screen state to what the capture controller needs.
 */
import type { PageState } from '@/utils/page-model';
import type { CaptureReading } from './capture';

/** A tenant seen on this tab's Tenants page, offered when the key screen does not say which tenant it is. */
export interface TenantChoice {
  id: string;
  label: string;
}

export function createOverlayStore() {
  const listeners = new Set<() => void>();
  let page: PageState | null = null;
  let tenants: TenantChoice[] = [];
  return {
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getPage: () => page,
    getTenants: () => tenants,
    setPage(next: PageState): void {
      page = next;
      if (next.kind === 'tenants' && next.tenants.some((t) => t.id)) {
        tenants = next.tenants
          .filter((t): t is typeof t & { id: string } => Boolean(t.id))
          .map((t) => ({ id: t.id, label: [t.name, t.domain, t.id].filter(Boolean).join(' · ') }));
      }
      for (const listener of listeners) listener();
    },
  };
}

/**
 * The key screen's reading for the capture controller, or null when no stable key is shown. The tenant comes
 * from the application page seen in this tab or, failing that, from the Tenants page when it listed just one.
 */
export function readingFor(state: PageState | null, tenants: TenantChoice[] = []): CaptureReading | null {
  if (state?.kind !== 'keyScreen' || !state.key || !state.clientId) return null;
  const key = state.key;
  return {
    clientId: state.clientId,
    tenantId: state.tenantId ?? (tenants.length === 1 ? (tenants[0]?.id ?? null) : null),
    applicationName: state.appName,
    keyExpiresAt: state.keyExpiresAt,
    confidence: key.confidence,
    clientIdMismatch: state.clientIdMismatch,
    revealKey: () => key.reveal(),
  };
}

/**
 * On an application page: the key listed as created today, with its expiry, when exactly one is (the key this
 * device may have captured without an expiry; never an older key's date). `today` is the local `YYYY-MM-DD`.
 */
export function listedExpiryFor(
  state: PageState | null,
  today: string,
): { clientId: string; createdOn: string; keyExpiresAt: string } | null {
  if (state?.kind !== 'applicationPage' || !state.clientId) return null;
  const created = state.keys.filter((key) => key.created === today);
  const [only] = created;
  if (created.length !== 1 || !only?.expires) return null;
  return { clientId: state.clientId, createdOn: today, keyExpiresAt: only.expires };
}
