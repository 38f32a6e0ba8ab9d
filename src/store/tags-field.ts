/** The link-index field under which an item's tags are kept (see writeIndexes and tag queries). */
export const tagsField = 'metadata.tags';
