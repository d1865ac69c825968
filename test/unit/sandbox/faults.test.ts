// Sandbox server: injected faults for the next N POST /v1/credentials (in-process helper and admin HTTP API).
import { describe, expect, it, vi } from 'vitest';
import { call, pair, start, submission, submit } from './helpers';

async function paired() {
  const server = await start({ verification: { outcome: 'pending' } });
  return { server, token: await pair(server) };
}

describe('sandbox: faults', () => {
  it.each([
    [500, 'internal_error'],
    [503, 'unavailable'],
  ] as const)('answers %i with an error body, stores nothing, then recovers', async (status, code) => {
    const { server, token } = await paired();
    server.admin.injectFault({ kind: 'status', status });
    const body = await submission();
    const res = await submit(server, token, body);
    expect(res.status).toBe(status);
    expect(res.json.error.code).toBe(code);
    expect(server.admin.listCredentials()).toHaveLength(0);
    expect((await submit(server, token, body)).status).toBe(201);
  });

  it('answers 429 with Retry-After seconds (exposed to browsers)', async () => {
    const { server, token } = await paired();
    server.admin.injectFault({ kind: 'rate_limit', retryAfter: 7 });
    const res = await submit(server, token, await submission());
    expect(res.status).toBe(429);
    expect(res.json.error.code).toBe('rate_limited');
    expect(res.headers.get('retry-after')).toBe('7');
    expect(res.headers.get('access-control-expose-headers')).toBe('Retry-After');
  });

  it('delays the answer', async () => {
    const { server, token } = await paired();
    server.admin.injectFault({ kind: 'delay', ms: 250 });
    const started = Date.now();
    expect((await submit(server, token, await submission())).status).toBe(201);
    expect(Date.now() - started).toBeGreaterThanOrEqual(240);
  });

  it('resets the socket before processing: no answer, nothing stored', async () => {
    const { server, token } = await paired();
    server.admin.injectFault({ kind: 'reset' });
    const body = await submission();
    await expect(submit(server, token, body)).rejects.toThrow();
    expect(server.admin.listCredentials()).toHaveLength(0);
    expect((await submit(server, token, body)).status).toBe(201);
  });

  it('closes after processing: stored, no answer; the retry gets the first ack with 200', async () => {
    const { server, token } = await paired();
    server.admin.injectFault({ kind: 'close_after_processing' });
    const body = await submission({ secret: 'lost-ack-secret' });
    await expect(submit(server, token, body)).rejects.toThrow();
    const stored = server.admin.getCredential(body.captureId);
    expect(stored?.secret).toBe('lost-ack-secret');
    const retry = await submit(server, token, body);
    expect(retry.status).toBe(200);
    expect(retry.json).toEqual(stored?.ack);
    expect(server.admin.getCredential(body.captureId)?.submissions).toBe(2);
  });

  it('holds a request in progress until released: a replay meanwhile is 409, then the held one is stored', async () => {
    const { server, token } = await paired();
    server.admin.injectFault({ kind: 'hold' });
    const body = await submission({ secret: 'held-secret' });
    const held = submit(server, token, body);
    await vi.waitFor(() => expect(server.admin.heldRequests()).toBe(1));
    const replay = await submit(server, token, body);
    expect(replay.status).toBe(409);
    expect(replay.json.error.code).toBe('capture_in_progress');
    expect(server.admin.listCredentials()).toHaveLength(0);

    const released = await call(server, 'POST', '/__sandbox/faults/release', { body: {} });
    expect(released.json).toEqual({ released: 1 });
    expect((await held).status).toBe(201);
    expect(server.admin.getCredential(body.captureId)?.secret).toBe('held-secret');
    expect(server.admin.heldRequests()).toBe(0);
  });

  it('lets held requests go when the faults are cleared', async () => {
    const { server, token } = await paired();
    server.admin.injectFault({ kind: 'hold', count: 2 });
    const first = submit(server, token, await submission());
    const second = submit(server, token, await submission());
    await vi.waitFor(() => expect(server.admin.heldRequests()).toBe(2));
    server.admin.clearFaults();
    expect((await first).status).toBe(201);
    expect((await second).status).toBe(201);
  });

  it('applies a fault to the next N requests, in order, then stops', async () => {
    const { server, token } = await paired();
    server.admin.injectFault({ kind: 'reset', count: 2 });
    server.admin.injectFault({ kind: 'status', status: 503 });
    expect(server.admin.pendingFaults()).toMatchObject([
      { kind: 'reset', remaining: 2 },
      { kind: 'status', remaining: 1 },
    ]);
    const body = await submission();
    await expect(submit(server, token, body)).rejects.toThrow();
    await expect(submit(server, token, body)).rejects.toThrow();
    expect((await submit(server, token, body)).status).toBe(503);
    expect((await submit(server, token, body)).status).toBe(201);
    expect(server.admin.pendingFaults()).toEqual([]);
  });

  it('only affects POST /v1/credentials', async () => {
    const { server, token } = await paired();
    server.admin.injectFault({ kind: 'status', status: 500 });
    expect((await call(server, 'GET', '/v1/connection', { token })).status).toBe(200);
    expect(server.admin.pendingFaults()).toHaveLength(1);
  });

  it('is driven over HTTP too: POST/GET/DELETE /__sandbox/faults', async () => {
    const { server, token } = await paired();
    const added = await call(server, 'POST', '/__sandbox/faults', {
      body: [
        { kind: 'rate_limit', retryAfter: 3 },
        { kind: 'delay', ms: 10, count: 2 },
      ],
    });
    expect(added.status).toBe(201);
    expect(added.json.pending).toHaveLength(2);
    expect((await call(server, 'GET', '/__sandbox/faults')).json.pending[1]).toMatchObject({
      kind: 'delay',
      remaining: 2,
    });
    expect((await submit(server, token, await submission())).status).toBe(429);
    expect((await call(server, 'DELETE', '/__sandbox/faults')).status).toBe(204);
    expect((await call(server, 'GET', '/__sandbox/faults')).json.pending).toEqual([]);
    const bad = await call(server, 'POST', '/__sandbox/faults', { body: { kind: 'status', status: 418 } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe('invalid_request');
  });
});
