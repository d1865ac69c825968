// Sandbox server: CORS, routing errors, the admin HTTP API, the web page (escaping) and the loopback-only rules.
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { startSandboxServer } from '../../../sandbox/server/server';
import { call, pair, start, submission, submit } from './helpers';

function expectCors(headers: Headers) {
  expect(headers.get('access-control-allow-origin')).toBe('*');
  expect(headers.get('access-control-allow-headers')).toBe('Authorization, Content-Type, Idempotency-Key');
  expect(headers.get('access-control-allow-methods')).toContain('POST');
  expect(headers.get('access-control-expose-headers')).toBe('Retry-After');
  expect(headers.get('set-cookie')).toBeNull();
}

/** A raw request, to send a Host header fetch would not let us set. */
function rawGet(url: string, path: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { headers: { Host: host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('sandbox: HTTP surface', () => {
  it('sends CORS headers on success, on errors and on preflight', async () => {
    const server = await start();
    const token = await pair(server);
    expectCors((await call(server, 'GET', '/v1/connection', { token })).headers);
    expectCors((await call(server, 'GET', '/v1/connection')).headers);
    expectCors((await submit(server, token, await submission())).headers);
    expectCors((await call(server, 'POST', '/v1/credentials', { token, raw: ' '.repeat(17_000) })).headers);
    expectCors((await call(server, 'GET', '/v1/nope')).headers);
    const preflight = await call(server, 'OPTIONS', '/v1/credentials', {
      headers: {
        Origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization, content-type, idempotency-key',
      },
    });
    expect(preflight.status).toBe(204);
    expectCors(preflight.headers);
  });

  it('answers 404 for unknown routes and 405 for wrong methods, with the error body', async () => {
    const server = await start();
    const missing = await call(server, 'GET', '/v2/credentials');
    expect(missing.status).toBe(404);
    expect(missing.json).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
    const wrong = await call(server, 'GET', '/v1/credentials');
    expect(wrong.status).toBe(405);
    expect(wrong.json.error.code).toBe('method_not_allowed');
    expect(wrong.headers.get('allow')).toBe('POST, OPTIONS');
  });

  it('creates pairing codes over HTTP, optionally expired or with an account name', async () => {
    const server = await start();
    const res = await call(server, 'POST', '/__sandbox/pairing-codes', { body: { accountName: 'Adatum' } });
    expect(res.status).toBe(201);
    expect(res.json.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(res.json.account.name).toBe('Adatum');
    const expired = await call(server, 'POST', '/__sandbox/pairing-codes', { body: { expired: true } });
    const claim = await call(server, 'POST', '/v1/pairings/claim', {
      body: {
        code: expired.json.code,
        client: { name: 'stactize-partner-center-companion', version: '1', browser: 'other' },
      },
    });
    expect(claim.status).toBe(410);
  });

  it('lists received credentials with the secret and submission counts, and resets everything', async () => {
    const server = await start();
    const token = await pair(server);
    const body = await submission({ secret: 'listed-secret' });
    await submit(server, token, body);
    await submit(server, token, body);
    const list = await call(server, 'GET', '/__sandbox/credentials');
    expect(list.json.credentials).toHaveLength(1);
    expect(list.json.credentials[0]).toMatchObject({
      captureId: body.captureId,
      secret: 'listed-secret',
      submissions: 2,
    });
    expect(list.json.credentials[0]).not.toHaveProperty('bodyCanonical');

    server.admin.injectFault({ kind: 'reset' });
    const reset = await call(server, 'POST', '/__sandbox/reset', { body: {} });
    expect(reset.status).toBe(204);
    expect((await call(server, 'GET', '/__sandbox/credentials')).json.credentials).toEqual([]);
    expect(server.admin.pendingFaults()).toEqual([]);
    expect((await call(server, 'GET', '/v1/connection', { token })).status).toBe(401);
  });

  it('keeps the admin API to same-origin callers: no CORS, JSON bodies only, loopback Host only', async () => {
    const server = await start();
    const res = await call(server, 'GET', '/__sandbox/credentials');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await call(server, 'OPTIONS', '/__sandbox/reset');
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const form = await call(server, 'POST', '/__sandbox/reset', {
      raw: 'a=1',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(415);
    expect(await rawGet(server.url, '/__sandbox/credentials', 'attacker.example:80')).toBe(403);
    expect(await rawGet(server.url, '/', 'rebind.attacker.example')).toBe(403);
    expect(await rawGet(server.url, '/', `localhost:${server.port}`)).toBe(200);
  });

  it('serves a page that escapes received markup and never shows the secret', async () => {
    const server = await start();
    const token = await pair(server);
    const appName = '<img src=x onerror="alert(1)">&<script>alert(2)</script>';
    await submit(server, token, await submission({ secret: 'page-secret-XY', body: { applicationName: appName } }));
    const res = await call(server, 'GET', '/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.text).toContain('Create pairing code');
    expect(res.text).toContain(
      '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&lt;script&gt;alert(2)&lt;/script&gt;',
    );
    expect(res.text).not.toContain('<img');
    expect(res.text).not.toContain('alert(2)</script>');
    expect(res.text).not.toContain('page-secret-XY');
    expect(res.text).toContain('14 chars, ••••XY');
    const overview = await call(server, 'GET', '/__sandbox/overview');
    expect(overview.text).not.toContain('page-secret-XY');
    expect(overview.json.credentials[0].applicationName).toBe(appName);
    const script = await call(server, 'GET', '/app.js');
    expect(script.text).toContain('textContent');
    expect(script.text).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  });

  it('refuses to bind anything but loopback', async () => {
    await expect(startSandboxServer({ port: 0, host: '0.0.0.0' })).rejects.toThrow(/loopback/);
    await expect(startSandboxServer({ port: 0, host: '192.168.1.10' })).rejects.toThrow(/loopback/);
  });

  it('reports a busy port as EADDRINUSE', async () => {
    const server = await start();
    await expect(startSandboxServer({ port: server.port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });
});
