/**
 * Reading Partner Center's DOM through open shadow roots at any depth (its pages are Harmony web components:
 * `he-shell` > … > `he-data-grid`, invisible to a plain document.querySelectorAll), and reading a value that
 * belongs to a label whatever the layout: text next to it, readonly inputs, code, table cells, dt/dd,
 * label+input, aria-labelledby, or "Label: value" in one text node.
 */
import { LABEL_MATCH, type LabelId, matchesLabel, textAfterLabel } from './labels';

/** Our own overlay host: never read (it may repeat Partner Center's words) and never observed. */
export const OWN_UI_TAG = 'stactize-companion';

type Root = Document | ShadowRoot | Element;
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', OWN_UI_TAG.toUpperCase()]);

/** Every element under `root`, in document order, descending into open shadow roots (content before children). */
export function deepElements(root: Root): Element[] {
  const out: Element[] = [];
  const visit = (node: ParentNode) => {
    for (const child of Array.from(node.children)) {
      if (SKIPPED.has(child.tagName)) continue;
      out.push(child);
      if (child.shadowRoot) visit(child.shadowRoot);
      visit(child);
    }
  };
  if (root instanceof Element || (root as Node).nodeType === 1) {
    const el = root as Element;
    if (el.shadowRoot) visit(el.shadowRoot);
  }
  visit(root as ParentNode);
  return out;
}

/** The open shadow roots under `root` at any depth (our own overlay excluded). */
export function deepShadowRoots(root: Root): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  for (const el of deepElements(root)) if (el.shadowRoot) roots.push(el.shadowRoot);
  return roots;
}

/** querySelectorAll that also searches every open shadow root below `root`. */
export function deepQuerySelectorAll<E extends Element = Element>(root: Root, selector: string): E[] {
  return deepElements(root).filter((el) => el.matches(selector)) as E[];
}

/** Text of an element as a reader sees it: its light DOM text, or its shadow root's text when that is all it has. */
export function visibleText(el: Element): string {
  const light = textOf(el);
  if (light.trim() || !el.shadowRoot) return light;
  return textOf(el.shadowRoot);
}

function textOf(node: ParentNode | Element): string {
  let text = '';
  for (const child of Array.from((node as Node).childNodes)) {
    if (child.nodeType === 3) text += child.nodeValue ?? '';
    else if (child.nodeType === 1) {
      const el = child as Element;
      if (SKIPPED.has(el.tagName)) continue;
      text += ' ';
      text += el.shadowRoot && !(el.textContent ?? '').trim() ? textOf(el.shadowRoot) : textOf(el);
    }
  }
  return text.replace(/\s+/g, ' ').trim();
}

/** All text under `root` including shadow roots, for sentence-level checks (warnings). */
export function deepText(root: Root): string {
  const parts: string[] = [];
  const visit = (node: Node) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) parts.push(child.nodeValue ?? '');
      else if (child.nodeType === 1) {
        const el = child as Element;
        if (SKIPPED.has(el.tagName)) continue;
        if (el.shadowRoot) visit(el.shadowRoot);
        visit(el);
      }
    }
  };
  visit(root as Node);
  return parts.join(' ').replace(/\s+/g, ' ');
}

/**
 * A label found on the page. `inline` holds the value when label and value share one text ("Client ID: …");
 * `loose` marks one written with no colon ("Expires 1/15/2027"), which a value must confirm by its shape and
 * which never counts for a page signature.
 */
export interface FoundLabel {
  el: Element;
  via: 'text' | 'attribute';
  inline?: string;
  loose?: true;
}

const LABEL_ATTRIBUTES = ['aria-label', 'label', 'data-label', 'heading', 'title'];
const MAX_LABEL_TEXT = 160;
const MAX_VALUE_TEXT = 300;

/**
 * Elements labelled `id`: an element whose own text is the label (innermost match; a component's slotted
 * text, as in `<x-text-field>Client ID</x-text-field>`, is its own text), an element whose label attribute or
 * `label` property is it (a component like `<he-text-field label="Key">` that holds its own value), or text
 * starting with the label and followed by the value, with or without a colon.
 */
