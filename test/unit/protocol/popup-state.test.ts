import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { loadPopupState } from '@/utils/protocol/popup-state';
import { connectionItem, getValues, outboxItem, pairingItem } from '@/utils/storage';

const PAIRING = {
  pairingId: '7d3c1a52-8a38-4b8e-9f0e-0c8a7b6d5e41',
  account: { id: 'acct-1', name: 'Contoso ISV' },
  intakeToken: 'intake-token',
  expiresAt: '2027-11-27T00:00:00Z',
  pairedAt: '2026-11-27T00:00:00Z',
};

describe('the popup first render, straight from storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('shows "not connected" and nothing pending on a fresh install (every fallback applied)', async () => {
    const state = await loadPopupState('kid-1', async () => true);
    expect(state).toEqual({
      account: null,
      connection: null,
      connectionProblem: null,
      updateRequired: false,
      partnerCenterAccess: true,
      outbox: [],
      deliveries: [],
    });
  });

  it('reads the four items it shows in one storage read', async () => {
    await pairingItem.setValue(PAIRING);
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    const state = await loadPopupState('kid-1', async () => false);
    expect(get).toHaveBeenCalledTimes(1);
    expect(get.mock.calls[0]?.[0]).toEqual(['pairing', 'connection', 'outbox', 'deliveries']);
    expect(state.account).toEqual({ id: 'acct-1', name: 'Contoso ISV', expiresAt: PAIRING.expiresAt });
    expect(state.partnerCenterAccess).toBe(false);
  });

  it('asks for an update when Stactize no longer accepts this build’s sealing key', async () => {
    await pairingItem.setValue(PAIRING);
    await connectionItem.setValue({
      connection: {
        pairingId: PAIRING.pairingId,
        account: PAIRING.account,
        acceptedSealingKeyIds: ['kid-2'],
        credential: null,
      },
      fetchedAt: '2026-11-27T00:00:00Z',
      problem: null,
    });
    expect((await loadPopupState('kid-1', async () => true)).updateRequired).toBe(true);
    expect((await loadPopupState('kid-2', async () => true)).updateRequired).toBe(false);
  });
});

describe('getValues', () => {
  beforeEach(() => fakeBrowser.reset());

  it('returns each item’s stored value, or its fallback, in the order asked', async () => {
    await outboxItem.setValue({});
    await pairingItem.setValue(PAIRING);
    const [outbox, pairing, connection] = await getValues([outboxItem, pairingItem, connectionItem]);
    expect(outbox).toEqual({});
    expect(pairing).toEqual(PAIRING);
    expect(connection).toEqual({ connection: null, fetchedAt: null, problem: null });
  });
});
