/**
 * One JSON line per answered request (pino, through Fastify's logger): request id, method, the
 * URL with its secrets blanked, route pattern, status, milliseconds. A share of successful
 * requests is logged (FOLIO_LOG_SAMPLE); every 5xx is. Headers and bodies are never logged, so
 * tokens in `Authorization`, cookies and passwords never reach the log; tokens that clients put
 * in the query string (`?access_token=`, as Contentful allows) are replaced here.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** Query parameters whose values are credentials or capabilities (draft links' `sig`). */
const secretParameters = new Set(['access_token', 'token', 'password', 'sig', 'secret', 'api_key', 'key', 'code']);
export const redacted = '[redacted]';

/** The URL as logged: path as is, the values of secret query parameters replaced. */
export function redactUrl(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const parts = url.slice(at + 1).split('&').map((pair) => {
    const eq = pair.indexOf('=');
    const rawName = eq < 0 ? pair : pair.slice(0, eq);
    let name: string;
    try {
      name = decodeURIComponent(rawName.replace(/\+/g, ' ')).toLowerCase();
    } catch {
      // Undecodable names could hide a secret's name: blank the whole pair.
      return redacted;
    }
    return secretParameters.has(name) ? `${rawName}=${redacted}` : pair;
  });
  return `${url.slice(0, at)}?${parts.join('&')}`;
}

/** What Fastify's own lines (errors) show of a request: the same redacted URL, no headers. */
export function requestSerializer(request: FastifyRequest) {
  return { method: request.method, url: redactUrl(request.url), remoteAddress: request.ip };
}

/** Where credentials could sit in anything else logged with a request or error. */
export const redactPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  '*.password',
  '*.token',
  '*.accessToken',
  '*.secretAccessKey',
];

export interface RequestLogOptions {
  /** Share of requests below 500 to log, 0 to 1. */
  sample: number;
  /** For tests that need a fixed draw. */
  random?: () => number;
}

export function installRequestLog(app: FastifyInstance, { sample, random = Math.random }: RequestLogOptions): void {
  app.addHook('onResponse', async (request, reply) => {
    const status = reply.statusCode;
    if (status < 500 && !(sample >= 1 || (sample > 0 && random() < sample))) return;
    const length = reply.getHeader('content-length');
    request.log[status >= 500 ? 'error' : 'info'](
      {
        method: request.method,
        url: redactUrl(request.url),
        route: request.routeOptions.url ?? null,
        status,
        ms: Math.round(reply.elapsedTime * 10) / 10,
        ...(length !== undefined ? { bytes: Number(length) } : {}),
        ip: request.ip,
      },
      'request',
    );
  });
}
