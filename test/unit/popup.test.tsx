// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { Popup, type PopupActions } from '@/components/popup/Popup';
import type { PopupState } from '@/utils/protocol';
import { captureView } from './helpers';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const base: PopupState = {
  account: { name: 'Contoso ISV', expiresAt: '2027-02-25T00:00:00Z' },
  connection: null,
  connectionProblem: null,
  updateRequired: false,
  partnerCenterAccess: true,
  outbox: [],
  deliveries: [],
};

async function render(state: PopupState): Promise<HTMLElement> {
  const actions: PopupActions = {
    load: async () => state,
    claim: async () => ({ ok: true, accountName: 'x' }),
    disconnect: async () => {},
    send: async () => {},
    discard: async () => {},
    openPartnerCenter: async () => {},
  };
  const host = document.createElement('div');
  document.body.replaceChildren(host);
  await act(async () => createRoot(host).render(<Popup actions={actions} />));
  return host;
}

describe('the popup', () => {
  it('warns when access to Partner Center was withdrawn', async () => {
    const host = await render({ ...base, partnerCenterAccess: false });
    expect(host.querySelector('[role=alert]')?.textContent).toMatch(/may not run on Partner Center/);
  });

  it('says the build is too old and disables Send when Stactize no longer accepts its sealing key', async () => {
    const host = await render({
      ...base,
      updateRequired: true,
      outbox: [captureView()],
    });
    expect(host.textContent).toMatch(/too old for Stactize/);
    const send = [...host.querySelectorAll('button')].find((b) => b.textContent === 'Send');
    expect(send?.disabled).toBe(true);
  });

  it('renders an app name with markup as text', async () => {
    const host = await render({
      ...base,
      connection: {
        pairingId: '0c7f4a0e-0000-4000-8000-000000000001',
        account: { id: 'a', name: 'Contoso ISV' },
        acceptedSealingKeyIds: ['k'],
        credential: {
          captureId: '6f1c1a52-3c55-4a8e-9f0e-0b6a1b2c3d4e',
          credentialId: 'c',
          tenantId: '11111111-2222-3333-4444-555555555555',
          clientId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
          applicationName: '<img src=x onerror=alert(1)>',
          keyExpiresAt: null,
          status: 'verified',
          reason: null,
          receivedAt: '2026-11-27T06:00:00Z',
          verifiedAt: null,
        },
      },
    });
    expect(host.querySelector('img')).toBeNull();
    expect(host.textContent).toContain('<img src=x onerror=alert(1)>');
  });
});
