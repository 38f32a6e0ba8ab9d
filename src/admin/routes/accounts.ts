/**
 * Account pages: the two-factor step of signing in, invites and password resets by link
 * (signed out), and the signed-in user's own password, two-factor and sessions. Every form
 * carries the CSRF token (plugin.ts checks it); failed codes and reset requests are limited.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  acceptInvite,
  changePassword,
  checkTwoFactor,
  confirmTwoFactor,
  hasTwoFactor,
  openInvite,
  openReset,
  peekAccountToken,
  pendingTwoFactor,
  recoveryCodesLeft,
  removeTwoFactor,
  requestPasswordReset,
  resetPassword,
  signOutEverywhere,
  startTwoFactor,
  takeAccountToken,
  verifyPassword,
} from '../../auth/index.js';
import { isFolioError } from '../../errors/index.js';
import { sendLater } from '../../mail/index.js';
import type { AdminContext } from '../context.js';
import { cookieOptions, csrfFor, formString, problemsOf, sendPage, sessionCookie, signInAs, signInCookie, viewerOf } from '../http.js';
import { loginLimiter } from '../login-limiter.js';
import { safeNext } from '../next-path.js';
import { renderAccount, renderCodeStep, renderForgot, renderInviteAccept, renderLinkGone, renderReset } from '../views/account.js';
import { renderLogin, renderProblem } from '../views/auth.js';
import type { FieldProblem } from '../views/layout.js';

const linkGoneMessage = 'This link is not valid any more: it was used, it expired, or a newer one replaced it. Ask for a new one.';
/** Per address, on top of the per-account limits: slows spraying. */
const publicFormLimit = { max: 30, timeWindow: '15 minutes' };
const tokenOf = (v: unknown) => (typeof v === 'string' ? v.slice(0, 100) : '');

