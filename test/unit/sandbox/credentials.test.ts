// Sandbox server: POST /v1/credentials — schema, sealing, idempotency, size limit (contract test vectors).
import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { call, pair, start, submission, submit } from './helpers';

async function paired() {
  const server = await start({ verification: { outcome: 'pending' } });
  return { server, token: await pair(server) };
}

describe('sandbox: credentials', () => {
  it('acknowledges with 201 and stores the decrypted secret', async () => {
    const { server, token } = await paired();
    const body = await submission({ secret: 'Zq8~top-secret-99' });
    const res = await submit(server, token, body);
    expect(res.status).toBe(201);
    const expectedSha = createHash('sha256').update(body.sealed, 'ascii').digest('base64url');
    expect(res.json).toEqual({
      captureId: body.captureId,
      credentialId: expect.any(String),
      status: 'pending_verification',
      receivedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      sealedSha256: expectedSha,
    });
    expect(res.json.sealedSha256).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = server.admin.getCredential(body.captureId);
    expect(stored).toMatchObject({
      secret: 'Zq8~top-secret-99',
      tenantId: body.tenantId,
      clientId: body.clientId,
      applicationName: 'Contoso Offer Sync',
      keyExpiresAt: '2027-05-31',
      kid: 'stactize-sandbox-dev-1',
      submissions: 1,
      ack: res.json,
    });
  });

  it('replays the same body with 200 and the first answer, key order free', async () => {
    const { server, token } = await paired();
    const body = await submission();
    const first = await submit(server, token, body);
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const replay = await submit(server, token, reordered as typeof body);
    expect(replay.status).toBe(200);
    expect(replay.json).toEqual(first.json);
    expect(server.admin.listCredentials()).toHaveLength(1);
    expect(server.admin.getCredential(body.captureId)?.submissions).toBe(2);
  });

  it('refuses the same key with a changed body: 422 idempotency_key_reused', async () => {
    const { server, token } = await paired();
    const body = await submission();
    expect((await submit(server, token, body)).status).toBe(201);
    const changed = await submit(server, token, { ...body, capturedAt: new Date(Date.now() + 1000).toISOString() });
    expect(changed.status).toBe(422);
    expect(changed.json.error.code).toBe('idempotency_key_reused');
  });

  it('refuses a sealed plaintext naming another clientId: 422 sealed_mismatch', async () => {
    const { server, token } = await paired();
    const body = await submission({ plaintext: { clientId: '11111111-2222-3333-4444-555555555555' } });
    const res = await submit(server, token, body);
    expect(res.status).toBe(422);
    expect(res.json.error).toMatchObject({ code: 'sealed_mismatch', field: 'clientId' });
    expect(server.admin.listCredentials()).toHaveLength(0);
  });

  it.each(['captureId', 'tenantId'] as const)('refuses a sealed plaintext with another %s', async (field) => {
    const { server, token } = await paired();
    const body = await submission({ plaintext: { [field]: '11111111-2222-3333-4444-555555555555' } });
    expect((await submit(server, token, body)).json.error).toMatchObject({ code: 'sealed_mismatch', field });
  });

  it('refuses an unknown kid: 422 unknown_sealing_key', async () => {
    const { server, token } = await paired();
    const res = await submit(server, token, await submission({ kid: 'stactize-2031-01' }));
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe('unknown_sealing_key');
  });

  it('refuses what does not open or is not the expected plaintext: 422 sealed_unreadable', async () => {
    const { server, token } = await paired();
    const body = await submission();
    const [h, k, iv, ct, tag] = body.sealed.split('.');
    const tampered = [h, k, iv, `${ct?.[0] === 'A' ? 'B' : 'A'}${ct?.slice(1)}`, tag].join('.');
    expect((await submit(server, token, { ...body, sealed: tampered })).json.error.code).toBe('sealed_unreadable');
    const v2 = await submission({ plaintext: { v: 2 } });
    expect((await submit(server, token, v2)).json.error.code).toBe('sealed_unreadable');
    const garbage = await submission({ body: { sealed: 'a.b.c.d.e' } });
    expect((await submit(server, token, garbage)).json.error.code).toBe('sealed_unreadable');
  });

  it('requires Idempotency-Key (400 idempotency_key_missing) equal to captureId', async () => {
    const { server, token } = await paired();
    const body = await submission();
    const missing = await call(server, 'POST', '/v1/credentials', { body, token });
    expect(missing.status).toBe(400);
    expect(missing.json.error.code).toBe('idempotency_key_missing');
    const other = await submit(server, token, body, crypto.randomUUID());
    expect(other.status).toBe(400);
    expect(other.json.error).toMatchObject({ code: 'invalid_request', field: 'Idempotency-Key' });
  });

  it.each([
    ['an unknown member', { extra: true }, 'extra'],
    ['a non-GUID tenantId', { tenantId: 'contoso.onmicrosoft.com' }, 'tenantId'],
    ['a date-time without offset', { capturedAt: '2026-11-27T10:00:00' }, 'capturedAt'],
    ['an impossible date', { keyExpiresAt: '2027-02-30' }, 'keyExpiresAt'],
    ['an over-long app name', { applicationName: 'x'.repeat(257) }, 'applicationName'],
    ['a sealed that is not a compact JWE', { sealed: 'not-a-jwe' }, 'sealed'],
    ['a sealed over 8192 characters', { sealed: `${'a'.repeat(8190)}.b.c.d.e` }, 'sealed'],
    ['another client name', { client: { name: 'x', version: '1', browser: 'chrome' } }, 'client.name'],
    [
      'an unknown client member',
      { client: { name: 'stactize-partner-center-companion', version: '1', browser: 'edge', x: 1 } },
      'client.x',
    ],
  ])('refuses %s with 400 invalid_request naming the field', async (_name, change, field) => {
    const { server, token } = await paired();
    const res = await submit(server, token, await submission({ body: change }));
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ code: 'invalid_request', field });
  });

  it('accepts null applicationName and keyExpiresAt, and their absence', async () => {
    const { server, token } = await paired();
    expect(
      (await submit(server, token, await submission({ body: { applicationName: null, keyExpiresAt: null } }))).status,
    ).toBe(201);
    const { applicationName: _a, keyExpiresAt: _k, ...bare } = await submission();
    expect((await submit(server, token, bare as Awaited<ReturnType<typeof submission>>)).status).toBe(201);
  });

  it('refuses a body of 16 KiB + 1 byte with 413, and takes 16 KiB', async () => {
    const { server, token } = await paired();
    const headers = { 'Idempotency-Key': crypto.randomUUID(), 'Content-Type': 'application/json' };
    const over = await call(server, 'POST', '/v1/credentials', { raw: ' '.repeat(16 * 1024 + 1), token, headers });
    expect(over.status).toBe(413);
    expect(over.json.error.code).toBe('payload_too_large');
    const body = await submission();
    const text = JSON.stringify(body);
    const exact = await call(server, 'POST', '/v1/credentials', {
      raw: text + ' '.repeat(16 * 1024 - Buffer.byteLength(text)),
      token,
      headers: { ...headers, 'Idempotency-Key': body.captureId },
    });
    expect(exact.status).toBe(201);
  });

  it('refuses a huge body without buffering it', async () => {
    const { server, token } = await paired();
    const res = await call(server, 'POST', '/v1/credentials', { raw: 'x'.repeat(512 * 1024), token });
    expect(res.status).toBe(413);
  });

  it('answers 409 capture_in_progress to a replay while the first is still processed', async () => {
    const { server, token } = await paired();
    server.admin.injectFault({ kind: 'hold' });
    const body = await submission();
    const first = submit(server, token, body);
    // The first request is marked in progress and held there until released.
    await vi.waitFor(() => expect(server.admin.heldRequests()).toBe(1));
    const during = await submit(server, token, body);
    expect(during.status).toBe(409);
    expect(during.json.error.code).toBe('capture_in_progress');
    expect(server.admin.listCredentials()).toHaveLength(0);
    expect(server.admin.releaseHeld()).toBe(1);
    expect((await first).status).toBe(201);
    const after = await submit(server, token, body);
    expect(after.status).toBe(200);
    expect(after.json).toEqual((await first).json);
  });

  it('keeps the captureId forever, even across pairings of the same account', async () => {
    const { server, token } = await paired();
    const body = await submission();
    const first = await submit(server, token, body);
    const second = await pair(server);
    expect((await submit(server, second, body)).json).toEqual(first.json);
  });
});
