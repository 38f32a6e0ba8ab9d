export { fileToken, fileUrl, isImageType, isSvgType, storedFileToken } from './file-url.js';
export { validateFocalPoint, isFocalPoint, withFocalPoint, type FocalPoint } from './focal-point.js';
export { ingestFile, maxImageBytes, maxSvgBytes, type IncomingFile } from './ingest.js';
export { resolveAssetFile, storedFiles, isStoredFile, type ResolvedFile } from './stored-files.js';
export { rememberPublishedFiles } from './published-files.js';
export { mimetypeGroups, mimetypeGroupOf } from './mimetype-groups.js';
export { ingestStoredObject, assertSupportedType, type StoredUpload } from './ingest-stored.js';
export { typeFromBytes, sniffBytes } from './file-type.js';
