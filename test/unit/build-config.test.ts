import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BuildConfigError, describeBuild, resolveBuildConfig } from '@/config/build-config';

const sandboxKeyJson = readFileSync('sandbox/dev-keys/sealing-public.jwk.json', 'utf8');
const { 'x-dev-only': _marker, ...unmarked } = JSON.parse(sandboxKeyJson);
/** A key pair of its own: not the sandbox's under another name. */
const { n, e } = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ format: 'jwk' });
const realKey = JSON.stringify({ kty: 'RSA', alg: 'RSA-OAEP-256', use: 'enc', kid: 'stactize-2026-11', n, e });

function resolve(env: Record<string, string | undefined>, production = false) {
  return resolveBuildConfig({ env, production, sandboxKeyJson });
}

describe('build-time configuration', () => {
  it('defaults to the sandbox outside production', () => {
    const config = resolve({});
    expect(config.apiUrl).toBe('http://127.0.0.1:8787');
    expect(config.sealingKey.kid).toBe('stactize-sandbox-dev-1');
    expect(config.sandbox).toBe(true);
  });

  it('accepts https and loopback http, and drops a trailing slash', () => {
    expect(resolve({ WXT_STACTIZE_API_URL: 'https://intake.stactize.example/' }).apiUrl).toBe(
      'https://intake.stactize.example',
    );
    for (const url of ['http://localhost:9000', 'http://[::1]:9000', 'http://127.0.0.1']) {
      expect(resolve({ WXT_STACTIZE_API_URL: url }).apiUrl).toBe(url);
    }
  });

  it.each([
    ['http://intake.stactize.example', /WXT_STACTIZE_API_URL must be https/],
    ['http://127.0.0.1.nip.io', /WXT_STACTIZE_API_URL must be https/],
    ['ftp://127.0.0.1', /WXT_STACTIZE_API_URL must be https/],
    ['not a url', /WXT_STACTIZE_API_URL is not a URL/],
    ['https://user:pw@intake.stactize.example', /WXT_STACTIZE_API_URL must be a plain base URL/],
  ])('refuses the API URL %s, naming the variable', (url, why) => {
    expect(() => resolve({ WXT_STACTIZE_API_URL: url })).toThrow(why);
  });

  it.each([
    ['{', /WXT_STACTIZE_SEALING_KEY is not JSON/],
    [JSON.stringify({ ...unmarked, alg: 'RSA-OAEP' }), /WXT_STACTIZE_SEALING_KEY alg must be "RSA-OAEP-256"/],
    [JSON.stringify({ ...unmarked, kid: undefined }), /WXT_STACTIZE_SEALING_KEY kid is required/],
    [JSON.stringify({ ...unmarked, kty: 'EC' }), /WXT_STACTIZE_SEALING_KEY kty must be "RSA"/],
    [JSON.stringify({ ...unmarked, d: 'AAAA' }), /WXT_STACTIZE_SEALING_KEY is a private key/],
  ])('refuses a bad sealing key, naming the variable and why', (key, why) => {
    expect(() => resolve({ WXT_STACTIZE_SEALING_KEY: key })).toThrow(why);
  });

  it('refuses a production build without both variables', () => {
    expect(() => resolve({}, true)).toThrow(/needs WXT_STACTIZE_API_URL and WXT_STACTIZE_SEALING_KEY/);
    expect(() => resolve({ WXT_STACTIZE_API_URL: 'https://intake.stactize.example' }, true)).toThrow(
      /needs WXT_STACTIZE_SEALING_KEY/,
    );
  });

  it('refuses a production build with the sandbox key, even without its marker', () => {
    const env = { WXT_STACTIZE_API_URL: 'https://intake.stactize.example' };
    expect(() => resolve({ ...env, WXT_STACTIZE_SEALING_KEY: sandboxKeyJson }, true)).toThrow(BuildConfigError);
    expect(() =>
      resolve({ ...env, WXT_STACTIZE_SEALING_KEY: JSON.stringify({ ...unmarked, 'x-dev-only': undefined }) }, true),
    ).toThrow(/DEV-ONLY sandbox key/);
  });

  it('builds for production with a real key and an https URL', () => {
    const config = resolve(
      { WXT_STACTIZE_API_URL: 'https://intake.stactize.example', WXT_STACTIZE_SEALING_KEY: realKey },
      true,
    );
    expect(config).toMatchObject({ apiUrl: 'https://intake.stactize.example', sandbox: false });
  });

  it('refuses a production build with the sandbox key renamed: known by its modulus, not its kid or marker', () => {
    const renamed = JSON.stringify({ ...unmarked, kid: 'stactize-2026-11' });
    expect(() =>
      resolve({ WXT_STACTIZE_API_URL: 'https://intake.stactize.example', WXT_STACTIZE_SEALING_KEY: renamed }, true),
    ).toThrow(/DEV-ONLY sandbox key/);
  });

  it.each(['http://127.0.0.1:8787', 'https://localhost:8443', 'https://127.0.0.5'])(
    'refuses a production build whose API is %s: a store package talks to a real https host',
    (url) => {
      expect(() => resolve({ WXT_STACTIZE_API_URL: url, WXT_STACTIZE_SEALING_KEY: realKey }, true)).toThrow(
        /https URL of a real host in a production build/,
      );
    },
  );

  it('a plain build with explicit variables may target a loopback API, and says it is for testing', () => {
    const config = resolve({ WXT_STACTIZE_API_URL: 'http://127.0.0.1:9999', WXT_STACTIZE_SEALING_KEY: realKey });
    expect(config).toMatchObject({ sandbox: false, loopback: true });
    expect(describeBuild(config)).toMatch(/^Test build: the API is on this machine .* Not for a store\.$/);
    expect(describeBuild(resolve({}))).toMatch(/^Sandbox build: DEV-ONLY sealing key/);
    expect(
      describeBuild(
        resolve({ WXT_STACTIZE_API_URL: 'https://intake.stactize.example', WXT_STACTIZE_SEALING_KEY: realKey }, true),
      ),
    ).toBeNull();
  });
});
