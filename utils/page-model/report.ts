/**
 * "Copy page details for Stactize support": the structure of a Partner Center page the page model could not read,
 * so support can teach it that page. It holds NO value, name or free text of the page: elements by sanitised tag,
 * known ARIA role, nesting, the ids of our own labels they matched (never the page's words) and the SHAPE of what
 * they show (GUID, KEY40, TEXT(12) …). The URL keeps only its path words, GUIDs as {GUID}, and query names.
 * Whatever slips through `describePage` meets `formatReport`'s guard, which withholds any line holding a GUID,
 * a key, a date or an email, so one bug cannot leak a value into a support ticket.
 */

import { classifyKey, isGuid, isPartnerCenterUrl, parseDisplayDate, toUrl } from '@/utils/shapes';
import { deepElements, findLabels, isBusy, parentAcrossShadow } from './dom';
import { LABEL_MATCH, type LabelId } from './labels';
import type { PageKind } from './page-state';
import { readPage } from './pages';

export type ElementFlag = 'shadow-root' | 'hidden' | 'readonly' | 'password' | 'busy' | 'disabled';

/** One element as the report shows it: nothing here is the page's text. */
export interface ReportedElement {
  /** Ancestors up to <html>, shadow hosts counted. */
  depth: number;
  /** Open shadow roots the element sits inside. */
  shadow: number;
  tag: string;
  role: string | null;
  labels: LabelId[];
  /** The shape of the value it shows (`GUID`, `KEY40`, `TEXT(12)+DATE` …), null when it shows none. */
  value: string | null;
  /** Its data-l10n-key when identifier-shaped, else the shape of it in braces. */
  l10n: string | null;
  flags: ElementFlag[];
}

export interface PageReport {
  partnerCenter: boolean;
  kind: PageKind | null;
  path: string;
  hash: string;
  query: string[];
  lang: string;
  elements: number;
  shadowRoots: number;
  listed: ReportedElement[];
  /** Elements worth reporting beyond the size bound: counted, not listed. */
  unlisted: number;
}

/** About 400 lines in all: the header, this many elements, the footer. */
const MAX_LISTED = 380;
const MAX_INDENT = 40;
const MAX_TAG = 40;
const MAX_TAG_PARTS = 6;

