/**
 * Firefox runs a content script in a sandbox whose `TextEncoder` and `crypto` are the page's, so the bytes they
 * hand back are the page's Uint8Arrays and ArrayBuffers. jose refuses those (`instanceof Uint8Array`: "JWE key
 * management algorithm did not produce an Encrypted Key"), and the page's own methods on them may not read this
 * script's objects ('Permission denied to access property "alphabet"'). Imported for its effect before jose
 * (`sealing.ts` does), this module gives the content script a TextEncoder and a crypto that make the same calls
 * and hand back this script's own copies.
 *
 * Chrome's isolated worlds, extension pages and workers have their own TextEncoder and crypto: there nothing
 * changes. Only this extension's sandbox sees the replacements; the page keeps its own.
 */

export interface Realm {
  Uint8Array: typeof Uint8Array;
  TextEncoder: typeof TextEncoder;
  crypto: Crypto;
}

const isArrayBuffer = (value: unknown): value is ArrayBuffer =>
  Object.prototype.toString.call(value) === '[object ArrayBuffer]';

/** Do the bytes the realm's TextEncoder hands back belong to another realm than its Uint8Array? */
export function isForeign(realm: Realm): boolean {
  return !(new realm.TextEncoder().encode('') instanceof realm.Uint8Array);
}

/** The same `crypto`, except that every ArrayBuffer its `subtle` methods resolve with is the realm's own copy. */
export function ownRealmCrypto(foreign: Crypto, realm: Pick<Realm, 'Uint8Array'>): Crypto {
  const subtle = new Proxy(foreign.subtle, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        const result: unknown = await value.apply(target, args);
        return isArrayBuffer(result) ? realm.Uint8Array.from(new realm.Uint8Array(result)).buffer : result;
      };
    },
  });
  const getRandomValues: Crypto['getRandomValues'] = (array) => foreign.getRandomValues(array);
  return { subtle, getRandomValues, randomUUID: () => foreign.randomUUID() } as Crypto;
}

/** A TextEncoder whose `encode` hands back the realm's own Uint8Array. */
export function ownRealmTextEncoder(Foreign: typeof TextEncoder, realm: Pick<Realm, 'Uint8Array'>): typeof TextEncoder {
  return class OwnRealmTextEncoder {
    readonly encoding = 'utf-8';
    readonly #inner = new Foreign();
    encode(input = ''): Uint8Array<ArrayBuffer> {
      const foreign = this.#inner.encode(input);
      const own = realm.Uint8Array.from(foreign);
      foreign.fill(0); // best effort, as in sealing.ts: the foreign copy of a secret does not wait for the GC
      return own;
    }
    encodeInto(source: string, destination: Uint8Array): TextEncoderEncodeIntoResult {
      return this.#inner.encodeInto(source, destination); // writes into the caller's own array
    }
  } as typeof TextEncoder;
}

/** Replaces the realm's TextEncoder and crypto when, and only when, they are foreign. Returns whether it did. */
export function installOwnRealm(realm: Realm): boolean {
  if (!isForeign(realm)) return false;
  const define = (name: 'TextEncoder' | 'crypto', value: unknown) =>
    Object.defineProperty(realm, name, { value, configurable: true, writable: true });
  define('crypto', ownRealmCrypto(realm.crypto, realm));
  define('TextEncoder', ownRealmTextEncoder(realm.TextEncoder, realm));
  return true;
}

installOwnRealm(globalThis);
