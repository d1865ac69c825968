/**
 * The trust gate against every sender class a hostile page, frame or extension can be (in the spirit of Bitwarden's
 * autofill `sender.spec.ts`): each refusal asserts its exact reason and the exact security event logged, and each
 * admission the exact sender kind. Payload refusals cover extra keys, oversize strings and prototype keys for
 * several message types.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { type InboundType, inbound, type SenderKind } from '@/utils/protocol/messages';
import {
  admit,
  classifySender,
  type GateIdentity,
  isFromOwnExtension,
  type RejectReason,
  type SecurityEvent,
  type Sender,
} from '@/utils/protocol/trust-gate';
import { CAPTURE_ID, capture, VALID } from './payloads';

const RUNTIME_ID = 'ourextensionid';
const identity: GateIdentity = { runtimeId: RUNTIME_ID, extensionOrigin: `chrome-extension://${RUNTIME_ID}` };
/** Firefox: the id is the gecko id, the origin a per-install UUID. */
const firefoxIdentity: GateIdentity = {
  runtimeId: 'companion@stactize.com',
  extensionOrigin: 'moz-extension://6d4c1a2e-9b7f-4e3a-8c21-5f0e9d8b7a64',
};
const PC_URL = 'https://partner.microsoft.com/dashboard/account/v3/usermanagement#apps';
const EVIL_URL = 'https://evil.example/phish';

/** A top-frame content script on Partner Center, as Chrome reports it. */
const content: Sender = {
  id: RUNTIME_ID,
  origin: 'https://partner.microsoft.com',
  url: PC_URL,
  frameId: 0,
  tab: { id: 7, url: PC_URL },
};
/** The toolbar popup: an extension page, no tab. */
const popup: Sender = {
  id: RUNTIME_ID,
  origin: identity.extensionOrigin,
  url: `${identity.extensionOrigin}/popup.html`,
};
const SENDERS: Record<SenderKind, Sender> = { content, extensionPage: popup };

const TYPES = Object.keys(inbound) as InboundType[];
const KINDS: SenderKind[] = ['content', 'extensionPage'];
const allowed = (type: InboundType, kind: SenderKind) => (inbound[type].from as readonly SenderKind[]).includes(kind);

/** Runs the gate with a recording log; `events` is every security event it logged. */
function gate(type: string, data: unknown, sender: Sender | undefined, id: GateIdentity = identity) {
  const log = vi.fn<(event: SecurityEvent) => void>();
  const admission = admit(type as InboundType, data, sender, id, log);
  return { admission, events: log.mock.calls.map(([event]) => event) };
}

function expectRefused(
  result: ReturnType<typeof gate>,
  reason: RejectReason,
  type: string,
  senderKind: SecurityEvent['senderKind'],
) {
  expect(result.admission).toEqual({ ok: false, reason });
  expect(result.events).toEqual([{ reason, type, senderKind }]);
}

describe('the trust gate: who may send what', () => {
  it('admits every type with a valid payload from each sender kind its rule allows, logging nothing', () => {
    let admitted = 0;
    for (const type of TYPES) {
      for (const kind of KINDS.filter((k) => allowed(type, k))) {
        const { admission, events } = gate(type, VALID[type], SENDERS[kind]);
        expect(admission, `${type} from ${kind}`).toEqual({
          ok: true,
          type,
          data: VALID[type],
          from: kind,
          tabId: kind === 'content' ? 7 : null,
        });
        expect(events).toEqual([]);
        admitted++;
      }
    }
    expect(admitted).toBeGreaterThanOrEqual(TYPES.length);
  });

  it('refuses every type from the sender kind its rule leaves out: sender-not-allowed, with that kind logged', () => {
    const refusals = TYPES.flatMap((type) =>
      KINDS.filter((k) => !allowed(type, k)).map((kind) => [type, kind] as const),
    );
    // The table has both directions: popup-only types (claimPairing …) and content-only ones (storeCapture …).
    expect(refusals).toContainEqual(['claimPairing', 'content']);
    expect(refusals).toContainEqual(['storeCapture', 'extensionPage']);
    for (const [type, kind] of refusals) {
      expectRefused(gate(type, VALID[type], SENDERS[kind]), 'sender-not-allowed', type, kind);
    }
  });

  it('admits the popup opened in a tab (an extension page with a tab and frameId 0) as an extension page', () => {
    const inTab: Sender = { ...popup, frameId: 0, tab: { id: 3, url: `${identity.extensionOrigin}/popup.html#pair` } };
    expect(gate('disconnect', undefined, inTab).admission).toEqual({
      ok: true,
      type: 'disconnect',
      data: undefined,
      from: 'extensionPage',
      tabId: 3,
    });
  });

  it('admits a Firefox extension page by its moz-extension origin, and a Firefox content script by its frame URL', () => {
    const ffPopup: Sender = { id: firefoxIdentity.runtimeId, origin: firefoxIdentity.extensionOrigin };
    expect(gate('claimPairing', VALID.claimPairing, ffPopup, firefoxIdentity).admission).toMatchObject({
      ok: true,
      from: 'extensionPage',
    });
    // Firefox stamps no origin on content scripts: the frame URL the browser reports is judged, with the tab.
    const ffContent: Sender = { id: firefoxIdentity.runtimeId, url: PC_URL, frameId: 0, tab: { id: 9, url: PC_URL } };
    expect(gate('storeCapture', capture, ffContent, firefoxIdentity).admission).toMatchObject({
      ok: true,
      from: 'content',
      tabId: 9,
    });
  });
});

