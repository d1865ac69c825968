// @vitest-environment happy-dom
/**
 * The key screen in the forms real component libraries give it (labels as properties, slotted label text,
 * labels inside the component's shadow root, values held only as properties, suffixed tag names), its expiry in
 * every form, its recognition by more than its values, and the key by its shape alone in an unknown language.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { TEST_VALUES as V } from '@/test/fixtures/partner-center/values';
import type { KeyScreenReading, PageReading } from '@/utils/page-model/page-state';
import { type ReadHints, readPage } from '@/utils/page-model/pages';
import { mountDeep, setUrl, UM_APPS } from './helpers';

const KEY_URL = `${UM_APPS}/${V.clientId}/keys/new`;
const WARNING =
  "<div role='alert'>Be sure to print or copy this info, as you won't be able to access it again after you leave this page.</div>";

const read = (url = UM_APPS, hints?: ReadHints): PageReading | null => {
  setUrl(url);
  return readPage(document, window.location.href, hints);
};
const readKeyScreen = (url = UM_APPS, hints?: ReadHints) => {
  const reading = read(url, hints);
  expect(reading?.kind).toBe('keyScreen');
  return reading as KeyScreenReading;
};

/** A text field as FAST and Fluent render it: slotted label text, `<label for=control><slot>` and an input. */
class SlottedTextField extends HTMLElement {
  readonly #input: HTMLInputElement;
  constructor() {
    super();
    const shadow = this.attachShadow({ mode: 'open' });
    shadow.innerHTML =
      '<label part="label" for="control"><slot></slot></label><div class="root"><input id="control" readonly></div>';
    this.#input = shadow.querySelector('input') as HTMLInputElement;
  }
  get value() {
    return this.#input.value;
  }
  set value(v: string) {
    this.#input.value = v;
  }
}

