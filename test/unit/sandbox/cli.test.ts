// `npm run sandbox` entry: prints its URL in one line, explains a busy port, stops cleanly on SIGTERM/SIGINT.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { start, tempDir } from './helpers';

function runCli(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'sandbox/cli.ts', ...args], {
    env: { ...process.env, STACTIZE_SANDBOX_DATA_DIR: tempDir(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  // The first line of stdout, as soon as it is complete; an exit before it fails the wait at once.
  const firstLine = new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (d) => {
      stdout += d;
      if (stdout.includes('\n')) resolve(stdout.split('\n')[0] ?? '');
    });
    child.on('exit', (code) => reject(new Error(`exited (${code}) before a line: ${stdout}${stderr}`)));
  });
  firstLine.catch(() => {}); // only the tests that wait for a line care why there was none
  return { child, exited, firstLine, err: () => stderr };
}

describe('sandbox CLI', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'prints its URL, serves, and stops cleanly on %s',
    async (signal) => {
      const cli = runCli(['--port', '0', '--quiet']);
      const line = await cli.firstLine;
      expect(line).toMatch(/^Stactize sandbox intake server listening on http:\/\/127\.0\.0\.1:\d+ \(data: .+\)$/);
      const url = /(http:\/\/127\.0\.0\.1:\d+)/.exec(line)?.[1];
      expect((await fetch(`${url}/v1/connection`)).status).toBe(401);
      cli.child.kill(signal);
      expect(await cli.exited).toBe(0);
    },
    20_000,
  );

  it('takes the port from STACTIZE_SANDBOX_PORT and says so in one line when it is busy', async () => {
    const busy = await start();
    const cli = runCli([], { STACTIZE_SANDBOX_PORT: String(busy.port) });
    expect(await cli.exited).toBe(1);
    expect(cli.err().trim().split('\n')).toEqual([
      `sandbox: port ${busy.port} is already in use; stop the other process or pass --port <n>.`,
    ]);
  }, 20_000);
});