export function findLabels(root: Root, id: LabelId, elements = deepElements(root)): FoundLabel[] {
  const found: FoundLabel[] = [];
  for (const el of elements) {
    if (labelledByAttribute(el, id)) found.push({ el, via: 'attribute' });
    const own = ownText(el);
    const leading = leadingText(el);
    if (own && own.length <= MAX_LABEL_TEXT && matchesLabel(own, id)) {
      found.push({ el, via: 'text' });
      // "Client ID: <span>…</span>": the value is the rest of the element's own text.
      if (!leading || leading === own) continue;
    }
    // "Label: value" written inside a heading or a link is a name or an action, never a field.
    if (el.closest(NOT_A_FIELD)) continue;
    const text = leading || own;
    const after = text && text.length <= MAX_LABEL_TEXT + MAX_VALUE_TEXT ? textAfterLabel(text, id) : null;
    if (after) found.push({ el, via: 'text', inline: after.rest, ...(after.loose ? { loose: true as const } : {}) });
  }
  return found;
}

function labelledByAttribute(el: Element, id: LabelId): boolean {
  for (const attr of LABEL_ATTRIBUTES) {
    const value = el.getAttribute(attr);
    if (value && value.length <= MAX_LABEL_TEXT && matchesLabel(value, id) && !isActionable(el, attr)) return true;
  }
  // A component given its label as a property makes no attribute (frameworks set properties).
  if (!el.tagName.includes('-') || el.hasAttribute('label')) return false;
  const prop = (el as unknown as { label?: unknown }).label;
  return typeof prop === 'string' && prop.length <= MAX_LABEL_TEXT && matchesLabel(prop, id);
}

/**
 * The whole text of an element whose first words are its own ("Expires <b>1/15/2027</b>", "Client ID:
 * <span>…</span>"): the label is in the element's direct text, the value in a child.
 */
function leadingText(el: Element): string {
  for (const node of Array.from(el.childNodes)) {
    if (node.nodeType === 3 && (node.nodeValue ?? '').trim()) return textOf(el);
    if (node.nodeType === 1 && !SKIPPED.has((node as Element).tagName) && (node.textContent ?? '').trim()) return '';
  }
  return '';
}

const NOT_A_FIELD = 'h1, h2, h3, h4, h5, h6, [role="heading"], a, [role="link"], button, [role="button"]';

// A button titled "Key" is an action, not a field holding the key.
function isActionable(el: Element, attr: string): boolean {
  return attr === 'title' && /^(A|BUTTON)$/.test(el.tagName);
}

/**
 * The text an element shows itself, when it has no element children carrying text (so the innermost element
 * wins), or when it is a leaf custom element rendering its text in its shadow root.
 */
function ownText(el: Element): string {
  const hasTextChildren = Array.from(el.children).some(
    (child) => !SKIPPED.has(child.tagName) && (child.textContent ?? '').trim(),
  );
  if (hasTextChildren) {
    // Mixed content such as "Client ID: <span>…</span>" still counts by its direct text.
    const direct = Array.from(el.childNodes)
      .filter((n) => n.nodeType === 3)
      .map((n) => n.nodeValue ?? '')
      .join(' ')
      .trim();
    return direct.endsWith(':') || direct.endsWith('：') ? direct : '';
  }
  const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
  if (text) return text;
  if (el.shadowRoot && el.children.length === 0) {
    const shadowText = textOf(el.shadowRoot);
    // Only leaf components (a button, a heading), not containers whose shadow holds a whole section.
    return shadowText.length <= MAX_LABEL_TEXT && deepElements(el.shadowRoot).length <= 6 ? shadowText : '';
  }
  return '';
}

/**
 * Whether any Partner Center label at all stands on the page (one pass, stopping at the first): a page with none
 * is in a language or a layout the label table does not know.
 */
export function hasAnyLabel(elements: Element[]): boolean {
  const ids = (Object.keys(LABEL_MATCH) as LabelId[]).filter((id) => LABEL_MATCH[id] === 'exact');
  return elements.some((el) => {
    const own = ownText(el);
    const named = own && own.length <= MAX_LABEL_TEXT;
    return ids.some((id) => (named && matchesLabel(own, id)) || labelledByAttribute(el, id));
  });
}

/** Whether the label stands on the page as a label (a loose "Label value" text does not count). */
export function hasLabel(root: Root, id: LabelId, elements?: Element[]): boolean {
  return findLabels(root, id, elements).some((label) => !label.loose);
}

