/**
 * The one protocol map: every message between the extension's contexts, its payload schema (strict, with size
 * caps) and who may send it. The trust gate (`trust-gate.ts`) enforces this table; nothing else reads senders.
 * Types are named by direction: content → background, popup → background, background → content.
 */
// zod/mini: the same parsing as classic zod at a fraction of the bundle (the background ships it).
import * as z from 'zod/mini';
import { GUID_PATTERN, JWE_PATTERN } from '@/utils/shapes';
import type { AccountView, CaptureView, ClaimOutcome, PopupState, StoreOutcome } from './views';

const guid = z.string().check(z.regex(GUID_PATTERN));
const uuid = guid;
const compactJwe = z.string().check(z.maxLength(8192), z.regex(JWE_PATTERN));
const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const isoDateTime = z.iso.datetime({ offset: true }).check(z.maxLength(40));
const captureRef = z.strictObject({ captureId: uuid });
const nothing = z.undefined();

export const storeCaptureSchema = z.strictObject({
  captureId: uuid,
  tenantId: guid,
  clientId: guid,
  applicationName: z.nullable(z.string().check(z.maxLength(256))),
  keyExpiresAt: z.nullable(isoDate),
  capturedAt: isoDateTime,
  sealed: compactJwe,
  kid: z.string().check(z.minLength(1), z.maxLength(128)),
  confidence: z.enum(['high', 'low', 'shape', 'pasted']),
  clientIdMismatch: z.boolean(),
  /** SHA-256 (hex) of the key, so the same key captured again is known: never the key itself. */
  secretSha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
});

/** The guides the popup or a reminder can start in Partner Center: the first connection, or a key rotation. */
export const GUIDE_NAMES = ['connect', 'rotate'] as const;
export type GuideName = (typeof GUIDE_NAMES)[number];

const stepId = z.string().check(z.maxLength(120));
/** At most this many members in a map the page model or the guide keys by page kind or step. */
const fewKeys = <T extends z.ZodMiniType>(value: T) =>
  z.record(stepId, value).check(z.refine((map) => Object.keys(map).length <= 32));

/** The guide's progress as the content script keeps it (step ids only): strict and bounded like every message. */
export const guideProgressSchema = z.strictObject({
  guide: z.enum(GUIDE_NAMES),
  active: z.boolean(),
  completed: z.array(stepId).check(z.maxLength(200)),
  at: fewKeys(stepId),
  pages: fewKeys(z.strictObject({ dismissed: z.optional(z.boolean()), minimised: z.optional(z.boolean()) })),
});

export type SenderKind = 'content' | 'extensionPage';

/** Payload schema and allowed senders of each message the background answers. */
export const inbound = {
  /** content → background: a capture, already sealed in the page. Answered only once it is in storage. */
  storeCapture: { schema: storeCaptureSchema, from: ['content'] },
  /** content or popup → background: send (or send again) one capture. */
  sendCapture: {
    // The account the user's Send button named: the capture is sent to it and no other (null: not paired yet).
    schema: z.strictObject({ captureId: uuid, accountId: z.nullable(z.string().check(z.maxLength(64))) }),
    from: ['content', 'extensionPage'],
  },
  captureStatus: { schema: captureRef, from: ['content', 'extensionPage'] },
  /** popup → background: forget one sealed capture, after the user confirmed. */
  discardCapture: { schema: captureRef, from: ['extensionPage'] },
  /**
   * content → background: the application page lists the key created today with its expiry; a capture of that
   * application made today without an expiry learns it (utils/delivery/learned-expiry.ts decides, the page being
   * untrusted).
   */
  keyExpiryListed: {
    schema: z.strictObject({ clientId: guid, createdOn: isoDate, keyExpiresAt: isoDate }),
    from: ['content'],
  },
  /** content → background: who the send button names. */
  account: { schema: nothing, from: ['content', 'extensionPage'] },
  /** content → background: the user chose to pair from the overlay; open the pairing page. */
  openPairing: { schema: nothing, from: ['content'] },
  claimPairing: { schema: z.strictObject({ code: z.string().check(z.maxLength(64)) }), from: ['extensionPage'] },
  disconnect: { schema: nothing, from: ['extensionPage'] },
  popupState: { schema: z.strictObject({ refresh: z.boolean() }), from: ['extensionPage'] },
  /** popup → background: open Partner Center where the named guide starts. */
  openPartnerCenter: { schema: z.strictObject({ guide: z.enum(GUIDE_NAMES) }), from: ['extensionPage'] },
  /**
   * content → background: the guide's progress, read and written for the content script, which has no access to
   * storage (storage.local is for trusted contexts, where the browser allows that: the intake token lives there).
   */
  loadGuideProgress: { schema: nothing, from: ['content'] },
  saveGuideProgress: { schema: guideProgressSchema, from: ['content'] },
  /** content → background: the guide asked for by the popup or a reminder, taken once. */
  takeGuideRequest: { schema: nothing, from: ['content'] },
} as const satisfies Record<string, { schema: z.ZodMiniType; from: readonly SenderKind[] }>;

export type InboundType = keyof typeof inbound;
export type InboundData<T extends InboundType> = z.infer<(typeof inbound)[T]['schema']>;

export interface ProtocolMap {
  storeCapture(data: InboundData<'storeCapture'>): StoreOutcome;
  sendCapture(data: InboundData<'sendCapture'>): CaptureView;
  captureStatus(data: InboundData<'captureStatus'>): CaptureView;
  discardCapture(data: InboundData<'discardCapture'>): { discarded: boolean };
  keyExpiryListed(data: InboundData<'keyExpiryListed'>): void;
  account(): AccountView;
  openPairing(): void;
  claimPairing(data: InboundData<'claimPairing'>): ClaimOutcome;
  disconnect(): { disconnected: boolean };
  popupState(data: InboundData<'popupState'>): PopupState;
  openPartnerCenter(data: InboundData<'openPartnerCenter'>): void;
  takeGuideRequest(): { guide: GuideName } | null;
  loadGuideProgress(): InboundData<'saveGuideProgress'> | null;
  saveGuideProgress(data: InboundData<'saveGuideProgress'>): void;
  /** background → content: a capture of this tab changed state. */
  captureChanged(data: CaptureView): void;
  /** background → content: paired or disconnected, so the send button names the right account. */
  accountChanged(data: AccountView): void;
}