/** A text field as Shoelace renders it: its label a property, drawn inside its shadow root next to the input. */
class PropertyLabelledField extends HTMLElement {
  #label = '';
  readonly #shadow: ShadowRoot;
  constructor() {
    super();
    this.#shadow = this.attachShadow({ mode: 'open' });
    this.#shadow.innerHTML =
      '<div part="form-control"><label part="form-control-label" for="input"></label><input id="input" readonly></div>';
  }
  get label() {
    return this.#label;
  }
  set label(v: string) {
    this.#label = v;
    (this.#shadow.querySelector('label') as HTMLLabelElement).textContent = v;
  }
  get value() {
    return (this.#shadow.querySelector('input') as HTMLInputElement).value;
  }
  set value(v: string) {
    (this.#shadow.querySelector('input') as HTMLInputElement).value = v;
  }
}

for (const tag of ['he-text-field', 'he-text-field_pc', 'fast-text-field']) {
  if (!customElements.get(tag)) customElements.define(tag, class extends SlottedTextField {});
}
for (const tag of ['he-input', 'he-input_ca']) {
  if (!customElements.get(tag)) customElements.define(tag, class extends PropertyLabelledField {});
}

function setValues(root: ShadowRoot, values: Record<string, string>) {
  for (const [id, value] of Object.entries(values))
    (root.getElementById(id) as unknown as { value: string }).value = value;
}

beforeEach(() => {
  document.body.innerHTML = '';
  document.documentElement.removeAttribute('lang');
});

describe('values held by components', () => {
  for (const tag of ['he-text-field', 'he-text-field_pc', 'fast-text-field']) {
    it(`reads <${tag}> whose slotted text is its label and whose value is a property only`, () => {
      const root = mountDeep(`${WARNING}
        <${tag} id="c" readonly>Client ID</${tag}>
        <${tag} id="k" readonly>Key</${tag}>`);
      setValues(root, { c: V.clientId, k: V.keys.current });
      const reading = readKeyScreen();
      expect(reading.clientId).toBe(V.clientId);
      expect(reading.candidate?.reveal()).toBe(V.keys.current);
    });
  }

  for (const tag of ['he-input', 'he-input_ca']) {
    it(`reads <${tag}> labelled by a property (no attribute), its label drawn in its shadow root`, () => {
      const root = mountDeep(
        `${WARNING}<${tag} id="c"></${tag}><${tag} id="k"></${tag}><button>Add another key</button>`,
      );
      for (const [id, label] of [
        ['c', 'Client ID'],
        ['k', 'Key'],
      ] as const)
        (root.getElementById(id) as unknown as { label: string }).label = label;
      setValues(root, { c: V.clientId, k: V.keys.current });
      const reading = readKeyScreen();
      expect(reading.clientId).toBe(V.clientId);
      expect(reading.candidate?.reveal()).toBe(V.keys.current);
    });
  }

  it('reads a plain element with the same role and label alike (tag names are not trusted)', () => {
    const root = mountDeep(`${WARNING}
      <div role="textbox" aria-label="Client ID" aria-readonly="true">${V.clientId}</div>
      <div role="textbox" aria-label="Key" aria-readonly="true">${V.keys.current}</div>`);
    expect(root.children.length).toBeGreaterThan(0);
    expect(readKeyScreen().candidate?.reveal()).toBe(V.keys.current);
  });

  it('reads values written after their label with no colon, and in "Label: <span>value</span>"', () => {
    mountDeep(`${WARNING}<p>Client ID <b>${V.clientId}</b></p><p>Key: <code>${V.keys.current}</code></p>`);
    const reading = readKeyScreen();
    expect(reading.clientId).toBe(V.clientId);
    expect(reading.candidate?.reveal()).toBe(V.keys.current);
  });
});

describe('a Key label whose value is not beside it', () => {
  it('takes the one current-shape readonly value on the screen, and none when there are two', () => {
    mountDeep(
      `${WARNING}<h2>Key</h2><dl><dt>Client ID</dt><dd>${V.clientId}</dd></dl><footer><code>${V.keys.current}</code></footer>`,
    );
    expect(readKeyScreen().candidate?.reveal()).toBe(V.keys.current);
    mountDeep(
      `${WARNING}<h2>Key</h2><dl><dt>Client ID</dt><dd>${V.clientId}</dd></dl><footer><code>${V.keys.current}</code><code>${V.keys.another}</code></footer>`,
    );
    expect(readKeyScreen().candidate).toBeNull();
  });
});

describe('the expiry, in every form', () => {
  const screen = (expiry: string, url = UM_APPS) => {
    mountDeep(
      `${WARNING}<dl><dt>Client ID</dt><dd>${V.clientId}</dd><dt>Key</dt><dd>${V.keys.current}</dd></dl>${expiry}`,
    );
    return readKeyScreen(url).keyExpiresAt;
  };

  it('inline with its label and no colon', () => {
    expect(screen('<p>Expires 1/15/2027</p>')).toBe('2027-01-15');
    expect(screen('<p>Expires on <span>January 15, 2027</span></p>')).toBe('2027-01-15');
  });

  it('under another German label than the keys table uses, in the German date order', () => {
    const url = 'https://partner.microsoft.com/de-de/dashboard/account/v3/usermanagement#apps';
    expect(screen('<p>Gültig bis 02.03.2027</p>', url)).toBe('2027-03-02');
    expect(screen('<div><span>Ablaufdatum</span><span>02.03.2027</span></div>', url)).toBe('2027-03-02');
  });

  it('as a <time datetime> inside a sentence', () => {
    expect(screen('<p>This key expires on <time datetime="2027-01-15">15 January 2027</time>.</p>')).toBe('2027-01-15');
  });

  it('in a sentence with the date written out, but not from a sentence about when it was created', () => {
    expect(screen('<p>The key expires on 1/15/2027 at midnight.</p>')).toBe('2027-01-15');
    expect(screen('<p>Created on 1/15/2025.</p>')).toBeNull();
  });

  it('from the drawer the key screen opened in, never from the old keys listed behind it', () => {
    mountDeep(`<h1>Stactize Connector</h1>
      <dl><dt>Tenant ID</dt><dd>${V.tenantId}</dd><dt>Client ID</dt><dd>${V.clientId}</dd></dl>
      <table><thead><tr><th>Created</th><th>Expires</th><th>Key</th></tr></thead>
      <tbody><tr><td>1/15/2025</td><td>1/15/2026</td><td>••••••••</td></tr></tbody></table>
      <button>Add new key</button>
      <he-fly-in-panel_pc open heading="New key">${WARNING}
        <dl><dt>Client ID</dt><dd>${V.clientId}</dd><dt>Key</dt><dd>${V.keys.current}</dd></dl>
        <p>This key expires on <time datetime="2027-06-30">June 30, 2027</time>.</p></he-fly-in-panel_pc>`);
    const reading = readKeyScreen();
    expect(reading.candidate?.reveal()).toBe(V.keys.current);
    expect(reading.keyExpiresAt).toBe('2027-06-30');
  });

  it('is null rather than an old key’s date when the key screen shows none', () => {
    mountDeep(`<dl><dt>Client ID</dt><dd>${V.clientId}</dd></dl>
      <table><thead><tr><th>Created</th><th>Expires</th><th>Key</th></tr></thead>
      <tbody><tr><td>1/15/2025</td><td>1/15/2026</td><td>••••••••</td></tr></tbody></table>
      <he-dialog open>${WARNING}<dl><dt>Client ID</dt><dd>${V.clientId}</dd><dt>Key</dt><dd>${V.keys.current}</dd></dl></he-dialog>`);
    expect(readKeyScreen().keyExpiresAt).toBeNull();
  });
});

describe('recognised by more than its values', () => {
  it('by the warning with one label, even when the key cannot be read', () => {
    mountDeep(`${WARNING}<p>Key</p><canvas></canvas>`);
    const reading = readKeyScreen();
    expect(reading.candidate).toBeNull();
    expect(reading.rejected).toBeNull();
  });

  it('by "Add another key" beside the Client ID, the key masked', () => {
    mountDeep(
      `<dl><dt>Client ID</dt><dd>${V.clientId}</dd><dt>Key</dt><dd>••••••••••••</dd></dl><button>Add another key</button>`,
    );
    expect(readKeyScreen().rejected).toBe('masked');
  });

  it('by an address that names a new key', () => {
    mountDeep(`<dl><dt>Client ID</dt><dd>${V.clientId}</dd></dl><p>Key</p>`);
    expect(readKeyScreen(KEY_URL).candidate).toBeNull();
  });

  it('by a dialog showing Client ID and Key just after the user pressed "Add new key"', () => {
    const html = `<h1>Stactize Connector</h1><dl><dt>Client ID</dt><dd>${V.clientId}</dd></dl>
      <he-dialog_pc open><dl><dt>Client ID</dt><dd>${V.clientId}</dd><dt>Key</dt><dd><canvas></canvas></dd></dl></he-dialog_pc>`;
    mountDeep(html);
    expect(read(UM_APPS)?.kind).not.toBe('keyScreen');
    expect(readKeyScreen(UM_APPS, { now: 10_000, addKeyPressedAt: 9_000 }).candidate).toBeNull();
    // Long after the press, the same page is no longer taken for the key screen.
    expect(read(UM_APPS, { now: 10_000_000, addKeyPressedAt: 9_000 })?.kind).not.toBe('keyScreen');
  });

  it('not on an application page, whose Key column shows old keys masked', () => {
    mountDeep(`<h1>Stactize Connector</h1><dl><dt>Tenant ID</dt><dd>${V.tenantId}</dd><dt>Client ID</dt><dd>${V.clientId}</dd></dl>
      <table><thead><tr><th>Created</th><th>Expires</th><th>Key</th></tr></thead>
      <tbody><tr><td>1/15/2025</td><td>1/15/2026</td><td>••••••••</td></tr></tbody></table><button>Add new key</button>`);
    expect(read()?.kind).toBe('applicationPage');
  });
});

describe('a language the label table does not know', () => {
  const finnish = (key: string, more = '') =>
    `<h1>Uusi avain</h1><div><span>Asiakastunnus</span><span>${V.clientId}</span></div>
     <div><span>Avain</span><span>${key}</span></div>${more}`;

  it('takes the one visible current-shape key next to the application’s Client ID, with confidence "shape"', () => {
    mountDeep(finnish(V.keys.current));
    const reading = readKeyScreen(KEY_URL);
    expect(reading.clientId).toBe(V.clientId);
    expect(reading.candidate?.reveal()).toBe(V.keys.current);
    expect(reading.candidate?.confidence).toBe('shape');
  });

  it('knows the Client ID from the application page seen before when the address does not name it', () => {
    mountDeep(finnish(V.keys.current));
    expect(readKeyScreen(UM_APPS, { now: 1, knownClientIds: [V.clientId] }).candidate?.confidence).toBe('shape');
  });

  it('captures nothing, and opens the safety net, when it is less certain', () => {
    // Two keys: which one?
    mountDeep(finnish(V.keys.current, `<p>${V.keys.another}</p>`));
    expect(readKeyScreen(KEY_URL).candidate).toBeNull();
    // No Client ID known to stand beside it.
    mountDeep(finnish(V.keys.current));
    expect(readKeyScreen(UM_APPS).candidate).toBeNull();
    // An older shape is never taken by its shape alone (the address and the Client ID still say key screen).
    mountDeep(finnish(V.keys.previous));
    expect(readKeyScreen(KEY_URL)).toMatchObject({ candidate: null, clientId: V.clientId });
  });

  it('says a User management page with no label it knows is unrecognised (so the overlay can say so)', () => {
    mountDeep('<h1>Käyttäjien hallinta</h1><p>Sovellukset</p>');
    expect(read(UM_APPS)).toMatchObject({ kind: 'userManagement', unrecognised: true });
    mountDeep('<h1>User management</h1>');
    expect(read(UM_APPS)).toMatchObject({ kind: 'userManagement', unrecognised: false });
  });

  it('never on a page in a language it knows (an English activity log with key-shaped tokens)', () => {
    mountDeep(`<h1>User management</h1><table><tr><td>${V.clientId}</td><td>token ${V.keys.another}</td></tr></table>`);
    expect(read(`${UM_APPS}/${V.clientId}`)?.kind).not.toBe('keyScreen');
  });
});
