/**
 * The scripted walk `npm start -- --headless` runs (and test/e2e/walkthrough.spec.ts): pair through the popup,
 * follow the Partner Center simulator page by page checking the overlay's page state, capture, send, wait for
 * "Delivered" and "Verified", then check the sandbox holds exactly the key the simulator made. Each step gets a
 * screenshot and a line in report.md. The browser context and sandbox can be injected (walkThrough), or
 * runWalkthrough starts its own.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import type { SandboxServer } from '../sandbox/server/server';
import { CURRENT_KEY_SHAPE } from '../sandbox/simulator/key';
import { createSimulator, SIMULATED, type Simulator } from '../sandbox/simulator/site';
import { extensionWorker } from '../test/e2e/harness/fixtures';
import { DEMO_EXTENSION_DIR } from './lib/build';
import { firstLine } from './lib/errors';
import { describeState, stateMatches } from './lib/page-state';
import { launchBrowser, startSandbox } from './lib/session';

export interface WalkStep {
  title: string;
  ok: boolean;
  /** What was seen, or why it failed; never the key. */
  detail: string;
  ms: number;
  screenshot: string | null;
}

export interface WalkResult {
  ok: boolean;
  steps: WalkStep[];
  reportFile: string;
  totalMs: number;
}

export interface WalkDeps {
  context: BrowserContext;
  sandbox: SandboxServer;
  simulator: Simulator;
  outDir: string;
  /** How long one step may wait for the page; default 20 s. */
  stepTimeoutMs?: number;
  log?: (line: string) => void;
}

const overlay = (page: Page) => page.locator('stactize-companion');
/** The simulated Partner Center itself, not our overlay (a guide may name the same buttons). */
const site = (page: Page) => page.locator('he-shell');

/** Waits until the overlay's data-page-state has these fields, re-checking each time the attribute changes. */
async function waitForPageState(page: Page, expected: Record<string, unknown>, timeout: number): Promise<string> {
  const deadline = Date.now() + timeout;
  let raw: string | null = null;
  for (;;) {
    raw = await overlay(page)
      .getAttribute('data-page-state', { timeout: Math.max(1, deadline - Date.now()) })
      .catch(() => null);
    if (raw && stateMatches(raw, expected)) return describeState(raw);
    // The page function has no helpers in it: the browser gets it as source, without tsx's.
    const changed = await page
      .waitForFunction(
        (previous) =>
          (document.querySelector('stactize-companion')?.getAttribute('data-page-state') ?? null) !== previous,
        raw,
        { timeout: Math.max(1, deadline - Date.now()) },
      )
      .then(
        () => true,
        () => false,
      );
    if (!changed) {
      throw new Error(`the overlay's page state never matched ${JSON.stringify(expected)}; it was ${raw ?? 'absent'}`);
    }
  }
}

/** Opens the sandbox page and has it make a pairing code, as a Stactize user would in the web app. */
export async function showPairingCode(page: Page, sandboxUrl: string): Promise<string> {
  await page.goto(sandboxUrl);
  await page.getByRole('button', { name: 'Create pairing code' }).click();
  const code = page.locator('#code');
  await code.filter({ hasText: /\S/ }).waitFor();
  return (await code.textContent())?.trim() ?? '';
}

export async function extensionIdOf(context: BrowserContext): Promise<string> {
  return new URL((await extensionWorker(context)).url()).host;
}

