/**
 * `npm run demo:cluster`: PostgreSQL, an S3-protocol store, two Folio servers and Debian's nginx
 * balancing them, all on this machine; prints the URLs and tokens. Ctrl-C stops everything it
 * started and removes its files. Run by `node --import tsx`, not the tsx command: Ctrl-C reaches
 * this process twice through npm, and the tsx command kills its child on the second one.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { nginxPreamble } from '../bench/support.js';
import { freePort } from '../test/e2e/folio.js';
import { startCluster, type Cluster } from './cluster-parts.js';

const nginxBinary = process.env.NGINX ?? '/usr/sbin/nginx';

/** nginx in front of `upstreams`, with its config, pid, logs and temp files in `prefix`. */
async function startNginx(prefix: string, listen: number, upstreams: number[]): Promise<ChildProcess> {
  await fs.mkdir(path.join(prefix, 'logs'), { recursive: true });
  const conf = path.join(prefix, 'nginx.conf');
  await fs.writeFile(
    conf,
    `${nginxPreamble(prefix, '1')}
  client_max_body_size 0;
  upstream folio {
${upstreams.map((port) => `    server 127.0.0.1:${port} max_fails=1 fail_timeout=5s;`).join('\n')}
    keepalive 16;
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
    nginx = await startNginx(nginxDir, port, cluster.servers.map((s) => s.port));
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
