export { codes, contentfulIds, type ContentfulErrorId, type ErrorCode } from './registry.js';
export { FolioError, isFolioError, errorBody, notFound, validationFailed, type ErrorDetails, type ValidationProblem } from './folio-error.js';
