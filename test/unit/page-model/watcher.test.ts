// @vitest-environment happy-dom
/**
 * The watcher's lifetimes and timing: states on start and on change only, late values and late shadow roots,
 * key stability, client-side navigation, the remembered application page, and nothing left running after abort.
 * No fixed sleeps: each step awaits a condition, or moves a fake clock (timers, frames and Date) exactly.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TEST_VALUES as V } from '@/test/fixtures/partner-center/values';
import { completesKeyScreen, type PageState, REMEMBERED_APP_TTL_MS } from '@/utils/page-model/page-state';
import { watchPartnerCenter } from '@/utils/page-model/watcher';
import { mountDeep, setUrl, UM_APPS } from './helpers';

const APP_URL = `${UM_APPS}/${V.clientId}`;
const KEY_URL = `${APP_URL}/keys/new`;

const appPage = (clientId: string = V.clientId) => `<h1>Stactize Connector</h1>
  <dl><dt>Tenant ID</dt><dd>${V.tenantId}</dd><dt>Client ID</dt><dd>${clientId}</dd></dl><button>Add new key</button>`;
const keyScreen = (
  clientId: string = V.clientId,
) => `<p>Be sure to print or copy this info, as you won't be able to access it again after you leave this page.</p>
  <div><span>Client ID</span><span>${clientId}</span></div>
  <div><span>Key</span><he-key-box id="box"></he-key-box></div><button>Add another key</button>`;

let controller: AbortController;
let states: PageState[];

function start(options: { settleMs?: number; confirmMs?: number; hrefCheckMs?: number } = {}) {
  controller = new AbortController();
  states = [];
  return watchPartnerCenter({
    signal: controller.signal,
    onState: (state) => states.push(state),
    win: window as unknown as Window & typeof globalThis,
    settleMs: options.settleMs ?? 60,
    confirmMs: options.confirmMs,
    hrefCheckMs: options.hrefCheckMs ?? 0,
  });
}
const last = () => states.at(-1);
const keyStatus = () => {
  const state = last();
  return state?.kind === 'keyScreen' ? state.keyStatus : null;
};
const until = (check: () => unknown) => vi.waitFor(() => expect(check()).toBeTruthy(), { timeout: 3000, interval: 5 });

/** Gives the key box of keyScreen() a shadow root with a readonly input and sets its value property. */
function setKey(value: string, root: ShadowRoot) {
  const box = root.getElementById('box') as HTMLElement;
  const shadow = box.shadowRoot ?? box.attachShadow({ mode: 'open' });
  if (!shadow.querySelector('input')) shadow.innerHTML = '<input readonly>';
  (shadow.querySelector('input') as HTMLInputElement).value = value;
}

beforeEach(() => {
  document.body.innerHTML = '';
  setUrl(UM_APPS);
});
afterEach(() => {
  controller?.abort();
  vi.useRealTimers();
  delete (window as unknown as { navigation?: unknown }).navigation;
});

