import type {
  ApiKeyRecord,
  AssetRecord,
  ContentTypeBody,
  ContentTypeRecord,
  EntryRecord,
  EnvironmentRecord,
  ListQuery,
  LocaleRecord,
  LocalizedFields,
  Page,
  Scope,
  SpaceRecord,
  ChangeRecord,
  ResourceMetadata,
  TagRecord,
  TagVisibility,
  UserRecord,
  VersionedSys,
} from './types.js';
import type { OutboxStore } from './outbox.js';
import type { ScheduledActionStore } from './scheduled-action-store.js';
import type { WebhookStore } from './webhook-store.js';

/**
 * Draft and published state of one kind of versioned resource, kept apart: writes change the
 * draft only; `publish` copies the draft into the published snapshot. Version rules follow
 * Contentful: create → version 1; each update, publish, unpublish, archive → version + 1;
 * publish sets publishedVersion to the version it published, bumps publishedCounter and sets
 * firstPublishedAt once. `expectedVersion`, when given and different, throws VERSION_MISMATCH.
 * Missing ids throw NOT_FOUND. All are atomic.
 *
 * Every create in the Store: a taken id (or other unique value) throws VALIDATION_FAILED with a
 * `taken` error in details; a space or environment that does not exist throws NOT_FOUND.
 */
export interface VersionedRepository<TBody, TRecord extends { sys: VersionedSys }> {
  create(scope: Scope, body: TBody & { id?: string }): Promise<TRecord>;
  get(scope: Scope, id: string): Promise<TRecord | undefined>;
  update(scope: Scope, id: string, body: TBody, expectedVersion?: number): Promise<TRecord>;
  publish(scope: Scope, id: string, expectedVersion?: number): Promise<TRecord>;
  unpublish(scope: Scope, id: string, expectedVersion?: number): Promise<TRecord>;
  /** Only when not published; a published item throws BAD_REQUEST, as Contentful does. */
  delete(scope: Scope, id: string, expectedVersion?: number): Promise<void>;
  /** The published snapshot: the whole record (sys and body) exactly as it was at publish time. */
  getPublished(scope: Scope, id: string): Promise<TRecord | undefined>;
  list(scope: Scope, query?: ListQuery): Promise<Page<TRecord>>;
  listPublished(scope: Scope, query?: ListQuery): Promise<Page<TRecord>>;
}

export interface EntryBody {
  contentTypeId: string;
  fields: LocalizedFields;
  /** Absent on update: the tags stay as they are. */
  metadata?: ResourceMetadata;
}

export interface AssetBody {
  fields: LocalizedFields;
  metadata?: ResourceMetadata;
}

export interface Store {
  readonly dialect: 'sqlite' | 'postgres';
  /** Runs `fn` in one database transaction; the store passed to it uses that transaction. */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;
  close(): Promise<void>;

  spaces: {
    get(id: string): Promise<SpaceRecord | undefined>;
    list(): Promise<SpaceRecord[]>;
    create(space: { id: string; name: string; defaultLocale: string }): Promise<SpaceRecord>;
  };
  environments: {
    get(spaceId: string, id: string): Promise<EnvironmentRecord | undefined>;
    list(spaceId: string): Promise<EnvironmentRecord[]>;
    create(spaceId: string, env: { id: string; name: string }): Promise<EnvironmentRecord>;
  };
  locales: {
    list(scope: Scope): Promise<LocaleRecord[]>;
    create(
      scope: Scope,
      locale: Omit<LocaleRecord, 'id' | 'version' | 'createdAt' | 'updatedAt'> & { id?: string },
    ): Promise<LocaleRecord>;
  };
  contentTypes: VersionedRepository<ContentTypeBody, ContentTypeRecord>;
  entries: VersionedRepository<EntryBody, EntryRecord>;
  assets: VersionedRepository<AssetBody, AssetRecord>;
  apiKeys: {
    create(key: Omit<ApiKeyRecord, 'id' | 'createdAt'> & { id?: string }): Promise<ApiKeyRecord>;
    findByTokenHash(tokenHash: string): Promise<ApiKeyRecord | undefined>;
    list(spaceId: string): Promise<ApiKeyRecord[]>;
  };
  users: {
    findByEmail(email: string): Promise<UserRecord | undefined>;
    list(): Promise<UserRecord[]>;
    create(user: Omit<UserRecord, 'id' | 'createdAt' | 'updatedAt'> & { id?: string }): Promise<UserRecord>;
    /** Changes role and password hash; NOT_FOUND when there is no such user. */
    update(id: string, changes: Partial<Pick<UserRecord, 'name' | 'role' | 'passwordHash'>>): Promise<UserRecord>;
  };
  /** The sync log, written by publish, unpublish and delete of entries and assets. */
  changes: {
    /** Changes with seq in (after, upTo], oldest first. */
    list(
      scope: Scope,
      query: { after: number; upTo?: number; limit: number; kinds?: Array<'Entry' | 'Asset'>; contentTypeId?: string; includeDeleted: boolean },
    ): Promise<ChangeRecord[]>;
    /**
     * The newest position in the whole store (0 when nothing changed yet). It also moves when
     * content types are published or unpublished and locales are added, so it versions all
     * that readers see.
     */
    latest(): Promise<number>;
  };
  /**
   * Tags of one environment. Ids are chosen by the caller, as in Contentful; a taken id or name
   * throws VALIDATION_FAILED; a tag still on entries or assets cannot be deleted (BAD_REQUEST).
   */
  tags: {
    list(scope: Scope, query?: { visibility?: TagVisibility; skip?: number; limit?: number }): Promise<Page<TagRecord>>;
    get(scope: Scope, id: string): Promise<TagRecord | undefined>;
    create(scope: Scope, tag: { id: string; name: string; visibility: TagVisibility }): Promise<TagRecord>;
    /** Renames; the visibility of a tag never changes, as in Contentful. */
    update(scope: Scope, id: string, name: string, expectedVersion?: number): Promise<TagRecord>;
    delete(scope: Scope, id: string, expectedVersion?: number): Promise<void>;
  };
  /** Small instance-wide settings (e.g. whether the demo was loaded). */
  settings: {
    get(key: string): Promise<string | undefined>;
    set(key: string, value: string): Promise<void>;
  };
  /** Content events, appended in the transaction of every content write (outbox.ts). */
  outbox: OutboxStore;
  /** Webhook definitions, their call queue and attempt log. */
  webhooks: WebhookStore;
  scheduledActions: ScheduledActionStore;
}
