/**
 * The dispatcher as part of the server: started when Fastify is ready, stopped (waiting for
 * calls in flight) when it closes, and woken after every answered write request so calls go
 * out at once instead of at the next poll. Registered without encapsulation so the wake-up
 * hook sees every route.
 */
import type { FastifyInstance } from 'fastify';
import type { Store } from '../store/index.js';
import { createDispatcher, dispatcherDefaults, type DispatcherOptions } from './dispatcher.js';

export const wakeDecorator = 'wakeWebhookDispatcher';

export async function webhookDispatcher(app: FastifyInstance, opts: { store: Store } & Pick<DispatcherOptions, 'publicUrl'> & Partial<DispatcherOptions>) {
  const { store, ...options } = opts;
  const dispatcher = createDispatcher(store, { ...dispatcherDefaults, ...options }, app.log);
  app.addHook('onReady', async () => dispatcher.start());
  app.addHook('onClose', async () => dispatcher.stop());
  app.addHook('onResponse', async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') dispatcher.wake();
  });
  // For writes that come from inside the server rather than a request (scheduled actions).
  app.decorate(wakeDecorator, () => dispatcher.wake());
}
(webhookDispatcher as unknown as Record<symbol, boolean>)[Symbol.for('skip-override')] = true;
