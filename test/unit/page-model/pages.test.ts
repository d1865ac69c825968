// @vitest-environment happy-dom
/**
 * Every page kind's signature and extractor on DOM built in the test (happy-dom does not run fixture scripts
 * as Chromium does), including every key shape and every negative case.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { TEST_VALUES as V } from '@/test/fixtures/partner-center/values';
import type { KeyScreenReading, PageReading } from '@/utils/page-model/page-state';
import { readPage } from '@/utils/page-model/pages';
import { mountDeep, setUrl, UM_APPS } from './helpers';

const read = (url = UM_APPS): PageReading | null => {
  setUrl(url);
  return readPage(document, window.location.href);
};
const readKeyScreen = () => {
  const reading = read();
  expect(reading?.kind).toBe('keyScreen');
  return reading as KeyScreenReading;
};

function keyScreenHtml(key: string, labels = { clientId: 'Client ID', key: 'Key', another: 'Add another key' }) {
  return `<h1>Stactize Connector</h1>
    <div role="alert">Be sure to print or copy this info, as you won't be able to access it again after you leave this page.</div>
    <he-field><span>${labels.clientId}</span><span>${V.clientId}</span></he-field>
    <he-field><span>${labels.key}</span><code>${key}</code></he-field>
    <button>${labels.another}</button>`;
}

const APP_PAGE = `<h1>Stactize Connector</h1>
  <dl><dt>Tenant ID</dt><dd>${V.tenantId}</dd><dt>Client ID</dt><dd>${V.clientId}</dd><dt>Reply URL</dt><dd>https://localhost</dd></dl>
  <table><thead><tr><th>Created</th><th>Expires</th><th>Key</th><th></th></tr></thead>
  <tbody><tr><td>1/15/2025</td><td>1/15/2027</td><td>••••••••</td><td><button>Remove</button></td></tr>
  <tr><td>3/2/2025</td><td>3/2/2026</td><td>abc•••••</td><td><button>Remove</button></td></tr></tbody></table>
  <button>Add new key</button>`;

beforeEach(() => {
  document.body.innerHTML = '';
  document.documentElement.removeAttribute('lang');
});

describe('off Partner Center and outside the flow', () => {
  it('reads nothing on a lookalike host, even with a full key screen', () => {
    mountDeep(keyScreenHtml(V.keys.current));
    expect(read('https://partner.microsoft.com.example.net/dashboard/account/v3/usermanagement#apps')).toBeNull();
  });

  it('calls every page outside the account area "dashboard" without reading it', () => {
    mountDeep(keyScreenHtml(V.keys.current));
    expect(read('https://partner.microsoft.com/dashboard/v2/home?route=v2')).toMatchObject({ kind: 'dashboard' });
  });
});

describe('key screen', () => {
  it('reads the Client ID and a current-shape key (high confidence) through three shadow roots', () => {
    mountDeep(keyScreenHtml(V.keys.current));
    const reading = readKeyScreen();
    expect(reading.clientId).toBe(V.clientId);
    expect(reading.candidate?.reveal()).toBe(V.keys.current);
    expect(reading.candidate).toMatchObject({ shape: 'current', confidence: 'high', length: 40 });
  });

  for (const [shape, key] of [
    ['previous', V.keys.previous],
    ['legacy34', V.keys.legacy34],
    ['legacy32', V.keys.legacy32],
  ] as const) {
    it(`reads a ${shape} key with low confidence`, () => {
      mountDeep(keyScreenHtml(key));
      expect(readKeyScreen().candidate).toMatchObject({ shape, confidence: 'low', length: key.length });
    });
  }

  it('recognises the screen in German, Spanish, French and Japanese', () => {
    const locales = [
      { clientId: 'Client-ID:', key: 'Schlüssel:', another: 'Weiteren Schlüssel hinzufügen' },
      { clientId: 'Id. de cliente', key: 'Clave', another: 'Agregar otra clave' },
      { clientId: 'ID client :', key: 'Clé :', another: 'Ajouter une autre clé' },
      { clientId: 'クライアント ID：', key: 'キー：', another: '別のキーの追加' },
    ];
    for (const labels of locales) {
      mountDeep(keyScreenHtml(V.keys.current, labels).replace(/<div role="alert">.*?<\/div>/s, ''));
      const reading = readKeyScreen();
      expect(reading.candidate?.reveal(), labels.key).toBe(V.keys.current);
      expect(reading.clientId, labels.clientId).toBe(V.clientId);
    }
  });

  it('recognises the screen by the warning alone when "Add another key" is missing', () => {
    mountDeep(keyScreenHtml(V.keys.current).replace(/<button>.*<\/button>/, ''));
    expect(readKeyScreen().candidate?.shape).toBe('current');
  });

  it('reads the key expiry when shown', () => {
    mountDeep(`${keyScreenHtml(V.keys.current)}<p><span>Expires</span> <span>1/15/2027</span></p>`);
    expect(readKeyScreen().keyExpiresAt).toBe('2027-01-15');
  });

  it('never takes a masked key', () => {
    mountDeep(keyScreenHtml('••••••••••••••••••••'));
    expect(readKeyScreen()).toMatchObject({ candidate: null, rejected: 'masked' });
    mountDeep(keyScreenHtml('****************************************'));
    expect(readKeyScreen()).toMatchObject({ candidate: null, rejected: 'masked' });
  });

  it('never takes a truncated key', () => {
    mountDeep(keyScreenHtml(`${V.keys.current.slice(0, 14)}…`));
    expect(readKeyScreen()).toMatchObject({ candidate: null, rejected: 'truncated' });
    mountDeep(keyScreenHtml(`${V.keys.current.slice(0, 37)}...`));
    expect(readKeyScreen()).toMatchObject({ candidate: null, rejected: 'truncated' });
  });

  it('never takes a key still rendering (aria-busy) or not there yet', () => {
    const root = mountDeep(keyScreenHtml(V.keys.current));
    root.querySelectorAll('he-field')[1]?.setAttribute('aria-busy', 'true');
    expect(readKeyScreen()).toMatchObject({ candidate: null, rejected: 'rendering' });
    mountDeep(keyScreenHtml(''));
    expect(readKeyScreen()).toMatchObject({ candidate: null, rejected: null });
  });

  it('does not take a key-shaped string from elsewhere when the Key field holds something else', () => {
    mountDeep(`${keyScreenHtml('••••••••')}<table><tr><td>Log</td><td>${V.keys.another}</td></tr></table>`);
    expect(readKeyScreen().candidate).toBeNull();
  });

  it('falls back to a readonly field holding the current shape when the Key label sits elsewhere', () => {
    const root = mountDeep(`${keyScreenHtml('').replace('<code></code>', '')}<section><input readonly></section>`);
    (root.querySelector('input') as HTMLInputElement).value = V.keys.current;
    expect(readKeyScreen().candidate?.shape).toBe('current');
  });
});

describe('application page', () => {
  it('reads name, Tenant ID, Client ID, listed keys with ISO dates and Add new key', () => {
    mountDeep(APP_PAGE);
    expect(read()).toEqual({
      kind: 'applicationPage',
      url: UM_APPS,
      appName: 'Stactize Connector',
      tenantId: V.tenantId,
      clientId: V.clientId,
      keys: [
        { created: '2025-01-15', expires: '2027-01-15', createdText: '1/15/2025', expiresText: '1/15/2027' },
        { created: '2025-03-02', expires: '2026-03-02', createdText: '3/2/2025', expiresText: '3/2/2026' },
      ],
      canAddKey: true,
    });
  });

  it('reads day-first dates on a European-locale page', () => {
    mountDeep(APP_PAGE.replace('3/2/2025', '02/03/2025').replace('1/15/2025', '15/01/2025'));
    const reading = read('https://partner.microsoft.com/fr-fr/dashboard/account/v3/usermanagement#apps');
    expect(reading?.kind === 'applicationPage' && reading.keys.map((k) => k.created)).toEqual([
      '2025-01-15',
      '2025-03-02',
    ]);
  });

  it('is recognised without "Add new key" (missing for some users) by its Tenant ID', () => {
    mountDeep(APP_PAGE.replace('<button>Add new key</button>', ''));
    expect(read()).toMatchObject({ kind: 'applicationPage', canAddKey: false, clientId: V.clientId });
  });

  it('lists only masked existing keys as dates and captures nothing', () => {
    mountDeep(APP_PAGE);
    const reading = read();
    expect(JSON.stringify(reading)).not.toContain('•');
    expect(reading?.kind).toBe('applicationPage');
  });

  it('a "Tenant ID: <guid>" inside the heading (or a link) is a name, not the field: the real field wins', () => {
    mountDeep(
      APP_PAGE.replace(
        '<h1>Stactize Connector</h1>',
        `<h1>Tenant ID: ${V.otherTenantId}</h1><a href="#">Tenant ID: ${V.otherTenantId}</a>`,
      ),
    );
    expect(read()).toMatchObject({ kind: 'applicationPage', tenantId: V.tenantId });
  });

  it('two different tenant IDs under one label are ambiguous: none is taken, so the capture asks', () => {
    mountDeep(`${APP_PAGE}<dl><dt>Tenant ID</dt><dd>${V.otherTenantId}</dd></dl>`);
    expect(read()).toMatchObject({ kind: 'applicationPage', tenantId: null, clientId: V.clientId });
    document.body.innerHTML = '';
    mountDeep(`${APP_PAGE}<dl><dt>Tenant ID</dt><dd>${V.tenantId}</dd></dl>`);
    expect(read()).toMatchObject({ kind: 'applicationPage', tenantId: V.tenantId });
  });

  it('two different client IDs under one label are ambiguous too: none is remembered for the key screen', () => {
    mountDeep(`${APP_PAGE}<dl><dt>Client ID</dt><dd>${V.otherClientId}</dd></dl>`);
    expect(read()).toMatchObject({ kind: 'applicationPage', tenantId: V.tenantId, clientId: null });
  });

  it('is not recognised while its IDs are still loading', () => {
    mountDeep(APP_PAGE.replace(V.clientId, '').replace(V.tenantId, ''));
    expect(read()?.kind).toBe('userManagement');
  });
});

describe('negative pages', () => {
  it('help text naming Client ID, Key and the warning is not a key screen', () => {
    mountDeep(`<h2>Get the credentials</h2>
      <p>Select Add new key. The next screen shows the Client ID and Key. Be sure to print or copy this info, as you won't be able to access it again after you leave this page.</p>
      <pre><code>client_secret=${V.keys.current}</code></pre><p>Client ID is like ${V.clientId}</p>`);
    expect(read()).toMatchObject({ kind: 'userManagement', tab: 'apps' });
  });

  it('GUIDs and long random strings in unrelated tables are neither ids nor keys', () => {
    mountDeep(`<h1>User management</h1><table><thead><tr><th>Name</th><th>Object ID</th><th>Details</th></tr></thead>
      <tbody><tr><td>Avery</td><td>${V.unrelatedGuid}</td><td>${V.keys.current}</td></tr>
      <tr><td>Dev</td><td>${V.otherClientId}</td><td>${V.keys.legacy32}</td></tr></tbody></table>`);
    expect(read('https://partner.microsoft.com/dashboard/account/v3/usermanagement#users')).toEqual({
      kind: 'userManagement',
      url: 'https://partner.microsoft.com/dashboard/account/v3/usermanagement#users',
      tab: 'users',
      unrecognised: false,
      view: 'list',
    });
  });
});

describe('user management', () => {
  it('takes the tab from the hash, old hashes included', () => {
    mountDeep('<h1>User management</h1>');
    expect(read()).toMatchObject({ kind: 'userManagement', tab: 'apps', view: 'list' });
    expect(read('https://partner.microsoft.com/dashboard/account/usermanagement#azureadapplications')).toMatchObject({
      tab: 'apps',
    });
    expect(read('https://partner.microsoft.com/dashboard/account/v3/usermanagement#users')).toMatchObject({
      tab: 'users',
    });
  });

  it('without a hash, believes the selected tab', () => {
    mountDeep(
      '<div role="tablist"><a role="tab" aria-selected="false">Users</a><a role="tab" aria-selected="true">Aplicaciones de Azure AD</a></div>',
    );
    expect(read('https://partner.microsoft.com/es-es/dashboard/account/v3/usermanagement')).toMatchObject({
      tab: 'apps',
    });
    mountDeep('<h1>User management</h1>');
    expect(read('https://partner.microsoft.com/dashboard/account/v3/usermanagement')).toMatchObject({ tab: 'users' });
  });

  it('recognises the add-application form', () => {
    mountDeep(
      '<h1>Add Microsoft Entra application</h1><label>Name <input></label><label>Reply URL <input></label><button>Create</button>',
    );
    expect(read()).toMatchObject({ kind: 'userManagement', view: 'addApplication' });
    mountDeep('<he-text-field label="Nombre"></he-text-field><he-text-field label="URL de respuesta"></he-text-field>');
    expect(read()).toMatchObject({ kind: 'userManagement', view: 'addApplication' });
  });
});

describe('tenants', () => {
  const TENANTS_URL = 'https://partner.microsoft.com/dashboard/account/v3/tenantmanagement';

  it('lists several tenants from a grid by column header', () => {
    const root = mountDeep(
      '<h1>Tenants</h1><he-data-grid></he-data-grid><button>Associate another Microsoft Entra ID tenant</button>',
    );
    (root.querySelector('he-data-grid') as HTMLElement).attachShadow({ mode: 'open' }).innerHTML = `<table role="grid">
      <tr role="row"><th role="columnheader">Name</th><th role="columnheader">Tenant ID</th><th role="columnheader">Domain name</th></tr>
      <tr role="row"><td role="gridcell">Contoso</td><td role="gridcell">${V.tenantId}</td><td role="gridcell">contoso.onmicrosoft.com</td></tr>
      <tr role="row"><td role="gridcell">Fabrikam</td><td role="gridcell">${V.otherTenantId}</td><td role="gridcell">fabrikam.onmicrosoft.com</td></tr></table>`;
    expect(read(TENANTS_URL)).toEqual({
      kind: 'tenants',
      url: TENANTS_URL,
      view: 'list',
      tenants: [
        { id: V.tenantId, domain: 'contoso.onmicrosoft.com', name: 'Contoso' },
        { id: V.otherTenantId, domain: 'fabrikam.onmicrosoft.com', name: 'Fabrikam' },
      ],
    });
  });

  it('lists tenants shown as cards without headers, by value shape', () => {
    mountDeep(`<ul><li><h3>Northwind</h3><span>${V.thirdTenantId}</span> · northwind.onmicrosoft.com</li></ul>`);
    expect(read(TENANTS_URL)).toMatchObject({
      tenants: [{ id: V.thirdTenantId, domain: 'northwind.onmicrosoft.com', name: 'Northwind' }],
    });
  });

  it('recognises the create form, also away from the tenants URL', () => {
    const form = `<h1>Create new Microsoft Entra ID</h1><label for="d">Domain name</label><input id="d">
      <label for="e">Contact email</label><input id="e"><label for="p">Password</label><input id="p"><button>Create</button>`;
    mountDeep(form);
    expect(read(TENANTS_URL)).toMatchObject({ kind: 'tenants', view: 'create', tenants: [] });
    mountDeep(form);
    expect(read('https://partner.microsoft.com/dashboard/account/v3/organization/legalinfo#identity')).toMatchObject({
      kind: 'tenants',
      view: 'create',
    });
  });

  it('recognises the associate review and the All set confirmation in other languages', () => {
    mountDeep(
      '<h1>Associer Microsoft Entra ID à votre compte Espace partenaires</h1><dl><dt>Organisation</dt><dd>Contoso</dd></dl><button>Confirmer</button>',
    );
    expect(read(TENANTS_URL)).toMatchObject({ view: 'associate' });
    mountDeep('<h1>準備完了</h1><button>テナント管理に戻る</button>');
    expect(read(TENANTS_URL)).toMatchObject({ kind: 'tenants', view: 'allSet' });
    mountDeep('<h1>Alles erledigt</h1><p>Fertig.</p>');
    expect(read(TENANTS_URL)).toMatchObject({ kind: 'tenants', view: 'allSet' });
  });

  it('reads the older TenantSetup and tenants/associated URLs', () => {
    mountDeep('<h1>Tenants</h1>');
    expect(read('https://partner.microsoft.com/dashboard/account/TenantSetup')).toMatchObject({ kind: 'tenants' });
    expect(read('https://partner.microsoft.com/de-de/dashboard/account/v3/tenants/associated')).toMatchObject({
      kind: 'tenants',
    });
  });
});

describe('unauthorized', () => {
  it('recognises the refusal in several languages wherever it appears', () => {
    for (const text of [
      'Unauthorized',
      'Access denied.',
      'Zugriff verweigert',
      'No autorizado',
      'Accès refusé',
      '権限がありません',
    ]) {
      mountDeep(`<h1>${text}</h1><p>Sign in with another account.</p>`);
      expect(read('https://partner.microsoft.com/dashboard/account/v3/tenantmanagement')?.kind, text).toBe(
        'unauthorized',
      );
    }
  });

  it('is not triggered by the word inside help text', () => {
    mountDeep('<p>If Partner Center says Unauthorized, sign in with a work account.</p>');
    expect(read('https://partner.microsoft.com/dashboard/account/v3/tenantmanagement')?.kind).toBe('tenants');
  });
});
