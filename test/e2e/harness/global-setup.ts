/** Builds the extension once per run, for the e2e sandbox, into its own folder: Chromium's and Firefox's. */
import { execFileSync } from 'node:child_process';
import { findChromium } from './browser';
import { findFirefox } from './firefox';
import { E2E_OUT_DIR, ROOT, SANDBOX_URL } from './paths';

export default function globalSetup() {
  // Fail first, with one clear line, when a browser is missing.
  findChromium();
  findFirefox();
  const env = { ...process.env, STACTIZE_OUT_DIR: E2E_OUT_DIR, WXT_STACTIZE_API_URL: SANDBOX_URL };
  for (const browser of [[], ['-b', 'firefox', '--mv3']])
    execFileSync('npx', ['wxt', 'build', '--mode', 'sandbox', ...browser], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
      env,
    });
}
