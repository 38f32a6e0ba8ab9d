/**
 * Records of the outbox of content events, webhook definitions and their calls, and scheduled
 * actions. Plain data, as the rest of the store's types.
 */
import type { ResourceKind } from './schema.js';
import type { Json } from './types.js';

/** What a write did, as the last part of Contentful's topic (`ContentManagement.Entry.publish`). */
export type ContentAction = 'create' | 'save' | 'auto_save' | 'publish' | 'unpublish' | 'archive' | 'unarchive' | 'delete';

export interface ContentEventRecord {
  seq: number;
  spaceId: string;
  environmentId: string;
  /** Contentful's topic, e.g. `ContentManagement.Entry.publish`. */
  topic: string;
  entityType: ResourceKind;
  entityId: string;
  contentTypeId: string | null;
  /** The record as the write left it: `{ sys, fields }` for entries and assets, the whole content type. */
  entity: Json;
  createdAt: string;
}

export interface WebhookHeader {
  key: string;
  value: string;
  /** Secret values are used in calls but never shown again. */
  secret: boolean;
}

export interface WebhookDefinitionBody {
  name: string;
  url: string;
  /** `Type.action` with `*` wildcards, as Contentful's definitions hold them. */
  topics: string[];
  /** Contentful's filter constraints, kept as given (validated at the edge). */
  filters: Json[];
  headers: WebhookHeader[];
  httpBasicUsername: string | null;
  httpBasicPassword: string | null;
  active: boolean;
  /** HMAC-SHA256 key for X-Folio-Signature. */
  secret: string;
}

export interface WebhookDefinitionRecord extends WebhookDefinitionBody {
  spaceId: string;
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
  updatedBy: string;
}

export type WebhookCallState = 'pending' | 'succeeded' | 'failed';

/** One delivery of one event to one webhook; attempted until it succeeds or gives up. */
export interface WebhookCallRecord {
  id: string;
  spaceId: string;
  webhookId: string;
  eventSeq: number;
  topic: string;
  /** The exact request body, so every attempt sends (and signs) the same bytes. */
  body: string;
  state: WebhookCallState;
  attempts: number;
  nextAttemptAt: string;
  leaseId: string | null;
  createdAt: string;
}

export interface WebhookCallExchange {
  url: string;
  method: string;
  headers: Record<string, string>;
  /** An excerpt: the start of the body. */
  body: string;
}

/** One attempt of a call, as Contentful's webhook call details show it. */
export interface WebhookCallLogRecord {
  id: string;
  spaceId: string;
  webhookId: string;
  callId: string;
  attempt: number;
  topic: string;
  url: string;
  /** 0 when no response came (timeout, refused connection …). */
  statusCode: number;
  errors: string[];
  request: WebhookCallExchange;
  response: (WebhookCallExchange & { statusCode: number }) | null;
  requestAt: string;
  responseAt: string;
}

export type ScheduledActionStatus = 'scheduled' | 'inProgress' | 'succeeded' | 'failed' | 'canceled';

export interface ScheduledActionBody {
  environmentId: string;
  entityType: 'Entry' | 'Asset' | 'Release';
  entityId: string;
  action: 'publish' | 'unpublish';
  /** UTC ISO-8601 with milliseconds. */
  scheduledFor: string;
  timezone: string | null;
  /** Contentful's payload, kept as sent: `withReferences` also acts on what the entity links to. */
  payload?: Json | null;
}

export interface ScheduledActionRecord extends ScheduledActionBody {
  spaceId: string;
  id: string;
  status: ScheduledActionStatus;
  /** Contentful's error JSON when the action failed. */
  error: Json | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
  updatedBy: string;
  canceledAt: string | null;
  canceledBy: string | null;
}
