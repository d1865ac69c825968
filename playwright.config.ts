import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'test/e2e',
  globalSetup: './test/e2e/harness/global-setup.ts',
  // One worker: every test launches its own Chromium, and the machines have two cores.
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  // On CI a failed test runs once more; a pass on the retry is still reported, as "flaky", to be fixed (as
  // Playwright's own template does). Locally there is no retry, so a flake shows at once.
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : [['list']],
  outputDir: process.env.STACTIZE_E2E_RESULTS || 'test-results',
});
