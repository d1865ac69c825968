// The sandbox intake server: openapi.yaml on node:http, loopback only, plus test switches under /__sandbox/.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { isIP } from 'node:net';
import { adminRoutes, createAdmin, type SandboxAdmin } from './admin';
import { Credentials } from './credentials';
import { FaultQueue } from './faults';
import { ApiError, bearerToken, CORS_HEADERS, parseJson, readBody, sendEmpty, sendError, sendJson } from './http';
import { loadSealingKey } from './keys';
import { APP_JS, PAGE_HEADERS, renderPage } from './page';
import { Pairings } from './pairing';
import { Store } from './store';
import type { Fault, VerificationRules } from './types';
import { Verifier } from './verification';

export type { AdminCredential, OverviewRow, SandboxAdmin } from './admin';
export type * from './types';

export const DEFAULT_PORT = 8787;

export interface SandboxServerOptions {
  /** 0 picks any free port; default 8787 (the sandbox build's API URL). */
  port?: number;
  /** Loopback only: 127.0.0.1 (default), another 127.x address, ::1 or localhost. */
  host?: string;
  /** Where sandbox-state.json lives; without it the state is kept in memory only. */
  dataDir?: string;
  /** Default: verified after 300 ms. */
  verification?: VerificationRules;
  log?: (line: string) => void;
}

export interface SandboxServer {
  url: string;
  port: number;
  /** The JSON state file, or null when running in memory. */
  dataFile: string | null;
  acceptedSealingKeyIds: string[];
  admin: SandboxAdmin;
  close(): Promise<void>;
}

type Handler = (req: IncomingMessage, res: ServerResponse, params: string[]) => Promise<void>;
type Route = { path: RegExp; methods: Record<string, Handler> };

export function isLoopbackHost(host: string): boolean {
  if (host === 'localhost' || host === '::1') return true;
  return isIP(host) === 4 && host.startsWith('127.');
}

function hostnameOf(hostHeader: string | undefined): string {
  const match = /^(\[[^\]]+\]|[^:]+)(:\d+)?$/.exec(hostHeader ?? '');
  return (match?.[1] ?? '').replace(/^\[|\]$/g, '').toLowerCase();
}

