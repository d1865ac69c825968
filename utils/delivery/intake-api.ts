/**
 * Typed client for the Stactize Intake API v1 (`shared/stactize-intake-api/openapi.yaml`): the contract as zod
 * schemas, and one method per operation. Fail-closed: every answer is validated against the contract and every
 * failure comes back as an `IntakeError` value; a method never throws, and no error carries the token, the
 * request body or `sealed`, so errors may be logged.
 */
// zod/mini, not 'zod': it tree-shakes, and the classic build would cost the background far more than its budget.
import * as z from 'zod/mini';
import { GUID_PATTERN, JWE_PATTERN, normalizePairingCode, PAIRING_CODE_PATTERN } from '@/utils/shapes';
import { CLIENT_NAME } from '../config';

// ---------------------------------------------------------------------------------------------------------------
// Contract schemas

/** JSON Schema's maxLength counts code points, not UTF-16 units; an emoji must not make a valid name too long. */
function maxChars(max: number) {
  return z.refine<string>((s) => {
    if (s.length <= max) return true;
    let n = 0;
    for (const _ of s) if (++n > max) return false;
    return true;
  }, `longer than ${max} characters`);
}

const boundedString = (max: number) => z.string().check(maxChars(max));

const Guid = z.string().check(z.regex(GUID_PATTERN));
/** `format: uuid` is RFC 4122's syntax (any hex digits), the same shape as the contract's Guid. */
const Uuid = Guid;

const DATE_PREFIX = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])/;
// RFC 3339 date-time, which JSON Schema's `format: date-time` means: seconds and an offset are required.
const DATE_TIME =
  /^\d{4}-\d{2}-\d{2}[Tt]([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/** Rejects 2025-02-30 and the like, as a server validating `format: date` does. */
function isCalendarDate(s: string): boolean {
  const m = DATE_PREFIX.exec(s);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return Number(m[3]) <= days;
}

const IsoDate = z
  .string()
  .check(z.refine<string>((s) => s.length === 10 && isCalendarDate(s), 'not a YYYY-MM-DD date'));
const IsoDateTime = z
  .string()
  .check(z.refine<string>((s) => DATE_TIME.test(s) && isCalendarDate(s), 'not an RFC 3339 date-time'));

/** The contract's `Client`: who is calling. */
export const ClientInfo = z.strictObject({
  name: z.literal(CLIENT_NAME),
  version: boundedString(32),
  browser: z.enum(['chrome', 'edge', 'firefox', 'other']),
});
export type ClientInfo = z.infer<typeof ClientInfo>;

export const Account = z.object({ id: boundedString(64), name: boundedString(256) });
export type Account = z.infer<typeof Account>;

/**
 * 32..512 as the contract says, and visible ASCII only: the token goes into an Authorization header, and a value
 * fetch refuses there would surface as a "network" error and be retried for ever.
 */
export const IntakeToken = z.string().check(z.minLength(32), z.maxLength(512), z.regex(/^[\x21-\x7e]+$/));

export const ClaimPairingRequest = z.strictObject({
  code: z.string().check(z.regex(PAIRING_CODE_PATTERN)),
  client: ClientInfo,
});
export type ClaimPairingRequest = z.infer<typeof ClaimPairingRequest>;

export const ClaimPairingResponse = z.object({
  pairingId: Uuid,
  account: Account,
  intakeToken: IntakeToken,
  expiresAt: IsoDateTime,
});
export type ClaimPairingResponse = z.infer<typeof ClaimPairingResponse>;

export const CredentialStatus = z.object({
  captureId: Uuid,
  credentialId: z.string(),
  tenantId: Guid,
  clientId: Guid,
  applicationName: z.optional(z.nullable(z.string())),
  keyExpiresAt: z.optional(z.nullable(IsoDate)),
  status: z.enum(['pending_verification', 'verified', 'rejected']),
  reason: z.optional(
    z.nullable(
      z.enum(['invalid_client_secret', 'secret_expired', 'app_not_linked', 'insufficient_role', 'tenant_mismatch']),
    ),
  ),
  receivedAt: IsoDateTime,
  verifiedAt: z.optional(z.nullable(IsoDateTime)),
});
export type CredentialStatus = z.infer<typeof CredentialStatus>;

export const Connection = z.object({
  pairingId: Uuid,
  account: Account,
  acceptedSealingKeyIds: z.array(z.string()),
  credential: z.nullable(CredentialStatus),
});
export type Connection = z.infer<typeof Connection>;

export const CredentialSubmission = z.strictObject({
  captureId: Uuid,
  tenantId: Guid,
  clientId: Guid,
  applicationName: z.optional(z.nullable(boundedString(256))),
  keyExpiresAt: z.optional(z.nullable(IsoDate)),
  capturedAt: IsoDateTime,
  sealed: z.string().check(z.maxLength(8192), z.regex(JWE_PATTERN)),
  client: ClientInfo,
});
export type CredentialSubmission = z.infer<typeof CredentialSubmission>;

export const Acknowledgement = z.object({
  captureId: Uuid,
  credentialId: z.string(),
  status: z.literal('pending_verification'),
  receivedAt: IsoDateTime,
  sealedSha256: z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/)),
});
export type Acknowledgement = z.infer<typeof Acknowledgement>;

