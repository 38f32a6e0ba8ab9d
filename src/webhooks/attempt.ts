/**
 * One HTTP attempt of a webhook call: Contentful's headers, the custom ones, basic auth and the
 * signature; a timeout; and what happened, with excerpts of both bodies for the call log. The
 * target address is checked against the TargetPolicy first (target.ts).
 */
import http from 'node:http';
import https from 'node:https';
import type { WebhookCallLogRecord, WebhookCallRecord, WebhookDefinitionRecord } from '../store/index.js';
import { sign, signatureHeader } from './signature.js';
import { pinnedLookup, publicTargetsOnly, resolveTarget, TargetRefused, type TargetPolicy } from './target.js';

export const excerptLength = 4096;

/** What the call log keeps of an attempt, and what the dispatcher decides on. */
export type AttemptOutcome = Pick<WebhookCallLogRecord, 'statusCode' | 'errors' | 'request' | 'response' | 'requestAt' | 'responseAt'> & {
  ok: boolean;
  /** Worth trying again: no response, 408, 429 or 5xx. Other answers are final. */
  retryable: boolean;
};

function headersFor(hook: WebhookDefinitionRecord, call: WebhookCallRecord): { sent: Record<string, string>; shown: Record<string, string> } {
  const sent = Object.create(null) as Record<string, string>;
  const shown = Object.create(null) as Record<string, string>;
  const set = (key: string, value: string, secret = false) => {
    sent[key] = value;
    shown[key] = secret ? '***' : value;
  };
  for (const h of hook.headers) set(h.key, h.value, h.secret);
  set('Content-Type', 'application/vnd.contentful.management.v1+json');
  set('X-Contentful-Topic', call.topic);
  set('X-Contentful-Webhook-Name', hook.name);
  set('X-Folio-Call-Id', call.id);
  set(signatureHeader, sign(hook.secret, call.body));
  set('User-Agent', 'Folio-Webhooks');
  if (hook.httpBasicUsername !== null) {
    set('Authorization', `Basic ${Buffer.from(`${hook.httpBasicUsername}:${hook.httpBasicPassword ?? ''}`).toString('base64')}`, true);
  }
  return { sent, shown };
}

/** Up to excerptLength bytes of the answer; the rest is not read. */
function readExcerpt(res: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => {
      // The rest is not needed; a receiver sending megabytes must not hold the dispatcher.
      res.destroy();
      resolve(Buffer.concat(chunks).subarray(0, excerptLength).toString('utf8'));
    };
    res.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= excerptLength) done();
    });
    res.on('end', done);
    res.on('error', reject);
  });
}

function errorName(err: unknown): string {
  const e = err as { name?: string; code?: string; cause?: { code?: string; name?: string } };
  if (e.name === 'TimeoutError' || e.cause?.name === 'TimeoutError') return 'Timeout';
  if (err instanceof TargetRefused) return 'PrivateAddressRefused';
  switch (e.code ?? e.cause?.code) {
    case 'ECONNREFUSED':
      return 'ConnectionRefused';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'ENODATA':
      return 'NameResolutionFailed';
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return 'ConnectionReset';
    default:
      return 'ConnectionError';
  }
}

interface Answered {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

const headerRecord = (headers: http.IncomingHttpHeaders): Record<string, string> =>
  Object.fromEntries(Object.entries(headers).flatMap(([k, v]) => (v === undefined ? [] : [[k, Array.isArray(v) ? v.join(', ') : v]])));

/** POSTs to the checked address only; redirects are answers, never followed. */
async function post(url: URL, headers: Record<string, string>, body: string, policy: TargetPolicy, signal: AbortSignal): Promise<Answered> {
  const pinned = await resolveTarget(url.hostname, policy);
  signal.throwIfAborted();
  const send = url.protocol === 'https:' ? https.request : http.request;
  return new Promise<Answered>((resolve, reject) => {
    const request = send(url, {
      method: 'POST',
      headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) },
      // The name still goes into Host and TLS (SNI, certificate check); only the address is fixed.
      lookup: pinnedLookup(pinned),
      agent: false,
      signal,
    });
    request.on('error', reject);
    request.on('response', (res) => {
      readExcerpt(res).then((text) => resolve({ statusCode: res.statusCode ?? 0, headers: headerRecord(res.headers), body: text }), reject);
    });
    request.end(body);
  });
}

export async function attemptCall(
  hook: WebhookDefinitionRecord,
  call: WebhookCallRecord,
  timeoutMs: number,
  policy: TargetPolicy = publicTargetsOnly,
): Promise<AttemptOutcome> {
  const { sent, shown } = headersFor(hook, call);
  const request = { url: hook.url, method: 'POST', headers: shown, body: call.body.slice(0, excerptLength) };
  const requestAt = new Date().toISOString();
  try {
    const signal = AbortSignal.timeout(timeoutMs);
    const { statusCode, headers, body } = await withDeadline(post(new URL(hook.url), sent, call.body, policy, signal), signal);
    return {
      statusCode,
      errors: [],
      request,
      response: { url: hook.url, method: 'POST', headers, body, statusCode },
      requestAt,
      responseAt: new Date().toISOString(),
      ok: statusCode >= 200 && statusCode < 300,
      retryable: statusCode === 408 || statusCode === 429 || statusCode >= 500,
    };
  } catch (err) {
    // A refused address stays refused: no retries, and nothing of any answer is logged.
    const retryable = !(err instanceof TargetRefused);
    return { statusCode: 0, errors: [errorName(err)], request, response: null, requestAt, responseAt: new Date().toISOString(), ok: false, retryable };
  }
}

/** Name resolution does not take the signal; the deadline covers it too. */
function withDeadline<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
