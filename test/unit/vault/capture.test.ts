import { describe, expect, it, vi } from 'vitest';
import type { KeyScreenState, PageState } from '@/utils/page-model';
import type { StoreOutcome } from '@/utils/protocol';
import { type CaptureReading, createCaptureController, HANDOVER_PAUSES_MS, MISS_AFTER_MS } from '@/utils/vault/capture';
import { CAPTURE, CLIENT, captureView, KEY, openSealed, publicJwk, TENANT } from '../helpers';

const reading = (overrides: Partial<CaptureReading> = {}): CaptureReading => ({
  clientId: CLIENT,
  tenantId: TENANT,
  applicationName: 'App',
  keyExpiresAt: '2028-11-27',
  confidence: 'high',
  clientIdMismatch: null,
  revealKey: () => KEY,
  ...overrides,
});

const view = (captureId: string) => captureView(captureId);

const stored = async (data: { captureId: string }): Promise<StoreOutcome> => ({ ok: true, view: view(data.captureId) });

function controller(storeCapture = vi.fn(stored)) {
  let current: CaptureReading | null = reading();
  const pauses: number[] = [];
  const sent: Array<[string, string | null]> = [];
  const c = createCaptureController({
    sealingKey: publicJwk,
    storeCapture,
    sendCapture: async (id, accountId) => {
      sent.push([id, accountId]);
      return { ...view(id), state: 'queued' };
    },
    getAccount: async () => ({ paired: true, accountId: 'acc_1', accountName: 'Contoso' }),
    currentReading: () => current,
    randomUUID: () => CAPTURE,
    pause: async (ms) => void pauses.push(ms),
  });
  return { c, storeCapture, pauses, sent, setReading: (r: CaptureReading | null) => (current = r) };
}

describe('the capture controller', () => {
  it('seals at once and hands over only the sealed form and identifiers', async () => {
    const { c, storeCapture } = controller();
    await c.onReading(reading());
    expect(c.getState()).toMatchObject({ phase: 'secured', account: { accountName: 'Contoso' } });
    const [message] = storeCapture.mock.calls[0] ?? [];
    expect(JSON.stringify(message)).not.toContain(KEY);
    const { payload } = await openSealed((message as unknown as { sealed: string }).sealed);
    expect(payload).toEqual({ v: 1, captureId: CAPTURE, tenantId: TENANT, clientId: CLIENT, secret: KEY });
  });

  it('does not capture the same key twice on one page, but does capture another key', async () => {
    const { c, storeCapture } = controller();
    await c.onReading(reading());
    await c.onReading(reading());
    expect(storeCapture).toHaveBeenCalledTimes(1);
    await c.onReading(reading({ revealKey: () => `${KEY.slice(0, -1)}Z` }));
    expect(storeCapture).toHaveBeenCalledTimes(2);
  });

  it('without a tenant asks first, then seals with the tenant given, reading the key from the page again', async () => {
    const { c, storeCapture, setReading } = controller();
    await c.onReading(reading({ tenantId: null }));
    expect(c.getState().phase).toBe('needTenant');
    expect(c.unsecured()).toBe(true);
    expect(await c.chooseTenant('not-a-guid')).toBe('invalid');
    expect(storeCapture).not.toHaveBeenCalled();
    setReading(null);
    expect(await c.chooseTenant(TENANT)).toBe('gone');
    setReading(reading({ tenantId: null }));
    expect(await c.chooseTenant(` ${TENANT} `)).toBe('ok');
    expect(c.getState().phase).toBe('secured');
    expect(c.unsecured()).toBe(false);
  });

  it('when the extension was reloaded mid-capture, says so and keeps the leave-page guard up', async () => {
    const failing = vi.fn(async () => {
      throw new Error('Extension context invalidated.');
    });
    const { c, pauses } = controller(failing);
    await c.onReading(reading());
    expect(failing).toHaveBeenCalledTimes(3);
    expect(pauses).toEqual([...HANDOVER_PAUSES_MS]);
    expect(c.getState()).toMatchObject({ phase: 'failed', failure: 'extension_reloaded' });
    expect(c.unsecured()).toBe(true);
    expect(JSON.stringify(c.getState())).not.toContain(KEY);
  });

  it('a refused hand-over (outbox or storage full) is said as such, keeps the guard up, and Try again seals again', async () => {
    const refusing = vi.fn(
      async (_data: { captureId: string }): Promise<StoreOutcome> => ({
        ok: false,
        reason: 'outbox_full',
      }),
    );
    const { c } = controller(refusing);
    await c.onReading(reading());
    expect(refusing).toHaveBeenCalledTimes(1);
    expect(c.getState()).toMatchObject({ phase: 'failed', failure: 'outbox_full' });
    expect(c.unsecured()).toBe(true);
    refusing.mockImplementation(stored);
    expect(await c.retry()).toBe('ok');
    expect(c.getState()).toMatchObject({ phase: 'secured', failure: null });
  });

  it('Send names the account the button showed', async () => {
    const { c, sent } = controller();
    await c.onReading(reading());
    await c.send();
    expect(sent).toEqual([[CAPTURE, 'acc_1']]);
  });

  it('follows state pushed by the background for its own capture only', async () => {
    const { c } = controller();
    await c.onReading(reading());
    c.onCaptureChanged({ ...view('someone-else'), state: 'delivered' });
    expect(c.getState().view?.state).toBe('secured');
    c.onCaptureChanged({ ...view(CAPTURE), state: 'delivered' });
    expect(c.getState().view?.state).toBe('delivered');
  });

  it('two differing Client IDs: nothing is sealed until the user picks one, and the one picked is sealed', async () => {
    const OTHER = '0b5c8e4a-6f1d-4c2b-9a3e-7d8f9e0a1b2c';
    for (const [which, expected] of [
      ['applicationPage', CLIENT],
      ['keyScreen', OTHER],
    ] as const) {
      const { c, storeCapture, setReading } = controller();
      const mismatched = reading({ clientIdMismatch: { keyScreen: OTHER, applicationPage: CLIENT } });
      setReading(mismatched);
      await c.onReading(mismatched);
      expect(c.getState()).toMatchObject({
        phase: 'confirmClientId',
        clientIdChoice: { keyScreen: OTHER, applicationPage: CLIENT },
      });
      expect(c.unsecured()).toBe(true);
      expect(storeCapture).not.toHaveBeenCalled();
      // Another reading of the same screen does not decide for the user.
      await c.onReading(mismatched);
      expect(storeCapture).not.toHaveBeenCalled();

      expect(await c.chooseClientId(which)).toBe('ok');
      expect(c.getState().phase).toBe('secured');
      const [message] = storeCapture.mock.calls[0] ?? [];
      expect(message).toMatchObject({ clientId: expected, clientIdMismatch: true });
      const { payload } = await openSealed((message as unknown as { sealed: string }).sealed);
      expect(payload.clientId).toBe(expected);
    }
  });
});

