/**
 * The capture controller (content script): turns a key-screen reading into a sealed capture held by the
 * background, and keeps the state the capture panel renders. The key is read from the page model at the last
 * moment, sealed at once, and only the sealed form and identifiers leave this module.
 */
import type { SealingPublicJwk } from '@/config/build-config';
import type { AccountView, CaptureView, InboundData, StoreOutcome, StoreRefusal } from '@/utils/protocol';
import { isGuid } from '@/utils/shapes';
import { sealCredential } from './sealing';

export interface CaptureReading {
  clientId: string;
  tenantId: string | null;
  applicationName: string | null;
  keyExpiresAt: string | null;
  confidence: 'high' | 'low';
  /** The key screen and the application page showed different Client IDs: the user says which one is right. */
  clientIdMismatch: ClientIdChoice | null;
  /** Reads the key from the page model; the only way to it. */
  revealKey(): string;
}

export interface ClientIdChoice {
  keyScreen: string;
  applicationPage: string;
}

export type CapturePhase =
  | 'idle'
  /** The two Client IDs differ: nothing is sealed until the user picks one (a page could have planted either). */
  | 'confirmClientId'
  /** The key is on screen but the tenant is unknown: the user picks or pastes it, then it is sealed. */
  | 'needTenant'
  | 'securing'
  | 'secured'
  /** Sealing or handing over failed; the key is not secured. */
  | 'failed';

export interface CaptureState {
  phase: CapturePhase;
  view: CaptureView | null;
  account: AccountView;
  lowConfidence: boolean;
  /** While the phase is confirmClientId: the two IDs to choose from. */
  clientIdChoice: ClientIdChoice | null;
  failure: 'extension_reloaded' | 'sealing_failed' | StoreRefusal | null;
}

export interface CaptureDeps {
  sealingKey: SealingPublicJwk;
  storeCapture(data: InboundData<'storeCapture'>): Promise<StoreOutcome>;
  /** Send to the account the button named (null: not paired yet). */
  sendCapture(captureId: string, accountId: string | null): Promise<CaptureView>;
  getAccount(): Promise<AccountView>;
  /** The page model's current key-screen reading, or null when the key is no longer shown. */
  currentReading(): CaptureReading | null;
  now?: () => Date;
  randomUUID?: () => string;
  pause?: (ms: number) => Promise<void>;
}

async function fingerprint(key: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(key));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Pauses between hand-over attempts to a worker that may be starting: a refusal storm gains nothing. */
export const HANDOVER_PAUSES_MS = [250, 1000] as const;

