/**
 * The capture controller (content script): turns a key-screen reading into a sealed capture held by the
 * background, and keeps the state the capture panel renders. The key is read from the page model at the last
 * moment, sealed at once, and only the sealed form and identifiers leave this module.
 */
import type { SealingPublicJwk } from '@/config/build-config';
import type { KeyStatus, PageState } from '@/utils/page-model';
import type { AccountView, CaptureView, InboundData, StoreOutcome, StoreRefusal } from '@/utils/protocol';
import { classifyKey, isGuid, type KeyConfidence } from '@/utils/shapes';
import { sealCredential } from './sealing';

export interface CaptureReading {
  clientId: string;
  tenantId: string | null;
  applicationName: string | null;
  keyExpiresAt: string | null;
  confidence: KeyConfidence;
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
  | 'failed'
  /** The key screen is shown but no key was read within MISS_AFTER_MS: the safety net (paste it) is offered. */
  | 'missed';

/** Why the safety net shows: what the page model saw instead of a key, or that it found no Client ID. */
export type MissReason = Exclude<KeyStatus, 'captured'> | 'noClientId';

/** How long the key screen may show without a key secured before the user is told and offered to paste it. */
export const MISS_AFTER_MS = 2000;

export interface CaptureState {
  phase: CapturePhase;
  view: CaptureView | null;
  account: AccountView;
  /** How the key being secured was recognised (null before): an older shape or by shape alone gets a note. */
  confidence: KeyConfidence | null;
  /** While the phase is missed: why, and the identifiers the page did show (to prefill the paste form). */
  miss: { reason: MissReason; clientId: string | null; tenantId: string | null } | null;
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
    confidence: null,
    miss: null,
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
    set({ phase: 'securing', view: null, failure: null, miss: null, confidence: reading.confidence });
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
    stopMissTimer();
    return run(async () => {
      const reading = withClientId(shown);
      const digest = await fingerprint(shown.revealKey());
      if (captured.has(digest)) return;
      if (!reading) return set({ phase: 'confirmClientId', clientIdChoice: shown.clientIdMismatch, view: null });
      if (reading.tenantId) return seal(reading, reading.tenantId);
      set({ phase: 'needTenant', view: null });
    });
  }

  // The safety net: a key screen with no key secured for MISS_AFTER_MS says so and offers to paste the key.
  let onKeyScreen = false;
  let missTimer: ReturnType<typeof setTimeout> | null = null;
  let lastPage: PageState | null = null;
  const stopMissTimer = () => {
    if (missTimer !== null) clearTimeout(missTimer);
    missTimer = null;
  };
  function missReason(page: PageState | null): MissReason | null {
    if (page?.kind !== 'keyScreen') return null;
    if (page.keyStatus === 'captured') return page.clientId ? null : 'noClientId';
    return page.keyStatus;
  }
  function checkMissed(): void {
    missTimer = null;
    const reason = missReason(lastPage);
    if (!reason || lastPage?.kind !== 'keyScreen' || !['idle', 'missed'].includes(state.phase)) return;
    set({ phase: 'missed', miss: { reason, clientId: lastPage.clientId, tenantId: lastPage.tenantId } });
  }

  return {
    getState: () => state,
    /**
     * Every page state. On a key screen that shows no readable key, the safety net opens after MISS_AFTER_MS;
     * leaving the key screen closes it (nothing was captured, so nothing is lost).
     */
    onPage(page: PageState): void {
      lastPage = page;
      onKeyScreen = page.kind === 'keyScreen';
      const reason = missReason(page);
      if (!reason) {
        stopMissTimer();
        if (state.phase === 'missed') set({ phase: 'idle', miss: null });
        return;
      }
      if (state.phase === 'missed' && page.kind === 'keyScreen')
        set({ miss: { reason, clientId: page.clientId, tenantId: page.tenantId } });
      else if (state.phase === 'idle' && missTimer === null) missTimer = setTimeout(checkMissed, MISS_AFTER_MS);
    },
    /**
     * The safety net: the user pasted the key (read from the paste event, never from a field). It is checked for
     * a key shape and sealed at once with the identifiers given; on any refusal it is dropped, never kept.
     */
    pasteKey(pasted: string, ids: { clientId: string; tenantId: string }): Promise<'ok' | 'not_a_key' | 'invalid_ids'> {
      const reading = classifyKey(pasted.trim());
      if (!reading.ok) return Promise.resolve('not_a_key');
      const clientId = ids.clientId.trim().toLowerCase();
      const tenantId = ids.tenantId.trim().toLowerCase();
      if (!isGuid(clientId) || !isGuid(tenantId)) return Promise.resolve('invalid_ids');
      const value = reading.value;
      const page = lastPage?.kind === 'keyScreen' ? lastPage : null;
      stopMissTimer();
      return run(() =>
        seal(
          {
            clientId,
            tenantId,
            applicationName: page?.appName ?? null,
            keyExpiresAt: page?.keyExpiresAt ?? null,
            confidence: 'pasted',
            clientIdMismatch: null,
            revealKey: () => value,
          },
          tenantId,
        ),
      ).then(() => 'ok' as const);
    },
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** True while a key on this page is shown but not yet secured: leaving the page must ask first. */
    unsecured: () =>
      ['needTenant', 'confirmClientId', 'securing', 'failed', 'missed'].includes(state.phase) ||
      (onKeyScreen && state.phase === 'idle'),
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
