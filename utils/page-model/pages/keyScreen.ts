/**
 * The screen after "Add new key": Client ID, Key, the "won't be able to access it again after you leave this
 * page" warning and "Add another key", as a page, a dialog or a drawer over the application page.
 *
 * Recognised by more than its values, so that a key nobody can read is still known to be on screen (and the
 * safety net offers to paste it): the warning in any language, "Add another key", a key-shaped value under a
 * Key label, an address that says "new key", or an "Add new key" the user pressed just before. In a language
 * the label table does not know, one visible current-shape key next to the application's Client ID on a User
 * management page is the key, with confidence `shape`.
 *
 * The key is read only from a field labelled Key (or, failing that, a readonly field holding the unmistakable
 * current 8Q~ shape); masked, truncated and busy values are rejected here, and the watcher waits for the value
 * to hold still before trusting it. The expiry is read inside the key screen's own dialog or drawer, never
 * from the old keys listed behind it.
 */

import { classifyKey, guidsIn, isUnderAny, parseDisplayDate } from '@/utils/shapes';
import {
  type Candidate,
  deepElements,
  deepText,
  findLabels,
  hasAnyLabel,
  hasLabel,
  isBusy,
  isShown,
  openOverlayOf,
  parentAcrossShadow,
  ROW,
  shownValue,
  valuesNear,
  visibleText,
} from '../dom';
import { guidFor } from '../fields';
import { labelForms, matchesLabel, normalizeLabel } from '../labels';
import { type KeyScreenReading, SecretKey } from '../page-state';
import type { PageKindDefinition, ReadContext } from './kind';

/** An address that names a new key or secret (path or hash), whatever the front end generation. */
const NEW_KEY_ADDRESS = /(keys?|secrets?|credentials?)\/(new|add|create)\b|\b(new|add)-?(key|secret)\b/i;
/** How long after a pressed "Add new key" a screen with Client ID and Key labels counts as the key screen. */
export const ADD_KEY_PRESS_MS = 10 * 60_000;

const USER_MANAGEMENT_PATHS = ['/dashboard/account/v3/usermanagement', '/dashboard/account/usermanagement'];

function keyCandidates(ctx: ReadContext, elements: Element[]): Candidate[] {
  const out: Candidate[] = [];
  for (const label of findLabels(ctx.doc, 'key', elements)) out.push(...valuesNear(label));
  return out;
}

// A fallback for layouts where the Key label is not found next to the value: readonly fields only.
function readonlyFieldCandidates(elements: Element[]): Candidate[] {
  return elements
    .filter((el) => el.matches('input[readonly], textarea[readonly], code, pre'))
    .map((el) => ({ el, text: shownValue(el) }));
}

type KeyRead = Pick<KeyScreenReading, 'candidate' | 'rejected'>;

function readKey(ctx: ReadContext, elements: Element[]): KeyRead {
  for (const candidate of keyCandidates(ctx, elements)) {
    const reading = classifyKey(candidate.text);
    if (reading.ok) {
      if (isBusy(candidate.el)) return { candidate: null, rejected: 'rendering' };
      return { candidate: new SecretKey(reading.value, reading.shape, reading.confidence), rejected: null };
    }
    // The nearest value that shows anything decides: a masked field is not overruled by a key-shaped
    // string further away.
    if (reading.reason !== 'none') return { candidate: null, rejected: reading.reason };
  }
  // The Key label is there but its value is not beside it: the one current-shape readonly value on the screen.
  if (hasLabel(ctx.doc, 'key', elements)) {
    const found = readonlyFieldCandidates(elements)
      .map((candidate) => ({ candidate, reading: classifyKey(candidate.text) }))
      .filter(({ candidate, reading }) => reading.ok && reading.confidence === 'high' && !isBusy(candidate.el));
    const values = new Set(found.map(({ reading }) => (reading.ok ? reading.value : '')));
    const [first] = found;
    if (first?.reading.ok && values.size === 1)
      return {
        candidate: new SecretKey(first.reading.value, first.reading.shape, first.reading.confidence),
        rejected: null,
      };
  }
  const busy = findLabels(ctx.doc, 'key', elements).some(({ el }) => isBusy(el));
  return { candidate: null, rejected: busy ? 'rendering' : null };
}

