// Test switches: typed in-process helpers, and the same operations as a JSON API under /__sandbox/.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Credentials } from './credentials';
import { type FaultQueue, validateFault } from './faults';
import { ApiError, parseJson, readBody, sendEmpty, sendJson } from './http';
import type { CreateCodeOptions, Pairings } from './pairing';
import type { Store } from './store';
import type { Account, CredentialRecord, Fault, StoreData, VerificationOutcome, VerificationRules } from './types';
import { type Verifier, validateOutcome } from './verification';

export type AdminCredential = Omit<CredentialRecord, 'bodyCanonical'> & { submissions: number };

/** What the web page may show: no secret, only its length and a masked tail. */
export interface OverviewRow {
  captureId: string;
  tenantId: string;
  clientId: string;
  applicationName: string | null;
  status: string;
  reason: string | null;
  receivedAt: string;
  secretHint: string;
  submissions: number;
}

export interface SandboxAdmin {
  createPairingCode(options?: CreateCodeOptions): { code: string; expiresAt: string; account: Account };
  listCredentials(): AdminCredential[];
  getCredential(captureId: string): AdminCredential | undefined;
  getVerificationRules(): VerificationRules;
  setVerificationRules(rules: VerificationRules): VerificationRules;
  /** Forces a verdict on a stored credential now. */
  settleCredential(captureId: string, outcome: VerificationOutcome): AdminCredential | undefined;
  /**
   * Resolves once the credential has a verdict (verified or rejected), at once when it already has one; rejects
   * when the server closes or resets first. Tests await this instead of sleeping past the verification delay.
   */
  whenSettled(captureId: string): Promise<AdminCredential>;
  /** The captureIds whose verdict a timer will give later; a credential planned to stay pending has none. */
  scheduledVerdicts(): string[];
  injectFault(fault: Fault): void;
  pendingFaults(): Array<Fault & { remaining: number }>;
  clearFaults(): void;
  /** Requests a `hold` fault is keeping mid-flight. */
  heldRequests(): number;
  /** Lets held requests go on; answers how many. */
  releaseHeld(): number;
  overview(): OverviewRow[];
  /** A deep copy of the persisted state, to check what is stored (e.g. token hashes). */
  state(): StoreData;
  /** Forgets everything: codes, pairings, credentials, faults, rate limits; rules back to the start options. */
  reset(): void;
}

export function maskSecret(secret: string): string {
  return `${secret.length} chars, ••••${secret.slice(-2)}`;
}

export function createAdmin(deps: {
  store: Store;
  pairings: Pairings;
  credentials: Credentials;
  verifier: Verifier;
  faults: FaultQueue;
}): SandboxAdmin {
  const { store, pairings, verifier, faults } = deps;
  const view = (record: CredentialRecord): AdminCredential => {
    const { bodyCanonical: _body, ...rest } = structuredClone(record);
    return { ...rest, submissions: store.data.submissions[record.captureId] ?? 0 };
  };
  const find = (captureId: string) => store.data.credentials.find((c) => c.captureId === captureId);
  return {
    createPairingCode: (options) => pairings.createCode(options),
    listCredentials: () => store.data.credentials.map(view),
    getCredential: (captureId) => {
      const record = find(captureId);
      return record && view(record);
    },
    getVerificationRules: () => verifier.getRules(),
    setVerificationRules: (rules) => {
      verifier.setRules(rules);
      return verifier.getRules();
    },
    settleCredential: (captureId, outcome) => {
      const record = verifier.settle(captureId, validateOutcome(outcome));
      return record ? view(record) : undefined;
    },
    whenSettled: async (captureId) => view(await verifier.whenSettled(captureId)),
    scheduledVerdicts: () => verifier.scheduled(),
    injectFault: (fault) => faults.add(validateFault(fault)),
    pendingFaults: () => faults.pending(),
    clearFaults: () => faults.clear(),
    heldRequests: () => faults.heldCount(),
    releaseHeld: () => faults.release(),
    overview: () =>
      store.data.credentials.map((c) => ({
        captureId: c.captureId,
        tenantId: c.tenantId,
        clientId: c.clientId,
        applicationName: c.applicationName,
        status: c.status,
        reason: c.reason,
        receivedAt: c.receivedAt,
        secretHint: maskSecret(c.secret),
        submissions: store.data.submissions[c.captureId] ?? 0,
      })),
    state: () => structuredClone(store.data),
    reset: () => {
      verifier.stop();
      faults.clear();
      pairings.resetRateLimits();
      verifier.resetRules();
      store.reset();
    },
  };
}

