/** Environments, clones and aliases: part of the Store contract (runs on SQLite and PostgreSQL). */
import { describe, expect, it } from 'vitest';
import { FolioError } from '../errors/index.js';
import { defineField as field } from './define-field.js';
import type { Store } from './store.js';
import type { Condition, Scope } from './types.js';

const en = <T>(v: T) => ({ 'en-US': v as never });
const link = (linkType: 'Entry' | 'Asset', id: string) => ({ sys: { type: 'Link', linkType, id } });

async function failureId(p: Promise<unknown>): Promise<string> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(FolioError);
  return (err as FolioError).id;
}

export function describeEnvironmentContract(given: () => { store: Store; scope: Scope }) {
  describe('environments: clone, delete, aliases', () => {
    /** A source with every kind of row a clone copies: locale, model, drafts and published, a tag, an editor interface, links, text. */
    async function fill(store: Store, scope: Scope) {
      await store.locales.create(scope, { code: 'en-US', name: 'English', default: true, fallbackCode: null, optional: false, contentDeliveryApi: true, contentManagementApi: true });
      await store.contentTypes.update(scope, 'post', { name: 'Post', description: null, displayField: 'title', fields: [field('title', 'Symbol'), field('next', 'Link', { linkType: 'Entry' }), field('image', 'Link', { linkType: 'Asset' })] });
      await store.contentTypes.publish(scope, 'post');
      await store.tags.create(scope, { id: 'news', name: 'News', visibility: 'public' });
      await store.assets.create(scope, { id: 'pic', fields: { title: en('Picture') } });
      await store.entries.create(scope, { id: 'a', contentTypeId: 'post', fields: { title: en('Apricot jam') } });
      await store.entries.create(scope, { id: 'b', contentTypeId: 'post', fields: { title: en('Blueberry pie'), next: en(link('Entry', 'a')), image: en(link('Asset', 'pic')) } });
      await store.entries.publish(scope, 'b');
      await store.documents.create(scope, 'EditorInterface', { id: 'default', parentId: 'post', body: { controls: [{ fieldId: 'title', widgetId: 'singleLine' }] } });
    }
    const match = (text: string): Condition[] => [{ op: 'match', text }];

    it('clones every kind of row in one step, and the copy is independent of its source', async () => {
      const { store, scope } = given();
      await fill(store, scope);
      const staging = { spaceId: scope.spaceId, environmentId: 'staging' };
      expect(await store.environments.create(scope.spaceId, { id: 'staging', name: 'Staging', status: 'queued' })).toMatchObject({ status: 'queued', version: 1 });
      const before = await store.changes.latest();
      expect(await store.environments.clone(scope.spaceId, 'master', 'staging')).toMatchObject({ id: 'staging', status: 'ready' });
      expect(await store.changes.latest()).toBeGreaterThan(before);

      expect((await store.locales.list(staging)).map((l) => l.code)).toEqual(['en-US']);
      expect(await store.contentTypes.getPublished(staging, 'post')).toMatchObject({ name: 'Post' });
      expect((await store.entries.list(staging)).items.map((e) => e.sys.id)).toEqual((await store.entries.list(scope)).items.map((e) => e.sys.id));
      expect((await store.entries.getPublished(staging, 'b'))?.fields).toEqual((await store.entries.getPublished(scope, 'b'))?.fields);
      expect(await store.entries.get(staging, 'a')).toEqual(await store.entries.get(scope, 'a'));
      expect(await store.assets.get(staging, 'pic')).toMatchObject({ fields: { title: en('Picture') } });
      expect((await store.tags.list(staging)).items.map((t) => t.id)).toEqual(['news']);
      expect((await store.documents.get(staging, 'EditorInterface', 'default'))?.body).toEqual({ controls: [{ fieldId: 'title', widgetId: 'singleLine' }] });
      // Link rows and the search index came along: both queries answer in the copy.
      expect((await store.entries.list(staging, { where: [{ op: 'linksTo', linkType: 'Entry', ids: ['a'] }] })).items.map((e) => e.sys.id)).toEqual(['b']);
      expect((await store.entries.list(staging, { where: [{ op: 'linksTo', linkType: 'Asset', ids: ['pic'] }] })).items.map((e) => e.sys.id)).toEqual(['b']);
      expect((await store.entries.list(staging, { where: match('blueber') })).items.map((e) => e.sys.id)).toEqual(['b']);
      expect((await store.entries.listPublished(staging, { where: match('pie') })).items.map((e) => e.sys.id)).toEqual(['b']);
      expect((await store.changes.list(staging, { after: 0, limit: 10, includeDeleted: false })).map((c) => c.id)).toEqual(['b']);

      // Writes to the copy leave the source alone, and the other way round.
      const a = await store.entries.update(staging, 'a', { contentTypeId: 'post', fields: { title: en('Avocado toast') } }, 1);
      expect(a.sys.version).toBe(2);
      expect((await store.entries.get(scope, 'a'))?.fields).toEqual({ title: en('Apricot jam') });
      expect((await store.entries.list(scope, { where: match('avocado') })).items).toEqual([]);
      expect((await store.entries.list(staging, { where: match('avocado') })).items.map((e) => e.sys.id)).toEqual(['a']);
      await store.entries.delete(scope, 'a');
      expect(await store.entries.get(staging, 'a')).toBeDefined();
    });

    it('refuses clones from or into environments that do not exist, and leaves nothing behind', async () => {
      const { store, scope } = given();
      expect(await failureId(store.environments.clone(scope.spaceId, 'nope', 'master'))).toBe('NotFound');
      expect(await failureId(store.environments.clone(scope.spaceId, 'master', 'nope'))).toBe('NotFound');
      await store.environments.create(scope.spaceId, { id: 'twice', name: 'Twice', status: 'queued' });
      await store.environments.clone(scope.spaceId, 'master', 'twice');
      // A second clone into a filled environment breaks a key: the transaction undoes all of it.
      await store.entries.create({ ...scope, environmentId: 'twice' }, { id: 'extra', contentTypeId: 'post', fields: {} });
      await expect(store.environments.clone(scope.spaceId, 'master', 'twice')).rejects.toThrow();
      expect((await store.entries.list({ ...scope, environmentId: 'twice' })).items.map((e) => e.sys.id)).toEqual(['extra']);
    });

    it('deletes an environment with all it holds, but not while an alias targets it', async () => {
      const { store, scope } = given();
      await fill(store, scope);
      await store.environments.create(scope.spaceId, { id: 'gone', name: 'Gone', status: 'queued' });
      await store.environments.clone(scope.spaceId, 'master', 'gone');
      await store.environmentAliases.put(scope.spaceId, 'master', 'gone');
      expect(await failureId(store.environments.delete(scope.spaceId, 'gone'))).toBe('BadRequest');
      await store.environmentAliases.put(scope.spaceId, 'master', 'master', 1);
      await store.environments.delete(scope.spaceId, 'gone');
      const gone = { spaceId: scope.spaceId, environmentId: 'gone' };
      expect(await store.environments.get(scope.spaceId, 'gone')).toBeUndefined();
      expect((await store.entries.list(gone)).total).toBe(0);
      expect((await store.tags.list(gone)).total).toBe(0);
      expect(await store.documents.get(gone, 'EditorInterface', 'default')).toBeUndefined();
      // A new environment of the same id starts clean: no search or link rows were left.
      await store.environments.create(scope.spaceId, { id: 'gone', name: 'Again', status: 'queued' });
      await store.environments.clone(scope.spaceId, 'master', 'gone');
      expect((await store.entries.list(gone, { where: match('blueberry') })).items.map((e) => e.sys.id)).toEqual(['b']);
      expect(await failureId(store.environments.delete(scope.spaceId, 'nope'))).toBe('NotFound');
    });

    it('resolves ids through aliases, with versions, and master stays the real master without one', async () => {
      const { store, scope } = given();
      expect(await store.environments.resolve(scope.spaceId, 'master')).toMatchObject({ environment: { id: 'master' } });
      expect(await store.environments.resolve(scope.spaceId, 'master')).not.toHaveProperty('aliasId');
      expect(await store.environments.resolve(scope.spaceId, 'nope')).toBeUndefined();
      await store.environments.create(scope.spaceId, { id: 'next', name: 'Next' });
      const alias = await store.environmentAliases.put(scope.spaceId, 'master', 'next');
      expect(alias).toMatchObject({ id: 'master', environmentId: 'next', version: 1 });
      expect(await store.environments.resolve(scope.spaceId, 'master')).toMatchObject({ environment: { id: 'next' }, aliasId: 'master' });
      expect(await failureId(store.environmentAliases.put(scope.spaceId, 'master', 'master', 7))).toBe('VersionMismatch');
      expect(await failureId(store.environmentAliases.put(scope.spaceId, 'master', 'nope', 1))).toBe('NotFound');
      expect(await store.environmentAliases.put(scope.spaceId, 'master', 'master', 1)).toMatchObject({ environmentId: 'master', version: 2 });
      expect((await store.environments.resolve(scope.spaceId, 'master'))?.environment.id).toBe('master');
      expect(await failureId(store.environmentAliases.put(scope.spaceId, 'next', 'master'))).toBe('BadRequest');
      expect(await failureId(store.environmentAliases.delete(scope.spaceId, 'master'))).toBe('BadRequest');
      await store.environmentAliases.put(scope.spaceId, 'live', 'next');
      expect((await store.environmentAliases.list(scope.spaceId)).map((a) => a.id)).toEqual(['live', 'master']);
      await store.environmentAliases.delete(scope.spaceId, 'live');
      expect(await store.environmentAliases.get(scope.spaceId, 'live')).toBeUndefined();
      expect(await failureId(store.environmentAliases.delete(scope.spaceId, 'live'))).toBe('NotFound');
    });
  });
}