export function describePage(doc: Document, url: URL | string): PageReport {
  const parsed = toUrl(url);
  // deepElements skips our own overlay host (OWN_UI_TAG), which may repeat Partner Center's words.
  const elements = deepElements(doc);
  const labels = labelsByElement(doc, elements);
  const positions = positionsOf(elements);
  const worth = elements.filter((el) => isWorthReporting(el, labels));
  return {
    partnerCenter: parsed !== null && isPartnerCenterUrl(parsed),
    kind: parsed ? (readPage(doc, parsed)?.kind ?? null) : null,
    path: parsed ? templatePath(parsed.pathname) : '',
    hash: parsed ? templateHash(parsed.hash) : '',
    query: parsed ? queryNames(parsed.searchParams) : [],
    lang: safeLang(doc.documentElement?.getAttribute('lang') ?? null),
    elements: elements.length,
    shadowRoots: elements.filter((el) => el.shadowRoot).length,
    listed: worth.slice(0, MAX_LISTED).map((el) => describeElement(el, labels, positions)),
    unlisted: Math.max(0, worth.length - MAX_LISTED),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Which elements, and what of them

/** Elements the page model reads or navigates by: controls, structure that holds values, components, landmarks. */
const STRUCTURAL =
  'input, textarea, select, button, output, label, a, h1, h2, h3, h4, h5, h6, table, thead, tbody, tr, th, td, ' +
  'dl, dt, dd, form, li, nav, main, dialog, code, pre, [role], [aria-busy], [data-l10n-key]';

function isWorthReporting(el: Element, labels: Map<Element, LabelId[]>): boolean {
  if (el.matches(STRUCTURAL) || el.tagName.includes('-') || el.shadowRoot || labels.has(el)) return true;
  const value = ownValue(el);
  return value !== null && !/^(?:EMPTY|TEXT\(\d+\))$/.test(valueShape(value));
}

/** Which of our labels each element is, found as the page model finds them (text, attribute, "Label: value"). */
function labelsByElement(doc: Document, elements: Element[]): Map<Element, LabelId[]> {
  const byElement = new Map<Element, LabelId[]>();
  for (const id of Object.keys(LABEL_MATCH) as LabelId[]) {
    for (const { el } of findLabels(doc, id, elements)) {
      const ids = byElement.get(el) ?? [];
      if (!ids.includes(id)) ids.push(id);
      byElement.set(el, ids);
    }
  }
  return byElement;
}

interface Position {
  depth: number;
  shadow: number;
  hidden: boolean;
}

/** Depth, shadow depth and inherited hiding in one pass: deepElements lists every parent before its children. */
function positionsOf(elements: Element[]): Map<Element, Position> {
  const positions = new Map<Element, Position>();
  for (const el of elements) {
    const parent = parentAcrossShadow(el);
    const above = parent ? positions.get(parent) : undefined;
    const inShadow = el.parentNode?.nodeType === 11;
    positions.set(el, {
      depth: above ? above.depth + 1 : parent ? 1 : 0,
      shadow: (above?.shadow ?? 0) + (inShadow ? 1 : 0),
      hidden: (above?.hidden ?? false) || isHiddenItself(el),
    });
  }
  return positions;
}

function describeElement(
  el: Element,
  labels: Map<Element, LabelId[]>,
  positions: Map<Element, Position>,
): ReportedElement {
  const position = positions.get(el) ?? { depth: 0, shadow: 0, hidden: false };
  const value = ownValue(el);
  return {
    depth: position.depth,
    shadow: position.shadow,
    tag: safeTag(el.tagName),
    role: safeRole(el.getAttribute('role')),
    labels: labels.get(el) ?? [],
    value: value === null ? null : valueShape(value),
    l10n: safeL10nKey(el.getAttribute('data-l10n-key')),
    flags: flagsOf(el, position.hidden),
  };
}

function flagsOf(el: Element, hidden: boolean): ElementFlag[] {
  const field = el as Partial<HTMLInputElement>;
  const flags: [ElementFlag, boolean][] = [
    ['shadow-root', el.shadowRoot !== null],
    ['hidden', hidden],
    ['readonly', el.hasAttribute('readonly') || el.getAttribute('aria-readonly') === 'true' || field.readOnly === true],
    ['password', el.tagName === 'INPUT' && field.type === 'password'],
    ['busy', isBusy(el)],
    ['disabled', el.hasAttribute('disabled') || el.getAttribute('aria-disabled') === 'true'],
  ];
  return flags.filter(([, on]) => on).map(([flag]) => flag);
}

function isHiddenItself(el: Element): boolean {
  const style = el.getAttribute('style') ?? '';
  return (
    el.hasAttribute('hidden') ||
    el.getAttribute('aria-hidden') === 'true' ||
    (el.tagName === 'INPUT' && el.getAttribute('type') === 'hidden') ||
    /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style)
  );
}

/**
 * What the element itself shows: a field's or a component's value property, else its own text nodes only (a
 * container's text belongs to the elements inside it, which are listed themselves). Null when it shows nothing
 * of its own and is no field.
 */
function ownValue(el: Element): string | null {
  if (/^(?:INPUT|TEXTAREA|SELECT|OUTPUT)$/.test(el.tagName)) {
    const value = String((el as HTMLInputElement).value ?? '');
    // What a password field shows is dots; not even its length is reported.
    return value && el.getAttribute('type') === 'password' ? '•' : value;
  }
  // A component's value property wins when it holds something (a text field's value); an empty one (a button's
  // value) gives way to the element's own text.
  const prop = el.tagName.includes('-') ? (el as unknown as { value?: unknown }).value : undefined;
  if (typeof prop === 'string' && prop.trim()) return prop;
  const own = Array.from(el.childNodes)
    .filter((node) => node.nodeType === 3)
    .map((node) => node.nodeValue ?? '')
    .join(' ');
  if (own.trim()) return own;
  return typeof prop === 'string' ? prop : null;
}

// ---------------------------------------------------------------------------------------------------------------
// Shapes: what a value looks like, never what it is

const KEY_TOKEN = { current: 'KEY40', previous: 'KEY37', legacy34: 'KEY34', legacy32: 'KEY32' } as const;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const URL_SHAPE = /^[a-z][a-z0-9+.-]*:\/\/\S+$/i;
const NUMBER = /^[+-]?\d+(?:[.,\s]\d+)*%?$/;
// Cut short on screen: value characters (with a digit, so "Loading…" is text) and an ellipsis.
const TRUNCATED = /^(?=.*\d)[A-Za-z0-9._~-]{6,}(?:…|\.{3}|⋯)$/;
const SHORT_DATE = 24;
const VALUE_RUN = /[A-Za-z0-9._~-]+/g;
const GUID_ANYWHERE = /[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}/i;
// The current and previous secret generations by their marker, wherever it sits in a run.
const KEY_MARKER = /[78]Q~/i;

/** The shape of a value: one token when the whole is one, else `TEXT(n)` plus the shapes found inside it. */
function valueShape(raw: string): string {
  const text = raw.normalize('NFKC').replace(/\s+/g, ' ').trim();
  if (!text) return 'EMPTY';
  const whole = tokenShape(text) ?? (text.length <= SHORT_DATE && parseDisplayDate(text) ? 'DATE' : null);
  if (whole) return whole;
  return [`TEXT(${text.length})`, ...shapesInside(text)].join('+');
}

/** Shapes inside a longer text: in its words, in runs of key characters ("client_secret=<key>"), or glued on. */
function shapesInside(text: string): Set<string> {
  const pieces = [...text.split(' '), ...(text.match(VALUE_RUN) ?? [])];
  const inside = new Set<string>();
  for (const piece of pieces) {
    const shape = tokenShape(piece);
    if (shape && shape !== 'NUMBER') inside.add(shape);
  }
  if (GUID_ANYWHERE.test(text)) inside.add('GUID');
  const marker = KEY_MARKER.exec(text);
  if (marker) inside.add(marker[0].startsWith('8') ? 'KEY40' : 'KEY37');
  if (parseDisplayDate(text)) inside.add('DATE');
  return inside;
}

function tokenShape(token: string): string | null {
  // With or without dashes: 32 hex digits are a GUID written compactly, never a legacy key.
  if (isGuid(token) || /^[0-9a-f]{32}$/i.test(token)) return 'GUID';
  if (token.includes(' ')) return NUMBER.test(token) ? 'NUMBER' : null;
  const key = classifyKey(token);
  if (key.ok) return KEY_TOKEN[key.shape];
  if (key.reason === 'masked') return 'MASKED';
  if (TRUNCATED.test(token)) return 'TRUNCATED';
  if (EMAIL.test(token)) return 'EMAIL';
  if (URL_SHAPE.test(token)) return 'URL';
  if (/^[\d./-]+$/.test(token) && parseDisplayDate(token)) return 'DATE';
  if (NUMBER.test(token)) return 'NUMBER';
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Names the page controls, made safe: tags, roles, data-l10n-key, the URL, the language

/** A tag part kept as it is: a word, optionally with one digit ("he", "grid", "h1", "v2"). */
const TAG_WORD = /^[a-z]{1,16}\d?$/;

/**
 * Custom element names are the page's choice, so they could carry text: cut at the first `_` (generated
 * suffixes), only [a-z0-9-] kept, every part that is not a plain word replaced by `*`, the whole capped. A GUID
 * or a key cannot pass as a tag (its parts hold digits or are longer than a word), and `x-a-b-c…` spells nothing.
 */
function safeTag(tagName: string): string {
  const name = (tagName.toLowerCase().split('_')[0] ?? '').replace(/[^a-z0-9-]/g, '');
  const parts = name.split('-').slice(0, MAX_TAG_PARTS);
  return (
    parts
      .map((part) => (TAG_WORD.test(part) ? part : '*'))
      .join('-')
      .slice(0, MAX_TAG) || '*'
  );
}

/** ARIA 1.2 roles: a role is reported only as one of these, anything else as "other". */
const ARIA_ROLES = new Set(
  (
    'alert alertdialog application article banner blockquote button caption cell checkbox code columnheader ' +
    'combobox complementary contentinfo definition deletion dialog directory document emphasis feed figure form ' +
    'generic grid gridcell group heading img insertion link list listbox listitem log main marquee math meter menu ' +
    'menubar menuitem menuitemcheckbox menuitemradio navigation none note option paragraph presentation ' +
    'progressbar radio radiogroup region row rowgroup rowheader scrollbar search searchbox separator slider ' +
    'spinbutton status strong subscript superscript switch tab table tablist tabpanel term textbox time timer ' +
    'toolbar tooltip tree treegrid treeitem'
  ).split(' '),
);

function safeRole(role: string | null): string | null {
  if (role === null) return null;
  return (
    role
      .toLowerCase()
      .split(/\s+/)
      .find((token) => ARIA_ROLES.has(token)) ?? 'other'
  );
}

const L10N_KEY = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;

/**
 * data-l10n-key values are Microsoft's resource identifiers, the same in every language: the one name on the
 * page that tells support WHICH string an element shows, whatever the locale, so they are kept. They are kept
 * only when identifier-shaped and of no value shape: a GUID, a key (the 8Q~ kinds hold `~` and fail the
 * pattern; the 32/34-character kinds match it but have a key shape), a date, a number, an email or a URL is
 * reported by its shape instead, and anything with spaces or other characters (free text) as its length. A name
 * written as one identifier ("ContosoApp") would pass; Partner Center sets these from its resource tables, not
 * from the account's data, so that is accepted.
 */
function safeL10nKey(value: string | null): string | null {
  if (value === null) return null;
  const shape = valueShape(value);
  return L10N_KEY.test(value) && shape === `TEXT(${value.length})` ? value : `{${shape}}`;
}

/** A path or hash word kept as it is: letters in hyphenated words ("en-us", "usermanagement"), or "v3". */
const URL_WORD = /^(?:[a-z]{1,32}(?:-[a-z]{1,32}){0,3}|v\d{1,2})$/i;

function templateSegment(segment: string): string {
  if (!segment) return segment;
  const text = safeDecode(segment);
  return URL_WORD.test(text) ? text.toLowerCase() : `{${valueShape(text)}}`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function templatePath(path: string): string {
  return path.split('/').map(templateSegment).join('/');
}

/** "#apps/<guid>/keys/new?tab=x" → "#apps/{GUID}/keys/new?tab": a hash routes like a path with a query. */
function templateHash(hash: string): string {
  if (!hash || hash === '#') return '';
  const [route = '', query] = hash.slice(1).split(/\?(.*)/s);
  const names = query === undefined ? [] : queryNames(new URLSearchParams(query));
  return `#${templatePath(route)}${names.length ? `?${names.join('&')}` : ''}`;
}

// forEach, not keys(): a Firefox content script's URLSearchParams iterators are not iterable there.
function queryNames(params: URLSearchParams): string[] {
  const names: string[] = [];
  params.forEach((_value, name) => {
    names.push(name);
  });
  return [...new Set(names.map(templateSegment))];
}

/** A language tag as Partner Center writes one ("en", "de-DE", "zh-Hans", "es-419"), else "other". */
const LANG = /^[a-z]{2,3}(?:-(?:[a-z]{2,8}|\d{3})){0,2}$/i;

function safeLang(lang: string | null): string {
  const tag = lang?.trim() ?? '';
  if (!tag) return 'none';
  return LANG.test(tag) ? tag.toLowerCase() : 'other';
}

// ---------------------------------------------------------------------------------------------------------------
// The text the user sees before copying, and the guard on every line of it

/**
 * The report as plain text. Its words are support's field names, not UI sentences, so they stay here in English
 * rather than in strings.ts: support reads them, whatever the user's language.
 */
export function formatReport(report: PageReport): string {
  const lines = [
    'Stactize page details (structure only: no IDs, keys, names or text of the page)',
    `site: ${report.partnerCenter ? 'partner.microsoft.com' : 'other'}`,
    `page kind: ${report.kind ?? 'none'}`,
    `path: ${report.path || '-'}`,
    `hash: ${report.hash || '-'}`,
    `query: ${report.query.join(' ') || '-'}`,
    `lang: ${report.lang}`,
    `elements: ${report.elements}; open shadow roots: ${report.shadowRoots}; listed: ${report.listed.length}`,
    'depth shadow element',
    ...report.listed.map(elementLine),
  ];
  if (report.unlisted) lines.push(`(${report.unlisted} more elements not listed)`);
  const safe = lines.map((line) => (leaksValue(line) ? WITHHELD : line));
  const withheld = safe.filter((line) => line === WITHHELD).length;
  if (withheld) safe.push(`(${withheld} ${withheld === 1 ? 'line' : 'lines'} withheld: they looked like a value)`);
  return safe.join('\n');
}

function elementLine(el: ReportedElement): string {
  const parts = [`${' '.repeat(Math.min(el.depth, MAX_INDENT))}${el.tag}`];
  if (el.role) parts.push(`role=${el.role}`);
  if (el.labels.length) parts.push(`label=${el.labels.join(',')}`);
  if (el.value) parts.push(`value=${el.value}`);
  if (el.l10n) parts.push(`l10n=${el.l10n}`);
  parts.push(...el.flags);
  return `${String(el.depth).padStart(5)} ${String(el.shadow).padStart(6)} ${parts.join(' ')}`;
}

const WITHHELD = '[line withheld]';
const EMAIL_ANYWHERE = /[^\s@]+@[^\s@]+\.[^\s@]+/;

/** Whether a line holds something value-shaped: a GUID (dashes or not), a key, a date or an email. */
function leaksValue(line: string): boolean {
  const runs = line.match(VALUE_RUN) ?? [];
  return (
    GUID_ANYWHERE.test(line) ||
    KEY_MARKER.test(line) ||
    EMAIL_ANYWHERE.test(line) ||
    parseDisplayDate(line) !== null ||
    runs.some((run) => classifyKey(run).ok)
  );
}
