/**
 * Cross-server visibility lag: on two `folio serve` processes sharing PostgreSQL and s3rver,
 * publish an entry through server A and time how long until server B's Delivery API serves it
 * (from A's acknowledgement to the first answer from B that has it), `--publishes` times; prints the median and the
 * spread. `--cli other/dist/cli/main.js` measures another build (e.g. one from before
 * LISTEN/NOTIFY, which polled every 250 ms). Not a test: timing belongs here.
 *
 *   npm run measure:cluster-lag -- [--publishes 20] [--cli path]
 */
import { parseArgs } from 'node:util';
import { managementRequest, plainField } from '../test/support/cluster.js';
import { startCluster } from './cluster-parts.js';
import { percentile } from '../bench/support.js';

const { values } = parseArgs({ options: { publishes: { type: 'string', default: '20' }, cli: { type: 'string' } } });
const publishes = Number(values.publishes);

const cluster = await startCluster({ servers: 2, demo: false, ...(values.cli ? { cli: values.cli } : {}) });
try {
  const [a, b] = cluster.servers as [(typeof cluster.servers)[0], (typeof cluster.servers)[0]];
  const cma = (path: string, init?: Parameters<typeof managementRequest>[3]) => managementRequest(a, cluster.tokens.management, path, init);
  const ok = async (res: Promise<Response>, status: number) => {
    const r = await res;
    if (r.status !== status) throw new Error(`${r.url}: ${r.status} ${await r.text()}`);
    return (await r.json()) as { sys: { version: number } };
  };
  await ok(cma('/content_types/post', { method: 'PUT', body: { name: 'Post', displayField: 'title', fields: [plainField('title', 'Symbol')] } }), 201);
  await ok(cma('/content_types/post/published', { method: 'PUT', version: 1 }), 200);
  const auth = { headers: { authorization: `Bearer ${cluster.tokens.delivery}` } };

  /** Acknowledgement on A to B's first answer that has it. */
  const lags: number[] = [];
  /** Acknowledgement on A to the sending of that request: how long B answered from before the publish. */
  const stale: number[] = [];
  for (let i = 0; i < publishes; i++) {
    const id = `lag-${i}`;
    const { sys } = await ok(cma(`/entries/${id}`, { method: 'PUT', contentType: 'post', body: { fields: { title: { 'en-US': `Lag ${i}` } } } }), 201);
    // A query, not the entry's own URL: B caches its answer (a 404 it would not), so this times
    // how soon B drops what it cached, not only how soon the row is readable.
    const onB = `${b.url}/delivery/spaces/folio/environments/master/entries?sys.id=${id}`;
    const seen = async () => ((await (await fetch(onB, auth)).json()) as { total: number }).total === 1;
    if (await seen()) throw new Error(`${id} visible on B before its publish`);
    await ok(cma(`/entries/${id}/published`, { method: 'PUT', version: sys.version }), 200);
    const acknowledged = performance.now();
    for (;;) {
      const sent = performance.now();
      if (await seen()) {
        // From when the request that had it was sent: B's own answer time (busy on 2 shared cores) apart.
        stale.push(sent - acknowledged);
        break;
      }
      if (performance.now() - acknowledged > 10_000) throw new Error(`${id} not on B after 10 s`);
    }
    lags.push(performance.now() - acknowledged);
    // Apart from each other, so each publish meets a poll timer at a different phase.
    await new Promise((r) => setTimeout(r, 100 + Math.random() * 300));
  }
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  const summary = (values: number[]) => {
    const sorted = [...values].sort((x, y) => x - y);
    return `median ${ms(percentile(sorted, 50))}, min ${ms(sorted[0]!)}, p90 ${ms(percentile(sorted, 90))}, max ${ms(sorted.at(-1)!)}`;
  };
  process.stdout.write(
    `${values.cli ?? 'this build'}: ${publishes} publishes on A; B's Delivery answer had it\n` +
      `  answered after: ${summary(lags)}\n  asked after:    ${summary(stale)}\n`,
  );
} finally {
  await cluster.stop();
}
