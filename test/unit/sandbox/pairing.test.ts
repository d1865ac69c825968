// Sandbox server: POST /v1/pairings/claim, DELETE /v1/pairing, GET /v1/connection auth (contract test vectors).
import { describe, expect, it } from 'vitest';
import { CLIENT, call, pair, start } from './helpers';

const claim = (server: Awaited<ReturnType<typeof start>>, code: string, client: unknown = CLIENT) =>
  call(server, 'POST', '/v1/pairings/claim', { body: { code, client } });

describe('sandbox: pairing', () => {
  it('claims a code written with the hyphen', async () => {
    const server = await start();
    const { code } = server.admin.createPairingCode({ accountName: 'Fabrikam' });
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    const res = await claim(server, code);
    expect(res.status).toBe(201);
    expect(res.json.pairingId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(res.json.account).toEqual({ id: 'acct_sandbox', name: 'Fabrikam' });
    expect(res.json.intakeToken.length).toBeGreaterThanOrEqual(32);
    expect(res.json.intakeToken.length).toBeLessThanOrEqual(512);
    const days = (Date.parse(res.json.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(89.9);
    expect(days).toBeLessThanOrEqual(90);
  });

  it('claims a code written without the hyphen', async () => {
    const server = await start();
    const { code } = server.admin.createPairingCode();
    expect((await claim(server, code.replace('-', ''))).status).toBe(201);
  });

  it('refuses lower case with 400: the pattern is upper case only, so normalising is the client’s job', async () => {
    const server = await start();
    const { code } = server.admin.createPairingCode();
    const res = await claim(server, code.toLowerCase());
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ code: 'invalid_request', field: 'code' });
    // The same code, upper-cased as the client sends it, still works.
    expect((await claim(server, code)).status).toBe(201);
  });

  it.each([
    ['stray spaces', ' ABCD-EFGH '],
    ['a letter outside Crockford base32', 'ABCD-EFGI'],
    ['too short', 'ABCD-EFG'],
  ])('refuses %s with 400 invalid_request', async (_name, code) => {
    const server = await start();
    const res = await claim(server, code);
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('invalid_request');
  });

  it('refuses a body that breaks the schema, naming the field', async () => {
    const server = await start();
    const { code } = server.admin.createPairingCode();
    const extra = await call(server, 'POST', '/v1/pairings/claim', { body: { code, client: CLIENT, extra: 1 } });
    expect(extra.json.error).toMatchObject({ code: 'invalid_request', field: 'extra' });
    const wrongName = await claim(server, code, { ...CLIENT, name: 'other' });
    expect(wrongName.json.error).toMatchObject({ code: 'invalid_request', field: 'client.name' });
    const browser = await claim(server, code, { ...CLIENT, browser: 'safari' });
    expect(browser.json.error.field).toBe('client.browser');
    const version = await claim(server, code, { ...CLIENT, version: 'x'.repeat(33) });
    expect(version.json.error.field).toBe('client.version');
    const notJson = await call(server, 'POST', '/v1/pairings/claim', { raw: '{"code":', headers: {} });
    expect(notJson.status).toBe(400);
    expect(notJson.json.error.code).toBe('invalid_request');
  });

  it('answers 404 for an unknown code and for a used one', async () => {
    const server = await start();
    expect((await claim(server, 'ABCD-EFGH')).json.error).toMatchObject({ code: 'pairing_code_unknown' });
    const { code } = server.admin.createPairingCode();
    expect((await claim(server, code)).status).toBe(201);
    const again = await claim(server, code);
    expect(again.status).toBe(404);
    expect(again.json.error.code).toBe('pairing_code_unknown');
  });

  it('answers 410 for an expired code', async () => {
    const server = await start();
    const { code, expiresAt } = server.admin.createPairingCode({ expired: true });
    expect(Date.parse(expiresAt)).toBeLessThan(Date.now());
    const res = await claim(server, code);
    expect(res.status).toBe(410);
    expect(res.json.error.code).toBe('pairing_code_expired');
  });

  it('answers 429 with Retry-After after five wrong codes within 60 s, even for a good code', async () => {
    const server = await start();
    const expired = server.admin.createPairingCode({ expired: true }).code;
    for (const code of ['ABCD-EFGH', 'ABCD-EFGJ', 'ABCD-EFGK', 'ABCDEFGM', expired]) {
      expect((await claim(server, code)).status).not.toBe(429);
    }
    const { code } = server.admin.createPairingCode();
    const limited = await claim(server, code);
    expect(limited.status).toBe(429);
    expect(limited.json.error.code).toBe('rate_limited');
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
  });

  it('does not count malformed codes towards the limit', async () => {
    const server = await start();
    for (let i = 0; i < 6; i++) expect((await claim(server, 'abcd-efgh')).status).toBe(400);
    expect((await claim(server, server.admin.createPairingCode().code)).status).toBe(201);
  });

  it('revokes: 204, then the token is refused at once with 401', async () => {
    const server = await start();
    const token = await pair(server);
    expect((await call(server, 'GET', '/v1/connection', { token })).status).toBe(200);
    const revoked = await call(server, 'DELETE', '/v1/pairing', { token });
    expect(revoked.status).toBe(204);
    expect(revoked.text).toBe('');
    for (const [method, path] of [
      ['GET', '/v1/connection'],
      ['DELETE', '/v1/pairing'],
      ['POST', '/v1/credentials'],
    ] as const) {
      const body = method === 'GET' ? undefined : {};
      const res = await call(server, method, path, { token, body, headers: { 'Idempotency-Key': 'x' } });
      expect(res.status).toBe(401);
      expect(res.json.error.code).toBe('unauthorized');
    }
  });

  it('answers 401 without a token or with a wrong one', async () => {
    const server = await start();
    await pair(server);
    expect((await call(server, 'GET', '/v1/connection')).json.error.code).toBe('unauthorized');
    expect((await call(server, 'GET', '/v1/connection', { token: 'x'.repeat(40) })).status).toBe(401);
  });

  it('reports the connection: pairing, account, accepted kids, no credential yet', async () => {
    const server = await start();
    const { code } = server.admin.createPairingCode({ accountId: 'acct_42', accountName: 'Northwind' });
    const paired = (await claim(server, code)).json;
    const res = await call(server, 'GET', '/v1/connection', { token: paired.intakeToken });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      pairingId: paired.pairingId,
      account: { id: 'acct_42', name: 'Northwind' },
      acceptedSealingKeyIds: ['stactize-sandbox-dev-1'],
      credential: null,
    });
  });

  it('stores a hash of the intake token, never the token', async () => {
    const server = await start();
    const token = await pair(server);
    const { readFileSync } = await import('node:fs');
    const file = readFileSync(server.dataFile as string, 'utf8');
    expect(file).not.toContain(token);
    expect(server.admin.state().pairings[0]?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });
});
