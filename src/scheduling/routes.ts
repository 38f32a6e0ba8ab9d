/**
 * Contentful's Scheduled Actions endpoints. Creating, changing and cancelling need the
 * `schedule` permission; reading needs `read`. Lists are per environment, as Contentful's.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { FolioError } from '../errors/index.js';
import type { ScheduledActionBody, ScheduledActionStatus, Store } from '../store/index.js';
import * as is from '../validate/is.js';
import { acceptManagementJson, authorize, pageQuery, sendJson, versionHeader } from '../webhooks/index.js';
import { parseScheduledAction } from './input.js';
import { scheduledActionJson } from './serialize.js';

interface Params {
  spaceId: string;
  id: string;
}

const statuses: readonly ScheduledActionStatus[] = ['scheduled', 'inProgress', 'succeeded', 'failed', 'canceled'];

export async function scheduledActionsRoutes(app: FastifyInstance, opts: { store: Store }) {
  const { store } = opts;
  acceptManagementJson(app);
  const base = '/management/spaces/:spaceId/scheduled_actions';

  /** The environment and the entity must exist when an action is made or moved. */
  async function checkTarget(spaceId: string, body: ScheduledActionBody) {
    if (!(await store.environments.get(spaceId, body.environmentId))) {
      throw new FolioError('NOT_FOUND', `Environment "${body.environmentId}" not found`, { details: { type: 'Environment', id: body.environmentId } });
    }
    const scope = { spaceId, environmentId: body.environmentId };
    const entity = body.entityType === 'Entry' ? await store.entries.get(scope, body.entityId) : await store.assets.get(scope, body.entityId);
    if (!entity) {
      throw new FolioError('VALIDATION_FAILED', `${body.entityType} "${body.entityId}" does not exist`, {
        details: { errors: [{ name: 'notResolvable', path: ['entity'], details: `${body.entityType} "${body.entityId}" does not exist` }] },
      });
    }
  }

  const existing = async (spaceId: string, id: string) => {
    const action = await store.scheduledActions.get(spaceId, id);
    if (!action) throw new FolioError('NOT_FOUND', `Scheduled action "${id}" not found`, { details: { type: 'ScheduledAction', id } });
    return action;
  };

  app.post(base, async (request: FastifyRequest<{ Params: Params }>, reply) => {
    const { spaceId } = request.params;
    const actor = await authorize(store, request, spaceId, 'schedule');
    const body = parseScheduledAction(request.body);
    await checkTarget(spaceId, body);
    return sendJson(reply, 201, scheduledActionJson(await store.scheduledActions.create(spaceId, body, actor.id)));
  });

  app.get(base, async (request: FastifyRequest<{ Params: Params }>, reply) => {
    const { spaceId } = request.params;
    await authorize(store, request, spaceId, 'read');
    const q = request.query as Record<string, unknown>;
    const environmentId = q['environment.sys.id'];
    if (!is.nonEmptyString(environmentId)) is.invalid('environment.sys.id', 'an environment id', environmentId, 'INVALID_QUERY');
    const list = (name: string) => {
      const raw = q[name];
      if (raw === undefined) return undefined;
      const values = is.string(raw) ? raw.split(',') : [];
      if (values.length === 0 || !values.every((v) => (statuses as readonly string[]).includes(v))) is.invalid(name, `one or more of ${statuses.join(', ')}`, raw, 'INVALID_QUERY');
      return values as ScheduledActionStatus[];
    };
    const wanted = [list('sys.status'), list('sys.status[in]')].filter((s) => s !== undefined);
    const order = q.order;
    if (order !== undefined && order !== 'scheduledFor.datetime' && order !== '-scheduledFor.datetime') is.invalid('order', 'scheduledFor.datetime or -scheduledFor.datetime', order, 'INVALID_QUERY');
    const oneOf = <T extends string>(name: string, values: readonly T[]) => {
      const raw = q[name];
      if (raw === undefined) return {};
      if (!is.oneOf(raw, values)) is.invalid(name, values.join(' or '), raw, 'INVALID_QUERY');
      return { value: raw };
    };
    const entityType = oneOf('entity.sys.linkType', ['Entry', 'Asset'] as const).value;
    const action = oneOf('action', ['publish', 'unpublish'] as const).value;
    const entityId = q['entity.sys.id'];
    const page = await store.scheduledActions.list(spaceId, {
      environmentId,
      ...(wanted.length ? { statuses: wanted.reduce((a, b) => a.filter((s) => b.includes(s))) } : {}),
      ...(is.string(entityId) ? { entityId } : {}),
      ...(entityType ? { entityType } : {}),
      ...(action ? { action } : {}),
      direction: order === '-scheduledFor.datetime' ? 'desc' : 'asc',
      ...pageQuery(q, 1000),
    });
    return sendJson(reply, 200, { sys: { type: 'Array' }, total: page.total, skip: page.skip, limit: page.limit, items: page.items.map(scheduledActionJson), pages: {} });
  });

  app.get(`${base}/:id`, async (request: FastifyRequest<{ Params: Params }>, reply) => {
    const { spaceId, id } = request.params;
    await authorize(store, request, spaceId, 'read');
    return sendJson(reply, 200, scheduledActionJson(await existing(spaceId, id)));
  });

  app.put(`${base}/:id`, async (request: FastifyRequest<{ Params: Params }>, reply) => {
    const { spaceId, id } = request.params;
    const actor = await authorize(store, request, spaceId, 'schedule');
    await existing(spaceId, id);
    const version = versionHeader(request);
    if (version === undefined) throw new FolioError('VERSION_MISMATCH', 'Updating a scheduled action needs the X-Contentful-Version header');
    const body = parseScheduledAction(request.body);
    await checkTarget(spaceId, body);
    return sendJson(reply, 200, scheduledActionJson(await store.scheduledActions.update(spaceId, id, body, version, actor.id)));
  });

  app.delete(`${base}/:id`, async (request: FastifyRequest<{ Params: Params }>, reply) => {
    const { spaceId, id } = request.params;
    const actor = await authorize(store, request, spaceId, 'schedule');
    await existing(spaceId, id);
    return sendJson(reply, 200, scheduledActionJson(await store.scheduledActions.cancel(spaceId, id, actor.id)));
  });
}
