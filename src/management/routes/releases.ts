/**
 * Releases: `…/releases` (create, query), `…/releases/{id}` (get, update with X-Contentful-Version,
 * delete), `…/releases/{id}/published` (PUT publishes, DELETE unpublishes), `…/validate`,
 * `…/archived`, and their actions at `…/releases/{id}/actions/{actionId}` and `…/release_actions`.
 */
import type { FastifyInstance } from 'fastify';
import {
  archiveRelease,
  createRelease,
  deleteRelease,
  getRelease,
  getReleaseAction,
  listReleaseActions,
  queryReleases,
  runReleaseAction,
  updateRelease,
  type ReleaseInput,
} from '../../content/index.js';
import { validationFailed } from '../../errors/index.js';
import type { DocumentRecord, Json, Scope } from '../../store/types.js';
import * as is from '../../validate/is.js';
import { begin, scoped, type ManagementOptions, type Req } from '../context.js';
import { newResourceId } from '../ids.js';
import { bodyObject, page, requiredVersion, versionHeader } from '../parse.js';
import { collection, link } from '../../contentful/index.js';
import { entityOf, listOf } from './bulk-actions.js';

type One = Req<{ id: string }>;

function releaseInput(raw: unknown): ReleaseInput {
  const body = bodyObject(raw);
  if (!is.string(body.title)) throw validationFailed([{ name: 'required', path: ['title'], details: 'title must be a string' }]);
  const entities = is.plainObject(body.entities) ? body.entities.items : undefined;
  // Release.v2 wraps each link as {"entity": Link}; v1 lists the links.
  const items = listOf(entities, ['entities', 'items']).map((item, i) =>
    entityOf(is.plainObject(item) && item.entity !== undefined ? item.entity : item, ['entities', 'items', i], 'unpublish'),
  );
  return { title: body.title, entities: items };
}

const users = (doc: DocumentRecord) => ({ createdBy: link('User', doc.createdBy ?? 'system'), updatedBy: link('User', doc.updatedBy ?? 'system') });

export function releaseJson(scope: Scope, doc: DocumentRecord) {
  const { title, entities, status, lastAction } = doc.body as Record<string, Json>;
  return {
    title,
    entities: { sys: { type: 'Array' }, items: entities },
    sys: {
      id: doc.id,
      type: 'Release',
      version: doc.version,
      status,
      space: link('Space', scope.spaceId),
      environment: link('Environment', scope.environmentId),
      ...users(doc),
      createdAt: doc.createdAt,
      updatedAt: doc.updatedAt,
      ...(is.string(lastAction) ? { lastAction: link('ReleaseAction', lastAction) } : {}),
    },
  };
}

export function releaseActionJson(scope: Scope, doc: DocumentRecord) {
  const { action, status, error } = doc.body as Record<string, Json>;
  return {
    action,
    sys: {
      id: doc.id,
      type: 'ReleaseAction',
      status,
      space: link('Space', scope.spaceId),
      environment: link('Environment', scope.environmentId),
      release: link('Release', doc.parentId ?? ''),
      ...users(doc),
      createdAt: doc.createdAt,
      updatedAt: doc.updatedAt,
    },
    ...(error ? { error } : {}),
  };
}

export function releaseRoutes(app: FastifyInstance, { store }: ManagementOptions) {
  for (const base of scoped('/releases')) {
    app.get(base, async (request: Req) => {
      const { actor, scope } = await begin(store, request);
      const query = request.query as Record<string, unknown>;
      const entityId = query['entities.sys.id[in]'] ?? query['entities.sys.id'];
      const status = query['sys.status[in]'] ?? query['sys.status'];
      const result = await queryReleases(
        store,
        scope,
        { ...page(query), ...(is.string(entityId) ? { entityId } : {}), ...(is.string(status) ? { status } : {}) },
        actor,
      );
      return collection(result.items.map((r) => releaseJson(scope, r)), result);
    });

    app.post(base, async (request: Req, reply) => {
      const { actor, scope } = await begin(store, request);
      return reply.code(201).send(releaseJson(scope, await createRelease(store, scope, newResourceId(), releaseInput(request.body), actor)));
    });

    app.get(`${base}/:id`, async (request: One) => {
      const { actor, scope } = await begin(store, request);
      return releaseJson(scope, await getRelease(store, scope, request.params.id, actor));
    });

    app.put(`${base}/:id`, async (request: One) => {
      const { actor, scope } = await begin(store, request);
      const version = requiredVersion(request, `release "${request.params.id}"`);
      return releaseJson(scope, await updateRelease(store, scope, request.params.id, releaseInput(request.body), version, actor));
    });

    app.delete(`${base}/:id`, async (request: One, reply) => {
      const { actor, scope } = await begin(store, request);
      await deleteRelease(store, scope, request.params.id, actor);
      return reply.code(204).send();
    });

    const act = (action: 'publish' | 'unpublish' | 'validate') => async (request: One, reply: { code(n: number): { send(v: unknown): unknown } }) => {
      const { actor, scope } = await begin(store, request);
      const done = await runReleaseAction(store, scope, request.params.id, newResourceId(), action, versionHeader(request), actor);
      return reply.code(200).send(releaseActionJson(scope, done));
    };
    app.put(`${base}/:id/published`, act('publish'));
    app.delete(`${base}/:id/published`, act('unpublish'));
    app.post(`${base}/:id/validate`, act('validate'));

    for (const [method, archived] of [['put', true], ['delete', false]] as const) {
      app[method](`${base}/:id/archived`, async (request: One) => {
        const { actor, scope } = await begin(store, request);
        return releaseJson(scope, await archiveRelease(store, scope, request.params.id, archived, versionHeader(request), actor));
      });
    }

    app.get(`${base}/:id/actions/:actionId`, async (request: Req<{ id: string; actionId: string }>) => {
      const { actor, scope } = await begin(store, request);
      return releaseActionJson(scope, await getReleaseAction(store, scope, request.params.id, request.params.actionId, actor));
    });
  }

  for (const base of scoped('/release_actions')) {
    app.get(base, async (request: Req) => {
      const { actor, scope } = await begin(store, request);
      const query = request.query as Record<string, unknown>;
      const releaseId = query['sys.release.sys.id[in]'];
      const result = await listReleaseActions(store, scope, is.string(releaseId) ? releaseId : undefined, page(query), actor);
      return collection(result.items.map((a) => releaseActionJson(scope, a)), result);
    });
  }
}
