// @vitest-environment happy-dom
/**
 * The tour engine with a fake page: anchored when the target is there, docked when it is missing, anchored once
 * it appears late (by its own backed-off checks or when the watcher emits), docked again when it goes; never
 * throwing; progress loaded, saved and resumed.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EMPTY_GUIDE_PROGRESS, type GuideProgress } from '@/utils/guidance';
import type { AnchorFn } from '@/utils/guidance/anchor';
import { GUIDES } from '@/utils/guidance/guides';
import { createTour, showsOn, type TourOptions } from '@/utils/guidance/tour';
import type { ApplicationPageState, PageState } from '@/utils/page-model/page-state';
import type { TargetId } from '@/utils/page-model/targets';

const URL_APP = 'https://partner.microsoft.com/dashboard/account/v3/usermanagement#apps/x';
const appPage = (canAddKey = true): ApplicationPageState => ({
  kind: 'applicationPage',
  url: URL_APP,
  appName: 'App',
  tenantId: null,
  clientId: null,
  keys: [],
  canAddKey,
});
const dashboard: PageState = { kind: 'dashboard', url: 'https://partner.microsoft.com/dashboard' };

function setup(stored: unknown = null, more: Partial<TourOptions> = {}) {
  const targets = new Map<TargetId, Element>();
  const saved: GuideProgress[] = [];
  const anchors: { target: Element; lost: () => void; stopped: boolean }[] = [];
  const anchor: AnchorFn = (target, _surface, lost) => {
    const entry = { target, lost, stopped: false };
    anchors.push(entry);
    return () => {
      entry.stopped = true;
    };
  };
  const findTarget = vi.fn((id: TargetId) => targets.get(id) ?? null);
  const tour = createTour({
    guides: GUIDES,
    findTarget,
    load: async () => stored as GuideProgress,
    save: (p) => {
      saved.push(p);
      return undefined;
    },
    anchor,
    isShown: (el) => el.isConnected,
    ...more,
  });
  const surface = { floating: document.createElement('div'), highlight: document.createElement('div') };
  tour.attachSurface(surface);
  return { tour, targets, saved, anchors, findTarget };
}

const button = () => document.body.appendChild(document.createElement('button'));

describe('the tour engine', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    document.body.innerHTML = '';
  });
  afterEach(() => vi.useRealTimers());

  it('anchors the step to its target when it is on the page', async () => {
    const { tour, targets, anchors } = setup();
    const add = button();
    targets.set('addNewKey', add);
    await tour.ready;
    tour.setPage(appPage());
    expect(tour.getView()).toMatchObject({ stepRef: 'connect.applicationPage.addKey', mode: 'anchored', index: 0 });
    expect(tour.getView()?.announcement).toBe('Stactize guide, step 1 of 2: Add a new key for Stactize');
    expect(anchors.at(-1)?.target).toBe(add);
    expect(tour.currentTarget()).toBe(add);
  });

  it('docks when the target is missing, and anchors it when it appears late, checking with back-off', async () => {
    const { tour, targets, findTarget } = setup();
    await tour.ready;
    tour.setPage(appPage());
    expect(tour.getView()?.mode).toBe('docked');
    const calls = findTarget.mock.calls.length;
    vi.advanceTimersByTime(250);
    expect(findTarget.mock.calls.length).toBe(calls + 1);
    vi.advanceTimersByTime(499); // the next check waits 500 ms, not another 250
    expect(findTarget.mock.calls.length).toBe(calls + 1);
    targets.set('addNewKey', button());
    vi.advanceTimersByTime(1);
    expect(tour.getView()?.mode).toBe('anchored');
    // Found: no more checks.
    const after = findTarget.mock.calls.length;
    vi.advanceTimersByTime(10_000);
    expect(findTarget.mock.calls.length).toBe(after);
  });

  it('stops checking for a missing target after its window, but still looks again when the page changes', async () => {
    const { tour, targets, findTarget } = setup();
    await tour.ready;
    tour.setPage(appPage());
    vi.advanceTimersByTime(120_000);
    const calls = findTarget.mock.calls.length;
    vi.advanceTimersByTime(60_000);
    expect(findTarget.mock.calls.length).toBe(calls);
    targets.set('addNewKey', button());
    tour.setPage({ ...appPage(), appName: 'Renamed' }); // the watcher emits
    expect(tour.getView()?.mode).toBe('anchored');
  });

  it('docks again when the anchored element disappears, and never throws from a failing lookup', async () => {
    const { tour, targets, anchors, findTarget } = setup();
    const add = button();
    targets.set('addNewKey', add);
    await tour.ready;
    tour.setPage(appPage());
    add.remove();
    targets.delete('addNewKey');
    anchors.at(-1)?.lost();
    expect(tour.getView()?.mode).toBe('docked');
    findTarget.mockImplementation(() => {
      throw new Error('page re-rendering');
    });
    expect(() => vi.advanceTimersByTime(5000)).not.toThrow();
    expect(tour.getView()?.mode).toBe('docked');
  });

  it('follows the page kind: another page shows its own guide', async () => {
    const { tour } = setup();
    await tour.ready;
    tour.setPage(appPage(false));
    expect(tour.getView()?.stepRef).toBe('connect.applicationPage.noAddKey');
    tour.setPage({ kind: 'unauthorized', url: URL_APP });
    expect(tour.getView()?.stepRef).toBe('connect.unauthorized.role');
  });

  it('shows nothing on the dashboard until started, then starts there', async () => {
    const { tour } = setup();
    await tour.ready;
    tour.setPage(dashboard);
    expect(tour.getView()).toBeNull();
    tour.begin('connect');
    expect(tour.getView()?.stepRef).toBe('connect.dashboard.openSettings');
    expect(showsOn('dashboard', { ...EMPTY_GUIDE_PROGRESS, active: true })).toBe(true);
  });

  it('Next, Back, minimise, restore, dismiss and restart change what shows, and every change is saved', async () => {
    const { tour, saved, anchors } = setup();
    await tour.ready;
    tour.setPage(appPage(true));
    tour.next();
    expect(tour.getView()?.stepRef).toBe('connect.applicationPage.appIdUri');
    tour.back();
    expect(tour.getView()?.stepRef).toBe('connect.applicationPage.addKey');
    tour.minimise();
    expect(tour.getView()).toMatchObject({ mode: 'minimised', announcement: expect.stringContaining('minimised') });
    expect(anchors.every((a) => a.stopped)).toBe(true);
    tour.restore();
    expect(tour.getView()?.mode).toBe('docked');
    tour.dismiss();
    expect(tour.getView()).toBeNull();
    tour.restart();
    expect(tour.getView()?.stepRef).toBe('connect.applicationPage.addKey');
    expect(saved.at(-1)).toEqual({ guide: 'connect', active: true, completed: [], at: {}, pages: {} });
    expect(saved.length).toBe(6);
  });

  it('resumes stored progress, and starts over from a malformed stored value', async () => {
    const resumed = setup({ ...EMPTY_GUIDE_PROGRESS, at: { applicationPage: 'appIdUri' } });
    await resumed.tour.ready;
    resumed.tour.setPage(appPage());
    expect(resumed.tour.getView()?.stepRef).toBe('connect.applicationPage.appIdUri');

    const broken = setup({ guide: 'nonsense', completed: 'x' });
    await broken.tour.ready;
    broken.tour.setPage(appPage());
    expect(broken.tour.getView()?.stepRef).toBe('connect.applicationPage.addKey');
  });

  it('outside events move the rotate guide on: delivered, then verified (only then "remove the old key")', async () => {
    const { tour } = setup();
    await tour.ready;
    tour.begin('rotate');
    tour.setPage({ kind: 'keyScreen', url: URL_APP } as PageState);
    expect(tour.getView()?.stepRef).toBe('rotate.keyScreen.send');
    tour.next(); // "Next" is not a delivery
    tour.restore();
    expect(tour.getView()?.stepRef).toBe('rotate.keyScreen.send');
    tour.notify('keyDelivered');
    expect(tour.getView()?.stepRef).toBe('rotate.keyScreen.verifying');
    tour.setPage(appPage());
    expect(tour.getView()?.stepRef).toBe('rotate.applicationPage.waitVerify');
    tour.notify('keyVerified');
    expect(tour.getView()?.stepRef).toBe('rotate.applicationPage.removeOld');
  });

  it("quotes the page's own label for the step's target, and English where the target is missing", async () => {
    const labels = new Map<TargetId, string>([['addNewKey', 'Neuen Schlüssel hinzufügen']]);
    const targetText = vi.fn((id: TargetId) => labels.get(id) ?? null);
    const { tour, targets } = setup(null, { targetText });
    targets.set('addNewKey', button());
    await tour.ready;
    tour.setPage(appPage());
    expect(tour.getView()?.body).toMatch(/^Press “Neuen Schlüssel hinzufügen”\./);
    tour.setPage(appPage(false));
    // Missing from the page: named in English.
    labels.delete('addNewKey');
    tour.setPage({ ...appPage(false), appName: 'Other' });
    expect(tour.getView()).toMatchObject({
      title: '“Add new key” is missing',
      announcement: 'Stactize guide, step 1 of 1: “Add new key” is missing',
    });
  });

  it('notifies subscribers only when what shows changes, and not after destroy', async () => {
    const { tour } = setup();
    await tour.ready;
    const listener = vi.fn();
    tour.subscribe(listener);
    tour.setPage(appPage(false));
    tour.setPage(appPage(false));
    expect(listener).toHaveBeenCalledTimes(1);
    tour.destroy();
    tour.setPage({ kind: 'unauthorized', url: URL_APP });
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
