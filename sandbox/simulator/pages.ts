/**
 * The simulator's pages: each is the fixture runtime (test/fixtures/partner-center/_pc-runtime.js: Harmony-like
 * web components in nested open shadow roots, the hash-routed user management flow) with a config, plus sim.js
 * (navigation between pages, keys fetched from the simulator). Test data only; no key is ever in the HTML.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const RUNTIME_FILE = resolve(import.meta.dirname, '../../test/fixtures/partner-center/_pc-runtime.js');
const SIM_FILE = resolve(import.meta.dirname, 'sim.js');

/** The key field shows this value as "fetch a key now"; it is not key-shaped. */
export const KEY_PLACEHOLDER = '(simulator: key to fetch)';
export const KEY_PATH = '/__simulator/new-key';

export const PATHS = {
  dashboard: '/dashboard/v2/home',
  accountSettings: '/dashboard/account/v3/organization/legalinfo',
  tenants: '/dashboard/account/v3/tenantmanagement',
  userManagement: '/dashboard/account/v3/usermanagement',
} as const;

export const SIMULATED = {
  appName: 'Stactize Connector',
  tenantId: '6a1f0c2e-5b7d-4e3a-9c8b-2d4f6e8a0b1c',
  clientId: '0f9e8d7c-6b5a-4c3d-8e2f-1a0b9c8d7e6f',
  tenants: [
    { name: 'Contoso', id: '6a1f0c2e-5b7d-4e3a-9c8b-2d4f6e8a0b1c', domain: 'contoso.onmicrosoft.com' },
    { name: 'Contoso Labs', id: 'b4c3d2e1-7f6a-4b5c-8d9e-0a1b2c3d4e5f', domain: 'contosolabs.onmicrosoft.com' },
  ],
  users: [
    {
      name: 'Avery Admin',
      email: 'avery@contoso.onmicrosoft.com',
      role: 'Manager',
      objectId: 'e1d2c3b4-a5f6-4071-8293-a4b5c6d7e8f9',
    },
  ],
} as const;

const ACCOUNT_NAV = [
  { label: 'Legal info', path: PATHS.accountSettings },
  { label: 'Tenants', path: PATHS.tenants },
  { label: 'User management', path: PATHS.userManagement },
];

export type PageName = keyof typeof PATHS;

const TITLES: Record<PageName, string> = {
  dashboard: 'Home',
  accountSettings: 'Account settings',
  tenants: 'Tenants',
  userManagement: 'User management',
};

/** Dates as Partner Center shows them in en-us: M/D/YYYY. */
export function usDate(date: Date): string {
  return `${date.getUTCMonth() + 1}/${date.getUTCDate()}/${date.getUTCFullYear()}`;
}

const DAY = 86_400_000;

function runtimeConfig(page: PageName, now: Date): Record<string, unknown> {
  const day = (offset: number) => usDate(new Date(now.getTime() + offset * DAY));
  switch (page) {
    case 'dashboard':
      return {
        page: 'static',
        html: '<h1>Home</h1><p>Welcome to Partner Center.</p><p>Account settings are behind the gear icon, upper right.</p>',
      };
    case 'accountSettings':
      return {
        page: 'static',
        html: `<h1>Account settings</h1><h2>Legal info</h2><dl><dt>Publisher display name</dt><dd>Contoso</dd>
          <dt>Seller ID</dt><dd>40012345</dd></dl><p>Tenants and users are in the Account settings navigation above.</p>`,
      };
    case 'tenants':
      return { page: 'tenants', tenants: { view: 'list', list: SIMULATED.tenants }, delayMs: 600 };
    case 'userManagement':
      return {
        users: SIMULATED.users,
        delayMs: 600,
        app: {
          name: SIMULATED.appName,
          tenantId: SIMULATED.tenantId,
          clientId: SIMULATED.clientId,
          appCreated: day(-700),
          // One key already listed, expiring soon: the kind of app a customer rotates.
          keys: [{ created: day(-690), expires: day(40) }],
          key: KEY_PLACEHOLDER,
          keyExpires: day(730),
        },
      };
  }
}

function inlineJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

export function renderPage(page: PageName, now = new Date()): string {
  const simulator = {
    keyUrl: KEY_PATH,
    keyPlaceholder: KEY_PLACEHOLDER,
    accountSettingsPath: PATHS.accountSettings,
    accountNav: PATHS[page].startsWith('/dashboard/account/') ? ACCOUNT_NAV : null,
  };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${TITLES[page]} | Partner Center</title>
<style>
  body { margin: 0; font: 14px "Segoe UI", system-ui, sans-serif; color: #201f1e; }
  .sim-banner { background: #fff4ce; padding: .25rem 1rem; font-size: 12px; border-bottom: 1px solid #e6d9a5; }
</style>
</head>
<body>
<div class="sim-banner">Partner Center simulator for the Stactize sandbox: test data only; this is not Microsoft.</div>
<script>window.__PC_SIMULATOR__ = ${inlineJson(simulator)};</script>
<script>window.__PC_FIXTURE__ = ${inlineJson(runtimeConfig(page, now))};</script>
<script>
${readFileSync(SIM_FILE, 'utf8')}
</script>
<script>
${readFileSync(RUNTIME_FILE, 'utf8')}
</script>
</body>
</html>
`;
}

export function notFoundPage(path: string): string {
  const safe = path.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not in the simulator</title></head>
<body><h1>Not in the simulator</h1><p>The Partner Center simulator has no page at <code>${safe}</code>.</p>
<p><a href="${PATHS.dashboard}">Home</a></p></body></html>`;
}
