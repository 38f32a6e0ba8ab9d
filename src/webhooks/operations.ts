/**
 * Webhook definitions and their call log as operations: the Management API routes and the
 * editor both call these with the caller's Actor. Every one needs manageWebhooks; input is
 * checked once by parseDefinition; updates need the current version, as in Contentful.
 */
import { assertCan, type Actor } from '../auth/index.js';
import { FolioError } from '../errors/index.js';
import type { Store, WebhookCallLogRecord, WebhookDefinitionRecord } from '../store/index.js';
import type { Page } from '../store/types.js';
import * as is from '../validate/is.js';
import { parseDefinition } from './definition-input.js';
import { validId } from './http.js';
import { publicTargetsOnly, type TargetPolicy } from './target.js';

const notFound = (id: string) => new FolioError('NOT_FOUND', `Webhook "${id}" not found`, { details: { type: 'WebhookDefinition', id } });

export async function getWebhook(store: Store, spaceId: string, id: string, actor: Actor): Promise<WebhookDefinitionRecord> {
  assertCan(actor, 'manageWebhooks');
  const hook = await store.webhooks.get(spaceId, id);
  if (!hook) throw notFound(id);
  return hook;
}

export async function listWebhooks(store: Store, spaceId: string, query: { skip?: number; limit?: number }, actor: Actor): Promise<Page<WebhookDefinitionRecord>> {
  assertCan(actor, 'manageWebhooks');
  return store.webhooks.list(spaceId, query);
}

/** The answer carries `secret`: the create answer is the only one that shows it. */
export async function createWebhook(
  store: Store,
  spaceId: string,
  input: unknown,
  actor: Actor,
  id?: string,
  targets: TargetPolicy = publicTargetsOnly,
): Promise<WebhookDefinitionRecord> {
  assertCan(actor, 'manageWebhooks');
  if (id !== undefined && !validId(id)) is.invalid('id', '1 to 64 letters, digits, ".", "_" or "-"', id, 'VALIDATION_FAILED');
  const { secretGiven: _, ...body } = parseDefinition(input, undefined, targets);
  return store.webhooks.create(spaceId, id === undefined ? body : { ...body, id }, actor.id);
}

/** Secrets left out of `input` (header values, basic-auth password, signing secret) are kept. */
export async function updateWebhook(
  store: Store,
  spaceId: string,
  id: string,
  input: unknown,
  expectedVersion: number | undefined,
  actor: Actor,
  targets: TargetPolicy = publicTargetsOnly,
): Promise<WebhookDefinitionRecord> {
  const current = await getWebhook(store, spaceId, id, actor);
  if (expectedVersion === undefined) throw new FolioError('VERSION_MISMATCH', 'Updating a webhook needs the X-Contentful-Version header');
  const { secretGiven: _, ...body } = parseDefinition(input, current, targets);
  return store.webhooks.update(spaceId, id, body, expectedVersion, actor.id);
}

/** PUT: creates the webhook under `id` when there is none, else a version-checked update. */
export async function putWebhook(
  store: Store,
  spaceId: string,
  id: string,
  input: unknown,
  expectedVersion: number | undefined,
  actor: Actor,
  targets: TargetPolicy = publicTargetsOnly,
) {
  assertCan(actor, 'manageWebhooks');
  if (!validId(id)) is.invalid('id', '1 to 64 letters, digits, ".", "_" or "-"', id, 'VALIDATION_FAILED');
  if (!(await store.webhooks.get(spaceId, id))) return { created: true, hook: await createWebhook(store, spaceId, input, actor, id, targets) };
  return { created: false, hook: await updateWebhook(store, spaceId, id, input, expectedVersion, actor, targets) };
}

/** Removes the definition with its queued calls and log. */
export async function deleteWebhook(store: Store, spaceId: string, id: string, actor: Actor): Promise<void> {
  assertCan(actor, 'manageWebhooks');
  await store.webhooks.delete(spaceId, id);
}

/** The attempt log, newest first. */
export async function listWebhookCalls(store: Store, spaceId: string, id: string, query: { skip?: number; limit?: number }, actor: Actor): Promise<Page<WebhookCallLogRecord>> {
  await getWebhook(store, spaceId, id, actor);
  return store.webhooks.listLog(spaceId, id, query);
}

export async function getWebhookCall(store: Store, spaceId: string, id: string, callId: string, actor: Actor): Promise<WebhookCallLogRecord> {
  await getWebhook(store, spaceId, id, actor);
  const call = await store.webhooks.getLog(spaceId, id, callId);
  if (!call) throw new FolioError('NOT_FOUND', `Call "${callId}" of webhook "${id}" not found`, { details: { type: 'WebhookCallDetails', id: callId } });
  return call;
}

export async function webhookHealth(store: Store, spaceId: string, id: string, actor: Actor) {
  await getWebhook(store, spaceId, id, actor);
  return store.webhooks.health(spaceId, id);
}
