/** The scheduled-action runner as part of the server: started when ready, stopped on close. */
import type { FastifyInstance } from 'fastify';
import type { Store } from '../store/index.js';
import { wakeDecorator } from '../webhooks/index.js';
import { createScheduler, schedulerDefaults, type SchedulerOptions } from './runner.js';

export async function scheduledActionRunner(app: FastifyInstance, opts: { store: Store } & Partial<SchedulerOptions>) {
  const { store, ...options } = opts;
  const wake = app.hasDecorator(wakeDecorator) ? (app as unknown as Record<string, () => void>)[wakeDecorator] : undefined;
  const scheduler = createScheduler(store, { ...schedulerDefaults, ...(wake ? { afterRun: wake } : {}), ...options }, app.log);
  app.addHook('onReady', async () => scheduler.start());
  app.addHook('onClose', async () => scheduler.stop());
}
