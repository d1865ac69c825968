/**
 * `npm run bench`: what the extension costs a Partner Center page, how fast it captures and delivers a key,
 * how fast the popup and the service worker answer, and how big each bundle is. Builds its own extension
 * against an in-process sandbox on loopback, prints a table (figure, goal, pass/fail) and writes
 * bench/results/latest.json with a description of the machine. Only loopback traffic: Partner Center pages
 * are served by context.route and every other host is refused.
 *
 * Flags: --no-build (reuse .output/bench), --ext-dir <dir> (bench another build, e.g. an older one),
 * --rounds <n> (page-overhead rounds per variant, default 6), --runs <n> (capture/delivery runs, default 30),
 * --check (exit 1 when a goal is missed).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, tmpdir, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type BrowserContext, chromium, type Page } from '@playwright/test';
import { startSandboxServer } from '../sandbox/server/server';
import { findChromium } from '../test/e2e/harness/browser';
import { launchArgs, routeOutsideWorld } from '../test/e2e/harness/fixtures';
import { pageKey } from '../test/e2e/harness/served';
import { stopServiceWorker } from '../test/e2e/harness/service-worker';
import { isFlowUrl } from '../utils/page-model/pages';
import {
  APP_URL,
  freshKey,
  HEAVY_URL,
  heavyPage,
  KEY_URL,
  keyFlowPage,
  ORIGIN,
  OUTSIDE_FLOW_PATHS,
  WORKLOAD,
} from './pages';

const ROOT = resolve(import.meta.dirname, '..');
const PORT = Number(process.env.STACTIZE_BENCH_PORT || 28787);
const API_URL = `http://127.0.0.1:${PORT}`;
const OUT_DIR = resolve(ROOT, '.output/bench');
const RESULTS = resolve(ROOT, 'bench/results/latest.json');

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const EXT_DIR = resolve(ROOT, option('--ext-dir') ?? join(OUT_DIR, 'chrome-mv3'));
const ROUNDS = Number(option('--rounds') ?? 6);
const RUNS = Number(option('--runs') ?? 30);
const WARMUP = 2;
const SW_RUNS = 10;
const POPUP_RUNS = 30;
const ACTION_POPUP_RUNS = 20;

interface Figure {
  name: string;
  value: number;
  unit: string;
  /** Passing means value ≤ goal; null = reported only. */
  goal: number | null;
  detail?: Record<string, unknown>;
}

// ---------- small helpers ----------

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (!sorted.length) return Number.NaN;
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (at - lo);
}
const median = (values: number[]) => quantile(values, 0.5);
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const log = (line: string) => process.stderr.write(`${line}\n`);
const print = (text: string) => process.stdout.write(`${text}\n`);

/** Hard stop so the bench stays bounded even if a page hangs. */
async function within<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function machine() {
  const chromiumPath = findChromium();
  let chromiumVersion = 'unknown';
  try {
    chromiumVersion = execFileSync(chromiumPath, ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {}
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {}
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    // Above the core count, other work competed with the bench and the latencies are not representative.
    loadAverage1m: round(loadavg()[0] ?? 0, 2),
    cores: cpus().length,
    memoryGiB: round(totalmem() / 2 ** 30),
    os: `${process.platform} ${release()}`,
    chromium: chromiumVersion,
    chromiumPath,
    node: process.version,
    commit,
    extensionDir: relative(ROOT, EXT_DIR),
  };
}

// ---------- build and sizes ----------

function build() {
  log(`building the bench extension (API ${API_URL}) …`);
  execFileSync('npx', ['wxt', 'build', '--mode', 'sandbox'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, STACTIZE_OUT_DIR: OUT_DIR, WXT_STACTIZE_API_URL: API_URL },
  });
}

function sizes(): Figure[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(js|css|html)$/.test(name)) files.push(path);
    }
  };
  walk(EXT_DIR);
  const goals: Record<string, number> = { 'content-scripts/partner-center.js': 80, 'background.js': 40 };
  return files.sort().map((path) => {
    const raw = readFileSync(path);
    const name = relative(EXT_DIR, path).replace(/-[A-Za-z0-9_-]{8}\.(js|css)$/, '.$1');
    return {
      name: `size: ${name} (gzip)`,
      value: round(gzipSync(raw, { level: 9 }).length / 1024),
      unit: 'KB',
      goal: goals[name] ?? null,
      detail: { rawKB: round(raw.length / 1024) },
    };
  });
}