/** Visible current-shape keys anywhere on the page (value holders and leaf texts), once each. */
function visibleCurrentKeys(elements: Element[]): { value: string; el: Element }[] {
  const found = new Map<string, Element>();
  for (const el of elements) {
    if (el.children.length > 0 && !el.matches('input, textarea')) continue;
    const text = shownValue(el);
    if (text.length < 40 || text.length > 120) continue;
    const reading = classifyKey(text);
    if (reading.ok && reading.shape === 'current' && !found.has(reading.value) && isShown(el))
      found.set(reading.value, el);
  }
  return [...found].map(([value, el]) => ({ value, el }));
}

/** GUIDs within a few boxes of `el` (its field, its row, its section), across shadow boundaries. */
function guidsNear(el: Element): string[] {
  let node: Element | null = el;
  for (let level = 0; node && level < 4; level++, node = parentAcrossShadow(node)) {
    const text = visibleText(node);
    if (text.length > 600) break;
    const guids = guidsIn(text);
    if (guids.length) return guids;
  }
  return [];
}

const anyLabelOnPage = (ctx: ReadContext) => hasAnyLabel(ctx.elements);

/**
 * In a language the table does not know: on a User management page, exactly one visible current-shape key
 * whose box also holds the application's Client ID (named by the address or the application page seen before).
 */
function keyByShapeAlone(ctx: ReadContext): { key: SecretKey; clientId: string } | 'unsure' | null {
  if (!isUnderAny(ctx.url, USER_MANAGEMENT_PATHS)) return null;
  const keys = visibleCurrentKeys(ctx.elements);
  if (keys.length === 0 || anyLabelOnPage(ctx)) return null;
  const known = new Set([...guidsIn(ctx.url.href), ...(ctx.hints.knownClientIds ?? [])]);
  const [only] = keys;
  const clientId = only && keys.length === 1 ? guidsNear(only.el).find((guid) => known.has(guid)) : undefined;
  if (!only || !clientId) return 'unsure';
  const reading = classifyKey(only.value);
  return reading.ok ? { key: new SecretKey(reading.value, reading.shape, 'shape'), clientId } : 'unsure';
}

/** The application's Client ID (named by the address or the application page before) when the page shows it. */
function knownClientIdOnPage(ctx: ReadContext): string | null {
  const known = new Set([...guidsIn(ctx.url.href), ...(ctx.hints.knownClientIds ?? [])]);
  if (!known.size) return null;
  const fields = ctx.elements.filter((el) => el.matches('input, textarea')).map((el) => shownValue(el));
  const shown = guidsIn([deepText(ctx.doc), ...fields].join(' ')).filter((guid) => known.has(guid));
  return shown.length === 1 ? (shown[0] ?? null) : null;
}

/** What says this is the key screen, besides its values. */
function recognised(ctx: ReadContext): boolean {
  const { doc, elements } = ctx;
  const key = hasLabel(doc, 'key', elements);
  const clientId = hasLabel(doc, 'clientId', elements);
  const another = hasLabel(doc, 'addAnotherKey', elements);
  const warning = matchesLabel(deepText(doc), 'keyWarning');
  if ((warning || another) && (key || clientId)) return true;
  if (warning && another) return true;
  const address = NEW_KEY_ADDRESS.test(`${ctx.url.pathname}${ctx.url.hash}`);
  const pressed =
    ctx.hints.addKeyPressedAt !== undefined && ctx.hints.now - ctx.hints.addKeyPressedAt < ADD_KEY_PRESS_MS;
  // An address that names a new key, and the page shows either a key-screen label or that application's ID.
  if (address && (key || clientId || warning || another || knownClientIdOnPage(ctx) !== null)) return true;
  // Right after "Add new key": a dialog or drawer that shows Client ID and Key is the key screen.
  if (pressed && key && clientId) return findLabels(doc, 'key', elements).some(({ el }) => openOverlayOf(el) !== null);
  // A current-shape key under a Key label: the application page shows its old keys masked, never in full.
  if (key && clientId) return keyCandidates(ctx, elements).some((c) => classifyKey(c.text).ok && /8Q~/.test(c.text));
  return false;
}

