// `npm run sandbox`: runs the sandbox intake server on loopback (port from --port or STACTIZE_SANDBOX_PORT, else 8787).
import { resolve } from 'node:path';
import { DEFAULT_PORT, startSandboxServer } from './server/server';

function portFromArgs(argv: string[]): number {
  const index = argv.findIndex((a) => a === '--port' || a.startsWith('--port='));
  const raw = index < 0 ? process.env.STACTIZE_SANDBOX_PORT : (argv[index]?.split('=')[1] ?? argv[index + 1]);
  if (raw === undefined || raw === '') return DEFAULT_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`sandbox: invalid port ${JSON.stringify(raw)}`);
    process.exit(2);
  }
  return port;
}

const port = portFromArgs(process.argv.slice(2));
const dataDir = resolve(process.env.STACTIZE_SANDBOX_DATA_DIR ?? '.sandbox-data');
const verbose = !process.argv.includes('--quiet');

try {
  const server = await startSandboxServer({
    port,
    dataDir,
    log: verbose ? (line) => console.info(`sandbox: ${line}`) : undefined,
  });
  console.info(`Stactize sandbox intake server listening on ${server.url} (data: ${dataDir})`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.info(`sandbox: ${signal}, stopping`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('sandbox: error while stopping', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') {
    console.error(`sandbox: port ${port} is already in use; stop the other process or pass --port <n>.`);
  } else {
    console.error(`sandbox: could not start: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exit(1);
}
