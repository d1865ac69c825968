import { describe, expect, it } from 'vitest';
import {
  addCapture,
  dueEntries,
  markAttention,
  markRetrying,
  markSending,
  nextWakeAt,
  remove,
  requestSend,
  waitingOnUser,
} from '@/utils/delivery/outbox';
import { CAPTURE, CLIENT, TENANT } from '../helpers';

const capture = {
  captureId: CAPTURE,
  tenantId: TENANT,
  clientId: CLIENT,
  applicationName: 'App',
  keyExpiresAt: null,
  capturedAt: '2026-11-27T06:00:00.000Z',
  sealed: 'a.b.c.d.e',
  kid: 'k',
  confidence: 'high' as const,
  clientIdMismatch: false,
  secretSha256: 'ab'.repeat(32),
};
const error = { code: 'unavailable', message: '503', at: '2026-11-27T06:00:01.000Z' };
const account = { id: 'acct_sandbox', name: 'Contoso' };
const client = { name: 'stactize-partner-center-companion', version: '0.1.0', browser: 'chrome' } as const;

describe('the outbox state machine', () => {
  it('holds a new capture as secured, waiting on the user, and ignores the same capture twice', () => {
    const outbox = addCapture({}, capture);
    expect(outbox[CAPTURE]).toMatchObject({ state: 'secured', attempts: 0, account: null, client: null });
    expect(addCapture(outbox, { ...capture, sealed: 'x.x.x.x.x' })).toBe(outbox);
    expect(waitingOnUser(outbox).map((e) => e.captureId)).toEqual([CAPTURE]);
    expect(dueEntries(outbox, 0)).toEqual([]);
  });

  it('ignores the same key captured again under a new captureId, and takes another key', () => {
    const outbox = addCapture({}, capture);
    const again = { ...capture, captureId: '7f1c1a52-3c55-4a8e-9f0e-0b6a1b2c3d4e' };
    expect(addCapture(outbox, again)).toBe(outbox);
    expect(Object.keys(addCapture(outbox, { ...again, secretSha256: 'cd'.repeat(32) }))).toEqual([
      CAPTURE,
      again.captureId,
    ]);
  });

  it('binds the account on send, keeps it when sent again unpaired, and freezes the client at the first attempt', () => {
    let outbox = requestSend(addCapture({}, capture), CAPTURE, 0, account);
    expect(outbox[CAPTURE]?.account).toEqual(account);
    outbox = markSending(outbox, CAPTURE, client);
    outbox = markRetrying(outbox, CAPTURE, error, 10);
    outbox = requestSend(outbox, CAPTURE, 20, null);
    expect(outbox[CAPTURE]).toMatchObject({ state: 'queued', nextAttemptAt: 20, account });
    outbox = markSending(outbox, CAPTURE, { ...client, version: '0.2.0' });
    expect(outbox[CAPTURE]).toMatchObject({ attempts: 2, client });
  });

  it('walks send → sending → retrying → due again → removed', () => {
    let outbox = requestSend(addCapture({}, capture), CAPTURE, 1000, account);
    expect(dueEntries(outbox, 999)).toEqual([]);
    expect(dueEntries(outbox, 1000).map((e) => e.captureId)).toEqual([CAPTURE]);
    outbox = markSending(outbox, CAPTURE, client);
    expect(outbox[CAPTURE]).toMatchObject({ state: 'sending', attempts: 1 });
    outbox = markRetrying(outbox, CAPTURE, error, 5000);
    expect(dueEntries(outbox, 4999)).toEqual([]);
    expect(nextWakeAt(outbox)).toBe(5000);
    expect(dueEntries(outbox, 5000).map((e) => e.captureId)).toEqual([CAPTURE]);
    expect(remove(outbox, CAPTURE)).toEqual({});
  });

  it('treats an entry left "sending" (worker stopped mid-send) as due, so it is resent', () => {
    const outbox = markSending(requestSend(addCapture({}, capture), CAPTURE, 10_000, account), CAPTURE, client);
    expect(dueEntries(outbox, 0).map((e) => e.captureId)).toEqual([CAPTURE]);
  });

  it('keeps a permanent failure until the user sends again', () => {
    let outbox = markAttention(markSending(addCapture({}, capture), CAPTURE, client), CAPTURE, {
      ...error,
      code: 'unauthorized',
    });
    expect(dueEntries(outbox, Number.MAX_SAFE_INTEGER)).toEqual([]);
    expect(nextWakeAt(outbox)).toBeNull();
    expect(waitingOnUser(outbox).map((e) => e.captureId)).toEqual([CAPTURE]);
    outbox = requestSend(outbox, CAPTURE, 10, account);
    expect(outbox[CAPTURE]).toMatchObject({ state: 'queued', nextAttemptAt: 10 });
    expect(waitingOnUser(outbox)).toEqual([]);
  });

  it('changes nothing for an unknown capture or a prototype key', () => {
    const outbox = addCapture({}, capture);
    expect(requestSend(outbox, 'nope', 0, account)).toBe(outbox);
    expect(remove(outbox, '__proto__')).toBe(outbox);
    expect(markSending(outbox, 'constructor', client)).toBe(outbox);
    expect(markRetrying(outbox, 'toString', error, 0)).toBe(outbox);
  });
});
