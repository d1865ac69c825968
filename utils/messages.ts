/**
 * The one protocol map: every message between the extension's contexts, its payload schema (strict, with size
 * caps) and who may send it. The trust gate (`trust-gate.ts`) enforces this table; nothing else reads senders.
 * Types are named by direction: content → background, popup → background, background → content.
 */
import { z } from 'zod';
import type { OutboxError, OutboxState } from './outbox';

const guid = z.string().regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/);
const uuid = z.string().regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/);
const compactJwe = z
  .string()
  .max(8192)
  .regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const isoDateTime = z
  .string()
  .max(40)
  .pipe(z.iso.datetime({ offset: true }));
const captureRef = z.strictObject({ captureId: uuid });
const nothing = z.undefined();

export const storeCaptureSchema = z.strictObject({
  captureId: uuid,
  tenantId: guid,
  clientId: guid,
  applicationName: z.string().max(256).nullable(),
  keyExpiresAt: isoDate.nullable(),
  capturedAt: isoDateTime,
  sealed: compactJwe,
  kid: z.string().min(1).max(128),
  confidence: z.enum(['high', 'low']),
  clientIdMismatch: z.boolean(),
});

export type SenderKind = 'content' | 'extensionPage';

/** Payload schema and allowed senders of each message the background answers. */
export const inbound = {
  /** content → background: a capture, already sealed in the page. Answered only once it is in storage. */
  storeCapture: { schema: storeCaptureSchema, from: ['content'] },
  /** content or popup → background: send (or send again) one capture. */
  sendCapture: { schema: captureRef, from: ['content', 'extensionPage'] },
  captureStatus: { schema: captureRef, from: ['content', 'extensionPage'] },
  /** popup → background: forget one sealed capture, after the user confirmed. */
  discardCapture: { schema: captureRef, from: ['extensionPage'] },
  /** content → background: who the send button names. */
  account: { schema: nothing, from: ['content', 'extensionPage'] },
  /** content → background: the user chose to pair from the overlay; open the pairing page. */
  openPairing: { schema: nothing, from: ['content'] },
  claimPairing: { schema: z.strictObject({ code: z.string().max(64) }), from: ['extensionPage'] },
  disconnect: { schema: nothing, from: ['extensionPage'] },
  popupState: { schema: z.strictObject({ refresh: z.boolean() }), from: ['extensionPage'] },
  /** popup → background: open Partner Center where the named guide starts. */
  openPartnerCenter: { schema: z.strictObject({ guide: z.enum(['connect', 'rotate']) }), from: ['extensionPage'] },
  /** content → background: the guide asked for by the popup or a reminder, taken once. */
  takeGuideRequest: { schema: nothing, from: ['content'] },
} as const satisfies Record<string, { schema: z.ZodType; from: readonly SenderKind[] }>;

export type InboundType = keyof typeof inbound;
export type InboundData<T extends InboundType> = z.infer<(typeof inbound)[T]['schema']>;

export interface CaptureView {
  captureId: string;
  state: OutboxState | 'delivered' | 'unknown';
  tenantId: string | null;
  clientId: string | null;
  applicationName: string | null;
  keyExpiresAt: string | null;
  clientIdMismatch: boolean;
  attempts: number;
  nextAttemptAt: number | null;
  lastError: OutboxError | null;
}

export interface AccountView {
  paired: boolean;
  accountName: string | null;
}

export type ClaimOutcome = { ok: true; accountName: string } | { ok: false; reason: string; message: string };

export interface ProtocolMap {
  storeCapture(data: InboundData<'storeCapture'>): CaptureView;
  sendCapture(data: InboundData<'sendCapture'>): CaptureView;
  captureStatus(data: InboundData<'captureStatus'>): CaptureView;
  discardCapture(data: InboundData<'discardCapture'>): { discarded: boolean };
  account(): AccountView;
  openPairing(): void;
  claimPairing(data: InboundData<'claimPairing'>): ClaimOutcome;
  disconnect(): { disconnected: boolean };
  popupState(data: InboundData<'popupState'>): import('./popup-state').PopupState;
  openPartnerCenter(data: InboundData<'openPartnerCenter'>): void;
  takeGuideRequest(): { guide: 'connect' | 'rotate' } | null;
  /** background → content: a capture of this tab changed state. */
  captureChanged(data: CaptureView): void;
  /** background → content: paired or disconnected, so the send button names the right account. */
  accountChanged(data: AccountView): void;
}
