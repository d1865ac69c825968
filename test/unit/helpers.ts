/** Shared test data: the sandbox key pair, a current-shape key, and a sealed capture's identifiers. */
import { readFileSync } from 'node:fs';
import { compactDecrypt, importJWK } from 'jose';
import type { SealingPublicJwk } from '@/config/build-config';
import { type CaptureView, unknownView } from '@/utils/protocol';

const readJwk = (name: string) => {
  const { 'x-dev-only': _marker, ...jwk } = JSON.parse(readFileSync(`sandbox/dev-keys/${name}`, 'utf8'));
  return jwk;
};

export const publicJwk = readJwk('sealing-public.jwk.json') as SealingPublicJwk;
export const privateJwk = readJwk('sealing-private.jwk.json');

/** A fake key of the current Entra shape: 3 chars + `8Q~` + 34 chars. */
export const KEY = 'Abc8Q~d3f.G7h_J9k-L1m2N3p4Q5r6S7t8U9v0Wx';
export const TENANT = '11111111-2222-3333-4444-555555555555';
export const CLIENT = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
export const CAPTURE = '6f1c1a52-3c55-4a8e-9f0e-0b6a1b2c3d4e';

export async function openSealed(sealed: string) {
  const key = await importJWK(privateJwk, 'RSA-OAEP-256');
  const { plaintext, protectedHeader } = await compactDecrypt(sealed, key);
  return { payload: JSON.parse(new TextDecoder().decode(plaintext)), protectedHeader };
}

/** A capture as the background describes it to the overlay and the popup. */
export function captureView(captureId = CAPTURE, overrides: Partial<CaptureView> = {}): CaptureView {
  return {
    ...unknownView(captureId),
    state: 'secured',
    tenantId: TENANT,
    clientId: CLIENT,
    applicationName: 'App',
    ...overrides,
  };
}
