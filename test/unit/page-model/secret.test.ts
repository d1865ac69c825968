/** The key never leaves its SecretKey by accident: not through JSON, String(), structuredClone or the summary. */

import { inspect } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TEST_VALUES as V } from '@/test/fixtures/partner-center/values';
import {
  type KeyScreenReading,
  keyScreenState,
  type PageState,
  SecretKey,
  samePageState,
  summarizePageState,
} from '@/utils/page-model/page-state';

const URL_ = 'https://partner.microsoft.com/dashboard/account/v3/usermanagement#apps';

function reading(key: SecretKey | null, clientId: string | null = V.clientId): KeyScreenReading {
  return { kind: 'keyScreen', url: URL_, clientId, candidate: key, rejected: null, keyExpiresAt: '2027-01-15' };
}

const ALL_KEYS = [
  new SecretKey(V.keys.current, 'current', 'high'),
  new SecretKey(V.keys.previous, 'previous', 'low'),
  new SecretKey(V.keys.legacy34, 'legacy34', 'low'),
  new SecretKey(V.keys.legacy32, 'legacy32', 'low'),
];

describe('SecretKey', () => {
  it('reveals its value only through reveal()', () => {
    const key = ALL_KEYS[0] as SecretKey;
    expect(key.reveal()).toBe(V.keys.current);
    expect(Object.keys(key)).toEqual(['shape', 'confidence', 'length']);
    expect(Object.values(key)).not.toContain(V.keys.current);
    expect(JSON.stringify(key)).toBe('{"redacted":true,"shape":"current","confidence":"high","length":40}');
    expect(String(key)).not.toContain(V.keys.current);
    expect(`${key}`).not.toContain(V.keys.current);
    expect(inspect(key, { showHidden: true, depth: 5 })).not.toContain(V.keys.current);
    expect(JSON.stringify(structuredClone(key))).not.toContain(V.keys.current);
    expect(Object.isFrozen(key)).toBe(true);
  });

  it('compares values without exposing them', () => {
    expect(new SecretKey(V.keys.current, 'current', 'high').sameAs(ALL_KEYS[0])).toBe(true);
    expect(ALL_KEYS[0]?.sameAs(ALL_KEYS[1])).toBe(false);
    expect(ALL_KEYS[0]?.sameAs(null)).toBe(false);
  });
});

describe('summarizePageState', () => {
  it('never contains the key, for every key shape and mismatch, in summary or in JSON of the state', () => {
    for (const key of ALL_KEYS) {
      const state = keyScreenState(reading(key, V.otherClientId), key, {
        appName: 'App',
        tenantId: V.tenantId,
        clientId: V.clientId,
        seenAt: 0,
        urlIds: [],
      });
      expect(state.key).toBe(key);
      const summary = summarizePageState(state);
      expect(summary).toMatchObject({
        kind: 'keyScreen',
        keyPresent: true,
        keyShape: key.shape,
        confidence: key.confidence,
        clientId: V.clientId,
        clientIdMismatch: { keyScreen: V.otherClientId, applicationPage: V.clientId },
      });
      for (const text of [JSON.stringify(summary), JSON.stringify(state), JSON.stringify({ nested: [state] })])
        expect(text).not.toContain(key.reveal());
    }
  });

  it('never contains any generated secret (property test)', () => {
    const char = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~');
    fc.assert(
      fc.property(
        fc.array(char, { minLength: 3, maxLength: 3 }),
        fc.array(char, { minLength: 34, maxLength: 34 }),
        (a, b) => {
          const value = `${a.join('')}8Q~${b.join('')}`;
          const key = new SecretKey(value, 'current', 'high');
          const state = keyScreenState(reading(key), key, null);
          return !JSON.stringify(summarizePageState(state)).includes(value) && !JSON.stringify(state).includes(value);
        },
      ),
    );
  });

  it('holds a key only when it is the stable one; otherwise says it is settling', () => {
    const key = ALL_KEYS[0] as SecretKey;
    expect(keyScreenState(reading(key), null, null)).toMatchObject({ key: null, keyStatus: 'settling' });
    expect(keyScreenState(reading(key), ALL_KEYS[1] as SecretKey, null)).toMatchObject({ key: null });
    expect(keyScreenState(reading(null), null, null)).toMatchObject({ key: null, keyStatus: 'missing' });
  });

  it('summarises every kind into JSON-safe data', () => {
    const states: PageState[] = [
      { kind: 'dashboard', url: URL_ },
      { kind: 'unauthorized', url: URL_ },
      { kind: 'tenants', url: URL_, view: 'list', tenants: [{ id: V.tenantId, domain: 'contoso.onmicrosoft.com' }] },
      { kind: 'userManagement', url: URL_, tab: 'apps', view: 'addApplication' },
      {
        kind: 'applicationPage',
        url: URL_,
        appName: 'App',
        tenantId: V.tenantId,
        clientId: V.clientId,
        keys: [{ created: '2025-01-15', expires: null, createdText: '1/15/2025', expiresText: 'never' }],
        canAddKey: true,
      },
    ];
    for (const state of states) {
      const summary = summarizePageState(state);
      expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
      expect(summary).toMatchObject({ kind: state.kind, keyPresent: false });
      expect(summary).not.toHaveProperty('url');
    }
  });

  it('treats states as the same only with the same summary, URL and key', () => {
    const key = ALL_KEYS[0] as SecretKey;
    const a = keyScreenState(reading(key), key, null);
    const b = keyScreenState(reading(new SecretKey(V.keys.current, 'current', 'high')), key, null);
    expect(samePageState(a, b)).toBe(true);
    const other = ALL_KEYS[3] as SecretKey;
    expect(samePageState(a, keyScreenState(reading(other), other, null))).toBe(false);
    expect(samePageState(a, { ...a, url: `${URL_}/x` })).toBe(false);
    expect(samePageState(null, null)).toBe(true);
  });
});
