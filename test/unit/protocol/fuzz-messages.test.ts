/**
 * Property-based fuzzing of every message the background takes, through the same wiring the background uses
 * (`serveAdmitted` on the messenger): random and nearly valid input from any sender never throws past the gate; a
 * refused message is answered with RejectedMessageError, reaches no handler and changes no storage; an admitted one
 * reaches its handler once, with the data the gate parsed.
 */
import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { IntakeClient } from '@/utils/delivery/intake-api';
import { createBackgroundService } from '@/utils/delivery/service';
import { type InboundType, inbound } from '@/utils/protocol/messages';
import { messenger } from '@/utils/protocol/messaging';
import {
  type AdmittedHandlers,
  admit,
  RejectedMessageError,
  type Sender,
  serveAdmitted,
} from '@/utils/protocol/trust-gate';
import { VALID } from './payloads';

const identity = { runtimeId: 'ours', extensionOrigin: 'chrome-extension://ours' };
const PC = 'https://partner.microsoft.com/dashboard/account/v3/usermanagement#apps';
const senders: Sender[] = [
  { id: 'ours', origin: 'https://partner.microsoft.com', url: PC, frameId: 0, tab: { id: 1, url: PC } },
  { id: 'ours', origin: 'chrome-extension://ours' },
  { id: 'theirs', origin: 'chrome-extension://theirs' },
  { id: 'theirs', origin: 'https://partner.microsoft.com', url: PC, frameId: 0, tab: { id: 1, url: PC } },
  { id: 'ours', origin: 'https://partner.microsoft.com', url: PC, frameId: 4, tab: { id: 1, url: PC } },
  { id: 'ours', origin: 'https://evil.example', url: PC, frameId: 0, tab: { id: 2, url: 'https://evil.example/' } },
  { origin: 'https://partner.microsoft.com', url: PC, frameId: 0, tab: { id: 1, url: PC } },
];
const RUNS_PER_TYPE = 300;

const hostile = fc.oneof(
  fc.anything({ withObjectString: true, withNullPrototype: true }),
  fc.jsonValue(),
  fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'prototype', 'captureId', 'code', 'sealed'), fc.anything()),
  fc.record({ captureId: fc.string({ maxLength: 5000 }), code: fc.string({ maxLength: 100_000 }) }),
);
/** The valid payload, and near misses: one member replaced or one added (prototype keys among them), as JSON. */
const payloadFor = (type: InboundType) => {
  const valid = VALID[type] as unknown;
  const members = valid !== null && typeof valid === 'object' ? Object.keys(valid) : [];
  const base = members.length ? JSON.stringify(valid).slice(1, -1) : '';
  const nearMiss = fc
    .tuple(fc.constantFrom(...members, '__proto__', 'constructor', 'extra'), fc.jsonValue())
    .map(([key, value]) => JSON.parse(`{${base}${base ? ',' : ''}${JSON.stringify(key)}:${JSON.stringify(value)}}`));
  return fc.oneof(hostile, fc.constant(valid), nearMiss);
};

const offline: IntakeClient = {
  claimPairing: async () => ({ ok: false, error: { kind: 'network' } }),
  revokePairing: async () => ({ ok: false, error: { kind: 'network' } }),
  getConnection: async () => ({ ok: false, error: { kind: 'network' } }),
  submitCredential: async () => ({ ok: false, error: { kind: 'network' } }),
};

type Listener = (message: { data: unknown; sender: Sender }) => Promise<unknown>;

/** serveAdmitted's listeners, registered on a stand-in for the messenger. */
function serve(handlers: AdmittedHandlers): Map<string, Listener> {
  const listeners = new Map<string, Listener>();
  vi.spyOn(messenger, 'onMessage').mockImplementation(((type: string, listener: Listener) => {
    listeners.set(type, listener);
    return () => listeners.delete(type);
  }) as never);
  serveAdmitted(handlers, identity);
  return listeners;
}

describe('fuzzing the message gate', () => {
  beforeEach(() => fakeBrowser.reset());

  for (const type of Object.keys(inbound) as InboundType[]) {
    it(`${type}: from any sender, a refusal reaches no handler and changes no storage; an admission reaches it once`, async () => {
      const service = createBackgroundService({
        intake: offline,
        client: { name: 'stactize-partner-center-companion', version: '0', browser: 'chrome' },
        kid: 'k',
        schedule: () => {},
        notifyTab: () => {},
        notifyAccount: () => {},
        setBadge: () => {},
        openPairingPage: () => {},
        openTab: () => {},
        scheduleConnectionRefresh: () => {},
        scheduleRevokes: () => {},
        notify: () => {},
        hasPartnerCenterAccess: async () => true,
      });
      const reached = vi.fn();
      const handlers = Object.fromEntries(
        Object.entries(service.handlers).map(([name, handler]) => [
          name,
          (data: unknown, context: { tabId: number | null }) => {
            reached(name, data, context);
            return (handler as (d: unknown, c: { tabId: number | null }) => Promise<unknown>)(data, context);
          },
        ]),
      ) as AdmittedHandlers;
      const listeners = serve(handlers);
      expect([...listeners.keys()].sort()).toEqual(Object.keys(inbound).sort());
      const listener = listeners.get(type) as Listener;
      let refused = 0;
      let admitted = 0;

      await fc.assert(
        fc.asyncProperty(payloadFor(type), fc.constantFrom(...senders), async (payload, sender) => {
          reached.mockClear();
          const before = JSON.stringify(await fakeBrowser.storage.local.get(null));
          const verdict = admit(type, payload, sender, identity, () => {});
          const answer = listener({ data: payload, sender });
          if (verdict.ok) {
            // Only well-formed data gets this far; the handler may act on it, and must not throw.
            await answer;
            expect(reached.mock.calls).toEqual([[type, verdict.data, { tabId: verdict.tabId }]]);
            admitted++;
          } else {
            await expect(answer).rejects.toThrow(new RejectedMessageError(verdict.reason));
            expect(reached).not.toHaveBeenCalled();
            expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).toBe(before);
            refused++;
          }
          expect(Object.getPrototypeOf({})).toBe(Object.prototype);
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        }),
        { numRuns: RUNS_PER_TYPE },
      );
      // Both branches ran: the valid payload from an allowed sender is among the inputs, and hostile ones too.
      expect(admitted).toBeGreaterThan(0);
      expect(refused).toBeGreaterThan(0);
    });
  }
});
