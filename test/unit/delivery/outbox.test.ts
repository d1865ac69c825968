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
};
const error = { code: 'unavailable', message: '503', at: '2026-11-27T06:00:01.000Z' };

describe('the outbox state machine', () => {
  it('holds a new capture as secured, waiting on the user, and ignores the same capture twice', () => {
    const outbox = addCapture({}, capture);
    expect(outbox[CAPTURE]).toMatchObject({ state: 'secured', attempts: 0 });
    expect(addCapture(outbox, { ...capture, sealed: 'x.x.x.x.x' })).toBe(outbox);
    expect(waitingOnUser(outbox)).toHaveLength(1);
    expect(dueEntries(outbox, 0)).toEqual([]);
  });

  it('walks send → sending → retrying → due again → removed', () => {
    let outbox = requestSend(addCapture({}, capture), CAPTURE, 1000);
    expect(dueEntries(outbox, 1000).map((e) => e.captureId)).toEqual([CAPTURE]);
    outbox = markSending(outbox, CAPTURE);
    expect(outbox[CAPTURE]).toMatchObject({ state: 'sending', attempts: 1 });
    outbox = markRetrying(outbox, CAPTURE, error, 5000);
    expect(dueEntries(outbox, 4999)).toEqual([]);
    expect(nextWakeAt(outbox)).toBe(5000);
    expect(dueEntries(outbox, 5000)).toHaveLength(1);
    expect(remove(outbox, CAPTURE)).toEqual({});
  });

  it('treats an entry left "sending" (worker stopped mid-send) as due, so it is resent', () => {
    const outbox = markSending(requestSend(addCapture({}, capture), CAPTURE, 0), CAPTURE);
    expect(dueEntries(outbox, 0)).toHaveLength(1);
  });

  it('keeps a permanent failure until the user sends again', () => {
    let outbox = markAttention(markSending(addCapture({}, capture), CAPTURE), CAPTURE, {
      ...error,
      code: 'unauthorized',
    });
    expect(dueEntries(outbox, Number.MAX_SAFE_INTEGER)).toEqual([]);
    expect(nextWakeAt(outbox)).toBeNull();
    outbox = requestSend(outbox, CAPTURE, 10);
    expect(outbox[CAPTURE]).toMatchObject({ state: 'queued', nextAttemptAt: 10 });
  });

  it('changes nothing for an unknown capture or a prototype key', () => {
    const outbox = addCapture({}, capture);
    expect(requestSend(outbox, 'nope', 0)).toBe(outbox);
    expect(remove(outbox, '__proto__')).toBe(outbox);
    expect(markSending(outbox, 'constructor')).toBe(outbox);
  });
});