// ---------- browsers ----------

const CHROME_ARGS_WITHOUT_EXTENSION = launchArgs('').filter((a) => !a.includes('extension'));

/** Chromium with the extension in `extensionDir` (none when null), pages served at their real URLs. */
async function launch(extensionDir: string | null, pages: Map<string, string>) {
  const withExtension = extensionDir !== null;
  const profile = mkdtempSync(join(tmpdir(), 'stactize-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: true,
    args: withExtension ? launchArgs(extensionDir) : CHROME_ARGS_WITHOUT_EXTENSION,
  });
  await routeOutsideWorld(context, pages);
  const worker = withExtension ? (context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'))) : null;
  return {
    context,
    extensionId: worker ? new URL(worker.url()).host : '',
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

async function metrics(page: Page, cdp: Awaited<ReturnType<BrowserContext['newCDPSession']>>) {
  void page;
  const { metrics: list } = (await cdp.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[];
  };
  const get = (name: string) => (list.find((m) => m.name === name)?.value ?? 0) * 1000;
  return { task: get('TaskDuration'), script: get('ScriptDuration'), layout: get('LayoutDuration') };
}
type Metrics = Awaited<ReturnType<typeof metrics>>;
const minus = (a: Metrics, b: Metrics): Metrics => ({
  task: a.task - b.task,
  script: a.script - b.script,
  layout: a.layout - b.layout,
});

// ---------- page overhead ----------

interface OverheadRun {
  withExtension: boolean;
  nodes: number;
  mutate: Metrics;
  navigate: Metrics;
  total: Metrics;
}

async function overheadRun(context: BrowserContext, withExtension: boolean): Promise<OverheadRun> {
  const page = await context.newPage();
  try {
    await page.goto(HEAVY_URL, { waitUntil: 'load' });
    if (withExtension) await page.locator('stactize-companion').waitFor({ state: 'attached', timeout: 10_000 });
    // Both variants wait the same, so the content script's start-up (document_idle) is behind us.
    await sleep(500);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    const m0 = await metrics(page, cdp);
    const nodes = await page.evaluate(() => (window as never as { __bench: { build(): number } }).__bench.build());
    await page.evaluate(() => (window as never as { __bench: { mutate(): Promise<number> } }).__bench.mutate());
    const m1 = await metrics(page, cdp);
    await page.evaluate(() => (window as never as { __bench: { navigate(): Promise<number> } }).__bench.navigate());
    // Past the watcher's periodic href check (1 s) and any timer a navigation could have started.
    await page.evaluate(() => (window as never as { __bench: { idle(ms: number): Promise<void> } }).__bench.idle(1200));
    const m2 = await metrics(page, cdp);
    await cdp.detach();
    return { withExtension, nodes, mutate: minus(m1, m0), navigate: minus(m2, m1), total: minus(m2, m0) };
  } finally {
    await page.close();
  }
}

async function pageOverhead(): Promise<{ figures: Figure[]; runs: OverheadRun[] }> {
  for (const path of OUTSIDE_FLOW_PATHS)
    if (isFlowUrl(`${ORIGIN}${path}`)) throw new Error(`${path} is a flow page; the workload must stay outside`);
  const pages = new Map([[pageKey(HEAVY_URL), heavyPage()]]);
  const withExt = await launch(EXT_DIR, pages);
  const without = await launch(null, pages);
  const runs: OverheadRun[] = [];
  try {
    // One warm-up each, then alternate so drift (thermal, caches) hits both alike.
    await overheadRun(withExt.context, true);
    await overheadRun(without.context, false);
    for (let i = 0; i < ROUNDS; i++) {
      const order = i % 2 === 0 ? [true, false] : [false, true];
      for (const ext of order) runs.push(await overheadRun(ext ? withExt.context : without.context, ext));
      log(`  page overhead round ${i + 1}/${ROUNDS}`);
    }
  } finally {
    await withExt.close();
    await without.close();
  }
  const pick = (ext: boolean, f: (r: OverheadRun) => number) =>
    median(runs.filter((r) => r.withExtension === ext).map(f));
  const baseTask = pick(false, (r) => r.total.task);
  // TaskDuration swings by ±5% between identical runs (style, layout, GC), more than the effect measured. The
  // extension's own work is script in its isolated world, and ScriptDuration differences are steady to a
  // tenth of a millisecond, so the gated ratio is the page's main-thread time plus the extension's extra
  // script time. The raw ratio of medians is reported alongside.
  const extraScript = pick(true, (r) => r.total.script) - pick(false, (r) => r.total.script);
  const attributedRatio = (baseTask + extraScript) / baseTask;
  const rawRatio = pick(true, (r) => r.total.task) / baseTask;
  const navScript = pick(true, (r) => r.navigate.script) - pick(false, (r) => r.navigate.script);
  const navTask = pick(true, (r) => r.navigate.task) - pick(false, (r) => r.navigate.task);
  const spread = (ext: boolean) => {
    const values = runs.filter((r) => r.withExtension === ext).map((r) => r.total.task);
    return { min: round(Math.min(...values)), max: round(Math.max(...values)) };
  };
  const detail = {
    nodes: runs[0]?.nodes,
    workload: WORKLOAD,
    rounds: ROUNDS,
    medianTaskMs: { with: round(pick(true, (r) => r.total.task)), without: round(baseTask) },
    taskMsRange: { with: spread(true), without: spread(false) },
    medianScriptMs: {
      with: round(pick(true, (r) => r.total.script)),
      without: round(pick(false, (r) => r.total.script)),
    },
    medianMutatePhaseScriptMs: {
      with: round(
        pick(true, (r) => r.mutate.script),
        2,
      ),
      without: round(
        pick(false, (r) => r.mutate.script),
        2,
      ),
    },
    navigatePhaseExtraTaskMsPerNavigation: round(navTask / WORKLOAD.navigations, 2),
  };
  return {
    runs,
    figures: [
      {
        name: 'page overhead: main-thread time ratio (task + extension script)',
        value: round(attributedRatio, 3),
        unit: '×',
        goal: 1.02,
        detail,
      },
      {
        name: 'page overhead: raw TaskDuration ratio of medians (noisy)',
        value: round(rawRatio, 3),
        unit: '×',
        goal: null,
      },
      {
        name: 'page overhead: extension script per navigation outside the flow',
        value: round(navScript / WORKLOAD.navigations, 2),
        unit: 'ms',
        goal: 1,
      },
    ],
  };
}

// ---------- capture, delivery, popup, service worker ----------

interface Marks {
  keyShown?: number;
  trusted?: number;
  secured?: number;
  sendReady?: number;
  clicked?: number;
  delivered?: number;
}
interface PopupMarks {
  documentAt: number;
  statusAt?: number;
}
const readMarks = (page: Page) => page.evaluate(() => ({ ...(window as never as { __marks: Marks }).__marks }));

async function waitForMark(page: Page, mark: keyof Marks, timeout = 10_000) {
  await page.waitForFunction((m) => (window as never as { __marks: Marks }).__marks[m] !== undefined, mark, {
    timeout,
    polling: 20,
  });
}

/**
 * The floor for the popup figure: an extension page with nothing but the popup's first reads (the four storage
 * keys `loadPopupState` reads, and the Partner Center permission) and a status line. It is written into a copy
 * of the extension under test, never into a build that ships.
 */
const FLOOR_PAGE = 'bench-floor.html';
function withFloorPage(extDir: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'stactize-bench-ext-'));
  cpSync(extDir, dir, { recursive: true });
  writeFileSync(
    join(dir, FLOOR_PAGE),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>floor</title><script type="module" src="/bench-floor.js"></script></head><body><div id="root"></div></body></html>\n',
  );
  writeFileSync(
    join(dir, 'bench-floor.js'),
    `Promise.all([
      chrome.storage.local.get(['pairing', 'connection', 'outbox', 'deliveries']),
      chrome.permissions.contains({ origins: ['https://partner.microsoft.com/*'] }),
    ]).then(() => { document.getElementById('root').innerHTML = '<p role="status">ready</p>'; });\n`,
  );
  return dir;
}

/** Opens an extension page in a new tab; times (in its own clock) of document start and of the first [role=status]. */
async function openToStatus(context: BrowserContext, url: string) {
  const page = await context.newPage();
  try {
    // Playwright's addInitScript does not reach extension pages; CDP's own does.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Page.enable');
    await cdp.send('Page.addScriptToEvaluateOnNewDocument', {
      source: `(() => {
        const marks = (window.__popup = { documentAt: performance.now() });
        const observer = new MutationObserver(() => {
          if (!document.querySelector('[role=status]')) return;
          marks.statusAt = performance.now();
          observer.disconnect();
        });
        observer.observe(document, { childList: true, subtree: true });
      })();`,
    });
    await page.goto(url);
    await page.waitForFunction(
      () => (window as never as { __popup: PopupMarks }).__popup.statusAt !== undefined,
      null,
      {
        polling: 20,
      },
    );
    const marks = await page.evaluate(() => (window as never as { __popup: PopupMarks }).__popup);
    await cdp.detach();
    return { documentAt: marks.documentAt, statusAt: marks.statusAt as number };
  } finally {
    await page.close();
  }
}

/** One open of the toolbar popup, in the popup's own clock (see openActionPopup). */
interface ActionPopupTiming {
  beforeDocument: number;
  documentToPaint: number;
}
const paintOf = (t: ActionPopupTiming) => t.documentToPaint;
/** Both parts of a set of toolbar opens, summarised for the JSON. */
function toolbarDetail(list: ActionPopupTiming[]) {
  const total = list.map((t) => t.beforeDocument + t.documentToPaint);
  return {
    runs: list.length,
    openToPaintP50: round(median(total)),
    openToPaintP95: round(quantile(total, 0.95)),
    browserBeforeDocumentP50: round(median(list.map((t) => t.beforeDocument))),
    documentToPaintP95: round(quantile(list.map(paintOf), 0.95)),
  };
}

/**
 * Opens the real toolbar popup (chrome.action.openPopup, called from `host`, an extension page in the active tab)
 * showing `page`, and times it in the popup's own clock: from the call to the document's start (the browser's
 * part) and from the document's start to its first contentful paint (the page's first text is its status).
 * Paint times are frame-aligned (about 16 ms steps).
 */
async function openActionPopup(host: Page, page: string): Promise<ActionPopupTiming> {
  return host.evaluate(async (popupPage) => {
    // No named functions in here: tsx would wrap them in a helper the page does not have.
    await chrome.action.setPopup({ popup: popupPage });
    const calledAt = performance.timeOrigin + performance.now();
    await chrome.action.openPopup();
    for (;;) {
      const [view] = chrome.extension.getViews({ type: 'popup' });
      const paint = view?.performance.getEntriesByName('first-contentful-paint')[0];
      if (view && paint && view.document.querySelector('[role=status], h1, h2')) {
        const timing = {
          beforeDocument: view.performance.timeOrigin - calledAt,
          documentToPaint: paint.startTime,
        };
        view.close();
        while (chrome.extension.getViews({ type: 'popup' }).length) await new Promise((ok) => setTimeout(ok, 5));
        return timing;
      }
      await new Promise((ok) => setTimeout(ok, 5));
    }
  }, page);
}

async function extensionFigures(): Promise<Figure[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'stactize-bench-sandbox-'));
  const sandbox = await startSandboxServer({ port: PORT, dataDir });
  const pages = new Map<string, string>([[pageKey(APP_URL), keyFlowPage()]]);
  const extensionDir = withFloorPage(EXT_DIR);
  const browser = await launch(extensionDir, pages);
  const { context, extensionId } = browser;
  const popupUrl = `chrome-extension://${extensionId}/popup.html`;
  try {
    // Pair through the popup, as a user would.
    const { code, account } = sandbox.admin.createPairingCode();
    const pairing = await context.newPage();
    await pairing.goto(popupUrl);
    await pairing.getByLabel('Pairing code').fill(code);
    await pairing.getByRole('button', { name: 'Connect', exact: true }).click();
    await pairing.getByRole('heading', { name: `Connected to ${account.name}` }).waitFor();
    await pairing.close();

    const capture: number[] = [];
    const trusted: number[] = [];
    const secured: number[] = [];
    const delivery: number[] = [];
    for (let i = 0; i < WARMUP + RUNS; i++) {
      pages.set(pageKey(KEY_URL), freshKey());
      const page = await context.newPage();
      try {
        await page.goto(APP_URL);
        await page.locator('stactize-companion').waitFor({ state: 'attached' });
        await page.getByRole('button', { name: 'Add new key' }).click();
        await waitForMark(page, 'sendReady');
        await waitForMark(page, 'secured');
        await page
          .locator('stactize-companion')
          .getByRole('button', { name: /^Send key to Stactize/ })
          .click();
        await waitForMark(page, 'delivered');
        const m = await readMarks(page);
        if (i >= WARMUP) {
          capture.push((m.sendReady as number) - (m.keyShown as number));
          secured.push((m.secured as number) - (m.keyShown as number));
          trusted.push((m.trusted as number) - (m.keyShown as number));
          delivery.push((m.delivered as number) - (m.clicked as number));
        }
      } finally {
        await page.close();
      }
      if ((i + 1) % 10 === 0) log(`  capture and delivery run ${i + 1}/${WARMUP + RUNS}`);
    }
    const delivered = sandbox.admin.listCredentials().length;
    if (delivered !== WARMUP + RUNS)
      throw new Error(`the sandbox holds ${delivered} credentials, expected ${WARMUP + RUNS}`);

    // From here on no Partner Center page is loaded, so the routes go: with them every request, the extension's
    // own files included, makes a round trip through Playwright (10–30 ms each here), which no user pays.
    await context.unrouteAll({ behavior: 'wait' });

    // The popup, alternating with the floor page (an empty extension page making the popup's first reads): from
    // navigation start to a status rendered, in each page's own clock.
    const popup: number[] = [];
    const popupFromDocument: number[] = [];
    const floor: number[] = [];
    for (let i = 0; i < WARMUP + POPUP_RUNS; i++) {
      const own = await openToStatus(context, popupUrl);
      const empty = await openToStatus(context, popupUrl.replace('popup.html', FLOOR_PAGE));
      if (i >= WARMUP) {
        popup.push(own.statusAt);
        popupFromDocument.push(own.statusAt - own.documentAt);
        floor.push(empty.statusAt);
      }
    }

    // The same two pages as the real toolbar popup, alternating: what the browser takes before the document starts
    // is outside any page's reach; from there to the first paint is comparable to the figures above.
    const actionHost = await context.newPage();
    await actionHost.goto(popupUrl.replace('popup.html', FLOOR_PAGE));
    const actionPopup: ActionPopupTiming[] = [];
    const actionFloor: ActionPopupTiming[] = [];
    for (let i = 0; i < WARMUP + ACTION_POPUP_RUNS; i++) {
      const own = await openActionPopup(actionHost, 'popup.html');
      const empty = await openActionPopup(actionHost, FLOOR_PAGE);
      if (i >= WARMUP) {
        actionPopup.push(own);
        actionFloor.push(empty);
      }
    }
    await actionHost.evaluate(() => chrome.action.setPopup({ popup: 'popup.html' }));
    await actionHost.close();
    const popupDetail = toolbarDetail(actionPopup);

    // The service worker: stopped as Chrome stops an idle one, then woken by a message from an extension page.
    const cold: number[] = [];
    const warm: number[] = [];
    const host = await context.newPage();
    await host.goto(popupUrl);
    const ask = () =>
      host.evaluate(async () => {
        const start = performance.now();
        const answer = await chrome.runtime.sendMessage({
          id: 1,
          type: 'account',
          data: undefined,
          timestamp: Date.now(),
        });
        if (!answer || answer.err) throw new Error('the service worker did not answer');
        return performance.now() - start;
      });
    for (let i = 0; i < SW_RUNS; i++) {
      await stopServiceWorker(context, host, { waitUntilGone: false });
      await sleep(200);
      cold.push(await ask());
      warm.push(await ask());
    }
    await host.close();

    return [
      {
        name: 'capture: key set → send button ready (p50)',
        value: round(median(capture)),
        unit: 'ms',
        goal: null,
        detail: {
          runs: capture.length,
          samples: capture.map((v) => round(v)),
          // Split: the watcher trusting the key, then sealing, storing in the background and rendering.
          keyTrustedP50: round(median(trusted)),
          keyTrustedP95: round(quantile(trusted, 0.95)),
        },
      },
      {
        name: 'capture: key set → send button ready (p95)',
        value: round(quantile(capture, 0.95)),
        unit: 'ms',
        goal: 100,
      },
      {
        name: 'capture: key set → "Secured on this device" (p95)',
        value: round(quantile(secured, 0.95)),
        unit: 'ms',
        goal: 100,
      },
      {
        name: 'delivery: click → "Delivered" (p50)',
        value: round(median(delivery)),
        unit: 'ms',
        goal: null,
        detail: { runs: delivery.length, samples: delivery.map((v) => round(v)) },
      },
      { name: 'delivery: click → "Delivered" (p95)', value: round(quantile(delivery, 0.95)), unit: 'ms', goal: 300 },
      {
        // The issue states this goal without a percentile: a typical open, the median. The p95 follows, beside
        // the floor's: on a 2-core machine an empty extension page misses 100 ms at p95 too.
        name: 'popup: open → status rendered (p50)',
        value: round(median(popup)),
        unit: 'ms',
        goal: 100,
        detail: {
          runs: popup.length,
          samples: popup.map((v) => round(v)),
          fromDocumentStartP50: round(median(popupFromDocument)),
          fromDocumentStartP95: round(quantile(popupFromDocument, 0.95)),
        },
      },
      { name: 'popup: open → status rendered (p95)', value: round(quantile(popup, 0.95)), unit: 'ms', goal: null },
      {
        name: 'floor: empty extension page, same reads (p50)',
        value: round(median(floor)),
        unit: 'ms',
        goal: null,
        detail: { runs: floor.length, samples: floor.map((v) => round(v)) },
      },
      {
        name: 'floor: empty extension page, same reads (p95)',
        value: round(quantile(floor, 0.95)),
        unit: 'ms',
        goal: null,
      },
      {
        // What the popup's own code adds to what any extension page costs: loading its bundle and rendering.
        name: 'popup: its own time over the floor (p50)',
        value: round(median(popup) - median(floor)),
        unit: 'ms',
        goal: 15,
        detail: { p95: round(quantile(popup, 0.95) - quantile(floor, 0.95)) },
      },
      {
        name: 'toolbar popup: open → first paint (p50)',
        value: popupDetail.openToPaintP50,
        unit: 'ms',
        goal: null,
        detail: popupDetail,
      },
      {
        name: 'toolbar popup: document start → first paint (p50)',
        value: round(median(actionPopup.map(paintOf))),
        unit: 'ms',
        goal: null,
      },
      {
        name: 'toolbar floor: document start → first paint (p50)',
        value: round(median(actionFloor.map(paintOf))),
        unit: 'ms',
        goal: null,
        detail: toolbarDetail(actionFloor),
      },
      {
        name: 'service worker: cold start → first answer (p50)',
        value: round(median(cold)),
        unit: 'ms',
        goal: null,
        detail: { p95: round(quantile(cold, 0.95)), warmP50: round(median(warm)), runs: cold.length },
      },
    ];
  } finally {
    await browser.close();
    await sandbox.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(extensionDir, { recursive: true, force: true });
  }
}

