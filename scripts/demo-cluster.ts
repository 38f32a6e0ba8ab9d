/**
 * `npm run demo:cluster`: PostgreSQL, an S3-protocol store, two Folio servers and Debian's nginx
 * balancing them, all on this machine; prints the URLs and tokens. Ctrl-C stops everything it
 * started and removes its files. Run by `node --import tsx`, not the tsx command: Ctrl-C reaches
 * this process twice through npm, and the tsx command kills its child on the second one.
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../test/e2e/folio.js';
import { startBalancer, startCluster, type Cluster } from './cluster-parts.js';

async function main() {
  const port = Number(process.env.PORT ?? (await freePort()));
  const publicUrl = `http://127.0.0.1:${port}`;
  const admin = { FOLIO_ADMIN_EMAIL: 'admin@example.com', FOLIO_ADMIN_PASSWORD: randomBytes(12).toString('base64url') };
  const say = (line: string) => process.stdout.write(`${line}\n`);
  let cluster: Cluster | undefined;
  let nginx: ChildProcess | undefined;
  const nginxDir = await fs.mkdtemp(path.join(os.tmpdir(), 'folio-nginx-'));
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      say('\nstopping…');
      // Ctrl-C reaches nginx and the servers too (one process group): they may be gone already.
      if (nginx && nginx.exitCode === null && nginx.signalCode === null) {
        const exited = new Promise((r) => nginx!.once('exit', r));
        nginx.kill('SIGQUIT');
        await exited;
      }
      await cluster?.stop();
      await fs.rm(nginxDir, { recursive: true, force: true });
      say('stopped.');
    })());
  // `on`, not `once`: a second Ctrl-C (or npm passing the signal on) must not cut the clean-up short.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop().then(() => process.exit(0)));
  try {
    cluster = await startCluster({ servers: 2, demo: true, publicUrl, extraEnv: admin, log: say });
    say('starting nginx…');
    nginx = await startBalancer(nginxDir, port, cluster.servers.map((s) => s.port));
  } catch (err) {
    await stop();
    throw err;
  }
  const { tokens, servers, databaseUrl } = cluster;
  say(`
Folio cluster is up (Ctrl-C stops it all):
  through nginx      ${publicUrl}/            (the hub; /admin is the editor)
  Folio server 1     ${servers[0]!.url}
  Folio server 2     ${servers[1]!.url}
  PostgreSQL         ${databaseUrl}
  S3 endpoint        ${cluster.env.FOLIO_S3_ENDPOINT} (bucket ${cluster.env.FOLIO_S3_BUCKET})

  delivery token     ${tokens.delivery}
  preview token      ${tokens.preview}
  management token   ${tokens.management}

  try: curl -s -D- -o /dev/null -H 'Authorization: Bearer ${tokens.delivery}' ${publicUrl}/delivery/spaces/folio/entries
       (X-Folio-Upstream names the server that answered)
  editor sign-in     ${admin.FOLIO_ADMIN_EMAIL} / ${admin.FOLIO_ADMIN_PASSWORD}  at ${publicUrl}/admin`);
  await new Promise(() => {});
}

main().catch((err: unknown) => {
  console.error(`demo:cluster: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
