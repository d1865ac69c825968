/**
 * The guide's order and words, end to end in real Chromium: every page kind's first step is the thing to do there;
 * the help article's steps come in its order (the create form's offline tip before its fields and Create; no
 * tenant yet: associate or create, then what Microsoft's sign-in will ask); and a step names Partner Center's
 * buttons, tabs and fields in the words this page shows (German, Spanish, French, Japanese, a mixed page), in
 * English only where the target is not on the page. Every step seen is saved as a screenshot.
 */
import type { Locator, Page, Worker } from '@playwright/test';
import { buildFixtureHtml, FIXTURES } from '../fixtures/partner-center';
import { expect, test } from './harness/fixtures';

const PC = 'https://partner.microsoft.com';
const TENANTS_PATH = '/dashboard/account/v3/tenantmanagement';
const overlay = (page: Page) => page.locator('stactize-companion');
const pc = (page: Page) => page.locator('he-shell');
const card = (page: Page) => overlay(page).locator('[data-guide-step]');
const PAD = 4; // the highlight's padding around the target (GuidePanel / anchor.ts)

type Opener = { open(url: string, html?: string): Promise<Page> };

async function openFixture(partnerCenter: Opener, name: string) {
  const found = FIXTURES.find((f) => f.name === name);
  if (!found) throw new Error(`no fixture ${name}`);
  return partnerCenter.open(found.url, found.html());
}

/** A Tenants page with no tenant associated yet: the first-time buttons only. */
const NO_TENANT = {
  en: {
    heading: 'Tenants',
    associate: 'Associate Microsoft Entra ID with your Partner Center account',
    create: 'Create new Microsoft Entra ID',
  },
  de: {
    heading: 'Mandanten',
    associate: 'Microsoft Entra ID mit Ihrem Partner Center-Konto verknüpfen',
    create: 'Neue Microsoft Entra ID erstellen',
  },
};
const noTenantPage = (words = NO_TENANT.en) =>
  buildFixtureHtml('tenants.html', {
    page: 'static',
    html: `<h1>${words.heading}</h1>
      <he-button id="associate">${words.associate}</he-button> <he-button id="create">${words.create}</he-button>`,
  });

async function shot(page: Page, step: string) {
  await page.screenshot({ path: test.info().outputPath(`guide-order-${step}.png`) });
}

async function requestGuide(serviceWorker: Worker, guide: 'connect' | 'rotate' = 'connect') {
  await serviceWorker.evaluate(
    (name) => chrome.storage.local.set({ guideRequest: { guide: name, requestedAt: Date.now() } }),
    guide,
  );
}

async function expectStep(page: Page, ref: string, mode: 'anchored' | 'docked') {
  await expect(card(page)).toHaveAttribute('data-guide-step', ref);
  await expect(card(page)).toHaveAttribute('data-guide-mode', mode);
  await expect(card(page)).toBeVisible();
}

/** Anchored, and the highlight drawn on `target` (so the step points at that very element). */
async function expectAnchoredTo(page: Page, ref: string, target: Locator) {
  await expectStep(page, ref, 'anchored');
  const highlight = overlay(page).locator('.guide-highlight[data-placed]');
  await expect
    .poll(async () => {
      const t = await target.boundingBox();
      const h = await highlight.boundingBox();
      if (!t || !h) return 'not laid out';
      const onTarget = [h.x - (t.x - PAD), h.y - (t.y - PAD), h.width - (t.width + 2 * PAD)].every(
        (d) => Math.abs(d) <= 2,
      );
      return onTarget ? 'on target' : { t, h };
    })
    .toBe('on target');
}

const next = (page: Page) => card(page).getByRole('button', { name: 'Next' }).click();

