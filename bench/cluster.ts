/**
 * npm run bench:cluster — the mixed load of bench:load (200 connections: hub 70 %, Delivery 20 %,
 * images 10 %, while one article is updated and published per second through the Management
 * API) against one Folio server and against two, each behind Debian's nginx, on PostgreSQL and
 * an S3-protocol store: the cluster of `npm run demo:cluster` (scripts/cluster-parts.ts), with
 * the demo content plus 100 articles. Both setups run at once on the same servers (nginx A
 * balances only server 1, nginx B both), in alternating segments, so a neighbour's load weighs
 * on both alike. Prints one table: throughput, p50/p99, errors, publishes and how soon they were
 * served, and the throughput of two servers over one.
 * CLUSTER_SECONDS (default 40) per setup, in CLUSTER_ROUNDS (default 2) segments each;
 * CLUSTER_EACH=1 adds server 2 alone behind its own nginx;
 * CLUSTER_BASELINE=path/to/other/dist/cli/main.js adds a server of another build, alone behind
 * its own nginx, in the same alternating segments: a change compared in one run;
 * LOAD_CONNECTIONS (default 200). Needs wrk and nginx (Debian: apt-get install wrk nginx-light).
 * Not a test: nothing here fails on speed.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openStore } from '../src/store/index.js';
import { startBalancer, startCluster, type Cluster } from '../scripts/cluster-parts.js';
import { startClusterServer, type ClusterServer } from '../test/support/cluster.js';
import { generateArticles } from './gen-content.js';
import { combine, luaScript, mixPaths, publisher, siteContent, threads, wrk, type PublishStats, type WrkResult } from './mix.js';
import { freePort, percentile, stop } from './support.js';

const seconds = Number(process.env.CLUSTER_SECONDS ?? 40);
const rounds = Math.max(1, Number(process.env.CLUSTER_ROUNDS ?? 2));
const connections = Number(process.env.LOAD_CONNECTIONS ?? 200);
/** CLUSTER_PUBLISH=0: reads only, to tell the cost of publishing from the cost of balancing. */
const publishing = process.env.CLUSTER_PUBLISH !== '0';
const scope = { spaceId: 'folio', environmentId: 'master' };

async function content(databaseUrl: string) {
  const store = await openStore({ databaseUrl });
  try {
    await generateArticles(store, scope, 100, 'Cluster');
    // Statistics for the rows just written, as autovacuum would take them within its next minute:
    // without them the planner takes a table of 124 rows for one and picks nested loops that
    // read every search document per article (tens of milliseconds a search, 300 under load).
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    await db.query('ANALYZE').finally(() => db.end());
    return await siteContent(store);
  } finally {
    await store.close();
  }
}

