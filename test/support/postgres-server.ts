/**
 * Starts test/support/postgres-process.mjs (one embedded PostgreSQL in a child process) and
 * gives its admin URL. Used by vitest's global setup and by `npm run demo:cluster`, so it needs
 * nothing from vitest.
 */
import { spawn } from 'node:child_process';

export interface PostgresServer {
  /** postgres://… to the `postgres` database, as the superuser. */
  url: string;
  /** Stops PostgreSQL and removes its files. */
  stop(): Promise<void>;
}

export async function startPostgresServer(): Promise<PostgresServer> {
  const child = spawn(process.execPath, [new URL('./postgres-process.mjs', import.meta.url).pathname], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve((JSON.parse(line) as { port: number }).port);
    });
    child.once('exit', (code) => reject(new Error(`embedded PostgreSQL exited with ${code} before it was ready`)));
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      // postgres-process.mjs stops PostgreSQL when its stdin closes.
      child.stdin.end();
      await exited;
    },
  };
}
