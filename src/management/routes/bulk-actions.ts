/**
 * Bulk actions: `POST …/bulk_actions/{publish|unpublish|validate}` (v1, entities as a
 * collection of Links) and `POST …/bulk_actions` (v2, `{"action": …, "entities": [{"entity": Link}]}`),
 * read back at `…/bulk_actions/actions/{id}` (v1) and `…/bulk_actions/{id}` (v2).
 */
import type { FastifyInstance } from 'fastify';
import { getBulkAction, maxBulkEntities, runBulkAction, type BulkActionKind, type BulkEntity } from '../../content/index.js';
import { validationFailed } from '../../errors/index.js';
import type { DocumentRecord, Json, Scope } from '../../store/types.js';
import * as is from '../../validate/is.js';
import { begin, scoped, type ManagementOptions, type Req } from '../context.js';
import { newResourceId } from '../ids.js';
import { bodyObject } from '../parse.js';
import { link } from '../../contentful/index.js';

const actions = ['publish', 'unpublish', 'validate'] as const;

const refuse = (path: Array<string | number>, details: string): never => {
  throw validationFailed([{ name: 'invalid', path, details }], details);
};

export function entityOf(v: unknown, path: Array<string | number>, action: BulkActionKind): BulkEntity {
  const sys = is.plainObject(v) ? v.sys : undefined;
  if (!is.plainObject(sys) || sys.type !== 'Link' || !is.oneOf(sys.linkType, ['Entry', 'Asset'] as const) || !is.nonEmptyString(sys.id)) {
    return refuse(path, 'Each entity must be a Link to an Entry or an Asset');
  }
  if (sys.version !== undefined && (!is.integer(sys.version) || sys.version < 1)) refuse([...path, 'sys', 'version'], 'version must be a positive integer');
  return { linkType: sys.linkType, id: sys.id, ...(action === 'publish' && sys.version !== undefined ? { version: sys.version as number } : {}) };
}

export function listOf(items: unknown, path: Array<string | number>): unknown[] {
  if (!Array.isArray(items)) return refuse(path, 'entities must list the entities to act on');
  if (items.length > maxBulkEntities) refuse(path, `A bulk action holds at most ${maxBulkEntities} entities`);
  return items;
}

/** v1: {"entities": {"sys": {"type": "Array"}, "items": [Link…]}}. */
function v1Entities(body: Record<string, unknown>, action: BulkActionKind): BulkEntity[] {
  const entities = body.entities;
  if (!is.plainObject(entities)) return refuse(['entities'], 'entities must be {"sys": {"type": "Array"}, "items": [Links]}');
  return listOf(entities.items, ['entities', 'items']).map((item, i) => entityOf(item, ['entities', 'items', i], action));
}

/** v2: {"action": …, "entities": [{"entity": Link}]}; Folio publishes whole entities, not some locales. */
function v2Entities(body: Record<string, unknown>, action: BulkActionKind): BulkEntity[] {
  return listOf(body.entities, ['entities']).map((item, i) => {
    if (!is.plainObject(item)) return refuse(['entities', i], 'Each item must be {"entity": Link}');
    if (item.add !== undefined || item.remove !== undefined) refuse(['entities', i], 'Folio publishes whole entities: add and remove of single locales are not supported');
    return entityOf(item.entity, ['entities', i, 'entity'], action);
  });
}

export function bulkActionJson(scope: Scope, doc: DocumentRecord) {
  const { action, payload, status, error } = doc.body as Record<string, Json>;
  return {
    sys: {
      id: doc.id,
      type: 'BulkAction',
      status,
      space: link('Space', scope.spaceId),
      environment: link('Environment', scope.environmentId),
      createdBy: link('User', doc.createdBy ?? 'system'),
      createdAt: doc.createdAt,
      updatedAt: doc.updatedAt,
    },
    action,
    payload,
    ...(error ? { error } : {}),
  };
}

export function bulkActionRoutes(app: FastifyInstance, { store }: ManagementOptions) {
  for (const base of scoped('/bulk_actions')) {
    for (const action of actions) {
      app.post(`${base}/${action}`, async (request: Req, reply) => {
        const { actor, scope } = await begin(store, request);
        const body = bodyObject(request.body);
        const doc = await runBulkAction(store, scope, { id: newResourceId(), action, entities: v1Entities(body, action), payload: body as Json }, actor);
        return reply.code(201).send(bulkActionJson(scope, doc));
      });
    }

    app.post(base, async (request: Req, reply) => {
      const { actor, scope } = await begin(store, request);
      const body = bodyObject(request.body);
      if (!is.oneOf(body.action, actions)) return refuse(['action'], 'action must be "publish", "unpublish" or "validate"');
      const doc = await runBulkAction(store, scope, { id: newResourceId(), action: body.action, entities: v2Entities(body, body.action), payload: body as Json }, actor);
      return reply.code(201).send(bulkActionJson(scope, doc));
    });

    for (const path of [`${base}/actions/:id`, `${base}/:id`]) {
      app.get(path, async (request: Req<{ id: string }>) => {
        const { actor, scope } = await begin(store, request);
        return bulkActionJson(scope, await getBulkAction(store, scope, request.params.id, actor));
      });
    }
  }
}
