/**
 * Every Partner Center label the page model recognises, by locale: ONE table a translator can extend.
 * Partner Center is translated and renamed over time (Dev Center → Partner Center, Azure AD → Microsoft Entra,
 * Developer settings → Account settings), so each entry lists current and older names. English comes from
 * Microsoft's docs; the other locales are best guesses [guess] and tolerate small variations through
 * normalisation (case, whitespace, colons, Unicode NFKC, typographic apostrophes).
 */

import { PARTNER_CENTER_LOCALES } from '@/utils/shapes';
import cs from './labels/cs.json';
import de from './labels/de.json';
import en from './labels/en.json';
import es from './labels/es.json';
import fr from './labels/fr.json';
import it from './labels/it.json';
import ja from './labels/ja.json';
import ko from './labels/ko.json';
import nl from './labels/nl.json';
import pl from './labels/pl.json';
import ptBR from './labels/pt-BR.json';
import ru from './labels/ru.json';
import sv from './labels/sv.json';
import tr from './labels/tr.json';
import zhHans from './labels/zh-Hans.json';
import zhHant from './labels/zh-Hant.json';

/** One label table per language Partner Center speaks. */
export const LABEL_LOCALES = PARTNER_CENTER_LOCALES;
export type LabelLocale = (typeof LABEL_LOCALES)[number];

/** How a label is recognised: the whole text of a node (`exact`) or a fragment of a longer sentence (`contains`). */
export const LABEL_MATCH = {
  accountSettings: 'exact',
  userManagement: 'exact',
  tenants: 'exact',
  users: 'exact',
  entraApplications: 'exact',
  addApplication: 'exact',
  replyUrl: 'exact',
  appName: 'exact',
  clientId: 'exact',
  tenantId: 'exact',
  key: 'exact',
  addNewKey: 'exact',
  addAnotherKey: 'exact',
  keyWarning: 'contains',
  created: 'exact',
  expires: 'exact',
  unauthorized: 'exact',
  associateTenant: 'exact',
  createTenant: 'exact',
  confirm: 'exact',
  allSet: 'exact',
  returnToTenantManagement: 'exact',
  domainName: 'exact',
  contactEmail: 'exact',
  tenantName: 'exact',
  // Guide targets only (targets.ts); no page signature depends on these.
  remove: 'exact',
} as const;

export type LabelId = keyof typeof LABEL_MATCH;

/** Labels the page signatures depend on: every locale must translate these (a unit test checks it). */
export const SIGNATURE_LABELS = [
  'clientId',
  'key',
  'tenantId',
  'addNewKey',
  'addAnotherKey',
  'keyWarning',
  'entraApplications',
  'tenants',
  'accountSettings',
  'userManagement',
  'unauthorized',
] as const satisfies readonly LabelId[];

type LabelTable = Record<LabelLocale, Partial<Record<LabelId, readonly string[]>>>;

/**
 * The tables, one JSON file per locale in `labels/` (data a translator edits without touching code). Each entry
 * lists the current name first, then older ones (Developer settings, Azure AD …). Beyond the docs' own words, the
 * non-English names are guesses, and `remove` is a guess in every locale but English.
 */
export const LABELS: LabelTable = {
  en,
  de,
  es,
  fr,
  ja,
  'zh-Hans': zhHans,
  'zh-Hant': zhHant,
  ko,
  'pt-BR': ptBR,
  it,
  nl,
  pl,
  tr,
  ru,
  sv,
  cs,
};

/**
 * The comparison form of a label or a piece of page text: NFKC (full-width colons and letters fold),
 * typographic apostrophes folded, lower case, whitespace removed, edge colons/asterisks/stops dropped.
 */
export function normalizeLabel(text: string): string {
  return foldLetters(text)
    .replace(/[\s\u200b\u00a0]+/g, '')
    .replace(/^[:*.!]+|[:*.!]+$/g, '');
}