export async function accountRoutes(app: FastifyInstance, opts: { context: AdminContext; maxCodeFailures: number }) {
  const { store, scope, publicUrl, mailer } = opts.context;
  const issuer = new URL(publicUrl).host;
  // Counted in the database, as sign-ins are: with several servers the limits are still these.
  const codeLimiter = loginLimiter(store, opts.maxCodeFailures);
  const resetLimiter = loginLimiter(store, 5);

  const tooMany = (request: FastifyRequest, reply: FastifyReply, wait: number, message: string) => {
    reply.header('retry-after', String(wait));
    return sendPage(reply, renderProblem({ status: 429, title: 'Too many attempts', message, csrf: csrfFor(request, reply, publicUrl), retryAfterSeconds: wait }), 429);
  };
  /** Counts an attempt against `key`; answers 429 (and the caller stops) when there were too many. */
  const overLimit = async (request: FastifyRequest, reply: FastifyReply, key: string, message: string) => {
    const wait = await codeLimiter.take(key);
    return wait > 0 ? tooMany(request, reply, wait, message) : undefined;
  };
  const linkGone = (request: FastifyRequest, reply: FastifyReply) => sendPage(reply, renderLinkGone({ csrf: csrfFor(request, reply, publicUrl), message: linkGoneMessage }), 400);
  const loginWith = (request: FastifyRequest, reply: FastifyReply, notice: string, email = '') =>
    sendPage(reply, renderLogin({ csrf: csrfFor(request, reply, publicUrl), email, next: '/admin/articles', notice }));

  // ---- the code step of signing in
  const codePage = (request: FastifyRequest, reply: FastifyReply, problems: FieldProblem[] = [], status = 200) =>
    sendPage(reply, renderCodeStep({ csrf: csrfFor(request, reply, publicUrl), problems }), status);

  app.get('/admin/login/code', { config: { public: true } }, async (request, reply) => {
    const pending = await peekAccountToken(store, scope, tokenOf(request.cookies[signInCookie]), 'signIn');
    return pending ? codePage(request, reply) : reply.redirect('/admin/login', 303);
  });

  app.post('/admin/login/code', { config: { public: true, rateLimit: publicFormLimit } }, async (request, reply) => {
    const token = tokenOf(request.cookies[signInCookie]);
    const pending = await peekAccountToken(store, scope, token, 'signIn');
    if (!pending?.userId) return loginWith(request, reply, 'Your sign-in took too long. Sign in again.');
    const key = `code|${pending.userId}`;
    const refused = await overLimit(request, reply, key, 'Too many wrong codes for this account. For your safety, wait before trying again.');
    if (refused) return refused;
    if (!(await checkTwoFactor(store, scope, pending.userId, formString(request.body, 'code').slice(0, 40)))) {
      return codePage(request, reply, [{ field: 'code', message: 'That code is not right. Type the 6 digits your app shows now, or a recovery code.' }], 401);
    }
    // Only one request can use the pending sign-in, even with the same right code.
    const taken = await takeAccountToken(store, scope, token, 'signIn');
    if (!taken?.userId) return loginWith(request, reply, 'Your sign-in took too long. Sign in again.');
    await codeLimiter.reset(key);
    reply.clearCookie(signInCookie, cookieOptions(request, publicUrl));
    await signInAs(store, request, reply, publicUrl, taken.userId);
    return reply.redirect(safeNext(taken.next ?? ''), 303);
  });

  // ---- invites
  app.get<{ Querystring: { token?: unknown } }>('/admin/invite', { config: { public: true } }, async (request, reply) => {
    const token = tokenOf(request.query.token);
    const invite = await openInvite(store, scope, token);
    if (!invite) return linkGone(request, reply);
    return sendPage(reply, renderInviteAccept({ csrf: csrfFor(request, reply, publicUrl), token, email: invite.email ?? '', role: invite.role ?? '', name: '', problems: [] }));
  });

  app.post('/admin/invite', { config: { public: true, rateLimit: publicFormLimit } }, async (request, reply) => {
    const token = tokenOf(formString(request.body, 'token'));
    const name = formString(request.body, 'name');
    try {
      const user = await acceptInvite(store, scope, token, { name, password: formString(request.body, 'password') });
      return loginWith(request, reply, 'Your account is ready. Sign in with your e-mail and the password you chose.', user.email);
    } catch (err) {
      const problems = problemsOf(err);
      const invite = problems && (await openInvite(store, scope, token));
      if (problems && invite) {
        return sendPage(reply, renderInviteAccept({ csrf: csrfFor(request, reply, publicUrl), token, email: invite.email ?? '', role: invite.role ?? '', name, problems }), 422);
      }
      if (problems || (isFolioError(err) && err.code === 'BAD_REQUEST')) return linkGone(request, reply);
      throw err;
    }
  });

  // ---- forgotten passwords
  const forgotPage = (request: FastifyRequest, reply: FastifyReply, state: { email?: string; problems?: FieldProblem[]; sent?: string; status?: number } = {}) =>
    sendPage(reply, renderForgot({ csrf: csrfFor(request, reply, publicUrl), email: state.email ?? '', problems: state.problems ?? [], sent: state.sent }), state.status ?? 200);

  app.get('/admin/forgot', { config: { public: true } }, (request, reply) => forgotPage(request, reply));

  app.post('/admin/forgot', { config: { public: true, rateLimit: publicFormLimit } }, async (request, reply) => {
    const email = formString(request.body, 'email').trim().toLowerCase().slice(0, 320);
    if (!email) return forgotPage(request, reply, { problems: [{ field: 'email', message: 'Enter the e-mail you sign in with.' }], status: 422 });
    const wait = Math.max(await resetLimiter.take(`reset-ip|${request.ip}`), await resetLimiter.take(`reset-email|${email}`));
    if (wait > 0) return tooMany(request, reply, wait, 'Too many reset requests. Wait a little before asking again.');
    // The answer never waits for the lookup or the mail, so neither its words nor its timing tell whether the address has an account.
    const log = request.log;
    void requestPasswordReset(store, scope, email, mailer ? 'mail' : 'admin').then(
      (found) => {
        if (!found?.token || !mailer) return;
        const link = `${publicUrl}/admin/reset?token=${encodeURIComponent(found.token)}`;
        const text = `Hello ${found.user.name},\n\nsomeone (we hope you) asked to reset your Folio password. To choose a new one, open this link within an hour:\n\n${link}\n\nIf it was not you, ignore this mail: your password stays as it is.\n`;
        sendLater(mailer, { to: found.user.email, subject: 'Reset your Folio password', text }, (err) => log.error({ err }, 'reset mail not sent'));
      },
      (err: unknown) => log.error({ err }, 'password reset request failed'),
    );
    const sent = mailer
      ? 'If an account exists for that e-mail, a reset link is on its way. It works for one hour.'
      : 'If an account exists for that e-mail, your admin can now see your request and give you a reset link.';
    return forgotPage(request, reply, { sent });
  });

  app.get<{ Querystring: { token?: unknown } }>('/admin/reset', { config: { public: true } }, async (request, reply) => {
    const token = tokenOf(request.query.token);
    const reset = await openReset(store, scope, token);
    const user = reset?.userId ? await store.users.get(reset.userId) : undefined;
    if (!user) return linkGone(request, reply);
    return sendPage(reply, renderReset({ csrf: csrfFor(request, reply, publicUrl), token, email: user.email, problems: [] }));
  });

  app.post('/admin/reset', { config: { public: true, rateLimit: publicFormLimit } }, async (request, reply) => {
    const token = tokenOf(formString(request.body, 'token'));
    try {
      const user = await resetPassword(store, scope, token, formString(request.body, 'password'));
      return loginWith(request, reply, 'Your password was changed and every session ended. Sign in with the new password.', user.email);
    } catch (err) {
      const problems = problemsOf(err);
      const reset = problems && (await openReset(store, scope, token));
      const user = reset?.userId ? await store.users.get(reset.userId) : undefined;
      if (problems && user) return sendPage(reply, renderReset({ csrf: csrfFor(request, reply, publicUrl), token, email: user.email, problems }), 422);
      if (problems || (isFolioError(err) && err.code === 'BAD_REQUEST')) return linkGone(request, reply);
      throw err;
    }
  });

  // ---- the signed-in user's own account
  async function accountPage(request: FastifyRequest, reply: FastifyReply, state: { problems?: FieldProblem[]; notice?: string; recoveryCodes?: string[]; status?: number } = {}) {
    const user = request.signedIn!.user;
    const pending = await pendingTwoFactor(store, scope, user, issuer);
    const twoFactor = pending
      ? { state: 'pending' as const, ...pending }
      : (await hasTwoFactor(store, scope, user.id))
        ? { state: 'on' as const, recoveryLeft: await recoveryCodesLeft(store, scope, user.id) }
        : { state: 'off' as const };
    return sendPage(
      reply,
      renderAccount({ viewer: viewerOf(request), csrf: csrfFor(request, reply, publicUrl), problems: state.problems ?? [], notice: state.notice, twoFactor, recoveryCodes: state.recoveryCodes }),
      state.status ?? 200,
    );
  }

  const notices: Record<string, string> = {
    password: 'Password changed. Every other session of yours has ended.',
    'two-factor-off': 'Two-factor sign-in is off.',
    'two-factor-cancelled': 'Set-up cancelled.',
  };
  app.get<{ Querystring: { done?: string } }>('/admin/account', (request, reply) => {
    const notice = request.query.done ? notices[request.query.done] : undefined;
    return accountPage(request, reply, notice ? { notice } : {});
  });

  app.post('/admin/account/password', async (request, reply) => {
    const user = request.signedIn!.user;
    const key = `password|${user.id}`;
    const refused = await overLimit(request, reply, key, 'Too many wrong passwords. For your safety, wait before trying again.');
    if (refused) return refused;
    try {
      await changePassword(store, user.id, { current: formString(request.body, 'current'), next: formString(request.body, 'next') });
    } catch (err) {
      const problems = problemsOf(err);
      if (!problems) throw err;
      return accountPage(request, reply, { problems, status: 422 });
    }
    await codeLimiter.reset(key);
    // changePassword ended every session, this one too: this browser gets a new one.
    request.cookies[sessionCookie] = undefined;
    await signInAs(store, request, reply, publicUrl, user.id);
    return reply.redirect('/admin/account?done=password', 303);
  });

  app.post('/admin/account/sign-out-everywhere', async (request, reply) => {
    await signOutEverywhere(store, request.signedIn!.user.id);
    reply.clearCookie(sessionCookie, cookieOptions(request, publicUrl));
    request.signedIn = null;
    return loginWith(request, reply, 'You are signed out everywhere: every session of yours has ended.');
  });

  app.post('/admin/account/two-factor/start', async (request, reply) => {
    await startTwoFactor(store, scope, request.signedIn!.user, issuer);
    return reply.redirect('/admin/account', 303);
  });

  app.post('/admin/account/two-factor/confirm', async (request, reply) => {
    const user = request.signedIn!.user;
    const key = `code|${user.id}`;
    const refused = await overLimit(request, reply, key, 'Too many wrong codes. For your safety, wait before trying again.');
    if (refused) return refused;
    try {
      const recoveryCodes = await confirmTwoFactor(store, scope, user.id, formString(request.body, 'code').slice(0, 40));
      await codeLimiter.reset(key);
      return accountPage(request, reply, { recoveryCodes });
    } catch (err) {
      const problems = problemsOf(err);
      if (!problems) throw err;
      return accountPage(request, reply, { problems, status: 422 });
    }
  });

  app.post('/admin/account/two-factor/cancel', async (request, reply) => {
    const user = request.signedIn!.user;
    if (!(await hasTwoFactor(store, scope, user.id))) await removeTwoFactor(store, scope, user.id);
    return reply.redirect('/admin/account?done=two-factor-cancelled', 303);
  });

  app.post('/admin/account/two-factor/off', async (request, reply) => {
    const user = request.signedIn!.user;
    const key = `password|${user.id}`;
    const refused = await overLimit(request, reply, key, 'Too many wrong passwords. For your safety, wait before trying again.');
    if (refused) return refused;
    if (!(await verifyPassword(user.passwordHash, formString(request.body, 'password')))) {
      return accountPage(request, reply, { problems: [{ field: 'password', message: 'Your password is not right.' }], status: 422 });
    }
    await codeLimiter.reset(key);
    await removeTwoFactor(store, scope, user.id);
    return reply.redirect('/admin/account?done=two-factor-off', 303);
  });
}
