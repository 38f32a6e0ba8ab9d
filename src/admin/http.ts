/** Small helpers every editor route shares: who is asking, CSRF tokens, pages, form problems. */
import type {} from '@fastify/cookie';
import type {} from '@fastify/csrf-protection';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { endSession, sessionLifetimeMs, startSession, type Actor, type SignedIn } from '../auth/index.js';
import type { Store } from '../store/store.js';
import { isFolioError } from '../errors/index.js';
import type { FieldProblem, Viewer } from './views/layout.js';
import { table } from '../validate/json-shape.js';

declare module 'fastify' {
  interface FastifyRequest {
    signedIn: SignedIn | null;
    /** The active content types (id, name) for the Content menu, read once per signed-in request. */
    contentMenu: Array<{ id: string; name: string }>;
  }
}

export const sessionCookie = 'folio_session';
/** Holds a sign-in waiting for its two-factor code (a one-time token, 5 minutes). */
export const signInCookie = 'folio_signin';

export function actorOf(request: FastifyRequest): Actor {
  const user = request.signedIn!.user;
  return { kind: 'user', id: user.id, role: user.role };
}

export function viewerOf(request: FastifyRequest): Viewer {
  const { name, email, role } = request.signedIn!.user;
  const env = request.environment;
  return { name, email, role, contentTypes: request.contentMenu, ...(env ? { environment: { id: env.id, target: env.target, choices: request.environmentChoices ?? [], here: request.method === 'GET' ? request.url : '/admin/articles' } } : {}) };
}

/** Cookies are Secure when the public URL is https or the request came over https. */
export const secureFor = (request: FastifyRequest, publicUrl: string) => publicUrl.startsWith('https:') || request.protocol === 'https';

export const cookieOptions = (request: FastifyRequest, publicUrl: string) => ({
  path: '/admin',
  httpOnly: true,
  sameSite: 'lax' as const,
  secure: secureFor(request, publicUrl),
});

/**
 * Signs the request's browser in as `userId`, with a new session id every time: an id planted
 * before sign-in is worthless after it.
 */
export async function signInAs(store: Store, request: FastifyRequest, reply: FastifyReply, publicUrl: string, userId: string): Promise<void> {
  const old = request.cookies[sessionCookie];
  if (old) await endSession(store, old);
  const { cookieValue } = await startSession(store, userId);
  // Sign-ins are rare enough to carry the sweep of sessions that ran out.
  await store.sessions.deleteExpired(new Date().toISOString());
  reply.setCookie(sessionCookie, cookieValue, { ...cookieOptions(request, publicUrl), maxAge: sessionLifetimeMs / 1000 });
}

/** A CSRF token for forms on this page, bound to the current session (or to none before sign-in). */
export function csrfFor(request: FastifyRequest, reply: FastifyReply, publicUrl: string): string {
  return reply.generateCsrf({ ...cookieOptions(request, publicUrl), userInfo: request.signedIn?.session.idHash ?? 'signed-out' });
}

export function sendPage(reply: FastifyReply, page: string, status = 200) {
  return reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(page);
}

export const wantsJson = (request: FastifyRequest) => (request.headers.accept ?? '').includes('application/json');

const names = table<string>({
  title: 'title',
  slug: 'slug',
  description: 'description',
  publishDate: 'publish date',
  type: 'type',
  body: 'body',
});

/** Validation errors (Contentful's details.errors) as messages beside the fields they concern. */
export function problemsOf(err: unknown): FieldProblem[] | undefined {
  if (!isFolioError(err) || err.code !== 'VALIDATION_FAILED') return undefined;
  const errors = (err.details as { errors?: Array<{ name?: string; path?: unknown[]; details?: string }> } | undefined)?.errors;
  if (!Array.isArray(errors) || errors.length === 0) return [{ field: 'form', message: err.message }];
  return errors.map((e) => {
    const path = Array.isArray(e.path) ? e.path.map(String) : [];
    const field = path[0] === 'fields' ? (path[1] ?? 'form') : (path[0] ?? 'form');
    const label = names[field] ?? field;
    const message =
      e.name === 'required'
        ? `Add a ${label} before publishing.`
        : e.name === 'in'
          ? `Choose a ${label} from the list.`
          : (e.details ?? `The ${label} is not valid.`);
    return { field, message };
  });
}

/** A form body field as one string (the first when repeated). */
export function formString(body: unknown, name: string): string {
  const v = (body as Record<string, unknown> | undefined)?.[name];
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === 'string' ? first : '';
}

export function formList(body: unknown, name: string): string[] {
  const v = (body as Record<string, unknown> | undefined)?.[name];
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string' && x !== '');
}

export function pageNumber(v: unknown): number {
  const n = typeof v === 'string' && /^\d{1,6}$/.test(v) ? Number(v) : 1;
  return Math.max(1, n);
}
