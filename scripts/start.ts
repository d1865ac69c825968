/**
 * `npm start`: the whole flow on this machine without a Microsoft or Stactize account. Builds the extension for
 * the sandbox, starts the sandbox intake server and the Partner Center simulator, and opens Chromium with the
 * extension. With a display it is interactive until Ctrl-C; without one (or with --headless) it runs the
 * scripted walk and exits 0 only when the sandbox holds the key, verified. The work is in scripts/lib/ and
 * scripts/walkthrough.ts; this file parses arguments, reports and cleans up.
 */
import { rmSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseArgs, USAGE } from './lib/args';
import { buildExtension, DEMO_OUT_DIR, ROOT } from './lib/build';
import { firstLine, StartError } from './lib/errors';
import { openInteractive } from './lib/interactive';
import { chromiumPath, startSandbox } from './lib/session';
import { runWalkthrough } from './walkthrough';

const say = (line: string) => console.info(`npm start: ${line}`);
const DATA_DIR = resolve(ROOT, '.sandbox-data/demo');
/** A path for messages: relative when under the current folder. */
const shown = (path: string) => (relative(process.cwd(), path).startsWith('..') ? path : relative(process.cwd(), path));

// Ctrl-C: every cleanup registered here runs once, in reverse order, then the process exits with the first code.
const cleanups: Array<() => Promise<unknown>> = [];
const interrupted = new AbortController();
/** In the interactive session Ctrl-C is the way to finish, so it exits 0; elsewhere it is an interruption. */
let interruptCode = 130;
let stopping: Promise<never> | null = null;
function stop(code: number): Promise<never> {
  stopping ??= (async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    process.exit(code);
  })();
  return stopping;
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    say(`${signal === 'SIGINT' ? 'Ctrl-C' : signal}: stopping the browser and the sandbox…`);
    interrupted.abort();
    void stop(signal === 'SIGINT' ? interruptCode : 143);
  });
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  if (options.help) {
    console.info(USAGE);
    return 0;
  }
  chromiumPath(); // a missing browser says so before anything is built or bound
  // A fresh sandbox each time: the browser profile is thrown away too, so old pairings would only confuse.
  rmSync(DATA_DIR, { recursive: true, force: true });
  const sandbox = await startSandbox({
    port: options.port,
    dataDir: DATA_DIR,
    // The verdicts are worth seeing; the request log (the popup polls) is not.
    log: (line) => {
      if (!/^[A-Z]+ \//.test(line)) say(`sandbox: ${line}`);
    },
  });
  cleanups.push(() => sandbox.close());
  say(`sandbox intake server on ${sandbox.url} (data: ${relative(ROOT, DATA_DIR)})`);

  say(`building the extension for ${sandbox.url} into ${relative(ROOT, DEMO_OUT_DIR)}…`);
  const extensionDir = await buildExtension(sandbox.url);
  if (interrupted.signal.aborted) return 130;

  if (options.headless) {
    const why = options.headlessReason === 'flag' ? '--headless' : 'no display (DISPLAY/WAYLAND_DISPLAY unset)';
    say(`${why}: running the scripted walk into ${options.outDir}/`);
    const walk = runWalkthrough({
      sandbox,
      extensionDir,
      outDir: options.outDir,
      signal: interrupted.signal,
      log: (line) => say(line),
    });
    // On Ctrl-C the walk closes its browser and profile; wait for that before the sandbox goes.
    cleanups.push(() => walk);
    const result = await walk;
    say(
      result.ok
        ? `walkthrough passed in ${(result.totalMs / 1000).toFixed(1)} s: ${shown(result.reportFile)}`
        : `walkthrough FAILED: ${shown(result.reportFile)}`,
    );
    return result.ok ? 0 : 1;
  }
  const opening = openInteractive({ sandbox, extensionDir });
  // Registered before it is open: a Ctrl-C while the browser starts still closes it and removes its profile.
  cleanups.push(() => opening.then((session) => session.close()));
  const session = await opening;
  interruptCode = 0;
  console.info(session.instructions);
  await session.closed; // Ctrl-C, or the user closed the browser window
  if (!stopping) say('the browser was closed; stopping the sandbox.');
  return 0;
}

main().then(
  (code) => stop(code),
  (error: unknown) => {
    if (stopping) return; // Ctrl-C closed what was in use; its errors are expected
    if (error instanceof StartError) console.error(`npm start: ${error.message}`);
    else if (process.env.STACTIZE_DEBUG) console.error(error);
    else console.error(`npm start: ${firstLine(error)} (STACTIZE_DEBUG=1 for details)`);
    void stop(error instanceof StartError ? error.exitCode : 1);
  },
);
