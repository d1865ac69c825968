/**
 * Guide targets: the Partner Center elements a guide step points at, found by meaning (an actionable role and
 * its label in any locale of labels.ts, through open shadow roots), never by a CSS class. The tour only reads
 * the geometry of what this returns; it never queries Partner Center's DOM itself.
 */
import { deepElements, findLabels, TABLE, visibleText } from './dom';
import { type LabelId, matchesLabel } from './labels';

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
  confirm: { find: 'action', label: 'confirm' },
  returnToTenantManagement: { find: 'action', label: 'returnToTenantManagement' },
  entraApplicationsTab: { find: 'action', label: 'entraApplications' },
  addApplication: { find: 'action', label: 'addApplication' },
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

/** The element `id` points at on the page, or null when it is not there (yet, or under another name). */
export function findTarget(id: TargetId, doc: Document = document): Element | null {
  const spec: TargetSpec = TARGETS[id];
  const elements = deepElements(doc).filter((el) => !isHidden(el));
  if (spec.find === 'action') {
    const match = elements.find((el) => el.matches(ACTIONABLE) && matchesLabel(accessibleName(el), spec.label));
    return match ? innerControl(match) : null;
  }
  if (spec.find === 'field') {
    for (const { el } of findLabels(doc, spec.label, elements)) {
      const control = (el as HTMLLabelElement).control ?? el.shadowRoot?.querySelector('input, textarea, select');
      if (control) return control;
    }
    return null;
  }
  for (const { el } of findLabels(doc, spec.label, elements)) {
    const grid = el.matches(HEADER_CELL) ? el.closest(TABLE) : null;
    if (grid) return grid;
  }
  return null;
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
