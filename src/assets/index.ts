export { fileToken, fileUrl, isImageType } from './file-url.js';
export { ingestFile, type IncomingFile } from './ingest.js';
export { createAssetWithFile, publishAsset, resolveAssetFile, storedFiles, isStoredFile, type NewAsset, type ResolvedFile } from './assets.js';
export { mimetypeGroups, mimetypeGroupOf } from './mimetype-groups.js';
export { ingestStoredObject, assertSupportedType, maxImageBytes, type StoredUpload } from './ingest-stored.js';
