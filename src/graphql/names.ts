/**
 * Contentful's GraphQL naming: content type `blog-post` → type `BlogPost`, root fields
 * `blogPost` and `blogPostCollection`, helper types `BlogPostCollection`, `BlogPostFilter`,
 * `BlogPostOrder`, `BlogPostLinkingCollections`, `cfBlogPostNestedFilter`; an Array of links
 * `related` → field `relatedCollection` of type `BlogPostRelatedCollection`; a RichText field
 * `body` → `BlogPostBody` with `BlogPostBodyLinks`, `…Entries`, `…Assets`.
 */
import { isForbiddenKey } from '../validate/json-shape.js';

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** Names the schema itself uses: a content type that would take one gets the suffix `Model`. */
const reservedTypeNames = new Set([
  'Query', 'Entry', 'Asset', 'Sys', 'Location', 'JSON', 'DateTime', 'Dimension', 'HexColor', 'Quality', 'String', 'Int', 'Float', 'Boolean', 'ID',
  'ContentfulMetadata', 'ContentfulTag', 'TaxonomyConcept', 'EntryCollection', 'AssetCollection', 'ImageTransformOptions',
]);

export function typeNameOf(contentTypeId: string): string {
  let name = contentTypeId.split(/[^A-Za-z0-9]+/).filter(Boolean).map(capitalize).join('');
  if (name === '' || /^[0-9]/.test(name)) name = `ContentType${name}`;
  return reservedTypeNames.has(name) || name.startsWith('__') ? `${name}Model` : name;
}

export const rootFieldOf = (typeName: string) => lowerFirst(typeName);
export const collectionFieldOf = (typeName: string) => `${lowerFirst(typeName)}Collection`;

/** Entry fields the schema defines itself, so a content type's field cannot take them. */
const reservedFieldNames = new Set(['sys', 'contentfulMetadata', 'linkedFrom', '__typename']);

/** A field id usable as a GraphQL field name (Contentful's ids are); anything else is left out. */
export const usableFieldName = (id: string) => /^[A-Za-z][_0-9A-Za-z]*$/.test(id) && !reservedFieldNames.has(id) && !isForbiddenKey(id);
