/** `npm start` arguments: headed unless there is no display or --headless; --out for the walkthrough; --port. */
import { DEFAULT_PORT } from '../../sandbox/server/server';
import { StartError } from './errors';

export interface StartOptions {
  help: boolean;
  headless: boolean;
  /** Why headless: asked for, or no display to show a browser on. */
  headlessReason: 'flag' | 'no-display' | null;
  /** Where the headless walk writes its screenshots and report. */
  outDir: string;
  /** The sandbox's port; the extension is built with this API URL baked in. */
  port: number;
}

export const USAGE = `Usage: npm start [-- --headless] [--out DIR] [--port N]
  Builds the extension for the sandbox, starts the sandbox intake server and a Partner Center simulator, and
  opens Chromium with the extension. With a display: interactive, until Ctrl-C. Without one (or --headless):
  a scripted walk through the whole flow, written to DIR (default walkthrough/); exit 0 when the sandbox
  holds the key, verified.
  --headless   run the scripted walk even with a display
  --out DIR    where the walkthrough goes (default walkthrough)
  --port N     the sandbox port (default ${DEFAULT_PORT})`;

export function hasDisplay(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.DISPLAY?.trim() || env.WAYLAND_DISPLAY?.trim());
}

export function parseArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): StartOptions {
  let help = false;
  let headlessFlag = false;
  let outDir = 'walkthrough';
  let port = DEFAULT_PORT;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [name, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '' || (inline === undefined && v.startsWith('--'))) {
        throw new StartError(`${name} needs a value. ${USAGE.split('\n')[0]}`, 2);
      }
      return v;
    };
    if (name === '-h' || name === '--help') help = true;
    else if (name === '--headless' && inline === undefined) headlessFlag = true;
    else if (name === '--out') outDir = value();
    else if (name === '--port') {
      const raw = value();
      port = Number(raw);
      if (!/^\d+$/.test(raw) || port < 1 || port > 65535)
        throw new StartError(`--port must be 1–65535, not ${JSON.stringify(raw)}.`, 2);
    } else throw new StartError(`unknown argument ${JSON.stringify(arg)}. ${USAGE.split('\n')[0]}`, 2);
  }
  const headlessReason = headlessFlag ? 'flag' : hasDisplay(env) ? null : 'no-display';
  return { help, headless: headlessReason !== null, headlessReason, outDir, port };
}
