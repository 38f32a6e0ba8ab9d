/** How content types, entries and assets sit in the `data` column. */
import type { KindCodec } from './versioned-repository.js';
import type { EntryBody, AssetBody } from './store.js';
import type { AssetRecord, ContentTypeBody, ContentTypeRecord, EntryRecord, Json, LocalizedFields, ResourceMetadata } from './types.js';

export const contentTypeCodec: KindCodec<ContentTypeBody, ContentTypeRecord> = {
  kind: 'ContentType',
  label: 'Content type',
  contentTypeId: () => null,
  data: ({ name, description, displayField, fields }) => ({ name, description, displayField, fields }) as unknown as Json,
  metadata: () => undefined,
  record: (sys, _ct, data) => ({ sys, ...(data as unknown as ContentTypeBody) }),
};

export const entryCodec: KindCodec<EntryBody, EntryRecord> = {
  kind: 'Entry',
  label: 'Entry',
  contentTypeId: (body) => body.contentTypeId,
  data: (body) => body.fields as Json,
  metadata: (body) => body.metadata,
  record: (sys, contentTypeId, data, metadata) => ({ sys: { ...sys, contentTypeId: contentTypeId ?? '' }, fields: data as LocalizedFields, metadata }),
};

export const assetCodec: KindCodec<AssetBody, AssetRecord> = {
  kind: 'Asset',
  label: 'Asset',
  contentTypeId: () => null,
  data: (body) => body.fields as Json,
  metadata: (body) => body.metadata,
  record: (sys, _ct, data, metadata) => ({ sys, fields: data as LocalizedFields, metadata }),
};
