/** The pairing-code normaliser against the contract's pattern and the typing mistakes users make. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizePairingCode, PAIRING_CODE_PATTERN } from '../../../utils/shapes/pairing-code';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

describe('normalizePairingCode', () => {
  it.each([
    ['ABCD-EFGH', 'ABCD-EFGH'],
    ['ABCDEFGH', 'ABCD-EFGH'],
    ['abcd-efgh', 'ABCD-EFGH'],
    ['abcdefgh', 'ABCD-EFGH'],
    ['  7k3m 9pqz ', '7K3M-9PQZ'],
    ['7K3M - 9PQZ', '7K3M-9PQZ'],
    ['7-K-3-M-9-P-Q-Z', '7K3M-9PQZ'],
    ['\t0123\n4567\u00a0', '0123-4567'],
    ['7K3M\u20139PQZ', '7K3M-9PQZ'], // en dash from a pasted document
  ])('%j → %s', (input, code) => {
    expect(normalizePairingCode(input)).toEqual({ ok: true, code });
  });

  it.each(['', '   ', ' - ', '--'])('%j is empty', (input) => {
    expect(normalizePairingCode(input)).toEqual({ ok: false, reason: 'empty' });
  });

  it.each(['ABCD-EFG', 'ABCDEFGHJ', 'A', '0123-45678', 'ABCD-EFGH-JKMN'])('%j has the wrong length', (input) => {
    expect(normalizePairingCode(input)).toEqual({ ok: false, reason: 'length' });
  });

  // Misread letters are refused, not mapped to digits, so the user looks at the code again.
  it.each([
    'ABCD-EFGI',
    'ABCD-EFGL',
    'ABCD-EFGO',
    'ABCD-EFGU',
    'abcd-efgo',
    'ABCD_EFGH',
    'ABCD.EFGH',
    'ABCDEFGß',
    'ABCD-EFGİ',
    'ＡＢＣＤ-ＥＦＧＨ',
  ])('%j has invalid characters', (input) => {
    expect(normalizePairingCode(input)).toEqual({ ok: false, reason: 'characters' });
  });

  it('exports the contract pattern', () => {
    expect(PAIRING_CODE_PATTERN.source).toBe('^[0-9A-HJKMNP-TV-Z]{4}-?[0-9A-HJKMNP-TV-Z]{4}$');
    expect(PAIRING_CODE_PATTERN.test('ABCD-EFGH')).toBe(true);
    expect(PAIRING_CODE_PATTERN.test('ABCDEFGH')).toBe(true);
    expect(PAIRING_CODE_PATTERN.test('abcd-efgh')).toBe(false);
  });

  it('recovers any valid code from any casing and separators', () => {
    const char = fc.constantFrom(...CROCKFORD);
    const separator = fc.constantFrom('', ' ', '-', '  ', ' - ', '\t');
    fc.assert(
      fc.property(
        fc.array(char, { minLength: 8, maxLength: 8 }),
        fc.array(fc.tuple(fc.boolean(), separator), { minLength: 8, maxLength: 8 }),
        separator,
        (chars, styles, leading) => {
          const typed = leading + chars.map((c, i) => (styles[i]?.[0] ? c.toLowerCase() : c) + styles[i]?.[1]).join('');
          const canonical = `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
          expect(normalizePairingCode(typed)).toEqual({ ok: true, code: canonical });
        },
      ),
    );
  });

  it('only ever returns a canonical code of exactly the characters typed, or one of the three reasons', () => {
    // Mostly what a user could type or paste: the alphabet in both cases, misread letters, separators, lookalikes.
    const typedChar = fc.constantFrom(
      ...CROCKFORD,
      ...CROCKFORD.toLowerCase(),
      ...'ILOUilou_.ßİＡ',
      ' ',
      '-',
      '\t',
      '\u00a0',
      '\u2013',
    );
    const nearlyClean = fc.constantFrom(...CROCKFORD, ...CROCKFORD.toLowerCase(), ' ', '-');
    const input = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.string({ unit: typedChar, minLength: 6, maxLength: 12 }),
      fc.string({ unit: nearlyClean, minLength: 7, maxLength: 10 }),
    );
    const seen = { ok: 0, empty: 0, length: 0, characters: 0 };
    fc.assert(
      fc.property(input, (typed) => {
        const result = normalizePairingCode(typed);
        if (result.ok) {
          expect(result.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
          expect(PAIRING_CODE_PATTERN.test(result.code)).toBe(true);
          // Nothing mapped or invented: the code is the typed letters and digits, upper-cased, in order.
          expect(result.code.replace('-', '')).toBe(typed.toUpperCase().replace(/[^0-9A-Z]/g, ''));
          seen.ok++;
        } else {
          expect(['empty', 'length', 'characters']).toContain(result.reason);
          seen[result.reason]++;
        }
      }),
      { numRuns: 2000 },
    );
    // Every branch was reached, so the property above was checked on valid codes too.
    expect(seen.ok).toBeGreaterThan(0);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.characters).toBeGreaterThan(0);
  });
});
