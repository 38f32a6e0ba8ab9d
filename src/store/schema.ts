/** Table shapes as Kysely sees them. JSON is stored as text in both dialects. */
import type { Generated } from 'kysely';

export type ResourceKind = 'ContentType' | 'Entry' | 'Asset';

export interface SpacesTable {
  id: string;
  name: string;
  default_locale: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface EnvironmentsTable {
  space_id: string;
  id: string;
  name: string;
  /** queued, ready or failed (a clone's progress). */
  status: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface EnvironmentAliasesTable {
  space_id: string;
  id: string;
  /** The target environment's id. */
  environment_id: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface LocalesTable {
  space_id: string;
  environment_id: string;
  id: string;
  code: string;
  name: string;
  is_default: number;
  fallback_code: string | null;
  optional: number;
  content_delivery_api: number;
  content_management_api: number;
  version: number;
  created_at: string;
  updated_at: string;
}

/** Drafts of content types, entries and assets: one row each, the sys columns beside the body. */
export interface ResourcesTable {
  space_id: string;
  environment_id: string;
  kind: ResourceKind;
  id: string;
  content_type_id: string | null;
  version: number;
  published_version: number | null;
  published_counter: number;
  created_at: string;
  updated_at: string;
  published_at: string | null;
  first_published_at: string | null;
  archived_at: string | null;
  created_by: string | null;
  updated_by: string | null;
  published_by: string | null;
  archived_by: string | null;
  archived_version: number | null;
  /** Content types: the whole body; entries and assets: their fields. */
  data: string;
  /** JSON ResourceMetadata (tags) of entries and assets. */
  metadata: string;
}

/** Published snapshots: the sys and body exactly as they were at publish time. */
export interface PublishedTable {
  space_id: string;
  environment_id: string;
  kind: ResourceKind;
  id: string;
  content_type_id: string | null;
  created_at: string;
  updated_at: string;
  published_at: string;
  sys: string;
  data: string;
  metadata: string;
}

/** Every column of a table, checked complete by the compiler. */
const columnsOf = <T>(all: Record<keyof T & string, true>) => Object.keys(all) as Array<keyof T & string>;

/**
 * What a draft or published row is read with: never `select *`. On PostgreSQL both tables also
 * hold `data_jsonb` (migration 0029), a generated jsonb twin of `data` that only queries use;
 * read back, it would double what each row carries and be parsed for nothing.
 */
export const resourcesColumns = columnsOf<ResourcesTable>({
  space_id: true, environment_id: true, kind: true, id: true, content_type_id: true, version: true, published_version: true,
  published_counter: true, created_at: true, updated_at: true, published_at: true, first_published_at: true, archived_at: true,
  created_by: true, updated_by: true, published_by: true, archived_by: true, archived_version: true, data: true, metadata: true,
});
export const publishedColumns = columnsOf<PublishedTable>({
  space_id: true, environment_id: true, kind: true, id: true, content_type_id: true, created_at: true, updated_at: true,
  published_at: true, sys: true, data: true, metadata: true,
});

/** The jsonb twin of `data` that PostgreSQL keeps for queries (migration 0029). */
export const fieldsJsonbColumn = 'data_jsonb';

/** Columns the database computes from others (PostgreSQL, migration 0029): never written, copied or backed up. */
export const generatedColumns: ReadonlySet<string> = new Set([fieldsJsonbColumn]);

/** A published item's Delivery JSON for one locale (`*`: all), see migration 0024. */
export interface DeliveryFragmentsTable {
  space_id: string;
  environment_id: string;
  kind: ResourceKind;
  id: string;
  locale: string;
  published_at: string;
  stamp: string;
  body: Buffer;
  links: string;
}

export interface TagsTable {
  space_id: string;
  environment_id: string;
  id: string;
  name: string;
  visibility: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ApiKeysTable {
  id: string;
  space_id: string;
  kind: string;
  name: string;
  token_hash: string;
  environments: string;
  created_at: string;
  description: string | null;
  paired_id: string | null;
  version: number;
  updated_at: string | null;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface UsersTable {
  id: string;
  /** Stored lowercased, so lookups ignore case. */
  email: string;
  name: string;
  role: string;
  password_hash: string;
  created_at: string;
  updated_at: string;
}

/** The sync log: the latest change of each entry and asset, numbered in commit order. */
export interface ChangesTable {
  space_id: string;
  environment_id: string;
  kind: ResourceKind;
  id: string;
  /** bigint: pg returns it as a string. */
  seq: number | string;
  deleted: number;
  content_type_id: string | null;
  changed_at: string;
  /** The sys at the change (for deletions: what readers last saw). */
  sys: string;
}

export interface CountersTable {
  name: string;
  value: number | string;
}

export interface LinksTable {
  space_id: string;
  environment_id: string;
  /** draft (resources) or published. */
  side: 'draft' | 'published';
  kind: ResourceKind;
  id: string;
  field_id: string;
  to_kind: string;
  to_id: string;
}

/** Editor sessions: only the sha256 of the cookie value is kept. */
export interface SessionsTable {
  id_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

/** Sign-in attempts per key (a sha256) in the window that ends at `window_ends` (ms since the epoch). */
export interface LoginFailuresTable {
  key_hash: string;
  attempts: number;
  window_ends: number | string;
}

/** Personal access tokens for the Management API, hashed like API keys. */
export interface AccessTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
  last_used_at: string | null;
}

export interface SnapshotsTable {
  space_id: string;
  environment_id: string;
  kind: ResourceKind;
  entity_id: string;
  id: string;
  created_at: string;
  created_by: string | null;
  sys: string;
  data: string;
  metadata: string;
}

export interface UploadsTable {
  space_id: string;
  id: string;
  hash: string;
  /** bigint: pg returns it as a string. */
  size: number | string;
  created_at: string;
  expires_at: string;
  created_by: string | null;
}

export interface ContentEventsTable {
  /** bigint on PostgreSQL: pg returns it as a string. Generated. */
  seq: Generated<number | string>;
  space_id: string;
  environment_id: string;
  topic: string;
  entity_type: string;
  entity_id: string;
  content_type_id: string | null;
  /** The record as the write left it (sys and body), JSON. */
  entity: string;
  created_at: string;
  dispatched: Generated<number>;
}

export interface WebhookDefinitionsTable {
  space_id: string;
  id: string;
  name: string;
  url: string;
  topics: string;
  filters: string;
  headers: string;
  http_basic_username: string | null;
  http_basic_password: string | null;
  active: number;
  secret: string;
  version: number;
  created_at: string;
  updated_at: string;
  created_by: string;
  updated_by: string;
}

export interface WebhookCallsTable {
  id: string;
  space_id: string;
  webhook_id: string;
  event_seq: number | string;
  topic: string;
  body: string;
  state: string;
  attempts: number;
  next_attempt_at: string;
  lease_id: string | null;
  lease_until: string | null;
  created_at: string;
  updated_at: string;
}

export interface WebhookCallLogTable {
  id: string;
  space_id: string;
  webhook_id: string;
  call_id: string;
  attempt: number;
  topic: string;
  url: string;
  status_code: number;
  errors: string;
  request: string;
  response: string;
  request_at: string;
  response_at: string;
}

export interface ScheduledActionsTable {
  space_id: string;
  id: string;
  environment_id: string;
  entity_type: string;
  entity_id: string;
  action: string;
  scheduled_for: string;
  timezone: string | null;
  status: string;
  error: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  created_by: string;
  updated_by: string;
  canceled_at: string | null;
  canceled_by: string | null;
  /** JSON; null when the action has none. */
  payload?: string | null;
}

export interface DocumentsTable {
  space_id: string;
  environment_id: string;
  kind: string;
  id: string;
  parent_id: string | null;
  body: string;
  version: number;
  created_at: string;
  updated_at: string;
  created_by: string | null;
  updated_by: string | null;
}

export interface Database {
  spaces: SpacesTable;
  environments: EnvironmentsTable;
  environment_aliases: EnvironmentAliasesTable;
  locales: LocalesTable;
  resources: ResourcesTable;
  published: PublishedTable;
  api_keys: ApiKeysTable;
  settings: SettingsTable;
  users: UsersTable;
  changes: ChangesTable;
  counters: CountersTable;
  links: LinksTable;
  content_events: ContentEventsTable;
  webhook_definitions: WebhookDefinitionsTable;
  webhook_calls: WebhookCallsTable;
  webhook_call_log: WebhookCallLogTable;
  scheduled_actions: ScheduledActionsTable;
  tags: TagsTable;
  sessions: SessionsTable;
  login_failures: LoginFailuresTable;
  access_tokens: AccessTokensTable;
  snapshots: SnapshotsTable;
  uploads: UploadsTable;
  documents: DocumentsTable;
  delivery_fragments: DeliveryFragmentsTable;
}
