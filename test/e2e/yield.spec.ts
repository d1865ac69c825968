/**
 * The overlay yields to Partner Center's own dialogs and drawers, in real Chromium, at real Partner Center URLs:
 * while a modal `<dialog>` (showModal), a non-modal `<dialog>` (show), a role=dialog aria-modal box, a component
 * drawing role=dialog in its shadow root around slotted controls, a right-hand drawer (320, 480, 720 px) holding
 * the application page and then the key screen, or a left or bottom drawer is open, no part of our overlay covers
 * it: every control in it is hit-testable at its centre (`elementsFromPoint` reaches it first, and the topmost
 * element there is never our host) and clickable without `force`. Before any dialog, the first step's popover
 * does not cover "Add new key". At two viewport sizes; no sleeps, every wait is for a condition.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './harness/fixtures';
import { CLIENT_ID, freshKey, KEY_URL, TENANT_ID } from './pages/key-flow';

const APP_URL = 'https://partner.microsoft.com/dashboard/account/v3/usermanagement#apps';
const VIEWPORTS = [
  { width: 1280, height: 720 },
  { width: 800, height: 600 },
] as const;

const overlay = (page: Page) => page.locator('stactize-companion');
const card = (page: Page) => overlay(page).locator('[data-guide-step]');
const stack = (page: Page) => overlay(page).locator('.stack');

// ------------------------------------------------------------------------------------------------------------
// The pages: hand-written, Partner Center-like (the application page inside `he-shell`'s open shadow root).

/** The application page's details and "Add new key", as HTML. */
const APP_DETAILS = `
  <h1>Stactize Connector</h1>
  <dl>
    <dt>Tenant ID</dt><dd>${TENANT_ID}</dd>
    <dt>Client ID</dt><dd>${CLIENT_ID}</dd>
  </dl>
  <h2>Keys</h2>
  <p>No keys yet.</p>
  <button id="add-key" data-control>Add new key</button>`;

/** Partner Center's key-duration dialog: a select, "Create" and "Cancel"; every control marked data-control. */
const DURATION_FORM = `
  <h2 id="duration-title">Add a new key</h2>
  <label>Duration
    <select data-control id="duration"><option>1 year</option><option>2 years</option><option>6 months</option></select>
  </label>
  <p>The new key is shown once, on the next screen.</p>
  <div class="actions">
    <button data-control data-closes id="create">Create</button>
    <button data-control data-closes id="cancel">Cancel</button>
  </div>`;

const BASE_STYLE = `
  body { margin: 0; font: 14px/1.4 "Segoe UI", system-ui, sans-serif; }
  main { padding: 24px 32px; }
  button, select, input { font: inherit; padding: 6px 12px; }
  .actions { display: flex; gap: 8px; justify-content: flex-end; margin-top: 16px; }`;

