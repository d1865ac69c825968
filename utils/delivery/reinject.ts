/**
 * After an install or an update, Partner Center tabs already open get the content script again at once: a key
 * on screen during an update is still captured, without reloading a page that shows it only once.
 */
import { PARTNER_CENTER_PATTERN } from '@/utils/shapes';

/**
 * Only our own install or update starts a new copy of the content script; a browser update (or a shared module's)
 * does not, and injecting again there would only run a second copy beside the living one.
 */
export function reinjectsOn(reason: string): boolean {
  return reason === 'install' || reason === 'update';
}

export async function reinjectIntoOpenTabs(): Promise<void> {
  const files = browser.runtime.getManifest().content_scripts?.[0]?.js ?? [];
  const tabs = await browser.tabs.query({ url: PARTNER_CENTER_PATTERN });
  for (const tab of tabs) {
    if (tab.id === undefined) continue;
    await browser.scripting.executeScript({ target: { tabId: tab.id }, files }).catch(() => {
      // A tab that is loading or crashed gets the content script the ordinary way.
    });
  }
}
