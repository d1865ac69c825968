/** Builds the extension once per run, for the e2e sandbox, into its own folder. */
import { execFileSync } from 'node:child_process';
import { findChromium } from './browser';
import { E2E_OUT_DIR, ROOT, SANDBOX_URL } from './paths';

export default function globalSetup() {
  findChromium(); // fail first, with one clear line, when there is no browser
  execFileSync('npx', ['wxt', 'build', '--mode', 'sandbox'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, STACTIZE_OUT_DIR: E2E_OUT_DIR, WXT_STACTIZE_API_URL: SANDBOX_URL },
  });
}
