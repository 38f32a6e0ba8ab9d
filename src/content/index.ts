export { createEntry, updateEntry, patchEntry, publishEntry, unpublishEntry, deleteEntry, getEntry, archiveEntry, unarchiveEntry } from './entries.js';
export { saveContentType, publishContentType, getContentType, unpublishContentType, deleteContentType } from './content-types.js';
export { listEntrySnapshots, getEntrySnapshot, restoreEntrySnapshot, listContentTypeSnapshots, getContentTypeSnapshot } from './snapshots.js';
export { fieldErrors } from './validate-fields.js';
export type { FieldError } from './field-rules.js';
export { resolveLinks, type LinkedItems } from './links.js';
export {
  createAsset,
  updateAsset,
  getAsset,
  processAssetFile,
  publishAssetAs,
  unpublishAsset,
  archiveAsset,
  unarchiveAsset,
  deleteAsset,
  type AssetInput,
  type IncomingAssetFile,
  type FocalPoint,
} from './assets.js';
export { createUpload, getUpload, deleteUpload, sweepExpiredUploads, uploadLifetimeMs } from './uploads.js';
export { listLocales, getLocale, createLocale, updateLocale, deleteLocale, type LocaleInput } from './locales.js';
export { listApiKeys, getApiKey, createApiKey, updateApiKey, deleteApiKey, type ApiKeyInput } from './api-keys.js';
export { listTags, getTag, createTag, updateTag, deleteTag, type TagInput } from './tags.js';
export { getEditorInterface, listEditorInterfaces, updateEditorInterface, defaultWidgetId, type EditorInterfaceInput, type EditorInterfaceControl } from './editor-interfaces.js';
export { runBulkAction, getBulkAction, applyBulkEntity, maxBulkEntities, type BulkActionKind, type BulkEntity } from './bulk-actions.js';
export { listThreads, getThread, createThread, updateThread, deleteThread, type ThreadKind, type ThreadParent } from './threads.js';
export {
  createRelease,
  getRelease,
  queryReleases,
  updateRelease,
  deleteRelease,
  archiveRelease,
  runReleaseAction,
  getReleaseAction,
  listReleaseActions,
  entitiesOf as releaseEntities,
  type ReleaseInput,
} from './releases.js';
