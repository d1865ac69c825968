/**
 * A payload each inbound message type's schema admits, shared by the gate's tests and the fuzzing: the refusals
 * differ from these in one thing only, and the fuzzing starts its near misses from them.
 */
import type { InboundData, InboundType } from '@/utils/protocol';

export const CAPTURE_ID = '6f1c1a52-3c55-4a8e-9f0e-0b6a1b2c3d4e';
export const capture: InboundData<'storeCapture'> = {
  captureId: CAPTURE_ID,
  tenantId: '11111111-2222-3333-4444-555555555555',
  clientId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
  applicationName: 'Stactize integration',
  keyExpiresAt: '2028-11-27',
  capturedAt: '2026-11-27T06:00:00.000Z',
  sealed: 'aaa.bbb.ccc.ddd.eee',
  kid: 'stactize-sandbox-dev-1',
  confidence: 'high',
  clientIdMismatch: false,
  secretSha256: 'ab'.repeat(32),
};

/** A payload each type's schema admits: the refusals below differ from these in one thing only. */
export const VALID: { [T in InboundType]: InboundData<T> } = {
  storeCapture: capture,
  sendCapture: { captureId: CAPTURE_ID, accountId: 'acct_sandbox' },
  captureStatus: { captureId: CAPTURE_ID },
  discardCapture: { captureId: CAPTURE_ID },
  keyExpiryListed: {
    clientId: '3f2a4c1e-aaaa-4bbb-8ccc-0123456789ab',
    createdOn: '2026-12-01',
    keyExpiresAt: '2028-12-01',
  },
  account: undefined,
  openPairing: undefined,
  claimPairing: { code: 'ABCD-2345' },
  disconnect: undefined,
  popupState: { refresh: true },
  openPartnerCenter: { guide: 'rotate' },
  takeGuideRequest: undefined,
  loadGuideProgress: undefined,
  saveGuideProgress: { guide: 'connect', active: false, completed: [], at: {}, pages: {} },
};
