/**
 * Seals a captured credential to Stactize's sealing public key: a compact JWE (RSA-OAEP-256 + A256GCM, `kid`
 * in the protected header) over `{"v":1,captureId,tenantId,clientId,secret}`. This is the only place the key
 * (client secret) is handled in clear outside the page model, and only for as long as encryption takes.
 */
// Before jose, which keeps a TextEncoder from when it loads: Firefox content scripts need it (see own-realm.ts).
import './own-realm';
import { CompactEncrypt, importJWK } from 'jose';
import type { SealingPublicJwk } from '@/config/build-config';

export interface CredentialToSeal {
  captureId: string;
  tenantId: string;
  clientId: string;
  /** A function, so that the secret is read at the last moment and never sits in a serialisable object. */
  revealSecret: () => string;
}

const encoder = new TextEncoder();

export async function sealCredential(credential: CredentialToSeal, jwk: SealingPublicJwk): Promise<string> {
  const { kty, n, e, alg, kid } = jwk;
  const key = await importJWK({ kty, n, e }, alg);
  const plaintext = encoder.encode(
    JSON.stringify({
      v: 1,
      captureId: credential.captureId,
      tenantId: credential.tenantId,
      clientId: credential.clientId,
      secret: credential.revealSecret(),
    }),
  );
  try {
    return await new CompactEncrypt(plaintext)
      .setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A256GCM', kid })
      .encrypt(key);
  } finally {
    plaintext.fill(0); // best effort: the bytes of the secret do not outlive the encryption
  }
}
