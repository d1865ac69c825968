/**
 * The pieces `npm start` runs: the sandbox intake server in-process, and Chromium with the extension in a
 * throwaway profile, Partner Center answered by the simulator and every other outside host refused.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from '@playwright/test';
import { type SandboxServer, startSandboxServer } from '../../sandbox/server/server';
import { routeSimulator } from '../../sandbox/simulator/route';
import type { Simulator } from '../../sandbox/simulator/site';
import { findChromium } from '../../test/e2e/harness/browser';
import { launchArgs } from '../../test/e2e/harness/fixtures';
import { firstLine, StartError } from './errors';

/** Fails with findChromium's install hint, before anything is started or built. */
export function chromiumPath(): string {
  try {
    return findChromium();
  } catch (error) {
    throw new StartError(firstLine(error));
  }
}

export async function startSandbox(options: {
  port: number;
  dataDir: string;
  log?: (line: string) => void;
}): Promise<SandboxServer> {
  try {
    return await startSandboxServer({ port: options.port, dataDir: options.dataDir, log: options.log });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new StartError(
        `port ${options.port} is busy (another npm start or npm run sandbox?); stop that process or pass --port <n>.`,
      );
    }
    throw new StartError(`the sandbox server did not start: ${firstLine(error)}`);
  }
}

export interface BrowserSession {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchBrowser(options: {
  extensionDir: string;
  simulator: Simulator;
  headless: boolean;
}): Promise<BrowserSession> {
  const executablePath = chromiumPath();
  const profileDir = mkdtempSync(join(tmpdir(), 'stactize-start-profile-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath,
      headless: options.headless,
      args: launchArgs(options.extensionDir),
      // Headed: pages fill the window the user sizes; headless: a fixed size for the screenshots.
      viewport: options.headless ? { width: 1280, height: 800 } : null,
      // npm start closes the browser itself on Ctrl-C, then removes the profile; Playwright's handler would exit first.
      handleSIGINT: false,
      handleSIGTERM: false,
    });
  } catch (error) {
    rmSync(profileDir, { recursive: true, force: true });
    // Chromium's own reason is deep in Playwright's call log; the usual one for a headed run gets its own line.
    if (!options.headless && /Missing X server|cannot open display|wayland/i.test(String(error))) {
      throw new StartError('Chromium could not open a window on this display; run `npm start -- --headless` instead.');
    }
    throw new StartError(`Chromium did not start: ${firstLine(error)}`);
  }
  await routeSimulator(context, options.simulator);
  let closing: Promise<void> | undefined;
  return {
    context,
    close: () => {
      closing ??= context
        .close()
        .catch(() => undefined)
        .then(() => rmSync(profileDir, { recursive: true, force: true }));
      return closing;
    },
  };
}
