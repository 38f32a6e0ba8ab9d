/** Records → the Content Management API's JSON shapes (all locales, full sys). */
import { compact, environmentLink, link, spaceLink, userLink, versionedSys, withFileJson } from '../contentful/index.js';
import type { EnvironmentView } from '../content/index.js';
import type {
  ApiKeyRecord,
  AssetRecord,
  ContentTypeRecord,
  EntryRecord,
  EnvironmentAliasRecord,
  Json,
  LocaleRecord,
  Scope,
  SnapshotRecord,
  SpaceRecord,
  TagRecord,
  UploadRecord,
  VersionedSys,
} from '../store/types.js';

/** Tags as Links; records written before tags existed have no metadata. */
const metadataJson = (metadata: { tags: string[] } | undefined) => ({ tags: (metadata?.tags ?? []).map((id) => link('Tag', id)), concepts: [] });

export function entryJson(scope: Scope, entry: EntryRecord) {
  const { contentTypeId, ...sys } = entry.sys;
  return {
    metadata: metadataJson(entry.metadata),
    sys: { ...versionedSys(scope, 'Entry', sys), automationTags: [], contentType: link('ContentType', contentTypeId) },
    fields: entry.fields,
  };
}

export function assetJson(publicUrl: string, scope: Scope, asset: AssetRecord) {
  const fields = withFileJson({ publicUrl, spaceId: scope.spaceId, assetId: asset.sys.id }, asset.fields);
  return { metadata: metadataJson(asset.metadata), sys: versionedSys(scope, 'Asset', asset.sys), fields };
}

export function contentTypeJson(scope: Scope, type: ContentTypeRecord) {
  const { sys, name, description, displayField, fields } = type;
  return {
    sys: versionedSys(scope, 'ContentType', sys),
    displayField,
    name,
    description: description ?? '',
    fields: fields.map((f) => compact({ ...f })),
  };
}

/** Contentful's Snapshot: who published what when, and the record as it was. */
export function snapshotJson(scope: Scope, snapshot: SnapshotRecord<EntryRecord> | SnapshotRecord<ContentTypeRecord>) {
  const isEntry = 'contentTypeId' in snapshot.record.sys;
  return {
    sys: {
      space: spaceLink(scope.spaceId),
      environment: environmentLink(scope.environmentId),
      id: snapshot.id,
      type: 'Snapshot',
      snapshotType: 'publish',
      snapshotEntityType: isEntry ? 'Entry' : 'ContentType',
      createdAt: snapshot.createdAt,
      updatedAt: snapshot.createdAt,
      ...(snapshot.createdBy ? { createdBy: userLink(snapshot.createdBy), updatedBy: userLink(snapshot.createdBy) } : {}),
    },
    snapshot: isEntry ? entryJson(scope, snapshot.record as EntryRecord) : contentTypeJson(scope, snapshot.record as ContentTypeRecord),
  };
}

/** Contentful's Tag on the Management API. Folio does not record who made a tag, so no createdBy. */
export function tagJson(scope: Scope, tag: TagRecord) {
  return {
    name: tag.name,
    sys: {
      id: tag.id,
      type: 'Tag',
      visibility: tag.visibility,
      version: tag.version,
      createdAt: tag.createdAt,
      updatedAt: tag.updatedAt,
      space: spaceLink(scope.spaceId),
      environment: environmentLink(scope.environmentId),
    },
  };
}

export function localeJson(scope: Scope, locale: LocaleRecord) {
  return {
    name: locale.name,
    code: locale.code,
    fallbackCode: locale.fallbackCode,
    default: locale.default,
    contentManagementApi: locale.contentManagementApi,
    contentDeliveryApi: locale.contentDeliveryApi,
    optional: locale.optional,
    sys: {
      type: 'Locale',
      id: locale.id,
      version: locale.version,
      space: spaceLink(scope.spaceId),
      environment: environmentLink(scope.environmentId),
      createdAt: locale.createdAt,
      updatedAt: locale.updatedAt,
    },
  };
}

export function spaceJson(space: SpaceRecord) {
  return {
    name: space.name,
    sys: { type: 'Space', id: space.id, version: space.version, createdAt: space.createdAt, updatedAt: space.updatedAt },
  };
}

/** Through an alias, the answer carries the alias's id and names the environment behind it, as Contentful's does. */
export function environmentJson({ environment: env, aliasId, aliases }: EnvironmentView) {
  return {
    name: env.name,
    sys: {
      type: 'Environment',
      id: aliasId ?? env.id,
      version: env.version,
      space: link('Space', env.spaceId),
      status: link('Status', env.status),
      createdAt: env.createdAt,
      updatedAt: env.updatedAt,
      aliases: aliases.map((id) => link('EnvironmentAlias', id)),
      ...(aliasId ? { aliasedEnvironment: link('Environment', env.id) } : {}),
    },
  };
}

export function environmentAliasJson(alias: EnvironmentAliasRecord) {
  return {
    sys: { type: 'EnvironmentAlias', id: alias.id, version: alias.version, space: link('Space', alias.spaceId), createdAt: alias.createdAt, updatedAt: alias.updatedAt },
    environment: link('Environment', alias.environmentId),
  };
}

export function uploadJson(upload: UploadRecord) {
  return {
    sys: {
      type: 'Upload',
      id: upload.id,
      space: link('Space', upload.spaceId),
      createdAt: upload.createdAt,
      expiresAt: upload.expiresAt,
      ...(upload.createdBy ? { createdBy: userLink(upload.createdBy) } : {}),
    },
  };
}

export function apiKeyJson(key: ApiKeyRecord, extra: { accessToken?: string; preview?: ApiKeyRecord } = {}) {
  const type = key.kind === 'preview' ? 'PreviewApiKey' : 'ApiKey';
  return {
    name: key.name,
    description: key.description ?? null,
    ...(extra.accessToken !== undefined ? { accessToken: extra.accessToken } : {}),
    ...(key.kind === 'delivery' && key.pairedId ? { preview_api_key: link('PreviewApiKey', key.pairedId) } : {}),
    environments: key.environments.map((id) => link('Environment', id)),
    policies: [{ effect: 'allow', actions: 'all' }],
    sys: { type, id: key.id, version: key.version ?? 1, space: link('Space', key.spaceId), createdAt: key.createdAt, updatedAt: key.updatedAt ?? key.createdAt },
  };
}

export { collection } from '../contentful/index.js';
