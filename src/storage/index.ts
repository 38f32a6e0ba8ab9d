export type { FileStorage, StoredObject } from './types.js';
export { SizeLimitError, formatBytes } from './types.js';
export { createFsStorage } from './fs-storage.js';
export { isObjectHash, assertObjectHash } from './hash.js';
