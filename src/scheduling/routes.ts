/**
 * Contentful's Scheduled Actions endpoints: parse and answer here, the rules in operations.ts.
 * Creating, changing and cancelling need the `schedule` permission; reading needs `read`. Lists
 * are per environment, as Contentful's.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { FolioError } from '../errors/index.js';
import type { ScheduledActionStatus, Store } from '../store/index.js';
import * as is from '../validate/is.js';
import { authorize, pageQuery, sendJson, versionHeader } from '../webhooks/index.js';
import { parseScheduledAction } from './input.js';
import { cancelScheduledAction, createScheduledAction, getScheduledAction, listScheduledActions, updateScheduledAction } from './operations.js';
import { scheduledActionJson } from './serialize.js';

interface Params {
  spaceId: string;
  id: string;
}

const statuses: readonly ScheduledActionStatus[] = ['scheduled', 'inProgress', 'succeeded', 'failed', 'canceled'];

export async function scheduledActionsRoutes(app: FastifyInstance, opts: { store: Store }) {
  const { store } = opts;
  const base = '/management/spaces/:spaceId/scheduled_actions';

  app.post(base, async (request: FastifyRequest<{ Params: Params }>, reply) => {
    const { spaceId } = request.params;
    const actor = await authorize(store, request, spaceId, 'schedule');
    const body = parseScheduledAction(request.body);
    return sendJson(reply, 201, scheduledActionJson(await createScheduledAction(store, spaceId, body, actor)));
  });

  app.get(base, async (request: FastifyRequest<{ Params: Params }>, reply) => {
    const { spaceId } = request.params;
    const actor = await authorize(store, request, spaceId, 'read');
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
    const page = await listScheduledActions(store, spaceId, {
      environmentId,
      ...(wanted.length ? { statuses: wanted.reduce((a, b) => a.filter((s) => b.includes(s))) } : {}),
      ...(is.string(entityId) ? { entityId } : {}),
      ...(entityType ? { entityType } : {}),
      ...(action ? { action } : {}),
      direction: order === '-scheduledFor.datetime' ? 'desc' : 'asc',
      ...pageQuery(q, 1000),
    }, actor);
    return sendJson(reply, 200, { sys: { type: 'Array' }, total: page.total, skip: page.skip, limit: page.limit, items: page.items.map(scheduledActionJson), pages: {} });
  });

  app.get(`${base}/:id`, async (request: FastifyRequest<{ Params: Params }>, reply) => {
    const { spaceId, id } = request.params;
    const actor = await authorize(store, request, spaceId, 'read');
    return sendJson(reply, 200, scheduledActionJson(await getScheduledAction(store, spaceId, id, actor)));
  });

  app.put(`${base}/:id`, async (request: FastifyRequest<{ Params: Params }>, reply) => {
    const { spaceId, id } = request.params;
    const actor = await authorize(store, request, spaceId, 'schedule');
    await getScheduledAction(store, spaceId, id, actor);
    const version = versionHeader(request);
    if (version === undefined) throw new FolioError('VERSION_MISMATCH', 'Updating a scheduled action needs the X-Contentful-Version header');
    const body = parseScheduledAction(request.body);
    return sendJson(reply, 200, scheduledActionJson(await updateScheduledAction(store, spaceId, id, body, version, actor)));
  });

  app.delete(`${base}/:id`, async (request: FastifyRequest<{ Params: Params }>, reply) => {
    const { spaceId, id } = request.params;
    const actor = await authorize(store, request, spaceId, 'schedule');
    return sendJson(reply, 200, scheduledActionJson(await cancelScheduledAction(store, spaceId, id, actor)));
  });
}
