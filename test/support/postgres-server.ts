/**
 * Starts test/support/postgres-process.mjs (one embedded PostgreSQL in a child process) and
 * gives its admin URL. Used by vitest's global setup and by `npm run demo:cluster`, so it needs
 * nothing from vitest. `startReplicatedPostgres` does the same for a primary and a streaming
 * replica of it (postgres-replica-process.mjs).
 */
import { spawn } from 'node:child_process';

export interface PostgresServer {
  /** postgres://… to the `postgres` database, as the superuser. */
  url: string;
  /** Stops PostgreSQL and removes its files. */
  stop(): Promise<void>;
}

const adminUrl = (port: number) => `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;

/** Runs `script`, which prints one JSON line once ready and stops its PostgreSQL when its stdin closes. */
async function runPostgresProcess<T>(script: string): Promise<{ ready: T; stop(): Promise<void> }> {
  const child = spawn(process.execPath, [new URL(script, import.meta.url).pathname], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const ready = await new Promise<T>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve(JSON.parse(line) as T);
    });
    child.once('exit', (code) => reject(new Error(`embedded PostgreSQL exited with ${code} before it was ready`)));
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    ready,
    stop: async () => {
      child.stdin.end();
      await exited;
    },
  };
}

export async function startPostgresServer(): Promise<PostgresServer> {
  const { ready, stop } = await runPostgresProcess<{ port: number }>('./postgres-process.mjs');
  return { url: adminUrl(ready.port), stop };
}

export interface ReplicatedPostgres {
  /** Admin URLs of the primary and of its hot standby, which replays the primary's WAL as it streams in. */
  primaryUrl: string;
  replicaUrl: string;
  stop(): Promise<void>;
}

export async function startReplicatedPostgres(): Promise<ReplicatedPostgres> {
  const { ready, stop } = await runPostgresProcess<{ primaryPort: number; replicaPort: number }>('./postgres-replica-process.mjs');
  return { primaryUrl: adminUrl(ready.primaryPort), replicaUrl: adminUrl(ready.replicaPort), stop };
}
