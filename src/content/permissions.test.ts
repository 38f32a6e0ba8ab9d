/**
 * The permission wiring of the operations the Management API calls, with real actors against a
 * real SQLite store: every route passes its caller's Actor here, so these refusals are the API's.
 */
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/support/tmp.js';
import type { Actor } from '../auth/index.js';
import { ensureSpace } from '../setup/space.js';
import { createFsStorage, type FileStorage } from '../storage/index.js';
import { defineField as field, openStore } from '../store/index.js';
import type { Store } from '../store/store.js';
import type { Scope } from '../store/types.js';
import {
  archiveEntry,
  createApiKey,
  createAsset,
  createEntry,
  createLocale,
  createTag,
  createUpload,
  deleteEntry,
  deleteTag,
  getEntry,
  getTag,
  listTags,
  listEntrySnapshots,
  publishContentType,
  publishEntry,
  restoreEntrySnapshot,
  saveContentType,
  updateAsset,
  updateEntry,
  updateTag,
} from './index.js';

let dir: Awaited<ReturnType<typeof tempDir>>;
let store: Store;
let storage: FileStorage;
let scope: Scope;

const admin: Actor = { kind: 'apiKey', id: 'key-1', role: 'admin' };
const editor: Actor = { kind: 'user', id: 'eve', role: 'editor' };
const amy: Actor = { kind: 'user', id: 'amy', role: 'author' };
const bob: Actor = { kind: 'user', id: 'bob', role: 'author' };
const viewer: Actor = { kind: 'user', id: 'val', role: 'viewer' };
const en = (v: unknown) => ({ 'en-US': v as never });

const denied = async (p: Promise<unknown>) => expect(p).rejects.toMatchObject({ id: 'AccessDenied', status: 403 });

beforeAll(async () => {
  dir = await tempDir('folio-permissions-');
  store = await openStore({ sqlitePath: path.join(dir.dir, 'folio.db') });
  storage = createFsStorage(path.join(dir.dir, 'files'));
  scope = await ensureSpace(store, 'test');
  await saveContentType(store, scope, 'post', { name: 'Post', description: null, displayField: 'title', fields: [field('title', 'Symbol')] }, undefined, admin);
  await publishContentType(store, scope, 'post', undefined, admin);
});
afterAll(async () => {
  await store.close();
  await dir.remove();
});

