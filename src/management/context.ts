/** What every Management API route starts with: the caller, the scope, and the options. */
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../auth/index.js';
import { managementActor } from '../auth/index.js';
import { resourceNotFound } from '../errors/index.js';
import type { FileStorage } from '../storage/index.js';
import type { Store } from '../store/index.js';
import type { Scope } from '../store/types.js';
import type { TargetPolicy } from '../webhooks/index.js';

export interface ManagementOptions {
  store: Store;
  storage: FileStorage;
  /** Base of asset file URLs, as in the Delivery API. */
  publicUrl: string;
  /** Largest upload accepted, in bytes. */
  uploadLimitBytes: number;
  /** Where asset files named by URL may be fetched from: the webhooks' rule (public addresses only when absent). */
  outboundTargets?: TargetPolicy;
  /** Set when embargoed assets are on: the key asset keys are signed with (the image signing key). */
  assetKeySigningKey?: string;
}

export interface Params {
  spaceId: string;
  environmentId?: string;
}

export type Req<P = object> = FastifyRequest<{ Params: Params & P }>;

/** The URL prefixes of environment-scoped resources: with and without /environments/{env}. */
export const scoped = (path: string) => [`/management/spaces/:spaceId${path}`, `/management/spaces/:spaceId/environments/:environmentId${path}`];

/**
 * Authenticates first (401 before 404), then finds the space and the environment the path names:
 * an alias's id resolves to its target, so `scope` always holds a real environment's id.
 */
export async function begin(store: Store, request: Req): Promise<{ actor: Actor; scope: Scope }> {
  const actor = await managementActor(store, request);
  const named = request.params.environmentId ?? 'master';
  const [space, resolved] = await Promise.all([store.spaces.get(request.params.spaceId), store.environments.resolve(request.params.spaceId, named)]);
  if (!space) throw resourceNotFound('Space', request.params.spaceId);
  if (!resolved) throw resourceNotFound('Environment', named);
  return { actor, scope: { spaceId: request.params.spaceId, environmentId: resolved.environment.id } };
}

/** For space-level routes (environments and aliases themselves): the caller, then the space. */
export async function beginSpace(store: Store, request: Req): Promise<{ actor: Actor; spaceId: string }> {
  const actor = await managementActor(store, request);
  if (!(await store.spaces.get(request.params.spaceId))) throw resourceNotFound('Space', request.params.spaceId);
  return { actor, spaceId: request.params.spaceId };
}

/** The request's path without its query, for links back to the same list. */
export const pathOf = (request: Req) => request.url.split('?')[0]!;