describe('the trust gate: hostile senders', () => {
  // [sender class, message type, sender, identity, expected reason]; a type is chosen that the place the sender
  // pretends to be may send, so only the sender's class can be the reason.
  it.each<[string, InboundType, Sender | undefined, GateIdentity, RejectReason]>([
    // Not this extension at all.
    ['no sender', 'storeCapture', undefined, identity, 'foreign-sender'],
    [
      "another extension's content script on Partner Center",
      'storeCapture',
      { ...content, id: 'someoneelse' },
      identity,
      'foreign-sender',
    ],
    ['a content script without an id', 'storeCapture', { ...content, id: undefined }, identity, 'foreign-sender'],
    ['an empty id', 'storeCapture', { ...content, id: '' }, identity, 'foreign-sender'],
    [
      'our id in another case',
      'storeCapture',
      { ...content, id: RUNTIME_ID.toUpperCase() },
      identity,
      'foreign-sender',
    ],
    [
      "another extension's page",
      'claimPairing',
      { id: 'someoneelse', origin: 'chrome-extension://someoneelse', url: 'chrome-extension://someoneelse/popup.html' },
      identity,
      'foreign-sender',
    ],
    [
      'a web page (no id) claiming our extension origin',
      'claimPairing',
      { origin: identity.extensionOrigin, url: `${identity.extensionOrigin}/popup.html` },
      identity,
      'foreign-sender',
    ],
    // This extension's id, but from a place that may not talk to the background.
    ['a subframe on Partner Center', 'storeCapture', { ...content, frameId: 3 }, identity, 'wrong-place'],
    [
      'a frame the browser gives no frameId',
      'storeCapture',
      { ...content, frameId: undefined },
      identity,
      'wrong-place',
    ],
    [
      'a content script on another origin',
      'storeCapture',
      { ...content, origin: 'https://evil.example', url: EVIL_URL, tab: { id: 7, url: EVIL_URL } },
      identity,
      'wrong-place',
    ],
    [
      'a lookalike host',
      'storeCapture',
      { ...content, origin: 'https://partner.microsoft.com.example.net' },
      identity,
      'wrong-place',
    ],
    ['plain http', 'storeCapture', { ...content, origin: 'http://partner.microsoft.com' }, identity, 'wrong-place'],
    [
      'another port',
      'storeCapture',
      { ...content, origin: 'https://partner.microsoft.com:8443' },
      identity,
      'wrong-place',
    ],
    [
      'an opaque origin (sandboxed frame) with a Partner Center URL',
      'storeCapture',
      { ...content, origin: 'null' },
      identity,
      'wrong-place',
    ],
    [
      'a Partner Center top frame in a tab whose top document is elsewhere',
      'storeCapture',
      { ...content, tab: { id: 7, url: EVIL_URL } },
      identity,
      'wrong-place',
    ],
    [
      'a Partner Center subframe inside another site',
      'storeCapture',
      { ...content, frameId: 2, tab: { id: 7, url: EVIL_URL } },
      identity,
      'wrong-place',
    ],
    [
      'a sender.url on Partner Center with an origin elsewhere (the URL is never proof)',
      'storeCapture',
      { ...content, origin: 'https://evil.example', url: PC_URL, tab: { id: 7, url: PC_URL } },
      identity,
      'wrong-place',
    ],
    ['a content script with no tab', 'storeCapture', { ...content, tab: undefined }, identity, 'wrong-place'],
    [
      'our id with another extension page origin',
      'claimPairing',
      { ...popup, origin: 'chrome-extension://someoneelse' },
      identity,
      'wrong-place',
    ],
    [
      'a moz-extension origin that is not ours',
      'claimPairing',
      { id: firefoxIdentity.runtimeId, origin: 'moz-extension://00000000-0000-4000-8000-000000000000' },
      firefoxIdentity,
      'wrong-place',
    ],
    [
      'a chrome-extension origin under the Firefox identity',
      'claimPairing',
      { id: firefoxIdentity.runtimeId, origin: `chrome-extension://${firefoxIdentity.runtimeId}` },
      firefoxIdentity,
      'wrong-place',
    ],
    // Firefox (no origin stamped): the frame URL decides, and the tab is still judged.
    [
      'Firefox: a frame URL elsewhere',
      'storeCapture',
      { id: firefoxIdentity.runtimeId, url: EVIL_URL, frameId: 0, tab: { id: 9, url: EVIL_URL } },
      firefoxIdentity,
      'wrong-place',
    ],
    [
      'Firefox: a Partner Center frame URL in a tab elsewhere',
      'storeCapture',
      { id: firefoxIdentity.runtimeId, url: PC_URL, frameId: 0, tab: { id: 9, url: EVIL_URL } },
      firefoxIdentity,
      'wrong-place',
    ],
    [
      'Firefox: neither origin nor URL',
      'storeCapture',
      { id: firefoxIdentity.runtimeId, frameId: 0, tab: { id: 9, url: PC_URL } },
      firefoxIdentity,
      'wrong-place',
    ],
    [
      'Firefox: a URL that does not parse',
      'storeCapture',
      { id: firefoxIdentity.runtimeId, url: 'partner.microsoft.com', frameId: 0, tab: { id: 9, url: PC_URL } },
      firefoxIdentity,
      'wrong-place',
    ],
  ])('refuses %s (%s): %s', (_class, type, sender, id, reason) => {
    expectRefused(gate(type, VALID[type], sender, id), reason, type, 'unknown');
    expect(classifySender(sender, id)).toBeNull();
  });

  it('judges the sender before it reads a byte of the payload', () => {
    const touched = vi.fn();
    const probe = () =>
      new Proxy(
        { ...capture },
        {
          get(target, key) {
            touched(key);
            return Reflect.get(target, key);
          },
          ownKeys(target) {
            touched('ownKeys');
            return Reflect.ownKeys(target);
          },
          getOwnPropertyDescriptor(target, key) {
            touched(key);
            return Reflect.getOwnPropertyDescriptor(target, key);
          },
          getPrototypeOf(target) {
            touched('getPrototypeOf');
            return Reflect.getPrototypeOf(target);
          },
          has(target, key) {
            touched(key);
            return Reflect.has(target, key);
          },
        },
      );
    expect(gate('storeCapture', probe(), { ...content, id: 'someoneelse' }).admission).toEqual({
      ok: false,
      reason: 'foreign-sender',
    });
    expect(gate('storeCapture', probe(), { ...content, frameId: 1 }).admission).toEqual({
      ok: false,
      reason: 'wrong-place',
    });
    expect(gate('storeCapture', probe(), popup).admission).toEqual({ ok: false, reason: 'sender-not-allowed' });
    expect(touched).not.toHaveBeenCalled();
    // The probe does notice reading: from the right sender the same payload is read, and admitted.
    expect(gate('storeCapture', probe(), content).admission).toMatchObject({ ok: true });
    expect(touched).toHaveBeenCalled();
  });
});

