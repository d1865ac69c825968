// @vitest-environment happy-dom
/**
 * Partner Center's open dialogs and drawers as the overlay sees them: which are open, where (clipped to the
 * viewport), modal or not, and whether the guide's target sits inside; through shadow roots, our own host never
 * read; and the watch that says when that changes.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openPageOverlays, watchPageOverlays } from '@/utils/page-model/overlays';
import { shadowHost } from './helpers';

function place(el: Element, x: number, y: number, width: number, height: number): void {
  (el as HTMLElement).getBoundingClientRect = () =>
    ({ x, y, width, height, left: x, top: y, right: x + width, bottom: y + height, toJSON: () => ({}) }) as DOMRect;
}

const VW = window.innerWidth;
const VH = window.innerHeight;

describe('openPageOverlays', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('lists an open <dialog> and a role=dialog box with their rectangles, not closed or hidden ones', () => {
    document.body.innerHTML = `
      <dialog open id="a"><button>Create</button></dialog>
      <dialog id="closed"></dialog>
      <div role="dialog" aria-modal="true" id="b"><button>OK</button></div>
      <div role="dialog" hidden id="hidden"></div>
      <div role="alertdialog" id="empty"></div>`;
    place(document.getElementById('a') as Element, 100, 100, 400, 200);
    place(document.getElementById('b') as Element, 600, 50, 300, 100);
    place(document.getElementById('closed') as Element, 0, 0, 100, 100);
    place(document.getElementById('hidden') as Element, 0, 0, 100, 100);
    // #empty has no size: nothing on screen.
    expect(openPageOverlays(document)).toEqual([
      { rect: { x: 100, y: 100, width: 400, height: 200 }, modal: false, holdsTarget: false },
      { rect: { x: 600, y: 50, width: 300, height: 100 }, modal: true, holdsTarget: false },
    ]);
  });

  it('clips to the viewport and leaves out what is off screen (a drawer slid out)', () => {
    document.body.innerHTML = '<div role="dialog" id="in"></div><div role="dialog" id="out"></div>';
    place(document.getElementById('in') as Element, VW - 200, -10, 400, VH + 20);
    place(document.getElementById('out') as Element, VW + 10, 0, 300, VH);
    expect(openPageOverlays(document).map((o) => o.rect)).toEqual([{ x: VW - 200, y: 0, width: 200, height: VH }]);
  });

  it('reads dialogs inside open shadow roots, and a drawer component with its panel as one overlay', () => {
    const shell = shadowHost(
      'he-shell',
      '<main><button id="add">Add new key</button></main><he-fly-in-panel_pc open id="drawer"></he-fly-in-panel_pc>',
    );
    document.body.append(shell);
    const root = shell.shadowRoot as ShadowRoot;
    const drawer = root.getElementById('drawer') as HTMLElement;
    // The component is a full-viewport layer; the panel it draws is where the controls are.
    const panel = drawer.attachShadow({ mode: 'open' });
    panel.innerHTML = '<div role="dialog" aria-modal="true" id="panel"><button id="save">Save</button></div>';
    place(drawer, 0, 0, VW, VH);
    place(panel.getElementById('panel') as Element, VW - 480, 0, 480, VH);
    const save = panel.getElementById('save');
    expect(openPageOverlays(document, save)).toEqual([
      { rect: { x: VW - 480, y: 0, width: 480, height: VH }, modal: true, holdsTarget: true },
    ]);
    expect(openPageOverlays(document, root.getElementById('add'))[0]?.holdsTarget).toBe(false);
  });

  it('does not take a shell that renders a dialog in its shadow root for a dialog around the whole page', () => {
    const shell = shadowHost(
      'he-shell',
      '<main><button id="add">Add new key</button></main><div role="dialog" id="d"><button>OK</button></div>',
    );
    document.body.append(shell);
    const root = shell.shadowRoot as ShadowRoot;
    place(shell, 0, 0, VW, VH);
    place(root.getElementById('d') as Element, 300, 200, 400, 200);
    expect(openPageOverlays(document, root.getElementById('add'))).toEqual([
      { rect: { x: 300, y: 200, width: 400, height: 200 }, modal: false, holdsTarget: false },
    ]);
  });

  it('takes a component by its name only when it floats over the page (a drawer, not an open accordion panel)', () => {
    document.body.innerHTML = `
      <he-expansion-panel open id="accordion"><button>Details</button></he-expansion-panel>
      <he-fly-in-panel open id="drawer" style="position: fixed"><button>Save</button></he-fly-in-panel>`;
    place(document.getElementById('accordion') as Element, 0, 100, 600, 300);
    place(document.getElementById('drawer') as Element, VW - 320, 0, 320, VH);
    expect(openPageOverlays(document).map((o) => o.rect)).toEqual([{ x: VW - 320, y: 0, width: 320, height: VH }]);
  });

  it('never looks into our own overlay', () => {
    const own = shadowHost('stactize-companion', '<div role="dialog" id="ours"></div>');
    document.body.append(own);
    place((own.shadowRoot as ShadowRoot).getElementById('ours') as Element, 10, 10, 300, 300);
    expect(openPageOverlays(document)).toEqual([]);
  });
});

describe('watchPageOverlays', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('says when a dialog opens and closes (a frame later at most), and stops when asked', async () => {
    document.body.innerHTML = '<div role="dialog" id="d" hidden><button>OK</button></div>';
    const dialog = document.getElementById('d') as HTMLElement;
    place(dialog, 200, 100, 300, 200);
    const onChange = vi.fn();
    const watch = watchPageOverlays({ target: () => null, onChange });
    expect(watch.read()).toEqual([]);

    dialog.hidden = false;
    await vi.waitFor(() => expect(onChange).toHaveBeenLastCalledWith([expect.objectContaining({ modal: false })]));
    dialog.hidden = true;
    await vi.waitFor(() => expect(onChange).toHaveBeenLastCalledWith([]));

    watch.stop();
    const calls = onChange.mock.calls.length;
    dialog.hidden = false;
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(onChange).toHaveBeenCalledTimes(calls);
  });

  it('notices a dialog inside a shadow root that appeared after the watch started', async () => {
    const onChange = vi.fn();
    const watch = watchPageOverlays({ target: () => null, onChange });
    watch.read();
    const host = shadowHost('he-page', '<p>Loading</p>');
    document.body.append(host);
    // The mutation is delivered; the next read walks the page again and starts observing the new shadow root.
    await Promise.resolve();
    expect(watch.read()).toEqual([]);
    const inner = document.createElement('div');
    inner.setAttribute('role', 'dialog');
    place(inner, 10, 10, 200, 100);
    (host.shadowRoot as ShadowRoot).append(inner);
    await vi.waitFor(() =>
      expect(onChange).toHaveBeenLastCalledWith([
        expect.objectContaining({ rect: { x: 10, y: 10, width: 200, height: 100 } }),
      ]),
    );
    watch.stop();
  });
});
