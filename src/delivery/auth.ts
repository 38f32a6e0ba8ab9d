/** Contentful's token rules for the read APIs: the right kind of key, for this space and environment. */
import type { FastifyRequest } from 'fastify';
import { hashToken, tokenOf } from '../auth/index.js';
import { FolioError, resourceNotFound } from '../errors/index.js';
import type { Store } from '../store/store.js';
import type { ApiKeyKind, ApiKeyRecord } from '../store/types.js';

const invalidToken = () => new FolioError('ACCESS_TOKEN_INVALID');

/** The key presented, and the environment the path's id (an environment's or an alias's) resolved to. */
export interface Grant {
  key: ApiKeyRecord;
  environmentId: string;
}

/**
 * Checks tokens for one API. A granted key is remembered while the content version (which API
 * key changes also move) stays the same, so a cache hit costs no database read for auth and a
 * revoked key stops working on the next request, in every process sharing the database.
 * Refusals are never remembered, so guessing tokens cannot fill memory.
 */
export function createAuthenticator(store: Store, kind: ApiKeyKind | readonly ApiKeyKind[], maxGrants = 1000) {
  const kinds: readonly ApiKeyKind[] = typeof kind === 'string' ? [kind] : kind;
  const grants = new Map<string, { grant: Grant; version: number }>();

  return async function authenticate(request: FastifyRequest, spaceId: string, environmentId: string, version: number): Promise<Grant> {
    const token = tokenOf(request);
    if (!token) throw invalidToken();
    const tokenHash = hashToken(token);
    const grantKey = `${tokenHash} ${spaceId} ${environmentId}`;
    const held = grants.get(grantKey);
    if (held && held.version === version) return held.grant;

    const key = await store.apiKeys.findByTokenHash(tokenHash);
    if (!key || !kinds.includes(key.kind)) throw invalidToken();
    // As Contentful does: a valid token for another space or environment sees nothing there.
    if (key.spaceId !== spaceId) throw resourceNotFound('Space', spaceId);
    // A key names environments or aliases; an alias it names reads the alias's target.
    const resolved = key.environments.includes(environmentId) ? await store.environments.resolve(spaceId, environmentId) : undefined;
    if (!resolved) throw resourceNotFound('Environment', environmentId);
    const grant = { key, environmentId: resolved.environment.id };
    if (grants.size >= maxGrants) grants.clear();
    // Alias changes move the content version, so a remembered target is never stale.
    grants.set(grantKey, { grant, version });
    return grant;
  };
}
