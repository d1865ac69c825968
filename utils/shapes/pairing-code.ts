/**
 * Normalises a pairing code as the user typed or pasted it into the canonical `XXXX-XXXX` the Intake API takes.
 * Pure. The code is 8 characters of Crockford base32 (0-9, A-Z without I, L, O, U).
 */

/** The request pattern from the contract (`POST /v1/pairings/claim`, `code`). */
export const PAIRING_CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{4}-?[0-9A-HJKMNP-TV-Z]{4}$/;

export type PairingCodeResult = { ok: true; code: string } | { ok: false; reason: 'empty' | 'length' | 'characters' };

// Whitespace of any kind plus the hyphen and its typographic look-alikes, which a paste from a chat or a document
// can bring in.
const SEPARATORS = /[\s\u2010-\u2015\u2212-]+/g;
// Checked before upper-casing, and without the `u` flag, so that no non-ASCII letter is folded into a valid one
// (e.g. 'ß'.toUpperCase() is 'SS').
const ALPHABET = /^[0-9A-HJKMNP-TV-Z]*$/i;

export function normalizePairingCode(input: string): PairingCodeResult {
  const compact = input.replace(SEPARATORS, '');
  if (compact === '') return { ok: false, reason: 'empty' };
  // No silent O→0 or I/L→1: a code with those letters was misread, and the user should look at it again.
  if (!ALPHABET.test(compact)) return { ok: false, reason: 'characters' };
  if (compact.length !== 8) return { ok: false, reason: 'length' };
  const upper = compact.toUpperCase();
  return { ok: true, code: `${upper.slice(0, 4)}-${upper.slice(4)}` };
}
