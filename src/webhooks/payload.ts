/**
 * The body of a webhook call: the entity as the Management API returns it after the action, or
 * for unpublish and delete Contentful's tombstone (`DeletedEntry`, `DeletedAsset`,
 * `DeletedContentType`) that carries sys only.
 */
import { fileUrl, isStoredFile } from '../assets/index.js';
import type { ContentEventRecord, Json, VersionedSys } from '../store/index.js';
import { link } from './serialize.js';

type Entity = { sys: VersionedSys & { contentTypeId?: string }; fields?: Json } & Record<string, Json>;

function managementSys(event: ContentEventRecord, sys: Entity['sys']) {
  return {
    space: link('Space', event.spaceId),
    id: sys.id,
    type: event.entityType,
    createdAt: sys.createdAt,
    updatedAt: sys.updatedAt,
    environment: link('Environment', event.environmentId),
    ...(sys.publishedVersion !== null ? { publishedVersion: sys.publishedVersion, publishedAt: sys.publishedAt } : {}),
    ...(sys.firstPublishedAt !== null ? { firstPublishedAt: sys.firstPublishedAt } : {}),
    ...(sys.archivedAt !== null ? { archivedAt: sys.archivedAt } : {}),
    publishedCounter: sys.publishedCounter,
    version: sys.version,
    ...(sys.contentTypeId ? { contentType: link('ContentType', sys.contentTypeId) } : {}),
  };
}

/** Folio keeps a content hash in asset files; Contentful's shape has the file URL. */
function assetFields(event: ContentEventRecord, fields: Json, publicUrl: string): Json {
  const all = fields as Record<string, Record<string, Json>>;
  if (!all.file) return fields;
  const file = Object.fromEntries(
    Object.entries(all.file).map(([locale, f]) => {
      if (!isStoredFile(f)) return [locale, f];
      const { hash: _hash, ...rest } = f;
      return [locale, { url: fileUrl(publicUrl, event.spaceId, event.entityId, f), ...rest }];
    }),
  );
  return { ...all, file } as Json;
}

export function webhookPayload(event: ContentEventRecord, publicUrl: string): Json {
  const entity = event.entity as Entity;
  const action = event.topic.split('.').pop();
  if (action === 'unpublish' || action === 'delete') {
    return {
      sys: {
        type: `Deleted${event.entityType}`,
        id: entity.sys.id,
        space: link('Space', event.spaceId),
        environment: link('Environment', event.environmentId),
        ...(entity.sys.contentTypeId ? { contentType: link('ContentType', entity.sys.contentTypeId) } : {}),
        revision: entity.sys.publishedCounter,
        createdAt: entity.sys.createdAt,
        updatedAt: event.createdAt,
        deletedAt: event.createdAt,
      },
    } as Json;
  }
  const sys = managementSys(event, entity.sys);
  if (event.entityType === 'ContentType') {
    const { sys: _sys, ...body } = entity;
    return { sys, ...body } as Json;
  }
  const fields = event.entityType === 'Asset' ? assetFields(event, entity.fields ?? {}, publicUrl) : (entity.fields ?? {});
  // Records carry tag ids once the store keeps tags; the API shows them as links.
  const tags = ((entity.metadata as { tags?: string[] } | undefined)?.tags ?? []).map((id) => link('Tag', id));
  return { metadata: { tags, concepts: [] }, sys, fields } as Json;
}
