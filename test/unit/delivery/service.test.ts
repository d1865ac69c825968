import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { SENDING_WATCHDOG_MS } from '@/utils/delivery/deliver';
import { MAX_UNSENT_PER_TAB, MAX_UNSENT_TOTAL } from '@/utils/delivery/handlers/captures';
import type { Connection, IntakeClient, IntakeError, IntakeResult } from '@/utils/delivery/intake-api';
import { MAX_TIMEOUT_MS, sealedSha256 } from '@/utils/delivery/intake-api';
import { createBackgroundService } from '@/utils/delivery/service';
import { outboxItem, pairingItem, pendingRevokesItem } from '@/utils/storage';
import { sealCredential } from '@/utils/vault/sealing';
import { CAPTURE, CLIENT, KEY, publicJwk, TENANT } from '../helpers';

const KEY_SHA = 'a'.repeat(64);

const client = { name: 'stactize-partner-center-companion' as const, version: '0.1.0', browser: 'chrome' as const };
const pairing = {
  pairingId: '0c7f4a0e-0000-4000-8000-000000000001',
  account: { id: 'acc_1', name: 'Contoso ISV' },
  intakeToken: 't'.repeat(40),
  expiresAt: '2027-02-25T00:00:00Z',
  pairedAt: '2026-11-27T00:00:00Z',
};

/** GET /v1/connection answering for this test's pairing, holding `credential` (or none). */
function connectionAnswer(credential: Connection['credential']) {
  return {
    ok: true as const,
    status: 200,
    data: {
      pairingId: pairing.pairingId,
      account: pairing.account,
      acceptedSealingKeyIds: [publicJwk.kid],
      credential,
    },
  };
}

async function capture() {
  const sealed = await sealCredential(
    { captureId: CAPTURE, tenantId: TENANT, clientId: CLIENT, revealSecret: () => KEY },
    publicJwk,
  );
  return {
    captureId: CAPTURE,
    tenantId: TENANT,
    clientId: CLIENT,
    applicationName: 'Stactize integration',
    keyExpiresAt: '2028-11-27',
    capturedAt: '2026-11-27T06:00:00.000Z',
    sealed,
    kid: publicJwk.kid,
    confidence: 'high' as const,
    clientIdMismatch: false,
    secretSha256: KEY_SHA,
  };
}

/** Another key's capture: another captureId and another key. */
async function otherCapture(captureId: string) {
  return { ...(await capture()), captureId, secretSha256: 'b'.repeat(64) };
}

function fakeIntake(answers: Array<'ack' | 'bad-ack' | IntakeError>) {
  const submitted: unknown[] = [];
  const intake: IntakeClient = {
    claimPairing: vi.fn(async () => ({
      ok: true as const,
      status: 201,
      data: { ...pairing, intakeToken: pairing.intakeToken },
    })),
    revokePairing: vi.fn(async () => ({ ok: true as const, status: 204, data: null })),
    getConnection: vi.fn(async () => ({ ok: false as const, error: { kind: 'network' as const } })),
    async submitCredential(_token, submission): Promise<IntakeResult<never>> {
      submitted.push(submission);
      const answer = answers.shift() ?? 'ack';
      if (typeof answer === 'object') return { ok: false, error: answer };
      const sha = answer === 'ack' ? await sealedSha256(submission.sealed) : 'A'.repeat(43);
      const data = {
        captureId: submission.captureId,
        credentialId: 'cred_1',
        status: 'pending_verification' as const,
        receivedAt: '2026-11-27T06:00:02Z',
        sealedSha256: sha,
      };
      return { ok: true, status: 201, data } as never;
    },
  };
  return { intake, submitted };
}

function service(
  intake: IntakeClient,
  now = () => 1_000_000,
  overrides: Partial<Parameters<typeof createBackgroundService>[0]> = {},
) {
  const notified: Array<[number, string]> = [];
  const scheduled: Array<number | null> = [];
  const notifications: string[] = [];
  const badges: string[] = [];
  const revokeWakeUps: Array<number | null> = [];
  const svc = createBackgroundService({
    intake,
    client,
    kid: publicJwk.kid,
    schedule: (at) => scheduled.push(at),
    notifyTab: (tabId, view) => notified.push([tabId, view.state]),
    notifyAccount: () => {},
    setBadge: (text) => badges.push(text),
    openPairingPage: () => {},
    openTab: () => {},
    scheduleConnectionRefresh: () => {},
    scheduleRevokes: (at) => revokeWakeUps.push(at),
    notify: (n) => notifications.push(n.title),
    hasPartnerCenterAccess: async () => true,
    now,
    random: () => 0.5,
    ...overrides,
  });
  return { svc, notified, scheduled, notifications, badges, revokeWakeUps };
}

