/**
 * /healthz (the process answers), /readyz (the database answers), /metrics (Prometheus text).
 * Registered without encapsulation, so the metrics hook sees every route of the app.
 */
import type { FastifyInstance } from 'fastify';
import type { Store } from '../store/store.js';
import { createMetrics, type MetricSources } from './metrics.js';

export interface OperationsOptions {
  store: Store;
  /** Filled in by the parts as they register; read when /metrics is scraped. */
  sources?: MetricSources;
}

export async function operationsRoutes(app: FastifyInstance, opts: OperationsOptions) {
  const metrics = createMetrics(app, opts.store, opts.sources ?? {});

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

  app.get('/metrics', async (_request, reply) => reply.type(metrics.contentType).send(await metrics.render()));
}

// Fastify's documented switch (what fastify-plugin sets): hooks added here apply to the whole app.
Object.assign(operationsRoutes, { [Symbol.for('skip-override')]: true });
