/** Webhook records → Contentful's Management API shapes. Secrets never leave here. */
import { link } from '../contentful/index.js';
import type { WebhookCallLogRecord, WebhookDefinitionRecord } from '../store/index.js';

export function definitionJson(hook: WebhookDefinitionRecord) {
  return {
    sys: {
      type: 'WebhookDefinition',
      id: hook.id,
      version: hook.version,
      space: link('Space', hook.spaceId),
      createdAt: hook.createdAt,
      createdBy: link('User', hook.createdBy),
      updatedAt: hook.updatedAt,
      updatedBy: link('User', hook.updatedBy),
    },
    name: hook.name,
    url: hook.url,
    topics: hook.topics,
    filters: hook.filters,
    headers: hook.headers.map((h) => (h.secret ? { key: h.key, secret: true } : { key: h.key, value: h.value })),
    ...(hook.httpBasicUsername !== null ? { httpBasicUsername: hook.httpBasicUsername } : {}),
    active: hook.active,
  };
}

function callSys(call: WebhookCallLogRecord, type: string) {
  return { type, id: call.id, space: link('Space', call.spaceId), createdAt: call.requestAt, createdBy: link('WebhookDefinition', call.webhookId) };
}

export function callOverviewJson(call: WebhookCallLogRecord) {
  return {
    sys: callSys(call, 'WebhookCallOverview'),
    statusCode: call.statusCode,
    errors: call.errors,
    eventType: call.topic,
    url: call.url,
    requestAt: call.requestAt,
    responseAt: call.responseAt,
  };
}

export function callDetailsJson(call: WebhookCallLogRecord) {
  return {
    ...callOverviewJson(call),
    sys: callSys(call, 'WebhookCallDetails'),
    request: call.request,
    response: call.response ?? { url: call.url, method: call.request.method, headers: {}, body: '', statusCode: call.statusCode },
  };
}

export function healthJson(spaceId: string, webhookId: string, calls: { total: number; healthy: number }) {
  return { sys: { type: 'Webhook', id: webhookId, space: link('Space', spaceId) }, calls };
}
