/** The fixture index: every fixture is standalone, served at a real Partner Center URL, and covers the brief. */
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '@/test/fixtures/partner-center';
import { pageKindOfUrl } from '@/utils/page-model/pages';

describe('Partner Center fixtures', () => {
  it('have unique names and build standalone HTML with the runtime (or a library bundle, or their own script)', () => {
    expect(new Set(FIXTURES.map((f) => f.name)).size).toBe(FIXTURES.length);
    for (const fixture of FIXTURES) {
      const html = fixture.html();
      if (fixture.name.startsWith('shape-')) {
        // Hand-written pages (shapes.ts): their own few components, none of the runtime's.
        expect(html, fixture.name).toMatch(/customElements\.define\(/);
        expect(html, fixture.name).not.toContain('window.__PC_FIXTURE__');
      } else expect(html, fixture.name).toContain('window.__PC_FIXTURE__');
      if (fixture.name.startsWith('shape-')) {
        // checked above
      } else if (fixture.name.startsWith('library-')) {
        // Built from a real component library: its esbuild bundle registers the components, not the runtime.
        expect(html, fixture.name).toMatch(/<script data-bundle="[\w-]+\.ts">/);
        expect(html, fixture.name).toMatch(/customElements\.define\(/);
        // …under Harmony-like names: Shoelace classes defined as he-…, FAST and Fluent through the prefix.
        expect(html, fixture.name).toMatch(/"he-(?!shell")[\w-]+"|\.withPrefix\("he"\)/);
        expect(html, fixture.name).not.toContain('customElements.define(name, cls)');
      } else expect(html, fixture.name).toContain('customElements.define(name, cls)');
      expect(html, fixture.name).not.toMatch(/<!--PC_(RUNTIME|CONFIG)-->/);
      // No external resources: nothing loaded from anywhere.
      expect(html, fixture.name).not.toMatch(/<(script|link|img|iframe)[^>]+(src|href)=/i);
      expect(html, fixture.name).not.toMatch(/@import|url\(http/i);
    }
  });

  it('include pages built from Shoelace, FAST and Fluent, and a key only a user can read (to paste)', () => {
    const library = FIXTURES.filter((f) => f.name.startsWith('library-'));
    for (const family of ['shoelace', 'fast', 'fluent'])
      expect(library.some((f) => f.name.includes(family))).toBe(true);
    const pasted = FIXTURES.filter((f) => f.pasteKey !== undefined);
    expect(library.some((f) => f.pasteKey !== undefined)).toBe(true);
    for (const fixture of pasted) expect(fixture.negative, fixture.name).toBe(true);
    // The library's unreadable key is in no text of its page, not even the page's config.
    for (const fixture of library.filter((f) => f.pasteKey !== undefined))
      expect(fixture.html(), fixture.name).not.toContain(fixture.pasteKey);
  });

  it('are served at real Partner Center URLs, except the lookalike, which expects no action', () => {
    for (const fixture of FIXTURES) {
      const onPartnerCenter = pageKindOfUrl(fixture.url) !== null;
      expect(onPartnerCenter, fixture.name).toBe(!('negative' in fixture.expected));
      if (!('negative' in fixture.expected) && fixture.expected.keyPresent) expect(fixture.negative).toBe(false);
    }
  });

  it('cover five locales, every key shape, the flow, mismatch, tenants, unauthorized and negatives', () => {
    const urls = FIXTURES.map((f) => f.url).join(' ');
    for (const locale of ['/de-de/', '/es-es/', '/fr-fr/', '/ja-jp/']) expect(urls).toContain(locale);
    const expected = FIXTURES.flatMap((f) => [f.expected, ...(f.flow ?? []).map((s) => s.expected)]);
    const shapes = new Set(expected.map((e) => ('keyShape' in e ? e.keyShape : null)));
    for (const shape of ['current', 'previous', 'legacy32', 'legacy34']) expect(shapes).toContain(shape);
    const kinds = new Set(expected.map((e) => ('kind' in e ? e.kind : 'none')));
    for (const kind of ['dashboard', 'tenants', 'userManagement', 'applicationPage', 'keyScreen', 'unauthorized'])
      expect(kinds).toContain(kind);
    expect(expected.some((e) => 'clientIdMismatch' in e && e.clientIdMismatch)).toBe(true);
    const views = new Set(expected.map((e) => ('view' in e ? e.view : null)));
    for (const view of ['list', 'create', 'associate', 'allSet', 'addApplication']) expect(views).toContain(view);
    expect(FIXTURES.filter((f) => f.negative).length).toBeGreaterThanOrEqual(6);
    expect(FIXTURES.some((f) => f.settlesWithinMs >= 3000)).toBe(true);
  });
});
