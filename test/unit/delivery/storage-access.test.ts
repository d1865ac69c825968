import { describe, expect, it, vi } from 'vitest';
import { closeLocalStorageToContentScripts } from '@/utils/delivery/storage-access';

describe('storage.local, where the intake token lives', () => {
  it('is closed to content scripts where the browser can do it', async () => {
    const setAccessLevel = vi.fn(async () => {});
    expect(await closeLocalStorageToContentScripts({ setAccessLevel })).toBe(true);
    expect(setAccessLevel).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_CONTEXTS' });
  });

  it('is left as it is, without an error, where the browser has no such setting or refuses it', async () => {
    expect(await closeLocalStorageToContentScripts({})).toBe(false);
    const refusing = vi.fn(async () => {
      throw new Error('Unsupported');
    });
    expect(await closeLocalStorageToContentScripts({ setAccessLevel: refusing })).toBe(false);
  });
});
