import { expect, test } from './harness/fixtures';

test.describe('pairing in the popup', () => {
  test('connects with a code typed in lower case without the hyphen, and disconnects', async ({
    sandbox,
    openPopup,
  }) => {
    const { code, account } = sandbox.admin.createPairingCode();
    const popup = await openPopup();
    await popup.getByLabel('Pairing code').fill(` ${code.replace('-', '').toLowerCase()} `);
    await popup.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect(popup.getByRole('heading', { name: `Connected to ${account.name}` })).toBeVisible();
    await expect(popup.getByRole('status')).toHaveText(/No key sent yet/);

    await popup.getByRole('button', { name: 'Disconnect' }).click();
    await expect(popup.getByLabel('Pairing code')).toBeVisible();
    expect(sandbox.admin.state().pairings.every((p) => p.revokedAt)).toBe(true);
  });

  test('explains an unknown, a used and an expired code, and stores nothing', async ({
    sandbox,
    openPopup,
    serviceWorker,
  }) => {
    const popup = await openPopup();
    const field = popup.getByLabel('Pairing code');
    const connect = popup.getByRole('button', { name: 'Connect', exact: true });

    await field.fill('ABCD-2345');
    await connect.click();
    await expect(popup.getByRole('alert')).toHaveText(/unknown or already used/);

    const expired = sandbox.admin.createPairingCode({ expired: true });
    await field.fill(expired.code);
    await connect.click();
    await expect(popup.getByRole('alert')).toHaveText(/expired/);

    await field.fill('IOLU-0000');
    await connect.click();
    await expect(popup.getByRole('alert')).toHaveText(/except I, L, O and U/);

    const stored = await serviceWorker.evaluate(() => chrome.storage.local.get(null));
    expect(stored.pairing ?? null).toBeNull();
  });
});
