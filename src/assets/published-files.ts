/**
 * Published files that /images and /files URLs named, kept until their asset changes, so a
 * burst of new variants of one photo costs one store read instead of one each, and a publish of
 * one asset does not send every other image back to the store.
 *
 * When the content version moves, the changes since are read (`changesBetween`) before the next
 * look-up answers: a file goes when its asset was published, unpublished or deleted, and every
 * file goes when a step left no row or too many arrived. So a replaced or deleted file stops
 * answering at once. Each kept file carries its `standing`, which the fast path replays its
 * answers on (it calls `catchUp` after a change, before replaying). A file only a draft holds is
 * looked up on every request: saving a draft does not move the version.
 */
import { letGo, type Standing } from '../http/fast-path.js';
import { Lru } from '../http/lru.js';
import { ChangeFollower, type ChangesReader } from '../store/index.js';
import type { ResolvedFile } from './stored-files.js';

type Resolve = (assetId: string, token: string) => Promise<ResolvedFile | undefined>;

/** Assets × tokens kept: a look-up is cheap to repeat, so this only needs to cover what is hot. */
const defaultMaxEntries = 4096;

interface Remembered extends Standing {
  assetId: string;
  file: ResolvedFile;
  dropped: boolean;
}

export interface PublishedFiles {
  resolve: Resolve;
  /** Drops what changed up to the content version now. */
  catchUp(): Promise<void>;
}

export function rememberPublishedFiles(
  resolve: Resolve,
  version: { current(): number | Promise<number> },
  changes: ChangesReader,
  maxEntries = defaultMaxEntries,
): PublishedFiles {
  const kept = new Lru<string, Remembered>(maxEntries, undefined, letGo);
  const follower = new ChangeFollower(changes, (changed) => {
    if (!changed) return kept.clear();
    const assets = new Set(changed.filter((c) => c.kind === 'Asset').map((c) => c.id));
    if (assets.size) for (const [key, r] of [...kept.entries()]) if (assets.has(r.assetId)) kept.delete(key);
  });

  return {
    catchUp: async () => follower.catchUp(await version.current()),
    resolve: async (assetId, token) => {
      // Read before the store: a write after it moves the version past the one the file is kept at.
      const now = await version.current();
      if (follower.behind(now)) await follower.catchUp(now);
      const key = `${assetId}\n${token}`;
      const hit = kept.get(key);
      if (hit) return hit.file;
      const file = await resolve(assetId, token);
      // Kept only if no catch-up ran meanwhile: one that did may have dropped the asset before this read's answer was in.
      if (file?.published && follower.seen === now) {
        const remembered: Remembered = { assetId, file, dropped: false };
        remembered.file = { ...file, standing: remembered };
        kept.set(key, remembered);
        return remembered.file;
      }
      kept.delete(key);
      return file;
    },
  };
}
