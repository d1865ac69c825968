// POST /v1/credentials: idempotency on captureId (forever), opening `sealed`, storing the credential, and the
// status views built from what was stored.
import { createHash, randomBytes } from 'node:crypto';
import { compactDecrypt, decodeProtectedHeader } from 'jose';
import { ApiError, canonicalJson } from './http';
import type { SealingKey } from './keys';
import { parseBody, type Submission, submissionSchema } from './schemas';
import type { Store } from './store';
import type { Acknowledgement, CredentialRecord, PairingRecord } from './types';
import type { Verifier } from './verification';

export interface SubmitResult {
  status: 200 | 201;
  ack: Acknowledgement;
}

export function sealedSha256(sealed: string): string {
  return createHash('sha256').update(sealed, 'ascii').digest('base64url');
}

export class Credentials {
  /** captureId → canonical body of a request still being processed. */
  private inFlight = new Map<string, string>();

  constructor(
    private readonly store: Store,
    private readonly keys: SealingKey[],
    private readonly verifier: Verifier,
    private readonly log: (line: string) => void = () => {},
  ) {}

  /** `beforeProcessing` runs once the capture is marked in progress (an injected delay goes there). */
  async submit(
    pairing: PairingRecord,
    idempotencyKey: string | undefined,
    body: unknown,
    beforeProcessing: () => Promise<void> = async () => {},
  ): Promise<SubmitResult> {
    if (!idempotencyKey) {
      throw new ApiError(400, 'idempotency_key_missing', 'Send the captureId as Idempotency-Key.', 'Idempotency-Key');
    }
    const submission = parseBody(submissionSchema, body);
    if (idempotencyKey !== submission.captureId) {
      throw new ApiError(400, 'invalid_request', 'Idempotency-Key must equal captureId.', 'Idempotency-Key');
    }
    const { captureId } = submission;
    const canonical = canonicalJson(body);
    this.store.data.submissions[captureId] = (this.store.data.submissions[captureId] ?? 0) + 1;
    this.store.save();

    const existing = this.store.data.credentials.find((c) => c.captureId === captureId);
    if (existing) {
      if (existing.bodyCanonical === canonical && existing.accountId === pairing.account.id) {
        return { status: 200, ack: existing.ack };
      }
      throw reused();
    }
    const running = this.inFlight.get(captureId);
    if (running !== undefined) {
      if (running !== canonical) throw reused();
      throw new ApiError(409, 'capture_in_progress', 'This capture is still being processed; retry shortly.');
    }

    this.inFlight.set(captureId, canonical);
    try {
      await beforeProcessing();
      const { kid, secret } = await this.open(submission);
      const record = this.record(pairing, submission, canonical, kid, secret);
      this.verifier.plan(record);
      this.store.data.credentials.push(record);
      this.store.save();
      this.verifier.schedule(record);
      this.log(`credential ${captureId} received (client ${submission.clientId})`);
      return { status: 201, ack: record.ack };
    } finally {
      this.inFlight.delete(captureId);
    }
  }

  private async open(submission: Submission): Promise<{ kid: string; secret: string }> {
    let header: ReturnType<typeof decodeProtectedHeader>;
    try {
      header = decodeProtectedHeader(submission.sealed);
    } catch {
      throw unreadable('its protected header is not readable');
    }
    const key = this.keys.find((k) => k.kid === header.kid);
    if (!key) {
      throw new ApiError(422, 'unknown_sealing_key', `Unknown sealing key id ${JSON.stringify(header.kid)}.`, 'sealed');
    }
    if (header.alg !== 'RSA-OAEP-256' || header.enc !== 'A256GCM') throw unreadable('only RSA-OAEP-256 + A256GCM');
    let plaintext: unknown;
    try {
      const { plaintext: bytes } = await compactDecrypt(submission.sealed, key.key, {
        keyManagementAlgorithms: ['RSA-OAEP-256'],
        contentEncryptionAlgorithms: ['A256GCM'],
      });
      plaintext = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    } catch {
      throw unreadable('it does not decrypt to JSON');
    }
    const inner = plaintext as Record<string, unknown> | null;
    const shaped =
      inner !== null &&
      typeof inner === 'object' &&
      inner.v === 1 &&
      ['captureId', 'tenantId', 'clientId', 'secret'].every((k) => typeof inner[k] === 'string') &&
      (inner.secret as string).length > 0;
    if (!shaped) throw unreadable('its plaintext is not {v:1,captureId,tenantId,clientId,secret}');
    for (const field of ['captureId', 'tenantId', 'clientId'] as const) {
      if (inner[field] !== submission[field]) {
        throw new ApiError(422, 'sealed_mismatch', `The sealed ${field} differs from the body's ${field}.`, field);
      }
    }
    return { kid: key.kid, secret: inner.secret as string };
  }

  private record(
    pairing: PairingRecord,
    submission: Submission,
    canonical: string,
    kid: string,
    secret: string,
  ): CredentialRecord {
    const receivedAt = new Date().toISOString();
    const credentialId = `cred_${randomBytes(12).toString('base64url')}`;
    return {
      credentialId,
      captureId: submission.captureId,
      pairingId: pairing.pairingId,
      accountId: pairing.account.id,
      tenantId: submission.tenantId,
      clientId: submission.clientId,
      applicationName: submission.applicationName ?? null,
      keyExpiresAt: submission.keyExpiresAt ?? null,
      capturedAt: submission.capturedAt,
      client: submission.client,
      kid,
      secret,
      bodyCanonical: canonical,
      ack: {
        captureId: submission.captureId,
        credentialId,
        status: 'pending_verification',
        receivedAt,
        sealedSha256: sealedSha256(submission.sealed),
      },
      receivedAt,
      status: 'pending_verification',
      reason: null,
      verifiedAt: null,
      plannedOutcome: 'verified',
      settleAt: null,
    };
  }

  /** CredentialStatus (openapi) of the account's latest credential, or null. */
  latestStatus(accountId: string): Record<string, unknown> | null {
    const mine = this.store.data.credentials.filter((c) => c.accountId === accountId);
    const latest = mine[mine.length - 1];
    if (!latest) return null;
    const { captureId, credentialId, tenantId, clientId, applicationName, keyExpiresAt, status, reason } = latest;
    const { receivedAt, verifiedAt } = latest;
    return {
      captureId,
      credentialId,
      tenantId,
      clientId,
      applicationName,
      keyExpiresAt,
      status,
      reason,
      receivedAt,
      verifiedAt,
    };
  }
}

function reused(): ApiError {
  return new ApiError(
    422,
    'idempotency_key_reused',
    'This Idempotency-Key was already used with a different body.',
    'Idempotency-Key',
  );
}

function unreadable(why: string): ApiError {
  return new ApiError(422, 'sealed_unreadable', `The sealed credential cannot be opened: ${why}.`, 'sealed');
}
