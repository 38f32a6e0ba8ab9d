/**
 * The body of a webhook call: the entity as the Management API returns it after the action
 * (the same sys, with who created, updated and published it), or for unpublish and delete
 * Contentful's tombstone (`DeletedEntry`, `DeletedAsset`, `DeletedContentType`) that carries sys only.
 */
import { deletedSys, link, versionedSys, withFileJson } from '../contentful/index.js';
import type { ContentEventRecord, Json, LocalizedFields, VersionedSys } from '../store/index.js';

type Entity = { sys: VersionedSys & { contentTypeId?: string }; fields?: LocalizedFields; metadata?: { tags?: string[] } } & Record<string, Json>;

export function webhookPayload(event: ContentEventRecord, publicUrl: string): Json {
  const entity = event.entity as unknown as Entity;
  const scope = { spaceId: event.spaceId, environmentId: event.environmentId };
  const action = event.topic.split('.').pop();
  const type = event.entityType as 'Entry' | 'Asset' | 'ContentType';
  if (action === 'unpublish' || action === 'delete') return { sys: deletedSys(scope, type, entity.sys, event.createdAt) } as Json;
  const { contentTypeId, ...rest } = entity.sys;
  const sys = { ...versionedSys(scope, type, rest), ...(contentTypeId ? { contentType: link('ContentType', contentTypeId) } : {}) };
  if (type === 'ContentType') {
    const { sys: _sys, ...body } = entity;
    return { sys, ...body } as Json;
  }
  const fields = type === 'Asset' ? withFileJson({ publicUrl, spaceId: event.spaceId, assetId: event.entityId }, entity.fields ?? {}) : (entity.fields ?? {});
  const tags = (entity.metadata?.tags ?? []).map((id) => link('Tag', id));
  return { metadata: { tags, concepts: [] }, sys, fields } as Json;
}
