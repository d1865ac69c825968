/** Who we are, as the Intake API's `client` object says it. */
import { browser } from '#imports';
import { CLIENT_NAME } from '@/utils/config';
import type { ClientInfo } from './intake-api';

export function clientInfo(): ClientInfo {
  const ua = globalThis.navigator?.userAgent ?? '';
  const name = import.meta.env.BROWSER === 'firefox' ? 'firefox' : /\bEdg\//.test(ua) ? 'edge' : 'chrome';
  return { name: CLIENT_NAME, version: browser.runtime.getManifest().version.slice(0, 32), browser: name };
}
