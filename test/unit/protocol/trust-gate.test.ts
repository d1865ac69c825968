import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { admit, classifySender, type Sender } from '@/utils/protocol/trust-gate';

const identity = { runtimeId: 'ourextensionid', extensionOrigin: 'chrome-extension://ourextensionid' };
const content: Sender = {
  id: 'ourextensionid',
  origin: 'https://partner.microsoft.com',
  url: 'https://partner.microsoft.com/dashboard/account/v3/usermanagement#apps',
  frameId: 0,
  tab: { id: 7, url: 'https://partner.microsoft.com/dashboard/account/v3/usermanagement#apps' },
};
const popup: Sender = {
  id: 'ourextensionid',
  origin: 'chrome-extension://ourextensionid',
  url: 'chrome-extension://ourextensionid/popup.html',
};
const capture = {
  captureId: '6f1c1a52-3c55-4a8e-9f0e-0b6a1b2c3d4e',
  tenantId: '11111111-2222-3333-4444-555555555555',
  clientId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
  applicationName: 'Stactize integration',
  keyExpiresAt: '2028-11-27',
  capturedAt: '2026-11-27T06:00:00.000Z',
  sealed: 'aaa.bbb.ccc.ddd.eee',
  kid: 'stactize-sandbox-dev-1',
  confidence: 'high',
  clientIdMismatch: false,
};

describe('the trust gate', () => {
  it('admits a capture from a top-frame content script on Partner Center, with its tab', () => {
    const admission = admit('storeCapture', capture, content, identity, () => {});
    expect(admission).toMatchObject({ ok: true, from: 'content', tabId: 7, data: capture });
  });

  it('admits popup messages from an extension page, including the popup opened in a tab', () => {
    expect(admit('claimPairing', { code: 'ABCD-2345' }, popup, identity, () => {})).toMatchObject({ ok: true });
    const inTab = { ...popup, frameId: 0, tab: { id: 3, url: 'chrome-extension://ourextensionid/popup.html#pair' } };
    expect(admit('disconnect', undefined, inTab, identity, () => {})).toMatchObject({
      ok: true,
      from: 'extensionPage',
    });
  });

  it.each<[string, Sender]>([
    ['another extension', { ...content, id: 'someoneelse' }],
    ['no sender id', { ...content, id: undefined }],
    ['a lookalike origin', { ...content, origin: 'https://partner.microsoft.com.example.net' }],
    ['an http origin', { ...content, origin: 'http://partner.microsoft.com' }],
    ['a subframe', { ...content, frameId: 3 }],
    ['no tab', { ...content, tab: undefined }],
    ['a tab on another site', { ...content, tab: { id: 7, url: 'https://evil.example/' } }],
    [
      'a URL that only claims Partner Center',
      { id: 'ourextensionid', url: 'https://partner.microsoft.com/', frameId: 0, origin: 'https://evil.example' },
    ],
  ])('refuses %s', (_name, sender) => {
    const log = vi.fn();
    const admission = admit('storeCapture', capture, sender, identity, log);
    expect(admission.ok).toBe(false);
    expect(log).toHaveBeenCalledOnce();
  });

  it('refuses popup-only messages from a content script, and capture messages from the popup', () => {
    expect(admit('claimPairing', { code: 'ABCD-2345' }, content, identity, () => {})).toEqual({
      ok: false,
      reason: 'sender-not-allowed',
    });
    expect(admit('discardCapture', { captureId: capture.captureId }, content, identity, () => {})).toMatchObject({
      ok: false,
    });
    expect(admit('storeCapture', capture, popup, identity, () => {})).toMatchObject({ ok: false });
  });

  it('uses the frame URL only where the browser stamps no origin (Firefox), and still judges the tab', () => {
    const firefox = { ...content, origin: undefined };
    expect(classifySender(firefox, identity)).toBe('content');
    expect(classifySender({ ...firefox, url: 'https://evil.example/' }, identity)).toBeNull();
  });

  it.each([
    ['an unknown key', { ...capture, secret: 'abc8Q~0123456789012345678901234567890123' }],
    ['a wrong type', { ...capture, confidence: 'certain' }],
    ['a malformed GUID', { ...capture, tenantId: 'not-a-guid' }],
    ['a huge app name', { ...capture, applicationName: 'x'.repeat(257) }],
    ['a sealed form that is not a JWE', { ...capture, sealed: 'plain text' }],
    ['a prototype key', JSON.parse(`{"__proto__": {"polluted": true}, ${JSON.stringify(capture).slice(1)}`)],
  ])('refuses a payload with %s, without logging it', (_name, payload) => {
    const log = vi.fn();
    expect(admit('storeCapture', payload, content, identity, log)).toEqual({ ok: false, reason: 'bad-payload' });
    expect(JSON.stringify(log.mock.calls)).not.toContain('8Q~');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses unknown message types', () => {
    expect(admit('toString' as never, undefined, popup, identity, () => {})).toEqual({
      ok: false,
      reason: 'unknown-type',
    });
    expect(admit('captureChanged' as never, undefined, popup, identity, () => {})).toEqual({
      ok: false,
      reason: 'unknown-type',
    });
  });

  it('never throws and never admits random input from a content script', () => {
    fc.assert(
      fc.property(
        fc.anything(),
        fc.constantFrom('storeCapture', 'sendCapture', 'claimPairing', 'popupState'),
        (data, type) => {
          const admission = admit(type as 'storeCapture', data, content, identity, () => {});
          if (admission.ok) expect(type).not.toBe('claimPairing');
          return true;
        },
      ),
    );
  });
});