/** The walk itself, in an existing context and sandbox; writes the screenshots and report.md into outDir. */
export async function walkThrough(deps: WalkDeps): Promise<WalkResult> {
  const { context, sandbox, simulator } = deps;
  const outDir = resolve(deps.outDir);
  const timeout = deps.stepTimeoutMs ?? 20_000;
  const log = deps.log ?? (() => {});
  mkdirSync(outDir, { recursive: true });
  // Only our own earlier files: --out may name a folder that holds other things.
  for (const file of readdirSync(outDir)) if (/^\d\d-[a-z0-9-]+\.png$/.test(file)) rmSync(resolve(outDir, file));

  const steps: WalkStep[] = [];
  const started = Date.now();
  let failed = false;

  /** Runs one step: times it, screenshots `shot()` (on failure too), records the outcome; later steps are skipped. */
  async function step(title: string, shot: () => Page | null, run: () => Promise<string>): Promise<void> {
    if (failed) return;
    const begin = Date.now();
    let ok = true;
    let detail: string;
    try {
      detail = await run();
    } catch (error) {
      ok = false;
      failed = true;
      detail = firstLine(error);
    }
    const ms = Date.now() - begin;
    let screenshot: string | null = null;
    const page = shot();
    if (page && !page.isClosed()) {
      screenshot = `${String(steps.length + 1).padStart(2, '0')}-${title
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')}.png`;
      await page.screenshot({ path: resolve(outDir, screenshot) }).catch(() => {
        screenshot = null;
      });
    }
    steps.push({ title, ok, detail, ms, screenshot });
    log(`${ok ? 'ok  ' : 'FAIL'} ${title} (${ms} ms): ${detail}`);
  }

  const blank = context.pages().find((p) => p.url() === 'about:blank');
  const sandboxPage = blank ?? (await context.newPage());
  let popup: Page | null = null;
  let pc: Page | null = null;
  let code = '';
  let account = '';

  await step(
    'Sandbox page makes a pairing code',
    () => sandboxPage,
    async () => {
      code = await showPairingCode(sandboxPage, sandbox.url);
      return `pairing code ${code} at ${sandbox.url}`;
    },
  );

  await step(
    'Pair in the popup',
    () => popup,
    async () => {
      popup = await context.newPage();
      await popup.goto(`chrome-extension://${await extensionIdOf(context)}/popup.html`);
      await popup.getByLabel('Pairing code').fill(code);
      await popup.getByRole('button', { name: 'Connect', exact: true }).click();
      const heading = popup.getByRole('heading', { name: /^Connected to / });
      await heading.waitFor({ timeout });
      account = ((await heading.textContent()) ?? '').replace(/^Connected to /, '').trim();
      return `connected to ${account}`;
    },
  );

  await step(
    'Partner Center home',
    () => pc,
    async () => {
      pc = await context.newPage();
      await pc.goto(simulator.dashboardUrl);
      return waitForPageState(pc, { kind: 'dashboard' }, timeout);
    },
  );

  // Each click below is on the simulated site (inside its shadow roots), as a user would click.
  const on = (): Page => {
    if (!pc) throw new Error('Partner Center is not open');
    return pc;
  };

  await step(
    'Account settings (the gear)',
    () => pc,
    async () => {
      await site(on()).getByTitle('Account settings').click();
      await on().waitForURL(/\/organization\/legalinfo/, { timeout });
      return waitForPageState(on(), { kind: 'dashboard' }, timeout);
    },
  );

  await step(
    'Tenants',
    () => pc,
    async () => {
      await site(on()).getByRole('link', { name: 'Tenants', exact: true }).click();
      await on().waitForURL(/\/tenantmanagement/, { timeout });
      const tenants = SIMULATED.tenants.map(({ id, domain, name }) => ({ id, domain, name }));
      return waitForPageState(on(), { kind: 'tenants', view: 'list', tenants }, timeout);
    },
  );

  await step(
    'User management',
    () => pc,
    async () => {
      await site(on()).getByRole('link', { name: 'User management', exact: true }).click();
      await on().waitForURL(/\/usermanagement/, { timeout });
      return waitForPageState(on(), { kind: 'userManagement', tab: 'users' }, timeout);
    },
  );

  await step(
    'Microsoft Entra applications tab',
    () => pc,
    async () => {
      await site(on()).getByRole('tab', { name: 'Microsoft Entra applications' }).click();
      return waitForPageState(on(), { kind: 'userManagement', tab: 'apps', view: 'list' }, timeout);
    },
  );

  await step(
    `The application (${SIMULATED.appName})`,
    () => pc,
    async () => {
      await site(on()).getByRole('link', { name: SIMULATED.appName }).click();
      return waitForPageState(
        on(),
        {
          kind: 'applicationPage',
          appName: SIMULATED.appName,
          tenantId: SIMULATED.tenantId,
          clientId: SIMULATED.clientId,
          canAddKey: true,
        },
        timeout,
      );
    },
  );

  await step(
    'Add new key: the key screen',
    () => pc,
    async () => {
      await site(on()).getByText('Add new key', { exact: true }).click();
      const state = await waitForPageState(
        on(),
        {
          kind: 'keyScreen',
          keyPresent: true,
          keyStatus: 'captured',
          keyShape: 'current',
          tenantId: SIMULATED.tenantId,
        },
        timeout,
      );
      await overlay(on())
        .getByRole('status')
        .filter({ hasText: 'Secured on this device' })
        .first()
        .waitFor({ timeout });
      return `${state}; overlay: Secured on this device`;
    },
  );

  await step(
    'Send key to Stactize',
    () => pc,
    async () => {
      const send = overlay(on()).getByRole('button', { name: `Send key to Stactize (${account})`, exact: true });
      await send.click({ timeout });
      await overlay(on())
        .getByRole('status')
        .filter({ hasText: /^Delivered$/ })
        .first()
        .waitFor({ timeout });
      return 'overlay: Delivered';
    },
  );

  await step(
    'Popup shows Verified',
    () => popup,
    async () => {
      const page = popup;
      if (!page) throw new Error('the popup is not open');
      await page.bringToFront();
      // The popup reads the connection when it opens (as a real popup does each time it is clicked): reopen it.
      const deadline = Date.now() + timeout;
      for (;;) {
        await page.reload();
        const verified = page.getByRole('status').filter({ hasText: /Verified/ });
        try {
          await verified.waitFor({ timeout: 2000 });
          return ((await verified.textContent()) ?? '').trim();
        } catch (error) {
          if (Date.now() > deadline) throw error;
        }
      }
    },
  );

  await step(
    'The sandbox holds the key, verified',
    () => sandboxPage,
    async () => {
      await sandboxPage.bringToFront();
      await sandboxPage.reload();
      const credentials = sandbox.admin.listCredentials();
      const issued = simulator.issuedKeys();
      const expectedKey = issued.at(-1);
      if (credentials.length !== 1) throw new Error(`the sandbox holds ${credentials.length} credentials, not 1`);
      const [credential] = credentials;
      if (credential?.status !== 'verified') throw new Error(`the credential is ${credential?.status}, not verified`);
      if (!expectedKey || !CURRENT_KEY_SHAPE.test(expectedKey))
        throw new Error('the simulator made no current-shape key');
      if (credential.secret !== expectedKey) throw new Error('the stored key is not the one the simulator showed');
      if (credential.clientId !== SIMULATED.clientId || credential.tenantId !== SIMULATED.tenantId) {
        throw new Error('the stored tenant or client ID is not the simulated application’s');
      }
      await sandboxPage.getByRole('cell', { name: 'verified', exact: true }).waitFor({ timeout });
      return `1 credential, verified; its key is the ${expectedKey.length}-char key the simulator showed (${issued.length} made)`;
    },
  );

  const totalMs = Date.now() - started;
  const ok = !failed && steps.length > 0;
  const reportFile = resolve(outDir, 'report.md');
  writeFileSync(reportFile, report(steps, ok, totalMs));
  return { ok, steps, reportFile, totalMs };
}