test.describe('the guide, in the help article’s order', () => {
  test('the create form: the offline username/password tip first, then the fields, then Create', async ({
    partnerCenter,
  }) => {
    const page = await openFixture(partnerCenter, 'tenants-create-form');
    const domainName = pc(page).getByLabel('Domain name');
    // Read before the form is touched: docked, covering none of the fields.
    await expectStep(page, 'connect.tenants.createTip', 'docked');
    await expect(card(page)).toContainText('Step 1 of 3');
    await expect(card(page)).toContainText('no email is sent');
    await expect(card(page)).toContainText('offline');
    await expect(card(page)).not.toContainText('Create”');
    await shot(page, 'create-1-tip');
    await next(page);
    await expectAnchoredTo(page, 'connect.tenants.createFields', domainName);
    await expect(card(page)).toContainText('“Domain name” becomes <name>.onmicrosoft.com. Then “Contact email”');
    await shot(page, 'create-2-fields');
    await next(page);
    await expectStep(page, 'connect.tenants.createSubmit', 'docked');
    await expect(card(page).getByRole('heading')).toHaveText('Press “Create”');
    await expect(card(page)).toContainText('Step 3 of 3');
    await shot(page, 'create-3-submit');
  });

  test('a German create form: the fields are named as the form labels them', async ({ partnerCenter }) => {
    const page = await partnerCenter.open(
      `${PC}/de-de${TENANTS_PATH}`,
      buildFixtureHtml('tenants.html', { page: 'tenants', tenants: { view: 'create' } }),
    );
    await expectStep(page, 'connect.tenants.createTip', 'docked');
    await next(page);
    await expectAnchoredTo(page, 'connect.tenants.createFields', pc(page).getByLabel('Domänenname'));
    await expect(card(page)).toContainText('“Domänenname” becomes <name>.onmicrosoft.com. Then “Kontakt-E-Mail”');
    await shot(page, 'create-de-fields');
  });

  test('no tenant yet: associate or create (who can do each), then what the sign-in page will ask', async ({
    partnerCenter,
  }) => {
    const page = await partnerCenter.open(`${PC}${TENANTS_PATH}`, noTenantPage());
    // Docked: a popover beside one of the two buttons would cover the other.
    await expectStep(page, 'connect.tenants.chooseTenant', 'docked');
    await expect(card(page)).toContainText('Step 1 of 2');
    await expect(card(page)).toContainText('Choose “Associate Microsoft Entra ID with your Partner Center account”');
    await expect(card(page)).toContainText('Choose “Create new Microsoft Entra ID”');
    const who = card(page).getByRole('listitem');
    await expect(who.nth(0)).toContainText('Manager role');
    await expect(who.nth(1)).toContainText('global administrator');
    await shot(page, 'tenants-1-choose');
    await next(page);
    // Said before the user leaves: the companion does not run on Microsoft's sign-in page.
    await expectStep(page, 'connect.tenants.signIn', 'docked');
    for (const name of [NO_TENANT.en.associate, NO_TENANT.en.create])
      await expect(pc(page).getByRole('button', { name })).toBeVisible();
    await expect(card(page)).toContainText('the Stactize companion does not run');
    await expect(card(page)).toContainText('work account of the tenant you associate');
    await expect(card(page)).toContainText('press “Confirm”');
    await shot(page, 'tenants-2-signIn');
  });

  test('several tenants: which one holds the application, and another asks for its own account', async ({
    partnerCenter,
  }) => {
    const page = await openFixture(partnerCenter, 'tenants-list-de-associated-url');
    await expectStep(page, 'connect.tenants.tenantReady', 'docked');
    // The gear icon on this German page is quoted as it is labelled there; User management is not on the page.
    await expect(card(page)).toContainText('Go on to “Kontoeinstellungen” → “User management”');
    await next(page);
    await expectAnchoredTo(
      page,
      'connect.tenants.severalTenants',
      pc(page).getByRole('button', { name: 'Weiteren Microsoft Entra ID-Mandanten verknüpfen' }),
    );
    await expect(card(page)).toContainText('Tenant ID');
    await expect(card(page)).toContainText('asks for an account of that other tenant');
    await shot(page, 'tenants-several');
  });

  test('no application yet: add one, create new or add existing, with the Manager role', async ({ partnerCenter }) => {
    const page = await openFixture(partnerCenter, 'flow-apps-to-key-en');
    await expectStep(page, 'connect.userManagement.selectApp', 'docked');
    await next(page);
    await expectAnchoredTo(
      page,
      'connect.userManagement.addApplication',
      pc(page).getByRole('button', { name: 'Add Microsoft Entra application' }),
    );
    await expect(card(page)).toContainText('create a new Microsoft Entra application or add one that already exists');
    await expect(card(page)).toContainText('Manager role');
    await pc(page).getByRole('button', { name: 'Add Microsoft Entra application' }).click();
    await expectStep(page, 'connect.userManagement.createOrAdd', 'docked');
    await expect(card(page)).toContainText('“Reply URL”');
    await next(page);
    await expectStep(page, 'connect.userManagement.managerRole', 'docked');
    await shot(page, 'add-application');
  });
});