export const ErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), field: z.optional(z.string()) }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

// ---------------------------------------------------------------------------------------------------------------
// Results and errors

export type IntakeError =
  | { kind: 'network' }
  | { kind: 'timeout' }
  | { kind: 'http'; status: number; code: string; message: string; field?: string; retryAfterMs?: number }
  | { kind: 'bad_response'; status: number; reason: string }
  /** Refused before sending: the arguments break the contract, so the server would only answer 400. */
  | { kind: 'invalid_request'; reason: string; field?: string };

export type IntakeResult<T> = { ok: true; status: number; data: T } | { ok: false; error: IntakeError };

/** `code` of an `http` error whose body is not the contract's error shape (e.g. a proxy's HTML page). */
export const UNKNOWN_ERROR_CODE = 'unknown';

const RETRYABLE_STATUSES = new Set([408, 429, 500, 502, 503, 504]);

/**
 * Whether the same request may succeed later. A malformed 2xx counts: the server may have stored the submission,
 * and the idempotent replay returns the same acknowledgement.
 */
export function isRetryable(error: IntakeError): boolean {
  switch (error.kind) {
    case 'network':
    case 'timeout':
      return true;
    case 'http':
      return error.status === 409 ? error.code === 'capture_in_progress' : RETRYABLE_STATUSES.has(error.status);
    case 'bad_response':
      return error.status >= 200 && error.status < 300;
    case 'invalid_request':
      return false;
  }
}

/** Caps Retry-After: a longer wait is more likely a server bug than a plan, and the next answer can ask again. */
export const MAX_RETRY_AFTER_MS = 60 * 60_000;

/** Retry-After as delta-seconds or an HTTP-date, in ms from `now`, clamped to [0, 1 h]; undefined if unusable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  let ms: number;
  if (/^\d+$/.test(v)) ms = Number(v) * 1000;
  // An HTTP-date always names a day and a month; this keeps Date.parse's leniency ("1.5") out.
  else if (/[a-z]/i.test(v) && !Number.isNaN(Date.parse(v))) ms = Date.parse(v) - now;
  else return undefined;
  return Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS);
}

// ---------------------------------------------------------------------------------------------------------------
// Acknowledgement check

/** base64url (no padding) of SHA-256 over the ASCII bytes of `sealed`, as the server computes `sealedSha256`. */
export async function sealedSha256(sealed: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(sealed)));
  let binary = '';
  for (const byte of digest) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** True when the server acknowledged exactly this capture; only then may the outbox copy be deleted. */
export async function ackMatches(
  ack: Pick<Acknowledgement, 'captureId' | 'sealedSha256'>,
  sent: { captureId: string; sealed: string },
): Promise<boolean> {
  // UUIDs compare case-insensitively; a server that lower-cases them must not leave a capture undeletable.
  if (ack.captureId.toLowerCase() !== sent.captureId.toLowerCase()) return false;
  return ack.sealedSha256 === (await sealedSha256(sent.sealed));
}

// ---------------------------------------------------------------------------------------------------------------
// Client

export interface IntakeClientOptions {
  baseUrl: string;
  fetch?: typeof fetch;
  /** Per request, body included. Default 20 s; at most 25 s. */
  timeoutMs?: number;
}

export interface IntakeClient {
  claimPairing(code: string, client: ClientInfo): Promise<IntakeResult<ClaimPairingResponse>>;
  revokePairing(token: string): Promise<IntakeResult<null>>;
  getConnection(token: string): Promise<IntakeResult<Connection>>;
  /** `ok` means a schema-valid acknowledgement; check it with `ackMatches` before deleting the outbox copy. */
  submitCredential(token: string, submission: CredentialSubmission): Promise<IntakeResult<Acknowledgement>>;
}

export const DEFAULT_TIMEOUT_MS = 20_000;
// A MV3 service worker may be stopped 30 s into an event; a request must settle well before that.
export const MAX_TIMEOUT_MS = 25_000;
/** Larger answers are refused unread: none in the contract comes near this. */
export const MAX_RESPONSE_BYTES = 64 * 1024;

interface Call<T> {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  token?: string;
  body?: unknown;
  idempotencyKey?: string;
  expect: readonly number[];
  schema: z.ZodMiniType<T> | null;
  /** Strings to cut out of anything the server echoes back into an error. */
  secrets: string[];
}

const fail = (error: IntakeError): { ok: false; error: IntakeError } => ({ ok: false, error });