export async function startSandboxServer(options: SandboxServerOptions = {}): Promise<SandboxServer> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host)) throw new Error(`The sandbox binds to loopback only; refusing host ${host}.`);
  const log = options.log ?? (() => {});
  const sealingKey = await loadSealingKey();
  const keys = [sealingKey];
  const acceptedSealingKeyIds = keys.map((k) => k.kid);

  const store = new Store(options.dataDir);
  const verifier = new Verifier(store, options.verification, log);
  const pairings = new Pairings(store);
  const credentials = new Credentials(store, keys, verifier, log);
  const faults = new FaultQueue();
  const admin = createAdmin({ store, pairings, credentials, verifier, faults });
  const shutdown = new AbortController();

  const sleep = (ms: number) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(resolve, ms);
      shutdown.signal.addEventListener('abort', () => {
        clearTimeout(timer);
        reject(new Error('server closing'));
      });
    });

  async function postCredentials(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const fault: Fault | null = faults.take();
    const body = await readBody(req);
    if (fault) log(`fault injected: ${JSON.stringify(fault)}`);
    if (fault?.kind === 'status') {
      const code = fault.status === 503 ? 'unavailable' : 'internal_error';
      throw new ApiError(fault.status, code, `Injected ${fault.status}; retry later.`);
    }
    if (fault?.kind === 'rate_limit') {
      throw new ApiError(429, 'rate_limited', `Injected 429; retry in ${fault.retryAfter} s.`, undefined, {
        'Retry-After': String(fault.retryAfter),
      });
    }
    if (fault?.kind === 'reset') {
      req.socket.resetAndDestroy();
      return;
    }
    const closeAfter = fault?.kind === 'close_after_processing';
    try {
      const pairing = pairings.authenticate(bearerToken(req));
      const key = req.headers['idempotency-key'];
      const delay =
        fault?.kind === 'delay'
          ? () => sleep(fault.ms)
          : fault?.kind === 'hold'
            ? () => faults.waitForRelease(shutdown.signal)
            : undefined;
      const result = await credentials.submit(pairing, Array.isArray(key) ? key[0] : key, parseJson(body), delay);
      if (!closeAfter) sendJson(res, result.status, result.ack, CORS_HEADERS);
    } finally {
      // The work is done (or refused) but the client never hears about it.
      if (closeAfter) req.socket.destroy();
    }
  }

  const apiRoutes: Route[] = [
    {
      path: /^\/v1\/pairings\/claim$/,
      methods: {
        POST: async (req, res) => {
          const body = parseJson(await readBody(req));
          sendJson(res, 201, pairings.claim(body, req.socket.remoteAddress ?? 'unknown'), CORS_HEADERS);
        },
      },
    },
    {
      path: /^\/v1\/pairing$/,
      methods: {
        DELETE: async (req, res) => {
          pairings.revoke(pairings.authenticate(bearerToken(req)));
          sendEmpty(res, 204, CORS_HEADERS);
        },
      },
    },
    {
      path: /^\/v1\/connection$/,
      methods: {
        GET: async (req, res) => {
          const pairing = pairings.authenticate(bearerToken(req));
          sendJson(
            res,
            200,
            {
              pairingId: pairing.pairingId,
              account: pairing.account,
              acceptedSealingKeyIds,
              credential: credentials.latestStatus(pairing.account.id),
            },
            CORS_HEADERS,
          );
        },
      },
    },
    { path: /^\/v1\/credentials$/, methods: { POST: postCredentials } },
  ];

  const localRoutes: Route[] = [
    {
      path: /^\/$/,
      methods: {
        GET: async (_req, res) => {
          const html = renderPage(admin.overview());
          res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...PAGE_HEADERS });
          res.end(html);
        },
      },
    },
    {
      path: /^\/app\.js$/,
      methods: {
        GET: async (_req, res) => {
          res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', ...PAGE_HEADERS });
          res.end(APP_JS);
        },
      },
    },
    ...adminRoutes(admin),
  ];

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://sandbox.invalid').pathname;
    const method = (req.method ?? 'GET').toUpperCase();
    const local = localRoutes.find((r) => r.path.test(path));
    // The page and admin API hold decrypted secrets: no CORS for them, and only loopback Host names (DNS rebinding).
    const cors = local ? {} : CORS_HEADERS;
    try {
      if (local && !isLoopbackHost(hostnameOf(req.headers.host))) {
        throw new ApiError(403, 'forbidden_host', 'The sandbox answers loopback host names only.');
      }
      const route = local ?? apiRoutes.find((r) => r.path.test(path));
      if (!route) throw new ApiError(404, 'not_found', `No route ${path}.`);
      const allow = [...Object.keys(route.methods), 'OPTIONS'].join(', ');
      if (method === 'OPTIONS') return sendEmpty(res, 204, { ...cors, Allow: allow });
      const handler = route.methods[method];
      if (!handler) {
        const message = `${method} is not allowed on ${path}.`;
        throw new ApiError(405, 'method_not_allowed', message, undefined, { Allow: allow });
      }
      await handler(req, res, route.path.exec(path)?.slice(1) ?? []);
    } catch (error) {
      if (error instanceof ApiError) {
        // A refused oversized body: don't keep reading from this client.
        const extra: Record<string, string> = error.status === 413 ? { Connection: 'close' } : {};
        sendError(res, error, { ...cors, ...extra });
      } else if (!shutdown.signal.aborted) {
        log(`internal error on ${method} ${path}: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
        sendError(res, new ApiError(500, 'internal_error', 'The sandbox failed; see its log.'), cors);
      }
    }
  }

  const server = createServer((req, res) => {
    const started = Date.now();
    res.on('finish', () => log(`${req.method} ${req.url} → ${res.statusCode} (${Date.now() - started} ms)`));
    void handle(req, res);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_PORT, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  verifier.resume();
  let closing: Promise<void> | undefined;

  return {
    url,
    port,
    dataFile: store.file,
    acceptedSealingKeyIds,
    admin,
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        shutdown.abort();
        verifier.stop();
        store.close();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
