/**
 * Published files that /images and /files URLs named, kept while the content version stays the
 * same, so a burst of new variants of one photo costs one store read instead of one each.
 * Publishing, unpublishing and deleting move the version, so a replaced or deleted file stops
 * answering at once, as the fast path's answers do. A file only a draft holds is looked up on
 * every request: saving a draft does not move the version.
 */
import { Lru } from '../http/lru.js';
import type { ResolvedFile } from './stored-files.js';

type Resolve = (assetId: string, token: string) => Promise<ResolvedFile | undefined>;

/** Assets × tokens kept: a look-up is cheap to repeat, so this only needs to cover what is hot. */
const defaultMaxEntries = 4096;

export function rememberPublishedFiles(
  resolve: Resolve,
  version: { current(): number | Promise<number> },
  maxEntries = defaultMaxEntries,
): Resolve {
  const kept = new Lru<string, { version: number; file: ResolvedFile }>(maxEntries);
  return async (assetId, token) => {
    // Read before the store: a write after it moves the version past the one kept with the file.
    const now = await version.current();
    const key = `${assetId}\n${token}`;
    const hit = kept.get(key);
    if (hit?.version === now) return hit.file;
    const file = await resolve(assetId, token);
    if (file?.published) kept.set(key, { version: now, file });
    else kept.delete(key);
    return file;
  };
}