/**
 * The elements of the key screen itself: its dialog or drawer when it opened in one (the application page's
 * old keys stay in the DOM behind it), else the whole page.
 */
function keyScreenScope(ctx: ReadContext): Element[] {
  const anchors = [
    ...findLabels(ctx.doc, 'key', ctx.elements),
    ...findLabels(ctx.doc, 'addAnotherKey', ctx.elements),
  ].filter((label) => !label.loose);
  for (const { el } of anchors) {
    const overlay = openOverlayOf(el);
    if (overlay) return [overlay, ...deepElements(overlay)];
  }
  return ctx.elements;
}

// An old key's row: a listed key is shown masked (and its dates are not the new key's).
const inOldKeyRow = (el: Element) => {
  const row = el.closest(ROW);
  return row !== null && /[•●*]{3,}/.test(visibleText(row));
};

/** The new key's expiry: beside an Expires label (any form), or in a sentence about its expiry. */
function expiry(ctx: ReadContext, scope: Element[]): string | null {
  for (const label of findLabels(ctx.doc, 'expires', scope)) {
    if (inOldKeyRow(label.el)) continue;
    for (const candidate of valuesNear(label)) {
      if (inOldKeyRow(candidate.el)) continue;
      const date = parseDisplayDate(candidate.text, ctx.locale);
      if (date) return date;
    }
  }
  // "This key expires on <time datetime=…>…</time>." / "Der Schlüssel ist bis 15.01.2027 gültig."
  const forms = labelForms('expires');
  const created = labelForms('created');
  for (const el of scope) {
    if (inOldKeyRow(el) || el.children.length > 8) continue;
    const text = visibleText(el);
    if (text.length > 300) continue;
    const normalized = normalizeLabel(text);
    if (!forms.some((form) => normalized.includes(form)) || created.some((form) => normalized.includes(form))) continue;
    const time = deepElements(el).find((child) => child.matches('time[datetime]'));
    const date = parseDisplayDate(time ? shownValue(time) : text, ctx.locale);
    if (date) return date;
  }
  return null;
}

export const keyScreen: PageKindDefinition<'keyScreen'> = {
  kind: 'keyScreen',
  exampleUrls: [
    'https://partner.microsoft.com/dashboard/account/v3/usermanagement#apps',
    'https://partner.microsoft.com/en-us/dashboard/account/v3/usermanagement#apps/3f2a4c1e-aaaa-4bbb-8ccc-0123456789ab/keys/new',
  ],
  signature: (ctx) => recognised(ctx) || keyByShapeAlone(ctx) !== null,
  extract: (ctx): KeyScreenReading => {
    const scope = keyScreenScope(ctx);
    const base = { kind: 'keyScreen' as const, url: ctx.url.href, keyExpiresAt: expiry(ctx, scope) };
    const labelled: KeyRead = recognised(ctx) ? readKey(ctx, scope) : { candidate: null, rejected: null };
    const clientId = guidFor({ ...ctx, elements: scope }, 'clientId');
    if (!labelled.candidate && !labelled.rejected) {
      const byShape = keyByShapeAlone(ctx);
      if (byShape && byShape !== 'unsure')
        return { ...base, clientId: clientId ?? byShape.clientId, candidate: byShape.key, rejected: null };
    }
    return { ...base, clientId: clientId ?? knownClientIdOnPage(ctx), ...labelled };
  },
};