export function createCaptureController(deps: CaptureDeps) {
  const now = deps.now ?? (() => new Date());
  const pause = deps.pause ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const randomUUID = deps.randomUUID ?? (() => crypto.randomUUID());
  // Digests of keys already captured on this page, so a re-render does not capture the same key twice while
  // "Add another key" (a new key) does. Digests of a random secret, in memory only.
  const captured = new Set<string>();
  const listeners = new Set<() => void>();
  let state: CaptureState = {
    phase: 'idle',
    view: null,
    account: { paired: false, accountId: null, accountName: null },
    lowConfidence: false,
    clientIdChoice: null,
    failure: null,
  };
  // The Client ID the user confirmed for a given pair of differing IDs on this page.
  let confirmed: { choice: ClientIdChoice; clientId: string } | null = null;
  const sameChoice = (a: ClientIdChoice, b: ClientIdChoice) =>
    a.keyScreen === b.keyScreen && a.applicationPage === b.applicationPage;
  /** The reading with the Client ID to seal, or null while the user has not said which of two differing ones. */
  function withClientId(reading: CaptureReading): CaptureReading | null {
    const mismatch = reading.clientIdMismatch;
    if (!mismatch) return reading;
    if (confirmed && sameChoice(confirmed.choice, mismatch)) return { ...reading, clientId: confirmed.clientId };
    return null;
  }
  let busy = false;

  function set(change: Partial<CaptureState>): void {
    state = { ...state, ...change };
    for (const listener of listeners) listener();
  }

  // The tenant of the last attempt, so that "Try again" after a failure does not ask for it twice.
  let lastTenant: string | null = null;

  async function seal(reading: CaptureReading, tenantId: string): Promise<void> {
    lastTenant = tenantId;
    const key = reading.revealKey();
    const digest = await fingerprint(key);
    if (captured.has(digest)) return;
    captured.add(digest);
    set({ phase: 'securing', view: null, failure: null, lowConfidence: reading.confidence === 'low' });
    const captureId = randomUUID();
    let sealed: string;
    try {
      sealed = await sealCredential(
        { captureId, tenantId, clientId: reading.clientId, revealSecret: () => key },
        deps.sealingKey,
      );
    } catch {
      captured.delete(digest);
      return set({ phase: 'failed', failure: 'sealing_failed' });
    }
    const message = {
      captureId,
      tenantId,
      clientId: reading.clientId,
      applicationName: reading.applicationName?.slice(0, 256) ?? null,
      keyExpiresAt: reading.keyExpiresAt,
      capturedAt: now().toISOString(),
      sealed,
      kid: deps.sealingKey.kid,
      confidence: reading.confidence,
      clientIdMismatch: reading.clientIdMismatch !== null,
      secretSha256: digest,
    };
    // The worker may be starting up: try a few times, with a pause between, before telling the user.
    for (const pauseMs of [...HANDOVER_PAUSES_MS, null]) {
      try {
        const outcome = await deps.storeCapture(message);
        if (!outcome.ok) {
          captured.delete(digest);
          return set({ phase: 'failed', failure: outcome.reason });
        }
        const account = await deps.getAccount().catch(() => state.account);
        return set({ phase: 'secured', view: outcome.view, account });
      } catch {
        if (pauseMs !== null) await pause(pauseMs);
      }
    }
    captured.delete(digest);
    set({ phase: 'failed', failure: 'extension_reloaded' });
  }

  async function run(task: () => Promise<void>): Promise<void> {
    if (busy) return;
    busy = true;
    try {
      await task();
    } finally {
      busy = false;
    }
  }

  function onReading(shown: CaptureReading): Promise<void> {
    return run(async () => {
      const reading = withClientId(shown);
      const digest = await fingerprint(shown.revealKey());
      if (captured.has(digest)) return;
      if (!reading) return set({ phase: 'confirmClientId', clientIdChoice: shown.clientIdMismatch, view: null });
      if (reading.tenantId) return seal(reading, reading.tenantId);
      set({ phase: 'needTenant', view: null });
    });
  }

  return {
    getState: () => state,
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** True while a key on this page is shown but not yet secured: leaving the page must ask first. */
    unsecured: () => ['needTenant', 'confirmClientId', 'securing', 'failed'].includes(state.phase),
    /** Called with each new page-model reading of the key screen. */
    onReading,
    /** The user said which of the two Client IDs is right; the key is read from the page again. */
    chooseClientId(which: keyof ClientIdChoice): Promise<'ok' | 'gone'> {
      const reading = deps.currentReading();
      const choice = reading?.clientIdMismatch;
      if (!reading || !choice) return Promise.resolve('gone');
      confirmed = { choice, clientId: choice[which] };
      set({ clientIdChoice: null });
      return onReading(reading).then(() => 'ok' as const);
    },
    /** The user chose or pasted the tenant; the key is read from the page again and sealed. */
    chooseTenant(tenantId: string): Promise<'ok' | 'invalid' | 'gone'> {
      const trimmed = tenantId.trim();
      if (!isGuid(trimmed)) return Promise.resolve('invalid');
      const shown = deps.currentReading();
      if (!shown) return Promise.resolve('gone');
      const reading = withClientId(shown);
      if (!reading) return Promise.resolve('gone');
      return run(() => seal(reading, trimmed)).then(() => 'ok' as const);
    },
    /** After a failure, the key still on screen: read it from the page again and seal it. */
    retry(): Promise<'ok' | 'gone'> {
      const shown = deps.currentReading();
      const reading = shown && withClientId(shown);
      if (!reading) return Promise.resolve('gone');
      const tenantId = reading.tenantId ?? lastTenant;
      if (!tenantId) {
        set({ phase: 'needTenant', failure: null });
        return Promise.resolve('ok');
      }
      return run(() => seal(reading, tenantId)).then(() => 'ok' as const);
    },
    async send(): Promise<void> {
      if (!state.view) return;
      set({ view: await deps.sendCapture(state.view.captureId, state.account.accountId) });
    },
    /** A state change pushed by the background for one of this page's captures. */
    onCaptureChanged(view: CaptureView): void {
      if (state.view && view.captureId === state.view.captureId) set({ view });
    },
    onAccountChanged(account: AccountView): void {
      set({ account });
    },
    async refreshAccount(): Promise<void> {
      set({ account: await deps.getAccount() });
    },
  };
}

export type CaptureController = ReturnType<typeof createCaptureController>;
