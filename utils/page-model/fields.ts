/** Reading labelled fields into typed values: GUIDs, names, dates, and the keys table of an application page. */

import { findGuid, parseDisplayDate } from '@/utils/shapes';
import { cellsOf, findLabels, HEADING, rowsAfterHeader, valuesNear, visibleText } from './dom';
import { LABEL_MATCH, type LabelId, matchesLabel } from './labels';
import type { ListedKey } from './page-state';
import type { ReadContext } from './pages/kind';

/** GUIDs next to a label, in page order, deduplicated. */
export function guidsFor(ctx: ReadContext, id: LabelId): string[] {
  const guids: string[] = [];
  for (const label of findLabels(ctx.doc, id, ctx.elements)) {
    for (const candidate of valuesNear(label)) {
      const guid = findGuid(candidate.text);
      if (guid) {
        if (!guids.includes(guid)) guids.push(guid);
        break;
      }
    }
  }
  return guids;
}

export function guidFor(ctx: ReadContext, id: LabelId): string | null {
  return guidsFor(ctx, id)[0] ?? null;
}

/**
 * The one GUID a label holds on this page, or null when it holds none or several different ones: an earlier
 * "Tenant ID: <guid>" elsewhere on the page must not win by its place in the document. The user is asked instead.
 */
export function onlyGuidFor(ctx: ReadContext, id: LabelId): string | null {
  const guids = guidsFor(ctx, id);
  return guids.length === 1 ? (guids[0] ?? null) : null;
}

/** A short text value next to a label that is not itself another label. */
export function textFor(ctx: ReadContext, id: LabelId): string | null {
  for (const label of findLabels(ctx.doc, id, ctx.elements)) {
    for (const { text } of valuesNear(label)) {
      const value = text.trim();
      if (value && value.length <= 120 && !findGuid(value) && !isAnyLabel(value)) return value;
    }
  }
  return null;
}

export function dateFor(ctx: ReadContext, id: LabelId): string | null {
  for (const label of findLabels(ctx.doc, id, ctx.elements)) {
    for (const { text } of valuesNear(label)) {
      const date = parseDisplayDate(text, ctx.locale);
      if (date) return date;
    }
  }
  return null;
}

/** Whether the text is one of Partner Center's own labels (a heading like "User management" is no app name). */
export function isAnyLabel(text: string): boolean {
  return (Object.keys(LABEL_MATCH) as LabelId[]).some((id) => LABEL_MATCH[id] === 'exact' && matchesLabel(text, id));
}

/** The first heading that names something rather than being a Partner Center label. */
export function nameFromHeadings(ctx: ReadContext): string | null {
  for (const el of ctx.elements) {
    if (!el.matches(HEADING)) continue;
    const text = visibleText(el);
    if (text && text.length <= 120 && !isAnyLabel(text) && !findGuid(text)) return text;
  }
  return null;
}

/**
 * Existing keys listed with their dates: a table or grid whose header row has a "Created" and an "Expires"
 * column. Masked key values in other columns are never read.
 */
export function listedKeys(ctx: ReadContext): ListedKey[] {
  const keys: ListedKey[] = [];
  for (const { el } of findLabels(ctx.doc, 'created', ctx.elements)) {
    const headerCell = el.closest('th, [role="columnheader"], td, [role="cell"], [role="gridcell"]');
    if (!headerCell) continue;
    const table = rowsAfterHeader(headerCell);
    if (!table) continue;
    const headers = cellsOf(table.header);
    const createdColumn = headers.indexOf(headerCell);
    const expiresColumn = headers.findIndex((cell) => matchesLabel(visibleText(cell), 'expires'));
    for (const row of table.rows) {
      const cells = cellsOf(row);
      const createdText = visibleText(cells[createdColumn] ?? row).trim();
      const expiresText = expiresColumn >= 0 ? visibleText(cells[expiresColumn] ?? row).trim() : '';
      const created = parseDisplayDate(createdText, ctx.locale);
      const expires = parseDisplayDate(expiresText, ctx.locale);
      if (created || expires) keys.push({ created, expires, createdText, expiresText });
    }
    if (keys.length) break;
  }
  return keys;
}
