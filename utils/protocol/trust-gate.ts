/**
 * The trust gate: the only code that reads a message's sender. A message is admitted when
 *  - the browser says it comes from this extension (`sender.id`), and
 *  - from a place its type allows: a top-frame content script on https://partner.microsoft.com (judged by the
 *    origin and tab the browser stamps, never by a URL the page can shape), or an extension page, and
 *  - its payload passes the type's strict schema.
 * Anything else is refused and logged without its payload: the security log's signature cannot take one.
 */

import { PARTNER_CENTER_ORIGIN, toUrl } from '@/utils/shapes';
import { type InboundData, type InboundType, inbound, type SenderKind } from './messages';
import { messenger } from './messaging';

/** The part of `runtime.MessageSender` the gate reads; all of it is set by the browser. */
export interface Sender {
  id?: string;
  origin?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number; url?: string };
}

export interface GateIdentity {
  runtimeId: string;
  /** `chrome-extension://<id>` or Firefox's `moz-extension://<uuid>`. */
  extensionOrigin: string;
}

export type Admission<T extends InboundType> =
  | { ok: true; type: T; data: InboundData<T>; from: SenderKind; tabId: number | null }
  | { ok: false; reason: RejectReason };

export type RejectReason = 'unknown-type' | 'foreign-sender' | 'wrong-place' | 'sender-not-allowed' | 'bad-payload';

export interface SecurityEvent {
  reason: RejectReason;
  type: string;
  senderKind: SenderKind | 'unknown';
}

const originOf = (value: string | undefined): string | null => (value ? (toUrl(value)?.origin ?? null) : null);

/** What kind of place a sender is, or null when it is none we talk to. */
export function classifySender(sender: Sender | undefined, identity: GateIdentity): SenderKind | null {
  if (!sender || sender.id !== identity.runtimeId) return null;
  // Chrome stamps `origin`; Firefox does not, and there the frame URL the browser reports is the fallback
  // (a page can change its path with pushState, never its origin).
  const origin = sender.origin ?? originOf(sender.url);
  if (origin === identity.extensionOrigin) return 'extensionPage';
  if (origin !== PARTNER_CENTER_ORIGIN || !sender.tab || sender.frameId !== 0) return null;
  // The tab must be on Partner Center too: the browser's view of the top document, not the message's claim.
  const tabOrigin = originOf(sender.tab.url);
  if (tabOrigin !== null && tabOrigin !== PARTNER_CENTER_ORIGIN) return null;
  return 'content';
}

export function admit<T extends InboundType>(
  type: T,
  data: unknown,
  sender: Sender | undefined,
  identity: GateIdentity,
  log: (event: SecurityEvent) => void = logSecurityEvent,
): Admission<T> {
  const refuse = (reason: RejectReason, senderKind: SenderKind | 'unknown'): Admission<T> => {
    log({ reason, type: String(type).slice(0, 40), senderKind });
    return { ok: false, reason };
  };
  if (typeof type !== 'string' || !Object.hasOwn(inbound, type)) return refuse('unknown-type', 'unknown');
  if (!sender || sender.id !== identity.runtimeId) return refuse('foreign-sender', 'unknown');
  const kind = classifySender(sender, identity);
  if (!kind) return refuse('wrong-place', 'unknown');
  const rule = inbound[type];
  if (!(rule.from as readonly SenderKind[]).includes(kind)) return refuse('sender-not-allowed', kind);
  const parsed = rule.schema.safeParse(data);
  if (!parsed.success) return refuse('bad-payload', kind);
  return { ok: true, type, data: parsed.data as InboundData<T>, from: kind, tabId: sender.tab?.id ?? null };
}

/** Identifiers and outcomes only: there is no parameter a payload could travel through. */
export function logSecurityEvent(event: SecurityEvent): void {
  console.warn(`[stactize] refused a message: ${event.reason} (type ${event.type}, from ${event.senderKind})`);
}

export class RejectedMessageError extends Error {
  override name = 'RejectedMessageError';
  constructor(reason: RejectReason) {
    super(`Message refused: ${reason}`);
  }
}

/** The handler of each inbound type, given exactly the data its schema admits and the sender's tab. */
export type AdmittedHandlers = {
  [T in InboundType]: (data: InboundData<T>, context: { tabId: number | null }) => Promise<unknown>;
};

/** Answers every inbound type through the gate: a refused message is answered with an error and reaches no handler. */
export function serveAdmitted(handlers: AdmittedHandlers, identity: GateIdentity): void {
  for (const type of Object.keys(inbound) as InboundType[]) {
    messenger.onMessage(type, async (message) => {
      const admission = admit(type, message.data, message.sender, identity);
      if (!admission.ok) throw new RejectedMessageError(admission.reason);
      // The gate parsed `data` with this type's own schema, so the handler gets exactly what it declares.
      const handler = handlers[type] as (data: unknown, context: { tabId: number | null }) => Promise<never>;
      return handler(admission.data, { tabId: admission.tabId });
    });
  }
}

/**
 * For messages the background sends a content script: only this extension's background may push a capture's or
 * the account's change (a content script hears its own extension only, but the check costs nothing).
 */
export function isFromOwnExtension(sender: Sender | undefined, runtimeId: string): boolean {
  return sender?.id === runtimeId;
}
