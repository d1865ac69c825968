// Loads the sandbox's sealing private key(s); the committed dev key carries an "x-dev-only" marker jose must not see.
import { readFileSync } from 'node:fs';
import { importJWK, type JWK } from 'jose';

export interface SealingKey {
  kid: string;
  key: CryptoKey;
}

export const DEV_PRIVATE_KEY_PATH = new URL('../dev-keys/sealing-private.jwk.json', import.meta.url);

export async function loadSealingKey(path: string | URL = DEV_PRIVATE_KEY_PATH): Promise<SealingKey> {
  const { 'x-dev-only': _marker, ...jwk } = JSON.parse(readFileSync(path, 'utf8')) as JWK & { 'x-dev-only'?: string };
  if (typeof jwk.kid !== 'string' || !jwk.d) throw new Error(`${String(path)}: not a private JWK with a kid`);
  const key = await importJWK(jwk, 'RSA-OAEP-256');
  if (key instanceof Uint8Array) throw new Error(`${String(path)}: not an RSA key`);
  return { kid: jwk.kid, key };
}
