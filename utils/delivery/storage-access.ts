/**
 * storage.local holds the intake token. Chrome lets an extension close an area to content scripts
 * (`setAccessLevel`, TRUSTED_CONTEXTS); where the browser has no such setting (Firefox), it stays as it is.
 */
type Restrictable = { setAccessLevel?: (options: { accessLevel: 'TRUSTED_CONTEXTS' }) => Promise<void> };

export async function closeLocalStorageToContentScripts(
  local: Restrictable = browser.storage.local as unknown as Restrictable,
): Promise<boolean> {
  if (typeof local.setAccessLevel !== 'function') return false;
  try {
    await local.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
    return true;
  } catch {
    return false;
  }
}
