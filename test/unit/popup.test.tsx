// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { Popup, type PopupActions } from '@/components/popup/Popup';
import type { PopupState } from '@/utils/protocol';
import { captureView } from './helpers';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const base: PopupState = {
  account: { id: 'a', name: 'Contoso ISV', expiresAt: '2027-02-25T00:00:00Z' },
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

  it("names a rejected key's details and says why Stactize could not use it", async () => {
    const credential = {
      captureId: '6f1c1a52-3c55-4a8e-9f0e-0b6a1b2c3d4e',
      credentialId: 'c',
      tenantId: '11111111-2222-3333-4444-555555555555',
      clientId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
      applicationName: null,
      keyExpiresAt: '2020-01-31',
      status: 'rejected' as const,
      reason: 'secret_expired' as const,
      receivedAt: '2026-11-27T06:00:00Z',
      verifiedAt: null,
    };
    const connection = {
      pairingId: '0c7f4a0e-0000-4000-8000-000000000001',
      account: { id: 'a', name: 'Contoso ISV' },
      acceptedSealingKeyIds: ['k'],
      credential,
    };
    const host = await render({ ...base, connection, connectionProblem: 'unreachable' });
    expect(host.querySelector('h2')?.textContent).toBe('Connected to Contoso ISV');
    expect(host.textContent).toContain('Stactize could not be reached; showing what was known.');
    expect(host.querySelector('[role=status]')?.textContent).toBe(
      'Stactize could not use the key.The key has expired. In Partner Center, open the application, add a new key and send it.',
    );
    expect([...host.querySelectorAll('dt')].map((dt) => dt.textContent)).toEqual([
      'Application',
      'Tenant ID',
      'Client ID',
      'Key expiry',
    ]);
    expect([...host.querySelectorAll('dd')].map((dd) => dd.textContent)).toEqual([
      '—',
      credential.tenantId,
      credential.clientId,
      'The key expired on 2020-01-31.',
    ]);

    const noReason = await render({
      ...base,
      connection: { ...connection, credential: { ...credential, reason: null } },
    });
    expect(noReason.querySelector('[role=status] .problem')?.textContent).toBe('Stactize refused the key.');
  });

  it('lists a key waiting on this device with its state, next attempt and problem', async () => {
    const nextAttemptAt = Date.parse('2026-11-27T10:42:00Z');
    const host = await render({
      ...base,
      outbox: [
        captureView(undefined, {
          state: 'retrying',
          nextAttemptAt,
          lastError: { code: 'unavailable', message: '503', at: '2026-11-27T10:40:00Z' },
        }),
      ],
    });
    const item = host.querySelector('li');
    expect(item?.querySelector('p')?.textContent).toBe('App — retrying');
    expect(item?.textContent).toContain('Stactize is temporarily unavailable.');
    expect(item?.textContent).toContain(`Next attempt at ${new Date(nextAttemptAt).toLocaleTimeString()}`);
    expect([...(item?.querySelectorAll('button') ?? [])].map((b) => b.textContent)).toEqual(['Send', 'Discard']);
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
