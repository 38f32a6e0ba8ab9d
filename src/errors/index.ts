export { codes, contentfulIds, graphqlCodes, type ContentfulErrorId, type ErrorCode, type GraphqlErrorCode } from './registry.js';
export { FolioError, isFolioError, errorBody, notFound, validationFailed, refused, resourceNotFound, invalidQuery, unknownParameter, unknownLocale, type ErrorDetails, type ValidationProblem } from './folio-error.js';