/** Names where the value broke the schema, never the value itself (it may be the token). */
function describeIssues(error: z.core.$ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.code}`)
    .join('; ');
}

function parseJson(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The body as text, or null when it is larger than MAX_RESPONSE_BYTES. */
async function readBody(response: Response): Promise<string | null> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    if (size > MAX_RESPONSE_BYTES) {
      reader.cancel().catch(() => {});
      return null;
    }
    text += decoder.decode(value, { stream: true });
  }
}

export function createIntakeClient(options: IntakeClientOptions): IntakeClient {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!(timeoutMs > 0 && timeoutMs <= MAX_TIMEOUT_MS)) {
    throw new RangeError(`timeoutMs must be in (0, ${MAX_TIMEOUT_MS}]`);
  }
  const base = new URL(options.baseUrl);
  if (base.protocol !== 'https:' && base.protocol !== 'http:') throw new TypeError('baseUrl must be http(s)');
  const baseUrl = base.href.replace(/\/+$/, '');
  // Called without a receiver: a browser's fetch throws "Illegal invocation" when called as a method of another
  // object. Looked up per call, so a fetch stubbed later is honoured.
  const doFetch: typeof fetch = (input, init) => (options.fetch ?? globalThis.fetch)(input, init);

  async function call<T>(op: Call<T>): Promise<IntakeResult<T>> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (op.token !== undefined) headers.Authorization = `Bearer ${op.token}`;
    if (op.body !== undefined) headers['Content-Type'] = 'application/json';
    if (op.idempotencyKey !== undefined) headers['Idempotency-Key'] = op.idempotencyKey;

    // AbortController + setTimeout rather than AbortSignal.timeout: tests can drive it with fake timers. The race
    // also bounds a fetch that ignores its signal, and the flag tells a timeout from the network error the aborted
    // fetch rejects with.
    const controller = new AbortController();
    let timedOut = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
        reject(new Error('timeout'));
      }, timeoutMs);
    });
    const exchange = async () => {
      const response = await doFetch(baseUrl + op.path, {
        method: op.method,
        headers,
        body: op.body === undefined ? undefined : JSON.stringify(op.body),
        credentials: 'omit',
        cache: 'no-store',
        redirect: 'error',
        signal: controller.signal,
      });
      return { response, text: await readBody(response) };
    };
    let response: Response;
    let text: string | null;
    try {
      ({ response, text } = await Promise.race([exchange(), deadline]));
    } catch {
      return fail({ kind: timedOut ? 'timeout' : 'network' });
    } finally {
      clearTimeout(timer);
    }

    const status = response.status;
    if (op.expect.includes(status)) {
      if (!op.schema) return { ok: true, status, data: null as T };
      if (text === null) return fail({ kind: 'bad_response', status, reason: 'body too large' });
      const json = parseJson(text);
      if (json === undefined) return fail({ kind: 'bad_response', status, reason: 'body is not JSON' });
      const parsed = op.schema.safeParse(json);
      if (!parsed.success) return fail({ kind: 'bad_response', status, reason: describeIssues(parsed.error) });
      return { ok: true, status, data: parsed.data };
    }
    if (status >= 200 && status < 300) return fail({ kind: 'bad_response', status, reason: `unexpected ${status}` });

    const scrub = (s: string) => op.secrets.reduce((acc, secret) => acc.split(secret).join('[redacted]'), s);
    const body = ErrorBody.safeParse(parseJson(text));
    const error: Extract<IntakeError, { kind: 'http' }> = body.success
      ? { kind: 'http', status, code: scrub(body.data.error.code), message: scrub(body.data.error.message) }
      : { kind: 'http', status, code: UNKNOWN_ERROR_CODE, message: `HTTP ${status} without a contract error body` };
    if (body.success && body.data.error.field !== undefined) error.field = scrub(body.data.error.field);
    const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'));
    if (retryAfterMs !== undefined) error.retryAfterMs = retryAfterMs;
    return fail(error);
  }

  const badToken = (token: string) =>
    IntakeToken.safeParse(token).success
      ? null
      : fail({ kind: 'invalid_request', field: 'token', reason: 'token is not a valid intake token' });

  return {
    async claimPairing(code, client) {
      const normalized = normalizePairingCode(code);
      if (!normalized.ok) {
        return fail({ kind: 'invalid_request', field: 'code', reason: `pairing code: ${normalized.reason}` });
      }
      const request = ClaimPairingRequest.safeParse({ code: normalized.code, client });
      if (!request.success) return fail({ kind: 'invalid_request', reason: describeIssues(request.error) });
      return call({
        method: 'POST',
        path: '/v1/pairings/claim',
        body: request.data,
        expect: [201],
        schema: ClaimPairingResponse,
        secrets: [normalized.code, normalized.code.replace('-', '')],
      });
    },

    async revokePairing(token) {
      return (
        badToken(token) ??
        call({ method: 'DELETE', path: '/v1/pairing', token, expect: [204], schema: null, secrets: [token] })
      );
    },

    async getConnection(token) {
      return (
        badToken(token) ??
        call({ method: 'GET', path: '/v1/connection', token, expect: [200], schema: Connection, secrets: [token] })
      );
    },

    async submitCredential(token, submission) {
      const invalid = badToken(token);
      if (invalid) return invalid;
      const request = CredentialSubmission.safeParse(submission);
      if (!request.success) return fail({ kind: 'invalid_request', reason: describeIssues(request.error) });
      return call({
        method: 'POST',
        path: '/v1/credentials',
        token,
        body: request.data,
        idempotencyKey: request.data.captureId,
        expect: [200, 201],
        schema: Acknowledgement,
        secrets: [token, request.data.sealed],
      });
    },
  };
}
