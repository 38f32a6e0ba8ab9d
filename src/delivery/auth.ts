/** Contentful's token rules for the read APIs: the right kind of key, for this space and environment. */
import type { FastifyRequest } from 'fastify';
import { hashToken, tokenOf } from '../auth/index.js';
import { FolioError } from '../errors/index.js';
import type { Store } from '../store/store.js';
import type { ApiKeyKind, ApiKeyRecord } from '../store/types.js';

const invalidToken = () => new FolioError('ACCESS_TOKEN_INVALID');

export async function authenticate(
  store: Store,
  request: FastifyRequest,
  kind: ApiKeyKind,
  spaceId: string,
  environmentId: string,
): Promise<ApiKeyRecord> {
  const token = tokenOf(request);
  if (!token) throw invalidToken();
  const key = await store.apiKeys.findByTokenHash(hashToken(token));
  if (!key || key.kind !== kind) throw invalidToken();
  // As Contentful does: a valid token for another space or environment sees nothing there.
  if (key.spaceId !== spaceId) throw new FolioError('NOT_FOUND', 'The resource could not be found.', { details: { type: 'Space', id: spaceId } });
  if (!key.environments.includes(environmentId) || !(await store.environments.get(spaceId, environmentId))) {
    throw new FolioError('NOT_FOUND', 'The resource could not be found.', { details: { type: 'Environment', id: environmentId } });
  }
  return key;
}
