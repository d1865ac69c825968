// Shared fixtures for the sandbox server tests: a server per test on port 0 with a temp dataDir, sealing, requests.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompactEncrypt, importJWK, type JWK } from 'jose';
import { afterEach } from 'vitest';
import { type SandboxServer, type SandboxServerOptions, startSandboxServer } from '../../../sandbox/server/server';

const { 'x-dev-only': _marker, ...publicJwk } = JSON.parse(
  readFileSync('sandbox/dev-keys/sealing-public.jwk.json', 'utf8'),
) as JWK & { 'x-dev-only'?: string };
export const SANDBOX_KID = publicJwk.kid as string;

const servers: SandboxServer[] = [];
const dirs: string[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'stactize-sandbox-'));
  dirs.push(dir);
  return dir;
}

/** Starts a server that is closed after the test; a fresh temp dataDir unless one is given. */
export async function start(options: SandboxServerOptions = {}): Promise<SandboxServer> {
  const server = await startSandboxServer({ port: 0, dataDir: options.dataDir ?? tempDir(), ...options });
  servers.push(server);
  return server;
}

export const CLIENT = { name: 'stactize-partner-center-companion', version: '0.1.0', browser: 'chrome' } as const;

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by the assertions that read them.
type Json = any;

export async function call(
  server: SandboxServer,
  method: string,
  path: string,
  options: { body?: unknown; raw?: string; token?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: Headers; json: Json; text: string }> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  let body: string | undefined = options.raw;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['Content-Type'] ??= 'application/json';
  }
  const res = await fetch(`${server.url}${path}`, { method, headers, body });
  const text = await res.text();
  let json: Json;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, json, text };
}

export async function pair(server: SandboxServer, accountName?: string): Promise<string> {
  const { code } = server.admin.createPairingCode(accountName ? { accountName } : {});
  const res = await call(server, 'POST', '/v1/pairings/claim', { body: { code, client: CLIENT } });
  if (res.status !== 201) throw new Error(`pairing failed: ${res.text}`);
  return res.json.intakeToken;
}

export interface SealedPlaintext {
  v: number;
  captureId: string;
  tenantId: string;
  clientId: string;
  secret: string;
}

export async function seal(plaintext: unknown, kid = SANDBOX_KID): Promise<string> {
  const key = await importJWK(publicJwk, 'RSA-OAEP-256');
  return new CompactEncrypt(new TextEncoder().encode(JSON.stringify(plaintext)))
    .setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A256GCM', kid })
    .encrypt(key);
}

/** A valid submission body; `plaintext` overrides members of what gets sealed. */
export async function submission(
  options: { secret?: string; plaintext?: Partial<SealedPlaintext>; kid?: string; body?: Record<string, unknown> } = {},
): Promise<Record<string, unknown> & { captureId: string; sealed: string }> {
  const captureId = randomUUID();
  const tenantId = randomUUID();
  const clientId = randomUUID();
  const secret = options.secret ?? 'Abc8Q~sandbox-secret-value-42';
  const sealed = await seal({ v: 1, captureId, tenantId, clientId, secret, ...options.plaintext }, options.kid);
  return {
    captureId,
    tenantId,
    clientId,
    applicationName: 'Contoso Offer Sync',
    keyExpiresAt: '2027-05-31',
    capturedAt: new Date().toISOString(),
    sealed,
    client: CLIENT,
    ...options.body,
  };
}

export function submit(
  server: SandboxServer,
  token: string,
  body: { captureId: string } & Record<string, unknown>,
  key?: string,
) {
  return call(server, 'POST', '/v1/credentials', {
    body,
    token,
    headers: { 'Idempotency-Key': key ?? body.captureId },
  });
}