/** CPU time (user and system) the processes used so far, from /proc (Linux). */
async function cpuSeconds(pids: number[]): Promise<number> {
  let total = 0;
  for (const pid of pids) {
    const stat = await fs.readFile(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (in parentheses): utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    total += (Number(fields[11]) + Number(fields[12])) / 100;
  }
  return total;
}

/** What the publisher reports when it does not run. */
const idle = async (): Promise<PublishStats> => ({ acks: [], saves: [], lag: { hub: [], delivery: [], sync: [] }, failures: [], count: 0 });

async function main() {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'folio-bench-cluster-'));
  let cluster: Cluster | undefined;
  let baseline: ClusterServer | undefined;
  let stopping = false;
  const balancers: ChildProcess[] = [];
  try {
    cluster = await startCluster({ servers: 2, demo: true, log: (line) => console.log(line) });
    const { servers, tokens } = cluster;
    const site = await content(cluster.databaseUrl);
    const baselineCli = process.env.CLUSTER_BASELINE;
    if (baselineCli) baseline = await startClusterServer(cluster.env, baselineCli);
    // A server that dies mid-run says why (the run then fails on a refused connection).
    for (const server of [...servers, ...(baseline ? [baseline] : [])]) {
      void server.serve.exited.then((code) => {
        if (!stopping) console.error(`server on port ${server.port} exited (${code ?? server.serve.child.signalCode}):\n${server.serve.output().slice(-3000)}`);
      });
    }
    const setups: Array<{ name: string; origin: string; pids: number[] }> = [];
    const pidOf = (port: number) => [...servers, ...(baseline ? [baseline] : [])].find((s) => s.port === port)!.serve.child.pid!;
    // Server 2 alone as well: whether one server is slower by itself, or two together are.
    const alone = process.env.CLUSTER_EACH === '1' ? [['server 2 alone', [servers[1]!.port]] as const] : [];
    const other = baseline ? [['baseline build alone', [baseline.port]] as const] : [];
    for (const [name, upstreams] of [['one server', [servers[0]!.port]] as const, ...alone, ...other, ['two servers', servers.map((s) => s.port)] as const]) {
      const port = await freePort();
      balancers.push(await startBalancer(path.join(work, `nginx-${balancers.length}`), port, [...upstreams]));
      setups.push({ name: `${name} behind nginx`, origin: `http://127.0.0.1:${port}`, pids: upstreams.map(pidOf) });
    }
    // Each server warmed directly (pages, answers and every image in its own caches), as a server that has run a while is.
    let paths: Awaited<ReturnType<typeof mixPaths>> | undefined;
    for (const server of [...servers, ...(baseline ? [baseline] : [])]) paths = await mixPaths(server.url, site, tokens.delivery);
    const script = path.join(work, 'mix.lua');
    await fs.writeFile(script, luaScript(paths!, { hub: 70, delivery: 20 }, tokens.delivery));
    const load = os.loadavg().map((l) => l.toFixed(1)).join(' ');
    console.log(
      `\n${site.articles.length} articles; wrk -t${threads} -c${connections}, ${seconds} s per setup in ${rounds} alternating segments; ` +
        `${os.cpus().length} cores shared by both servers, PostgreSQL, s3rver, nginx, wrk and other people's work (load average before: ${load})`,
    );
    for (const { origin } of setups) await wrk(origin, script, 5, connections);

    const runs = setups.map(() => [] as WrkResult[]);
    const cpu = setups.map(() => 0);
    const pubs = setups.map(() => [] as PublishStats[]);
    const segment = seconds / rounds;
    for (let r = 0; r < rounds; r++) {
      for (const [i, { origin, pids }] of setups.entries()) {
        const before = await cpuSeconds(pids);
        const [run, stats] = await Promise.all([wrk(origin, script, segment, connections), publishing ? publisher(origin, site.articles, segment, tokens, '') : idle()]);
        cpu[i]! += (await cpuSeconds(pids)) - before;
        runs[i]!.push(run);
        pubs[i]!.push(stats);
      }
    }
    const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
    const lag = (xs: number[]) => `${percentile(sorted(xs), 50).toFixed(0)} / ${percentile(sorted(xs), 99).toFixed(0)} ms`;
    console.log('\n| setup | req/s | Folio CPU ms / 1000 requests | p50 | p99 | errors | publishes | publish ack p50 / p99 | Delivery shows it p50 / p99 | hub shows it p50 / p99 |');
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    const totals = setups.map(({ name }, i) => {
      const r = combine(runs[i]!);
      const p = pubs[i]!;
      const count = p.reduce((n, s) => n + s.count, 0);
      const failures = p.flatMap((s) => s.failures);
      console.log(
        `| ${name} | ${r.rps.toFixed(0)} | ${((cpu[i]! * 1e6) / r.requests).toFixed(0)} | ${r.p50.toFixed(1)} ms | ${r.p99.toFixed(1)} ms | ${r.errors} | ${count}${failures.length ? ` (${failures.length} failed)` : ''} | ` +
          `${lag(p.flatMap((s) => s.acks))} | ${lag(p.flatMap((s) => s.lag.delivery))} | ${lag(p.flatMap((s) => s.lag.hub))} |`,
      );
      if (r.errors) console.log(`  errors: ${r.detail}`);
      if (failures.length) console.log(`  publisher: ${failures.slice(0, 5).join('; ')}`);
      return r.rps;
    });
    const baselineRow = setups.findIndex((s) => s.name.startsWith('baseline'));
    if (baselineRow >= 0) console.log(`\none server / baseline build alone: ${(totals[0]! / totals[baselineRow]!).toFixed(2)}`);
    console.log(`two servers / one: ${(totals.at(-1)! / totals[0]!).toFixed(2)}; load average after: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  } finally {
    stopping = true;
    for (const b of balancers) await stop(b);
    await baseline?.stop();
    await cluster?.stop();
    await fs.rm(work, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
