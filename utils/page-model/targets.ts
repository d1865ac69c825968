/**
 * Guide targets: the Partner Center elements a guide step points at, found by meaning (an actionable role and
 * its label in any locale of labels.ts, through open shadow roots), never by a CSS class. The tour only reads
 * the geometry of what this returns, and the label text a target shows (so that a step quotes the page's own
 * words); it never queries Partner Center's DOM itself.
 */
import { deepElements, findLabels, TABLE, visibleText } from './dom';
import { LABELS, type LabelId, matchesLabel } from './labels';

type TargetSpec =
  /** A button, link, tab or menu item whose accessible name is the label. */
  | { find: 'action'; label: LabelId }
  /** The input a label belongs to (`<label for>`, or a text-field component carrying `label="…"`). */
  | { find: 'field'; label: LabelId }
  /** The table or grid with a column headed by the label. */
  | { find: 'grid'; label: LabelId };

export const TARGETS = {
  /** The gear icon, upper right: named by its aria-label/title only. */
  accountSettings: { find: 'action', label: 'accountSettings' },
  /** Account settings navigation. */
  tenantsNav: { find: 'action', label: 'tenants' },
  userManagementNav: { find: 'action', label: 'userManagement' },
  associateTenant: { find: 'action', label: 'associateTenant' },
  createTenant: { find: 'action', label: 'createTenant' },
  domainNameField: { find: 'field', label: 'domainName' },
  contactEmailField: { find: 'field', label: 'contactEmail' },
  confirm: { find: 'action', label: 'confirm' },
  returnToTenantManagement: { find: 'action', label: 'returnToTenantManagement' },
  entraApplicationsTab: { find: 'action', label: 'entraApplications' },
  addApplication: { find: 'action', label: 'addApplication' },
  /** The add-application form's Reply URL. */
  replyUrlField: { find: 'field', label: 'replyUrl' },
  /** The application page's keys, headed Created / Expires. */
  keysList: { find: 'grid', label: 'expires' },
  addNewKey: { find: 'action', label: 'addNewKey' },
  removeKey: { find: 'action', label: 'remove' },
  addAnotherKey: { find: 'action', label: 'addAnotherKey' },
} as const satisfies Record<string, TargetSpec>;

export type TargetId = keyof typeof TARGETS;
export const TARGET_IDS = Object.keys(TARGETS) as TargetId[];

const ACTIONABLE =
  'button, a[href], [role="button"], [role="tab"], [role="link"], [role="menuitem"], input[type="button"], input[type="submit"], he-button, he-link, he-tab, he-menu-item, he-nav-item';
const CONTROL = 'button, a[href], input, textarea, select, [role="button"], [role="tab"], [role="link"]';
const HEADER_CELL = 'th, [role="columnheader"]';

/** A target found on the page: the element, and its label as this page shows it. */
export interface FoundTarget {
  element: Element;
  /**
   * The label the user sees on the element (`quotedLabel`), so a step can name it in the page's own words;
   * '' when it cannot be read as the label (then a step names the target in English).
   */
  text: string;
}

/** The element `id` points at on the page, or null when it is not there (yet, or under another name). */
export function findTarget(id: TargetId, doc: Document = document): Element | null {
  return locateTarget(id, doc)?.element ?? null;
}

/**
 * The label target `id` shows on this page ("Neuen Schlüssel hinzufügen", "新しいキーの追加", or English on a page
 * that left it untranslated), or null when the target is not on the page. Only ever the label itself: text that
 * the label table recognises as that label, never other page text.
 */
export function targetText(id: TargetId, doc: Document = document): string | null {
  return locateTarget(id, doc)?.text || null;
}

/** The English name of target `id`: its label as Partner Center's English UI names it now (labels/en.json, first). */
export function targetName(id: TargetId): string {
  const spec: TargetSpec | undefined = Object.hasOwn(TARGETS, id) ? TARGETS[id] : undefined;
  return (spec && LABELS.en[spec.label]?.[0]) || '';
}

/** The element `id` points at and its label text, or null when it is not on the page. */
export function locateTarget(id: TargetId, doc: Document = document): FoundTarget | null {
  if (!Object.hasOwn(TARGETS, id)) return null;
  const spec: TargetSpec = TARGETS[id];
  const elements = deepElements(doc).filter((el) => !isHidden(el));
  if (spec.find === 'action') {
    const match = elements.find((el) => el.matches(ACTIONABLE) && matchesLabel(accessibleName(el), spec.label));
    return match ? { element: innerControl(match), text: quotedLabel(accessibleName(match), spec.label) } : null;
  }
  if (spec.find === 'field') {
    for (const { el } of findLabels(doc, spec.label, elements)) {
      const control = (el as HTMLLabelElement).control ?? el.shadowRoot?.querySelector('input, textarea, select');
      if (control) return { element: control, text: labelTextOf(el, spec.label) };
    }
    return null;
  }
  for (const { el } of findLabels(doc, spec.label, elements)) {
    const grid = el.matches(HEADER_CELL) ? el.closest(TABLE) : null;
    if (grid) return { element: grid, text: quotedLabel(visibleText(el), spec.label) };
  }
  return null;
}

/** The longest label a step quotes: page text, so never more than any label of the table could be. */
export const MAX_QUOTED_LABEL = 80;

/**
 * Page text made fit to quote as label `id`: control and format characters (zero-width, bidi overrides) dropped,
 * whitespace folded, the edge colons and required-field asterisks a form adds removed; '' unless what is left is
 * still that label and at most MAX_QUOTED_LABEL characters. The result is shown as text, never as markup.
 */
export function quotedLabel(raw: string, id: LabelId): string {
  const text = raw
    .replace(/[\p{Cc}\p{Cf}]/gu, (c) => (/\s/.test(c) ? ' ' : ''))
    .replace(/\s+/g, ' ')
    .replace(/^[\s:：*]+|[\s:：*]+$/g, '');
  return text && [...text].length <= MAX_QUOTED_LABEL && matchesLabel(text, id) ? text : '';
}

const LABEL_ATTRIBUTES = ['aria-label', 'label', 'data-label', 'heading', 'title'];

// A field's label: a <label> element's text, or the label a component carries as an attribute or a property.
function labelTextOf(el: Element, id: LabelId): string {
  const prop = (el as unknown as { label?: unknown }).label;
  const candidates = [
    ...LABEL_ATTRIBUTES.map((attr) => el.getAttribute(attr) ?? ''),
    typeof prop === 'string' ? prop : '',
    visibleText(el),
  ];
  for (const candidate of candidates) {
    const text = candidate ? quotedLabel(candidate, id) : '';
    if (text) return text;
  }
  return '';
}

// aria-label first (the gear icon has no text), then the text a reader sees, then a tooltip.
function accessibleName(el: Element): string {
  return (
    el.getAttribute('aria-label') ||
    visibleText(el) ||
    el.getAttribute('title') ||
    (el instanceof HTMLInputElement ? el.value : '')
  );
}

// A component host (he-button) wraps the real control in its shadow root: point at what is clicked.
function innerControl(el: Element): Element {
  return el.shadowRoot?.querySelector(CONTROL) ?? el;
}

function isHidden(el: Element): boolean {
  return el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true';
}
