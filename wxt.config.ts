import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import { type BuildConfig, describeBuild, resolveBuildConfig } from './config/build-config';

// `wxt prepare` (run after npm install, for types only) resolves the config in production mode too; it
// builds nothing, so it must not demand the release variables.
const preparingTypesOnly = process.argv.slice(2).includes('prepare');

// Sandbox builds are release-quality builds that talk to the sandbox: React and its JSX transform must take
// their production paths, which they choose by NODE_ENV, not by WXT's mode name.
const building = ['build', 'zip'].some((command) => process.argv.slice(2).includes(command));
// WXT has already set NODE_ENV to the mode name by now, so this overrides it rather than defaulting.
process.env.NODE_ENV = building ? 'production' : 'development';

/** What this build is for, said once per build (Vite asks for its config once per entrypoint). */
const said = new Set<string>();

/** Builds for the real Stactize only in `--mode production`; every other mode defaults to the sandbox. */
function buildConfig(mode: string): BuildConfig {
  return resolveBuildConfig({
    env: process.env,
    production: mode === 'production' && !preparingTypesOnly,
    sandboxKeyJson: readFileSync(resolve(import.meta.dirname, 'sandbox/dev-keys/sealing-public.jwk.json'), 'utf8'),
  });
}

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // Tests build into their own folder so that a developer's `npm run dev` output is left alone.
  outDir: process.env.STACTIZE_OUT_DIR || '.output',
  outDirTemplate: '{{browser}}-mv{{manifestVersion}}',
  zip: {
    // The sources zip is for store reviewers: no generated output, and not the sandbox's DEV-ONLY private key
    // (the public half stays: sandbox builds read it).
    excludeSources: [
      'sandbox/dev-keys/sealing-private.jwk.json',
      'walkthrough/**',
      'bench/results/**',
      'test-results/**',
      'playwright-report/**',
      '.sandbox-data/**',
    ],
  },
  manifest: ({ browser }) => {
    return {
      name: 'Stactize companion for Partner Center',
      description:
        'Connects your Microsoft Partner Center account to Stactize: guides you through Partner Center and sends the new key to Stactize sealed.',
      permissions: ['storage', 'alarms', 'notifications', 'scripting'],
      // No host permission for the API: the Intake API contract guarantees CORS for the extension's origin.
      host_permissions: ['https://partner.microsoft.com/*'],
      action: { default_title: 'Stactize companion' },
      ...(browser === 'firefox'
        ? {
            browser_specific_settings: {
              gecko: {
                id: 'partner-center-companion@stactize.com',
                strict_min_version: '128.0',
                data_collection_permissions: { required: ['authenticationInfo'] },
              },
            },
          }
        : {}),
    };
  },
  vite: ({ mode }) => {
    const config = buildConfig(mode);
    const purpose = describeBuild(config);
    if (purpose && building && !said.has(purpose)) {
      said.add(purpose);
      console.warn(`stactize: ${purpose}`);
    }
    return {
      resolve: {
        // Preact's compat layer instead of React (~45 KB gzip less per bundle): the content script runs on every
        // Partner Center page and has an 80 KB gzip budget. Exact-match patterns so that `react` does not also
        // capture `react/jsx-runtime`; compat's JSX runtime loads compat's options hooks first.
        alias: [
          { find: /^react$/, replacement: 'preact/compat' },
          { find: /^react-dom$/, replacement: 'preact/compat' },
          { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
          { find: /^react\/jsx-runtime$/, replacement: 'preact/compat/jsx-runtime' },
          { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/compat/jsx-dev-runtime' },
        ],
      },
      define: {
        __STACTIZE_API_URL__: JSON.stringify(config.apiUrl),
        __STACTIZE_SEALING_KEY__: JSON.stringify(config.sealingKey),
        __STACTIZE_SANDBOX__: JSON.stringify(config.sandbox),
      },
      plugins: [
        {
          // WXT sets NODE_ENV to the mode name ("sandbox"); React needs exactly "production" for its lean
          // build. A plugin's config hook runs after WXT's per-entrypoint config, so this one wins.
          name: 'stactize:node-env',
          config: () => ({
            define: { 'process.env.NODE_ENV': JSON.stringify(process.env.NODE_ENV) },
          }),
        },
      ],
    };
  },
});
