/**
 * The Intake API client against the contract (shared/stactize-intake-api): schemas, the requests it sends, every
 * error kind from a fake fetch, the acknowledgement check, and fuzzed answers.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  Acknowledgement,
  ackMatches,
  ClaimPairingRequest,
  ClaimPairingResponse,
  type ClientInfo,
  Connection,
  CredentialStatus,
  CredentialSubmission,
  createIntakeClient,
  ErrorBody,
  type IntakeError,
  isRetryable,
  MAX_RESPONSE_BYTES,
  parseRetryAfter,
  sealedSha256,
} from '../../../utils/delivery/intake-api';

const BASE = 'http://127.0.0.1:8787';
const TOKEN = `it_${'A1b2C3d4'.repeat(6)}`;
const CLIENT: ClientInfo = { name: 'stactize-partner-center-companion', version: '0.1.0', browser: 'chrome' };
const CAPTURE_ID = '0b6f3c8e-2a41-4d7e-9c55-7f1e2d3a4b5c';
const SEALED =
  'eyJhbGciOiJSU0EtT0FFUC0yNTYiLCJlbmMiOiJBMjU2R0NNIiwia2lkIjoic2FuZGJveC0xIn0.q2x3-Zz_9a.Iv1234567890ab.Y2lwaGVydGV4dA.dGFnLXRhZy10YWctdGFn';
const SUBMISSION: CredentialSubmission = {
  captureId: CAPTURE_ID,
  tenantId: '72F988BF-86F1-41AF-91AB-2D7CD011DB47',
  clientId: 'a1b2c3d4-e5f6-4a5b-8c7d-0e1f2a3b4c5d',
  applicationName: 'Stactize Marketplace',
  keyExpiresAt: '2027-06-30',
  capturedAt: '2025-11-27T05:48:12.345Z',
  sealed: SEALED,
  client: CLIENT,
};
/** Computed independently of the code under test. */
const SEALED_SHA = createHash('sha256').update(SEALED, 'ascii').digest('base64url');
const ACK = {
  captureId: CAPTURE_ID,
  credentialId: 'cred_01J',
  status: 'pending_verification',
  receivedAt: '2025-11-27T05:48:13Z',
  sealedSha256: SEALED_SHA,
};
const ACCOUNT = { id: 'acct_42', name: 'Contoso Ltd' };
const CLAIMED = {
  pairingId: '9d3c2b1a-0f9e-4d8c-b7a6-5f4e3d2c1b0a',
  account: ACCOUNT,
  intakeToken: TOKEN,
  expiresAt: '2026-02-25T05:48:12Z',
};
const CREDENTIAL = {
  captureId: CAPTURE_ID,
  credentialId: 'cred_01J',
  tenantId: SUBMISSION.tenantId,
  clientId: SUBMISSION.clientId,
  applicationName: 'Stactize Marketplace',
  keyExpiresAt: '2027-06-30',
  status: 'rejected',
  reason: 'secret_expired',
  receivedAt: '2025-11-27T05:48:13Z',
  verifiedAt: '2025-11-27T05:49:00+01:00',
};
const CONNECTION = {
  pairingId: CLAIMED.pairingId,
  account: ACCOUNT,
  acceptedSealingKeyIds: ['sandbox-1'],
  credential: CREDENTIAL,
};

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
const apiError = (status: number, code: string, extra: Record<string, unknown> = {}, headers = {}) =>
  json(status, { error: { code, message: `${code} happened`, ...extra } }, headers);

type Responder = (url: string, init: RequestInit) => Response | Promise<Response>;

function setup(respond: Responder, timeoutMs?: number) {
  const fetch = vi.fn<typeof globalThis.fetch>(async (input, init) => respond(String(input), init ?? {}));
  const client = createIntakeClient({ baseUrl: BASE, fetch, timeoutMs });
  const request = (n = 0) => {
    const [url, init] = fetch.mock.calls[n] ?? [];
    return { url: String(url), init: init ?? {}, headers: new Headers(init?.headers) };
  };
  return { client, fetch, request };
}

