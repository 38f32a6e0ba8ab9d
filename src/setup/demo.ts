/** Loads the demo content into an empty space, once, in one transaction. */
import { ingestFile } from '../assets/index.js';
import { systemActor } from '../auth/index.js';
import { createAssetFromFile, createEntry, publishAsset, publishContentType, publishEntry, saveContentType } from '../content/index.js';
import type { FileStorage } from '../storage/types.js';
import type { Store } from '../store/store.js';
import type { Json, Scope } from '../store/types.js';
import { defaultLocale, setupLock } from './space.js';

const loadedKey = (scope: Scope) => `demo-loaded:${scope.spaceId}:${scope.environmentId}`;

const localize = (fields: Record<string, Json>) =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, { [defaultLocale]: v }]));

/** False when the demo was loaded before or the space already has content. */
async function wanted(store: Store, scope: Scope): Promise<boolean> {
  if ((await store.settings.get(loadedKey(scope))) !== undefined) return false;
  return (await store.entries.list(scope, { limit: 1 })).total === 0;
}

/** Returns false when the demo was loaded before or the space already has content. */
export async function loadDemo(store: Store, storage: FileStorage, scope: Scope): Promise<boolean> {
  if (!(await wanted(store, scope))) return false;
  // The demo's articles are built when its module loads: only a first start needs them.
  const { demoAssets, demoContentTypes, demoEntries } = await import('../demo/index.js');

  // Ingest (decoding, placeholders) is the slow part; done before the transaction so the write
  // lock is held briefly. Files are content-addressed: storing them first leaves nothing wrong
  // behind if the transaction fails. The images come rendered and their faces found, so a
  // first start draws no scene and loads no detector model.
  const files = await Promise.all(
    demoAssets.map(async (a) => ingestFile(storage, { fileName: a.fileName, contentType: a.contentType, data: await a.read() }, a.faces)),
  );

  // Asked again under the setup lock: another server starting beside this one may have loaded it meanwhile.
  return store.exclusively(setupLock, async (tx) => {
    if (!(await wanted(tx, scope))) return false;
    for (const type of demoContentTypes) {
      const { id, ...body } = type;
      await saveContentType(tx, scope, { id, body }, systemActor);
      await publishContentType(tx, scope, { id }, systemActor);
    }
    for (const [i, asset] of demoAssets.entries()) {
      const input = { id: asset.id, locale: defaultLocale, title: asset.title, description: asset.description, file: files[i]! };
      await createAssetFromFile(tx, storage, scope, input, systemActor);
      await publishAsset(tx, scope, { id: asset.id }, systemActor);
    }
    for (const entry of demoEntries) {
      await createEntry(tx, scope, { id: entry.id, contentTypeId: entry.contentTypeId, fields: localize(entry.fields) }, systemActor);
      await publishEntry(tx, scope, { id: entry.id }, systemActor);
    }
    await tx.settings.set(loadedKey(scope), new Date().toISOString());
    return true;
  });
}
