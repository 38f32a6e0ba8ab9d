export { createEntry, updateEntry, publishEntry, unpublishEntry, deleteEntry } from './entries.js';
export { saveContentType, publishContentType } from './content-types.js';
export { fieldErrors } from './validate-fields.js';
export type { FieldError } from './field-rules.js';
export { resolveLinks, type LinkedItems } from './links.js';
