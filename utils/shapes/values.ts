/**
 * Value shapes Partner Center shows: GUIDs (tenant and client IDs), Entra client secrets (by Microsoft's
 * secret-scanning shapes), masked or truncated values that must never be taken for a key, and display dates.
 */

const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
/** A whole tenant or client ID (the contract's Guid pattern); shared by the page model, messages and the API client. */
export const GUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A compact JWE (five base64url parts): the only form a key takes outside the content script. */
export const JWE_PATTERN = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

export function isGuid(value: string): boolean {
  return GUID_PATTERN.test(value);
}

/** Every GUID in `text`, lower-cased, once each (a URL's path and hash may name the application this way). */
export function guidsIn(text: string): string[] {
  return [...new Set((text.normalize('NFKC').match(GUID) ?? []).map((g) => g.toLowerCase()))];
}

/** The one GUID in `text` (lower-cased), or null when there is none or several different ones. */
export function findGuid(text: string): string | null {
  const found = new Set((text.normalize('NFKC').match(GUID) ?? []).map((g) => g.toLowerCase()));
  // Guard against a GUID glued inside a longer hex run, which is some other identifier.
  if (found.size !== 1) return null;
  const [guid] = found;
  if (!guid) return null;
  const at = text.toLowerCase().indexOf(guid);
  const before = text[at - 1] ?? '';
  const after = text[at + guid.length] ?? '';
  return /[0-9a-z-]/i.test(before) || /[0-9a-z-]/i.test(after) ? null : guid;
}

export type KeyShape = 'current' | 'previous' | 'legacy32' | 'legacy34';
export type KeyConfidence = 'high' | 'low';

const UNRESERVED = 'A-Za-z0-9\\-._~';
const KEY_SHAPES: readonly { shape: KeyShape; pattern: RegExp; confidence: KeyConfidence }[] = [
  // Current Entra secrets: 3 chars + "8Q~" + 34 chars, 40 in all.
  { shape: 'current', pattern: new RegExp(`^[${UNRESERVED}]{3}8Q~[${UNRESERVED}]{34}$`), confidence: 'high' },
  // Previous generation: "7Q~" at the same place, 37 in all.
  { shape: 'previous', pattern: new RegExp(`^[${UNRESERVED}]{3}7Q~[${UNRESERVED}]{31}$`), confidence: 'low' },
  { shape: 'legacy34', pattern: new RegExp(`^[${UNRESERVED}]{34}$`), confidence: 'low' },
  { shape: 'legacy32', pattern: new RegExp(`^[${UNRESERVED}]{32}$`), confidence: 'low' },
];

/** Characters that mean a value is hidden behind a mask rather than shown. */
const MASK = /[•●∙·◦*＊✱■□]|x{6,}|X{6,}/;
/** An ellipsis means the value is cut short on screen (the dot itself is a legal key character). */
const TRUNCATED = /…|\.{3}|⋯/;

export type KeyReading =
  | { ok: true; value: string; shape: KeyShape; confidence: KeyConfidence }
  | { ok: false; reason: 'masked' | 'truncated' | 'none' };

/** Whether `text` is exactly one key-shaped value (surrounding button text like "Copy" is tolerated). */
export function classifyKey(text: string): KeyReading {
  const tokens = text.normalize('NFKC').split(/\s+/).filter(Boolean);
  let masked = false;
  let truncated = false;
  const found = new Map<string, { shape: KeyShape; confidence: KeyConfidence }>();
  for (const token of tokens) {
    if (MASK.test(token)) masked = true;
    else if (TRUNCATED.test(token)) truncated = true;
    else {
      const match = KEY_SHAPES.find(({ pattern }) => pattern.test(token));
      // A 32-char hex run is a GUID without dashes, not a legacy key.
      if (match && !(match.shape === 'legacy32' && /^[0-9a-f]{32}$/i.test(token)))
        found.set(token, { shape: match.shape, confidence: match.confidence });
    }
  }
  if (masked) return { ok: false, reason: 'masked' };
  if (truncated) return { ok: false, reason: 'truncated' };
  if (found.size !== 1) return { ok: false, reason: 'none' };
  const [[value, match]] = [...found] as [[string, { shape: KeyShape; confidence: KeyConfidence }]];
  return { ok: true, value, ...match };
}

const MONTHS: readonly (readonly string[])[] = [
  ['january', 'januar', 'janvier', 'enero', 'jänner'],
  ['february', 'februar', 'février', 'febrero'],
  ['march', 'märz', 'mars', 'marzo'],
  ['april', 'avril', 'abril'],
  ['may', 'mai', 'mayo'],
  ['june', 'juni', 'juin', 'junio'],
  ['july', 'juli', 'juillet', 'julio'],
  ['august', 'août', 'agosto'],
  ['september', 'septembre', 'septiembre', 'setiembre'],
  ['october', 'oktober', 'octobre', 'octubre'],
  ['november', 'novembre', 'noviembre'],
  ['december', 'dezember', 'décembre', 'diciembre'],
];

function monthFromName(token: string): number | null {
  const word = token.toLowerCase().replace(/\.$/, '');
  if (word.length < 3) return null;
  const hits = new Set<number>();
  MONTHS.forEach((names, index) => {
    if (names.some((name) => name.startsWith(word))) hits.add(index + 1);
  });
  return hits.size === 1 ? ([...hits][0] ?? null) : null;
}

function iso(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * A displayed date as `YYYY-MM-DD`, or null when it cannot be read unambiguously. `locale` (e.g. "en-us",
 * "de-de") decides day/month order for numeric dates like 03/04/2026; only US English puts the month first.
 */
export function parseDisplayDate(text: string, locale = 'en-us'): string | null {
  const t = text.normalize('NFKC').trim();
  let m = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/.exec(t);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /(\d{1,2})\s*([./-])\s*(\d{1,2})\s*\2\s*(\d{4})/.exec(t);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const year = Number(m[4]);
    if (a > 12) return iso(year, b, a);
    if (b > 12) return iso(year, a, b);
    const monthFirst = m[2] !== '.' && /^en(-us)?$/i.test(locale);
    return monthFirst ? iso(year, a, b) : iso(year, b, a);
  }
  m = /([\p{L}]{3,}\.?)\s+(\d{1,2}),?\s+(\d{4})/u.exec(t);
  if (m) {
    const month = monthFromName(m[1] ?? '');
    if (month) return iso(Number(m[3]), month, Number(m[2]));
  }
  m = /(\d{1,2})\.?\s+(?:de\s+)?([\p{L}]{3,}\.?)\s+(?:de\s+)?(\d{4})/u.exec(t);
  if (m) {
    const month = monthFromName(m[2] ?? '');
    if (month) return iso(Number(m[3]), month, Number(m[1]));
  }
  return null;
}
