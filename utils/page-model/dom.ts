/**
 * Reading Partner Center's DOM through open shadow roots at any depth (its pages are Harmony web components:
 * `he-shell` > … > `he-data-grid`, invisible to a plain document.querySelectorAll), and reading a value that
 * belongs to a label whatever the layout: text next to it, readonly inputs, code, table cells, dt/dd,
 * label+input, aria-labelledby, or "Label: value" in one text node.
 */
import { type LabelId, matchesLabel, textAfterLabel } from './labels';

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

/** A label found on the page; `inline` holds the value when label and value share one text ("Client ID: …"). */
export interface FoundLabel {
  el: Element;
  via: 'text' | 'attribute';
  inline?: string;
}

const LABEL_ATTRIBUTES = ['aria-label', 'label', 'data-label', 'heading', 'title'];
const MAX_LABEL_TEXT = 160;
const MAX_VALUE_TEXT = 300;

/**
 * Elements labelled `id`: an element whose own text is the label (innermost match), an element whose
 * label attribute is it (a component like `<he-text-field label="Key">` that holds its own value),
 * or a text node starting "Label:" followed by the value.
 */
export function findLabels(root: Root, id: LabelId, elements = deepElements(root)): FoundLabel[] {
  const found: FoundLabel[] = [];
  for (const el of elements) {
    for (const attr of LABEL_ATTRIBUTES) {
      const value = el.getAttribute(attr);
      if (value && value.length <= MAX_LABEL_TEXT && matchesLabel(value, id) && !isActionable(el, attr)) {
        found.push({ el, via: 'attribute' });
        break;
      }
    }
    const own = ownText(el);
    if (!own || own.length > MAX_LABEL_TEXT) continue;
    if (matchesLabel(own, id)) {
      found.push({ el, via: 'text' });
      continue;
    }
    // "Label: value" written inside a heading or a link is a name or an action, never a field.
    const inline = el.closest(NOT_A_FIELD) ? null : textAfterLabel(own, id);
    if (inline) found.push({ el, via: 'text', inline });
  }
  return found;
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

export function hasLabel(root: Root, id: LabelId, elements?: Element[]): boolean {
  return findLabels(root, id, elements).length > 0;
}

const VALUE_HOLDERS = 'input, textarea, output, code, pre, samp, kbd, [role="textbox"]';
const CELL = 'th, td, [role="cell"], [role="gridcell"], [role="columnheader"], [role="rowheader"]';
/** A row of a table or grid, and the table or grid itself, in markup or by ARIA role. */
export const ROW = 'tr, [role="row"]';
export const TABLE = 'table, [role="grid"], [role="table"], [role="treegrid"]';

/** The value an element shows: a field's value property, a code block, or its text. */
export function shownValue(el: Element): string {
  if (isField(el)) return (el as HTMLInputElement).value ?? '';
  if (el.tagName.includes('-')) {
    const prop = (el as unknown as { value?: unknown }).value;
    if (typeof prop === 'string' && prop.trim()) return prop;
    const attr = el.getAttribute('value');
    if (attr?.trim()) return attr;
  }
  const holder = deepElements(el).find((child) => child.matches(VALUE_HOLDERS));
  if (holder) {
    const held = isField(holder) ? (holder as HTMLInputElement).value : visibleText(holder);
    if (held.trim()) return held;
  }
  return visibleText(el);
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
  if (label.via === 'attribute') out.push({ text: shownValue(el), el });

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

export const HEADING = 'h1, h2, h3, [role="heading"], he-heading, he-page-title';
