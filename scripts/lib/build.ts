/** Builds the extension for `npm start` into its own folder, with the sandbox URL it will talk to baked in. */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { StartError } from './errors';

export const ROOT = resolve(import.meta.dirname, '../..');
/** Apart from `npm run build` (.output) and the e2e build (.output/e2e), so none overwrites another. */
export const DEMO_OUT_DIR = resolve(ROOT, '.output/demo');
export const DEMO_EXTENSION_DIR = resolve(DEMO_OUT_DIR, 'chrome-mv3');

export async function buildExtension(apiUrl: string): Promise<string> {
  const command = ['npx', 'wxt', 'build', '--mode', 'sandbox'];
  const output: string[] = [];
  const code = await new Promise<number | null>((done, fail) => {
    const child = spawn(command[0] as string, command.slice(1), {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Set explicitly: a WXT_STACTIZE_API_URL left in the shell must not point the build elsewhere.
      env: { ...process.env, STACTIZE_OUT_DIR: DEMO_OUT_DIR, WXT_STACTIZE_API_URL: apiUrl },
    });
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.once('error', fail);
    child.once('close', done);
  }).catch((error: NodeJS.ErrnoException) => {
    throw new StartError(`could not run ${command.join(' ')}: ${error.code ?? error.message}.`);
  });
  if (code !== 0) {
    const reason = buildError(output.join(''));
    // Without a recognisable error line, the build's own words (stack frames left out) say what is wrong.
    if (!reason) process.stderr.write(`${withoutStackFrames(output.join(''))}\n`);
    throw new StartError(
      `the extension build failed (${command.join(' ')} exited with ${code ?? 'a signal'})${reason ? `: ${reason}` : '; its output is above.'}`,
    );
  }
  return DEMO_EXTENSION_DIR;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes start with ESC.
const ANSI = /\u001b\[[0-9;]*m/g;

/** WXT's " ERROR  <message>" line, without colours; null when there is none. */
export function buildError(output: string): string | null {
  const line = output
    .replace(ANSI, '')
    .split('\n')
    .find((l) => /^\s*(ERROR|\[error\])\s/i.test(l));
  return line?.replace(/^\s*(ERROR|\[error\])\s+/i, '').trim() || null;
}

export function withoutStackFrames(output: string): string {
  return output
    .replace(ANSI, '')
    .split('\n')
    .filter((l) => !/^\s+at\s/.test(l))
    .slice(-30)
    .join('\n')
    .trim();
}
