/** What the editor calls an asset: its title in the editor's locale, else its file's name ('' when it has neither). */
import type { AssetRecord } from '../store/types.js';
import * as is from '../validate/is.js';

export function assetTitle(asset: AssetRecord, locale: string): string {
  const title = asset.fields.title?.[locale];
  if (is.string(title) && title) return title;
  const file = asset.fields.file?.[locale];
  return is.plainObject(file) && is.string(file.fileName) ? file.fileName : '';
}