/**
 * NFKC, typographic apostrophes folded, lower case, and the letters a UI writes either way folded to one:
 * Turkish dotted and dotless i (İSTEMCİ KİMLİĞİ = istemci kimliği), Russian ё = е.
 */
function foldLetters(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u02bc\u00b4`]/g, "'")
    .replace(/[İIı]/g, 'i')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .normalize('NFD')
    .replace(/(?<=i)\u0307/g, '')
    .normalize('NFC');
}

const normalizedCache = new Map<LabelId, readonly string[]>();

/** Every normalised spelling of a label, across all locales. */
export function labelForms(id: LabelId): readonly string[] {
  let forms = normalizedCache.get(id);
  if (!forms) {
    const all = new Set<string>();
    for (const locale of LABEL_LOCALES) for (const text of LABELS[locale][id] ?? []) all.add(normalizeLabel(text));
    all.delete('');
    forms = [...all];
    normalizedCache.set(id, forms);
  }
  return forms;
}

/** Whether `text` is the label `id` (the whole text, or containing it for sentence fragments). */
export function matchesLabel(text: string, id: LabelId): boolean {
  const normalized = normalizeLabel(text);
  if (!normalized) return false;
  const forms = labelForms(id);
  return LABEL_MATCH[id] === 'contains' ? forms.some((form) => normalized.includes(form)) : forms.includes(normalized);
}

/**
 * If `text` starts with the label `id`, what follows it: "Client ID: 1234…" → "1234…" (`loose` false), or, with
 * no colon, "Expires 1/15/2027" / "有効期限2027/01/15" → "1/15/2027" (`loose` true: a value must then prove
 * itself by its shape, and such a match never counts as the label for a page signature).
 */
export function textAfterLabel(text: string, id: LabelId): { rest: string; loose: boolean } | null {
  const folded = text.normalize('NFKC');
  const colon = folded.search(/[:：]/);
  if (colon > 0 && matchesLabel(folded.slice(0, colon), id)) {
    const rest = folded.slice(colon + 1).trim();
    return rest ? { rest, loose: false } : null;
  }
  const rest = restAfterSpelling(folded, id);
  return rest ? { rest, loose: true } : null;
}

/** The comparison form that keeps word breaks, for prefix matching: "Läuft  ab am" → "läuft ab am". */
function spacedForm(text: string): string {
  return foldLetters(text)
    .replace(/[\s\u200b\u00a0]+/g, ' ')
    .trim();
}

const spacedCache = new Map<LabelId, readonly string[]>();

/** Every spelling of a label in its spaced form, longest first (so "Expires on" wins over "Expires"). */
function spacedForms(id: LabelId): readonly string[] {
  let forms = spacedCache.get(id);
  if (!forms) {
    const all = new Set<string>();
    for (const locale of LABEL_LOCALES)
      for (const text of LABELS[locale][id] ?? []) all.add(spacedForm(text).replace(/[:：*]+$/, ''));
    all.delete('');
    forms = [...all].sort((a, b) => b.length - a.length);
    spacedCache.set(id, forms);
  }
  return forms;
}

// A label ends where a word ends: at a space, or where a digit starts (CJK writes "有効期限2027/01/15"). The rest
// keeps its case (a key is case-sensitive).
function restAfterSpelling(text: string, id: LabelId): string | null {
  const words = text.normalize('NFKC').trim().split(/\s+/);
  for (const form of spacedForms(id)) {
    const n = form.split(' ').length;
    if (words.length < n) continue;
    const head = spacedForm(words.slice(0, n).join(' '));
    if (head === form && words.length > n) return words.slice(n).join(' ');
    const glued = head.slice(form.length);
    if (head.startsWith(form) && /^\d/.test(glued)) {
      const last = words[n - 1] ?? '';
      return [last.slice(last.length - glued.length), ...words.slice(n)].join(' ');
    }
  }
  return null;
}
