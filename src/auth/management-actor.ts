/**
 * Who is calling the Management API. Every bearer token is tried by each resolver in turn; the
 * space's management API key acts as an admin. Personal access tokens of users resolve here too
 * (a resolver added with the users part), so the Management API has one way in.
 */
import type { FastifyRequest } from 'fastify';
import { FolioError } from '../errors/index.js';
import type { Store } from '../store/store.js';
import type { Actor } from './permissions.js';
import { hashToken, tokenOf } from './tokens.js';
import { accessTokenActor } from './access-tokens.js';

export type TokenResolver = (store: Store, token: string) => Promise<Actor | undefined>;

const managementApiKey: TokenResolver = async (store, token) => {
  const key = await store.apiKeys.findByTokenHash(hashToken(token));
  return key?.kind === 'management' ? { kind: 'apiKey', id: key.id, role: 'admin' } : undefined;
};

export const tokenResolvers: TokenResolver[] = [managementApiKey, accessTokenActor];

/** The actor behind the request's bearer token; 401 AccessTokenInvalid when there is none. */
export async function managementActor(store: Store, request: FastifyRequest): Promise<Actor> {
  const token = tokenOf(request);
  if (token) {
    for (const resolve of tokenResolvers) {
      const actor = await resolve(store, token);
      if (actor) return actor;
    }
  }
  throw new FolioError('ACCESS_TOKEN_INVALID');
}
