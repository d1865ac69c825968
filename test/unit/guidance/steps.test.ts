/**
 * Which steps each guide shows for a page state, in which order, as a user would meet them: the help article's
 * order, and on every page kind the thing to do there first (context after it).
 */
import { describe, expect, it } from 'vitest';
import { EMPTY_GUIDE_PROGRESS } from '@/utils/guidance';
import { eventRef } from '@/utils/guidance/define';
import { GUIDES } from '@/utils/guidance/guides';
import { applicationPageGuide } from '@/utils/guidance/guides/applicationPage';
import { dashboardGuide } from '@/utils/guidance/guides/dashboard';
import { keyScreenGuide } from '@/utils/guidance/guides/keyScreen';
import { keyItems } from '@/utils/guidance/guides/keys';
import { rotateApplicationPageGuide, rotateKeyScreenGuide } from '@/utils/guidance/guides/rotate';
import { tenantsGuide } from '@/utils/guidance/guides/tenants';
import { userManagementGuide } from '@/utils/guidance/guides/userManagement';
import * as flow from '@/utils/guidance/progress';
import { applicableSteps, contextFor } from '@/utils/guidance/progress';
import type { AnyGuide, GuideProgress } from '@/utils/guidance/types';
import type { ApplicationPageState, KeyScreenState, PageState } from '@/utils/page-model/page-state';
import { targetName } from '@/utils/page-model/targets';
import { strings } from '@/utils/strings';

const NOW = Date.parse('2026-01-01T12:00:00Z');
const ctx = (completed: string[] = []) => contextFor({ ...EMPTY_GUIDE_PROGRESS, completed }, NOW);
const ids = (guide: AnyGuide, state: PageState, completed: string[] = []) =>
  applicableSteps(guide, state, ctx(completed)).map((s) => s.id);
/** A step's words as a page without any of its targets shows them (every target named in English). */
const english = (guide: AnyGuide, id: string) => {
  const step = guide.steps.find((s) => s.id === id);
  if (!step) throw new Error(`no step ${id}`);
  return flow.stepText(step, targetName);
};

const url = 'https://partner.microsoft.com/dashboard/account/v3/usermanagement#apps';
const app = (over: Partial<ApplicationPageState> = {}): ApplicationPageState => ({
  kind: 'applicationPage',
  url,
  appName: 'App',
  tenantId: null,
  clientId: null,
  keys: [],
  canAddKey: true,
  ...over,
});
const listed = (created: string, expires: string) => ({
  created,
  expires,
  createdText: created,
  expiresText: expires,
});
const tenants = (view: 'list' | 'create' | 'associate' | 'allSet', count = 1): PageState => ({
  kind: 'tenants',
  url,
  view,
  tenants: Array.from({ length: count }, (_, i) => ({ id: `t${i}` })),
});

describe('the tenants guide', () => {
  it('no tenant yet: associate or create first (who can do each beside it), then what the sign-in will ask', () => {
    expect(ids(tenantsGuide, tenants('list', 0))).toEqual(['chooseTenant', 'signIn']);
    const choose = tenantsGuide.steps.find((s) => s.id === 'chooseTenant');
    expect(choose?.target).toBeUndefined(); // docked: a popover beside one button would cover the other
    const who = choose?.items?.(tenants('list', 0) as never, ctx()).map((i) => i.text) ?? [];
    expect(who.join(' ')).toContain('Manager role');
    expect(who.join(' ')).toContain('global administrator');
    expect(english(tenantsGuide, 'chooseTenant').body).toContain(
      '“Associate Microsoft Entra ID with your Partner Center account”',
    );
    expect(english(tenantsGuide, 'chooseTenant').body).toContain('“Create new Microsoft Entra ID”');
    // Said before the user leaves for Microsoft's page, where the companion does not run.
    const signIn = english(tenantsGuide, 'signIn').body;
    for (const words of ['does not run', 'work account', 'password', 'organization and domain name', '“Confirm”'])
      expect(signIn).toContain(words);
  });

  it('a tenant associated: on to User management first; with several, which one holds the application', () => {
    expect(ids(tenantsGuide, tenants('list', 1))).toEqual(['tenantReady', 'anotherTenant']);
    expect(ids(tenantsGuide, tenants('list', 3))).toEqual(['tenantReady', 'severalTenants']);
    expect(english(tenantsGuide, 'tenantReady').body).toContain('“User management”');
    const several = english(tenantsGuide, 'severalTenants').body;
    expect(several).toContain('Tenant ID');
    expect(several).toMatch(/sign-in page then asks for an account of that other tenant/);
  });

  it('the create form: the offline username/password tip first, then the fields, then Create', () => {
    expect(ids(tenantsGuide, tenants('create', 0))).toEqual(['createTip', 'createFields', 'createSubmit']);
    expect(english(tenantsGuide, 'createTip').body).toContain('no email is sent');
    expect(english(tenantsGuide, 'createTip').body).toContain('offline');
    const fields = english(tenantsGuide, 'createFields').body;
    expect(fields).toContain('“Domain name” becomes <name>.onmicrosoft.com');
    expect(fields.indexOf('Domain name')).toBeLessThan(fields.indexOf('Contact email'));
    expect(fields).toMatch(/first name, last name, username and password/);
    expect(english(tenantsGuide, 'createSubmit').title).toBe('Press “Create”');
  });

  it('back from the sign-in: review and Confirm; then All set', () => {
    expect(ids(tenantsGuide, tenants('associate'))).toEqual(['associateReview']);
    expect(english(tenantsGuide, 'associateReview').body).toContain('press “Confirm”');
    expect(ids(tenantsGuide, tenants('allSet'))).toEqual(['allSet']);
  });
});

