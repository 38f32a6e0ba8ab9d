export type { ByteRange, FileStorage, NamedBlob, SharedBlobs, StoredObject } from './types.js';
export { SizeLimitError, formatBytes } from './types.js';
export { createFsStorage } from './fs-storage.js';
// The S3 code (and the AWS SDK under it) loads only where FOLIO_STORAGE=s3: openStorage imports it then.
export type { S3Settings } from './s3-storage.js';
export { openStorage, type OpenedStorage } from './open.js';
export { isObjectHash, assertObjectHash } from './hash.js';
