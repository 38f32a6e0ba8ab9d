import type { PortableStore } from './portable.js';
import type {
  ApiKeyRecord,
  AssetRecord,
  ContentTypeBody,
  ContentTypeRecord,
  EntryRecord,
  EnvironmentRecord,
  EnvironmentAliasRecord,
  EnvironmentStatus,
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
  SessionRecord,
  AccessTokenRecord,
  SnapshotRecord,
  UploadRecord,
  DocumentKind,
  DocumentRecord,
  Json,
} from './types.js';
import type { OutboxStore } from './outbox.js';
import type { LoginFailureStore } from './login-failures.js';
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
  /** `by` (here and below): the user or API key id recorded as createdBy/updatedBy/publishedBy. */
  create(scope: Scope, body: TBody & { id?: string }, by?: string): Promise<TRecord>;
  get(scope: Scope, id: string): Promise<TRecord | undefined>;
  /** An archived item throws BAD_REQUEST: unarchive it first, as Contentful requires. */
  update(scope: Scope, id: string, body: TBody, expectedVersion?: number, by?: string): Promise<TRecord>;
  /**
   * Entries and content types also keep a snapshot of the published record (version history).
   * An archived item throws BAD_REQUEST.
   */
  /**
   * `fields`: what the published snapshot holds instead of the draft's fields (locale-based
   * publishing publishes some locales of the draft and keeps the others as they were).
   */
  publish(scope: Scope, id: string, expectedVersion?: number, by?: string, options?: { fields?: Json }): Promise<TRecord>;
  unpublish(scope: Scope, id: string, expectedVersion?: number, by?: string): Promise<TRecord>;
  /** Only when not published (BAD_REQUEST otherwise); sets archivedAt/archivedVersion/archivedBy. */
  archive(scope: Scope, id: string, expectedVersion?: number, by?: string): Promise<TRecord>;
  /** Only when archived (BAD_REQUEST otherwise). */
  unarchive(scope: Scope, id: string, expectedVersion?: number, by?: string): Promise<TRecord>;
  /** Only when not published; a published item throws BAD_REQUEST, as Contentful does. */
  delete(scope: Scope, id: string, expectedVersion?: number): Promise<void>;
  /** The published snapshot: the whole record (sys and body) exactly as it was at publish time. */
  getPublished(scope: Scope, id: string): Promise<TRecord | undefined>;
  list(scope: Scope, query?: ListQuery): Promise<Page<TRecord>>;
  listPublished(scope: Scope, query?: ListQuery): Promise<Page<TRecord>>;
  /**
   * listPublished's items without their total: a page that shows no count must not pay for
   * counting every match (all the articles of a topic, for a page that shows three of them).
   */
  pagePublished(scope: Scope, query?: ListQuery): Promise<TRecord[]>;
  /** listPublished's page as ids and publish times only: which items, in which order, of how many. */
  publishedKeys(scope: Scope, query?: ListQuery): Promise<Page<{ id: string; publishedAt: string }>>;
  /** Snapshots taken at each publish, newest first; they outlive unpublish but not delete. */
  snapshots(scope: Scope, id: string, page?: { limit?: number; skip?: number }): Promise<Page<SnapshotRecord<TRecord>>>;
  snapshot(scope: Scope, id: string, snapshotId: string): Promise<SnapshotRecord<TRecord> | undefined>;
  /**
   * Erases a field's values from every item of a content type, draft and published side, with
   * their link and search rows: a field deleted from the model never comes back, not even in a
   * new field with the same id. Versions do not change (no one edited the items). Returns how
   * many rows changed.
   */
  removeField(scope: Scope, contentTypeId: string, fieldId: string): Promise<number>;
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
  /**
   * `transaction`, run by one caller at a time across every process on this database: for
   * check-then-create work, such as first-start setup, that several servers may do at once.
   */
  exclusively<T>(name: string, fn: (tx: Store) => Promise<T>): Promise<T>;
  /**
   * Reads in `fn` all see one moment of the data, however many statements and awaits they
   * take, without holding up anyone else's queries. Read-only; inside a transaction it is that
   * transaction.
   */
  snapshot<T>(fn: (view: Store) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** PostgreSQL's connection pool now, for /metrics; absent on SQLite (one connection, nothing pooled). */
  connections?(): { total: number; idle: number; waiting: number; max: number };

  spaces: {
    get(id: string): Promise<SpaceRecord | undefined>;
    list(): Promise<SpaceRecord[]>;
    create(space: { id: string; name: string; defaultLocale: string }): Promise<SpaceRecord>;
    /** NOT_FOUND for an unknown id; VERSION_MISMATCH when expectedVersion is stale. */
    rename(id: string, name: string, expectedVersion: number): Promise<SpaceRecord>;
  };
  environments: {
    /** The environment with exactly this id (no alias is followed: see `resolve`). */
    get(spaceId: string, id: string): Promise<EnvironmentRecord | undefined>;
    list(spaceId: string): Promise<EnvironmentRecord[]>;
    /** Empty; `status` defaults to ready (a clone starts queued). */
    create(spaceId: string, env: { id: string; name: string; status?: EnvironmentStatus }): Promise<EnvironmentRecord>;
    /** NOT_FOUND for an unknown id; VERSION_MISMATCH when expectedVersion is stale. */
    rename(spaceId: string, id: string, name: string, expectedVersion: number): Promise<EnvironmentRecord>;
    /**
     * Copies the source's content into the (empty, existing) target in one transaction and marks
     * the target ready; NOT_FOUND when either is missing, BAD_REQUEST when the target is no
     * longer queued (settled as failed meanwhile). The transaction first claims the target's row,
     * so settleQueued waits for a copy that is running.
     */
    clone(spaceId: string, sourceId: string, targetId: string): Promise<EnvironmentRecord>;
    setStatus(spaceId: string, id: string, status: EnvironmentStatus): Promise<void>;
    /** Every environment still `queued` (its copy is not running: see clone) becomes `failed`; their ids. */
    settleQueued(): Promise<Array<{ spaceId: string; id: string }>>;
    /** Removes the environment and everything in it; BAD_REQUEST while an alias targets it. */
    delete(spaceId: string, id: string): Promise<void>;
    /**
     * The one place an id in a request path becomes an environment: an alias's target, or the
     * environment of that id (so `master` without an alias row is the real master).
     */
    resolve(spaceId: string, id: string): Promise<{ environment: EnvironmentRecord; aliasId?: string } | undefined>;
  };
  environmentAliases: {
    list(spaceId: string): Promise<EnvironmentAliasRecord[]>;
    get(spaceId: string, id: string): Promise<EnvironmentAliasRecord | undefined>;
    /**
     * Creates the alias (expectedVersion absent) or points it elsewhere (VERSION_MISMATCH when
     * stale); the target must exist (NOT_FOUND) and be ready (BAD_REQUEST).
     */
    put(spaceId: string, id: string, environmentId: string, expectedVersion?: number): Promise<EnvironmentAliasRecord>;
    /** NOT_FOUND when there is none; `master` cannot be deleted (BAD_REQUEST). */
    delete(spaceId: string, id: string): Promise<void>;
  };
  locales: {
    list(scope: Scope): Promise<LocaleRecord[]>;
    create(
      scope: Scope,
      locale: Omit<LocaleRecord, 'id' | 'version' | 'createdAt' | 'updatedAt'> & { id?: string },
    ): Promise<LocaleRecord>;
    /** NOT_FOUND for an unknown id; VERSION_MISMATCH when expectedVersion is stale. */
    update(
      scope: Scope,
      id: string,
      changes: Partial<Pick<LocaleRecord, 'code' | 'name' | 'fallbackCode' | 'optional' | 'contentDeliveryApi' | 'contentManagementApi'>>,
      expectedVersion?: number,
    ): Promise<LocaleRecord>;
    /** NOT_FOUND for an unknown id. Rules (default locale, fallbacks) are the caller's. */
    delete(scope: Scope, id: string): Promise<void>;
  };
  contentTypes: VersionedRepository<ContentTypeBody, ContentTypeRecord>;
  entries: VersionedRepository<EntryBody, EntryRecord>;
  assets: VersionedRepository<AssetBody, AssetRecord>;
  uploads: {
    create(upload: Omit<UploadRecord, 'id' | 'createdAt'> & { id?: string }): Promise<UploadRecord>;
    get(spaceId: string, id: string): Promise<UploadRecord | undefined>;
    /** NOT_FOUND when there is none. The stored bytes are the caller's to remove. */
    delete(spaceId: string, id: string): Promise<void>;
    /** Uploads (of any space) that expired before `time`, oldest first. */
    expired(time: string, limit: number): Promise<UploadRecord[]>;
    /** Whether any upload (of any space) holds these bytes. */
    holdsHash(hash: string): Promise<boolean>;
  };
  apiKeys: {
    create(key: Omit<ApiKeyRecord, 'id' | 'createdAt'> & { id?: string }): Promise<ApiKeyRecord>;
    findByTokenHash(tokenHash: string): Promise<ApiKeyRecord | undefined>;
    list(spaceId: string): Promise<ApiKeyRecord[]>;
    get(spaceId: string, id: string): Promise<ApiKeyRecord | undefined>;
    /** NOT_FOUND for an unknown key, VERSION_MISMATCH for a stale expectedVersion. */
    update(
      spaceId: string,
      id: string,
      changes: Partial<Pick<ApiKeyRecord, 'name' | 'description' | 'environments' | 'pairedId'>>,
      expectedVersion?: number,
    ): Promise<ApiKeyRecord>;
    /** Revokes the key at once; NOT_FOUND when there is none. */
    delete(spaceId: string, id: string): Promise<void>;
  };
  users: {
    findByEmail(email: string): Promise<UserRecord | undefined>;
    list(): Promise<UserRecord[]>;
    create(user: Omit<UserRecord, 'id' | 'createdAt' | 'updatedAt'> & { id?: string }): Promise<UserRecord>;
    /** Changes role and password hash; NOT_FOUND when there is no such user. */
    update(id: string, changes: Partial<Pick<UserRecord, 'name' | 'role' | 'passwordHash'>>): Promise<UserRecord>;
    get(id: string): Promise<UserRecord | undefined>;
    /** Removes the user with their sessions and tokens; NOT_FOUND when there is no such user. */
    delete(id: string): Promise<void>;
  };
  /** Editor sign-in sessions, found by the hash of the cookie value. */
  /** Sign-in attempts per key, shared by every server on the database (login-failures.ts). */
  loginFailures: LoginFailureStore;
  sessions: {
    create(session: Omit<SessionRecord, 'lastSeenAt'>): Promise<SessionRecord>;
    find(idHash: string): Promise<SessionRecord | undefined>;
    touch(idHash: string, lastSeenAt: string): Promise<void>;
    delete(idHash: string): Promise<void>;
    deleteForUser(userId: string): Promise<void>;
    /** Removes sessions that expired at or before `at`; returns how many. */
    deleteExpired(at: string): Promise<number>;
  };
  /** Users' personal access tokens for the Management API. */
  accessTokens: {
    create(token: Pick<AccessTokenRecord, 'userId' | 'name' | 'tokenHash' | 'expiresAt'> & { id?: string }): Promise<AccessTokenRecord>;
    findByTokenHash(tokenHash: string): Promise<AccessTokenRecord | undefined>;
    /** Newest first, revoked ones included. */
    listForUser(userId: string): Promise<AccessTokenRecord[]>;
    /** Marks the user's token revoked (again is a no-op); NOT_FOUND when the user has no such token. */
    revoke(userId: string, id: string): Promise<AccessTokenRecord>;
    markUsed(id: string, at: string): Promise<void>;
  };
  /** The sync log, written by publish, unpublish and delete of entries and assets. */
  changes: {
    /** Changes with seq in (after, upTo], oldest first (`newestFirst`: the other way). */
    list(
      scope: Scope,
      query: { after: number; upTo?: number; limit: number; kinds?: Array<'Entry' | 'Asset'>; contentTypeId?: string; includeDeleted: boolean; newestFirst?: boolean },
    ): Promise<ChangeRecord[]>;
    /**
     * The newest position in the whole store (0 when nothing changed yet). It also moves when
     * content types are published or unpublished, locales are added, and API keys change or
     * go, so it versions all that readers see and who may see it.
     */
    latest(): Promise<number>;
    /**
     * Calls `listener` after every commit in this process, through any Store open on the same
     * database, that may have moved `latest()`; returns the function that stops it. Other
     * processes' writes are heard only while `hearsOthers()`: otherwise poll `latest()`.
     */
    onWrite(listener: () => void): () => void;
    /**
     * True while other processes' commits reach `onWrite` too (PostgreSQL LISTEN/NOTIFY, its
     * connection up): readers may then poll `latest()` rarely, as a safety net only.
     */
    hearsOthers(): boolean;
    /**
     * Moves `latest()` without a log row, for writes outside content that readers still show
     * (the site settings): readers that cache by the content version start over.
     */
    bump(): Promise<void>;
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
  /**
   * Published entries' and assets' Delivery JSON, kept per locale (migration 0024). `read` gives
   * back only fragments of the given publish times and stamp; `write` replaces what was there.
   */
  fragments: {
    read(scope: Scope, kind: 'Entry' | 'Asset', wanted: ReadonlyArray<{ id: string; publishedAt: string }>, locale: string, stamp: string): Promise<Map<string, StoredFragment>>;
    /**
     * Which of `ids` are published, with their publish times (what a fragment must match), without
     * counting them as `publishedKeys` does. In the order the general path includes them: a
     * thousand ids at a time, each thousand in Delivery's default order (sys.createdAt, then id),
     * as content/links.ts byIds reads them.
     */
    published(scope: Scope, kind: 'Entry' | 'Asset', ids: readonly string[]): Promise<Array<{ id: string; publishedAt: string }>>;
    write(scope: Scope, fragments: ReadonlyArray<StoredFragment & { kind: 'Entry' | 'Asset'; id: string; locale: string; publishedAt: string; stamp: string }>): Promise<void>;
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
  /** The database as portable rows, for backup and restore (portable.ts). */
  portable: PortableStore;
  /**
   * Small versioned JSON documents by kind (editor interfaces, bulk actions, releases, comments,
   * tasks). Ids are the caller's; a taken id throws VALIDATION_FAILED, a missing one NOT_FOUND,
   * a stale expectedVersion VERSION_MISMATCH. Lists are oldest first unless `newestFirst`.
   */
  documents: {
    get(scope: Scope, kind: DocumentKind, id: string): Promise<DocumentRecord | undefined>;
    list(scope: Scope, kind: DocumentKind, query?: { parentId?: string; limit?: number; skip?: number; newestFirst?: boolean }): Promise<Page<DocumentRecord>>;
    create(scope: Scope, kind: DocumentKind, document: { id: string; parentId?: string | null; body: Record<string, Json> }, by?: string): Promise<DocumentRecord>;
    update(scope: Scope, kind: DocumentKind, id: string, body: Record<string, Json>, expectedVersion?: number, by?: string): Promise<DocumentRecord>;
    delete(scope: Scope, kind: DocumentKind, id: string, expectedVersion?: number): Promise<void>;
    /** Every document of these kinds, in any environment, whose body has `status: "inProgress"` (actions a stopped server may have left). */
    listInProgress(kinds: DocumentKind[]): Promise<Array<{ scope: Scope; doc: DocumentRecord }>>;
  };
}

/** One item's Delivery JSON (UTF-8) and its links in field order (JSON of [linkType, id] pairs). */
export interface StoredFragment {
  body: Buffer;
  links: string;
}
