/**
 * The content store's public types: Contentful's model (spaces, environments, locales,
 * content types, entries, assets) plus Folio's API keys. Records are plain data; the store
 * never knows about HTTP or serialization.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Contentful's locale-keyed fields: field id → locale code → value. */
export type LocalizedFields = Record<string, Record<string, Json>>;

/** Every query runs inside one space and one environment. */
export interface Scope {
  spaceId: string;
  environmentId: string;
}

export type FieldType =
  | 'Symbol'
  | 'Text'
  | 'RichText'
  | 'Integer'
  | 'Number'
  | 'Date'
  | 'Boolean'
  | 'Object'
  | 'Location'
  | 'Link'
  /** A reference to another space's entry (Contentful's cross-space references), kept as its URN. */
  | 'ResourceLink'
  | 'Array';

export type LinkType = 'Entry' | 'Asset';

export interface FieldItems {
  type: 'Symbol' | 'Link' | 'ResourceLink';
  linkType?: LinkType;
  validations?: Json[];
}

export interface FieldDefinition {
  id: string;
  name: string;
  type: FieldType;
  localized: boolean;
  required: boolean;
  validations: Json[];
  disabled: boolean;
  omitted: boolean;
  linkType?: LinkType;
  items?: FieldItems;
  /** ResourceLink fields: which resources (type, source space, content types) they may point at. */
  allowedResources?: Json[];
}

/** Contentful's sys metadata shared by versioned resources. Times are ISO-8601 strings (UTC, ms). */
export interface VersionedSys {
  id: string;
  version: number;
  publishedVersion: number | null;
  publishedCounter: number;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  firstPublishedAt: string | null;
  archivedAt: string | null;
  /** Who made it, last changed it, last published and archived it: user or API key ids (null: unknown). */
  createdBy?: string | null;
  updatedBy?: string | null;
  publishedBy?: string | null;
  archivedBy?: string | null;
  /** The version that was archived, while archived. */
  archivedVersion?: number | null;
}

