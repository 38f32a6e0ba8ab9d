/**
 * The editor at /admin: one encapsulated Fastify plugin. Cookies, form bodies, CSRF checks and
 * the session live only inside it. Every route below requires a signed-in user unless marked
 * `config: { public: true }`; every state-changing request needs a CSRF token bound to the
 * session; permissions are checked again in operations.ts for each action.
 */
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import fastifyRateLimit from '@fastify/rate-limit';
import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { accountTokenLifetimeMs, checkCredentials, endSession, hasTwoFactor, issueAccountToken, resolveSession } from '../auth/index.js';
import { isFolioError } from '../errors/index.js';
import { accountRoutes } from './routes/accounts.js';
import { sharedRateLimitStore } from './shared-rate-limit.js';
import { articleRoutes } from './routes/articles.js';
import { commentRoutes } from './routes/comments.js';
import { environmentRoutes } from './routes/environment.js';
import { environmentChoices, environmentCookie, environmentScoped } from './environment.js';
import { entryRoutes } from './routes/entries.js';
import { entryListRoutes } from './routes/entry-list.js';
import { historyRoutes } from './routes/history.js';
import { listContentTypes } from './operations.js';
import { mediaRoutes } from './routes/media.js';
import { peopleRoutes } from './routes/people.js';
import { fieldHelperRoutes } from './routes/field-helpers.js';
import { pickerRoutes } from './routes/pickers.js';
import { settingsRoutes } from './routes/settings.js';
import { loadClientBundle } from './bundle.js';
import type { AdminContext } from './context.js';
import { cookieOptions, csrfFor, formString, sendPage, sessionCookie, signInAs, signInCookie, viewerOf, wantsJson } from './http.js';
import { loginLimiter } from './login-limiter.js';
import { safeNext } from './next-path.js';
import { parseMultipart, readFormBody, tooLargeMessage, uploadLimit } from './uploads.js';
import { renderLogin, renderProblem } from './views/auth.js';
import { adminCss, adminCssHref } from './views/styles.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Reachable without signing in. */
    public?: boolean;
  }
}

export interface AdminOptions {
  context: AdminContext;
  /** Failed sign-ins allowed per IP and e-mail in 15 minutes. */
  maxLoginFailures?: number;
}

const csrfKeySetting = 'admin.csrfHmacKey';