describe('the safety net', () => {
  const keyScreenState = (over: Partial<KeyScreenState> = {}): KeyScreenState => ({
    kind: 'keyScreen',
    url: 'https://partner.microsoft.com/dashboard/account/v3/usermanagement#apps',
    clientId: CLIENT,
    clientIdOnScreen: CLIENT,
    tenantId: TENANT,
    appName: 'App',
    key: null,
    keyStatus: 'missing',
    confidence: null,
    keyExpiresAt: '2027-01-15',
    clientIdMismatch: null,
    ...over,
  });
  const appPage: PageState = {
    kind: 'applicationPage',
    url: 'https://partner.microsoft.com/dashboard/account/v3/usermanagement#apps',
    appName: 'App',
    tenantId: TENANT,
    clientId: CLIENT,
    keys: [],
    canAddKey: true,
  };

  it(`opens when the key screen shows no readable key for ${MISS_AFTER_MS} ms, says why, and closes when the screen goes`, async () => {
    vi.useFakeTimers();
    const { c } = controller();
    c.onPage(keyScreenState({ keyStatus: 'masked' }));
    expect(c.getState().phase).toBe('idle');
    // Leaving is guarded from the first moment the key screen shows, before anything is secured.
    expect(c.unsecured()).toBe(true);
    await vi.advanceTimersByTimeAsync(MISS_AFTER_MS - 1);
    expect(c.getState().phase).toBe('idle');
    await vi.advanceTimersByTimeAsync(1);
    expect(c.getState()).toMatchObject({
      phase: 'missed',
      miss: { reason: 'masked', clientId: CLIENT, tenantId: TENANT },
    });
    expect(c.unsecured()).toBe(true);
    c.onPage(appPage);
    expect(c.getState()).toMatchObject({ phase: 'idle', miss: null });
    expect(c.unsecured()).toBe(false);
    vi.useRealTimers();
  });

  it('does not open when the key is read in time', async () => {
    vi.useFakeTimers();
    const { c } = controller();
    c.onPage(keyScreenState({ keyStatus: 'settling' }));
    await c.onReading(reading());
    await vi.advanceTimersByTimeAsync(MISS_AFTER_MS * 2);
    expect(c.getState().phase).toBe('secured');
    vi.useRealTimers();
  });

  it('seals a pasted key at once, with confidence "pasted", and sends only its sealed form', async () => {
    const { c, storeCapture } = controller();
    expect(await c.pasteKey(`  ${KEY}\n`, { clientId: CLIENT.toUpperCase(), tenantId: TENANT })).toBe('ok');
    expect(c.getState()).toMatchObject({ phase: 'secured', confidence: 'pasted' });
    const [message] = storeCapture.mock.calls[0] ?? [];
    expect(message).toMatchObject({ clientId: CLIENT, tenantId: TENANT, confidence: 'pasted' });
    expect(JSON.stringify(message)).not.toContain(KEY);
    const { payload } = await openSealed((message as unknown as { sealed: string }).sealed);
    expect(payload).toMatchObject({ clientId: CLIENT, tenantId: TENANT, secret: KEY });
  });

  it('refuses a paste that is not one key, or identifiers that are not GUIDs, and keeps nothing', async () => {
    const { c, storeCapture } = controller();
    expect(await c.pasteKey('hello world', { clientId: CLIENT, tenantId: TENANT })).toBe('not_a_key');
    expect(await c.pasteKey(`${KEY} ${KEY.slice(0, -1)}Z`, { clientId: CLIENT, tenantId: TENANT })).toBe('not_a_key');
    expect(await c.pasteKey(KEY, { clientId: 'nope', tenantId: TENANT })).toBe('invalid_ids');
    expect(await c.pasteKey(KEY, { clientId: CLIENT, tenantId: '' })).toBe('invalid_ids');
    expect(storeCapture).not.toHaveBeenCalled();
    expect(JSON.stringify(c.getState())).not.toContain(KEY);
  });
});