const errorOf = <T>(result: { ok: true; data: T } | { ok: false; error: IntakeError }): IntakeError => {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.data)}`);
  return result.error;
};

afterEach(() => {
  vi.useRealTimers();
});

describe('schemas', () => {
  it('accept the contract examples', () => {
    expect(CredentialSubmission.safeParse(SUBMISSION).success).toBe(true);
    expect(Acknowledgement.safeParse(ACK).success).toBe(true);
    expect(ClaimPairingResponse.safeParse(CLAIMED).success).toBe(true);
    expect(Connection.safeParse(CONNECTION).success).toBe(true);
    expect(Connection.safeParse({ ...CONNECTION, credential: null }).success).toBe(true);
    expect(ClaimPairingRequest.safeParse({ code: 'ABCDEFGH', client: CLIENT }).success).toBe(true);
    expect(ErrorBody.safeParse({ error: { code: 'x', message: 'y', field: 'z' } }).success).toBe(true);
  });

  it.each<[string, Record<string, unknown>]>([
    ['an unknown key', { extra: 1 }],
    ['a lower-case GUID with a brace', { tenantId: '{72f988bf-86f1-41af-91ab-2d7cd011db47}' }],
    ['a short clientId', { clientId: 'a1b2c3d4-e5f6-4a5b-8c7d-0e1f2a3b4c5' }],
    ['a captureId that is not a uuid', { captureId: 'capture-1' }],
    ['a sealed with four parts', { sealed: 'a.b.c.d' }],
    ['a sealed with padding', { sealed: 'a.b.c.d.e=' }],
    ['a sealed over 8192 characters', { sealed: `${'a'.repeat(8185)}.b.c.d.e` }],
    ['another client name', { client: { ...CLIENT, name: 'other' } }],
    ['a client version over 32 characters', { client: { ...CLIENT, version: '1'.repeat(33) } }],
    ['an unknown browser', { client: { ...CLIENT, browser: 'safari' } }],
    ['an unknown key in client', { client: { ...CLIENT, os: 'linux' } }],
    ['an applicationName over 256 characters', { applicationName: 'x'.repeat(257) }],
    ['a keyExpiresAt with a time', { keyExpiresAt: '2027-06-30T00:00:00Z' }],
    ['a keyExpiresAt that does not exist', { keyExpiresAt: '2027-02-29' }],
    ['a keyExpiresAt as shown in the UI', { keyExpiresAt: '6/30/2027' }],
    ['a capturedAt without an offset', { capturedAt: '2025-11-27T05:48:12' }],
    ['a capturedAt without seconds', { capturedAt: '2025-11-27T05:48Z' }],
    ['a capturedAt as a number', { capturedAt: 1764222492345 }],
  ])('CredentialSubmission refuses %s', (_, change) => {
    expect(CredentialSubmission.safeParse({ ...SUBMISSION, ...change }).success).toBe(false);
  });

  it('CredentialSubmission takes null or absent optional fields, and limits by code points', () => {
    expect(CredentialSubmission.safeParse({ ...SUBMISSION, applicationName: null, keyExpiresAt: null }).success).toBe(
      true,
    );
    const { applicationName: _a, keyExpiresAt: _k, ...required } = SUBMISSION;
    expect(CredentialSubmission.safeParse(required).success).toBe(true);
    expect(CredentialSubmission.safeParse({ ...SUBMISSION, applicationName: '🔑'.repeat(256) }).success).toBe(true);
    expect(CredentialSubmission.safeParse({ ...SUBMISSION, applicationName: '🔑'.repeat(257) }).success).toBe(false);
    expect(CredentialSubmission.safeParse({ ...SUBMISSION, keyExpiresAt: '2028-02-29' }).success).toBe(true);
    expect(CredentialSubmission.safeParse({ ...SUBMISSION, capturedAt: '2025-11-27t05:48:12.1-08:00' }).success).toBe(
      true,
    );
  });

  it('the largest valid submission stays under the 16 KiB body limit', () => {
    const largest = {
      ...SUBMISSION,
      applicationName: '🔑'.repeat(256),
      sealed: `${'a'.repeat(8184)}.b.c.d.e`,
      client: { ...CLIENT, version: '🔑'.repeat(32) },
    };
    expect(CredentialSubmission.safeParse(largest).success).toBe(true);
    expect(new TextEncoder().encode(JSON.stringify(largest)).byteLength).toBeLessThanOrEqual(16 * 1024);
  });

  it('bound the strings the contract bounds', () => {
    const claimed = (change: object) => ClaimPairingResponse.safeParse({ ...CLAIMED, ...change }).success;
    expect(claimed({ intakeToken: 'a'.repeat(32) })).toBe(true);
    expect(claimed({ intakeToken: 'a'.repeat(31) })).toBe(false);
    expect(claimed({ intakeToken: 'a'.repeat(512) })).toBe(true);
    expect(claimed({ intakeToken: 'a'.repeat(513) })).toBe(false);
    expect(claimed({ intakeToken: `${'a'.repeat(40)}\r\nX-Evil: 1` })).toBe(false);
    expect(claimed({ account: { id: 'i'.repeat(64), name: 'n'.repeat(256) } })).toBe(true);
    expect(claimed({ account: { id: 'i'.repeat(65), name: 'n' } })).toBe(false);
    expect(claimed({ account: { id: 'i', name: 'n'.repeat(257) } })).toBe(false);
  });

  it('CredentialStatus takes each status and reason, null and absent, and nothing else', () => {
    for (const status of ['pending_verification', 'verified', 'rejected']) {
      expect(CredentialStatus.safeParse({ ...CREDENTIAL, status }).success).toBe(true);
    }
    for (const reason of [
      'invalid_client_secret',
      'secret_expired',
      'app_not_linked',
      'insufficient_role',
      'tenant_mismatch',
      null,
      undefined,
    ]) {
      expect(CredentialStatus.safeParse({ ...CREDENTIAL, reason }).success).toBe(true);
    }
    expect(CredentialStatus.safeParse({ ...CREDENTIAL, reason: 'other' }).success).toBe(false);
    expect(CredentialStatus.safeParse({ ...CREDENTIAL, status: 'unknown' }).success).toBe(false);
    expect(CredentialStatus.safeParse({ ...CREDENTIAL, verifiedAt: 'yesterday' }).success).toBe(false);
  });

  it('Acknowledgement requires pending_verification and a 43-character base64url hash', () => {
    expect(Acknowledgement.safeParse({ ...ACK, status: 'verified' }).success).toBe(false);
    expect(Acknowledgement.safeParse({ ...ACK, sealedSha256: `${SEALED_SHA}=` }).success).toBe(false);
    expect(Acknowledgement.safeParse({ ...ACK, sealedSha256: SEALED_SHA.slice(1) }).success).toBe(false);
    expect(Acknowledgement.safeParse({ ...ACK, sealedSha256: `+${SEALED_SHA.slice(1)}` }).success).toBe(false);
  });

  it('ErrorBody requires code and message strings', () => {
    expect(ErrorBody.safeParse({ error: { code: 'x' } }).success).toBe(false);
    expect(ErrorBody.safeParse({ code: 'x', message: 'y' }).success).toBe(false);
    expect(ErrorBody.safeParse({ error: { code: 1, message: 'y' } }).success).toBe(false);
  });
});

describe('requests', () => {
  it.each(['ABCD-EFGH', 'ABCDEFGH', 'abcd-efgh', ' abcd efgh '])('claimPairing(%j) sends ABCD-EFGH', async (code) => {
    const { client, request } = setup(() => json(201, CLAIMED));
    expect(await client.claimPairing(code, CLIENT)).toEqual({ ok: true, status: 201, data: CLAIMED });
    const { url, init, headers } = request();
    expect(url).toBe(`${BASE}/v1/pairings/claim`);
    expect(init).toMatchObject({ method: 'POST', credentials: 'omit', cache: 'no-store', redirect: 'error' });
    expect(init.signal).toBeInstanceOf(AbortSignal);
    expect(JSON.parse(String(init.body))).toEqual({ code: 'ABCD-EFGH', client: CLIENT });
    expect(headers.get('Content-Type')).toBe('application/json');
    expect(headers.get('Accept')).toBe('application/json');
    expect(headers.has('Authorization')).toBe(false);
    expect(headers.has('Cookie')).toBe(false);
  });

  it('claimPairing refuses a malformed code or client without calling the server', async () => {
    const { client, fetch } = setup(() => json(201, CLAIMED));
    const badCode = errorOf(await client.claimPairing('ABCD-EFGO', CLIENT));
    expect(badCode).toEqual({ kind: 'invalid_request', field: 'code', reason: 'pairing code: characters' });
    expect(errorOf(await client.claimPairing('', CLIENT))).toMatchObject({ reason: 'pairing code: empty' });
    const badClient = { ...CLIENT, browser: 'safari' } as unknown as ClientInfo;
    expect(errorOf(await client.claimPairing('ABCD-EFGH', badClient)).kind).toBe('invalid_request');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('revokePairing sends DELETE with the bearer token and no body', async () => {
    const { client, request } = setup(() => new Response(null, { status: 204 }));
    expect(await client.revokePairing(TOKEN)).toEqual({ ok: true, status: 204, data: null });
    const { url, init, headers } = request();
    expect(url).toBe(`${BASE}/v1/pairing`);
    expect(init).toMatchObject({ method: 'DELETE', credentials: 'omit', cache: 'no-store', redirect: 'error' });
    expect(init.body).toBeUndefined();
    expect(headers.get('Authorization')).toBe(`Bearer ${TOKEN}`);
    expect(headers.has('Content-Type')).toBe(false);
  });

  it('getConnection sends GET with the bearer token and returns the parsed state', async () => {
    const { client, request } = setup(() => json(200, CONNECTION));
    expect(await client.getConnection(TOKEN)).toEqual({ ok: true, status: 200, data: CONNECTION });
    const { url, init, headers } = request();
    expect(url).toBe(`${BASE}/v1/connection`);
    expect(init).toMatchObject({ method: 'GET', credentials: 'omit', cache: 'no-store', redirect: 'error' });
    expect(headers.get('Authorization')).toBe(`Bearer ${TOKEN}`);
    expect(headers.has('Cookie')).toBe(false);
  });

  it('submitCredential sends the body with Idempotency-Key = captureId', async () => {
    const { client, request } = setup(() => json(201, ACK));
    expect(await client.submitCredential(TOKEN, SUBMISSION)).toEqual({ ok: true, status: 201, data: ACK });
    const { url, init, headers } = request();
    expect(url).toBe(`${BASE}/v1/credentials`);
    expect(init).toMatchObject({ method: 'POST', credentials: 'omit', cache: 'no-store', redirect: 'error' });
    expect(JSON.parse(String(init.body))).toEqual(SUBMISSION);
    expect(headers.get('Idempotency-Key')).toBe(CAPTURE_ID);
    expect(headers.get('Authorization')).toBe(`Bearer ${TOKEN}`);
    expect(headers.get('Content-Type')).toBe('application/json');
    expect(headers.has('Cookie')).toBe(false);
  });

  it('a retry resends the identical body, and a 200 replay with the same ack is success', async () => {
    const { client, fetch, request } = setup(() => json(200, ACK));
    await client.submitCredential(TOKEN, SUBMISSION);
    expect(await client.submitCredential(TOKEN, { ...SUBMISSION })).toEqual({ ok: true, status: 200, data: ACK });
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(request(1).init.body).toBe(request(0).init.body);
  });

  it('a trailing slash on the base URL and a path prefix are kept right', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(async () => json(200, CONNECTION));
    await createIntakeClient({ baseUrl: 'https://intake.stactize.example/api/', fetch }).getConnection(TOKEN);
    expect(String(fetch.mock.calls[0]?.[0])).toBe('https://intake.stactize.example/api/v1/connection');
  });

  it('uses the global fetch, looked up per call, when none is given', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(async () => json(200, CONNECTION));
    const client = createIntakeClient({ baseUrl: BASE });
    vi.stubGlobal('fetch', fetch);
    try {
      expect((await client.getConnection(TOKEN)).ok).toBe(true);
    } finally {
      vi.unstubAllGlobals();
    }
    expect(fetch).toHaveBeenCalledOnce();
  });

  it('refuses a malformed token or submission without calling the server', async () => {
    const { client, fetch } = setup(() => json(201, ACK));
    for (const token of ['', 'short', `${'a'.repeat(40)}\n`, 'a'.repeat(513), `${'ä'.repeat(40)}`]) {
      expect(errorOf(await client.getConnection(token))).toMatchObject({ kind: 'invalid_request', field: 'token' });
      expect(errorOf(await client.revokePairing(token)).kind).toBe('invalid_request');
      expect(errorOf(await client.submitCredential(token, SUBMISSION)).kind).toBe('invalid_request');
    }
    const withExtra = { ...SUBMISSION, secret: 'plain' } as CredentialSubmission;
    const error = errorOf(await client.submitCredential(TOKEN, withExtra));
    expect(error.kind).toBe('invalid_request');
    expect(JSON.stringify(error)).not.toContain('plain');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('createIntakeClient refuses a bad timeout or base URL', () => {
    expect(() => createIntakeClient({ baseUrl: BASE, timeoutMs: 25_001 })).toThrow(RangeError);
    expect(() => createIntakeClient({ baseUrl: BASE, timeoutMs: 0 })).toThrow(RangeError);
    expect(() => createIntakeClient({ baseUrl: BASE, timeoutMs: Number.NaN })).toThrow(RangeError);
    expect(() => createIntakeClient({ baseUrl: BASE, timeoutMs: 25_000 })).not.toThrow();
    expect(() => createIntakeClient({ baseUrl: 'not a url' })).toThrow();
    expect(() => createIntakeClient({ baseUrl: 'ftp://127.0.0.1' })).toThrow();
  });
});

describe('errors', () => {
  it('a rejected fetch is a network error, every time it happens', async () => {
    const { client, fetch } = setup(() => {
      throw new TypeError('Failed to fetch');
    });
    expect(errorOf(await client.submitCredential(TOKEN, SUBMISSION))).toEqual({ kind: 'network' });
    expect(errorOf(await client.submitCredential(TOKEN, SUBMISSION))).toEqual({ kind: 'network' });
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('a body cut off mid-read is a network error', async () => {
    const { client } = setup(() => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"captureId":'));
          controller.error(new TypeError('network error'));
        },
      });
      return new Response(body, { status: 201 });
    });
    expect(errorOf(await client.submitCredential(TOKEN, SUBMISSION))).toEqual({ kind: 'network' });
  });

  it('a fetch that honours its signal times out after timeoutMs (fake timers)', async () => {
    vi.useFakeTimers();
    const { client, request } = setup(
      (_, init) =>
        new Promise((_resolve, reject) => {
          init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
    );
    const pending = client.getConnection(TOKEN);
    await vi.advanceTimersByTimeAsync(19_999);
    expect(request().init.signal?.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(errorOf(await pending)).toEqual({ kind: 'timeout' });
    expect(request().init.signal?.aborted).toBe(true);
  });

  it('a fetch that never settles and ignores its signal still times out', async () => {
    const { client } = setup(() => new Promise<Response>(() => {}), 30);
    expect(errorOf(await client.submitCredential(TOKEN, SUBMISSION))).toEqual({ kind: 'timeout' });
  });

  it('a body that never ends times out', async () => {
    const { client } = setup(() => new Response(new ReadableStream({ pull: () => new Promise(() => {}) })), 30);
    expect(errorOf(await client.getConnection(TOKEN))).toEqual({ kind: 'timeout' });
  });

  const cases: [string, Response, IntakeError, boolean][] = [
    [
      '400 invalid_request',
      apiError(400, 'invalid_request', { field: 'code' }),
      { kind: 'http', status: 400, code: 'invalid_request', message: 'invalid_request happened', field: 'code' },
      false,
    ],
    [
      '401 unauthorized',
      apiError(401, 'unauthorized'),
      { kind: 'http', status: 401, code: 'unauthorized', message: 'unauthorized happened' },
      false,
    ],
    [
      '404 pairing_code_unknown (also a used code)',
      apiError(404, 'pairing_code_unknown'),
      { kind: 'http', status: 404, code: 'pairing_code_unknown', message: 'pairing_code_unknown happened' },
      false,
    ],
    [
      '410 pairing_code_expired',
      apiError(410, 'pairing_code_expired'),
      { kind: 'http', status: 410, code: 'pairing_code_expired', message: 'pairing_code_expired happened' },
      false,
    ],
    [
      '409 capture_in_progress',
      apiError(409, 'capture_in_progress'),
      { kind: 'http', status: 409, code: 'capture_in_progress', message: 'capture_in_progress happened' },
      true,
    ],
    [
      '413 payload_too_large (a body of 16 KiB + 1)',
      apiError(413, 'payload_too_large'),
      { kind: 'http', status: 413, code: 'payload_too_large', message: 'payload_too_large happened' },
      false,
    ],
    [
      '422 idempotency_key_reused (a replay with a changed body)',
      apiError(422, 'idempotency_key_reused'),
      { kind: 'http', status: 422, code: 'idempotency_key_reused', message: 'idempotency_key_reused happened' },
      false,
    ],
    [
      '422 sealed_mismatch (plaintext names another clientId)',
      apiError(422, 'sealed_mismatch', { field: 'sealed' }),
      { kind: 'http', status: 422, code: 'sealed_mismatch', message: 'sealed_mismatch happened', field: 'sealed' },
      false,
    ],
    [
      '422 unknown_sealing_key (unknown kid)',
      apiError(422, 'unknown_sealing_key', { field: 'sealed' }),
      {
        kind: 'http',
        status: 422,
        code: 'unknown_sealing_key',
        message: 'unknown_sealing_key happened',
        field: 'sealed',
      },
      false,
    ],
    [
      '429 rate_limited with Retry-After seconds',
      apiError(429, 'rate_limited', {}, { 'Retry-After': '42' }),
      { kind: 'http', status: 429, code: 'rate_limited', message: 'rate_limited happened', retryAfterMs: 42_000 },
      true,
    ],
    [
      '429 without Retry-After',
      apiError(429, 'rate_limited'),
      { kind: 'http', status: 429, code: 'rate_limited', message: 'rate_limited happened' },
      true,
    ],
    [
      '503 unavailable with Retry-After',
      apiError(503, 'unavailable', {}, { 'Retry-After': '5' }),
      { kind: 'http', status: 503, code: 'unavailable', message: 'unavailable happened', retryAfterMs: 5000 },
      true,
    ],
    [
      '500 without a body',
      new Response(null, { status: 500 }),
      { kind: 'http', status: 500, code: 'unknown', message: 'HTTP 500 without a contract error body' },
      true,
    ],
    [
      '502 from a proxy with an HTML page',
      new Response('<html>Bad gateway</html>', { status: 502, headers: { 'Content-Type': 'text/html' } }),
      { kind: 'http', status: 502, code: 'unknown', message: 'HTTP 502 without a contract error body' },
      true,
    ],
    [
      '400 with an error body that is not the contract shape',
      json(400, { message: 'bad', code: 'invalid_request' }),
      { kind: 'http', status: 400, code: 'unknown', message: 'HTTP 400 without a contract error body' },
      false,
    ],
    [
      '422 with a field that is not a string',
      json(422, { error: { code: 'sealed_mismatch', message: 'm', field: 7 } }),
      { kind: 'http', status: 422, code: 'unknown', message: 'HTTP 422 without a contract error body' },
      false,
    ],
    [
      '201 with malformed JSON',
      new Response('{"captureId": "0b6f', { status: 201 }),
      { kind: 'bad_response', status: 201, reason: 'body is not JSON' },
      true,
    ],
    [
      '200 with an empty body',
      new Response('', { status: 200 }),
      { kind: 'bad_response', status: 200, reason: 'body is not JSON' },
      true,
    ],
    [
      '201 with the wrong schema',
      json(201, { ...ACK, status: 'verified' }),
      { kind: 'bad_response', status: 201, reason: 'status: invalid_value' },
      true,
    ],
    [
      '201 with an error body',
      apiError(201, 'surprise'),
      { kind: 'bad_response', status: 201, reason: expect.stringContaining('invalid_type') },
      true,
    ],
    [
      '202, a success the contract does not name',
      json(202, ACK),
      { kind: 'bad_response', status: 202, reason: 'unexpected 202' },
      true,
    ],
    [
      `201 with a body over ${MAX_RESPONSE_BYTES} bytes`,
      json(201, { ...ACK, credentialId: 'x'.repeat(MAX_RESPONSE_BYTES) }),
      { kind: 'bad_response', status: 201, reason: 'body too large' },
      true,
    ],
  ];

  it.each(cases)('submitCredential: %s', async (_, response, expected, retryable) => {
    const { client } = setup(() => response);
    const error = errorOf(await client.submitCredential(TOKEN, SUBMISSION));
    expect(error).toEqual(expected);
    expect(isRetryable(error)).toBe(retryable);
  });

  it('429 with Retry-After as an HTTP-date', async () => {
    const when = new Date(Date.now() + 120_000).toUTCString();
    const { client } = setup(() => apiError(429, 'rate_limited', {}, { 'Retry-After': when }));
    const error = errorOf(await client.claimPairing('ABCD-EFGH', CLIENT));
    expect(error).toMatchObject({ kind: 'http', status: 429, code: 'rate_limited' });
    const retryAfterMs = error.kind === 'http' ? error.retryAfterMs : undefined;
    expect(retryAfterMs).toBeGreaterThan(115_000);
    expect(retryAfterMs).toBeLessThanOrEqual(120_000);
  });

  it('the claim vectors: a used code and an expired code', async () => {
    const used = setup(() => apiError(404, 'pairing_code_unknown')).client;
    expect(errorOf(await used.claimPairing('abcd-efgh', CLIENT))).toMatchObject({ status: 404 });
    const expired = setup(() => apiError(410, 'pairing_code_expired')).client;
    expect(errorOf(await expired.claimPairing('ABCDEFGH', CLIENT))).toMatchObject({ status: 410 });
  });

  it('a claim answer with a bad token is refused without echoing it', async () => {
    const leaked = `${'s3cr3t'.repeat(10)}\n`;
    const { client } = setup(() => json(201, { ...CLAIMED, intakeToken: leaked }));
    const error = errorOf(await client.claimPairing('ABCD-EFGH', CLIENT));
    expect(error).toEqual({ kind: 'bad_response', status: 201, reason: 'intakeToken: invalid_format' });
  });

  it('returns a schema-valid ack that does not match as it is, for the caller to check with ackMatches', async () => {
    const other = { ...ACK, sealedSha256: createHash('sha256').update('other').digest('base64url') };
    const { client } = setup(() => json(201, other));
    const result = await client.submitCredential(TOKEN, SUBMISSION);
    expect(result).toEqual({ ok: true, status: 201, data: other });
    expect(result.ok && (await ackMatches(result.data, SUBMISSION))).toBe(false);
  });

  it('never puts the token, the body or sealed into an error, even when the server echoes them', async () => {
    const echo = `got ${TOKEN} and ${SEALED} and ${SUBMISSION.capturedAt}`;
    const { client } = setup(() => json(422, { error: { code: 'sealed_unreadable', message: echo, field: SEALED } }));
    const error = errorOf(await client.submitCredential(TOKEN, SUBMISSION));
    expect(error).toMatchObject({ kind: 'http', code: 'sealed_unreadable', field: '[redacted]' });
    const text = JSON.stringify(error);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(SEALED);
    const revoke = setup(() => json(401, { error: { code: 'unauthorized', message: `bad token ${TOKEN}` } }));
    expect(JSON.stringify(await revoke.client.revokePairing(TOKEN))).not.toContain(TOKEN);
  });

  it('isRetryable sorts every kind', () => {
    const http = (status: number, code = 'x'): IntakeError => ({ kind: 'http', status, code, message: '' });
    expect(isRetryable({ kind: 'network' })).toBe(true);
    expect(isRetryable({ kind: 'timeout' })).toBe(true);
    for (const status of [408, 429, 500, 502, 503, 504]) expect(isRetryable(http(status))).toBe(true);
    expect(isRetryable(http(409, 'capture_in_progress'))).toBe(true);
    for (const status of [400, 401, 403, 404, 409, 410, 413, 422, 501]) expect(isRetryable(http(status))).toBe(false);
    expect(isRetryable({ kind: 'bad_response', status: 201, reason: '' })).toBe(true);
    expect(isRetryable({ kind: 'bad_response', status: 200, reason: '' })).toBe(true);
    expect(isRetryable({ kind: 'invalid_request', reason: '' })).toBe(false);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.UTC(2025, 10, 27, 5, 0, 0);
  it.each<[string | null, number | undefined]>([
    ['0', 0],
    ['120', 120_000],
    [' 7 ', 7000],
    ['86400', 3_600_000],
    ['Thu, 27 Nov 2025 05:00:30 GMT', 30_000],
    ['Thu, 27 Nov 2025 04:00:00 GMT', 0],
    ['Sat, 29 Nov 2025 05:00:00 GMT', 3_600_000],
    [null, undefined],
    ['', undefined],
    ['-5', undefined],
    ['1.5', undefined],
    ['soon', undefined],
  ])('%j → %s', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});

describe('acknowledgement check', () => {
  it('sealedSha256 matches node:crypto', async () => {
    expect(await sealedSha256('abc')).toBe('ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0');
    expect(await sealedSha256(SEALED)).toBe(SEALED_SHA);
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary-ascii', maxLength: 300 }), async (s) => {
        expect(await sealedSha256(s)).toBe(createHash('sha256').update(s, 'ascii').digest('base64url'));
      }),
    );
  });

  it('ackMatches checks captureId and the hash of sealed', async () => {
    expect(await ackMatches(ACK, { captureId: CAPTURE_ID, sealed: SEALED })).toBe(true);
    expect(await ackMatches(ACK, { captureId: CAPTURE_ID.toUpperCase(), sealed: SEALED })).toBe(true);
    expect(await ackMatches(ACK, { captureId: CAPTURE_ID, sealed: `${SEALED}x` })).toBe(false);
    expect(await ackMatches(ACK, { captureId: '11111111-2222-4333-8444-555555555555', sealed: SEALED })).toBe(false);
  });
});

describe('fuzzed answers', () => {
  const hostileKeys = fc.dictionary(
    fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'error', 'account'),
    fc.jsonValue(),
  );
  const hugeString = fc.constantFrom('x'.repeat(70_000), '🔑'.repeat(300), 'a'.repeat(513), `${'\u0000'.repeat(50)}`);
  /** A valid answer with one field replaced or removed: the near-misses a parser most often gets wrong. */
  const mutated = (valid: Record<string, unknown>) =>
    fc
      .tuple(fc.constantFrom(...Object.keys(valid)), fc.option(fc.oneof(fc.jsonValue(), hugeString, hostileKeys)))
      .map(([key, value]) => {
        const copy: Record<string, unknown> = { ...valid };
        if (value === null) delete copy[key];
        else copy[key] = value;
        return copy;
      });
  const anyAnswer = (valid: Record<string, unknown>) =>
    fc.oneof(fc.jsonValue(), fc.anything(), hostileKeys, hugeString, mutated(valid), fc.constant(valid));

  const parsers = [
    ['ClaimPairingResponse', ClaimPairingResponse, CLAIMED],
    ['Connection', Connection, CONNECTION],
    ['CredentialStatus', CredentialStatus, CREDENTIAL],
    ['Acknowledgement', Acknowledgement, ACK],
    ['ErrorBody', ErrorBody, { error: { code: 'c', message: 'm' } }],
  ] as const;

  it.each(parsers)('%s.safeParse never throws on anything', (_, schema, valid) => {
    fc.assert(
      fc.property(anyAnswer(valid), (value) => {
        const result = schema.safeParse(value);
        if (result.success) expect(Object.hasOwn(result.data as object, '__proto__')).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  const bodyText = (valid: Record<string, unknown>) =>
    fc.oneof(
      anyAnswer(valid).map((value) => JSON.stringify(value) ?? 'undefined'),
      fc.string(),
      fc.constant(`{"__proto__":{"polluted":true},${JSON.stringify(valid).slice(1)}`),
      fc.constant(`{"constructor":{"prototype":{"polluted":true}},${JSON.stringify(valid).slice(1)}`),
    );
  const status = fc.constantFrom(200, 201, 204, 400, 401, 404, 409, 422, 429, 500, 503);

  it.each([
    [
      'claimPairing',
      CLAIMED,
      ClaimPairingResponse,
      (c: ReturnType<typeof setup>['client']) => c.claimPairing('ABCD-EFGH', CLIENT),
    ],
    ['getConnection', CONNECTION, Connection, (c: ReturnType<typeof setup>['client']) => c.getConnection(TOKEN)],
    [
      'submitCredential',
      ACK,
      Acknowledgement,
      (c: ReturnType<typeof setup>['client']) => c.submitCredential(TOKEN, SUBMISSION),
    ],
  ] as const)('%s never throws and is ok only with a schema-valid answer', async (_, valid, schema, run) => {
    await fc.assert(
      fc.asyncProperty(status, bodyText(valid), async (code, text) => {
        const { client } = setup(() => new Response(code === 204 ? null : text, { status: code }));
        const result = await run(client);
        if (result.ok) {
          expect(schema.safeParse(result.data).success).toBe(true);
          expect(Object.hasOwn(result.data, '__proto__')).toBe(false);
          expect(Object.hasOwn(result.data, 'constructor')).toBe(false);
        } else {
          expect(['http', 'bad_response']).toContain(result.error.kind);
          expect(JSON.stringify(result.error)).not.toContain(TOKEN);
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 200 },
    );
  });

  it('getConnection accepts exactly what the schema accepts', async () => {
    await fc.assert(
      fc.asyncProperty(mutated(CONNECTION), async (answer) => {
        const { client } = setup(() => json(200, answer));
        const result = await client.getConnection(TOKEN);
        expect(result.ok).toBe(Connection.safeParse(answer).success);
      }),
      { numRuns: 200 },
    );
  });
});