/** The capture stored from no tab, Send pressed, and the deliver loop run once. */
async function storeAndSend(svc: ReturnType<typeof createBackgroundService>): Promise<void> {
  await svc.handlers.storeCapture(await capture(), { tabId: null });
  await svc.handlers.sendCapture({ captureId: CAPTURE, accountId: pairing.account.id }, { tabId: null });
  await svc.resume();
}

describe('the background service', () => {
  beforeEach(() => fakeBrowser.reset());

  it('stores a capture, sends it on request, checks the ack and then forgets the sealed copy', async () => {
    await pairingItem.setValue(pairing);
    const { intake, submitted } = fakeIntake(['ack']);
    const { svc, notified } = service(intake);
    const stored = await svc.handlers.storeCapture(await capture(), { tabId: 4 });
    expect(stored).toMatchObject({ ok: true, view: { state: 'secured' } });
    await svc.handlers.sendCapture({ captureId: CAPTURE, accountId: pairing.account.id }, { tabId: 4 });
    await svc.resume();
    expect(submitted).toHaveLength(1);
    expect(await outboxItem.getValue()).toEqual({});
    expect((await svc.handlers.captureStatus({ captureId: CAPTURE }, { tabId: 4 })).state).toBe('delivered');
    expect(notified.at(-1)).toEqual([4, 'delivered']);
  });

  it('answers "secured" once the sealed copy is stored, even when the badge cannot be set', async () => {
    const { intake } = fakeIntake([]);
    const { svc } = service(intake, undefined, {
      setBadge: () => {
        throw new Error('the action API is gone');
      },
    });
    const stored = await svc.handlers.storeCapture(await capture(), { tabId: 7 });
    expect(stored).toMatchObject({ ok: true, view: { captureId: CAPTURE, state: 'secured' } });
    expect(Object.keys(await outboxItem.getValue())).toEqual([CAPTURE]);
    expect(await fakeBrowser.storage.session.get('captureTabs')).toEqual({ captureTabs: { [CAPTURE]: 7 } });
  });

  it('keeps the tab of each of two captures stored at the same moment', async () => {
    const { intake } = fakeIntake([]);
    const { svc } = service(intake);
    const other = '0b5c8e4a-6f1d-4c2b-9a3e-7d8f9e0a1b2c';
    const first = await capture();
    await Promise.all([
      svc.handlers.storeCapture(first, { tabId: 3 }),
      svc.handlers.storeCapture({ ...first, captureId: other, secretSha256: 'b'.repeat(64) }, { tabId: 9 }),
    ]);
    expect(await fakeBrowser.storage.session.get('captureTabs')).toEqual({ captureTabs: { [CAPTURE]: 3, [other]: 9 } });
  });

  it('says whether a discard removed anything', async () => {
    // As in a real browser, every storage read is a fresh copy (the fake hands back the same objects).
    const { local } = fakeBrowser.storage;
    const get = local.get.bind(local);
    vi.spyOn(local, 'get').mockImplementation(async (keys) => structuredClone(await get(keys)));
    const { svc } = service(fakeIntake([]).intake);
    await svc.handlers.storeCapture(await capture(), { tabId: null });
    expect(await svc.handlers.discardCapture({ captureId: CAPTURE }, { tabId: null })).toEqual({ discarded: true });
    expect(await outboxItem.getValue()).toEqual({});
    expect(await svc.handlers.discardCapture({ captureId: CAPTURE }, { tabId: null })).toEqual({ discarded: false });
    // Also when other captures wait: the answer is about this one.
    const other = '0b5c8e4a-6f1d-4c2b-9a3e-7d8f9e0a1b2c';
    await svc.handlers.storeCapture(await otherCapture(other), { tabId: null });
    expect(await svc.handlers.discardCapture({ captureId: CAPTURE }, { tabId: null })).toEqual({ discarded: false });
    expect(Object.keys(await outboxItem.getValue())).toEqual([other]);
  });

  it('retries a retryable failure with the identical body, honouring Retry-After', async () => {
    await pairingItem.setValue(pairing);
    const { intake, submitted } = fakeIntake([
      { kind: 'http', status: 429, code: 'rate_limited', message: 'slow down', retryAfterMs: 120_000 },
      'ack',
    ]);
    let now = 1_000_000;
    const { svc, scheduled } = service(intake, () => now);
    await storeAndSend(svc);
    const entry = (await outboxItem.getValue())[CAPTURE];
    expect(entry).toMatchObject({ state: 'retrying', lastError: { code: 'rate_limited' } });
    expect(entry?.nextAttemptAt).toBeGreaterThanOrEqual(1_000_000 + 120_000);
    expect(scheduled.at(-1)).toBe(entry?.nextAttemptAt);
    now = entry?.nextAttemptAt ?? now;
    await svc.resume();
    expect(submitted).toHaveLength(2);
    expect(submitted[1]).toEqual(submitted[0]);
    expect(await outboxItem.getValue()).toEqual({});
  });

  it('arms a wake-up before each send, so a worker stopped mid-send is woken to send again', async () => {
    await pairingItem.setValue(pairing);
    const { intake } = fakeIntake([]);
    // The first worker never hears back: it is stopped while the request is in flight.
    const stopped = { ...intake, submitCredential: vi.fn(() => new Promise<never>(() => {})) };
    const first = service(stopped);
    await first.svc.handlers.storeCapture(await capture(), { tabId: null });
    await first.svc.handlers.sendCapture({ captureId: CAPTURE, accountId: pairing.account.id }, { tabId: null });
    void first.svc.resume();
    await vi.waitFor(() => expect(stopped.submitCredential).toHaveBeenCalled());
    expect((await outboxItem.getValue())[CAPTURE]?.state).toBe('sending');
    expect(first.scheduled.at(-1)).toBe(1_000_000 + SENDING_WATCHDOG_MS);
    expect(SENDING_WATCHDOG_MS).toBeGreaterThan(MAX_TIMEOUT_MS);

    // The alarm starts a new worker, which finds the entry still `sending` and sends it again.
    const { intake: answering, submitted } = fakeIntake(['ack']);
    const second = service(answering, () => 1_000_000 + SENDING_WATCHDOG_MS);
    await second.svc.resume();
    expect(submitted).toHaveLength(1);
    expect(await outboxItem.getValue()).toEqual({});
    expect(second.scheduled.at(-1)).toBeNull();
  });

  it('while one entry is being sent, an earlier wake-up for another entry stays set', async () => {
    await pairingItem.setValue(pairing);
    const { intake } = fakeIntake([{ kind: 'http', status: 503, code: 'unavailable', message: 'down' }]);
    const firstAnswered: IntakeClient['submitCredential'] = (token, submission) =>
      intake.submitCredential(token, submission);
    const submitCredential = vi
      .fn<IntakeClient['submitCredential']>()
      .mockImplementationOnce(firstAnswered)
      .mockImplementation(() => new Promise<never>(() => {}));
    const { svc, scheduled } = service({ ...intake, submitCredential });
    await storeAndSend(svc); // a 503: retried in a few seconds
    const retryAt = (await outboxItem.getValue())[CAPTURE]?.nextAttemptAt ?? 0;
    expect(retryAt).toBeLessThan(1_000_000 + SENDING_WATCHDOG_MS);

    const other = '0b5c8e4a-6f1d-4c2b-9a3e-7d8f9e0a1b2c';
    await svc.handlers.storeCapture(await otherCapture(other), { tabId: null });
    await svc.handlers.sendCapture({ captureId: other, accountId: pairing.account.id }, { tabId: null });
    void svc.resume();
    await vi.waitFor(() => expect(submitCredential).toHaveBeenCalledTimes(2));
    expect((await outboxItem.getValue())[other]?.state).toBe('sending');
    expect(scheduled.at(-1)).toBe(retryAt);
  });

  it('keeps the entry and asks for attention on a permanent error, and on an ack that never matches', async () => {
    await pairingItem.setValue(pairing);
    const { intake } = fakeIntake([{ kind: 'http', status: 401, code: 'unauthorized', message: 'no' }]);
    const { svc } = service(intake);
    await storeAndSend(svc);
    expect((await outboxItem.getValue())[CAPTURE]).toMatchObject({
      state: 'attention',
      lastError: { code: 'unauthorized' },
    });

    const mismatching = fakeIntake(['bad-ack']);
    const second = service(mismatching.intake);
    await second.svc.handlers.sendCapture({ captureId: CAPTURE, accountId: pairing.account.id }, { tabId: null });
    await second.svc.resume();
    expect((await outboxItem.getValue())[CAPTURE]).toMatchObject({
      state: 'retrying',
      lastError: { code: 'ack_mismatch' },
    });
  });

  it('keeps a capture made before pairing, and sends it once paired', async () => {
    const { intake, submitted } = fakeIntake(['ack']);
    const { svc } = service(intake);
    await storeAndSend(svc);
    expect((await outboxItem.getValue())[CAPTURE]).toMatchObject({
      state: 'attention',
      lastError: { code: 'not_paired' },
    });
    expect(await svc.handlers.claimPairing({ code: 'abcd 2345' }, { tabId: null })).toEqual({
      ok: true,
      accountName: 'Contoso ISV',
    });
    await vi.waitFor(async () => expect(await outboxItem.getValue()).toEqual({}));
    expect(submitted).toHaveLength(1);
  });

  it('stores nothing when a pairing code is refused', async () => {
    const { intake } = fakeIntake([]);
    intake.claimPairing = async () => ({
      ok: false,
      error: { kind: 'http', status: 410, code: 'pairing_code_expired', message: 'expired' },
    });
    const { svc } = service(intake);
    const outcome = await svc.handlers.claimPairing({ code: 'ABCD-2345' }, { tabId: null });
    expect(outcome).toMatchObject({ ok: false, reason: 'expired' });
    expect(await pairingItem.getValue()).toBeNull();
    expect(await svc.handlers.claimPairing({ code: 'OOPS-1234' }, { tabId: null })).toMatchObject({
      ok: false,
      reason: 'characters',
    });
  });

  it('never stores the key in clear', async () => {
    await pairingItem.setValue(pairing);
    const { intake } = fakeIntake([{ kind: 'network' }]);
    const { svc } = service(intake);
    await svc.handlers.storeCapture(await capture(), { tabId: 1 });
    await svc.handlers.sendCapture({ captureId: CAPTURE, accountId: pairing.account.id }, { tabId: 1 });
    await svc.resume();
    const everything = JSON.stringify([
      await fakeBrowser.storage.local.get(null),
      await fakeBrowser.storage.session.get(null),
    ]);
    expect(everything).toContain(CAPTURE);
    expect(everything).not.toContain(KEY);
  });

  it('reminds 30, 7 and 1 days before the delivered key expires, once each, with a fake clock', async () => {
    await pairingItem.setValue(pairing);
    const { intake } = fakeIntake([]);
    intake.getConnection = async () =>
      connectionAnswer({
        captureId: CAPTURE,
        credentialId: 'cred_1',
        tenantId: TENANT,
        clientId: CLIENT,
        applicationName: 'Stactize integration',
        keyExpiresAt: '2027-01-31',
        status: 'verified',
        reason: null,
        receivedAt: '2026-11-27T06:00:00Z',
        verifiedAt: '2026-11-27T06:00:01Z',
      });
    const expiry = Date.parse('2027-01-31T00:00:00Z');
    let now = expiry - 40 * 86_400_000;
    const { svc, notifications, badges } = service(intake, () => now);
    const seen = [];
    for (const daysBefore of [40, 30, 29.9, 7, 6.5, 1, 0.5]) {
      now = expiry - daysBefore * 86_400_000;
      await svc.refreshConnection();
      seen.push(notifications.length);
    }
    expect(notifications).toEqual([
      'Your Stactize key expires in 30 days',
      'Your Stactize key expires in 7 days',
      'Your Stactize key expires tomorrow',
    ]);
    expect(seen).toEqual([0, 1, 1, 2, 2, 3, 3]);
    // The badge says "!" once the key is within 30 days of expiry.
    expect(badges[0]).toBe('');
    expect(badges.at(-1)).toBe('!');
  });

  it.each([
    [{ kind: 'network' as const }, 'unreachable'],
    [{ kind: 'timeout' as const }, 'unreachable'],
    [
      { kind: 'http' as const, status: 429, code: 'rate_limited', message: 'slow down', retryAfterMs: 5000 },
      'rate_limited',
    ],
    [{ kind: 'http' as const, status: 401, code: 'unauthorized', message: 'revoked' }, 'unauthorized'],
  ])('a refresh that fails (%o) says what it means and keeps what was known', async (error, problem) => {
    await pairingItem.setValue(pairing);
    const { intake } = fakeIntake([]);
    intake.getConnection = async () => connectionAnswer(null);
    const { svc } = service(intake);
    await svc.refreshConnection();
    intake.getConnection = async () => ({ ok: false, error });
    const state = await svc.handlers.popupState({ refresh: true }, { tabId: null });
    expect(state.connectionProblem).toBe(problem);
    expect(state.connection).toEqual(connectionAnswer(null).data);
    expect(state.account?.name).toBe('Contoso ISV');
  });

  describe('a key goes only where the user sent it, and is never lost on the way', () => {
    const B = { id: 'acc_2', name: 'Fabrikam Consulting' };
    const pairedTo = (account: { id: string; name: string }) => ({ ...pairing, account, intakeToken: 'u'.repeat(40) });

    it('resends the identical body after an update changed the client version, the first answer lost', async () => {
      await pairingItem.setValue(pairing);
      const lost = fakeIntake([{ kind: 'network' }]);
      let now = 1_000_000;
      const before = service(lost.intake, () => now);
      await storeAndSend(before.svc);
      const entry = (await outboxItem.getValue())[CAPTURE];
      expect(entry).toMatchObject({ state: 'retrying', client });

      const updated = fakeIntake(['ack']);
      const after = service(updated.intake, () => now, { client: { ...client, version: '0.2.0' } });
      now = entry?.nextAttemptAt ?? now;
      await after.svc.resume();
      expect(updated.submitted).toEqual(lost.submitted);
      expect(await outboxItem.getValue()).toEqual({});
    });

    it('after idempotency_key_reused that follows an unanswered attempt, asks Stactize before telling the user', async () => {
      const reused = { kind: 'http', status: 422, code: 'idempotency_key_reused', message: 'different body' } as const;
      for (const held of [true, false]) {
        fakeBrowser.reset();
        await pairingItem.setValue(pairing);
        const { intake } = fakeIntake([{ kind: 'timeout' }, reused]);
        intake.getConnection = vi.fn(async () =>
          connectionAnswer({
            captureId: held ? CAPTURE : '0b5c8e4a-6f1d-4c2b-9a3e-7d8f9e0a1b2c',
            credentialId: 'cred_held',
            tenantId: TENANT,
            clientId: CLIENT,
            status: 'pending_verification',
            receivedAt: '2026-11-27T06:00:02Z',
          }),
        );
        let now = 1_000_000;
        const { svc } = service(intake, () => now);
        await storeAndSend(svc);
        now = (await outboxItem.getValue())[CAPTURE]?.nextAttemptAt ?? now;
        await svc.resume();
        expect(intake.getConnection).toHaveBeenCalled();
        if (held) {
          expect(await outboxItem.getValue()).toEqual({});
          expect((await svc.handlers.captureStatus({ captureId: CAPTURE }, { tabId: null })).state).toBe('delivered');
        } else {
          expect((await outboxItem.getValue())[CAPTURE]).toMatchObject({
            state: 'attention',
            lastError: { code: 'idempotency_key_reused' },
          });
        }
      }
    });

    it('never delivers a key sent to account A to account B paired after a failure: it waits and asks', async () => {
      await pairingItem.setValue(pairing);
      const { intake, submitted } = fakeIntake([
        { kind: 'http', status: 503, code: 'unavailable', message: 'later' },
        'ack',
      ]);
      intake.claimPairing = vi.fn(async () => ({ ok: true as const, status: 201, data: pairedTo(B) }));
      let now = 1_000_000;
      const { svc } = service(intake, () => now);
      await storeAndSend(svc);
      expect(submitted).toHaveLength(1);
      await svc.handlers.disconnect(undefined, { tabId: null });
      await svc.handlers.claimPairing({ code: 'ABCD-2345' }, { tabId: null });
      now = 1_000_000 + 24 * 60 * 60_000;
      await svc.resume();
      expect(submitted).toHaveLength(1);
      const view = await svc.handlers.captureStatus({ captureId: CAPTURE }, { tabId: null });
      expect(view).toMatchObject({ state: 'attention', lastError: { code: 'account_changed' } });
      expect(view.boundAccountName).toBe('Contoso ISV');

      // Send pressed again for B (the button names B): only now does it go to B.
      await svc.handlers.sendCapture({ captureId: CAPTURE, accountId: B.id }, { tabId: null });
      await svc.resume();
      expect(submitted).toHaveLength(2);
      expect(await outboxItem.getValue()).toEqual({});
    });

    it('a retry for A that came due while disconnected says, once B is paired, that B is not A (never "not connected")', async () => {
      await pairingItem.setValue(pairing);
      const { intake, submitted } = fakeIntake([{ kind: 'http', status: 503, code: 'unavailable', message: 'later' }]);
      intake.claimPairing = vi.fn(async () => ({ ok: true as const, status: 201, data: pairedTo(B) }));
      let now = 1_000_000;
      const { svc, notified } = service(intake, () => now);
      await svc.handlers.storeCapture(await capture(), { tabId: 7 });
      await svc.handlers.sendCapture({ captureId: CAPTURE, accountId: pairing.account.id }, { tabId: 7 });
      await svc.resume();
      await svc.handlers.disconnect(undefined, { tabId: null });
      // The retry comes due between the disconnect and the next pairing.
      now = (await outboxItem.getValue())[CAPTURE]?.nextAttemptAt ?? now;
      await svc.resume();
      expect((await outboxItem.getValue())[CAPTURE]).toMatchObject({ lastError: { code: 'not_paired' } });
      await svc.handlers.claimPairing({ code: 'ABCD-2345' }, { tabId: null });
      await vi.waitFor(async () =>
        expect((await outboxItem.getValue())[CAPTURE]).toMatchObject({
          state: 'attention',
          lastError: { code: 'account_changed' },
        }),
      );
      expect(submitted).toHaveLength(1);
      // The page that holds it hears of the change.
      await vi.waitFor(() => expect(notified.at(-1)).toEqual([7, 'attention']));
    });

    it('a Send naming another account than the one paired now queues nothing', async () => {
      await pairingItem.setValue(pairing);
      const { intake, submitted } = fakeIntake(['ack']);
      const { svc } = service(intake);
      await svc.handlers.storeCapture(await capture(), { tabId: null });
      const view = await svc.handlers.sendCapture({ captureId: CAPTURE, accountId: B.id }, { tabId: null });
      await svc.resume();
      expect(submitted).toEqual([]);
      expect(view).toMatchObject({ state: 'attention', lastError: { code: 'account_changed' } });
    });

    it('re-pairing sends an entry stopped as unauthorized only when it is the same account', async () => {
      await pairingItem.setValue(pairing);
      const { intake, submitted } = fakeIntake([{ kind: 'http', status: 401, code: 'unauthorized', message: 'no' }]);
      intake.claimPairing = vi.fn(async () => ({ ok: true as const, status: 201, data: pairedTo(B) }));
      const { svc } = service(intake);
      await storeAndSend(svc);
      await svc.handlers.claimPairing({ code: 'ABCD-2345' }, { tabId: null });
      await svc.resume();
      expect(submitted).toHaveLength(1);
      expect((await outboxItem.getValue())[CAPTURE]).toMatchObject({ state: 'attention' });

      intake.claimPairing = vi.fn(async () => ({ ok: true as const, status: 201, data: pairedTo(pairing.account) }));
      await svc.handlers.claimPairing({ code: 'ABCD-2345' }, { tabId: null });
      await vi.waitFor(async () => expect(await outboxItem.getValue()).toEqual({}));
      expect(submitted).toHaveLength(2);
    });

    it('caps unsent captures per tab and in total, and says when storage itself is full', async () => {
      const { svc } = service(fakeIntake([]).intake);
      const id = (n: number) => `0b5c8e4a-6f1d-4c2b-9a3e-${String(n).padStart(12, '0')}`;
      const nth = async (n: number) => ({
        ...(await capture()),
        captureId: id(n),
        secretSha256: n.toString(16).padStart(64, '0'),
      });
      for (let n = 0; n < MAX_UNSENT_PER_TAB; n++) {
        expect(await svc.handlers.storeCapture(await nth(n), { tabId: 1 })).toMatchObject({ ok: true });
      }
      expect(await svc.handlers.storeCapture(await nth(99), { tabId: 1 })).toEqual({
        ok: false,
        reason: 'outbox_full',
      });
      for (let n = MAX_UNSENT_PER_TAB; n < MAX_UNSENT_TOTAL; n++) {
        expect(await svc.handlers.storeCapture(await nth(n), { tabId: 100 + n })).toMatchObject({ ok: true });
      }
      expect(await svc.handlers.storeCapture(await nth(98), { tabId: 2 })).toEqual({
        ok: false,
        reason: 'outbox_full',
      });
      expect(Object.keys(await outboxItem.getValue())).toHaveLength(MAX_UNSENT_TOTAL);

      await outboxItem.setValue({});
      vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
      expect(await svc.handlers.storeCapture(await capture(), { tabId: 1 })).toEqual({
        ok: false,
        reason: 'storage_full',
      });
    });

    it('the same key captured again under a new captureId is the capture held, and after delivery is delivered', async () => {
      await pairingItem.setValue(pairing);
      const { intake, submitted } = fakeIntake(['ack']);
      const { svc } = service(intake);
      const again = '0b5c8e4a-6f1d-4c2b-9a3e-7d8f9e0a1b2c';
      await svc.handlers.storeCapture(await capture(), { tabId: 1 });
      const second = await svc.handlers.storeCapture({ ...(await capture()), captureId: again }, { tabId: 1 });
      expect(second).toMatchObject({ ok: true, view: { captureId: CAPTURE, state: 'secured' } });
      expect(Object.keys(await outboxItem.getValue())).toEqual([CAPTURE]);
      await svc.handlers.sendCapture({ captureId: CAPTURE, accountId: pairing.account.id }, { tabId: 1 });
      await svc.resume();
      const third = await svc.handlers.storeCapture({ ...(await capture()), captureId: again }, { tabId: 1 });
      expect(third).toMatchObject({ ok: true, view: { captureId: CAPTURE, state: 'delivered' } });
      expect(await outboxItem.getValue()).toEqual({});
      expect(submitted).toHaveLength(1);
    });

    it('a disconnect while Stactize cannot be reached keeps revoking the token until Stactize answers', async () => {
      await pairingItem.setValue(pairing);
      const offline = fakeIntake([]);
      offline.intake.revokePairing = vi.fn(async () => ({ ok: false as const, error: { kind: 'network' as const } }));
      const first = service(offline.intake);
      expect(await first.svc.handlers.disconnect(undefined, { tabId: null })).toEqual({ disconnected: true });
      expect(await pairingItem.getValue()).toBeNull();
      expect(await pendingRevokesItem.getValue()).toEqual([{ token: pairing.intakeToken, attempts: 1 }]);
      expect(first.revokeWakeUps.at(-1)).toBeGreaterThan(1_000_000);

      // A later worker, woken by the revoke alarm, with Stactize back.
      const online = fakeIntake([]);
      const second = service(online.intake);
      await second.svc.revokePending();
      expect(online.intake.revokePairing).toHaveBeenCalledWith(pairing.intakeToken);
      expect(await pendingRevokesItem.getValue()).toEqual([]);
      expect(second.revokeWakeUps.at(-1)).toBeNull();
    });
  });

  it("keeps the guide's progress for the content script, which has no storage of its own", async () => {
    const { svc } = service(fakeIntake([]).intake);
    expect(await svc.handlers.loadGuideProgress(undefined, { tabId: 3 })).toBeNull();
    const progress = {
      guide: 'rotate' as const,
      active: true,
      completed: ['rotate.dashboard.openSettings'],
      at: {},
      pages: {},
    };
    await svc.handlers.saveGuideProgress(progress, { tabId: 3 });
    expect(await svc.handlers.loadGuideProgress(undefined, { tabId: 4 })).toEqual(progress);
  });
});