describe('the user management guide', () => {
  const um = (tab: 'users' | 'apps', view: 'list' | 'addApplication'): PageState => ({
    kind: 'userManagement',
    url,
    tab,
    view,
  });

  it('sends the Users tab to the applications tab; lists select, then add when there is none', () => {
    expect(ids(userManagementGuide, um('users', 'list'))).toEqual(['openAppsTab']);
    expect(ids(userManagementGuide, um('apps', 'list'))).toEqual(['selectApp', 'addApplication']);
    expect(english(userManagementGuide, 'addApplication').body).toContain('“Add Microsoft Entra application”');
    expect(english(userManagementGuide, 'addApplication').body).toContain('Manager role');
  });

  it('the add form: create new or add existing, then the Manager role', () => {
    expect(ids(userManagementGuide, um('apps', 'addApplication'))).toEqual(['createOrAdd', 'managerRole']);
    expect(english(userManagementGuide, 'createOrAdd').body).toMatch(/New:.*“Reply URL”.*Existing:/);
    expect(english(userManagementGuide, 'managerRole').body).toContain('select Manager');
  });
});

describe('the application page guide', () => {
  it('leads with "Add new key"; the keys list and the App ID URI pitfall follow', () => {
    expect(ids(applicationPageGuide, app({ keys: [listed('2025-01-15', '2027-01-15')] }))).toEqual([
      'addKey',
      'keys',
      'appIdUri',
    ]);
    expect(ids(applicationPageGuide, app())).toEqual(['addKey', 'appIdUri']);
    expect(english(applicationPageGuide, 'addKey').body).toMatch(/^Press “Add new key”\./);
    expect(english(applicationPageGuide, 'appIdUri').body).toContain(
      'Please enter a unique URI no greater than 256 characters',
    );
  });

  it('never advises removing a key before Stactize verified the new one', () => {
    expect(english(applicationPageGuide, 'keys').body).toContain('only once Stactize has verified the new one');
    expect(english(applicationPageGuide, 'keys').body).not.toMatch(/Remove keys/);
  });

  it('leads with why "Add new key" is missing when it is', () => {
    expect(ids(applicationPageGuide, app({ canAddKey: false, keys: [listed('2025-01-15', '2027-01-15')] }))).toEqual([
      'noAddKey',
      'keys',
    ]);
    expect(english(applicationPageGuide, 'noAddKey').title).toBe('“Add new key” is missing');
  });

  it('marks keys expiring within 60 days, and expired ones', () => {
    const items = keyItems(
      app({
        keys: [
          listed('2025-01-15', '2027-01-15'),
          listed('2024-03-01', '2026-02-15'),
          listed('2023-01-01', '2025-12-01'),
          { created: null, expires: null, createdText: '', expiresText: '' },
        ],
      }),
      ctx(),
    );
    expect(items.map((i) => Boolean(i.attention))).toEqual([false, true, true, false]);
    expect(items.map((i) => i.label)).toEqual([undefined, 'Expires soon:', 'Expired:', undefined]);
    expect(items[1]?.text).toBe('Created 2024-03-01, expires 2026-02-15 (expires in 45 days)');
    expect(items[2]?.text).toContain('(expired)');
    expect(items[3]?.text).toBe('Created unknown date, expires unknown date');
  });
});

