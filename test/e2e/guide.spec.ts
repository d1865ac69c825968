/**
 * The in-page guide, end to end: the built extension on fixture pages at real Partner Center URLs. Each page kind
 * shows its step, anchored beside the real element (through shadow roots) or docked when the element is missing;
 * the guide keeps in step across client-side navigation and reloads, finds late targets, minimises on Esc and
 * never blocks the page. Every step seen is saved as a screenshot in the test's output folder.
 */
import type { Locator, Page, Worker } from '@playwright/test';
import { FIXTURES } from '../fixtures/partner-center';
import { expect, test } from './harness/fixtures';
import { APP_URL, freshKey, KEY_URL, keyFlowPage } from './pages/key-flow';

const overlay = (page: Page) => page.locator('stactize-companion');
const pc = (page: Page) => page.locator('he-shell');
const card = (page: Page) => overlay(page).locator('[data-guide-step]');
const GAP = 10; // utils/tour/anchor.ts GAP_PX
const PAD = 4; // the highlight's padding around the target

function fixture(name: string) {
  const found = FIXTURES.find((f) => f.name === name);
  if (!found) throw new Error(`no fixture ${name}`);
  return found;
}

async function openFixture(partnerCenter: { open(url: string, html?: string): Promise<Page> }, name: string) {
  const f = fixture(name);
  return partnerCenter.open(f.url, f.html());
}

async function shot(page: Page, step: string) {
  await page.screenshot({ path: test.info().outputPath(`guide-${step}.png`) });
}

/** Asks for a guide the way the popup does, so it also shows outside the account area. */
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
  const title = (await card(page).locator('h2').textContent()) ?? '';
  await expect(overlay(page).getByRole('region', { name: title })).toBeVisible();
}

/** The popover sits GAP px beside the target's bounding box on the side Floating UI chose; the highlight on it. */
async function expectAnchoredTo(page: Page, ref: string, target: Locator) {
  await expectStep(page, ref, 'anchored');
  const popover = overlay(page).locator('.guide-popover[data-placed]');
  const highlight = overlay(page).locator('.guide-highlight[data-placed]');
  await expect(popover).toBeVisible();
  await expect
    .poll(async () => {
      const t = await target.boundingBox();
      const p = await popover.boundingBox();
      const h = await highlight.boundingBox();
      const side = (await popover.getAttribute('data-placement'))?.split('-')[0];
      if (!t || !p || !h || !side) return 'not laid out';
      const gap = {
        right: p.x - (t.x + t.width),
        left: t.x - (p.x + p.width),
        bottom: p.y - (t.y + t.height),
        top: t.y - (p.y + p.height),
      }[side];
      const overlaps =
        side === 'right' || side === 'left'
          ? p.y < t.y + t.height && p.y + p.height > t.y
          : p.x < t.x + t.width && p.x + p.width > t.x;
      const onTarget = [h.x - (t.x - PAD), h.y - (t.y - PAD), h.width - (t.width + 2 * PAD)].every(
        (d) => Math.abs(d) <= 2,
      );
      return gap !== undefined && Math.abs(gap - GAP) <= 3 && overlaps && onTarget
        ? 'beside'
        : { side, gap, overlaps, onTarget };
    })
    .toBe('beside');
}

