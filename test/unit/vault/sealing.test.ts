import { describe, expect, it } from 'vitest';
import { sealCredential } from '@/utils/vault/sealing';
import { CAPTURE, CLIENT, KEY, openSealed, publicJwk, TENANT } from '../helpers';

describe('sealing a credential', () => {
  it('makes a compact JWE that only the sealing private key opens, with the contract’s plaintext', async () => {
    const sealed = await sealCredential(
      { captureId: CAPTURE, tenantId: TENANT, clientId: CLIENT, revealSecret: () => KEY },
      publicJwk,
    );
    expect(sealed).toMatch(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+){4}$/);
    expect(sealed).not.toContain(KEY);
    const { payload, protectedHeader } = await openSealed(sealed);
    expect(protectedHeader).toEqual({ alg: 'RSA-OAEP-256', enc: 'A256GCM', kid: 'stactize-sandbox-dev-1' });
    expect(payload).toEqual({ v: 1, captureId: CAPTURE, tenantId: TENANT, clientId: CLIENT, secret: KEY });
  });

  it('seals the same credential differently each time, so nothing can be compared across captures', async () => {
    const credential = { captureId: CAPTURE, tenantId: TENANT, clientId: CLIENT, revealSecret: () => KEY };
    expect(await sealCredential(credential, publicJwk)).not.toBe(await sealCredential(credential, publicJwk));
  });
});