export async function adminRoutes(app: FastifyInstance, opts: AdminOptions) {
  const scoped = environmentScoped(opts.context);
  const ctx = scoped.ctx;
  const { store, publicUrl } = ctx;
  const bundle = loadClientBundle();
  if (!bundle) app.log.warn('The editor bundle is missing (dist/admin-client/app.js): run `npm run build`; pages work without their scripts.');
  const scriptHref = bundle?.href;
  const limiter = loginLimiter(store, opts.maxLoginFailures ?? 5);

  let hmacKey = await store.settings.get(csrfKeySetting);
  if (!hmacKey) {
    hmacKey = randomBytes(32).toString('base64url');
    await store.settings.set(csrfKeySetting, hmacKey);
  }

  await app.register(fastifyCookie);
  await app.register(fastifyFormbody, { bodyLimit: 2 * 1024 * 1024 });
  await app.register(fastifyCsrf, {
    cookieKey: 'folio_csrf',
    cookieOpts: { path: '/admin', httpOnly: true, sameSite: 'lax' },
    csrfOpts: { hmacKey },
    getUserInfo: (request: FastifyRequest) => request.signedIn?.session.idHash ?? 'signed-out',
  });
  // Counted in the database: the limits hold across every server sharing it.
  await app.register(fastifyRateLimit, { global: false, store: sharedRateLimitStore(store) });
  // Uploads arrive as the file itself (any type but forms and JSON), streamed by the browser.
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: uploadLimit }, (_request, body, done) => done(null, body));
  // Without JavaScript they come in a form: the CSRF token and the files in one multipart body.
  app.addContentTypeParser('multipart/form-data', async (request: FastifyRequest, payload: Readable) =>
    parseMultipart(String(request.headers['content-type']), await readFormBody(payload, Number(request.headers['content-length'] ?? 0))),
  );

  app.decorateRequest('signedIn', null);
  app.decorateRequest('contentMenu', null as unknown as Array<{ id: string; name: string }>);
  app.addHook('onRequest', async (request) => {
    request.signedIn = (await resolveSession(store, request.cookies[sessionCookie])) ?? null;
  });
  // From here on, every read of ctx.scope is the environment this request works in.
  scoped.register(app);
  app.addHook('onRequest', async (request) => {
    request.contentMenu = request.signedIn ? (await listContentTypes(ctx)).map((t) => ({ id: t.sys.id, name: t.name })) : [];
    request.environmentChoices = await environmentChoices(ctx, request);
  });
  app.addHook('preHandler', (request, reply, done) => {
    if (!request.routeOptions.config.public && !request.signedIn) {
      if (request.method === 'GET' && !wantsJson(request)) {
        void reply.redirect(`/admin/login?next=${encodeURIComponent(request.url)}`, 303);
      } else if (wantsJson(request) || request.headers['x-csrf-token']) {
        void reply.code(401).header('cache-control', 'no-store').send({ message: 'Your session has ended. Sign in again; your changes are still on this page.' });
      } else {
        void reply.redirect('/admin/login', 303);
      }
      return;
    }
    if (request.method === 'GET' || request.method === 'HEAD') return done();
    app.csrfProtection(request, reply, done);
  });

  const problemPage = (request: FastifyRequest, reply: FastifyReply, status: number, title: string, message: string, retryAfterSeconds?: number) => {
    if (wantsJson(request) || request.headers['x-csrf-token']) return reply.code(status).header('cache-control', 'no-store').send({ message });
    const csrf = csrfFor(request, reply, publicUrl);
    return sendPage(
      reply,
      renderProblem({ status, title, message, csrf, viewer: request.signedIn ? viewerOf(request) : undefined, ...(retryAfterSeconds ? { retryAfterSeconds } : {}) }),
      status,
    );
  };

  app.setErrorHandler((err, request, reply) => {
    const code = (err as { code?: string }).code ?? '';
    if (code.startsWith('FST_CSRF')) {
      return problemPage(request, reply, 403, 'This form has expired', 'For your safety the form could not be sent. Go back, reload the page and try again.');
    }
    if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') return problemPage(request, reply, 413, 'The file is too large', tooLargeMessage);
    if (isFolioError(err)) {
      if (err.code === 'ACCESS_DENIED') return problemPage(request, reply, 403, 'You cannot do this', `Your role (${request.signedIn?.user.role ?? 'none'}) does not allow it. Ask an admin if you need to.`);
      if (err.code === 'NOT_FOUND') return problemPage(request, reply, 404, 'Not found', err.message);
      if (err.status < 500) return problemPage(request, reply, err.status, 'That did not work', err.message);
    }
    const status = (err as { statusCode?: number }).statusCode;
    if (status === 429) return problemPage(request, reply, 429, 'Too many requests', 'Please wait a little and try again.');
    if (status && status >= 400 && status < 500) return problemPage(request, reply, status, 'That did not work', err instanceof Error ? err.message : 'Bad request');
    request.log.error({ err }, 'editor request failed');
    return problemPage(request, reply, 500, 'Something went wrong', 'Folio could not finish this. Nothing was lost; try again in a moment.');
  });

  // ---- assets
  const immutable = 'public, max-age=31536000, immutable';
  app.get(adminCssHref, { config: { public: true } }, (_request, reply) => reply.type('text/css; charset=utf-8').header('cache-control', immutable).send(adminCss));
  if (bundle) {
    const js = (code: Buffer) => (_request: FastifyRequest, reply: FastifyReply) => reply.type('text/javascript; charset=utf-8').header('cache-control', immutable).send(code);
    app.get(bundle.href, { config: { public: true } }, js(bundle.code));
    for (const [name, code] of bundle.chunks) app.get(`/admin/assets/chunks/${name}`, { config: { public: true } }, js(code));
  }

  // ---- sign in and out
  app.get('/admin', { config: { public: true } }, (request, reply) => reply.redirect(request.signedIn ? '/admin/articles' : '/admin/login', 303));

  app.get<{ Querystring: { next?: string } }>('/admin/login', { config: { public: true } }, (request, reply) => {
    const csrf = csrfFor(request, reply, publicUrl);
    const who = request.signedIn?.user;
    return sendPage(
      reply,
      renderLogin({ csrf, email: '', next: safeNext(request.query.next ?? ''), ...(who ? { notice: `You are signed in as ${who.email}. Signing in again replaces that session.` } : {}) }),
    );
  });

  app.post(
    '/admin/login',
    // A wide net per address on top of the per-account limit below: spraying many e-mails is slowed too.
    { config: { public: true, rateLimit: { max: 60, timeWindow: '15 minutes' } } },
    async (request, reply) => {
      const email = formString(request.body, 'email').trim().toLowerCase();
      const password = formString(request.body, 'password');
      const next = safeNext(formString(request.body, 'next'));
      const key = `${request.ip}|${email}`;
      // Counted before the password is checked: parallel guesses cannot slip past the limit.
      const wait = await limiter.take(key);
      if (wait > 0) {
        reply.header('retry-after', String(wait));
        return problemPage(request, reply, 429, 'Too many attempts', 'Signing in failed too often for this e-mail from your address. For your safety, wait before trying again.', wait);
      }
      const user = await checkCredentials(store, email, password);
      if (!user) {
        const csrf = csrfFor(request, reply, publicUrl);
        return sendPage(reply, renderLogin({ csrf, email, next, error: 'The e-mail or password is not right.' }), 401);
      }
      await limiter.reset(key);
      if (await hasTwoFactor(store, ctx.scope, user.id)) {
        // The password was right; the session starts only after the code (accounts.ts).
        const token = await issueAccountToken(store, ctx.scope, { purpose: 'signIn', userId: user.id, next });
        reply.setCookie(signInCookie, token, { ...cookieOptions(request, publicUrl), maxAge: accountTokenLifetimeMs.signIn / 1000 });
        return reply.redirect('/admin/login/code', 303);
      }
      await signInAs(store, request, reply, publicUrl, user.id);
      return reply.redirect(next, 303);
    },
  );

  app.post('/admin/logout', { config: { public: true } }, async (request, reply) => {
    const value = request.cookies[sessionCookie];
    if (value) await endSession(store, value);
    reply.clearCookie(sessionCookie, cookieOptions(request, publicUrl));
    reply.clearCookie(environmentCookie, cookieOptions(request, publicUrl));
    request.signedIn = null;
    const csrf = csrfFor(request, reply, publicUrl);
    return sendPage(reply, renderLogin({ csrf, email: '', next: '/admin/articles', notice: 'You have signed out.' }));
  });

  await app.register(articleRoutes, { context: ctx, scriptHref });
  await app.register(entryListRoutes, { context: ctx });
  await app.register(entryRoutes, { context: ctx, scriptHref });
  await app.register(pickerRoutes, { context: ctx });
  await app.register(fieldHelperRoutes, { context: ctx });
  await app.register(commentRoutes, { context: ctx });
  await app.register(environmentRoutes, { context: ctx });
  await app.register(historyRoutes, { context: ctx, scriptHref });
  await app.register(mediaRoutes, { context: ctx, scriptHref });
  await app.register(peopleRoutes, { context: ctx });
  await app.register(accountRoutes, { context: ctx, maxCodeFailures: opts.maxLoginFailures ?? 5 });
  await app.register(settingsRoutes, { context: ctx });
  // The editor's own 404 page, with its navigation, for any other address under /admin.
  app.all('/admin/*', { config: { public: true } }, (request, reply) => problemPage(request, reply, 404, 'Not found', 'There is no page at this address.'));
}
