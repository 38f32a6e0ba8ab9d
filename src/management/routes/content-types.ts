/** Content types: create (POST, or PUT with an id), read, update, activate, deactivate, delete. */
import type { FastifyInstance } from 'fastify';
import { assertCan } from '../../auth/index.js';
import {
  deleteContentType,
  getContentType,
  publishContentType,
  saveContentType,
  unpublishContentType,
} from '../../content/index.js';
import { assertResourceId, newResourceId } from '../ids.js';
import { begin, pathOf, scoped, type ManagementOptions, type Req } from '../context.js';
import { cursorCollection, cursorPaging } from '../cursor.js';
import { contentTypeBody, page, publishVersion, requiredVersion, versionHeader } from '../parse.js';
import { collection, contentTypeJson } from '../serialize.js';

type One = Req<{ id: string }>;

export function contentTypeRoutes(app: FastifyInstance, { store }: ManagementOptions) {
  for (const base of scoped('/content_types')) {
    app.get(base, async (request: Req) => {
      const { actor, scope } = await begin(store, request);
      assertCan(actor, 'read');
      const { query, cursor } = cursorPaging(request.query as Record<string, unknown>);
      const result = await store.contentTypes.list(scope, { ...page(query), order: [{ sys: 'id', direction: 'asc' }] });
      const items = result.items.map((t) => contentTypeJson(scope, t));
      return cursor ? cursorCollection({ ...result, items }, pathOf(request)) : collection(items, result);
    });

    app.post(base, async (request: Req, reply) => {
      const { actor, scope } = await begin(store, request);
      const body = contentTypeBody(request.body);
      const created = await saveContentType(store, scope, { id: newResourceId(), body }, actor);
      return reply.code(201).send(contentTypeJson(scope, created));
    });

    app.get(`${base}/:id`, async (request: One) => {
      const { actor, scope } = await begin(store, request);
      return contentTypeJson(scope, await getContentType(store, scope, request.params.id, actor));
    });

    app.put(`${base}/:id`, async (request: One, reply) => {
      const { actor, scope } = await begin(store, request);
      versionHeader(request);
      const body = contentTypeBody(request.body);
      const exists = await store.contentTypes.get(scope, request.params.id);
      const version = exists ? requiredVersion(request, `content type "${request.params.id}"`) : undefined;
      const saved = await saveContentType(store, scope, { id: assertResourceId(request.params.id), body, version }, actor);
      return reply.code(exists ? 200 : 201).send(contentTypeJson(scope, saved));
    });

    app.delete(`${base}/:id`, async (request: One, reply) => {
      const { actor, scope } = await begin(store, request);
      await deleteContentType(store, scope, { id: request.params.id, version: versionHeader(request) }, actor);
      return reply.code(204).send();
    });

    // Contentful requires the version to publish (the official client always sends it).
    app.put(`${base}/:id/published`, async (request: One) => {
      const { actor, scope } = await begin(store, request);
      return contentTypeJson(scope, await publishContentType(store, scope, { id: request.params.id, version: await publishVersion(request, `content type "${request.params.id}"`, () => getContentType(store, scope, request.params.id, actor)) }, actor));
    });

    app.delete(`${base}/:id/published`, async (request: One) => {
      const { actor, scope } = await begin(store, request);
      return contentTypeJson(scope, await unpublishContentType(store, scope, { id: request.params.id, version: versionHeader(request) }, actor));
    });
  }
}
