/** Snapshots: an entry or content type as it was at each publish (Contentful's Snapshot resource). */
import type { FastifyInstance } from 'fastify';
import { getContentTypeSnapshot, getEntrySnapshot, listContentTypeSnapshots, listEntrySnapshots } from '../../content/index.js';
import { begin, scoped, type ManagementOptions, type Req } from '../context.js';
import { page } from '../parse.js';
import { collection, snapshotJson } from '../serialize.js';

export function snapshotRoutes(app: FastifyInstance, { store }: ManagementOptions) {
  for (const base of scoped('/entries/:id/snapshots')) {
    app.get(base, async (request: Req<{ id: string }>) => {
      const { actor, scope } = await begin(store, request);
      const result = await listEntrySnapshots(store, scope, request.params.id, page(request.query as Record<string, unknown>), actor);
      return collection(result.items.map((s) => snapshotJson(scope, s)), result);
    });

    app.get(`${base}/:snapshotId`, async (request: Req<{ id: string; snapshotId: string }>) => {
      const { actor, scope } = await begin(store, request);
      return snapshotJson(scope, await getEntrySnapshot(store, scope, request.params.id, request.params.snapshotId, actor));
    });
  }

  for (const base of scoped('/content_types/:id/snapshots')) {
    app.get(base, async (request: Req<{ id: string }>) => {
      const { actor, scope } = await begin(store, request);
      const result = await listContentTypeSnapshots(store, scope, request.params.id, page(request.query as Record<string, unknown>), actor);
      return collection(result.items.map((s) => snapshotJson(scope, s)), result);
    });

    app.get(`${base}/:snapshotId`, async (request: Req<{ id: string; snapshotId: string }>) => {
      const { actor, scope } = await begin(store, request);
      return snapshotJson(scope, await getContentTypeSnapshot(store, scope, request.params.id, request.params.snapshotId, actor));
    });
  }
}
