import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiHostPermission, BuildConfigError, resolveBuildConfig } from '@/config/build-config';

const sandboxKeyJson = readFileSync('sandbox/dev-keys/sealing-public.jwk.json', 'utf8');
const { 'x-dev-only': _marker, ...unmarked } = JSON.parse(sandboxKeyJson);
const realKey = JSON.stringify({ ...unmarked, kid: 'stactize-2026-11' });

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

  it('derives the host permission from the API origin', () => {
    expect(apiHostPermission('https://intake.stactize.example/base')).toBe('https://intake.stactize.example/*');
    expect(apiHostPermission('http://127.0.0.1:8787')).toBe('http://127.0.0.1/*');
  });
});
