/** Contentful's token rules for the read APIs: the right kind of key, for this space and environment. */
import type { FastifyRequest } from 'fastify';
import { hashToken, tokenOf } from '../auth/index.js';
import { FolioError, resourceNotFound } from '../errors/index.js';
import type { Store } from '../store/store.js';
import type { ApiKeyKind, ApiKeyRecord } from '../store/types.js';

const invalidToken = () => new FolioError('ACCESS_TOKEN_INVALID');

/**
 * Checks tokens for one API. A granted key is remembered while the content version (which API
 * key changes also move) stays the same, so a cache hit costs no database read for auth and a
 * revoked key stops working on the next request, in every process sharing the database.
 * Refusals are never remembered, so guessing tokens cannot fill memory.
 */
export function createAuthenticator(store: Store, kind: ApiKeyKind | readonly ApiKeyKind[], maxGrants = 1000) {
  const kinds: readonly ApiKeyKind[] = typeof kind === 'string' ? [kind] : kind;
  const grants = new Map<string, { key: ApiKeyRecord; version: number }>();

  return async function authenticate(request: FastifyRequest, spaceId: string, environmentId: string, version: number): Promise<ApiKeyRecord> {
    const token = tokenOf(request);
    if (!token) throw invalidToken();
    const tokenHash = hashToken(token);
    const grantKey = `${tokenHash} ${spaceId} ${environmentId}`;
    const grant = grants.get(grantKey);
    if (grant && grant.version === version) return grant.key;

    const key = await store.apiKeys.findByTokenHash(tokenHash);
    if (!key || !kinds.includes(key.kind)) throw invalidToken();
    // As Contentful does: a valid token for another space or environment sees nothing there.
    if (key.spaceId !== spaceId) throw resourceNotFound('Space', spaceId);
    if (!key.environments.includes(environmentId) || !(await store.environments.get(spaceId, environmentId))) {
      throw resourceNotFound('Environment', environmentId);
    }
    if (grants.size >= maxGrants) grants.clear();
    grants.set(grantKey, { key, version });
    return key;
  };
}
