/**
 * "Copy page details for Stactize support" on every Partner Center fixture and on a hostile page: the report
 * names our labels and the shapes of values, and never a value, a name or a sentence of the page.
 *
 * Each page gets a happy-dom Window of its own in which the fixture's inline runtime runs, rather than the
 * happy-dom test environment: under that environment `new URL('.', import.meta.url)` resolves against
 * happy-dom's page, so the fixture files (which read the runtime from disk) cannot load.
 */
import { Window } from 'happy-dom';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FIXTURES, fakeChars, type PartnerCenterFixture, TEST_VALUES as V } from '@/test/fixtures/partner-center';
import { deepElements, findLabels, OWN_UI_TAG } from '@/utils/page-model/dom';
import { LABEL_LOCALES, LABEL_MATCH, type LabelId } from '@/utils/page-model/labels';
import type { KeyScreenReading } from '@/utils/page-model/page-state';
import { readPage } from '@/utils/page-model/pages';
import { describePage, formatReport, type PageReport } from '@/utils/page-model/report';

beforeAll(() => {
  // dom.ts asks `instanceof Element` before it falls back to nodeType; the node environment has no Element.
  vi.stubGlobal('Element', new Window().Element);
});
afterAll(() => {
  vi.unstubAllGlobals();
});

/** A page as the browser would have it once settled: its inline scripts run, its late values arrived. */
async function withPage<T>(url: string, html: string, read: (doc: Document) => T): Promise<T> {
  const window = new Window({
    url,
    settings: {
      // The scripts are this repository's fixture runtime, not foreign code.
      enableJavaScriptEvaluation: true,
      suppressInsecureJavaScriptEnvironmentWarning: true,
      // Values that arrive late (delayMs, in chunks, truncated first) arrive at once, in the order scheduled.
      timer: { maxTimeout: 1 },
    },
  });
  try {
    window.document.write(html);
    await window.happyDOM.waitUntilComplete();
    return read(window.document as unknown as Document);
  } finally {
    // abort, not close: closing runs every component's disconnectedCallback, which some libraries fail in happy-dom.
    await window.happyDOM.abort();
  }
}

const SECRETS = [
  V.tenantId,
  V.otherTenantId,
  V.thirdTenantId,
  V.clientId,
  V.otherClientId,
  V.unrelatedGuid,
  ...Object.values(V.keys),
];
const ANY_GUID = /[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}/i;
const ANY_DATE = /\d{1,4}\s*[./-]\s*\d{1,2}\s*[./-]\s*\d{1,4}|\d{4}\s*年|\b\d{1,2},? \d{4}\b/;
// Names and words of the fixtures' accounts: the app, tenants, users, domains.
const NAMES = ['Stactize Connector', 'Contoso', 'Fabrikam', 'Northwind', 'Avery', 'Eloper', 'onmicrosoft', 'localhost'];

function expectNothingOfThePage(text: string, sentences: string[], context: string): void {
  const lower = text.toLowerCase();
  expect(text, context).not.toMatch(ANY_GUID);
  expect(text, context).not.toMatch(/[78]Q~/i);
  expect(text, context).not.toMatch(ANY_DATE);
  expect(text, context).not.toContain('@');
  for (const secret of SECRETS) expect(lower, context).not.toContain(secret.toLowerCase());
  for (const name of NAMES) expect(lower, context).not.toContain(name.toLowerCase());
  // No sentence of the page either: every text of more than one word, in any shadow root.
  for (const sentence of sentences) expect(lower, context).not.toContain(sentence.toLowerCase());
}

function sentencesOf(doc: Document): string[] {
  return deepElements(doc)
    .flatMap((el) => Array.from(el.childNodes))
    .filter((node) => node.nodeType === 3)
    .map((node) => (node.nodeValue ?? '').replace(/\s+/g, ' ').trim())
    .filter((text) => /\S \S/.test(text));
}

/**
 * The labels a page in a language of the label table must name once the page model recognises it as the kind the
 * fixture is: key screens their Client ID and Key, application pages their IDs and the keys table's dates.
 */
function labelsOfKind(fixture: PartnerCenterFixture, kind: string | undefined, lang: string): LabelId[] {
  const expected = fixture.expected;
  const known = LABEL_LOCALES.some((locale) => locale.split('-')[0] === lang.split('-')[0]);
  if (!known || !('kind' in expected) || expected.kind !== kind) return [];
  if (expected.kind === 'keyScreen' && expected.clientId) return ['clientId', 'key'];
  if (expected.kind === 'applicationPage') return ['clientId', 'tenantId', 'created', 'expires'];
  return [];
}

