/** Loads the demo content into an empty space, once, in one transaction. */
import { createAssetWithFile, publishAsset } from '../assets/index.js';
import { createEntry, publishContentType, publishEntry, saveContentType } from '../content/index.js';
import { demoAssets, demoContentTypes, demoEntries } from '../demo/index.js';
import type { FileStorage } from '../storage/types.js';
import type { Store } from '../store/store.js';
import type { Json, Scope } from '../store/types.js';
import { defaultLocale } from './space.js';

const loadedKey = (scope: Scope) => `demo-loaded:${scope.spaceId}:${scope.environmentId}`;

const localize = (fields: Record<string, Json>) =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, { [defaultLocale]: v }]));

/** Returns false when the demo was loaded before or the space already has content. */
export async function loadDemo(store: Store, storage: FileStorage, scope: Scope): Promise<boolean> {
  if ((await store.settings.get(loadedKey(scope))) !== undefined) return false;
  if ((await store.entries.list(scope, { limit: 1 })).total > 0) return false;

  // Rendering is the slow part; do it before the transaction so the write lock is held briefly.
  const files = await Promise.all(demoAssets.map((a) => a.render()));

  await store.transaction(async (tx) => {
    for (const type of demoContentTypes) {
      const { id, ...body } = type;
      await saveContentType(tx, scope, id, body);
      await publishContentType(tx, scope, id);
    }
    for (const [i, asset] of demoAssets.entries()) {
      await createAssetWithFile(tx, storage, scope, {
        id: asset.id,
        locale: defaultLocale,
        title: asset.title,
        description: asset.description,
        file: { fileName: asset.fileName, contentType: asset.contentType, data: files[i]! },
      });
      await publishAsset(tx, scope, asset.id);
    }
    for (const entry of demoEntries) {
      await createEntry(tx, scope, { id: entry.id, contentTypeId: entry.contentTypeId, fields: localize(entry.fields) });
      await publishEntry(tx, scope, entry.id);
    }
    await tx.settings.set(loadedKey(scope), new Date().toISOString());
  });
  return true;
}
