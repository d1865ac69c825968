// Sandbox server: simulated verification (rules, transitions seen through GET /v1/connection) and restart persistence.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { call, pair, start, submission, submit, tempDir } from './helpers';

async function credentialOf(server: Awaited<ReturnType<typeof start>>, token: string) {
  return (await call(server, 'GET', '/v1/connection', { token })).json.credential;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('sandbox: verification', () => {
  it('turns verified after ~300 ms by default, seen through GET /v1/connection', async () => {
    const server = await start();
    const token = await pair(server);
    const body = await submission();
    const ack = (await submit(server, token, body)).json;
    const pending = await credentialOf(server, token);
    expect(pending).toEqual({
      captureId: body.captureId,
      credentialId: ack.credentialId,
      tenantId: body.tenantId,
      clientId: body.clientId,
      applicationName: 'Contoso Offer Sync',
      keyExpiresAt: '2027-05-31',
      status: 'pending_verification',
      reason: null,
      receivedAt: ack.receivedAt,
      verifiedAt: null,
    });
    const stored = server.admin.getCredential(body.captureId);
    expect(Date.parse(stored?.settleAt ?? '') - Date.parse(ack.receivedAt)).toBe(300);
    expect(server.admin.scheduledVerdicts()).toEqual([body.captureId]);
    await server.admin.whenSettled(body.captureId);
    const verified = await credentialOf(server, token);
    expect(verified).toMatchObject({ captureId: body.captureId, status: 'verified', reason: null });
    expect(Date.parse(verified.verifiedAt) - Date.parse(ack.receivedAt)).toBeGreaterThanOrEqual(250);
    expect(server.admin.scheduledVerdicts()).toEqual([]);
  });

  it('rejects with a reason, by global rule and per clientId', async () => {
    const server = await start({ verification: { delayMs: 0, outcome: { reject: 'insufficient_role' } } });
    const token = await pair(server);
    const first = await submission();
    await submit(server, token, first);
    await server.admin.whenSettled(first.captureId);
    expect(await credentialOf(server, token)).toMatchObject({
      captureId: first.captureId,
      status: 'rejected',
      reason: 'insufficient_role',
      verifiedAt: null,
    });

    const second = await submission();
    server.admin.setVerificationRules({
      delayMs: 0,
      outcome: 'verified',
      byClientId: { [(second.clientId as string).toUpperCase()]: { outcome: { reject: 'app_not_linked' } } },
    });
    await submit(server, token, second);
    await server.admin.whenSettled(second.captureId);
    expect(await credentialOf(server, token)).toMatchObject({
      captureId: second.captureId,
      status: 'rejected',
      reason: 'app_not_linked',
    });
    const third = await submission();
    await submit(server, token, third);
    await server.admin.whenSettled(third.captureId);
    expect(await credentialOf(server, token)).toMatchObject({
      captureId: third.captureId,
      status: 'verified',
      reason: null,
    });
  });

  it('sets rules and forces verdicts over HTTP', async () => {
    const server = await start();
    const token = await pair(server);
    const put = await call(server, 'PUT', '/__sandbox/verification', { body: { outcome: 'pending' } });
    expect(put.json).toEqual({ outcome: 'pending' });
    expect((await call(server, 'GET', '/__sandbox/verification')).json).toEqual({ outcome: 'pending' });
    const bad = await call(server, 'PUT', '/__sandbox/verification', { body: { outcome: { reject: 'nope' } } });
    expect(bad.status).toBe(400);
    const body = await submission();
    await submit(server, token, body);
    // Planned to stay pending, with no timer armed: nothing but a forced verdict can settle it.
    expect(server.admin.getCredential(body.captureId)).toMatchObject({
      status: 'pending_verification',
      plannedOutcome: 'pending',
      settleAt: null,
    });
    expect(server.admin.scheduledVerdicts()).toEqual([]);
    expect((await credentialOf(server, token)).status).toBe('pending_verification');
    const verdict = await call(server, 'POST', `/__sandbox/credentials/${body.captureId}/verdict`, {
      body: { outcome: { reject: 'secret_expired' } },
    });
    expect(verdict.json).toMatchObject({ status: 'rejected', reason: 'secret_expired' });
    expect(await credentialOf(server, token)).toMatchObject({ status: 'rejected', reason: 'secret_expired' });
  });

  it('loses nothing across a restart, and settles what fell due while it was down', async () => {
    const dataDir = tempDir();
    const first = await start({ dataDir, verification: { delayMs: 60_000 } });
    const token = await pair(first);
    const body = await submission({ secret: 'survives-restarts' });
    const ack = (await submit(first, token, body)).json;
    const settleAt = first.admin.getCredential(body.captureId)?.settleAt as string;
    expect(Date.parse(settleAt) - Date.parse(ack.receivedAt)).toBe(60_000);
    expect(first.admin.scheduledVerdicts()).toEqual([body.captureId]);
    const unused = first.admin.createPairingCode();
    await first.close();
    expect(first.admin.scheduledVerdicts()).toEqual([]);

    // The clock moves to the moment the verdict fell due, while no server was running.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.parse(settleAt) });
    const second = await start({ dataDir });
    expect(await credentialOf(second, token)).toMatchObject({
      captureId: body.captureId,
      status: 'verified',
      verifiedAt: settleAt,
    });
    const replay = await submit(second, token, body);
    expect(replay.status).toBe(200);
    expect(replay.json).toEqual(ack);
    expect(second.admin.getCredential(body.captureId)).toMatchObject({ secret: 'survives-restarts', submissions: 2 });
    const claimed = await call(second, 'POST', '/v1/pairings/claim', {
      body: { code: unused.code, client: { name: 'stactize-partner-center-companion', version: '1', browser: 'edge' } },
    });
    expect(claimed.status).toBe(201);
  });

  it('rejects a wait for a verdict when the server closes first, so a waiting test fails instead of hanging', async () => {
    const server = await start({ verification: { outcome: 'pending' } });
    const token = await pair(server);
    const body = await submission();
    await submit(server, token, body);
    const waiting = server.admin.whenSettled(body.captureId);
    await server.close();
    await expect(waiting).rejects.toThrow('sandbox stopped before a verdict');
  });

  it('keeps a revocation across a restart', async () => {
    const dataDir = tempDir();
    const first = await start({ dataDir });
    const token = await pair(first);
    await call(first, 'DELETE', '/v1/pairing', { token });
    await first.close();
    const second = await start({ dataDir });
    expect((await call(second, 'GET', '/v1/connection', { token })).status).toBe(401);
  });
});
