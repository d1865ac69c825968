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
/**
 * How sure the page model is that a value is the key: `high` = the current shape under a Key label; `low` = an
 * older shape under it; `shape` = the current shape recognised by its shape and place alone (a language the
 * label table does not know); `pasted` = the user pasted it into the safety net.
 */
export type KeyConfidence = 'high' | 'low' | 'shape' | 'pasted';

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

/** Month names when Intl has no data (a trimmed ICU): English, German, French and Spanish. */
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

/** The languages Partner Center is read in (the label table's too): a month name of any of them reads on any page. */
export const PARTNER_CENTER_LOCALES = [
  'en',
  'de',
  'es',
  'fr',
  'ja',
  'zh-Hans',
  'zh-Hant',
  'ko',
  'pt-BR',
  'it',
  'nl',
  'pl',
  'tr',
  'ru',
  'sv',
  'cs',
] as const;
const MONTH_LOCALES = PARTNER_CENTER_LOCALES;

/** A locale as Intl spells it ("pt-br" → "pt-BR", "en_US" → "en-US"), or null when Intl has no data for it. */
function intlLocale(locale: string): string | null {
  const tag = locale.trim().replace(/_/g, '-');
  if (!tag) return null;
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([tag])[0] ?? null;
  } catch {
    return null; // not a language tag at all
  }
}

/** The comparison form of a month name: NFKC, lower case, no trailing dot, Turkish dotless/dotted i folded. */
function foldMonth(word: string): string {
  return word
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\u0307/g, '')
    .replace(/ı/g, 'i')
    .replace(/\.$/, '');
}

const monthNameCache = new Map<string, readonly (readonly string[])[]>();

/**
 * The month names Intl gives for `tag`: long and short, standalone and as written in a date (Polish "stycznia",
 * Czech "ledna", Russian "января"). Names with digits (Chinese "1月", Korean "1월") are left out: those dates
 * are numeric.
 */
function intlMonthNames(tag: string): readonly (readonly string[])[] {
  const cached = monthNameCache.get(tag);
  if (cached) return cached;
  const formats = (
    [
      { month: 'long' },
      { month: 'short' },
      { day: 'numeric', month: 'long' },
      { day: 'numeric', month: 'short' },
    ] as const
  ).map((options) => new Intl.DateTimeFormat(tag, { ...options, timeZone: 'UTC' }));
  const names = Array.from({ length: 12 }, (_, month) => {
    const date = new Date(Date.UTC(2001, month, 15));
    const forms = new Set<string>();
    for (const format of formats) {
      const part = format.formatToParts(date).find((p) => p.type === 'month');
      const word = part ? foldMonth(part.value) : '';
      if (/^\p{L}{3,}$/u.test(word)) forms.add(word);
    }
    return [...forms];
  });
  monthNameCache.set(tag, names);
  return names;
}

/** The month `word` names in these tables: exactly, else as the start of one name; 'ambiguous' if two months fit. */
function monthIn(word: string, tables: readonly (readonly (readonly string[])[])[]): number | 'ambiguous' | null {
  for (const fits of [(name: string) => name === word, (name: string) => name.startsWith(word)]) {
    const hits = new Set<number>();
    for (const table of tables)
      table.forEach((names, index) => {
        if (names.some(fits)) hits.add(index + 1);
      });
    if (hits.size > 1) return 'ambiguous';
    const [hit] = hits;
    if (hit) return hit;
  }
  return null;
}

/**
 * A month name (or its abbreviation) as a number 1–12: the page's own language first, then any language
 * Partner Center is read in. Null when unknown or when it could be two months (French "jui": juin or juillet).
 */
function monthFromName(token: string, locale: string): number | null {
  const word = foldMonth(token);
  if (word.length < 3) return null;
  const own = intlLocale(locale);
  const mine = own ? monthIn(word, [intlMonthNames(own)]) : null;
  if (mine !== null) return mine === 'ambiguous' ? null : mine;
  const tables = [MONTHS];
  for (const tag of MONTH_LOCALES) {
    const known = intlLocale(tag);
    if (known) tables.push(intlMonthNames(known));
  }
  const any = monthIn(word, tables);
  return any === 'ambiguous' ? null : any;
}

type NumericOrder = 'dmy' | 'mdy' | 'ymd';
const orderCache = new Map<string, NumericOrder | null>();

/** The order `locale` writes a numeric date in (Intl's own short form), or null when Intl does not know it. */
function numericOrder(locale: string): NumericOrder | null {
  const tag = intlLocale(locale);
  if (!tag) return null;
  let order = orderCache.get(tag);
  if (order === undefined) {
    const parts = new Intl.DateTimeFormat(tag, { timeZone: 'UTC' }).formatToParts(new Date(Date.UTC(2001, 0, 15)));
    const seen = parts
      .filter((p) => p.type === 'day' || p.type === 'month' || p.type === 'year')
      .map((p) => p.type[0])
      .join('');
    order = seen === 'dmy' || seen === 'mdy' || seen === 'ymd' ? seen : null;
    orderCache.set(tag, order);
  }
  return order;
}

function iso(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * A displayed date as `YYYY-MM-DD`, or null when it cannot be read unambiguously. `locale` (the URL prefix
 * "en-us", "pt-br", "zh-cn", or the document language) decides what the text alone does not: the day/month order
 * of a numeric date like 03/04/2026 (as Intl writes that locale's dates: US English puts the month first; dots
 * always mean day first; a locale that writes the year first, or one Intl does not know, leaves it unread), and
 * which language a month name is in first. Year-first dates (2027-01-15, 2027/1/15, 2027. 1. 15., 2027年1月15日,
 * 2027년 1월 15일) and dates with a month name read the same in every locale.
 */
export function parseDisplayDate(text: string, locale = 'en-us'): string | null {
  const t = text.normalize('NFKC').trim();
  let m = /(\d{4})\s*[-/.年년]\s*(\d{1,2})\s*[-/.月월]\s*(\d{1,2})/.exec(t);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /(\d{1,2})\s*([./-])\s*(\d{1,2})\s*\2\s*(\d{4})/.exec(t);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const year = Number(m[4]);
    if (a > 12) return iso(year, b, a);
    if (b > 12) return iso(year, a, b);
    if (a === b) return iso(year, a, b);
    const order = m[2] === '.' ? 'dmy' : numericOrder(locale);
    if (order === 'mdy') return iso(year, a, b);
    if (order === 'dmy') return iso(year, b, a);
    return null;
  }
  m = /([\p{L}]{3,}\.?)\s+(\d{1,2}),?\s+(\d{4})/u.exec(t);
  if (m) {
    const month = monthFromName(m[1] ?? '', locale);
    if (month) return iso(Number(m[3]), month, Number(m[2]));
  }
  m = /(\d{1,2})\.?\s+(?:de\s+)?([\p{L}]{3,}\.?)\s+(?:de\s+)?(\d{4})/u.exec(t);
  if (m) {
    const month = monthFromName(m[2] ?? '', locale);
    if (month) return iso(Number(m[3]), month, Number(m[1]));
  }
  return null;
}