const VALUE_HOLDERS = 'input, textarea, output, code, pre, samp, kbd, time[datetime], [role="textbox"]';
const CELL = 'th, td, [role="cell"], [role="gridcell"], [role="columnheader"], [role="rowheader"]';
/** A row of a table or grid, and the table or grid itself, in markup or by ARIA role. */
export const ROW = 'tr, [role="row"]';
export const TABLE = 'table, [role="grid"], [role="table"], [role="treegrid"]';

/** The value an element shows: a field's value property, a code block, or its text. */
export function shownValue(el: Element): string {
  if (isField(el)) return (el as HTMLInputElement).value ?? '';
  // <time datetime="2027-01-15">January 15, 2027</time>: the machine-readable date is what it means.
  if (el.tagName === 'TIME' && el.getAttribute('datetime')) return el.getAttribute('datetime') ?? '';
  if (el.tagName.includes('-')) {
    const prop = (el as unknown as { value?: unknown }).value;
    if (typeof prop === 'string' && prop.trim()) return prop;
    const attr = el.getAttribute('value');
    if (attr?.trim()) return attr;
  }
  // Every value it holds (a box with two keys holds two values, never just the first).
  const held = deepElements(el)
    .filter((child) => child.matches(VALUE_HOLDERS))
    .map((holder) => (isField(holder) || holder.tagName === 'TIME' ? shownValue(holder) : visibleText(holder)))
    .filter((value) => value.trim());
  if (held.length) return held.join(' ');
  return visibleText(el);
}

function holdsField(el: Element): boolean {
  return Boolean(el.shadowRoot?.querySelector('input, textarea, [role="textbox"]'));
}

function isField(el: Element): boolean {
  return el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'OUTPUT';
}

/** Whether the element, or a container up through shadow hosts, is marked busy (still rendering). */
export function isBusy(el: Element): boolean {
  for (let node: Element | null = el; node; node = parentAcrossShadow(node)) {
    if (node.getAttribute('aria-busy') === 'true') return true;
  }
  return false;
}

export function parentAcrossShadow(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const root = el.parentNode;
  return root && (root as ShadowRoot).host ? (root as ShadowRoot).host : null;
}

/** Where a candidate value came from, so callers can check it (busy state) without re-finding it. */
export interface Candidate {
  text: string;
  el: Element;
}

/**
 * Candidate values for a label, nearest first. Several layouts are tried because nobody can see the live page;
 * the caller keeps the first candidate of the right shape.
 */
export function valuesNear(label: FoundLabel): Candidate[] {
  const { el } = label;
  const out: Candidate[] = [];
  const push = (target: Element | null | undefined) => {
    if (!target || target === el) return;
    const text = shownValue(target);
    // A whole section is not a value; it would let a value from elsewhere stand in for this label's.
    if (text.length <= MAX_VALUE_TEXT) out.push({ text, el: target });
  };
  if (label.inline) out.push({ text: label.inline, el });
  // A component that is its own field: labelled by attribute or property, or by its slotted text while its
  // shadow root holds the control (FAST's and Fluent's text fields).
  if (label.via === 'attribute' || holdsField(el)) out.push({ text: shownValue(el), el });

  const root = el.getRootNode() as Document | ShadowRoot;
  // <label for="…"> and a label wrapping its field.
  const labelEl = el.closest('label');
  if (labelEl) {
    const forId = labelEl.getAttribute('for');
    if (forId) push(root.getElementById?.(forId) ?? null);
    push(labelEl.querySelector('input, textarea'));
  }
  // aria-labelledby pointing at the label or its container.
  for (let node: Element | null = el, i = 0; node && i < 3; node = node.parentElement, i++) {
    if (node.id) for (const target of queryLabelledBy(root, node.id)) push(target);
  }
  // <dt>Label</dt><dd>value</dd>
  const dt = el.closest('dt');
  if (dt) {
    let next = dt.nextElementSibling;
    while (next && next.tagName !== 'DD') next = next.nextElementSibling;
    push(next);
  }
  // Table or grid: the next cell in the row, or the cell below a column header.
  const cell = el.closest(CELL);
  if (cell) {
    push(cell.nextElementSibling?.matches(CELL) ? cell.nextElementSibling : null);
    const row = cell.closest(ROW);
    const table = row?.parentElement?.closest(TABLE);
    if (row && table) {
      const column = cellsOf(row).indexOf(cell);
      const rows = Array.from(table.querySelectorAll(ROW));
      const below = rows[rows.indexOf(row) + 1];
      if (below && column >= 0) push(cellsOf(below)[column]);
    }
  }
  // Layout by siblings: the label's next siblings, then its parents' next siblings (label and value in
  // neighbouring boxes), stopping at three levels so a value from a different section is never taken.
  let node: Element | null = el;
  for (let level = 0; node && level < 3; level++) {
    let sibling = node.nextElementSibling;
    for (let n = 0; sibling && n < 2; n++, sibling = sibling.nextElementSibling) push(sibling);
    node = parentAcrossShadow(node);
  }
  return out;
}

