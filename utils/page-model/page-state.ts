/**
 * The one typed picture of the Partner Center page the rest of the extension consumes (guides, capture),
 * and its JSON-safe summary. The key is a secret: it lives in a SecretKey whose value is reachable only via
 * reveal(), so no JSON.stringify, structured clone, log line or test diff can carry it by accident.
 */
import type { KeyConfidence, KeyShape } from '@/utils/shapes';

import { guidsIn } from '@/utils/shapes';

export type { KeyConfidence, KeyShape } from '@/utils/shapes';

export const PAGE_KINDS = [
  'dashboard',
  'tenants',
  'userManagement',
  'applicationPage',
  'keyScreen',
  'unauthorized',
] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

/** A captured client secret. Only `reveal()` returns the value; everything else sees a redaction. */
export class SecretKey {
  readonly #value: string;
  readonly shape: KeyShape;
  readonly confidence: KeyConfidence;
  readonly length: number;

  constructor(value: string, shape: KeyShape, confidence: KeyConfidence) {
    this.#value = value;
    this.shape = shape;
    this.confidence = confidence;
    this.length = value.length;
    Object.freeze(this);
  }

  /** The plaintext, for sealing only. Never log, store or put it in the DOM. */
  reveal(): string {
    return this.#value;
  }

  /** Whether both hold the same value, without exposing either. */
  sameAs(other: SecretKey | null | undefined): boolean {
    return other instanceof SecretKey && other.#value === this.#value;
  }

  toJSON(): { redacted: true; shape: KeyShape; confidence: KeyConfidence; length: number } {
    return { redacted: true, shape: this.shape, confidence: this.confidence, length: this.length };
  }

  toString(): string {
    return `[redacted ${this.shape} key]`;
  }

  [inspectSymbol](): string {
    return this.toString();
  }
}

export interface Tenant {
  id?: string;
  domain?: string;
  name?: string;
}

/** An existing key listed on the application page: only its dates (ISO `YYYY-MM-DD` when readable). */
export interface ListedKey {
  created: string | null;
  expires: string | null;
  createdText: string;
  expiresText: string;
}

export type TenantsView = 'list' | 'associate' | 'create' | 'allSet';
export type UserManagementTab = 'users' | 'apps';
export type UserManagementView = 'list' | 'addApplication';

/**
 * Why no key is held yet: `settling` = a key-shaped value is on screen but not yet stable; `missing` = nothing
 * key-shaped; `masked`/`truncated` = only a hidden or cut-short value; `rendering` = its container is busy.
 */
export type KeyStatus = 'captured' | 'settling' | 'missing' | 'masked' | 'truncated' | 'rendering';

interface Base {
  /** The page address when read (memory only; not part of the summary). */
  url: string;
}

export interface DashboardState extends Base {
  kind: 'dashboard';
}

export interface TenantsState extends Base {
  kind: 'tenants';
  view: TenantsView;
  tenants: Tenant[];
}

export interface UserManagementState extends Base {
  kind: 'userManagement';
  tab: UserManagementTab;
  view: UserManagementView;
  /** No Partner Center label at all was found: a language or layout the page model does not know. */
  unrecognised?: boolean;
}

export interface ApplicationPageState extends Base {
  kind: 'applicationPage';
  appName: string | null;
  tenantId: string | null;
  clientId: string | null;
  keys: ListedKey[];
  /** Whether "Add new key" is on the page (it is missing for some users and apps). */
  canAddKey: boolean;
}

export interface ClientIdMismatch {
  keyScreen: string;
  applicationPage: string;
}

export interface KeyScreenState extends Base {
  kind: 'keyScreen';
  /** The Client ID to use: the application page's when one was seen in this tab, else the key screen's. */
  clientId: string | null;
  /** The Client ID shown on the key screen itself. */
  clientIdOnScreen: string | null;
  /** From the application page last seen in this tab (the key screen does not show them). */
  tenantId: string | null;
  appName: string | null;
  key: SecretKey | null;
  keyStatus: KeyStatus;
  confidence: KeyConfidence | null;
  keyExpiresAt: string | null;
  clientIdMismatch: ClientIdMismatch | null;
}

export interface UnauthorizedState extends Base {
  kind: 'unauthorized';
}

export type PageState =
  | DashboardState
  | TenantsState
  | UserManagementState
  | ApplicationPageState
  | KeyScreenState
  | UnauthorizedState;

export type PageStateOf<K extends PageKind> = Extract<PageState, { kind: K }>;

/** What the key screen extractor reads in one pass; the watcher turns it into a KeyScreenState once stable. */
export interface KeyScreenReading extends Base {
  kind: 'keyScreen';
  clientId: string | null;
  /** A key-shaped value seen in this pass: not yet trusted, it may still be rendering. */
  candidate: SecretKey | null;
  rejected: 'masked' | 'truncated' | 'rendering' | null;
  keyExpiresAt: string | null;
}

export type PageReading = Exclude<PageState, KeyScreenState> | KeyScreenReading;

