/**
 * own-realm.ts against a stand-in for a Firefox content script: a realm whose TextEncoder and crypto hand back
 * another realm's bytes (a node:vm context here). The real thing, jose sealing in Firefox, is proved by
 * e2e/firefox.spec.ts.
 */
import { webcrypto } from 'node:crypto';
import { createContext, runInContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { installOwnRealm, isForeign, ownRealmCrypto, ownRealmTextEncoder, type Realm } from '@/utils/vault/own-realm';

const elsewhere = createContext({});
const ForeignUint8Array = runInContext('Uint8Array', elsewhere) as typeof Uint8Array;
const foreignBytes = (bytes: Uint8Array) => ForeignUint8Array.from(bytes);

/** Encodes like TextEncoder, in the other realm's Uint8Array. */
class ForeignTextEncoder {
  readonly encoding = 'utf-8';
  encode(input = '') {
    return foreignBytes(new TextEncoder().encode(input));
  }
  encodeInto(source: string, destination: Uint8Array) {
    return new TextEncoder().encodeInto(source, destination);
  }
}

/** WebCrypto whose results are the other realm's ArrayBuffers: "own realm" from the other realm's side. */
const foreignCrypto = (): Crypto => ownRealmCrypto(webcrypto as Crypto, { Uint8Array: ForeignUint8Array });

const firefoxLike = (): Realm => ({
  Uint8Array,
  TextEncoder: ForeignTextEncoder as never as typeof TextEncoder,
  crypto: foreignCrypto(),
});

describe('own-realm', () => {
  it('tells a foreign TextEncoder from this realm’s own', () => {
    expect(isForeign(globalThis)).toBe(false);
    expect(isForeign(firefoxLike())).toBe(true);
  });

  it('encodes into this realm’s Uint8Array, byte for byte', () => {
    const Own = ownRealmTextEncoder(ForeignTextEncoder as never as typeof TextEncoder, { Uint8Array });
    const text = 'key ✓ 鍵';
    const bytes = new Own().encode(text);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect([...bytes]).toEqual([...new TextEncoder().encode(text)]);
    const into = new Uint8Array(32);
    expect(new Own().encodeInto('abc', into)).toMatchObject({ read: 3, written: 3 });
    expect([...into.subarray(0, 3)]).toEqual([97, 98, 99]);
  });

  it('hands back this realm’s ArrayBuffers from every subtle call, and passes everything else through', async () => {
    const foreign = foreignCrypto();
    const data = new TextEncoder().encode('sealed');
    const raw = await foreign.subtle.digest('SHA-256', data);
    expect(raw).not.toBeInstanceOf(ArrayBuffer); // the stand-in really is foreign

    const own = ownRealmCrypto(foreign, { Uint8Array });
    const digest = await own.subtle.digest('SHA-256', data);
    expect(digest).toBeInstanceOf(ArrayBuffer);
    expect([...new Uint8Array(digest)]).toEqual([...new Uint8Array(raw)]);

    const key = await own.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt']);
    expect((key as CryptoKey).type).toBe('secret');
    const iv = own.getRandomValues(new Uint8Array(12));
    expect(iv).toBeInstanceOf(Uint8Array);
    expect(own.randomUUID()).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('replaces TextEncoder and crypto in a foreign realm only, and says whether it did', async () => {
    const own = { ...globalThis } as never as Realm;
    own.TextEncoder = TextEncoder;
    own.crypto = globalThis.crypto;
    own.Uint8Array = Uint8Array;
    expect(installOwnRealm(own)).toBe(false);
    expect(own.TextEncoder).toBe(TextEncoder);

    const realm = firefoxLike();
    const { TextEncoder: before, crypto: cryptoBefore } = realm;
    expect(installOwnRealm(realm)).toBe(true);
    expect(realm.TextEncoder).not.toBe(before);
    expect(realm.crypto).not.toBe(cryptoBefore);
    expect(new realm.TextEncoder().encode('x')).toBeInstanceOf(Uint8Array);
    expect(await realm.crypto.subtle.digest('SHA-256', new Uint8Array(1))).toBeInstanceOf(ArrayBuffer);
    expect(isForeign(realm)).toBe(false);
  });
});
