// Simulated verification: each credential settles to verified/rejected by rules decided at arrival; timers drive it,
// the store records it, and a restart settles whatever fell due while the server was down.
import type { Store } from './store';
import { type CredentialRecord, REJECT_REASONS, type VerificationOutcome, type VerificationRules } from './types';

type Waiter = { resolve: (record: CredentialRecord) => void; reject: (error: Error) => void };

export const DEFAULT_RULES: VerificationRules = { delayMs: 300, outcome: 'verified' };

export class Verifier {
  private rules: VerificationRules;
  private timers = new Map<string, NodeJS.Timeout>();
  /** Tests waiting for a verdict (whenSettled), by captureId. */
  private waiters = new Map<string, Waiter[]>();

  constructor(
    private readonly store: Store,
    private readonly initialRules: VerificationRules = DEFAULT_RULES,
    private readonly log: (line: string) => void = () => {},
  ) {
    this.rules = validateRules(initialRules);
  }

  getRules(): VerificationRules {
    return structuredClone(this.rules);
  }

  /** Applies to credentials that arrive from now on; ones already pending keep the plan made at their arrival. */
  setRules(rules: VerificationRules): void {
    this.rules = validateRules(rules);
  }

  resetRules(): void {
    this.rules = validateRules(this.initialRules);
  }

  /** Fills in the record's plan (outcome + settleAt) from the current rules. */
  plan(record: CredentialRecord): void {
    const specific = this.rules.byClientId?.[record.clientId.toLowerCase()];
    const delayMs = specific?.delayMs ?? this.rules.delayMs ?? DEFAULT_RULES.delayMs ?? 0;
    record.plannedOutcome = specific?.outcome ?? this.rules.outcome ?? 'verified';
    record.settleAt =
      record.plannedOutcome === 'pending' ? null : new Date(Date.parse(record.receivedAt) + delayMs).toISOString();
  }

  /** Arms a timer for every pending credential, settling at once those already due (e.g. after a restart). */
  resume(): void {
    for (const record of this.store.data.credentials) this.schedule(record);
  }

  schedule(record: CredentialRecord): void {
    if (record.status !== 'pending_verification' || record.settleAt === null) return;
    const wait = Date.parse(record.settleAt) - Date.now();
    if (wait <= 0) {
      this.settle(record.captureId, record.plannedOutcome);
      return;
    }
    clearTimeout(this.timers.get(record.captureId));
    this.timers.set(
      record.captureId,
      setTimeout(() => this.settle(record.captureId, record.plannedOutcome), wait),
    );
  }

  /** Settles now (also used by the admin API to force a verdict). Returns the updated record. */
  settle(captureId: string, outcome: VerificationOutcome): CredentialRecord | null {
    clearTimeout(this.timers.get(captureId));
    this.timers.delete(captureId);
    const record = this.store.data.credentials.find((c) => c.captureId === captureId);
    if (!record) return null;
    if (outcome === 'pending') {
      Object.assign(record, { status: 'pending_verification', reason: null, verifiedAt: null, settleAt: null });
    } else if (outcome === 'verified') {
      Object.assign(record, { status: 'verified', reason: null, verifiedAt: new Date().toISOString() });
    } else {
      Object.assign(record, { status: 'rejected', reason: outcome.reject, verifiedAt: null });
    }
    record.plannedOutcome = outcome;
    this.store.save();
    this.log(`credential ${captureId}: ${record.status}${record.reason ? ` (${record.reason})` : ''}`);
    if (record.status !== 'pending_verification') {
      for (const waiter of this.waiters.get(captureId) ?? []) waiter.resolve(record);
      this.waiters.delete(captureId);
    }
    return record;
  }

  /**
   * Resolves with the record once the credential has a verdict, at once when it already has one; rejects on stop().
   * For tests: they wait on this, not on a clock.
   */
  whenSettled(captureId: string): Promise<CredentialRecord> {
    const record = this.store.data.credentials.find((c) => c.captureId === captureId);
    if (record && record.status !== 'pending_verification') return Promise.resolve(record);
    return new Promise((resolve, reject) => {
      const list = this.waiters.get(captureId) ?? [];
      list.push({ resolve, reject });
      this.waiters.set(captureId, list);
    });
  }

  /** The captureIds a timer will settle later: none for a credential planned to stay pending. */
  scheduled(): string[] {
    return [...this.timers.keys()];
  }

  stop(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    const waiters = [...this.waiters.values()].flat();
    this.waiters.clear();
    for (const waiter of waiters) waiter.reject(new Error('sandbox stopped before a verdict'));
  }
}

export function validateOutcome(value: unknown): VerificationOutcome {
  if (value === 'verified' || value === 'pending') return value;
  const reject = (value as { reject?: unknown } | null)?.reject;
  if (typeof reject === 'string' && (REJECT_REASONS as readonly string[]).includes(reject)) {
    return { reject: reject as (typeof REJECT_REASONS)[number] };
  }
  throw new Error(`outcome must be 'verified', 'pending' or { reject: ${REJECT_REASONS.join(' | ')} }`);
}

function validateRule(value: unknown, where: string): { delayMs?: number; outcome?: VerificationOutcome } {
  const rule = (value ?? {}) as Record<string, unknown>;
  if (typeof rule !== 'object') throw new Error(`${where}: must be an object`);
  const out: { delayMs?: number; outcome?: VerificationOutcome } = {};
  if (rule.delayMs !== undefined) {
    if (!Number.isInteger(rule.delayMs) || (rule.delayMs as number) < 0) {
      throw new Error(`${where}.delayMs must be an integer ≥ 0`);
    }
    out.delayMs = rule.delayMs as number;
  }
  if (rule.outcome !== undefined) out.outcome = validateOutcome(rule.outcome);
  return out;
}

export function validateRules(value: unknown): VerificationRules {
  const rules: VerificationRules = validateRule(value, 'rules');
  const byClientId = (value as VerificationRules | null)?.byClientId;
  if (byClientId !== undefined) {
    rules.byClientId = {};
    for (const [clientId, rule] of Object.entries(byClientId)) {
      rules.byClientId[clientId.toLowerCase()] = validateRule(rule, `byClientId.${clientId}`);
    }
  }
  return rules;
}
