/** Contentful's token rules for the read APIs: the right kind of key, for this space and environment. */
import type { FastifyRequest } from 'fastify';
import { hashToken, tokenOf } from '../auth/index.js';
import { FolioError } from '../errors/index.js';
import type { Store } from '../store/store.js';
import type { ApiKeyKind, ApiKeyRecord } from '../store/types.js';

const invalidToken = () => new FolioError('ACCESS_TOKEN_INVALID');

/**
 * Checks tokens for one API. Granted access is remembered for a moment (`ttlMs`), so a cache hit
 * costs no database read for auth; a revoked key stops working within that time, as behind
 * Contentful's CDN. Refusals are never remembered, so guessing tokens cannot fill memory.
 */
export function createAuthenticator(store: Store, kind: ApiKeyKind, ttlMs = 2000, maxGrants = 1000) {
  const grants = new Map<string, { key: ApiKeyRecord; until: number }>();

  return async function authenticate(request: FastifyRequest, spaceId: string, environmentId: string): Promise<ApiKeyRecord> {
    const token = tokenOf(request);
    if (!token) throw invalidToken();
    const tokenHash = hashToken(token);
    const grantKey = `${tokenHash} ${spaceId} ${environmentId}`;
    const grant = grants.get(grantKey);
    if (grant && grant.until > Date.now()) return grant.key;

    const key = await store.apiKeys.findByTokenHash(tokenHash);
    if (!key || key.kind !== kind) throw invalidToken();
    // As Contentful does: a valid token for another space or environment sees nothing there.
    if (key.spaceId !== spaceId) throw new FolioError('NOT_FOUND', 'The resource could not be found.', { details: { type: 'Space', id: spaceId } });
    if (!key.environments.includes(environmentId) || !(await store.environments.get(spaceId, environmentId))) {
      throw new FolioError('NOT_FOUND', 'The resource could not be found.', { details: { type: 'Environment', id: environmentId } });
    }
    if (grants.size >= maxGrants) grants.clear();
    grants.set(grantKey, { key, until: Date.now() + ttlMs });
    return key;
  };
}
