/** An admin switches the environment (or alias) the editor works in, for this session. */
import type { FastifyInstance } from 'fastify';
import { assertCan } from '../../auth/index.js';
import { FolioError } from '../../errors/index.js';
import type { AdminContext } from '../context.js';
import { environmentCookie } from '../environment.js';
import { actorOf, cookieOptions, formString } from '../http.js';
import { safeNext } from '../next-path.js';

export async function environmentRoutes(app: FastifyInstance, opts: { context: AdminContext }) {
  const ctx = opts.context;

  app.post('/admin/environment', async (request, reply) => {
    assertCan(actorOf(request), 'manageSpace');
    const id = formString(request.body, 'environment').trim();
    const resolved = id ? await ctx.store.environments.resolve(ctx.scope.spaceId, id) : undefined;
    if (!resolved) throw new FolioError('NOT_FOUND', `There is no environment “${id}”.`);
    if (resolved.environment.status !== 'ready') throw new FolioError('BAD_REQUEST', `Environment “${id}” is ${resolved.environment.status}, not ready.`);
    reply.setCookie(environmentCookie, id, cookieOptions(request, ctx.publicUrl));
    return reply.redirect(safeNext(formString(request.body, 'next')), 303);
  });
}