describe('the trust gate: message types', () => {
  it.each([
    ['an inherited Object member', 'toString'],
    ['the prototype key', '__proto__'],
    ['constructor', 'constructor'],
    ['hasOwnProperty', 'hasOwnProperty'],
    ['a background → content type', 'captureChanged'],
    ['another background → content type', 'accountChanged'],
    ['an empty type', ''],
  ])('refuses %s (%j): unknown-type', (_name, type) => {
    expectRefused(gate(type, undefined, popup), 'unknown-type', type, 'unknown');
  });

  it('refuses a type that is not a string, and logs a long type cut to 40 characters', () => {
    expectRefused(gate(42 as never, undefined, popup), 'unknown-type', '42', 'unknown');
    const long = `storeCapture${'x'.repeat(200)}`;
    expectRefused(gate(long, capture, content), 'unknown-type', long.slice(0, 40), 'unknown');
  });

  it('names an unknown type before judging the sender', () => {
    expectRefused(gate('toString', undefined, { id: 'someoneelse' }), 'unknown-type', 'toString', 'unknown');
  });
});

describe('the trust gate: payloads', () => {
  /** A payload with an own `key` member, as JSON.parse makes it from a message (an object literal could not). */
  const pollute = (json: Record<string, unknown>, key: string) => {
    const rest = JSON.stringify(json).slice(1, -1);
    return JSON.parse(`{${JSON.stringify(key)}: {"polluted": true}${rest ? `, ${rest}` : ''}}`);
  };

  // [message type, what is wrong, payload]; sent from a sender kind the type allows.
  it.each<[InboundType, string, unknown]>([
    [
      'storeCapture',
      'an extra key (the key itself)',
      { ...capture, secret: 'abc8Q~0123456789012345678901234567890123' },
    ],
    ['storeCapture', 'an own __proto__ key', pollute(capture, '__proto__')],
    ['storeCapture', 'an own constructor key', { ...capture, constructor: { prototype: { polluted: true } } }],
    ['storeCapture', 'an application name of 257 characters', { ...capture, applicationName: 'x'.repeat(257) }],
    ['storeCapture', 'a sealed form over 8192 characters', { ...capture, sealed: `${'a'.repeat(8189)}.b.c.d.e` }],
    ['storeCapture', 'a kid of 129 characters', { ...capture, kid: 'k'.repeat(129) }],
    [
      'storeCapture',
      'a capturedAt of a megabyte',
      { ...capture, capturedAt: `2026-11-27T06:00:00.000Z${' '.repeat(1 << 20)}` },
    ],
    ['storeCapture', 'a sealed form that is not a JWE', { ...capture, sealed: 'plain text' }],
    ['storeCapture', 'a malformed GUID', { ...capture, tenantId: 'not-a-guid' }],
    ['storeCapture', 'a confidence it does not know', { ...capture, confidence: 'certain' }],
    ['storeCapture', 'a missing member', (({ kid: _kid, ...rest }) => rest)(capture)],
    ['storeCapture', 'an array', [capture]],
    ['sendCapture', 'an extra key', { ...VALID.sendCapture, force: true }],
    ['sendCapture', 'an own __proto__ key', pollute(VALID.sendCapture, '__proto__')],
    ['sendCapture', 'an own constructor key', { ...VALID.sendCapture, constructor: 'x' }],
    ['sendCapture', 'an account id of 65 characters', { ...VALID.sendCapture, accountId: 'a'.repeat(65) }],
    ['sendCapture', 'a captureId that is not a GUID', { ...VALID.sendCapture, captureId: `${CAPTURE_ID}0` }],
    ['captureStatus', 'an extra key', { captureId: CAPTURE_ID, tabId: 1 }],
    ['discardCapture', 'an own __proto__ key', pollute(VALID.discardCapture, '__proto__')],
    ['claimPairing', 'an extra key', { code: 'ABCD-2345', accountId: 'acct_other' }],
    ['claimPairing', 'an own __proto__ key', pollute(VALID.claimPairing, '__proto__')],
    ['claimPairing', 'an own constructor key', { code: 'ABCD-2345', constructor: 'x' }],
    ['claimPairing', 'a code of 65 characters', { code: 'A'.repeat(65) }],
    ['claimPairing', 'a code of a megabyte', { code: 'A'.repeat(1 << 20) }],
    ['claimPairing', 'a code that is a number', { code: 12345678 }],
    ['popupState', 'a flag that is a string', { refresh: 'yes' }],
    ['popupState', 'an own __proto__ key', pollute(VALID.popupState, '__proto__')],
    ['openPartnerCenter', 'a guide it does not know', { guide: 'https://evil.example' }],
    ['openPartnerCenter', 'an own constructor key', { guide: 'connect', constructor: 'x' }],
    ['account', 'an object where none is taken', {}],
    ['disconnect', 'null where nothing is taken', null],
    ['openPairing', 'a URL where nothing is taken', { url: EVIL_URL }],
    ['takeGuideRequest', 'an own __proto__ key', pollute({}, '__proto__')],
    ['saveGuideProgress', 'an extra key', { ...VALID.saveGuideProgress, intakeToken: 'x' }],
    ['saveGuideProgress', 'a guide it does not know', { ...VALID.saveGuideProgress, guide: 'evil' }],
    ['saveGuideProgress', '201 completed steps', { ...VALID.saveGuideProgress, completed: Array(201).fill('s') }],
    ['saveGuideProgress', 'a step id of 121 characters', { ...VALID.saveGuideProgress, completed: ['s'.repeat(121)] }],
    [
      'saveGuideProgress',
      '33 page kinds',
      { ...VALID.saveGuideProgress, at: Object.fromEntries(Array.from({ length: 33 }, (_, i) => [`k${i}`, 's'])) },
    ],
    [
      'saveGuideProgress',
      'a page flag that is a string',
      { ...VALID.saveGuideProgress, pages: { x: { dismissed: 'yes' } } },
    ],
    ['loadGuideProgress', 'an object where none is taken', {}],
  ])('%s: refuses %s with bad-payload, logging no part of it', (type, _what, payload) => {
    const kind = KINDS.find((k) => allowed(type, k)) as SenderKind;
    const result = gate(type, payload, SENDERS[kind]);
    expectRefused(result, 'bad-payload', type, kind);
    expect(JSON.stringify(result.events)).not.toMatch(/8Q~|polluted|evil|acct_other|AAAA/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it('admits strings exactly at their caps, so the caps above are the refusal', () => {
    expect(gate('storeCapture', { ...capture, applicationName: 'x'.repeat(256) }, content).admission.ok).toBe(true);
    expect(gate('storeCapture', { ...capture, kid: 'k'.repeat(128) }, content).admission.ok).toBe(true);
    expect(gate('claimPairing', { code: 'A'.repeat(64) }, popup).admission.ok).toBe(true);
    expect(gate('sendCapture', { ...VALID.sendCapture, accountId: 'a'.repeat(64) }, content).admission.ok).toBe(true);
  });

  it('from a content script, admits only what the type allows it and its schema accepts; never throws', () => {
    fc.assert(
      fc.property(
        fc.anything({ withNullPrototype: true, withObjectString: true }),
        fc.constantFrom(...TYPES),
        (data, type) => {
          const { admission, events } = gate(type, data, content);
          if (!allowed(type, 'content')) {
            expect(admission).toEqual({ ok: false, reason: 'sender-not-allowed' });
          } else if (inbound[type].schema.safeParse(data).success) {
            expect(admission).toMatchObject({ ok: true, type, from: 'content', tabId: 7 });
            expect(events).toEqual([]);
          } else {
            expect(admission).toEqual({ ok: false, reason: 'bad-payload' });
            expect(events).toEqual([{ reason: 'bad-payload', type, senderKind: 'content' }]);
          }
        },
      ),
    );
  });
});

describe('the security log', () => {
  it('writes one line with the reason, type and sender kind, and nothing of the payload', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    admit('claimPairing', { code: 'SECRET-CODE-XYZ' }, content, identity);
    expect(warn).toHaveBeenCalledOnce();
    expect(warn).toHaveBeenCalledWith(
      '[stactize] refused a message: sender-not-allowed (type claimPairing, from content)',
    );
  });
});

describe('isFromOwnExtension', () => {
  it.each<[string, Sender | undefined, boolean]>([
    ['our background (id only)', { id: RUNTIME_ID }, true],
    ['our background with our origin', { id: RUNTIME_ID, origin: identity.extensionOrigin }, true],
    ['another extension', { id: 'someoneelse', origin: 'chrome-extension://someoneelse' }, false],
    ['another extension claiming our origin', { id: 'someoneelse', origin: identity.extensionOrigin }, false],
    ['no id', { origin: identity.extensionOrigin, url: `${identity.extensionOrigin}/background.js` }, false],
    ['an empty id', { id: '' }, false],
    ['our id in another case', { id: RUNTIME_ID.toUpperCase() }, false],
    ['no sender', undefined, false],
  ])('%s → %s', (_name, sender, expected) => {
    expect(isFromOwnExtension(sender, RUNTIME_ID)).toBe(expected);
  });

  it('compares with the runtime id it is given (Firefox gecko ids too)', () => {
    expect(isFromOwnExtension({ id: firefoxIdentity.runtimeId }, firefoxIdentity.runtimeId)).toBe(true);
    expect(isFromOwnExtension({ id: firefoxIdentity.runtimeId }, RUNTIME_ID)).toBe(false);
  });
});
