// Pairing: one-time codes (10 minutes), claiming them for a bearer intake token (90 days), auth, revocation,
// and the per-address limit on wrong codes.
import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';
import { ApiError } from './http';
import { claimSchema, parseBody } from './schemas';
import type { Store } from './store';
import type { Account, PairingCodeRecord, PairingRecord } from './types';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_TTL_MS = 10 * 60 * 1000;
export const TOKEN_TTL_MS = 90 * 24 * 60 * 60 * 1000;
const WRONG_CODE_LIMIT = 5;
const WRONG_CODE_WINDOW_MS = 60 * 1000;

export const DEFAULT_ACCOUNT: Account = { id: 'acct_sandbox', name: 'Sandbox Publisher (dev)' };

export interface CreateCodeOptions {
  accountId?: string;
  accountName?: string;
  /** Create it already expired, to test the 410 path. */
  expired?: boolean;
}

export interface ClaimResult {
  pairingId: string;
  account: Account;
  intakeToken: string;
  expiresAt: string;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export class Pairings {
  private wrongAttempts = new Map<string, number[]>();

  constructor(
    private readonly store: Store,
    private readonly now: () => number = Date.now,
  ) {}

  createCode(options: CreateCodeOptions = {}): { code: string; expiresAt: string; account: Account } {
    const taken = new Set(this.store.data.codes.map((c) => c.code));
    let code = '';
    do {
      code = Array.from({ length: 8 }, () => CROCKFORD[randomInt(CROCKFORD.length)]).join('');
    } while (taken.has(code));
    const created = this.now() - (options.expired ? CODE_TTL_MS + 1000 : 0);
    const account: Account = {
      id: (options.accountId ?? DEFAULT_ACCOUNT.id).slice(0, 64),
      name: (options.accountName ?? DEFAULT_ACCOUNT.name).slice(0, 256),
    };
    const record: PairingCodeRecord = {
      code,
      account,
      createdAt: new Date(created).toISOString(),
      expiresAt: new Date(created + CODE_TTL_MS).toISOString(),
      usedAt: null,
    };
    this.store.data.codes.push(record);
    this.store.save();
    return { code: `${code.slice(0, 4)}-${code.slice(4)}`, expiresAt: record.expiresAt, account };
  }

  claim(body: unknown, address: string): ClaimResult {
    this.checkRateLimit(address);
    const { code, client } = parseBody(claimSchema, body);
    const normalised = code.replace('-', '');
    const record = this.store.data.codes.find((c) => c.code === normalised);
    if (!record || record.usedAt) {
      this.recordWrong(address);
      throw new ApiError(404, 'pairing_code_unknown', 'This pairing code is unknown or was already used.', 'code');
    }
    if (Date.parse(record.expiresAt) <= this.now()) {
      this.recordWrong(address);
      throw new ApiError(410, 'pairing_code_expired', 'This pairing code has expired; create a new one.', 'code');
    }
    const intakeToken = `stz_sbx_${randomBytes(32).toString('base64url')}`;
    const now = this.now();
    const pairing: PairingRecord = {
      pairingId: randomUUID(),
      account: record.account,
      tokenHash: hashToken(intakeToken),
      client,
      createdAt: new Date(now).toISOString(),
      expiresAt: new Date(now + TOKEN_TTL_MS).toISOString(),
      revokedAt: null,
    };
    record.usedAt = pairing.createdAt;
    this.store.data.pairings.push(pairing);
    this.store.save();
    return { pairingId: pairing.pairingId, account: pairing.account, intakeToken, expiresAt: pairing.expiresAt };
  }

  /** The live pairing behind a bearer token, or 401. */
  authenticate(token: string | null): PairingRecord {
    if (token) {
      const hash = hashToken(token);
      const pairing = this.store.data.pairings.find((p) => p.tokenHash === hash);
      if (pairing && !pairing.revokedAt && Date.parse(pairing.expiresAt) > this.now()) return pairing;
    }
    throw new ApiError(401, 'unauthorized', 'Missing, expired or revoked intake token; pair again.');
  }

  revoke(pairing: PairingRecord): void {
    pairing.revokedAt = new Date(this.now()).toISOString();
    this.store.save();
  }

  resetRateLimits(): void {
    this.wrongAttempts.clear();
  }

  private recent(address: string): number[] {
    const cutoff = this.now() - WRONG_CODE_WINDOW_MS;
    const attempts = (this.wrongAttempts.get(address) ?? []).filter((t) => t > cutoff);
    this.wrongAttempts.set(address, attempts);
    return attempts;
  }

  private recordWrong(address: string): void {
    this.recent(address).push(this.now());
  }

  private checkRateLimit(address: string): void {
    const attempts = this.recent(address);
    const oldest = attempts[0];
    if (attempts.length < WRONG_CODE_LIMIT || oldest === undefined) return;
    const retryAfter = Math.max(1, Math.ceil((oldest + WRONG_CODE_WINDOW_MS - this.now()) / 1000));
    throw new ApiError(429, 'rate_limited', `Too many wrong pairing codes; retry in ${retryAfter} s.`, undefined, {
      'Retry-After': String(retryAfter),
    });
  }
}
