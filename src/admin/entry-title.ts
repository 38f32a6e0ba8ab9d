/** What the editor calls an entry: its content type's display field, in the editor's locale. */
import type { ContentTypeRecord, EntryRecord } from '../store/types.js';
import * as is from '../validate/is.js';

export function entryTitle(entry: EntryRecord, types: ReadonlyMap<string, ContentTypeRecord>, locale: string): string {
  const field = types.get(entry.sys.contentTypeId)?.displayField;
  const v = field ? entry.fields[field]?.[locale] : undefined;
  return is.string(v) || is.number(v) ? String(v) : '';
}
