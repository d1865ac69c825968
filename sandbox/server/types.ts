// Shared shapes of the sandbox intake server: persisted records, verification rules and faults.

export const REJECT_REASONS = [
  'invalid_client_secret',
  'secret_expired',
  'app_not_linked',
  'insufficient_role',
  'tenant_mismatch',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

/** 'pending' keeps a credential in pending_verification forever (for tests of the waiting state). */
export type VerificationOutcome = 'verified' | 'pending' | { reject: RejectReason };

export interface VerificationRule {
  delayMs?: number;
  outcome?: VerificationOutcome;
}

/** The global rule, optionally overridden per clientId (matched case-insensitively). */
export interface VerificationRules extends VerificationRule {
  byClientId?: Record<string, VerificationRule>;
}

export type CredentialState = 'pending_verification' | 'verified' | 'rejected';

export interface Account {
  id: string;
  name: string;
}

export interface ClientInfo {
  name: string;
  version: string;
  browser: string;
}

export interface PairingCodeRecord {
  /** Normalised: 8 characters, no hyphen. */
  code: string;
  account: Account;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

export interface PairingRecord {
  pairingId: string;
  account: Account;
  /** SHA-256 (hex) of the intake token; the token itself is never stored. */
  tokenHash: string;
  client: ClientInfo;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
}

export interface Acknowledgement {
  captureId: string;
  credentialId: string;
  status: 'pending_verification';
  receivedAt: string;
  sealedSha256: string;
}

export interface CredentialRecord {
  credentialId: string;
  captureId: string;
  pairingId: string;
  accountId: string;
  tenantId: string;
  clientId: string;
  applicationName: string | null;
  keyExpiresAt: string | null;
  capturedAt: string;
  client: ClientInfo;
  kid: string;
  /** Decrypted: the sandbox stands in for Stactize's vault, and tests check what arrived. */
  secret: string;
  /** Canonical JSON of the first accepted body, for idempotent replays. */
  bodyCanonical: string;
  ack: Acknowledgement;
  receivedAt: string;
  status: CredentialState;
  reason: RejectReason | null;
  verifiedAt: string | null;
  /** Decided at arrival so that a restart settles it the same way. */
  plannedOutcome: VerificationOutcome;
  settleAt: string | null;
}

export interface StoreData {
  version: 1;
  codes: PairingCodeRecord[];
  pairings: PairingRecord[];
  credentials: CredentialRecord[];
  /** Every POST /v1/credentials that got past auth and schema, per captureId (replays included). */
  submissions: Record<string, number>;
}

export type Fault =
  | { kind: 'status'; status: 500 | 503; count?: number }
  | { kind: 'rate_limit'; retryAfter: number; count?: number }
  | { kind: 'delay'; ms: number; count?: number }
  /** Processing waits, the capture already in progress, until the admin releases it: a request kept mid-flight. */
  | { kind: 'hold'; count?: number }
  | { kind: 'reset'; count?: number }
  | { kind: 'close_after_processing'; count?: number };
