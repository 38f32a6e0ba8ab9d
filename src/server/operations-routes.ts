/**
 * /healthz (the process answers), /readyz (the database and the file storage answer), /metrics
 * (Prometheus text).
 * Registered without encapsulation, so the metrics hook sees every route of the app.
 */
import type { FastifyInstance } from 'fastify';
import type { Store } from '../store/store.js';
import { createMetrics, type MetricSources } from './metrics.js';

export interface OperationsOptions {
  store: Store;
  /** Filled in by the parts as they register; read when /metrics is scraped. */
  sources?: MetricSources;
  /** Resolves when the file storage answers. */
  checkStorage?: (() => Promise<void>) | undefined;
}

type CheckResult = 'ok' | 'unavailable';

export async function operationsRoutes(app: FastifyInstance, opts: OperationsOptions) {
  const metrics = createMetrics(app, opts.store, opts.sources ?? {});

  app.get('/healthz', async () => ({ status: 'ok' }));

  const checks: Record<string, () => Promise<unknown>> = { database: () => opts.store.spaces.list() };
  if (opts.checkStorage) checks.storage = opts.checkStorage;

  // A load balancer sends traffic only while every part a request needs answers; which one failed is named.
  app.get('/readyz', async (_request, reply) => {
    const results: Record<string, CheckResult> = {};
    await Promise.all(
      Object.entries(checks).map(async ([name, check]) => {
        try {
          await check();
          results[name] = 'ok';
        } catch (err) {
          app.log.warn({ err, check: name }, 'readiness check failed');
          results[name] = 'unavailable';
        }
      }),
    );
    const ready = Object.values(results).every((r) => r === 'ok');
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'unavailable', checks: results });
  });

  app.get('/metrics', async (_request, reply) => reply.type(metrics.contentType).send(await metrics.render()));
}

// Fastify's documented switch (what fastify-plugin sets): hooks added here apply to the whole app.
Object.assign(operationsRoutes, { [Symbol.for('skip-override')]: true });
