/** Which step each guide shows for a page state, as a user would meet it. */
import { describe, expect, it } from 'vitest';
import { EMPTY_GUIDE_PROGRESS } from '@/utils/guidance';
import { applicationPageGuide } from '@/utils/guidance/guides/applicationPage';
import { keyItems } from '@/utils/guidance/guides/keys';
import { rotateApplicationPageGuide, rotateKeyScreenGuide } from '@/utils/guidance/guides/rotate';
import { tenantsGuide } from '@/utils/guidance/guides/tenants';
import { userManagementGuide } from '@/utils/guidance/guides/userManagement';
import { applicableSteps, contextFor } from '@/utils/guidance/progress';
import type { AnyGuide } from '@/utils/guidance/types';
import type { ApplicationPageState, KeyScreenState, PageState } from '@/utils/page-model/page-state';
import { strings } from '@/utils/strings';

const NOW = Date.parse('2026-01-01T12:00:00Z');
const ctx = (completed: string[] = []) => contextFor({ ...EMPTY_GUIDE_PROGRESS, completed }, NOW);
const ids = (guide: AnyGuide, state: PageState, completed: string[] = []) =>
  applicableSteps(guide, state, ctx(completed)).map((s) => s.id);

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

describe('the tenants guide', () => {
  const tenants = (view: 'list' | 'create' | 'associate' | 'allSet', count = 1): PageState => ({
    kind: 'tenants',
    url,
    view,
    tenants: Array.from({ length: count }, (_, i) => ({ id: `t${i}` })),
  });

  it('starts with prerequisites, then associate-or-create; asks which tenant only when several are listed', () => {
    expect(ids(tenantsGuide, tenants('list'))).toEqual(['prerequisites', 'associateOrCreate']);
    expect(ids(tenantsGuide, tenants('list', 3))).toEqual(['prerequisites', 'associateOrCreate', 'severalTenants']);
  });

  it('explains the create form with the offline-note tip, the review with Confirm, and All set', () => {
    expect(ids(tenantsGuide, tenants('create'))).toEqual(['createForm', 'createTip']);
    expect(ids(tenantsGuide, tenants('associate'))).toEqual(['associateReview']);
    expect(ids(tenantsGuide, tenants('allSet'))).toEqual(['allSet']);
    expect(strings.guide.steps.tenants.createForm.body).toContain('.onmicrosoft.com');
    expect(strings.guide.steps.tenants.createTip.body).toContain('no email is sent');
  });
});

describe('the user management guide', () => {
  it('sends the Users tab to the applications tab, and explains the add form', () => {
    const um = (tab: 'users' | 'apps', view: 'list' | 'addApplication'): PageState => ({
      kind: 'userManagement',
      url,
      tab,
      view,
    });
    expect(ids(userManagementGuide, um('users', 'list'))).toEqual(['openAppsTab']);
    expect(ids(userManagementGuide, um('apps', 'list'))).toEqual(['selectApp', 'addApplication']);
    expect(ids(userManagementGuide, um('apps', 'addApplication'))).toEqual(['createOrAdd', 'managerRole']);
  });
});

describe('the application page guide', () => {
  it('lists the keys, then Add new key and the App ID URI pitfall', () => {
    expect(ids(applicationPageGuide, app({ keys: [listed('2025-01-15', '2027-01-15')] }))).toEqual([
      'keys',
      'addKey',
      'appIdUri',
    ]);
    expect(strings.guide.steps.applicationPage.appIdUri.body).toContain(
      'Please enter a unique URI no greater than 256 characters',
    );
  });

  it('explains a missing "Add new key"', () => {
    expect(ids(applicationPageGuide, app({ canAddKey: false }))).toEqual(['noAddKey']);
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

describe('the rotate variant', () => {
  const SENT = 'rotate.keyScreen.send';
  const key = { kind: 'keyScreen', url } as KeyScreenState;

  it('adds a key, sends it, then removes the old one', () => {
    expect(ids(rotateApplicationPageGuide, app())).toEqual(['addKey']);
    expect(ids(rotateKeyScreenGuide, key)).toEqual(['send']);
    expect(ids(rotateKeyScreenGuide, key, [SENT])).toEqual(['backToApp']);
    expect(ids(rotateApplicationPageGuide, app(), [SENT])).toEqual(['removeOld']);
  });

  it('finishes sending on delivery', () => {
    expect(rotateKeyScreenGuide.steps.find((s) => s.id === 'send')?.completeOn).toBe('keyDelivered');
  });
});