test.describe('each page kind leads with the thing to do there', () => {
  const firsts: Array<{
    page: string;
    open: (pc: Opener) => Promise<Page>;
    ref: string;
    target?: (page: Page) => Locator;
    started?: true;
  }> = [
    {
      page: 'dashboard (started)',
      open: (p) => openFixture(p, 'dashboard-home'),
      ref: 'connect.dashboard.openSettings',
      target: (p) => p.locator('he-button[aria-label="Account settings"]').locator('button'),
      started: true,
    },
    {
      page: 'tenants, none yet',
      open: (p) => p.open(`${PC}${TENANTS_PATH}`, noTenantPage()),
      ref: 'connect.tenants.chooseTenant',
    },
    {
      page: 'tenants, three listed',
      open: (p) => openFixture(p, 'tenants-list-en'),
      ref: 'connect.tenants.tenantReady',
    },
    {
      page: 'tenants, create form',
      open: (p) => openFixture(p, 'tenants-create-form'),
      ref: 'connect.tenants.createTip',
    },
    {
      page: 'tenants, back from sign-in',
      open: (p) => openFixture(p, 'tenants-associate-review-fr'),
      ref: 'connect.tenants.associateReview',
      target: (p) => pc(p).getByRole('button', { name: 'Confirmer' }),
    },
    {
      page: 'tenants, all set',
      open: (p) => openFixture(p, 'tenants-all-set-ja'),
      ref: 'connect.tenants.allSet',
      target: (p) => pc(p).getByRole('button', { name: 'テナント管理に戻る' }),
    },
    {
      page: 'user management, Users tab',
      open: (p) => openFixture(p, 'users-tab-no-hash'),
      ref: 'connect.userManagement.openAppsTab',
      target: (p) => pc(p).getByRole('tab', { name: 'Microsoft Entra applications' }),
    },
    {
      page: 'user management, applications tab',
      open: (p) => openFixture(p, 'flow-apps-to-key-en'),
      ref: 'connect.userManagement.selectApp',
    },
    {
      page: 'user management, add application',
      open: (p) => openFixture(p, 'add-application-en'),
      ref: 'connect.userManagement.createOrAdd',
    },
    {
      page: 'application page',
      open: (p) => openFixture(p, 'application-page-en'),
      ref: 'connect.applicationPage.addKey',
      target: (p) => pc(p).getByRole('button', { name: 'Add new key' }),
    },
    {
      page: 'application page without "Add new key"',
      open: (p) => openFixture(p, 'negative-app-page-masked-keys'),
      ref: 'connect.applicationPage.noAddKey',
    },
    { page: 'key screen', open: (p) => openFixture(p, 'key-screen-en'), ref: 'connect.keyScreen.capture' },
    { page: 'unauthorized', open: (p) => openFixture(p, 'unauthorized-tenants'), ref: 'connect.unauthorized.role' },
  ];
  for (const first of firsts) {
    test(`${first.page}: ${first.ref}`, async ({ partnerCenter, serviceWorker }) => {
      if (first.started) await requestGuide(serviceWorker);
      const page = await first.open(partnerCenter);
      if (first.target) await expectAnchoredTo(page, first.ref, first.target(page));
      else await expectStep(page, first.ref, 'docked');
      await expect(card(page)).toContainText(/Step 1 of \d/);
      await shot(page, `first-${first.ref.split('.').slice(1).join('-')}`);
    });
  }
});