// ---------- report ----------

function table(figures: Figure[]): string {
  const rows = figures.map((f) => [
    f.name,
    `${f.value} ${f.unit}`,
    f.goal === null ? '—' : `≤ ${f.goal} ${f.unit}`,
    f.goal === null ? '' : f.value <= f.goal ? 'pass' : 'FAIL',
  ]);
  const head = ['figure', 'value', 'goal', 'result'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

async function main() {
  const started = Date.now();
  if (!flag('--no-build') && !option('--ext-dir')) build();
  const about = machine();
  if (about.loadAverage1m > about.cores)
    log(`warning: load average ${about.loadAverage1m} on ${about.cores} cores; latencies will be inflated`);
  const figures: Figure[] = [...sizes()];
  log('page overhead …');
  const overhead = await within(180_000, 'page overhead', pageOverhead());
  figures.push(...overhead.figures);
  log('capture, delivery, popup, service worker …');
  if (!flag('--overhead-only')) figures.push(...(await within(180_000, 'capture and delivery', extensionFigures())));

  const result = {
    date: new Date().toISOString(),
    machine: about,
    durationS: round((Date.now() - started) / 1000),
    loadAverage1mAtEnd: round(loadavg()[0] ?? 0, 2),
    figures,
    pageOverheadRuns: overhead.runs,
  };
  mkdirSync(resolve(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(RESULTS, `${JSON.stringify(result, null, 2)}\n`);
  print(
    `\n${about.cpu} · ${about.cores} cores · ${about.memoryGiB} GiB · ${about.chromium} · node ${about.node} · load ${about.loadAverage1m}→${result.loadAverage1mAtEnd} · ${about.extensionDir}\n`,
  );
  print(table(figures));
  print(`\n${relative(ROOT, RESULTS)} · ${result.durationS} s`);
  // Figures are reported either way; --check makes a missed goal fail the command (for CI, if wanted).
  if (flag('--check') && figures.some((f) => f.goal !== null && f.value > f.goal)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
