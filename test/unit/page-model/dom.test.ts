// @vitest-environment happy-dom
/** Shadow-piercing queries and the ways a value can sit beside its label. */
import { beforeEach, describe, expect, it } from 'vitest';
import { TEST_VALUES as V } from '@/test/fixtures/partner-center/values';
import {
  deepElements,
  deepQuerySelectorAll,
  deepShadowRoots,
  deepText,
  findLabels,
  OWN_UI_TAG,
  shownValue,
  valuesNear,
} from '@/utils/page-model/dom';
import type { LabelId } from '@/utils/page-model/labels';
import { mountDeep, shadowHost } from './helpers';

const valueFor = (id: LabelId) =>
  findLabels(document, id)
    .flatMap((label) => valuesNear(label))
    .map((c) => c.text.trim())
    .find((text) => text.includes(V.clientId) || text === V.keys.current);

describe('deep queries', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('finds elements and text inside open shadow roots nested three and five deep', () => {
    for (const depth of [3, 5]) {
      const root = mountDeep('<he-data-grid></he-data-grid><p>deep text</p>', depth);
      const grid = root.querySelector('he-data-grid') as HTMLElement;
      grid.attachShadow({ mode: 'open' }).innerHTML = `<table><tr><td class="cell">${V.clientId}</td></tr></table>`;
      expect(document.querySelectorAll('td')).toHaveLength(0);
      expect(deepQuerySelectorAll(document, 'td.cell')).toHaveLength(1);
      expect(deepShadowRoots(document)).toHaveLength(depth + 1);
      expect(deepText(document)).toContain('deep text');
      expect(deepText(document)).toContain(V.clientId);
    }
  });

  it('keeps document order: a shadow root before the host light children', () => {
    const host = shadowHost('he-card', '<h2>shadow</h2><slot></slot>', '<p>light</p>');
    document.body.append(host);
    expect(deepElements(document.body).map((el) => el.tagName.toLowerCase())).toEqual(['he-card', 'h2', 'slot', 'p']);
  });

  it('never reads our own overlay', () => {
    const own = shadowHost(OWN_UI_TAG, '<p>Client ID</p>');
    document.body.append(own);
    expect(deepQuerySelectorAll(document, 'p')).toHaveLength(0);
    expect(findLabels(document, 'clientId')).toHaveLength(0);
  });
});

describe('reading the value beside a label', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('reads plain text in a neighbouring box', () => {
    mountDeep(`<div><div><span>Client ID</span></div><div><span>${V.clientId}</span></div></div>`);
    expect(valueFor('clientId')).toBe(V.clientId);
  });

  it('reads a readonly input by its value property (no attribute)', () => {
    const root = mountDeep('<div><span>Key</span><input readonly></div>');
    (root.querySelector('input') as HTMLInputElement).value = V.keys.current;
    expect(valueFor('key')).toBe(V.keys.current);
  });

  it('reads a code element', () => {
    mountDeep(`<p>Key</p><code>${V.keys.current}</code>`);
    expect(valueFor('key')).toBe(V.keys.current);
  });

  it('reads the table cell next to a row header and below a column header', () => {
    mountDeep(`<table><tr><th>Client ID</th><td>${V.clientId}</td></tr></table>`);
    expect(valueFor('clientId')).toBe(V.clientId);
    mountDeep(
      `<table><thead><tr><th>Key</th><th>Client ID</th></tr></thead><tbody><tr><td>${V.keys.current}</td><td>${V.clientId}</td></tr></tbody></table>`,
    );
    expect(valueFor('clientId')).toBe(V.clientId);
    expect(valueFor('key')).toBe(V.keys.current);
  });

  it('reads ARIA grid cells', () => {
    mountDeep(
      `<div role="grid"><div role="row"><div role="rowheader">Client ID</div><div role="gridcell">${V.clientId}</div></div></div>`,
    );
    expect(valueFor('clientId')).toBe(V.clientId);
  });

  it('reads definition lists', () => {
    mountDeep(`<dl><dt>Tenant ID</dt><dd>${V.tenantId}</dd><dt>Client ID</dt><dd>${V.clientId}</dd></dl>`);
    expect(valueFor('clientId')).toBe(V.clientId);
  });

  it('reads label[for] + input and a wrapping label', () => {
    const root = mountDeep('<label for="k">Key</label><div><input id="k" readonly></div>');
    (root.getElementById('k') as HTMLInputElement).value = V.keys.current;
    expect(valueFor('key')).toBe(V.keys.current);
    const wrapped = mountDeep('<label>Key <input readonly></label>');
    (wrapped.querySelector('input') as HTMLInputElement).value = V.keys.current;
    expect(valueFor('key')).toBe(V.keys.current);
  });

  it('reads aria-labelledby', () => {
    const root = mountDeep(
      '<span id="lbl">Key</span><section><div><input aria-labelledby="lbl" readonly></div></section>',
    );
    (root.querySelector('input') as HTMLInputElement).value = V.keys.current;
    expect(
      findLabels(document, 'key')
        .flatMap(valuesNear)
        .some((c) => c.text === V.keys.current),
    ).toBe(true);
  });

  it('reads a component labelled by attribute whose input lives in its own shadow root', () => {
    const root = mountDeep('<he-text-field label="Key"></he-text-field>');
    const field = root.querySelector('he-text-field') as HTMLElement;
    field.attachShadow({ mode: 'open' }).innerHTML = '<input readonly>';
    (field.shadowRoot?.querySelector('input') as HTMLInputElement).value = V.keys.current;
    expect(shownValue(field)).toBe(V.keys.current);
    expect(valueFor('key')).toBe(V.keys.current);
  });

  it('reads "Label: value" in one text node and "Label: <span>value</span>"', () => {
    mountDeep(`<p>Client ID: ${V.clientId}</p>`);
    expect(valueFor('clientId')).toContain(V.clientId);
    mountDeep(`<p>Client ID: <span>${V.clientId}</span></p>`);
    expect(valueFor('clientId')).toContain(V.clientId);
  });

  it('finds only innermost, whole-text labels, not words in sentences', () => {
    mountDeep('<div><p>Copy the Client ID and Key from the next screen.</p><h3>Client ID</h3></div>');
    const labels = findLabels(document, 'clientId');
    expect(labels).toHaveLength(1);
    expect(labels[0]?.el.tagName).toBe('H3');
  });
});
