export { fileToken, fileUrl, isImageType, storedFileToken } from './file-url.js';
export { setFocalPoint, mergeClientFile, validateFocalPoint, isFocalPoint, type FocalPoint } from './focal-point.js';
export { ingestFile, type IncomingFile } from './ingest.js';
export { createAsset, createAssetWithFile, publishAsset, resolveAssetFile, storedFiles, isStoredFile, type NewAsset, type ResolvedFile } from './assets.js';
export { mimetypeGroups, mimetypeGroupOf } from './mimetype-groups.js';
export { ingestStoredObject, assertSupportedType, maxImageBytes, type StoredUpload } from './ingest-stored.js';
