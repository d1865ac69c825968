/** Value shapes: GUIDs, every key shape, masked and truncated values, display dates. */
import { describe, expect, it } from 'vitest';
import { fakeChars, TEST_VALUES as V } from '@/test/fixtures/partner-center/values';
import { classifyKey, findGuid, isGuid, parseDisplayDate } from '@/utils/shapes/values';

describe('GUIDs', () => {
  it('finds exactly one GUID, lower-cased', () => {
    expect(isGuid(V.clientId)).toBe(true);
    expect(findGuid(`Client ID ${V.clientId.toUpperCase()} Copy`)).toBe(V.clientId);
    expect(findGuid('no guid here')).toBeNull();
    expect(findGuid(`${V.clientId} ${V.tenantId}`)).toBeNull();
    expect(findGuid(`x${V.clientId}`)).toBeNull();
    expect(findGuid(`${V.clientId}-0`)).toBeNull();
    expect(isGuid('3f2a4c1e-aaaa-4bbb-8ccc-0123456789a')).toBe(false);
  });
});

describe('key shapes', () => {
  it('reads the current 40-char 8Q~ shape with high confidence', () => {
    expect(V.keys.current).toHaveLength(40);
    expect(V.keys.current[5]).toBe('~');
    expect(classifyKey(V.keys.current)).toEqual({
      ok: true,
      value: V.keys.current,
      shape: 'current',
      confidence: 'high',
    });
  });

  it('reads the 37-char 7Q~ and the legacy 32/34-char shapes with low confidence', () => {
    expect(classifyKey(V.keys.previous)).toMatchObject({ ok: true, shape: 'previous', confidence: 'low' });
    expect(classifyKey(V.keys.legacy34)).toMatchObject({ ok: true, shape: 'legacy34', confidence: 'low' });
    expect(classifyKey(V.keys.legacy32)).toMatchObject({ ok: true, shape: 'legacy32', confidence: 'low' });
  });

  it('tolerates button text around the value', () => {
    expect(classifyKey(`  ${V.keys.current}  Copy `)).toMatchObject({ ok: true, value: V.keys.current });
  });

  it('rejects masked values', () => {
    for (const masked of [
      '••••••••••',
      '****************',
      `${V.keys.current.slice(0, 6)}•••••`,
      'Abc8Q~******',
      '●●●●●●',
    ])
      expect(classifyKey(masked), masked).toEqual({ ok: false, reason: 'masked' });
  });

  it('rejects truncated values, even when the rest has a key length', () => {
    expect(classifyKey(`${V.keys.current.slice(0, 12)}…`)).toEqual({ ok: false, reason: 'truncated' });
    expect(classifyKey(`${V.keys.current.slice(0, 37)}...`)).toEqual({ ok: false, reason: 'truncated' });
  });

  it('rejects other lengths, GUIDs and 32-char hex (a GUID without dashes)', () => {
    for (const text of [V.clientId, 'a1b2c3d4e5f60718293a4b5c6d7e8f90', fakeChars(33, 1), fakeChars(41, 1), 'Key', ''])
      expect(classifyKey(text).ok, text).toBe(false);
    expect(classifyKey(`Abc8Q~${fakeChars(33, 1)}`).ok).toBe(false);
    expect(classifyKey(`Abc8Q~${fakeChars(33, 1)}!`).ok).toBe(false);
  });

  it('refuses two different key-shaped values in one place', () => {
    expect(classifyKey(`${V.keys.current} ${V.keys.another}`)).toEqual({ ok: false, reason: 'none' });
  });
});

describe('display dates', () => {
  it('reads ISO, US, European, Japanese and month-name formats', () => {
    expect(parseDisplayDate('2027-01-15')).toBe('2027-01-15');
    expect(parseDisplayDate('1/15/2027')).toBe('2027-01-15');
    expect(parseDisplayDate('3/2/2026', 'en-us')).toBe('2026-03-02');
    expect(parseDisplayDate('02/03/2026', 'fr-fr')).toBe('2026-03-02');
    expect(parseDisplayDate('02.03.2026', 'en-us')).toBe('2026-03-02');
    expect(parseDisplayDate('2026/03/02')).toBe('2026-03-02');
    expect(parseDisplayDate('2026年3月2日')).toBe('2026-03-02');
    expect(parseDisplayDate('January 15, 2027')).toBe('2027-01-15');
    expect(parseDisplayDate('15 janv. 2027')).toBe('2027-01-15');
    expect(parseDisplayDate('2 de marzo de 2026')).toBe('2026-03-02');
    expect(parseDisplayDate('15. März 2027')).toBe('2027-03-15');
  });

  it('gives null for what it cannot read unambiguously', () => {
    expect(parseDisplayDate('soon')).toBeNull();
    expect(parseDisplayDate('31/02/2026', 'fr-fr')).toBeNull();
    expect(parseDisplayDate('13/13/2026')).toBeNull();
    expect(parseDisplayDate('3 jui 2026')).toBeNull();
  });
});