function shellPage(options: { title: string; style?: string; shadow: string; body?: string; script: string }): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${options.title} | Partner Center</title>
<style>${BASE_STYLE}${options.style ?? ''}</style></head>
<body>
<he-shell></he-shell>
${options.body ?? ''}
<script>
customElements.define('he-shell', class extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    this.attachShadow({ mode: 'open' }).innerHTML = ${JSON.stringify(`<style>${BASE_STYLE}${options.style ?? ''}</style>${options.shadow}`)};
  }
});
const shell = document.querySelector('he-shell').shadowRoot;
const closeAll = (selector, close) => {
  for (const el of document.querySelectorAll(selector)) el.addEventListener('click', close);
  for (const el of shell.querySelectorAll(selector)) el.addEventListener('click', close);
};
${options.script}
</script>
</body></html>`;
}

type DialogKind = 'dialog-modal' | 'dialog-show' | 'aria-modal' | 'shadow-dialog';

/** An application page whose "Add new key" opens the key-duration dialog, built as `kind` says. */
function durationDialogPage(kind: DialogKind): string {
  const boxStyle = `
    .box { position: fixed; top: 50%; left: 50%; transform: translate(-50%, -50%); width: 460px; box-sizing: border-box;
      padding: 20px 24px; background: #fff; border: 1px solid #888; box-shadow: 0 8px 32px rgba(0,0,0,.3); z-index: 1000; }
    .scrim { position: fixed; inset: 0; background: rgba(0,0,0,.35); z-index: 999; }
    dialog { width: 460px; padding: 20px 24px; }`;
  if (kind === 'dialog-modal' || kind === 'dialog-show') {
    return shellPage({
      title: 'User management',
      style: boxStyle,
      shadow: `<main>${APP_DETAILS}</main><dialog id="duration-dialog" data-overlay aria-labelledby="duration-title">${DURATION_FORM}</dialog>`,
      script: `
        const dialog = shell.getElementById('duration-dialog');
        shell.getElementById('add-key').addEventListener('click', () => dialog.${kind === 'dialog-modal' ? 'showModal' : 'show'}());
        closeAll('[data-closes]', () => dialog.close());`,
    });
  }
  if (kind === 'aria-modal') {
    return shellPage({
      title: 'User management',
      style: boxStyle,
      shadow: `<main>${APP_DETAILS}</main>`,
      body: `<div class="scrim" hidden id="scrim"></div>
        <div class="box" role="dialog" aria-modal="true" aria-labelledby="duration-title" id="duration-dialog" data-overlay hidden>${DURATION_FORM}</div>`,
      script: `
        const dialog = document.getElementById('duration-dialog');
        const scrim = document.getElementById('scrim');
        shell.getElementById('add-key').addEventListener('click', () => { dialog.hidden = false; scrim.hidden = false; });
        closeAll('[data-closes]', () => { dialog.hidden = true; scrim.hidden = true; });`,
    });
  }
  // A dialog component (as Fluent's and FAST's): role=dialog drawn in its shadow root around slotted controls.
  return shellPage({
    title: 'User management',
    style: boxStyle,
    shadow: `<main>${APP_DETAILS}</main>`,
    body: `<pc-dialog hidden id="duration-host">${DURATION_FORM}</pc-dialog>`,
    script: `
      customElements.define('pc-dialog', class extends HTMLElement {
        constructor() {
          super();
          this.attachShadow({ mode: 'open' }).innerHTML =
            '<style>:host([hidden]) { display: none; } .scrim { position: fixed; inset: 0; background: rgba(0,0,0,.35); }' +
            ' .control { position: fixed; top: 50%; left: 50%; transform: translate(-50%, -50%); width: 460px; box-sizing: border-box;' +
            ' padding: 20px 24px; background: #fff; border: 1px solid #888; }</style>' +
            '<div class="scrim" part="overlay"></div>' +
            '<div class="control" id="duration-dialog" role="dialog" aria-modal="true" data-overlay part="control"><slot></slot></div>';
        }
      });
      const dialog = document.getElementById('duration-host');
      shell.getElementById('add-key').addEventListener('click', () => { dialog.hidden = false; });
      closeAll('[data-closes]', () => { dialog.hidden = true; });`,
  });
}

/**
 * The applications list with the application open in a right-hand fly-in panel `width` px wide: its details and
 * "Add new key", which turns the panel into the key screen (the key fetched, never in the page's source).
 */
function rightDrawerPage(width: number): string {
  return shellPage({
    title: 'User management',
    style: `
      .fly-in { position: fixed; top: 0; right: 0; bottom: 0; width: ${width}px; box-sizing: border-box; display: flex;
        flex-direction: column; padding: 16px 20px; background: #fff; border-left: 1px solid #888;
        box-shadow: -8px 0 24px rgba(0,0,0,.25); overflow: auto; }
      .fly-in header { display: flex; justify-content: space-between; align-items: center; }
      .fly-in .grow { flex: 1; }`,
    shadow: `<main><h1>User management</h1><p>Microsoft Entra applications</p><ul><li>Stactize Connector</li></ul></main>
      <he-fly-in-panel open class="fly-in" id="panel" data-overlay aria-label="Stactize Connector"></he-fly-in-panel>`,
    script: `
      const data = ${JSON.stringify({ keyUrl: KEY_URL, clientId: CLIENT_ID })};
      const panel = shell.getElementById('panel');
      const header = '<header><strong>Application</strong><button data-control id="close-x" aria-label="Close">✕</button></header>';
      function showApp() {
        panel.innerHTML = header + '<div class="grow">' + ${JSON.stringify(APP_DETAILS)} +
          '<label>Notes <input data-control id="notes"></label></div>' +
          '<div class="actions"><button data-control id="save">Save</button><button data-control id="close">Close</button></div>';
        panel.querySelector('#add-key').addEventListener('click', showKey);
      }
      function showKey() {
        panel.innerHTML = header + '<div class="grow"><h2>Add new key</h2>' +
          "<p>Be sure to print or copy this info, as you won't be able to access it again after you leave this page.</p>" +
          '<dl><dt>Client ID</dt><dd>' + data.clientId + '</dd><dt>Key</dt><dd id="key"></dd><dt>Expires</dt><dd>11/27/2028</dd></dl></div>' +
          '<div class="actions"><button data-control id="copy">Copy</button><button data-control id="done">Done</button></div>';
        fetch(data.keyUrl).then((r) => r.text()).then((key) => { panel.querySelector('#key').textContent = key; });
        panel.querySelector('#done').addEventListener('click', () => panel.remove());
      }
      showApp();`,
  });
}

/** The application page with a help drawer on the left or a sheet along the bottom, opened by "Help". */
function sideDrawerPage(side: 'left' | 'bottom'): string {
  const place =
    side === 'left'
      ? 'top: 0; left: 0; bottom: 0; width: 380px; border-right: 1px solid #888;'
      : 'left: 0; right: 0; bottom: 0; height: 260px; border-top: 1px solid #888;';
  return shellPage({
    title: 'User management',
    style: `
      main { padding-left: ${side === 'left' ? 420 : 32}px; }
      .drawer { position: fixed; ${place} box-sizing: border-box; padding: 16px 20px; background: #fff;
        box-shadow: 0 0 24px rgba(0,0,0,.25); z-index: 10; }
      .drawer .actions { justify-content: space-between; }`,
    shadow: `<main><header><button id="help">Help</button></header>${APP_DETAILS}</main>
      <div class="drawer" role="dialog" aria-modal="true" aria-label="Help" id="help-drawer" data-overlay hidden>
        <h2>Help</h2>
        <label>Search help <input data-control id="search"></label>
        <div class="actions"><button data-control id="feedback">Send feedback</button><button data-control data-closes id="close">Close</button></div>
      </div>`,
    script: `
      const drawer = shell.getElementById('help-drawer');
      shell.getElementById('help').addEventListener('click', () => { drawer.hidden = false; });
      closeAll('[data-closes]', () => { drawer.hidden = true; });`,
  });
}

// ------------------------------------------------------------------------------------------------------------
// The checks, run in the page: every control of every open dialog (marked data-control inside data-overlay).

interface Report {
  /** Open page dialogs seen (by id). */
  dialogs: string[];
  /** Controls checked. */
  controls: string[];
  /** What covers what: empty when the page's dialogs are all clear. */
  problems: string[];
}

/** Hit-tests every control of the open dialogs and compares our boxes with the dialogs' rectangles. */
async function yieldReport(page: Page): Promise<Report> {
  return page.evaluate(() => {
    const all: Element[] = [];
    const walk = (root: Document | ShadowRoot | Element) => {
      for (const el of Array.from(root.children)) {
        if (el.tagName === 'STACTIZE-COMPANION') continue;
        all.push(el);
        if (el.shadowRoot) walk(el.shadowRoot);
        walk(el);
      }
    };
    walk(document);
    const host = document.querySelector('stactize-companion');
    const shown = (el: Element) => el.checkVisibility({ visibilityProperty: true });
    const dialogs = all.filter((el) => el.hasAttribute('data-overlay') && shown(el));
    // A control of a dialog: inside it in the flat tree (slotted into a component's dialog counts).
    const flatParent = (el: Element): Element | null =>
      el.assignedSlot ?? el.parentElement ?? ((el.parentNode as ShadowRoot | null)?.host || null);
    const inDialog = (el: Element) => {
      for (let node: Element | null = el; node; node = flatParent(node)) if (dialogs.includes(node)) return true;
      // A component's dialog draws around its slotted content: the component is the dialog's host.
      return dialogs.some((d) => (d.getRootNode() as ShadowRoot).host?.contains(el));
    };
    const controls = all.filter((el) => el.hasAttribute('data-control') && shown(el) && inDialog(el));
    const name = (el: Element) => el.id || el.tagName.toLowerCase();
    const ours = host?.shadowRoot
      ? Array.from(host.shadowRoot.querySelectorAll('.guide-popover[data-placed], .stack > *, .yield-chip')).filter(
          (el) => getComputedStyle(el).visibility === 'visible' && el.getBoundingClientRect().width > 0,
        )
      : [];
    const meets = (a: DOMRect, b: DOMRect) =>
      a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top;
    const problems: string[] = [];
    for (const control of controls) {
      const r = control.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      const topmost = document.elementsFromPoint(x, y)[0];
      if (topmost === host) problems.push(`${name(control)}: our overlay is on top of it`);
      const inItsRoot = (control.getRootNode() as Document | ShadowRoot).elementsFromPoint(x, y)[0];
      if (!inItsRoot || !(inItsRoot === control || control.contains(inItsRoot)))
        problems.push(`${name(control)}: the hit test reaches ${inItsRoot ? name(inItsRoot) : 'nothing'} first`);
      for (const box of ours)
        if (meets(box.getBoundingClientRect(), r)) problems.push(`${name(control)}: covered by our ${box.className}`);
    }
    for (const dialog of dialogs)
      for (const box of ours)
        if (meets(box.getBoundingClientRect(), dialog.getBoundingClientRect()))
          problems.push(`${name(dialog)}: our ${box.className} is over it`);
    return { dialogs: dialogs.map(name), controls: controls.map(name), problems };
  });
}

/** Waits until a page dialog is open and none of it is covered; returns the controls checked. */
async function expectYielded(page: Page, dialog: string, controls: string[]) {
  await expect.poll(() => yieldReport(page)).toEqual({ dialogs: [dialog], controls, problems: [] });
}

/** Every control of the dialog takes a real click (Playwright's actionability checks, no `force`). */
async function expectClickable(page: Page, ids: string[]) {
  for (const id of ids) {
    const control = page.locator(`[id="${id}"]`);
    const tag = await control.evaluate((el) => el.tagName);
    if (tag === 'SELECT') await control.selectOption({ index: 2 });
    else if (tag === 'INPUT') await control.fill('checked');
    // A trial click: every check a real click makes (visible, stable, receives the event at that point).
    else await control.click({ trial: true, timeout: 5000 });
  }
}

/** Before any dialog: the first step's popover beside "Add new key", not on it; "Add new key" hit-testable. */
async function expectFirstStepClear(page: Page) {
  await expect(card(page)).toHaveAttribute('data-guide-mode', 'anchored');
  await expect
    .poll(() =>
      page.evaluate(() => {
        const host = document.querySelector('stactize-companion');
        const shell = document.querySelector('he-shell')?.shadowRoot;
        const add = shell?.getElementById('add-key') ?? document.getElementById('add-key');
        const popover = host?.shadowRoot?.querySelector('.guide-popover[data-placed]');
        if (!add || !popover) return 'not laid out';
        const a = add.getBoundingClientRect();
        const p = popover.getBoundingClientRect();
        if (a.left < p.right && a.right > p.left && a.top < p.bottom && a.bottom > p.top)
          return 'popover on the button';
        const x = a.left + a.width / 2;
        const y = a.top + a.height / 2;
        if (document.elementsFromPoint(x, y)[0] === host) return 'our overlay on top';
        const root = add.getRootNode() as Document | ShadowRoot;
        return root.elementsFromPoint(x, y)[0] === add ? 'clear' : 'not hit-testable';
      }),
    )
    .toBe('clear');
  await page.locator('[id="add-key"]').click({ trial: true, timeout: 5000 });
}

/** After the dialog closed: the step back beside its element, the stack back in its corner. */
async function expectBack(page: Page) {
  await expect(card(page)).toHaveAttribute('data-guide-mode', 'anchored');
  await expect(stack(page)).toHaveAttribute('data-corner', 'bottom-right');
  await expect(stack(page)).not.toHaveAttribute('data-folded', /.*/);
  await expect(overlay(page).locator('.yield-chip')).toHaveCount(0);
}

const DURATION_CONTROLS = ['duration', 'create', 'cancel'];

test.describe('the overlay yields to Partner Center dialogs and drawers', () => {
  for (const viewport of VIEWPORTS) {
    const at = `${viewport.width}×${viewport.height}`;

    for (const kind of ['dialog-modal', 'dialog-show', 'aria-modal', 'shadow-dialog'] as const) {
      test(`${at}: the key-duration dialog (${kind}) stays clear and clickable`, async ({ partnerCenter }) => {
        const page = await partnerCenter.open(APP_URL, durationDialogPage(kind));
        await page.setViewportSize(viewport);
        await expect(overlay(page)).toHaveAttribute('data-page-state', /"applicationPage"/);
        await expectFirstStepClear(page);
        await page.locator('[id="add-key"]').click();
        await expectYielded(page, 'duration-dialog', DURATION_CONTROLS);
        // The step's target is behind a modal dialog: the guide stands aside (docked clear of it, or a chip).
        if (kind !== 'dialog-show') await expect(overlay(page).locator('.guide-popover[data-placed]')).toHaveCount(0);
        await page.screenshot({ path: test.info().outputPath(`yield-${kind}-${at}.png`) });
        await expectClickable(page, DURATION_CONTROLS);
        await page.locator('[id="create"]').click();
        await expectBack(page);
      });
    }

    for (const width of [320, 480, 720]) {
      test(`${at}: a ${width} px right-hand drawer with the application, then the key screen, stays clear`, async ({
        partnerCenter,
      }) => {
        partnerCenter.serve(KEY_URL, freshKey());
        const page = await partnerCenter.open(APP_URL, rightDrawerPage(width));
        await page.setViewportSize(viewport);
        await expect(overlay(page)).toHaveAttribute('data-page-state', /"applicationPage"/);
        const appControls = ['close-x', 'add-key', 'notes', 'save', 'close'];
        await expectYielded(page, 'panel', appControls);
        await expectClickable(page, appControls);
        await page.screenshot({ path: test.info().outputPath(`yield-drawer-${width}-app-${at}.png`) });

        await page.locator('[id="add-key"]').click();
        await expect(overlay(page)).toHaveAttribute('data-page-state', /"keyScreen"/);
        // Read and sealed whether the stack shows or waits folded.
        await expect(overlay(page).locator('.capture .status')).toHaveText(/Secured on this device/);
        const keyControls = ['close-x', 'copy', 'done'];
        await expectYielded(page, 'panel', keyControls);
        await expectClickable(page, keyControls);
        // The docked stack (guide + capture panel) moves to the lower left where it fits, else folds or waits.
        const fitsLeft = viewport.width - width - 4 >= 16 + 360;
        if (fitsLeft) {
          await expect(stack(page)).toHaveAttribute('data-corner', 'bottom-left');
          await expect(overlay(page).getByRole('heading', { name: 'Send this key to Stactize' })).toBeVisible();
        } else await expect(stack(page)).toHaveAttribute('data-folded', 'true');
        await page.screenshot({ path: test.info().outputPath(`yield-drawer-${width}-key-${at}.png`) });

        await page.locator('[id="done"]').click();
        await expect(stack(page)).toHaveAttribute('data-corner', 'bottom-right');
        await expect(stack(page)).not.toHaveAttribute('data-folded', /.*/);
      });
    }

    for (const side of ['left', 'bottom'] as const) {
      test(`${at}: a ${side} drawer stays clear and clickable`, async ({ partnerCenter }) => {
        const page = await partnerCenter.open(APP_URL, sideDrawerPage(side));
        await page.setViewportSize(viewport);
        await expect(overlay(page)).toHaveAttribute('data-page-state', /"applicationPage"/);
        await expectFirstStepClear(page);
        await page.locator('[id="help"]').click();
        const controls = ['search', 'feedback', 'close'];
        await expectYielded(page, 'help-drawer', controls);
        await expectClickable(page, controls);
        if (side === 'bottom') {
          // Both lower corners are under the sheet: the companion folds into a chip above it, which still opens.
          const chip = overlay(page).locator('.yield-chip');
          await expect(chip).toBeVisible();
          await expect(chip).toHaveAttribute('data-corner', /^top-/);
        }
        await page.screenshot({ path: test.info().outputPath(`yield-${side}-drawer-${at}.png`) });
        await page.locator('[id="close"]').click();
        await expectBack(page);
      });
    }
  }

  test('the chip unfolds the companion on request, and it stays unfolded until the dialog closes', async ({
    partnerCenter,
  }) => {
    const page = await partnerCenter.open(APP_URL, sideDrawerPage('bottom'));
    await expectFirstStepClear(page);
    await page.locator('[id="help"]').click();
    const chip = overlay(page).locator('.yield-chip');
    await chip.click();
    await expect(chip).toHaveCount(0);
    await expect(stack(page)).not.toHaveAttribute('data-folded', /.*/);
    await expect(card(page)).toHaveAttribute('data-guide-mode', 'docked');
    await expect(card(page)).toContainText('out of its way');
    // Unfolded on request, the stack may sit on the sheet's Close now: the sheet is closed by its own script.
    await page.locator('[id="close"]').dispatchEvent('click');
    await expectBack(page);
  });
});