test.describe('the in-page guide', () => {
  test('dashboard: a started guide points at the gear icon (Account settings)', async ({
    partnerCenter,
    serviceWorker,
  }) => {
    await requestGuide(serviceWorker);
    const page = await openFixture(partnerCenter, 'dashboard-home');
    await expectAnchoredTo(
      page,
      'connect.dashboard.openSettings',
      page.locator('he-button[aria-label="Account settings"]').locator('button'),
    );
    await shot(page, 'dashboard-openSettings');
  });

  test('dashboard: nothing shows until the guide is started', async ({ partnerCenter }) => {
    const page = await openFixture(partnerCenter, 'dashboard-home');
    await expect(overlay(page)).toHaveAttribute('data-page-state', /"dashboard"/);
    await expect(overlay(page).locator('.stack')).toBeAttached();
    await expect(card(page)).toHaveCount(0);
  });

  const anchored: Array<[fixture: string, ref: string, target: (page: Page) => Locator]> = [
    [
      'tenants-associate-review-fr',
      'connect.tenants.associateReview',
      (p) => pc(p).getByRole('button', { name: 'Confirmer' }),
    ],
    ['tenants-all-set-ja', 'connect.tenants.allSet', (p) => pc(p).getByRole('button', { name: 'テナント管理に戻る' })],
    [
      'users-tab-no-hash',
      'connect.userManagement.openAppsTab',
      (p) => pc(p).getByRole('tab', { name: 'Microsoft Entra applications' }),
    ],
    [
      'application-page-en',
      'connect.applicationPage.addKey',
      (p) => pc(p).getByRole('button', { name: 'Add new key' }),
    ],
    [
      'application-page-de',
      'connect.applicationPage.addKey',
      (p) => pc(p).getByRole('button', { name: 'Neuen Schlüssel hinzufügen' }),
    ],
  ];
  for (const [name, ref, target] of anchored) {
    test(`${name}: shows ${ref} beside its element`, async ({ partnerCenter }) => {
      const page = await openFixture(partnerCenter, name);
      await expectAnchoredTo(page, ref, target(page));
      await shot(page, ref.split('.').slice(1).join('-'));
    });
  }

  test('tenants list with three tenants: on to User management, then which tenant holds the application', async ({
    partnerCenter,
  }) => {
    const page = await openFixture(partnerCenter, 'tenants-list-en');
    // The grid renders 1.5 s late; until then no tenant is listed and the page asks to associate or create one.
    await expectStep(page, 'connect.tenants.tenantReady', 'docked');
    await expect(card(page)).toContainText('“User management”');
    await shot(page, 'tenants-tenantReady');
    await card(page).getByRole('button', { name: 'Next' }).click();
    await expectAnchoredTo(
      page,
      'connect.tenants.severalTenants',
      pc(page).getByRole('button', { name: 'Associate another Microsoft Entra ID tenant' }),
    );
    await expect(card(page)).toContainText('choose “Associate another Microsoft Entra ID tenant”');
    await expect(card(page)).toContainText('asks for an account of that other tenant');
    await shot(page, 'tenants-severalTenants');
  });

  test('add application form: create or add existing, and the Manager role', async ({ partnerCenter }) => {
    const page = await openFixture(partnerCenter, 'add-application-en');
    await expectStep(page, 'connect.userManagement.createOrAdd', 'docked');
    await card(page).getByRole('button', { name: 'Next' }).click();
    await expectStep(page, 'connect.userManagement.managerRole', 'docked');
    await expect(card(page)).toContainText('Manager');
    await shot(page, 'userManagement-managerRole');
  });

  test('application page without "Add new key": first explains why it is missing, then the keys', async ({
    partnerCenter,
  }) => {
    const page = await openFixture(partnerCenter, 'negative-app-page-masked-keys');
    await expectStep(page, 'connect.applicationPage.noAddKey', 'docked');
    await shot(page, 'applicationPage-noAddKey');
    await card(page).getByRole('button', { name: 'Next' }).click();
    await expectAnchoredTo(page, 'connect.applicationPage.keys', pc(page).getByRole('grid'));
  });

  test('key screen: the guide docks above the capture panel, then points at "Add another key"', async ({
    partnerCenter,
  }) => {
    const page = await openFixture(partnerCenter, 'key-screen-en');
    await expectStep(page, 'connect.keyScreen.capture', 'docked');
    // Opened directly (no application page seen), so the capture panel asks for the tenant below the guide.
    await expect(overlay(page).getByRole('heading', { name: 'Send this key to Stactize' })).toBeVisible();
    // Stacked: the guide above the capture panel, not on top of it (polled: the panel grows as it fills in).
    await expect
      .poll(async () => {
        const guide = await card(page).boundingBox();
        const capture = await overlay(page).getByRole('complementary', { name: 'Stactize companion' }).boundingBox();
        return guide !== null && capture !== null && guide.y + guide.height <= capture.y;
      })
      .toBe(true);
    await shot(page, 'keyScreen-capture');
    await card(page).getByRole('button', { name: 'Next' }).click();
    await expectAnchoredTo(
      page,
      'connect.keyScreen.another',
      pc(page).getByRole('button', { name: 'Add another key' }),
    );
    await shot(page, 'keyScreen-another');
  });

  test('unauthorized: names the Manager role and a work account', async ({ partnerCenter }) => {
    const page = await openFixture(partnerCenter, 'unauthorized-tenants');
    await expectStep(page, 'connect.unauthorized.role', 'docked');
    await expect(card(page)).toContainText('Manager role');
    await card(page).getByRole('button', { name: 'Next' }).click();
    await expectStep(page, 'connect.unauthorized.account', 'docked');
    await expect(card(page)).toContainText('work account');
    await expect(card(page)).toContainText('personal Microsoft account');
    await shot(page, 'unauthorized-account');
  });

  test('a walk from the applications tab to the key screen keeps the guide in step', async ({ partnerCenter }) => {
    const page = await openFixture(partnerCenter, 'flow-apps-to-key-en');
    await expectStep(page, 'connect.userManagement.selectApp', 'docked');
    await shot(page, 'walk-1-selectApp');
    await pc(page).getByText('Stactize Connector', { exact: true }).click();
    // The thing to do first: "Add new key" (the keys list follows it).
    const addNewKey = pc(page).getByRole('button', { name: 'Add new key' });
    await expectAnchoredTo(page, 'connect.applicationPage.addKey', addNewKey);
    await shot(page, 'walk-2-addKey');
    await addNewKey.click(); // under the highlight: the page still takes the click
    await expectStep(page, 'connect.keyScreen.capture', 'docked');
    await expect(overlay(page).getByRole('status')).toHaveText(/Secured on this device/);
    await shot(page, 'walk-3-keyScreen');
    await page.goBack(); // client-side back to the application page: the step the user was on
    await expectAnchoredTo(page, 'connect.applicationPage.addKey', addNewKey);
  });

  test('a target that appears 2 s late gets anchored; until then the step is docked', async ({
    partnerCenter,
    serviceWorker,
  }) => {
    await requestGuide(serviceWorker);
    // Outside the account area the page watcher observes nothing: only the tour's own checks can find it.
    const page = await partnerCenter.open(
      'https://partner.microsoft.com/dashboard/marketplace-offers/overview',
      `<!doctype html><html lang="en"><body><main><h1>Marketplace offers</h1></main><script>
        setTimeout(() => {
          const header = document.createElement('header');
          header.innerHTML = '<button aria-label="Account settings" id="gear">⚙</button>';
          document.body.prepend(header);
        }, 2000);
      </script></body></html>`,
    );
    await expectStep(page, 'connect.dashboard.openSettings', 'docked');
    await expect(page.locator('#gear')).toHaveCount(0);
    await expectAnchoredTo(page, 'connect.dashboard.openSettings', page.locator('#gear'));
    await shot(page, 'late-target');
    // And when it goes away again, the step docks instead of failing.
    await page.evaluate(() => document.getElementById('gear')?.remove());
    await expectStep(page, 'connect.dashboard.openSettings', 'docked');
  });

  test('a missing or renamed target falls back to the docked panel', async ({ partnerCenter }) => {
    const page = await partnerCenter.open(
      'https://partner.microsoft.com/dashboard/account/v3/usermanagement#users',
      '<!doctype html><html lang="en"><body><h1>User management</h1><div role="tablist"><a role="tab" href="#users">Users</a><a role="tab" href="#apps">Registered apps</a></div></body></html>',
    );
    await expectStep(page, 'connect.userManagement.openAppsTab', 'docked');
    await expect(overlay(page).locator('.guide-popover')).toHaveCount(0);
    await expect(overlay(page).locator('.guide-highlight')).toHaveCount(0);
    await shot(page, 'missing-target');
  });

  test('the page under and beside the overlay stays clickable', async ({ partnerCenter }) => {
    partnerCenter.serve(KEY_URL, freshKey());
    const page = await partnerCenter.open(APP_URL, keyFlowPage());
    const addNewKey = page.locator('he-shell').getByRole('button', { name: 'Add new key' });
    await expectAnchoredTo(page, 'connect.applicationPage.addKey', addNewKey);
    // A real mouse click at the target's centre, where the highlight box is drawn.
    const box = await addNewKey.boundingBox();
    if (!box) throw new Error('no box');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect(page.locator('he-shell').getByRole('button', { name: 'Add another key' })).toBeVisible();
    await expectStep(page, 'connect.keyScreen.capture', 'docked');
  });

  test('Esc minimises, the restore button brings the step back, and keyboard focus follows', async ({
    partnerCenter,
  }) => {
    const page = await openFixture(partnerCenter, 'tenants-create-form');
    await expectStep(page, 'connect.tenants.createTip', 'docked');
    await card(page).getByRole('button', { name: 'Next' }).focus();
    await page.keyboard.press('Escape');
    const restore = overlay(page).getByRole('button', { name: 'Show the Stactize guide' });
    await expect(restore).toBeFocused();
    await expect(card(page)).toHaveCount(0);
    await expect(overlay(page).locator('[aria-live="polite"]')).toHaveText(/minimised/);
    await shot(page, 'minimised');
    await page.keyboard.press('Enter');
    await expectStep(page, 'connect.tenants.createTip', 'docked');
    await expect(card(page).getByRole('heading')).toBeFocused();
    await expect(overlay(page).locator('[aria-live="polite"]')).toHaveText(
      /step 1 of 3: First, note the administrator’s sign-in/,
    );
    await expect(card(page)).toContainText('no email is sent');
    // Tab moves through real buttons in order.
    await page.keyboard.press('Tab');
    await expect(card(page).getByRole('button', { name: 'Next' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expectAnchoredTo(page, 'connect.tenants.createFields', pc(page).getByLabel('Domain name'));
  });

  test('progress, minimised and hidden states survive a reload', async ({ partnerCenter, serviceWorker }) => {
    const page = await openFixture(partnerCenter, 'application-page-en');
    await expectStep(page, 'connect.applicationPage.addKey', 'anchored');
    await card(page).getByRole('button', { name: 'Next' }).click();
    await expectStep(page, 'connect.applicationPage.keys', 'anchored');
    await page.reload();
    await expectStep(page, 'connect.applicationPage.keys', 'anchored');
    const { guideProgress } = await serviceWorker.evaluate(() => chrome.storage.local.get('guideProgress'));
    expect(guideProgress).toMatchObject({
      guide: 'connect',
      completed: ['connect.applicationPage.addKey'],
      at: { applicationPage: 'keys' },
    });

    await card(page).getByRole('button', { name: 'Minimise guide' }).click();
    await page.reload();
    await expect(overlay(page).getByRole('button', { name: 'Show the Stactize guide' })).toBeVisible();
    await overlay(page).getByRole('button', { name: 'Show the Stactize guide' }).click();

    await card(page).getByRole('button', { name: 'Hide on this page' }).click();
    await expect(card(page)).toHaveCount(0);
    await page.reload();
    await expect(overlay(page)).toHaveAttribute('data-page-state', /"applicationPage"/);
    await expect(card(page)).toHaveCount(0);
    await expect(overlay(page).getByRole('button', { name: 'Show the Stactize guide' })).toHaveCount(0);
  });

  test('at 200 % zoom (half the CSS viewport) and with reduced motion the step stays on screen and still', async ({
    partnerCenter,
  }) => {
    const f = fixture('application-page-en');
    const page = await partnerCenter.open(f.url, f.html());
    await page.setViewportSize({ width: 640, height: 360 });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await expectStep(page, 'connect.applicationPage.addKey', 'anchored');
    const popover = overlay(page).locator('.guide-popover[data-placed]');
    await expect
      .poll(async () => {
        const box = await popover.boundingBox();
        return box !== null && box.x >= 0 && box.y >= 0 && box.x + box.width <= 640 && box.y + box.height <= 360;
      })
      .toBe(true);
    await card(page).getByRole('button', { name: 'Next' }).click();
    await expectStep(page, 'connect.applicationPage.keys', 'anchored');
    const transition = await overlay(page)
      .locator('.guide-highlight')
      .evaluate((el) => getComputedStyle(el).transitionDuration);
    expect(transition.split(',').every((d) => d.trim() === '0s')).toBe(true);
    await shot(page, 'zoom-200');
  });

  test('Restart guide starts over from the first step', async ({ partnerCenter }) => {
    const page = await openFixture(partnerCenter, 'unauthorized-tenants');
    await card(page).getByRole('button', { name: 'Next' }).click();
    await expectStep(page, 'connect.unauthorized.account', 'docked');
    await card(page).getByRole('button', { name: 'Restart guide' }).click();
    await expectStep(page, 'connect.unauthorized.role', 'docked');
  });

  test('the popup\'s "rotate" request: add a new key, send it, and remove the old one once verified', async ({
    partnerCenter,
    serviceWorker,
    pair,
  }) => {
    await pair();
    await requestGuide(serviceWorker, 'rotate');
    const page = await openFixture(partnerCenter, 'flow-client-id-mismatch-en');
    const addNewKey = pc(page).getByRole('button', { name: 'Add new key' });
    await expectAnchoredTo(page, 'rotate.applicationPage.addKey', addNewKey);
    await shot(page, 'rotate-addKey');
    await addNewKey.click();
    await expectStep(page, 'rotate.keyScreen.send', 'docked');
    // This fixture's key screen shows another Client ID than its application page: the user picks first.
    await overlay(page)
      .getByRole('button', { name: /^Use the application page/ })
      .click();
    await overlay(page)
      .getByRole('button', { name: /^Send key to Stactize/ })
      .click();
    await expect(overlay(page).getByRole('status')).toHaveText('Delivered');
    // Delivered is not verified: the old key stays.
    await expectStep(page, 'rotate.keyScreen.verifying', 'docked');
    await page.goBack();
    await expectAnchoredTo(page, 'rotate.applicationPage.waitVerify', pc(page).getByRole('grid'));
    await expect(card(page)).toContainText('Remove no key');
    await shot(page, 'rotate-waitVerify');
    // Stactize verified the new key (the tour's 'keyVerified' event, as stored progress): now the removal.
    type Stored = { completed: string[] } & Record<string, unknown>;
    const stored = () =>
      serviceWorker.evaluate(
        async () => (await chrome.storage.local.get('guideProgress')).guideProgress as Stored | undefined,
      );
    await expect.poll(async () => (await stored())?.completed).toContain('event.keyDelivered');
    const progress = await stored();
    await serviceWorker.evaluate(
      (guideProgress) => chrome.storage.local.set({ guideProgress }),
      progress && { ...progress, completed: [...progress.completed, 'event.keyVerified'] },
    );
    await page.reload();
    await expectAnchoredTo(page, 'rotate.applicationPage.removeOld', pc(page).getByRole('grid'));
    await expect(card(page)).toContainText('with its “Remove” button');
    await shot(page, 'rotate-removeOld');
  });
});
