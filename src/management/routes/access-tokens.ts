/**
 * Personal access tokens over the Management API (`/users/me/access_tokens`): the caller's own
 * tokens, listed, made and revoked by the operations the editor's Tokens screen uses. A token
 * acts with its owner's role, so any user may manage their own; the space's management API key
 * is no user and has none.
 */
import type { FastifyInstance } from 'fastify';
import { accessTokenPrefix, createAccessToken, managementActor, tokenNameProblem, type Actor } from '../../auth/index.js';
import { pageOfAll, pageQuery } from '../../contentful/index.js';
import { FolioError, refused, resourceNotFound } from '../../errors/index.js';
import type { AccessTokenRecord } from '../../store/types.js';
import * as is from '../../validate/is.js';
import type { ManagementOptions } from '../context.js';
import { bodyObject } from '../parse.js';

const scope = 'content_management_manage';
/** The longest life a token asked for over the API may have: five years, in seconds. */
const maxExpiresIn = 5 * 365 * 86_400;

function tokenJson(t: AccessTokenRecord, token?: string) {
  return {
    name: t.name,
    scopes: [scope],
    revokedAt: t.revokedAt,
    sys: {
      type: 'PersonalAccessToken',
      id: t.id,
      createdAt: t.createdAt,
      updatedAt: t.revokedAt ?? t.createdAt,
      expiresAt: t.expiresAt,
      lastUsedAt: t.lastUsedAt,
      // Only the token's hash is kept: its prefix is all that can be shown again.
      redactedValue: `${accessTokenPrefix}…`,
      application: null,
    },
    ...(token ? { token } : {}),
  };
}

function userOf(actor: Actor): string {
  if (actor.kind !== 'user') throw new FolioError('ACCESS_DENIED', 'The management API key is not a user and has no personal access tokens: use a personal access token.');
  return actor.id;
}

function newToken(body: unknown, now = Date.now()): { name: string; expiresAt: string | null } {
  const { name, scopes, expiresIn } = bodyObject(body);
  const trimmed = is.string(name) ? name.trim() : '';
  const problem = tokenNameProblem(trimmed);
  if (problem) throw refused('size', ['name'], problem, name);
  if (!Array.isArray(scopes) || scopes.length === 0 || scopes.some((s) => s !== scope)) throw refused('invalid', ['scopes'], `scopes must be ["${scope}"]`, scopes);
  if (expiresIn !== undefined && expiresIn !== null && !(is.integer(expiresIn) && expiresIn > 0 && expiresIn <= maxExpiresIn)) {
    throw refused('range', ['expiresIn'], `expiresIn must be a whole number of seconds from 1 to ${maxExpiresIn}`, expiresIn);
  }
  return { name: trimmed, expiresAt: is.integer(expiresIn) ? new Date(now + expiresIn * 1000).toISOString() : null };
}

export function accessTokenRoutes(app: FastifyInstance, { store }: ManagementOptions) {
  const base = '/management/users/me/access_tokens';
  const owned = async (userId: string, id: string) => {
    const token = (await store.accessTokens.listForUser(userId)).find((t) => t.id === id);
    if (!token) throw resourceNotFound('PersonalAccessToken', id);
    return token;
  };

  app.get(base, async (request) => {
    const userId = userOf(await managementActor(store, request));
    return pageOfAll(await store.accessTokens.listForUser(userId), pageQuery(request.query as Record<string, unknown>), (t) => tokenJson(t));
  });
  app.get<{ Params: { id: string } }>(`${base}/:id`, async (request) => {
    const userId = userOf(await managementActor(store, request));
    return tokenJson(await owned(userId, request.params.id));
  });
  app.post(base, async (request, reply) => {
    const userId = userOf(await managementActor(store, request));
    const { token, record } = await createAccessToken(store, userId, newToken(request.body));
    return reply.code(201).send(tokenJson(record, token));
  });
  app.put<{ Params: { id: string } }>(`${base}/:id/revoked`, async (request) => {
    const userId = userOf(await managementActor(store, request));
    await owned(userId, request.params.id);
    return tokenJson(await store.accessTokens.revoke(userId, request.params.id));
  });
}
