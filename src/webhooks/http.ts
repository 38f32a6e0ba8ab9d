/** Small pieces the Management API routes of webhooks and scheduled actions share. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { assertCan, managementActor, type Action, type Actor } from '../auth/index.js';
import { resourceNotFound } from '../errors/index.js';
import type { Store } from '../store/index.js';
import * as is from '../validate/is.js';

export const managementType = 'application/vnd.contentful.management.v1+json';

export const sendJson = (reply: FastifyReply, status: number, body: unknown) =>
  reply.code(status).header('content-type', `${managementType}; charset=utf-8`).header('cache-control', 'no-store').send(body);

/** The caller, allowed to do `action` in an existing space; 401/403/404 otherwise. */
export async function authorize(store: Store, request: FastifyRequest, spaceId: string, action: Action): Promise<Actor> {
  const actor = await managementActor(store, request);
  assertCan(actor, action);
  if (!(await store.spaces.get(spaceId))) throw resourceNotFound('Space', spaceId);
  return actor;
}

export { collection, pageQuery, versionHeader } from '../contentful/index.js';


export const validId = (id: string) => is.resourceId(id);
