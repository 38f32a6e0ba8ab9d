/**
 * Published collections: `…/public/entries` and `…/public/assets` answer the published
 * snapshots (every locale, CMA sys) with the same query language and paging as the draft lists.
 */
import type { FastifyInstance } from 'fastify';
import { assertCan } from '../../auth/index.js';
import { sendInSlices } from '../../http/slices.js';
import { begin, pathOf, scoped, type ManagementOptions, type Req } from '../context.js';
import { listAssets } from './assets.js';
import { listEntries } from './entries.js';

export function publicRoutes(app: FastifyInstance, { store, publicUrl }: ManagementOptions) {
  for (const base of scoped('/public')) {
    app.get(`${base}/entries`, async (request: Req, reply) => {
      const { actor, scope } = await begin(store, request);
      assertCan(actor, 'read');
      return sendInSlices(reply, await listEntries(store, scope, request.query as Record<string, unknown>, pathOf(request), true));
    });

    app.get(`${base}/assets`, async (request: Req, reply) => {
      const { actor, scope } = await begin(store, request);
      assertCan(actor, 'read');
      return sendInSlices(reply, await listAssets(store, scope, publicUrl, request.query as Record<string, unknown>, pathOf(request), true));
    });
  }
}