function queryLabelledBy(root: Document | ShadowRoot, id: string): Element[] {
  return deepElements(root).filter((candidate) =>
    (candidate.getAttribute('aria-labelledby') ?? '').split(/\s+/).includes(id),
  );
}

export function cellsOf(row: Element): Element[] {
  return Array.from(row.children).filter((child) => child.matches(CELL));
}

/** Rows of the table or grid a header cell belongs to, after the header row. */
export function rowsAfterHeader(headerCell: Element): { header: Element; rows: Element[] } | null {
  const header = headerCell.closest(ROW);
  const table = header?.parentElement?.closest(TABLE);
  if (!header || !table) return null;
  const rows = Array.from(table.querySelectorAll(ROW));
  return { header, rows: rows.slice(rows.indexOf(header) + 1) };
}

/**
 * Whether a person can see the element: rendered, not hidden by CSS, `hidden` or `aria-hidden`, up through
 * shadow hosts. Costs a style lookup per ancestor, so it is asked of a few candidates only.
 */
export function isShown(el: Element): boolean {
  for (let node: Element | null = el; node; node = parentAcrossShadow(node)) {
    if (node.hasAttribute('hidden') || node.getAttribute('aria-hidden') === 'true') return false;
  }
  const check = (el as Element & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
  return typeof check === 'function' ? check.call(el, { visibilityProperty: true, opacityProperty: true }) : true;
}

/**
 * The open dialog, alert dialog or side drawer the element sits in, up through shadow hosts: a `<dialog open>`,
 * an element with role dialog/alertdialog, or a component that says it is open and is a dialog or a fly-in
 * panel by its role or name (`he-dialog`, `he-fly-in-panel_pc`, Shoelace's `sl-drawer` …). Null on the page.
 */
export function openOverlayOf(el: Element): Element | null {
  for (let node: Element | null = el; node; node = parentAcrossShadow(node)) {
    if (isOpenOverlay(node)) return node;
  }
  return null;
}

const OVERLAY_NAME = /dialog|drawer|fly-?in|flyout|panel|modal|sheet/i;

/** Whether a component's name (any `_suffix` dropped) says it is a dialog or a drawer (`he-fly-in-panel_pc`). */
export function isOverlayNamed(el: Element): boolean {
  return el.tagName.includes('-') && OVERLAY_NAME.test(el.tagName.replace(/_[a-z0-9]+$/i, ''));
}

export function isOpenOverlay(el: Element): boolean {
  const role = el.getAttribute('role');
  if (el.tagName === 'DIALOG') return (el as HTMLDialogElement).open;
  if (role === 'dialog' || role === 'alertdialog')
    return el.getAttribute('aria-hidden') !== 'true' && !el.hasAttribute('hidden');
  if (!el.tagName.includes('-') || el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return false;
  // A component that draws its dialog in its shadow root around slotted content (Fluent's and FAST's dialogs);
  // not a shell whose shadow root also holds a dialog of its own (a hidden "Sign in required").
  const drawn = el.shadowRoot?.querySelector('[role="dialog"], [role="alertdialog"], dialog[open]');
  // Rendered at all (display), whatever its opacity: a dialog fading in is already the dialog.
  const rendered = (drawn as (Element & { checkVisibility?: () => boolean }) | null)?.checkVisibility?.() ?? true;
  if (drawn?.querySelector('slot') && !drawn.closest('[hidden]') && rendered) return true;
  const open = el.hasAttribute('open') || (el as unknown as { open?: unknown }).open === true;
  return open && isOverlayNamed(el);
}

export const HEADING = 'h1, h2, h3, [role="heading"], he-heading, he-page-title';