function report(steps: WalkStep[], ok: boolean, totalMs: number): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  const rows = steps.map(
    (s, i) =>
      `| ${i + 1} | ${cell(s.title)} | ${s.ok ? 'ok' : '**failed**'}: ${cell(s.detail)} | ${(s.ms / 1000).toFixed(1)} s | ${s.screenshot ? `[${s.screenshot}](${s.screenshot})` : '—'} |`,
  );
  return `# npm start: headless walkthrough

${ok ? '**Passed**: the sandbox holds the key the simulator showed, verified.' : '**Failed**: see the first failed step below; later steps did not run.'}
${new Date().toISOString()}, ${(totalMs / 1000).toFixed(1)} s in all. Partner Center is the simulator (sandbox/simulator/);
Stactize is the sandbox intake server. Keys are random test keys; none is written here.

| # | step | outcome | time | screenshot |
| --- | --- | --- | --- | --- |
${rows.join('\n')}
`;
}

export interface RunWalkthroughOptions {
  outDir?: string;
  headless?: boolean;
  /** The sandbox port, which the extension in extensionDir must have baked in; ignored with `sandbox`. */
  port?: number;
  dataDir?: string;
  /** A built extension; default .output/demo/chrome-mv3 (what `npm start` builds). */
  extensionDir?: string;
  /** A sandbox already running (left running); else one is started on `port` and closed afterwards. */
  sandbox?: SandboxServer;
  /** Aborting closes the browser and ends the walk (Ctrl-C). */
  signal?: AbortSignal;
  log?: (line: string) => void;
}

/** The whole walk with its own browser (and sandbox unless given): what `npm start -- --headless` runs. */
export async function runWalkthrough(options: RunWalkthroughOptions = {}): Promise<WalkResult> {
  const sandbox =
    options.sandbox ??
    (await startSandbox({ port: options.port ?? 8787, dataDir: options.dataDir ?? resolve('.sandbox-data/demo') }));
  const simulator = createSimulator();
  try {
    const browser = await launchBrowser({
      extensionDir: options.extensionDir ?? DEMO_EXTENSION_DIR,
      simulator,
      headless: options.headless ?? true,
    });
    const stop = () => void browser.close();
    options.signal?.addEventListener('abort', stop);
    try {
      return await walkThrough({
        context: browser.context,
        sandbox,
        simulator,
        outDir: options.outDir ?? 'walkthrough',
        log: options.log,
      });
    } finally {
      options.signal?.removeEventListener('abort', stop);
      await browser.close();
    }
  } finally {
    if (!options.sandbox) await sandbox.close();
  }
}
