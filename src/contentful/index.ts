/**
 * Contentful's vocabulary, owned here and nowhere else: links, sys objects, collection
 * envelopes and cursor pages, paging parameters, asset file JSON, request headers, locales and
 * the query language every list endpoint of every API speaks.
 */
export { link, linkedId, userLink, spaceLink, environmentLink } from './links.js';
export { compact, versionedSys, deletedSys } from './sys.js';
export { collection, pageOfAll, pagedCollection, pageQuery, pageParameters, integerParam, type PageRequest } from './collection.js';
export { fileJson, withFileJson, type FileContext } from './file.js';
export { versionHeader } from './headers.js';
export { chooseLocale, localizeFields, localizedValue, type LocaleChoice } from './locales.js';
export { parseContentQuery, applySelect, selectsLinks, assetModel, fieldLocale, unorderable, type ContentQuery, type FindIds } from './query.js';
export { queryInMemory, type MemoryModel } from './memory-query.js';
export { queryLimits } from './params.js';
export { resourceTypes, scopeOfPath, resourceOfPath, type PathScope } from './resources.js';
