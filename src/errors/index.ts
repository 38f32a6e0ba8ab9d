export { codes, contentfulIds, type ContentfulErrorId, type ErrorCode } from './registry.js';
export { FolioError, isFolioError, errorBody, notFound, type ErrorDetails } from './folio-error.js';
