/**
 * Webhooks in the editor, through the operations the Management API uses (src/webhooks), which
 * check manageWebhooks, the definition and the version.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { assertCan } from '../../auth/index.js';
import type { WebhookCallLogRecord, WebhookDefinitionRecord } from '../../store/index.js';
import {
  createWebhook,
  deleteWebhook,
  generateSecret,
  getWebhook,
  getWebhookCall,
  listWebhookCalls,
  listWebhooks,
  updateWebhook,
  webhookActions,
  webhookEntityTypes,
  webhookHealth,
} from '../../webhooks/index.js';
import type { AdminContext } from '../context.js';
import { actorOf, csrfFor, formString, sendPage, viewerOf } from '../http.js';
import { refusalOf } from '../refusals.js';
import type { FieldProblem } from '../views/layout.js';
import { renderConfirm } from '../views/settings.js';
import { renderWebhookCall, renderWebhookCalls, renderWebhookForm, renderWebhooks, renderWebhookSecret, type CallRow } from '../views/webhooks.js';
import { blankWebhook, formValuesOf, parseWebhookForm, webhookFieldOf, webhookMessageOf, type WebhookFormValues } from '../webhook-form.js';

type One = FastifyRequest<{ Params: { id: string } }>;

const callLogPage = 100;
const ok = (statusCode: number) => statusCode >= 200 && statusCode < 300;

function callRow(c: WebhookCallLogRecord): CallRow {
  return {
    id: c.id,
    at: c.requestAt,
    topic: c.topic,
    statusCode: c.statusCode,
    ok: ok(c.statusCode),
    durationMs: Math.max(0, Date.parse(c.responseAt) - Date.parse(c.requestAt)),
    errors: c.errors,
    attempt: c.attempt,
  };
}

export async function webhookAdminRoutes(app: FastifyInstance, opts: { context: AdminContext }) {
  const { store, scope, publicUrl, webhookTargets } = opts.context;
  const { spaceId } = scope;

  function formPage(request: FastifyRequest, reply: FastifyReply, state: { hook?: WebhookDefinitionRecord; values: WebhookFormValues; problems?: FieldProblem[]; notice?: string; status?: number }) {
    return sendPage(
      reply,
      renderWebhookForm({
        viewer: viewerOf(request),
        csrf: csrfFor(request, reply, publicUrl),
        id: state.hook?.id,
        version: state.hook?.version,
        values: state.values,
        problems: state.problems ?? [],
        entityTypes: webhookEntityTypes,
        actions: webhookActions,
        notice: state.notice,
      }),
      state.status ?? 200,
    );
  }

  /** Saves the form through `save`; problems go back beside the fields. */
  async function submit(request: FastifyRequest, reply: FastifyReply, hook: WebhookDefinitionRecord | undefined, save: (input: Record<string, unknown>) => Promise<WebhookDefinitionRecord>) {
    const { values, input, headerRows } = parseWebhookForm(request.body, hook);
    if (hook && values.newSecret) input.secret = generateSecret();
    try {
      return await save(input);
    } catch (err) {
      const refusal = refusalOf(
        err,
        'name',
        (item) => webhookFieldOf(item.path, headerRows),
        (item, field) => webhookMessageOf(field, item.details),
      );
      if (!refusal) throw err;
      await formPage(request, reply, { ...(hook ? { hook } : {}), values, ...refusal });
      return undefined;
    }
  }

  const secretPage = (request: FastifyRequest, reply: FastifyReply, hook: WebhookDefinitionRecord, created: boolean) =>
    sendPage(reply, renderWebhookSecret({ viewer: viewerOf(request), csrf: csrfFor(request, reply, publicUrl), id: hook.id, name: hook.name, secret: hook.secret, created }));

  app.get<{ Querystring: { done?: string } }>('/admin/webhooks', async (request, reply) => {
    const actor = actorOf(request);
    const { items } = await listWebhooks(store, spaceId, { limit: 1000 }, actor);
    const hooks = await Promise.all(
      items.map(async (h) => {
        const last = (await listWebhookCalls(store, spaceId, h.id, { limit: 1 }, actor)).items[0];
        return { id: h.id, name: h.name, url: h.url, active: h.active, lastCall: last ? { statusCode: last.statusCode, at: last.requestAt, ok: ok(last.statusCode) } : null };
      }),
    );
    const notice = request.query.done === 'deleted' ? 'Webhook deleted, with its queued calls and call log.' : undefined;
    return sendPage(reply, renderWebhooks({ viewer: viewerOf(request), csrf: csrfFor(request, reply, publicUrl), hooks, notice }));
  });

  app.get('/admin/webhooks/new', (request, reply) => {
    assertCan(actorOf(request), 'manageWebhooks');
    return formPage(request, reply, { values: blankWebhook() });
  });

  app.post('/admin/webhooks', async (request, reply) => {
    const actor = actorOf(request);
    assertCan(actor, 'manageWebhooks');
    const hook = await submit(request, reply, undefined, (input) => createWebhook(store, spaceId, input, actor, undefined, webhookTargets));
    // The secret exists in this answer only, as in the Management API's create answer.
    return hook ? secretPage(request, reply, hook, true) : reply;
  });

  app.get<{ Params: { id: string }; Querystring: { done?: string } }>('/admin/webhooks/:id', async (request, reply) => {
    const hook = await getWebhook(store, spaceId, request.params.id, actorOf(request));
    return formPage(request, reply, { hook, values: formValuesOf(hook), ...(request.query.done === 'saved' ? { notice: 'Webhook saved.' } : {}) });
  });

  app.post('/admin/webhooks/:id', async (request: One, reply) => {
    const actor = actorOf(request);
    const current = await getWebhook(store, spaceId, request.params.id, actor);
    const version = Number(formString(request.body, 'version'));
    const rotate = formString(request.body, 'new-secret') === 'on';
    const hook = await submit(request, reply, current, (input) => updateWebhook(store, spaceId, current.id, input, Number.isSafeInteger(version) ? version : undefined, actor, webhookTargets));
    if (!hook) return reply;
    if (rotate) return secretPage(request, reply, hook, false);
    return reply.redirect(`/admin/webhooks/${encodeURIComponent(hook.id)}?done=saved`, 303);
  });

  app.get('/admin/webhooks/:id/delete', async (request: One, reply) => {
    const hook = await getWebhook(store, spaceId, request.params.id, actorOf(request));
    return sendPage(
      reply,
      renderConfirm({
        viewer: viewerOf(request),
        csrf: csrfFor(request, reply, publicUrl),
        area: 'webhooks',
        title: `Delete the webhook “${hook.name}”?`,
        consequence: `Folio stops calling ${hook.url}. Calls still queued are dropped and the call log is deleted. This cannot be undone.`,
        action: `/admin/webhooks/${hook.id}/delete`,
        confirmLabel: 'Delete webhook',
        cancelHref: `/admin/webhooks/${hook.id}`,
      }),
    );
  });

  app.post('/admin/webhooks/:id/delete', async (request: One, reply) => {
    await deleteWebhook(store, spaceId, request.params.id, actorOf(request));
    return reply.redirect('/admin/webhooks?done=deleted', 303);
  });

  app.get('/admin/webhooks/:id/calls', async (request: One, reply) => {
    const actor = actorOf(request);
    const hook = await getWebhook(store, spaceId, request.params.id, actor);
    const [page, health] = await Promise.all([listWebhookCalls(store, spaceId, hook.id, { limit: callLogPage }, actor), webhookHealth(store, spaceId, hook.id, actor)]);
    return sendPage(
      reply,
      renderWebhookCalls({ viewer: viewerOf(request), csrf: csrfFor(request, reply, publicUrl), id: hook.id, name: hook.name, calls: page.items.map(callRow), total: page.total, health }),
    );
  });

  app.get<{ Params: { id: string; callId: string } }>('/admin/webhooks/:id/calls/:callId', async (request, reply) => {
    const actor = actorOf(request);
    const hook = await getWebhook(store, spaceId, request.params.id, actor);
    const call = await getWebhookCall(store, spaceId, hook.id, request.params.callId, actor);
    return sendPage(
      reply,
      renderWebhookCall({
        viewer: viewerOf(request),
        csrf: csrfFor(request, reply, publicUrl),
        id: hook.id,
        name: hook.name,
        call: { ...callRow(call), url: call.url },
        request: call.request,
        response: call.response,
      }),
    );
  });
}