describe('the first step on each page kind is the thing to do there', () => {
  const key = { kind: 'keyScreen', url } as KeyScreenState;
  const cases: Array<[AnyGuide, PageState, string, string | undefined]> = [
    [dashboardGuide, { kind: 'dashboard', url }, 'openSettings', 'accountSettings'],
    [tenantsGuide, tenants('list', 0), 'chooseTenant', undefined],
    [tenantsGuide, tenants('list', 2), 'tenantReady', 'userManagementNav'],
    [tenantsGuide, tenants('create', 0), 'createTip', undefined],
    [tenantsGuide, tenants('associate', 0), 'associateReview', 'confirm'],
    [tenantsGuide, tenants('allSet', 0), 'allSet', 'returnToTenantManagement'],
    [
      userManagementGuide,
      { kind: 'userManagement', url, tab: 'users', view: 'list' },
      'openAppsTab',
      'entraApplicationsTab',
    ],
    [userManagementGuide, { kind: 'userManagement', url, tab: 'apps', view: 'list' }, 'selectApp', undefined],
    [
      userManagementGuide,
      { kind: 'userManagement', url, tab: 'apps', view: 'addApplication' },
      'createOrAdd',
      undefined,
    ],
    [applicationPageGuide, app({ keys: [listed('2025-01-15', '2027-01-15')] }), 'addKey', 'addNewKey'],
    [keyScreenGuide, key, 'capture', undefined],
    [rotateApplicationPageGuide, app({ keys: [listed('2025-01-15', '2027-01-15')] }), 'addKey', 'addNewKey'],
    [rotateKeyScreenGuide, key, 'send', undefined],
  ];
  for (const [guide, state, first, target] of cases) {
    it(`${guide.variant}.${guide.kind} (${JSON.stringify(state).slice(0, 70)}…): ${first}`, () => {
      const current = flow.currentStep(guide, state, EMPTY_GUIDE_PROGRESS, NOW);
      expect(current?.index).toBe(0);
      expect(current?.steps[0]?.id).toBe(first);
      expect(current?.steps[0]?.target).toBe(target);
    });
  }
});

describe('the rotate variant', () => {
  const key = { kind: 'keyScreen', url } as KeyScreenState;
  const DELIVERED = eventRef('keyDelivered');
  const VERIFIED = eventRef('keyVerified');

  it('adds a key (the keys beside it), sends it, waits for the verification, then removes the old one', () => {
    const keys = [listed('2024-03-01', '2026-02-15')];
    expect(ids(rotateApplicationPageGuide, app({ keys }))).toEqual(['addKey']);
    expect(rotateApplicationPageGuide.steps[0]?.items?.(app({ keys }), ctx())).toHaveLength(1);
    expect(ids(rotateKeyScreenGuide, key)).toEqual(['send']);
    expect(ids(rotateKeyScreenGuide, key, [DELIVERED])).toEqual(['verifying']);
    expect(ids(rotateApplicationPageGuide, app(), [DELIVERED])).toEqual(['waitVerify']);
    expect(ids(rotateKeyScreenGuide, key, [DELIVERED, VERIFIED])).toEqual(['backToApp']);
    expect(ids(rotateApplicationPageGuide, app(), [DELIVERED, VERIFIED])).toEqual(['removeOld']);
    expect(english(rotateApplicationPageGuide, 'waitVerify').body).toContain('Remove no key');
    expect(english(rotateApplicationPageGuide, 'removeOld').body).toContain('“Remove”');
  });

  it('"Next" on the key screen never marks the key as sent, nor opens "remove the old key"', () => {
    let progress: GuideProgress = flow.restart('rotate');
    for (let i = 0; i < 3; i++) {
      const current = flow.currentStep(rotateKeyScreenGuide, key, progress, NOW);
      if (current) progress = flow.next(progress, rotateKeyScreenGuide, current);
    }
    expect(progress.completed).toEqual(['rotate.keyScreen.send']);
    expect(ids(rotateApplicationPageGuide, app(), progress.completed)).toEqual(['addKey']);
    expect(flow.currentStep(rotateKeyScreenGuide, key, progress, NOW)?.steps[0]?.id).toBe('send');
  });

  it('delivery alone keeps the old key; only a verification after it opens the removal', () => {
    let progress: GuideProgress = flow.restart('rotate');
    // A verified status left from an older key, before anything was delivered in this run: ignored.
    progress = flow.onEvent(progress, GUIDES, 'keyVerified');
    expect(progress.completed).toEqual([]);
    progress = flow.onEvent(progress, GUIDES, 'keyDelivered');
    expect(progress.completed).toEqual([DELIVERED, 'rotate.keyScreen.send']);
    expect(ids(rotateApplicationPageGuide, app(), progress.completed)).toEqual(['waitVerify']);
    progress = flow.onEvent(progress, GUIDES, 'keyVerified');
    expect(ids(rotateApplicationPageGuide, app(), progress.completed)).toEqual(['removeOld']);
    // Starting the rotation again forgets both.
    expect(ids(rotateApplicationPageGuide, app(), flow.restart('rotate').completed)).toEqual(['addKey']);
  });

  it('finishes sending on delivery', () => {
    expect(rotateKeyScreenGuide.steps.find((s) => s.id === 'send')?.completeOn).toBe('keyDelivered');
  });
});

describe('the words', () => {
  it('name each placeholder by a target the page model knows, so that every one gets quoted', () => {
    const sentences = JSON.stringify(strings.guide.steps);
    const placeholders = [...sentences.matchAll(/\{([^{}"]*)\}/g)].map((m) => m[1] ?? '');
    expect(placeholders.length).toBeGreaterThan(20);
    for (const id of placeholders) expect(targetName(id as never), id).not.toBe('');
    for (const guide of GUIDES)
      for (const step of guide.steps) {
        const text = flow.stepText(step, targetName);
        expect(`${text.title} ${text.body}`, step.id).not.toMatch(/[{}]/);
      }
  });
});