describe('operations check the actor', () => {
  it('let viewers read and nothing else', async () => {
    const post = await createEntry(store, scope, { contentTypeId: 'post', fields: { title: en('Hi') } }, admin);
    expect((await getEntry(store, scope, post.sys.id, viewer)).sys.createdBy).toBe('key-1');
    await denied(createEntry(store, scope, { contentTypeId: 'post', fields: {} }, viewer));
    await denied(updateEntry(store, scope, { id: post.sys.id, fields: { title: en('x') } }, viewer));
    await denied(publishEntry(store, scope, { id: post.sys.id }, viewer));
    await denied(deleteEntry(store, scope, { id: post.sys.id }, viewer));
    await denied(createAsset(store, scope, { ...{ title: en('x'), description: {}, file: {} }, id: 'a1' }, viewer));
    await denied(createUpload(store, storage, 'test', Readable.from([Buffer.from('x')]), 100, viewer));
    expect((await store.entries.get(scope, post.sys.id))?.sys.version).toBe(1);
  });

  it('let authors change and delete only their own drafts, until they are published', async () => {
    const mine = await createEntry(store, scope, { contentTypeId: 'post', fields: { title: en('Mine') } }, amy);
    expect(mine.sys).toMatchObject({ createdBy: 'amy', updatedBy: 'amy' });
    const edited = await updateEntry(store, scope, { id: mine.sys.id, fields: { title: en('Mine, edited') }, version: 1 }, amy);
    expect(edited.sys.updatedBy).toBe('amy');
    await denied(updateEntry(store, scope, { id: mine.sys.id, fields: { title: en('Not yours') }, version: 2 }, bob));
    await denied(deleteEntry(store, scope, { id: mine.sys.id }, bob));
    await denied(publishEntry(store, scope, { id: mine.sys.id }, amy));
    await denied(archiveEntry(store, scope, { id: mine.sys.id }, amy));

    const published = await publishEntry(store, scope, { id: mine.sys.id, version: 2 }, editor);
    expect(published.sys).toMatchObject({ createdBy: 'amy', publishedBy: 'eve' });
    await denied(updateEntry(store, scope, { id: mine.sys.id, fields: { title: en('After publish') }, version: 3 }, amy));
    await denied(restoreEntrySnapshot(store, scope, { id: mine.sys.id, snapshotId: (await listEntrySnapshots(store, scope, mine.sys.id, {}, amy)).items[0]!.id, version: 3 }, amy));

    const draft = await createEntry(store, scope, { contentTypeId: 'post', fields: { title: en('Scrap') } }, amy);
    await deleteEntry(store, scope, { id: draft.sys.id }, amy);
    expect(await store.entries.get(scope, draft.sys.id)).toBeUndefined();
  });

  it('let authors keep their own assets, not others', async () => {
    const asset = await createAsset(store, scope, { ...{ title: en('Pic'), description: {}, file: {} }, id: 'amys-asset' }, amy);
    expect(asset.sys.createdBy).toBe('amy');
    await updateAsset(store, scope, { ...{ title: en('Pic 2'), description: {}, file: {} }, id: asset.sys.id, version: 1 }, amy);
    await denied(updateAsset(store, scope, { ...{ title: en('Mine now'), description: {}, file: {} }, id: asset.sys.id, version: 2 }, bob));
  });

  it('keep the model, locales and API keys to admins', async () => {
    const body = { name: 'X', description: null, displayField: null, fields: [] };
    for (const actor of [editor, amy, viewer]) {
      await denied(saveContentType(store, scope, 'x', body, undefined, actor));
      await denied(publishContentType(store, scope, 'post', undefined, actor));
      await denied(createLocale(store, scope, { code: 'de-DE', name: 'German', fallbackCode: null, optional: true, contentDeliveryApi: true, contentManagementApi: true }, actor));
      await denied(createApiKey(store, 'test', { name: 'k', description: null, environments: ['master'] }, actor));
    }
    expect(await store.contentTypes.get(scope, 'x')).toBeUndefined();
    expect((await saveContentType(store, scope, 'x', body, undefined, admin)).sys.createdBy).toBe('key-1');
  });

  it('keep tag management to admins; everyone reads tags and may tag what they can edit', async () => {
    for (const actor of [editor, amy, viewer]) {
      await denied(createTag(store, scope, { id: 'news', name: 'News', visibility: 'public' }, actor));
    }
    expect(await store.tags.get(scope, 'news')).toBeUndefined();
    const tag = await createTag(store, scope, { id: 'news', name: 'News', visibility: 'public' }, admin);
    expect((await listTags(store, scope, {}, viewer)).items.map((t) => t.id)).toContain('news');
    expect((await getTag(store, scope, 'news', amy)).name).toBe('News');
    await denied(updateTag(store, scope, 'news', 'Renamed', tag.version, editor));
    await denied(deleteTag(store, scope, 'news', tag.version, editor));

    const post = await createEntry(store, scope, { contentTypeId: 'post', fields: { title: en('Tagged') }, metadata: { tags: ['news'] } }, amy);
    expect(post.metadata.tags).toEqual(['news']);
    // Leaving metadata out keeps the tags; an empty list removes them.
    const kept = await updateEntry(store, scope, { id: post.sys.id, fields: { title: en('Tagged, edited') }, version: 1 }, amy);
    expect(kept.metadata.tags).toEqual(['news']);
    await denied(updateEntry(store, scope, { id: post.sys.id, fields: { title: en('x') }, version: 2, metadata: { tags: [] } }, viewer));
    expect((await updateEntry(store, scope, { id: post.sys.id, fields: kept.fields, version: 2, metadata: { tags: [] } }, amy)).metadata.tags).toEqual([]);
    await deleteTag(store, scope, 'news', tag.version, admin);
    expect(await store.tags.get(scope, 'news')).toBeUndefined();
  });

  it('let editors restore a snapshot as a new draft version', async () => {
    const post = await createEntry(store, scope, { contentTypeId: 'post', fields: { title: en('One') } }, editor);
    await publishEntry(store, scope, { id: post.sys.id, version: 1 }, editor);
    const two = await updateEntry(store, scope, { id: post.sys.id, fields: { title: en('Two') }, version: 2 }, editor);
    const [first] = (await listEntrySnapshots(store, scope, post.sys.id, {}, viewer)).items;
    const restored = await restoreEntrySnapshot(store, scope, { id: post.sys.id, snapshotId: first!.id, version: two.sys.version }, editor);
    expect(restored.fields.title).toEqual(en('One'));
    expect(restored.sys.version).toBe(two.sys.version + 1);
  });
});