const KEY_TOKEN = { current: 'KEY40', previous: 'KEY37', legacy34: 'KEY34', legacy32: 'KEY32' } as const;
const LABEL_IDS = Object.keys(LABEL_MATCH) as LabelId[];
const labelled = (id: LabelId) => new RegExp(`label=(?:\\w+,)*${id}(?:,|\\s|$)`, 'm');

interface FixtureResult {
  text: string;
  reading: ReturnType<typeof readPage>;
  sentences: string[];
  /** Every label the page model finds on the page. */
  found: LabelId[];
  byKind: LabelId[];
}

function readFixture(fixture: PartnerCenterFixture): Promise<FixtureResult> {
  return withPage(fixture.url, fixture.html(), (doc) => {
    const reading = readPage(doc, fixture.url);
    return {
      text: formatReport(describePage(doc, fixture.url)),
      reading,
      sentences: sentencesOf(doc),
      found: LABEL_IDS.filter((id) => findLabels(doc, id).length > 0),
      byKind: labelsOfKind(fixture, reading?.kind, doc.documentElement.getAttribute('lang') ?? ''),
    };
  });
}

describe('the support report on every fixture', () => {
  const results = new Map<string, FixtureResult>();
  beforeAll(async () => {
    for (const fixture of FIXTURES) results.set(fixture.name, await readFixture(fixture));
  }, 60_000);

  for (const fixture of FIXTURES) {
    it(fixture.name, () => {
      const { text, reading, sentences, found, byKind } = results.get(fixture.name) as FixtureResult;
      expect(text).toContain(`page kind: ${reading?.kind ?? 'none'}`);
      // Every label the page model finds is named, by our id.
      for (const id of [...found, ...byKind]) expect(text, id).toMatch(labelled(id));
      // The key the page model sees is reported by its shape.
      const key = reading?.kind === 'keyScreen' ? (reading as KeyScreenReading).candidate : null;
      if (key) expect(text).toMatch(new RegExp(`value=${KEY_TOKEN[key.shape]}\\b`));
      // describePage alone keeps values out; the guard in formatReport never had to step in.
      expect(text).not.toContain('withheld');
      expect(text.split('\n').length).toBeLessThanOrEqual(400);
      expectNothingOfThePage(text, sentences, fixture.name);
    });
  }

  it('names the labels of their kind on the key screens and application pages of every known language', () => {
    const checked = [...results.values()].filter((result) => result.byKind.length > 0);
    expect(checked.length).toBeGreaterThanOrEqual(15);
  });
});

