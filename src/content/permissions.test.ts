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
  archiveAsset,
  archiveEntry,
  createApiKey,
  createAsset,
  createAssetFromFile,
  deleteApiKey,
  deleteAsset,
  deleteContentType,
  deleteLocale,
  patchEntry,
  patchEntryFields,
  processAssetFile,
  publishAsset,
  unarchiveAsset,
  unarchiveEntry,
  unpublishAsset,
  unpublishContentType,
  unpublishEntry,
  updateApiKey,
  updateAssetLocale,
  updateLocale,
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
  await saveContentType(store, scope, { id: 'post', body: { name: 'Post', description: null, displayField: 'title', fields: [field('title', 'Symbol')] } }, admin);
  await publishContentType(store, scope, { id: 'post' }, admin);
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
    await denied(createAsset(store, scope, { id: 'a1', title: en('x'), description: {}, file: {} }, viewer));
    await denied(createUpload(store, storage, 'test', Readable.from([Buffer.from('x')]), 100, viewer));
    expect((await store.entries.get(scope, post.sys.id))?.sys.version).toBe(1);
  });

  it('refuse every write without an actor, before any work (no actor is not the system)', async () => {
    const post = await createEntry(store, scope, { contentTypeId: 'post', fields: { title: en('Kept') } }, admin);
    const pic = await createAsset(store, scope, { id: 'kept-asset', title: en('Kept'), description: {}, file: {} }, admin);
    const before = JSON.stringify([await store.entries.get(scope, post.sys.id), await store.assets.get(scope, pic.sys.id), await store.contentTypes.get(scope, 'post')]);
    const none = undefined as unknown as Actor;
    const target = { id: post.sys.id, version: post.sys.version };
    const asset = { id: pic.sys.id, version: pic.sys.version };
    // Bytes that would fail ingest: refused for the actor first, so ingest never runs.
    const bytes = { fileName: 'x.png', contentType: 'image/png', data: Buffer.from('not a png') };
    const codec = { toDocument: () => ({}), fromDocument: () => ({ fields: {}, metadata: undefined }) };
    const writes: Array<[string, () => Promise<unknown>]> = [
      ['createEntry', () => createEntry(store, scope, { contentTypeId: 'post', fields: {} }, none)],
      ['updateEntry', () => updateEntry(store, scope, { ...target, fields: {} }, none)],
      ['patchEntry', () => patchEntry(store, scope, { ...target, operations: [], codec }, none)],
      ['patchEntryFields', () => patchEntryFields(store, scope, { ...target, changes: [{ field: 'title', locale: 'en-US', value: 'x' }] }, none)],
      ['publishEntry', () => publishEntry(store, scope, target, none)],
      ['unpublishEntry', () => unpublishEntry(store, scope, target, none)],
      ['archiveEntry', () => archiveEntry(store, scope, target, none)],
      ['unarchiveEntry', () => unarchiveEntry(store, scope, target, none)],
      ['deleteEntry', () => deleteEntry(store, scope, target, none)],
      ['createAsset', () => createAsset(store, scope, { id: 'nobodys', title: en('x'), description: {}, file: {} }, none)],
      ['createAssetFromFile', () => createAssetFromFile(store, storage, scope, { locale: 'en-US', title: 'x', description: 'x', file: bytes }, none)],
      ['updateAsset', () => updateAsset(store, scope, { ...asset, title: en('x'), description: {}, file: {} }, none)],
      ['updateAssetLocale', () => updateAssetLocale(store, scope, { ...asset, locale: 'en-US', title: 'x' }, none)],
      ['processAssetFile', () => processAssetFile(store, storage, scope, { id: pic.sys.id, locale: 'en-US' }, none)],
      ['publishAsset', () => publishAsset(store, scope, asset, none)],
      ['unpublishAsset', () => unpublishAsset(store, scope, asset, none)],
      ['archiveAsset', () => archiveAsset(store, scope, asset, none)],
      ['unarchiveAsset', () => unarchiveAsset(store, scope, asset, none)],
      ['deleteAsset', () => deleteAsset(store, scope, asset, none)],
      ['saveContentType', () => saveContentType(store, scope, { id: 'post', body: { name: 'X', description: null, displayField: null, fields: [] } }, none)],
      ['publishContentType', () => publishContentType(store, scope, { id: 'post' }, none)],
      ['unpublishContentType', () => unpublishContentType(store, scope, { id: 'post' }, none)],
      ['deleteContentType', () => deleteContentType(store, scope, { id: 'post' }, none)],
      ['createLocale', () => createLocale(store, scope, { code: 'fr-FR', name: 'French', fallbackCode: null, optional: true, contentDeliveryApi: true, contentManagementApi: true }, none)],
      ['updateLocale', () => updateLocale(store, scope, { id: 'any', changes: { name: 'x' } }, none)],
      ['deleteLocale', () => deleteLocale(store, scope, 'any', none)],
      ['createTag', () => createTag(store, scope, { id: 'nobodys', name: 'x', visibility: 'public' }, none)],
      ['updateTag', () => updateTag(store, scope, { id: 'nobodys', name: 'x' }, none)],
      ['deleteTag', () => deleteTag(store, scope, { id: 'nobodys' }, none)],
      ['createApiKey', () => createApiKey(store, 'test', { name: 'k', description: null, environments: ['master'] }, none)],
      ['updateApiKey', () => updateApiKey(store, 'test', 'any', { name: 'k', description: null, environments: ['master'] }, undefined, none)],
      ['deleteApiKey', () => deleteApiKey(store, 'test', 'any', none)],
      ['createUpload', () => createUpload(store, storage, 'test', Readable.from([Buffer.from('x')]), 100, none)],
    ];
    for (const [name, write] of writes) await expect(write(), name).rejects.toMatchObject({ id: 'AccessDenied', status: 403 });
    expect(JSON.stringify([await store.entries.get(scope, post.sys.id), await store.assets.get(scope, pic.sys.id), await store.contentTypes.get(scope, 'post')])).toBe(before);
    expect(await store.assets.get(scope, 'nobodys')).toBeUndefined();
    expect(await store.tags.get(scope, 'nobodys')).toBeUndefined();
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
    const asset = await createAsset(store, scope, { id: 'amys-asset', title: en('Pic'), description: {}, file: {} }, amy);
    expect(asset.sys.createdBy).toBe('amy');
    await updateAsset(store, scope, { id: asset.sys.id, version: 1, title: en('Pic 2'), description: {}, file: {} }, amy);
    await denied(updateAsset(store, scope, { id: asset.sys.id, version: 2, title: en('Mine now'), description: {}, file: {} }, bob));
  });

  it('keep the model, locales and API keys to admins', async () => {
    const body = { name: 'X', description: null, displayField: null, fields: [] };
    for (const actor of [editor, amy, viewer]) {
      await denied(saveContentType(store, scope, { id: 'x', body }, actor));
      await denied(publishContentType(store, scope, { id: 'post' }, actor));
      await denied(createLocale(store, scope, { code: 'de-DE', name: 'German', fallbackCode: null, optional: true, contentDeliveryApi: true, contentManagementApi: true }, actor));
      await denied(createApiKey(store, 'test', { name: 'k', description: null, environments: ['master'] }, actor));
    }
    expect(await store.contentTypes.get(scope, 'x')).toBeUndefined();
    expect((await saveContentType(store, scope, { id: 'x', body }, admin)).sys.createdBy).toBe('key-1');
  });

  it('keep tag management to admins; everyone reads tags and may tag what they can edit', async () => {
    for (const actor of [editor, amy, viewer]) {
      await denied(createTag(store, scope, { id: 'news', name: 'News', visibility: 'public' }, actor));
    }
    expect(await store.tags.get(scope, 'news')).toBeUndefined();
    const tag = await createTag(store, scope, { id: 'news', name: 'News', visibility: 'public' }, admin);
    expect((await listTags(store, scope, {}, viewer)).items.map((t) => t.id)).toContain('news');
    expect((await getTag(store, scope, 'news', amy)).name).toBe('News');
    await denied(updateTag(store, scope, { id: 'news', name: 'Renamed', version: tag.version }, editor));
    await denied(deleteTag(store, scope, { id: 'news', version: tag.version }, editor));

    const post = await createEntry(store, scope, { contentTypeId: 'post', fields: { title: en('Tagged') }, metadata: { tags: ['news'] } }, amy);
    expect(post.metadata.tags).toEqual(['news']);
    // Leaving metadata out keeps the tags; an empty list removes them.
    const kept = await updateEntry(store, scope, { id: post.sys.id, fields: { title: en('Tagged, edited') }, version: 1 }, amy);
    expect(kept.metadata.tags).toEqual(['news']);
    await denied(updateEntry(store, scope, { id: post.sys.id, fields: { title: en('x') }, version: 2, metadata: { tags: [] } }, viewer));
    expect((await updateEntry(store, scope, { id: post.sys.id, fields: kept.fields, version: 2, metadata: { tags: [] } }, amy)).metadata.tags).toEqual([]);
    await deleteTag(store, scope, { id: 'news', version: tag.version }, admin);
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
