/**
 * Build-time configuration: the Intake API base URL and the sealing public key, exactly as
 * `shared/stactize-intake-api/README.md` names them. Parsed with zod when building, so a bad value stops
 * the build with a message that names the variable and says why. Pure: no file or env access here.
 */
import { z } from 'zod';

export const SANDBOX_API_URL = 'http://127.0.0.1:8787';
/** The marker the committed sandbox key carries; a production build refuses any key with it. */
export const DEV_ONLY_MARKER = 'x-dev-only';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

const apiUrlSchema = z
  .string({ error: 'is missing' })
  .trim()
  .min(1, 'is empty')
  .refine((value) => URL.canParse(value), 'is not a URL')
  .transform((value) => new URL(value))
  .refine((url) => url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname)), {
    message: 'must be https (http is allowed only on a loopback host: 127.0.0.1, [::1], localhost)',
  })
  .refine((url) => !url.username && !url.password && !url.search && !url.hash, {
    message: 'must be a plain base URL without credentials, query or fragment',
  })
  .transform((url) => url.href.replace(/\/+$/, ''));

const base64url = z.string().regex(/^[A-Za-z0-9_-]+$/, 'must be base64url');

export const sealingPublicJwkSchema = z
  .object({
    kty: z.literal('RSA', { error: 'kty must be "RSA"' }),
    alg: z.literal('RSA-OAEP-256', { error: 'alg must be "RSA-OAEP-256"' }),
    kid: z.string({ error: 'kid is required' }).min(1, 'kid is required').max(128),
    n: base64url.min(340, 'n is too short for a 2048-bit key'),
    e: base64url,
    use: z.literal('enc').optional(),
    [DEV_ONLY_MARKER]: z.string().optional(),
  })
  .passthrough()
  .refine((jwk) => !('d' in jwk || 'p' in jwk || 'q' in jwk), {
    message: 'is a private key: give only the public half (no d, p, q)',
  });

export type SealingPublicJwk = z.infer<typeof sealingPublicJwkSchema>;

const sealingKeySchema = z
  .string({ error: 'is missing' })
  .trim()
  .min(1, 'is empty')
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'is not JSON (expected a JSON RSA JWK)' });
      return z.NEVER;
    }
  })
  .pipe(sealingPublicJwkSchema);

export interface BuildConfig {
  apiUrl: string;
  sealingKey: SealingPublicJwk;
  /** True when the build uses the committed sandbox key pair. */
  sandbox: boolean;
  /** True when the API is on this machine: a build for testing only, never for a store. */
  loopback: boolean;
}

export class BuildConfigError extends Error {
  override name = 'BuildConfigError';
}

export interface BuildConfigInput {
  env: Record<string, string | undefined>;
  production: boolean;
  /** The committed sandbox public key (JSON text), used as the default outside production. */
  sandboxKeyJson: string;
}

function parseOrExplain<T>(schema: z.ZodType<T>, name: string, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const why = result.error.issues.map((issue) => issue.message).join('; ');
  throw new BuildConfigError(`${name} ${why}`);
}

export function resolveBuildConfig({ env, production, sandboxKeyJson }: BuildConfigInput): BuildConfig {
  const rawUrl = env.WXT_STACTIZE_API_URL;
  const rawKey = env.WXT_STACTIZE_SEALING_KEY;
  if (production) {
    const missing = [
      rawUrl?.trim() ? null : 'WXT_STACTIZE_API_URL',
      rawKey?.trim() ? null : 'WXT_STACTIZE_SEALING_KEY',
    ].filter(Boolean);
    if (missing.length) {
      throw new BuildConfigError(
        `A production build needs ${missing.join(' and ')}: set the Intake API base URL and Stactize's sealing public key (a JSON RSA JWK).`,
      );
    }
  }
  const apiUrl = parseOrExplain(apiUrlSchema, 'WXT_STACTIZE_API_URL', rawUrl?.trim() ? rawUrl : SANDBOX_API_URL);
  const sealingKey = parseOrExplain(
    sealingKeySchema,
    'WXT_STACTIZE_SEALING_KEY',
    rawKey?.trim() ? rawKey : sandboxKeyJson,
  );
  const sandboxKey = parseOrExplain(sealingKeySchema, 'the sandbox key', sandboxKeyJson);
  // Known by its modulus, whatever kid or marker a copy of it carries.
  const sandbox = DEV_ONLY_MARKER in sealingKey || sealingKey.kid === sandboxKey.kid || sealingKey.n === sandboxKey.n;
  if (production && sandbox) {
    throw new BuildConfigError(
      'WXT_STACTIZE_SEALING_KEY is the DEV-ONLY sandbox key: a production build must use Stactize’s real sealing key.',
    );
  }
  const loopback = isLoopbackHost(new URL(apiUrl).hostname);
  if (production && (loopback || !apiUrl.startsWith('https:'))) {
    throw new BuildConfigError(
      'WXT_STACTIZE_API_URL must be an https URL of a real host in a production build (a loopback or http API is for sandbox builds only).',
    );
  }
  return { apiUrl, sealingKey, sandbox, loopback };
}

/** One line a build prints about what it is for, so a test build never passes for a store package. */
export function describeBuild(config: BuildConfig): string | null {
  if (config.sandbox) return `Sandbox build: DEV-ONLY sealing key, API ${config.apiUrl}. Not for a store.`;
  if (config.loopback) return `Test build: the API is on this machine (${config.apiUrl}). Not for a store.`;
  return null;
}