describe('watchPartnerCenter', () => {
  it('emits the state on start and again only when it changes', async () => {
    vi.useFakeTimers();
    const root = mountDeep('<h1>User management</h1>');
    start();
    expect(states).toHaveLength(1);
    expect(last()).toMatchObject({ kind: 'userManagement', tab: 'apps' });
    // A mutation that changes nothing the state holds: a read is scheduled, runs, and emits nothing.
    document.body.append(document.createElement('he-probe'));
    await vi.advanceTimersByTimeAsync(0); // the observer's callback schedules the read (frame + fallback timeout)
    expect(vi.getTimerCount()).toBeGreaterThan(0);
    await vi.runAllTimersAsync();
    expect(vi.getTimerCount()).toBe(0);
    expect(states).toHaveLength(1);
    // The same observer, given a change the state does hold, emits it: the silence above was a read, not deafness.
    root.innerHTML = appPage();
    await vi.runAllTimersAsync();
    expect(states).toHaveLength(2);
    expect(last()).toMatchObject({ kind: 'applicationPage', clientId: V.clientId });
  });

  it('picks up values that render late, inside shadow roots that appear later', async () => {
    const root = mountDeep('<section aria-busy="true">Loading…</section>');
    start();
    expect(last()?.kind).toBe('userManagement');
    // A new component with its own shadow root appears, then its content fills in.
    const late = document.createElement('he-details');
    root.append(late);
    const lateRoot = late.attachShadow({ mode: 'open' });
    await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
    lateRoot.innerHTML = appPage();
    await until(() => last()?.kind === 'applicationPage');
    expect(last()).toMatchObject({ clientId: V.clientId, tenantId: V.tenantId, appName: 'Stactize Connector' });
  });

  it('captures a key only once it has held still, never a partial (legacy-shaped) value', async () => {
    setUrl(KEY_URL);
    const root = mountDeep(keyScreen());
    start({ settleMs: 150 });
    expect(last()).toMatchObject({ kind: 'keyScreen', keyStatus: 'missing', key: null });
    setKey(V.keys.current.slice(0, 32), root); // a value property: no mutation; the watcher's re-reads find it
    await until(() => keyStatus() === 'settling');
    setKey(V.keys.current, root);
    await until(() => keyStatus() === 'captured');
    const captured = states.filter((s) => s.kind === 'keyScreen' && s.key);
    expect(captured).toHaveLength(1);
    const state = captured[0];
    expect(state?.kind === 'keyScreen' && state.key?.reveal()).toBe(V.keys.current);
    expect(state).toMatchObject({ confidence: 'high', clientId: V.clientId });
  });

  it('trusts a current-shape key after a short confirmation, not the long settle', async () => {
    setUrl(KEY_URL);
    const root = mountDeep(keyScreen());
    start({ settleMs: 60_000 });
    const shownAt = performance.now();
    setKey(V.keys.current, root);
    root.getElementById('box')?.setAttribute('aria-hidden', 'false'); // a mutation, as a render makes
    await until(() => keyStatus() === 'captured');
    expect(performance.now() - shownAt).toBeLessThan(2000);
    // Seen once, then confirmed by a later read: the first state for it says settling.
    expect(states.some((s) => s.kind === 'keyScreen' && s.keyStatus === 'settling')).toBe(true);
  });

  it('re-reads a key screen until its key shows, however long after the page started (a drawer opened late)', async () => {
    vi.useFakeTimers();
    setUrl(APP_URL);
    const root = mountDeep(appPage());
    start({ settleMs: 60 });
    expect(last()?.kind).toBe('applicationPage');
    // Long past the late-value window of the page itself, the key screen opens; its key is set much later, as a
    // property only (no mutation), on a visit where nothing else changes.
    await vi.advanceTimersByTimeAsync(120_000);
    root.innerHTML = keyScreen();
    await vi.advanceTimersByTimeAsync(200);
    expect(keyStatus()).toBe('missing');
    await vi.advanceTimersByTimeAsync(90_000);
    setKey(V.keys.current, root);
    // Found by a re-read at most a second later (then confirmed by the next one).
    await vi.advanceTimersByTimeAsync(2_100);
    expect(keyStatus()).toBe('captured');
    // Once captured, nothing keeps running on its own.
    await vi.runAllTimersAsync();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('takes a dialog with Client ID and Key for the key screen just after the user pressed "Add new key"', async () => {
    vi.useFakeTimers();
    setUrl(APP_URL);
    const root = mountDeep(appPage());
    start({ settleMs: 20 });
    const openDialog = () => {
      const box = document.createElement('div');
      box.innerHTML = `<he-dialog open><dl><dt>Client ID</dt><dd>${V.clientId}</dd><dt>Key</dt><dd><canvas></canvas></dd></dl></he-dialog>`;
      root.append(box);
      return box;
    };
    const button = root.querySelector('button') as HTMLButtonElement;
    // A dialog that opens after a script's click (not the user's) is not the key screen.
    button.click();
    const box = openDialog();
    await vi.runAllTimersAsync();
    expect(last()?.kind).toBe('applicationPage');
    box.remove();
    // The user's own press (a trusted click) says what follows.
    const press = new MouseEvent('click', { bubbles: true, composed: true });
    Object.defineProperty(press, 'isTrusted', { value: true });
    button.dispatchEvent(press);
    openDialog();
    await vi.advanceTimersByTimeAsync(200);
    expect(last()).toMatchObject({ kind: 'keyScreen', keyStatus: 'missing', clientId: V.clientId });
  });

  it('keeps the long settle for low-confidence shapes', async () => {
    vi.useFakeTimers();
    setUrl(KEY_URL);
    const root = mountDeep(keyScreen());
    start({ settleMs: 250, confirmMs: 0 });
    setKey(V.keys.legacy34, root);
    root.getElementById('box')?.setAttribute('aria-hidden', 'false');
    // Step the fake clock a millisecond at a time to the read that first sees the key.
    for (let ms = 0; ms < 200 && keyStatus() !== 'settling'; ms++) await vi.advanceTimersByTimeAsync(1);
    expect(keyStatus()).toBe('settling');
    // A re-render half-way makes a read that finds the same value: still too young to trust.
    await vi.advanceTimersByTimeAsync(100);
    root.getElementById('box')?.setAttribute('aria-hidden', 'true');
    await vi.advanceTimersByTimeAsync(100);
    expect(keyStatus()).toBe('settling');
    await vi.advanceTimersByTimeAsync(49);
    expect(keyStatus()).toBe('settling'); // not a millisecond before settleMs
    await vi.advanceTimersByTimeAsync(100);
    expect(keyStatus()).toBe('captured');
    const state = last();
    expect(state?.kind === 'keyScreen' && state.key?.reveal()).toBe(V.keys.legacy34);
  });

  it('never captures a current-shape value while it is still changing', async () => {
    vi.useFakeTimers();
    setUrl(KEY_URL);
    const root = mountDeep(keyScreen());
    start({ confirmMs: 40 });
    const box = root.getElementById('box') as HTMLElement;
    const values = Array.from(
      { length: 40 },
      (_, i) => `Ab${String.fromCharCode(65 + (i % 26))}8Q~${V.keys.current.slice(6)}`,
    );
    // A new value every 5 ms of the fake clock, for 200 ms: each read finds a value younger than confirmMs.
    for (const [i, value] of values.entries()) {
      setKey(value, root);
      box.setAttribute('aria-hidden', String(i % 2 === 0)); // each change re-renders
      await vi.advanceTimersByTimeAsync(5);
    }
    expect(keyStatus()).toBe('settling'); // seen all along, trusted never
    expect(states.filter((s) => s.kind === 'keyScreen' && s.key)).toEqual([]);
    // Once it holds still, confirmMs plus a frame later it is captured.
    await vi.advanceTimersByTimeAsync(40 + 100);
    expect(keyStatus()).toBe('captured');
    const captured = states.filter((s) => s.kind === 'keyScreen' && s.key);
    expect(captured).toHaveLength(1);
    const state = captured[0];
    expect(state?.kind === 'keyScreen' && state.key?.reveal()).toBe(values.at(-1));
  });

  it('drops the key when the value becomes masked, and captures a new one from "Add another key"', async () => {
    setUrl(KEY_URL);
    const root = mountDeep(keyScreen());
    setKey(V.keys.current, root);
    start({ settleMs: 40 });
    await until(() => keyStatus() === 'captured');
    setKey('••••••••••••', root);
    root.getElementById('box')?.setAttribute('aria-hidden', 'false'); // a mutation, as a re-render makes
    await until(() => keyStatus() === 'masked');
    setKey(V.keys.another, root);
    root.getElementById('box')?.setAttribute('aria-hidden', 'true');
    await until(() => {
      const s = last();
      return s?.kind === 'keyScreen' && s.key?.reveal() === V.keys.another;
    });
  });

  it('follows history.pushState through the Navigation API and starts a new page lifetime', async () => {
    const navigation = new EventTarget();
    (window as unknown as { navigation: EventTarget }).navigation = navigation;
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');
    const disconnect = vi.spyOn(MutationObserver.prototype, 'disconnect');
    const root = mountDeep('<h1>User management</h1>');
    start({ hrefCheckMs: 0 });
    const observersOnFirstPage = observe.mock.calls.length;
    expect(observersOnFirstPage).toBe(4); // the document and three shadow roots

    history.pushState({}, '', APP_URL);
    root.innerHTML = appPage();
    navigation.dispatchEvent(new Event('navigatesuccess'));
    await until(() => last()?.kind === 'applicationPage');
    expect(last()?.url).toBe(APP_URL);
    expect(disconnect.mock.calls.length).toBeGreaterThanOrEqual(observersOnFirstPage);
  });

  it('notices navigation by popstate, hashchange and the cheap href check', async () => {
    mountDeep('<h1>User management</h1>');
    start({ hrefCheckMs: 10 });
    history.pushState({}, '', 'https://partner.microsoft.com/dashboard/account/v3/usermanagement#users');
    await until(() => last()?.kind === 'userManagement' && last()?.url.endsWith('#users'));
    history.pushState({}, '', 'https://partner.microsoft.com/dashboard/v2/home?route=v2');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await until(() => last()?.kind === 'dashboard');
  });

  it('does not observe pages outside the flow', () => {
    setUrl('https://partner.microsoft.com/dashboard/v2/home?route=v2');
    mountDeep('<h1>Home</h1>');
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');
    start();
    expect(last()).toMatchObject({ kind: 'dashboard' });
    expect(observe).not.toHaveBeenCalled();
  });

  it('emits nothing off Partner Center, now or later', async () => {
    vi.useFakeTimers();
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');
    setUrl('https://partner.microsoft.com.example.net/dashboard/account/v3/usermanagement#apps');
    const root = mountDeep(keyScreen());
    start({ hrefCheckMs: 0 });
    expect(states).toHaveLength(0);
    // Nothing observed and no timer armed, so nothing can emit later; a render changes nothing.
    expect(observe).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
    setKey(V.keys.current, root);
    root.append(document.createElement('p'));
    await vi.runAllTimersAsync();
    expect(states).toHaveLength(0);
  });

  it("prefers the application page's Client ID over the key screen's and reports the mismatch", async () => {
    setUrl(APP_URL);
    const root = mountDeep(appPage());
    start({ settleMs: 20, hrefCheckMs: 5 });
    expect(last()).toMatchObject({ kind: 'applicationPage', clientId: V.clientId });
    history.pushState({}, '', KEY_URL);
    root.innerHTML = keyScreen(V.otherClientId);
    setKey(V.keys.current, root);
    await until(() => keyStatus() === 'captured');
    expect(last()).toMatchObject({
      clientId: V.clientId,
      clientIdOnScreen: V.otherClientId,
      tenantId: V.tenantId,
      appName: 'Stactize Connector',
      clientIdMismatch: { keyScreen: V.otherClientId, applicationPage: V.clientId },
    });
  });

  it('forgets the application page after 30 minutes: a key screen reached later asks for its tenant', async () => {
    const seen = Date.now();
    const dateNow = vi.spyOn(Date, 'now').mockReturnValue(seen);
    setUrl(APP_URL);
    const root = mountDeep(appPage());
    start({ settleMs: 20, hrefCheckMs: 5 });
    expect(last()).toMatchObject({ kind: 'applicationPage', tenantId: V.tenantId });
    dateNow.mockReturnValue(seen + REMEMBERED_APP_TTL_MS + 1);
    history.pushState({}, '', KEY_URL);
    root.innerHTML = keyScreen(V.otherClientId);
    setKey(V.keys.current, root);
    dateNow.mockImplementation(() => seen + REMEMBERED_APP_TTL_MS + performance.now());
    await until(() => keyStatus() === 'captured');
    expect(last()).toMatchObject({
      clientId: V.otherClientId,
      tenantId: null,
      appName: null,
      clientIdMismatch: null,
    });
  });

  it('an application page whose URL names it completes only key screens whose URL names the same one (or none)', () => {
    const app = { appName: 'A', tenantId: V.tenantId, clientId: V.clientId, seenAt: 0, urlIds: [V.clientId] };
    expect(completesKeyScreen(app, `${UM_APPS}/${V.clientId}/keys/new`, 1)).toBe(true);
    expect(completesKeyScreen(app, `${UM_APPS}#key`, 1)).toBe(true);
    expect(completesKeyScreen(app, `${UM_APPS}/${V.otherClientId}/keys/new`, 1)).toBe(false);
    expect(completesKeyScreen({ ...app, urlIds: [] }, `${UM_APPS}/${V.otherClientId}/keys/new`, 1)).toBe(true);
    expect(completesKeyScreen(app, `${UM_APPS}/${V.clientId}/keys/new`, REMEMBERED_APP_TTL_MS + 1)).toBe(false);
  });

  it('disconnects every observer, clears every timer and stops emitting once aborted', async () => {
    vi.useFakeTimers();
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');
    const disconnect = vi.spyOn(MutationObserver.prototype, 'disconnect');
    setUrl(KEY_URL);
    const root = mountDeep(keyScreen());
    start({ hrefCheckMs: 5 });
    const count = states.length;
    expect(count).toBe(1);
    root.append(document.createElement('span')); // a render: a read is scheduled (a frame and its fallback)
    await vi.advanceTimersByTimeAsync(0);
    // Running: the href check, the late-value re-read and the scheduled read are armed.
    expect(vi.getTimerCount()).toBeGreaterThanOrEqual(3);
    controller.abort();
    expect(disconnect.mock.calls.length).toBe(observe.mock.calls.length);
    expect(vi.getTimerCount()).toBe(0);
    setKey(V.keys.current, root);
    root.append(document.createElement('p'));
    history.pushState({}, '', UM_APPS);
    window.dispatchEvent(new PopStateEvent('popstate'));
    await vi.advanceTimersByTimeAsync(0); // any observer callback or listener would have run by now
    expect(vi.getTimerCount()).toBe(0); // … and armed nothing: no timer is left that could emit later
    expect(states).toHaveLength(count);
  });

  it('does nothing when started with an aborted signal, now or later', async () => {
    vi.useFakeTimers();
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');
    setUrl(KEY_URL);
    const root = mountDeep(keyScreen());
    const aborted = new AbortController();
    aborted.abort();
    const seen: PageState[] = [];
    watchPartnerCenter({ signal: aborted.signal, onState: (s) => seen.push(s), win: window as never });
    expect(seen).toHaveLength(0);
    expect(observe).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
    setKey(V.keys.current, root);
    history.pushState({}, '', UM_APPS);
    window.dispatchEvent(new PopStateEvent('popstate'));
    await vi.runAllTimersAsync();
    expect(seen).toHaveLength(0);
  });
});
