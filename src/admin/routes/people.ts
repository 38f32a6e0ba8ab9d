/** Users (admins only) and personal access tokens (everyone, their own). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { addUser, assertCan, changeRole, createAccessToken, createInvite, createResetLink, isActive, openAccountTokens, removeUser, tokenNameProblem } from '../../auth/index.js';
import { sendLater } from '../../mail/index.js';
import { FolioError } from '../../errors/index.js';
import type { AdminContext } from '../context.js';
import { actorOf, csrfFor, formString, problemsOf, sendPage, viewerOf } from '../http.js';
import type { FieldProblem } from '../views/layout.js';
import { renderTokens, renderUsers, type UsersModel } from '../views/people.js';

const expiryDays = new Set(['30', '90', '365']);

export async function peopleRoutes(app: FastifyInstance, opts: { context: AdminContext }) {
  const { store, scope, publicUrl, mailer } = opts.context;

  async function usersPage(
    request: FastifyRequest,
    reply: FastifyReply,
    state: { problems?: FieldProblem[]; notice?: string; values?: { email: string; name: string; role: string }; invite?: { email: string; role: string }; link?: UsersModel['link']; status?: number } = {},
  ) {
    const actor = actorOf(request);
    assertCan(actor, 'manageUsers');
    const all = await store.users.list();
    const users = all.map((u) => ({ id: u.id, name: u.name, email: u.email, role: u.role, createdAt: u.createdAt, isYou: u.id === actor.id }));
    const [invites, requests] = await Promise.all([openAccountTokens(store, scope, 'invite'), openAccountTokens(store, scope, 'resetRequest')]);
    const byId = new Map(all.map((u) => [u.id, u]));
    const resetRequests = requests.flatMap((r) => {
      const u = r.userId ? byId.get(r.userId) : undefined;
      return u ? [{ id: u.id, name: u.name, email: u.email }] : [];
    });
    return sendPage(
      reply,
      renderUsers({
        viewer: viewerOf(request),
        csrf: csrfFor(request, reply, publicUrl),
        users,
        problems: state.problems ?? [],
        values: state.values ?? { email: '', name: '', role: 'author' },
        invite: state.invite ?? { email: '', role: 'author' },
        invites: invites.map((i) => ({ email: i.email ?? '', role: i.role ?? '', expiresAt: i.expiresAt })),
        resetRequests,
        link: state.link,
        mailConfigured: mailer !== undefined,
        notice: state.notice,
      }),
      state.status ?? 200,
    );
  }

  const notices: Record<string, string> = { added: 'User added.', role: 'Role changed.', removed: 'User removed. Their sessions and tokens no longer work.' };
  app.get<{ Querystring: { done?: string } }>('/admin/users', (request, reply) => {
    const notice = request.query.done ? notices[request.query.done] : undefined;
    return usersPage(request, reply, notice ? { notice } : {});
  });

  app.post('/admin/users', async (request, reply) => {
    const values = { email: formString(request.body, 'email'), name: formString(request.body, 'name'), role: formString(request.body, 'role') };
    try {
      await addUser(store, actorOf(request), { ...values, password: formString(request.body, 'password') });
    } catch (err) {
      const problems = problemsOf(err);
      if (!problems) throw err;
      return usersPage(request, reply, { problems, values, status: 422 });
    }
    return reply.redirect('/admin/users?done=added', 303);
  });

  app.post<{ Params: { id: string } }>('/admin/users/:id/role', async (request, reply) => {
    try {
      await changeRole(store, actorOf(request), request.params.id, formString(request.body, 'role'));
    } catch (err) {
      const problems = problemsOf(err);
      if (!problems) throw err;
      return usersPage(request, reply, { problems, status: 422 });
    }
    return reply.redirect('/admin/users?done=role', 303);
  });

  app.post<{ Params: { id: string } }>('/admin/users/:id/delete', async (request, reply) => {
    try {
      await removeUser(store, actorOf(request), request.params.id);
    } catch (err) {
      const problems = problemsOf(err);
      if (!problems) throw err;
      return usersPage(request, reply, { problems, status: 422 });
    }
    return reply.redirect('/admin/users?done=removed', 303);
  });

  app.post('/admin/users/invite', async (request, reply) => {
    const invite = { email: formString(request.body, 'inviteEmail'), role: formString(request.body, 'inviteRole') };
    let created;
    try {
      created = await createInvite(store, scope, actorOf(request), invite);
    } catch (err) {
      const problems = problemsOf(err);
      if (!problems) throw err;
      return usersPage(request, reply, { problems: problems.map((p) => ({ ...p, field: p.field === 'email' ? 'inviteEmail' : p.field === 'role' ? 'inviteRole' : p.field })), invite, status: 422 });
    }
    const url = `${publicUrl}/admin/invite?token=${encodeURIComponent(created.token)}`;
    if (mailer) {
      const text = `Hello,\n\n${request.signedIn!.user.name} invited you to Folio as ${created.role}. To choose your name and password, open this link within 7 days:\n\n${url}\n`;
      sendLater(mailer, { to: created.email, subject: 'You are invited to Folio', text }, (err) => request.log.error({ err }, 'invite mail not sent'));
    }
    // Shown in this answer only (the store keeps its hash), so the page is not cached.
    return usersPage(request, reply, { link: { kind: 'invite', email: created.email, url, mailed: mailer !== undefined } });
  });

  app.post<{ Params: { id: string } }>('/admin/users/:id/reset-link', async (request, reply) => {
    const { user, token } = await createResetLink(store, scope, actorOf(request), request.params.id);
    return usersPage(request, reply, { link: { kind: 'reset', email: user.email, url: `${publicUrl}/admin/reset?token=${encodeURIComponent(token)}`, mailed: false } });
  });

  async function tokensPage(request: FastifyRequest, reply: FastifyReply, state: { problems?: FieldProblem[]; notice?: string; created?: { name: string; token: string }; status?: number } = {}) {
    const user = request.signedIn!.user;
    const now = Date.now();
    const tokens = (await store.accessTokens.listForUser(user.id)).map((t) => ({
      id: t.id,
      name: t.name,
      createdAt: t.createdAt,
      expiresAt: t.expiresAt,
      lastUsedAt: t.lastUsedAt,
      state: t.revokedAt ? ('revoked' as const) : isActive(t, now) ? ('active' as const) : ('expired' as const),
    }));
    return sendPage(reply, renderTokens({ viewer: viewerOf(request), csrf: csrfFor(request, reply, publicUrl), tokens, problems: state.problems ?? [], created: state.created, notice: state.notice }), state.status ?? 200);
  }

  app.get<{ Querystring: { done?: string } }>('/admin/tokens', (request, reply) => tokensPage(request, reply, request.query.done === 'revoked' ? { notice: 'Token revoked. It no longer works.' } : {}));

  app.post('/admin/tokens', async (request, reply) => {
    const name = formString(request.body, 'name').trim();
    const expires = formString(request.body, 'expires');
    const problem = tokenNameProblem(name);
    if (problem) return tokensPage(request, reply, { problems: [{ field: 'name', message: problem }], status: 422 });
    if (expires !== '' && !expiryDays.has(expires)) throw new FolioError('BAD_REQUEST', 'Choose an expiry from the list.');
    const expiresAt = expires ? new Date(Date.now() + Number(expires) * 86_400_000).toISOString() : null;
    const { token } = await createAccessToken(store, request.signedIn!.user.id, { name, expiresAt });
    // Shown in this answer only; never stored, so the page must not be cached.
    return tokensPage(request, reply, { created: { name, token } });
  });

  app.post<{ Params: { id: string } }>('/admin/tokens/:id/revoke', async (request, reply) => {
    await store.accessTokens.revoke(request.signedIn!.user.id, request.params.id);
    return reply.redirect('/admin/tokens?done=revoked', 303);
  });
}
