/**
 * One HTTP attempt of a webhook call: Contentful's headers, the custom ones, basic auth and the
 * signature; a timeout; and what happened, with excerpts of both bodies for the call log.
 */
import type { WebhookCallLogRecord, WebhookCallRecord, WebhookDefinitionRecord } from '../store/index.js';
import { sign, signatureHeader } from './signature.js';

export const excerptLength = 4096;

/** What the call log keeps of an attempt, and what the dispatcher decides on. */
export type AttemptOutcome = Pick<WebhookCallLogRecord, 'statusCode' | 'errors' | 'request' | 'response' | 'requestAt' | 'responseAt'> & {
  ok: boolean;
  /** Worth trying again: no response, 408, 429 or 5xx. Other answers are final. */
  retryable: boolean;
};

function headersFor(hook: WebhookDefinitionRecord, call: WebhookCallRecord): { sent: Record<string, string>; shown: Record<string, string> } {
  const sent: Record<string, string> = {};
  const shown: Record<string, string> = {};
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

async function readExcerpt(body: ReadableStream<Uint8Array> | null): Promise<string> {
  if (!body) return '';
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < excerptLength) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.length;
    }
  } finally {
    // The rest is not needed; a receiver sending megabytes must not hold the dispatcher.
    await reader.cancel().catch(() => undefined);
  }
  return Buffer.concat(chunks).subarray(0, excerptLength).toString('utf8');
}

function errorName(err: unknown): string {
  const e = err as { name?: string; cause?: { code?: string; name?: string } };
  if (e.name === 'TimeoutError' || e.cause?.name === 'TimeoutError') return 'Timeout';
  switch (e.cause?.code) {
    case 'ECONNREFUSED':
      return 'ConnectionRefused';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'NameResolutionFailed';
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return 'ConnectionReset';
    default:
      return 'ConnectionError';
  }
}

export async function attemptCall(hook: WebhookDefinitionRecord, call: WebhookCallRecord, timeoutMs: number): Promise<AttemptOutcome> {
  const { sent, shown } = headersFor(hook, call);
  const request = { url: hook.url, method: 'POST', headers: shown, body: call.body.slice(0, excerptLength) };
  const requestAt = new Date().toISOString();
  try {
    const signal = AbortSignal.timeout(timeoutMs);
    const res = await fetch(hook.url, { method: 'POST', headers: sent, body: call.body, redirect: 'manual', signal });
    const body = await readExcerpt(res.body);
    const statusCode = res.status;
    return {
      statusCode,
      errors: [],
      request,
      response: { url: hook.url, method: 'POST', headers: Object.fromEntries(res.headers), body, statusCode },
      requestAt,
      responseAt: new Date().toISOString(),
      ok: statusCode >= 200 && statusCode < 300,
      retryable: statusCode === 408 || statusCode === 429 || statusCode >= 500,
    };
  } catch (err) {
    return { statusCode: 0, errors: [errorName(err)], request, response: null, requestAt, responseAt: new Date().toISOString(), ok: false, retryable: true };
  }
}
