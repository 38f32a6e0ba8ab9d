/**
 * Which environment the editor works in. Admins choose one (or an alias) for their session; it
 * is kept in a cookie that is read again, and checked, on every request: only an admin's choice
 * counts, and only of an environment that exists and is ready. Everyone else works in the
 * editor's own scope (master).
 *
 * Every operation reads `ctx.scope`; rather than thread the request through each of them, the
 * context's scope is a getter over an AsyncLocalStorage entered for each request (and entered
 * again after the body is parsed, which loses the async context, as @fastify/request-context does).
 */
import { AsyncLocalStorage, AsyncResource } from 'node:async_hooks';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { listEnvironments } from '../content/index.js';
import type { Scope } from '../store/types.js';
import type { AdminContext } from './context.js';
import { actorOf } from './http.js';

export const environmentCookie = 'folio_environment';

export interface WorkingEnvironment {
  scope: Scope;
  /** The id chosen (an alias's own id when an alias was chosen). */
  id: string;
  /** The environment an alias points at, when `id` is an alias of another. */
  target?: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    environment: WorkingEnvironment;
    environmentResource: AsyncResource | null;
    /** For an admin's switcher: what may be chosen (empty for everyone else). */
    environmentChoices: Array<{ id: string; label: string }>;
  }
}

/** A copy of the context whose `scope` is the current request's environment. */
export function environmentScoped(base: AdminContext): { ctx: AdminContext; register(app: FastifyInstance): void } {
  const current = new AsyncLocalStorage<Scope>();
  const ctx: AdminContext = { ...base };
  Object.defineProperty(ctx, 'scope', { get: () => current.getStore() ?? base.scope, enumerable: true });
  const home: WorkingEnvironment = { scope: base.scope, id: base.scope.environmentId };
  /** Whether any request has entered `current` (from then on every request does). */
  let entered = false;

  async function chosen(request: FastifyRequest): Promise<WorkingEnvironment> {
    const asked = request.cookies[environmentCookie];
    if (!asked || request.signedIn?.user.role !== 'admin') return home;
    const resolved = await base.store.environments.resolve(base.scope.spaceId, asked);
    if (!resolved || resolved.environment.status !== 'ready') return home;
    const id = resolved.aliasId ?? resolved.environment.id;
    return { scope: { spaceId: base.scope.spaceId, environmentId: resolved.environment.id }, id, ...(id !== resolved.environment.id ? { target: resolved.environment.id } : {}) };
  }

  return {
    ctx,
    /** Call after the hook that sets `request.signedIn`, before any that reads the context. */
    register(app) {
      app.decorateRequest('environment', null as unknown as WorkingEnvironment);
      app.decorateRequest('environmentResource', null);
      app.decorateRequest('environmentChoices', null as unknown as Array<{ id: string; label: string }>);
      app.addHook('onRequest', async (request) => {
        request.environment = await chosen(request);
      });
      app.addHook('onRequest', (request, _reply, done) => {
        // The first run() turns on Node's async hooks for the whole process, for good: every
        // promise and socket write of every request (the hub's and the APIs' too) then costs
        // more (about 0.5 µs per await on Node 20). Until an admin works in another environment,
        // nothing is entered and getStore() is undefined, which means the home scope.
        if (!entered && request.environment === home) return done();
        entered = true;
        current.run(request.environment.scope, () => {
          request.environmentResource = new AsyncResource('folio-admin-environment');
          done();
        });
      });
      app.addHook('preValidation', (request, _reply, done) => {
        if (request.environmentResource) request.environmentResource.runInAsyncScope(done);
        else done();
      });
    },
  };
}

/** What an admin may switch to: environments and aliases that are ready. */
export async function environmentChoices(ctx: AdminContext, request: FastifyRequest): Promise<Array<{ id: string; label: string }>> {
  if (request.signedIn?.user.role !== 'admin') return [];
  const views = await listEnvironments(ctx.store, ctx.scope.spaceId, actorOf(request));
  return views
    .filter((v) => v.environment.status === 'ready')
    .map((v) => (v.aliasId && v.aliasId !== v.environment.id ? { id: v.aliasId, label: `${v.aliasId} (alias of ${v.environment.id})` } : { id: v.environment.id, label: v.environment.id }));
}
