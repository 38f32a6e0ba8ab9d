export { createEntry, updateEntry, patchEntry, patchEntryFields, publishEntry, unpublishEntry, deleteEntry, getEntry, archiveEntry, unarchiveEntry, type EntryTarget, type FieldChange } from './entries.js';
export { ownershipOf, check } from './actor.js';
export { saveContentType, publishContentType, getContentType, unpublishContentType, deleteContentType, type ContentTypeTarget } from './content-types.js';
export { listEntrySnapshots, getEntrySnapshot, restoreEntrySnapshot, listContentTypeSnapshots, type SnapshotRestore, getContentTypeSnapshot } from './snapshots.js';
export { fieldErrors } from './validate-fields.js';
export { allowedMimetypeGroups, linkContentTypeError } from './publish-rules.js';
export type { FieldError } from './field-rules.js';
export { resolveLinks, byIds, type LinkedItems } from './links.js';
export {
  createAsset,
  createAssetFromFile,
  updateAsset,
  updateAssetLocale,
  getAsset,
  processAssetFile,
  publishAsset,
  unpublishAsset,
  archiveAsset,
  unarchiveAsset,
  deleteAsset,
  assetUsage,
  type AssetInput,
  type AssetRemoval,
  type AssetTarget,
  type AssetLocaleChange,
  type IncomingAssetFile,
  type NewAssetFromFile,
} from './assets.js';
export { createUpload, getUpload, deleteUpload, sweepExpiredUploads, uploadLifetimeMs } from './uploads.js';
export { listLocales, getLocale, createLocale, updateLocale, deleteLocale, type LocaleInput } from './locales.js';
export { listApiKeys, getApiKey, createApiKey, updateApiKey, deleteApiKey, type ApiKeyInput } from './api-keys.js';
export { listTags, getTag, createTag, updateTag, deleteTag, type TagInput } from './tags.js';
export { getEditorInterface, listEditorInterfaces, updateEditorInterface, defaultWidgetId, type EditorInterfaceInput, type EditorInterfaceControl } from './editor-interfaces.js';
export { runBulkAction, settleInterruptedActions, getBulkAction, applyBulkEntity, maxBulkEntities, editorBulkActions, permissionOf as bulkPermissionOf, type BulkActionKind, type BulkOperation, type BulkEntity, type EntityError } from './bulk-actions.js';
export { listThreads, getThread, createThread, updateThread, deleteThread, listMentions, mentionsOf, parentOf as threadParentOf, type ThreadKind, type ThreadParent, type ThreadCreate, type ThreadUpdate } from './threads.js';
export { commentDocument, commentText, documentFromMarkup } from './comment-body.js';
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
export { applyHeldEntry, getReleaseEntry, listReleaseEntries, putReleaseEntry, patchReleaseEntry, type ReleaseEntryWrite } from './release-entries.js';
export {
  getEnvironment,
  listEnvironments,
  putEnvironment,
  deleteEnvironment,
  listEnvironmentAliases,
  getEnvironmentAlias,
  putEnvironmentAlias,
  deleteEnvironmentAlias,
  settleInterruptedClones,
  type EnvironmentView,
  type EnvironmentPut,
} from './environments.js';