describe('a page that tries to smuggle values into the report', () => {
  const KEY = V.keys.current;
  const LEGACY = V.keys.legacy34;
  const GUID = V.clientId;
  const url =
    `https://partner.microsoft.com/en-us/dashboard/account/v3/usermanagement/${GUID}/Stactize%20Connector/2025-01-15` +
    `?tenant=${V.tenantId}&${KEY}=1&avery%40contoso.com=x#apps/${GUID}/${encodeURIComponent(KEY)}?id=${GUID}&${LEGACY}`;
  const html = `<!doctype html><html lang="en-${GUID}"><body>
    <x-${GUID} role="${GUID}" data-l10n-key="${KEY}" aria-label="Client ID" title="${GUID}">${GUID}</x-${GUID}>
    <x-8q-${fakeChars(34, 1).toLowerCase()}>Stactize Connector</x-8q-${fakeChars(34, 1).toLowerCase()}>
    <x-${KEY}></x-${KEY}>
    <${LEGACY.toLowerCase().replace(/^[^a-z]+/, 'a')}>x</${LEGACY.toLowerCase().replace(/^[^a-z]+/, 'a')}>
    <he-field_${V.tenantId.replaceAll('-', '_')} data-l10n-key="${LEGACY}"><span>Key</span><code>${KEY}</code></he-field_${V.tenantId.replaceAll('-', '_')}>
    <he-x-2025-01-15 role="alert ${V.tenantId}" data-l10n-key="${V.tenantId}">Client ID: ${GUID}</he-x-2025-01-15>
    <div role="row" data-l10n-key="Key.${GUID}"><span>Expires 1/15/2027 for avery@contoso.onmicrosoft.com</span></div>
    <input type="password" value="Stactize Connector 2025-01-15">
    <input readonly value="${LEGACY}" data-l10n-key="2025-01-15">
    <button data-l10n-key="avery@contoso.onmicrosoft.com">Add new key</button>
    <he-host id="host"></he-host>
    <${OWN_UI_TAG} id="own"></${OWN_UI_TAG}>
    <script>
      document.getElementById('host').attachShadow({ mode: 'open' }).innerHTML =
        '<label for="k">Key</label><input id="k" readonly value="${KEY}"><span role="gridcell">${V.tenantId}</span>';
      document.getElementById('own').attachShadow({ mode: 'open' }).innerHTML =
        '<pre data-l10n-key="OurOwnOverlay">${GUID}</pre>';
    </script>
  </body></html>`;

  it('reports their shapes, our label ids and sanitised names, and nothing of theirs', async () => {
    const { text, sentences } = await withPage(url, html, (page) => ({
      text: formatReport(describePage(page, url)),
      sentences: sentencesOf(page),
    }));
    expect(sentences).toContain('Stactize Connector');
    expectNothingOfThePage(text, sentences, 'hostile');
    expect(text).not.toContain('withheld');
    // What support still learns: where the values sit, and of what shape.
    expect(text).toContain('path: /en-us/dashboard/account/v3/usermanagement/{GUID}/{TEXT(18)}/{DATE}');
    expect(text).toContain('hash: #apps/{GUID}/{KEY40}?id&{KEY34}');
    expect(text).toContain('query: tenant {KEY40} {EMAIL}');
    expect(text).toContain('lang: other');
    expect(text).toMatch(/x-\*-aaaa-\*-\*-\* role=other label=clientId value=GUID l10n=\{KEY40\}/);
    expect(text).toMatch(/he-field l10n=\{KEY34\}/);
    expect(text).toMatch(/he-x-\*-\*-\* role=alert label=clientId value=TEXT\(\d+\)\+GUID l10n=\{GUID\}/);
    expect(text).toMatch(/role=row l10n=\{TEXT\(40\)\+GUID\}/);
    expect(text).toMatch(/input value=MASKED password/);
    expect(text).toMatch(/input value=KEY34 l10n=\{DATE\} readonly/);
    expect(text).toMatch(/button label=addNewKey value=TEXT\(11\) l10n=\{EMAIL\}/);
    expect(text).toMatch(/input value=KEY40 readonly/);
    // Our own overlay is never described (it may repeat the page's words).
    expect(text).not.toContain('OurOwnOverlay');
    expect(text).not.toContain(OWN_UI_TAG);
  });

  it('bounds its size and counts what it leaves out', async () => {
    const many = `<!doctype html><html lang="en"><body>${'<button>Copy</button>'.repeat(1000)}</body></html>`;
    const text = await withPage(url, many, (page) => formatReport(describePage(page, url)));
    expect(text.split('\n').length).toBeLessThanOrEqual(400);
    expect(text).toMatch(/\(620 more elements not listed\)/);
  });
});

describe('the last guard', () => {
  const base: PageReport = {
    partnerCenter: true,
    kind: 'keyScreen',
    path: '/dashboard',
    hash: '',
    query: [],
    lang: 'en',
    elements: 1,
    shadowRoots: 0,
    listed: [],
    unlisted: 0,
  };
  const element = { depth: 1, shadow: 0, tag: 'div', role: null, labels: [], value: null, l10n: null, flags: [] };

  it('withholds every line that would carry a GUID, a key, a date or an email, whatever put it there', () => {
    const text = formatReport({
      ...base,
      path: `/dashboard/${V.clientId}`,
      query: [V.keys.legacy32],
      lang: '2025-01-15',
      listed: [
        { ...element, tag: V.keys.current },
        { ...element, value: 'avery@contoso.onmicrosoft.com' },
        { ...element, l10n: V.tenantId.replaceAll('-', '') },
        { ...element, tag: `x-${V.keys.another.toLowerCase()}` },
        { ...element, tag: 'span', value: 'TEXT(3)' },
      ],
    });
    expectNothingOfThePage(text, [], 'guard');
    expect(text.match(/\[line withheld\]/g)).toHaveLength(7);
    expect(text).toContain('(7 lines withheld: they looked like a value)');
    expect(text).toContain('span value=TEXT(3)');
  });
});
