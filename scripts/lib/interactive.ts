/**
 * The interactive `npm start` session (with a display): Chromium with the extension, opened at the sandbox page
 * with a fresh pairing code and at the Partner Center simulator's home, for a person to walk the flow by hand.
 */
import type { SandboxServer } from '../../sandbox/server/server';
import { createSimulator } from '../../sandbox/simulator/site';
import { extensionIdOf, showPairingCode } from '../walkthrough';
import { launchBrowser } from './session';

export interface InteractiveSession {
  /** What to tell the user: the pairing code, where things are, how to stop. */
  instructions: string;
  /** Settles when the browser is gone (closed by the user, or by close()). */
  closed: Promise<void>;
  close(): Promise<void>;
}

export async function openInteractive(options: {
  sandbox: SandboxServer;
  extensionDir: string;
}): Promise<InteractiveSession> {
  const { sandbox } = options;
  const simulator = createSimulator();
  const browser = await launchBrowser({ extensionDir: options.extensionDir, simulator, headless: false });
  const { context } = browser;
  const closed = new Promise<void>((done) => context.once('close', () => done()));
  try {
    const sandboxPage = context.pages()[0] ?? (await context.newPage());
    const code = await showPairingCode(sandboxPage, sandbox.url);
    const partnerCenter = await context.newPage();
    await partnerCenter.goto(simulator.dashboardUrl);
    const popupUrl = `chrome-extension://${await extensionIdOf(context)}/popup.html`;
    const instructions = `
  Ready. In the Chromium window:
  1. Pair: open the extension's popup (puzzle icon → Stactize companion, or ${popupUrl}),
     type the pairing code ${code} and Connect. (Codes last 10 minutes; the sandbox tab makes new ones.)
  2. Partner Center (the simulator, at ${simulator.dashboardUrl}): gear → Tenants → User management →
     Microsoft Entra applications → the application → Add new key.
  3. Send key to Stactize; the sandbox tab (${sandbox.url}) shows it arrive and get verified.
  Ctrl-C here stops the browser and the sandbox.
`;
    return { instructions, closed, close: () => browser.close() };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