/** The application page remembered for this tab, to complete and check the key screen. */
export interface RememberedApplication {
  appName: string | null;
  tenantId: string | null;
  clientId: string | null;
  /** When it was read (epoch ms): it completes a key screen only for REMEMBERED_APP_TTL_MS. */
  seenAt: number;
  /** GUIDs its URL named (an application id in the path or hash): a key screen whose URL names others is not its. */
  urlIds: string[];
}

/** Whether a remembered application page may complete the key screen at `url`, seen at `now`. */
export function completesKeyScreen(app: RememberedApplication, url: string, now: number): boolean {
  if (now - app.seenAt > REMEMBERED_APP_TTL_MS) return false;
  const ids = guidsIn(url);
  return !app.urlIds.length || !ids.length || ids.some((id) => app.urlIds.includes(id));
}

/** How long an application page read in this tab completes the key screens after it. */
export const REMEMBERED_APP_TTL_MS = 30 * 60_000;

/** Turns one key screen reading into a state, given the stable key (if any) and the remembered app page. */
export function keyScreenState(
  reading: KeyScreenReading,
  stableKey: SecretKey | null,
  app: RememberedApplication | null,
): KeyScreenState {
  const onScreen = reading.clientId;
  const fromApp = app?.clientId ?? null;
  const key = stableKey && reading.candidate && stableKey.sameAs(reading.candidate) ? stableKey : null;
  let keyStatus: KeyStatus = 'missing';
  if (key) keyStatus = 'captured';
  else if (reading.candidate) keyStatus = 'settling';
  else if (reading.rejected) keyStatus = reading.rejected;
  return {
    kind: 'keyScreen',
    url: reading.url,
    clientId: fromApp ?? onScreen,
    clientIdOnScreen: onScreen,
    tenantId: app?.tenantId ?? null,
    appName: app?.appName ?? null,
    key,
    keyStatus,
    confidence: key?.confidence ?? null,
    keyExpiresAt: reading.keyExpiresAt,
    clientIdMismatch:
      onScreen && fromApp && onScreen !== fromApp ? { keyScreen: onScreen, applicationPage: fromApp } : null,
  };
}

/** A JSON-safe description of a state without the secret: for `data-page-state`, tests and support. */
export type PageStateSummary =
  | { kind: 'dashboard' | 'unauthorized'; keyPresent: false }
  | { kind: 'tenants'; view: TenantsView; tenants: Tenant[]; keyPresent: false }
  | {
      kind: 'userManagement';
      tab: UserManagementTab;
      view: UserManagementView;
      keyPresent: false;
      /** Present (true) only when no label was recognised, so the usual summaries stay as they were. */
      unrecognised?: true;
    }
  | {
      kind: 'applicationPage';
      appName: string | null;
      tenantId: string | null;
      clientId: string | null;
      keys: { created: string | null; expires: string | null }[];
      canAddKey: boolean;
      keyPresent: false;
    }
  | {
      kind: 'keyScreen';
      appName: string | null;
      tenantId: string | null;
      clientId: string | null;
      keyPresent: boolean;
      keyStatus: KeyStatus;
      keyShape: KeyShape | null;
      confidence: KeyConfidence | null;
      keyLength: number | null;
      keyExpiresAt: string | null;
      clientIdMismatch: ClientIdMismatch | null;
    };

export function summarizePageState(state: PageState): PageStateSummary {
  switch (state.kind) {
    case 'dashboard':
    case 'unauthorized':
      return { kind: state.kind, keyPresent: false };
    case 'tenants':
      return {
        kind: 'tenants',
        view: state.view,
        tenants: state.tenants.map((t) => ({ ...t })),
        keyPresent: false,
      };
    case 'userManagement':
      return {
        kind: 'userManagement',
        tab: state.tab,
        view: state.view,
        keyPresent: false,
        ...(state.unrecognised ? { unrecognised: true as const } : {}),
      };
    case 'applicationPage':
      return {
        kind: 'applicationPage',
        appName: state.appName,
        tenantId: state.tenantId,
        clientId: state.clientId,
        keys: state.keys.map(({ created, expires }) => ({ created, expires })),
        canAddKey: state.canAddKey,
        keyPresent: false,
      };
    case 'keyScreen':
      return {
        kind: 'keyScreen',
        appName: state.appName,
        tenantId: state.tenantId,
        clientId: state.clientId,
        keyPresent: state.key !== null,
        keyStatus: state.keyStatus,
        keyShape: state.key?.shape ?? null,
        confidence: state.confidence,
        keyLength: state.key?.length ?? null,
        keyExpiresAt: state.keyExpiresAt,
        clientIdMismatch: state.clientIdMismatch ? { ...state.clientIdMismatch } : null,
      };
  }
}

/** Whether two states would look the same to every consumer (same summary, same URL, same key). */
export function samePageState(a: PageState | null, b: PageState | null): boolean {
  if (!a || !b) return a === b;
  if (a.url !== b.url) return false;
  if (JSON.stringify(summarizePageState(a)) !== JSON.stringify(summarizePageState(b))) return false;
  const keyA = a.kind === 'keyScreen' ? a.key : null;
  const keyB = b.kind === 'keyScreen' ? b.key : null;
  return keyA === null ? keyB === null : keyA.sameAs(keyB);
}
