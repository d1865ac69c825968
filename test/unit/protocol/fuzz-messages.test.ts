/**
 * Property-based fuzzing of every message the background takes: random input from any sender never throws
 * past the trust gate, and nothing that the gate refuses reaches storage.
 */
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { IntakeClient } from '@/utils/delivery/intake-api';
import { createBackgroundService } from '@/utils/delivery/service';
import { type InboundType, inbound } from '@/utils/protocol/messages';
import { admit, type Sender } from '@/utils/protocol/trust-gate';

const identity = { runtimeId: 'ours', extensionOrigin: 'chrome-extension://ours' };
const senders: Sender[] = [
  {
    id: 'ours',
    origin: 'https://partner.microsoft.com',
    frameId: 0,
    tab: { id: 1, url: 'https://partner.microsoft.com/' },
  },
  { id: 'ours', origin: 'chrome-extension://ours' },
  { id: 'theirs', origin: 'chrome-extension://theirs' },
  { id: 'ours', origin: 'https://evil.example', frameId: 0, tab: { id: 2, url: 'https://evil.example/' } },
];
const RUNS_PER_TYPE = 300;

const hostile = fc.oneof(
  fc.anything({ withObjectString: true, withNullPrototype: true }),
  fc.jsonValue(),
  fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'prototype', 'captureId', 'code', 'sealed'), fc.anything()),
  fc.record({ captureId: fc.string({ maxLength: 5000 }), code: fc.string({ maxLength: 100_000 }) }),
);

const offline: IntakeClient = {
  claimPairing: async () => ({ ok: false, error: { kind: 'network' } }),
  revokePairing: async () => ({ ok: false, error: { kind: 'network' } }),
  getConnection: async () => ({ ok: false, error: { kind: 'network' } }),
  submitCredential: async () => ({ ok: false, error: { kind: 'network' } }),
};

describe('fuzzing the message gate', () => {
  beforeEach(() => fakeBrowser.reset());

  for (const type of Object.keys(inbound) as InboundType[]) {
    it(`${type}: random payloads from any sender never throw and, refused, change no storage`, async () => {
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
        notify: () => {},
        hasPartnerCenterAccess: async () => true,
      });
      await fc.assert(
        fc.asyncProperty(hostile, fc.constantFrom(...senders), async (payload, sender) => {
          const before = JSON.stringify(await fakeBrowser.storage.local.get(null));
          const admission = admit(type, payload, sender, identity, () => {});
          if (admission.ok) {
            // Only well-formed data gets this far; the handler may act on it, and must not throw.
            await (service.handlers[type] as (d: unknown, c: { tabId: number | null }) => Promise<unknown>)(
              admission.data,
              { tabId: admission.tabId },
            );
          } else {
            expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).toBe(before);
          }
          expect(Object.getPrototypeOf({})).toBe(Object.prototype);
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        }),
        { numRuns: RUNS_PER_TYPE },
      );
    });
  }
});
