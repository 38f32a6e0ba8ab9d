/** /healthz (the process answers), /readyz (the database answers), /metrics (Prometheus text). */
import type { FastifyInstance } from 'fastify';
import type { Store } from '../store/store.js';

export async function operationsRoutes(app: FastifyInstance, opts: { store: Store }) {
  const started = Date.now();
  const responses = new Map<string, number>();
  const durations = { count: 0, sum: 0 };

  app.addHook('onResponse', async (request, reply) => {
    const key = `${request.method} ${Math.floor(reply.statusCode / 100)}xx`;
    responses.set(key, (responses.get(key) ?? 0) + 1);
    durations.count++;
    durations.sum += reply.elapsedTime / 1000;
  });

  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get('/readyz', async (_request, reply) => {
    try {
      await opts.store.spaces.list();
      return { status: 'ready' };
    } catch (err) {
      app.log.warn({ err }, 'readiness check failed');
      return reply.code(503).send({ status: 'unavailable' });
    }
  });

  app.get('/metrics', async (_request, reply) => {
    const mem = process.memoryUsage();
    const lines = [
      '# HELP folio_http_responses_total HTTP responses by method and status class.',
      '# TYPE folio_http_responses_total counter',
      ...[...responses].map(([key, n]) => {
        const [method, status] = key.split(' ');
        return `folio_http_responses_total{method="${method}",status="${status}"} ${n}`;
      }),
      '# HELP folio_http_request_duration_seconds Time spent answering requests.',
      '# TYPE folio_http_request_duration_seconds summary',
      `folio_http_request_duration_seconds_sum ${durations.sum}`,
      `folio_http_request_duration_seconds_count ${durations.count}`,
      '# HELP folio_process_uptime_seconds Seconds since start.',
      '# TYPE folio_process_uptime_seconds gauge',
      `folio_process_uptime_seconds ${(Date.now() - started) / 1000}`,
      '# HELP folio_process_resident_memory_bytes Resident set size.',
      '# TYPE folio_process_resident_memory_bytes gauge',
      `folio_process_resident_memory_bytes ${mem.rss}`,
    ];
    return reply.type('text/plain; version=0.0.4; charset=utf-8').send(`${lines.join('\n')}\n`);
  });
}