test.describe('steps quote the page', () => {
  const pages = [
    {
      locale: 'de',
      addNewKey: 'Neuen Schlüssel hinzufügen',
      addAnotherKey: 'Weiteren Schlüssel hinzufügen',
      remove: 'Entfernen',
    },
    { locale: 'es', addNewKey: 'Agregar nueva clave', addAnotherKey: 'Agregar otra clave', remove: 'Quitar' },
    {
      locale: 'fr',
      addNewKey: 'Ajouter une nouvelle clé',
      addAnotherKey: 'Ajouter une autre clé',
      remove: 'Supprimer',
    },
    { locale: 'ja', addNewKey: '新しいキーの追加', addAnotherKey: '別のキーの追加', remove: '削除' },
  ];
  for (const words of pages) {
    test(`${words.locale}: "Add new key", "Add another key" and "Remove" as the page writes them`, async ({
      partnerCenter,
      serviceWorker,
    }) => {
      const page = await openFixture(partnerCenter, `application-page-${words.locale}`);
      const addNewKey = pc(page).getByRole('button', { name: words.addNewKey });
      await expectAnchoredTo(page, 'connect.applicationPage.addKey', addNewKey);
      await expect(card(page).locator('#stactize-guide-body')).toHaveText(
        `Press “${words.addNewKey}”. Partner Center shows the key once; the companion secures it the moment it appears.`,
      );
      await expect(card(page)).not.toContainText('“Add new key”');
      await shot(page, `quoted-${words.locale}-addKey`);

      const key = await openFixture(partnerCenter, `key-screen-${words.locale}`);
      await expectStep(key, 'connect.keyScreen.capture', 'docked');
      await next(key);
      await expectAnchoredTo(
        key,
        'connect.keyScreen.another',
        pc(key).getByRole('button', { name: words.addAnotherKey }),
      );
      await expect(card(key)).toContainText(`Choose “${words.addAnotherKey}” only if you need a second key`);
      await key.close();

      // A rotation whose new key Stactize verified: the removal names this page's "Remove".
      await serviceWorker.evaluate(() =>
        chrome.storage.local.set({
          guideProgress: {
            guide: 'rotate',
            active: true,
            completed: ['event.keyDelivered', 'event.keyVerified'],
            at: {},
            pages: {},
          },
        }),
      );
      await page.reload();
      await expectAnchoredTo(page, 'rotate.applicationPage.removeOld', pc(page).getByRole('grid'));
      await expect(card(page)).toContainText(`with its “${words.remove}” button`);
      await shot(page, `quoted-${words.locale}-removeOld`);
    });
  }

  test('a Japanese page that left "Add new key" in English: the step says what the page shows', async ({
    partnerCenter,
  }) => {
    const page = await openFixture(partnerCenter, 'application-page-ja-mixed');
    await expectAnchoredTo(
      page,
      'connect.applicationPage.addKey',
      pc(page).getByRole('button', { name: 'Add new key' }),
    );
    await expect(card(page)).toContainText('Press “Add new key”.');
    await shot(page, 'quoted-ja-mixed');
  });

  test('a German Tenants page with no tenant: both buttons quoted, in a docked step too', async ({ partnerCenter }) => {
    const page = await partnerCenter.open(`${PC}/de-de${TENANTS_PATH}`, noTenantPage(NO_TENANT.de));
    await expectStep(page, 'connect.tenants.chooseTenant', 'docked');
    await expect(card(page)).toContainText(
      `Choose “${NO_TENANT.de.associate}”. No tenant yet? Choose “${NO_TENANT.de.create}”`,
    );
    await next(page);
    await expectStep(page, 'connect.tenants.signIn', 'docked');
    await expect(card(page).locator('#stactize-guide-body')).toContainText(
      `“${NO_TENANT.de.associate}” opens Microsoft’s sign-in page`,
    );
    // "Confirm" is not on this page (it comes after the sign-in): named in English.
    await expect(card(page)).toContainText('press “Confirm”');
    await shot(page, 'quoted-de-no-tenant');
  });

  test('a target missing from the page is named in English', async ({ partnerCenter }) => {
    const page = await openFixture(partnerCenter, 'negative-app-page-masked-keys');
    await expectStep(page, 'connect.applicationPage.noAddKey', 'docked');
    await expect(card(page).getByRole('heading')).toHaveText('“Add new key” is missing');
  });
});