export interface SpaceRecord {
  id: string;
  name: string;
  defaultLocale: string;
  /** Counts renames, for X-Contentful-Version. */
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type EnvironmentStatus = 'queued' | 'ready' | 'failed';

export interface EnvironmentRecord {
  spaceId: string;
  id: string;
  name: string;
  status: EnvironmentStatus;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** Another id for an environment (Contentful's environment alias). */
export interface EnvironmentAliasRecord {
  spaceId: string;
  id: string;
  environmentId: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface LocaleRecord {
  /** Stable id, as Contentful's locale sys.id. */
  id: string;
  code: string;
  name: string;
  default: boolean;
  fallbackCode: string | null;
  optional: boolean;
  contentDeliveryApi: boolean;
  contentManagementApi: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ContentTypeBody {
  name: string;
  description: string | null;
  displayField: string | null;
  fields: FieldDefinition[];
}

export interface ContentTypeRecord extends ContentTypeBody {
  sys: VersionedSys;
}

/** Contentful's user-controlled metadata of entries and assets: the ids of their tags. */
export interface ResourceMetadata {
  tags: string[];
}

export interface EntryRecord {
  sys: VersionedSys & { contentTypeId: string };
  fields: LocalizedFields;
  metadata: ResourceMetadata;
}

/**
 * An asset file as Folio stores it per locale in `fields.file`: the original lives in file
 * storage under `hash`; the URL (with its token) is derived from it when serializing.
 */
export interface StoredFile {
  fileName: string;
  contentType: string;
  hash: string;
  details: {
    size: number;
    image?: {
      width: number;
      height: number;
      thumbhash?: string;
      dominantColor?: string;
      /** Detected at ingest, in pixels of the image as displayed. */
      faces?: Array<{ x: number; y: number; width: number; height: number }>;
      /** Set by editors: the subject's centre as fractions (0..1) from the left and the top. */
      focalPoint?: { x: number; y: number };
    };
  } & Record<string, Json>;
}

export interface AssetRecord {
  sys: VersionedSys;
  fields: LocalizedFields;
  metadata: ResourceMetadata;
}

export type TagVisibility = 'public' | 'private';

/** A Contentful tag: environment-wide; public ones are visible to the read APIs. */
export interface TagRecord {
  id: string;
  name: string;
  visibility: TagVisibility;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type ApiKeyKind = 'delivery' | 'preview' | 'management';

export interface ApiKeyRecord {
  id: string;
  spaceId: string;
  kind: ApiKeyKind;
  name: string;
  /** sha256 hex of the token; the token itself is never stored. */
  tokenHash: string;
  /** Environments the key may read; management keys ignore it. */
  environments: string[];
  createdAt: string;
  description?: string | null;
  /** A delivery key's preview key (and the preview key's delivery key). */
  pairedId?: string | null;
  version?: number;
  updatedAt?: string;
}

export type UserRole = 'admin' | 'editor' | 'author' | 'viewer';

export interface UserRecord {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  /** An argon2id hash; never the password. */
  passwordHash: string;
  createdAt: string;
  updatedAt: string;
}

export type Scalar = string | number | boolean;

/**
 * sys properties a list can filter and order on; `revision` is the publish count (drafts: the
 * version). `status` is the editorial status the editor shows: 'draft', 'changed', 'published'
 * or 'archived' (a published snapshot is always 'published').
 */
export type SysKey =
  | 'id'
  | 'createdAt'
  | 'updatedAt'
  | 'publishedAt'
  | 'firstPublishedAt'
  | 'publishedVersion'
  | 'archivedAt'
  | 'revision'
  | 'contentType'
  | 'createdBy'
  | 'updatedBy'
  | 'status';

/** What a condition looks at: one field value (fields.<field>.<locale>) or a sys property. */
export type ConditionTarget = { field: string; locale: string; /** deeper inside the value, e.g. ['contentType'] */ path?: string[] } | { sys: SysKey };

/** A point and the area around it for Location fields; distances in km. */
export type GeoArea =
  | { circle: { lat: number; lon: number; radiusKm: number } }
  | { box: { bottomLeft: { lat: number; lon: number }; topRight: { lat: number; lon: number } } };

export type EditorialStatus = 'draft' | 'changed' | 'published' | 'archived';

/**
 * A condition, with Contentful's operators. `ne` and `nin` also match items without the value;
 * `exists: false` matches only those.
 */
export type Condition =
  | (ConditionTarget &
      (
        | { op: 'eq' | 'ne' | 'lt' | 'lte' | 'gt' | 'gte'; value: Scalar }
        | { op: 'in' | 'nin'; values: Scalar[] }
        | { op: 'exists'; value: boolean }
      ))
  /** An array field holding any, all or none of the values. */
  | { field: string; locale: string; op: 'has'; mode: 'any' | 'all' | 'none'; values: Scalar[] }
  /** Items linking to any of these ids (in one field, or anywhere in their fields). */
  | { op: 'linksTo'; linkType: 'Entry' | 'Asset'; ids: string[]; field?: string }
  /** Items carrying any, all or none of these tags; without ids: any tag at all (or none). */
  | { op: 'tagged'; mode: 'any' | 'all' | 'none'; ids?: string[] }
  /** Full text: every word of `text` starts a word in the item's text (one field, or any). */
  | { op: 'match'; text: string; field?: string }
  /** A text value with `text` anywhere in it, in any case (a part of a file name, which full text does not index). */
  | { field: string; locale: string; path?: string[]; op: 'contains'; text: string }
  /** Drafts in an editorial status, by the editor's rule (src/admin/status.ts); published snapshots have none. */
  | { op: 'status'; status: EditorialStatus }
  /** A Location field inside a circle or box. */
  | { field: string; locale: string; op: 'within'; area: GeoArea }
  /** Any of the groups holds, each group being conditions that all hold (GraphQL's OR). */
  | { op: 'any'; of: Condition[][] }
  /** The condition does not hold (GraphQL's `_not_contains` and negated nested filters). */
  | { op: 'not'; condition: Condition };

export type OrderBy =
  | { field: string; locale: string; direction: 'asc' | 'desc' }
  /** Nearest first to a point, by a Location field. */
  | { field: string; locale: string; near: { lat: number; lon: number }; direction: 'asc' }
  | { sys: SysKey; direction: 'asc' | 'desc' };

export interface ListQuery {
  contentTypeId?: string;
  /** Leaves archived drafts out (the Preview API hides them); ignored for published snapshots. */
  excludeArchived?: boolean;
  where?: Condition[];
  order?: OrderBy[];
  /** Defaults: limit 100, skip 0. */
  limit?: number;
  skip?: number;
}

export interface Page<T> {
  total: number;
  skip: number;
  limit: number;
  items: T[];
}

/** One line of the sync log: the item as published now, or its deletion. */
export interface ChangeRecord {
  seq: number;
  kind: 'Entry' | 'Asset';
  id: string;
  deleted: boolean;
  contentTypeId: string | null;
  changedAt: string;
  sys: VersionedSys;
}

/** A signed-in editor session; `idHash` is the sha256 of the cookie value. */
export interface SessionRecord {
  idHash: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
  lastSeenAt: string;
}

/** A user's personal access token for the Management API; the token itself is never stored. */
export interface AccessTokenRecord {
  id: string;
  userId: string;
  name: string;
  tokenHash: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

/** One saved version of a record: the whole record as it was when it was published. */
export interface SnapshotRecord<TRecord> {
  id: string;
  createdAt: string;
  createdBy: string | null;
  record: TRecord;
}

/** Bytes received by the upload endpoint, stored under their hash until an asset takes them. */
export interface UploadRecord {
  spaceId: string;
  id: string;
  hash: string;
  size: number;
  createdAt: string;
  expiresAt: string;
  createdBy: string | null;
}

/** The kinds of JSON document kept in the documents table (see Store.documents). */
export type DocumentKind =
  | 'EditorInterface'
  | 'BulkAction'
  | 'Release'
  | 'ReleaseAction'
  | 'ReleaseEntry'
  | 'Comment'
  | 'Task'
  /** The hub's name, tagline, logo, navigation, social image and language (id `site`). */
  | 'SiteSettings'
  /** Account links (invites, password resets) and sign-ins waiting for a code: id is the token's sha256. */
  | 'AccountToken'
  /** A user's TOTP secret and hashed recovery codes (id: the user id). */
  | 'TwoFactor'
  /** A person's named list filter and sort in the editor (parentId: the user's id). */
  | 'SavedView';

/** One small versioned JSON document of the Management API; `body` is its content without sys. */
export interface DocumentRecord<T = Record<string, Json>> {
  kind: DocumentKind;
  id: string;
  parentId: string | null;
  body: T;
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  updatedBy: string | null;
}
