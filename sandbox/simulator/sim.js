/*
 * The simulator's additions to the fixture runtime (test/fixtures/partner-center/_pc-runtime.js), inlined before
 * it on every simulator page. It makes the fixture pages one walkable site: the gear opens Account settings, an
 * Account settings navigation links Legal info, Tenants and User management, and the key field fetches a fresh
 * key from the simulator when the key screen shows it, so no key is ever in a page's source.
 * Settings come from window.__PC_SIMULATOR__.
 */
(() => {
  const sim = window.__PC_SIMULATOR__ || {};
  const locale = (/^\/[a-z]{2}-[a-z]{2}(?=\/)/i.exec(location.pathname) || [''])[0];
  const at = (path) => `${locale}${path}`;

  // Defined before the runtime runs, so its `customElements.get(...) || define(...)` keeps this one: the same
  // component, except that the key placeholder makes it fetch the key the way Partner Center's app gets it.
  class HeTextField extends HTMLElement {
    constructor() {
      super();
      this.attachShadow({ mode: 'open' }).innerHTML =
        '<label part="label" for="control"></label><div part="root"><input id="control" readonly></div><slot></slot>';
      this.request = 0;
    }
    connectedCallback() {
      this.shadowRoot.querySelector('label').textContent = this.getAttribute('label') || '';
    }
    get value() {
      return this.shadowRoot.querySelector('input').value;
    }
    set value(v) {
      const input = this.shadowRoot.querySelector('input');
      const request = ++this.request; // a later value (Add another key, a cleared field) wins over a slow fetch
      if (v !== sim.keyPlaceholder) {
        input.value = v;
        return;
      }
      input.value = '';
      this.setAttribute('aria-busy', 'true');
      fetch(sim.keyUrl, { cache: 'no-store' })
        .then((response) => (response.ok ? response.text() : Promise.reject(new Error(String(response.status)))))
        .then((key) => {
          if (request === this.request) input.value = key;
        })
        .catch(() => {
          if (request === this.request) input.placeholder = 'The simulator could not make a key.';
        })
        .finally(() => this.removeAttribute('aria-busy'));
    }
  }
  customElements.get('he-text-field') || customElements.define('he-text-field', HeTextField);

  const STYLE = `
    header { display: flex; align-items: center; gap: 1rem; padding: .5rem 1rem; background: #f3f2f1; border-bottom: 1px solid #ddd; }
    header nav { flex: 1; }
    he-button { cursor: pointer; }
    [part="breadcrumb"] nav { display: flex; gap: 1.25rem; padding: .5rem 1rem; border-bottom: 1px solid #eee; }
    [part="breadcrumb"] a[aria-current="page"] { font-weight: 600; }
    section#slot { padding: 0 1rem 1rem; }
  `;

  function decorate() {
    const shell = document.querySelector('he-shell');
    if (!shell?.shadowRoot) return;
    const style = document.createElement('style');
    style.textContent = STYLE;
    shell.shadowRoot.prepend(style);
    // The gear (upper right) opens Account settings, as in Partner Center.
    const gear = shell.shadowRoot.querySelector('header he-button');
    gear?.addEventListener('click', () => location.assign(at(sim.accountSettingsPath)));
    const layout = shell.shadowRoot.querySelector('he-page-layout');
    if (!layout?.shadowRoot || !sim.accountNav) return;
    layout.shadowRoot.prepend(style.cloneNode(true));
    const nav = document.createElement('nav');
    nav.setAttribute('aria-label', sim.accountNavLabel || 'Account settings');
    for (const item of sim.accountNav) {
      const link = document.createElement('a');
      link.href = at(item.path);
      link.textContent = item.label;
      if (location.pathname.replace(/^\/[a-z]{2}-[a-z]{2}(?=\/)/i, '') === item.path) {
        link.setAttribute('aria-current', 'page');
      }
      nav.append(link);
    }
    layout.shadowRoot.querySelector('[part="breadcrumb"]')?.append(nav);
  }
  document.addEventListener('DOMContentLoaded', decorate);
})();
