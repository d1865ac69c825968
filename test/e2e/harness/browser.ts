/** Finds a Chromium to test with: $CHROMIUM_PATH, else Playwright's own, else Debian's. */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export const INSTALL_HINT =
  'No Chromium found: install one (Debian/Ubuntu: `apt-get install -y chromium`) or set CHROMIUM_PATH to a Chromium binary.';

export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const candidates = [env.CHROMIUM_PATH, safePlaywrightPath(), '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((path): path is string => Boolean(path && existsSync(path)));
  if (!found) throw new Error(INSTALL_HINT);
  return found;
}

function safePlaywrightPath(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}