async function jsonBody(req: IncomingMessage): Promise<unknown> {
  // Requiring JSON forces a CORS preflight for any cross-origin caller, which the admin API never grants.
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
    await readBody(req).catch(() => undefined);
    throw new ApiError(415, 'unsupported_media_type', 'Send Content-Type: application/json.');
  }
  const body = await readBody(req);
  return body.length === 0 ? {} : parseJson(body);
}

function badRequest(error: unknown): never {
  throw new ApiError(400, 'invalid_request', error instanceof Error ? error.message : String(error));
}

type Handler = (req: IncomingMessage, res: ServerResponse, params: string[]) => Promise<void>;

/** Routes under /__sandbox/; returns the handler table used by server.ts. */
export function adminRoutes(admin: SandboxAdmin): Array<{ path: RegExp; methods: Record<string, Handler> }> {
  return [
    {
      path: /^\/__sandbox\/pairing-codes$/,
      methods: {
        POST: async (req, res) => {
          const body = (await jsonBody(req)) as CreateCodeOptions;
          const options: CreateCodeOptions = {};
          if (typeof body.accountName === 'string') options.accountName = body.accountName;
          if (typeof body.accountId === 'string') options.accountId = body.accountId;
          if (body.expired === true) options.expired = true;
          sendJson(res, 201, admin.createPairingCode(options));
        },
      },
    },
    {
      path: /^\/__sandbox\/credentials$/,
      methods: { GET: async (_req, res) => sendJson(res, 200, { credentials: admin.listCredentials() }) },
    },
    {
      path: /^\/__sandbox\/credentials\/([^/]+)\/verdict$/,
      methods: {
        POST: async (req, res, [captureId = '']) => {
          const { outcome } = (await jsonBody(req)) as { outcome?: unknown };
          let parsed: VerificationOutcome;
          try {
            parsed = validateOutcome(outcome);
          } catch (error) {
            badRequest(error);
          }
          const record = admin.settleCredential(decodeURIComponent(captureId), parsed);
          if (!record) throw new ApiError(404, 'not_found', 'No credential with this captureId.');
          sendJson(res, 200, record);
        },
      },
    },
    {
      path: /^\/__sandbox\/verification$/,
      methods: {
        GET: async (_req, res) => sendJson(res, 200, admin.getVerificationRules()),
        PUT: async (req, res) => {
          const rules = await jsonBody(req);
          try {
            sendJson(res, 200, admin.setVerificationRules(rules as VerificationRules));
          } catch (error) {
            badRequest(error);
          }
        },
      },
    },
    {
      path: /^\/__sandbox\/faults$/,
      methods: {
        GET: async (_req, res) => sendJson(res, 200, { pending: admin.pendingFaults() }),
        POST: async (req, res) => {
          const body = await jsonBody(req);
          const list = Array.isArray(body) ? body : [body];
          try {
            for (const fault of list) validateFault(fault);
          } catch (error) {
            badRequest(error);
          }
          for (const fault of list) admin.injectFault(fault as Fault);
          sendJson(res, 201, { pending: admin.pendingFaults() });
        },
        DELETE: async (_req, res) => {
          admin.clearFaults();
          sendEmpty(res, 204);
        },
      },
    },
    {
      path: /^\/__sandbox\/faults\/release$/,
      methods: {
        POST: async (req, res) => {
          await jsonBody(req);
          sendJson(res, 200, { released: admin.releaseHeld() });
        },
      },
    },
    {
      path: /^\/__sandbox\/overview$/,
      methods: { GET: async (_req, res) => sendJson(res, 200, { credentials: admin.overview() }) },
    },
    {
      path: /^\/__sandbox\/reset$/,
      methods: {
        POST: async (req, res) => {
          await jsonBody(req);
          admin.reset();
          sendEmpty(res, 204);
        },
      },
    },
  ];
}
