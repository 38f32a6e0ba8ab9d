/**
 * The one test suite every Store implementation passes (SQLite and PostgreSQL), as Hono runs
 * one suite over all its routers. Each `it` gets a fresh space, so tests never see each other.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FolioError } from '../errors/index.js';
import type { Store } from './store.js';
import { defineField as field } from './define-field.js';
import type { Condition, ContentTypeBody, OrderBy, Scope } from './types.js';
import { describeEventStoreContract } from './events.contract.js';
import { describeEnvironmentContract } from './environments.contract.js';


const postType: ContentTypeBody = {
  name: 'Post',
  description: 'A post',
  displayField: 'title',
  fields: [field('title', 'Symbol'), field('rank', 'Integer'), field('flag', 'Boolean')],
};

const en = <T>(v: T) => ({ 'en-US': v as never });

async function rejection(p: Promise<unknown>): Promise<FolioError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(FolioError);
  return err as FolioError;
}

export function describeStoreContract(name: string, open: () => Promise<Store>) {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    let scope: Scope;

    beforeAll(async () => {
      store = await open();
    });
    afterAll(() => store?.close());

    beforeEach(async () => {
      const spaceId = `s${randomBytes(5).toString('hex')}`;
      scope = { spaceId, environmentId: 'master' };
      await store.spaces.create({ id: spaceId, name: 'Test', defaultLocale: 'en-US' });
      await store.environments.create(spaceId, { id: 'master', name: 'master' });
      await store.contentTypes.create(scope, { ...postType, id: 'post' });
    });

    const post = (id: string, title: string, rank?: number) =>
      store.entries.create(scope, { id, contentTypeId: 'post', fields: { title: en(title), ...(rank === undefined ? {} : { rank: en(rank) }) } });

    describe('editorial status and authors', () => {
      it('filters and sorts drafts on their status and on who created or last changed them, in SQL', async () => {
        await store.entries.create(scope, { id: 'd', contentTypeId: 'post', fields: { title: en('draft') } }, 'alice');
        await store.entries.create(scope, { id: 'p', contentTypeId: 'post', fields: { title: en('published') } }, 'alice');
        await store.entries.publish(scope, 'p', 1, 'alice');
        await store.entries.create(scope, { id: 'c', contentTypeId: 'post', fields: { title: en('changed') } }, 'bob');
        await store.entries.publish(scope, 'c', 1, 'bob');
        await store.entries.update(scope, 'c', { contentTypeId: 'post', fields: { title: en('changed again') } }, 2, 'alice');
        await store.entries.create(scope, { id: 'a', contentTypeId: 'post', fields: { title: en('archived') } }, 'bob');
        await store.entries.archive(scope, 'a', 1, 'bob');
        const ids = async (where: Condition[], order?: OrderBy[]) =>
          (await store.entries.list(scope, { where, ...(order ? { order } : {}) })).items.map((e) => e.sys.id);
        for (const [status, id] of [['draft', 'd'], ['published', 'p'], ['changed', 'c'], ['archived', 'a']] as const) {
          expect(await ids([{ sys: 'status', op: 'eq', value: status }])).toEqual([id]);
        }
        expect(await ids([], [{ sys: 'status', direction: 'asc' }])).toEqual(['a', 'c', 'd', 'p']);
        expect((await ids([{ sys: 'createdBy', op: 'eq', value: 'bob' }])).sort()).toEqual(['a', 'c']);
        expect((await ids([{ sys: 'updatedBy', op: 'eq', value: 'alice' }])).sort()).toEqual(['c', 'd', 'p']);
        // A published snapshot is published, whatever its draft became.
        expect((await store.entries.listPublished(scope, { where: [{ sys: 'status', op: 'eq', value: 'published' }] })).items.map((e) => e.sys.id).sort()).toEqual(['c', 'p']);
      });
    });

    describe('spaces, environments, locales', () => {
      it('creates and reads them back', async () => {
        expect(await store.spaces.get(scope.spaceId)).toMatchObject({ id: scope.spaceId, name: 'Test', defaultLocale: 'en-US' });
        expect((await store.spaces.list()).map((s) => s.id)).toContain(scope.spaceId);
        expect((await store.environments.list(scope.spaceId)).map((e) => e.id)).toEqual(['master']);
        expect(await store.environments.get(scope.spaceId, 'nope')).toBeUndefined();
        const locale = await store.locales.create(scope, {
          code: 'en-US',
          name: 'English',
          default: true,
          fallbackCode: null,
          optional: false,
          contentDeliveryApi: true,
          contentManagementApi: true,
        });
        await store.locales.create(scope, {
          code: 'de-DE',
          name: 'German',
          default: false,
          fallbackCode: 'en-US',
          optional: true,
          contentDeliveryApi: true,
          contentManagementApi: true,
        });
        expect(locale).toMatchObject({ code: 'en-US', default: true, version: 1 });
        expect((await store.locales.list(scope)).map((l) => [l.code, l.default, l.fallbackCode])).toEqual([
          ['en-US', true, null],
          ['de-DE', false, 'en-US'],
        ]);
      });

      it('refuses duplicates with a clear error', async () => {
        const space = await rejection(store.spaces.create({ id: scope.spaceId, name: 'Again', defaultLocale: 'en-US' }));
        expect([space.id, space.message]).toEqual(['ValidationFailed', `Space "${scope.spaceId}" already exists`]);
        expect((await rejection(store.environments.create(scope.spaceId, { id: 'master', name: 'x' }))).id).toBe('ValidationFailed');
      });

      it('renames a space with a version check', async () => {
        const before = (await store.spaces.get(scope.spaceId))!;
        const renamed = await store.spaces.rename(scope.spaceId, 'Renamed', before.version);
        expect([renamed.name, renamed.version]).toEqual(['Renamed', before.version + 1]);
        expect(await rejection(store.spaces.rename(scope.spaceId, 'Stale', before.version))).toMatchObject({ code: 'VERSION_MISMATCH' });
        expect(await rejection(store.spaces.rename('nowhere', 'X', 1))).toMatchObject({ code: 'NOT_FOUND' });
        await store.spaces.rename(scope.spaceId, before.name, renamed.version);
      });

      it('refuses what belongs to a space or environment that does not exist', async () => {
        expect((await rejection(store.environments.create('ghost', { id: 'master', name: 'x' }))).id).toBe('NotFound');
        const nowhere = { spaceId: scope.spaceId, environmentId: 'ghost' };
        const locale = { code: 'en-US', name: 'English', default: true, fallbackCode: null, optional: false, contentDeliveryApi: true, contentManagementApi: true };
        expect((await rejection(store.locales.create(nowhere, locale))).id).toBe('NotFound');
        expect((await rejection(store.assets.create(nowhere, { fields: {} }))).id).toBe('NotFound');
        expect((await rejection(store.apiKeys.create({ spaceId: 'ghost', kind: 'delivery', name: 'x', tokenHash: 'f'.repeat(64), environments: [] }))).id).toBe('NotFound');
      });
    });

    describe('versions', () => {
      it('follow Contentful through create, update, publish, unpublish', async () => {
        const created = await post('p', 'One');
        expect(created.sys).toMatchObject({ id: 'p', version: 1, publishedVersion: null, publishedCounter: 0, publishedAt: null, firstPublishedAt: null, contentTypeId: 'post' });
        expect(created.sys.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

        const updated = await store.entries.update(scope, 'p', { contentTypeId: 'post', fields: { title: en('Two') } }, 1);
        expect(updated.sys).toMatchObject({ version: 2, publishedVersion: null });

        const published = await store.entries.publish(scope, 'p', 2);
        expect(published.sys).toMatchObject({ version: 3, publishedVersion: 2, publishedCounter: 1 });
        const firstPublishedAt = published.sys.firstPublishedAt;
        expect(firstPublishedAt).toBe(published.sys.publishedAt);

        await store.entries.update(scope, 'p', { contentTypeId: 'post', fields: { title: en('Three') } });
        const again = await store.entries.publish(scope, 'p');
        expect(again.sys).toMatchObject({ version: 5, publishedVersion: 4, publishedCounter: 2, firstPublishedAt });

        const unpublished = await store.entries.unpublish(scope, 'p');
        expect(unpublished.sys).toMatchObject({ version: 6, publishedVersion: null, publishedAt: null, publishedCounter: 2, firstPublishedAt });
        expect(await store.entries.getPublished(scope, 'p')).toBeUndefined();
        expect((await store.entries.get(scope, 'p'))?.sys.version).toBe(6);
      });

      it('keeps the published snapshot apart from later draft edits', async () => {
        await post('p', 'Published title');
        const published = await store.entries.publish(scope, 'p');
        await store.entries.update(scope, 'p', { contentTypeId: 'post', fields: { title: en('Draft title') } });
        const snapshot = await store.entries.getPublished(scope, 'p');
        expect(snapshot?.fields.title).toEqual(en('Published title'));
        expect(snapshot?.sys).toEqual(published.sys);
        expect((await store.entries.get(scope, 'p'))?.fields.title).toEqual(en('Draft title'));
      });

      it('refuses a stale version and changes nothing', async () => {
        await post('p', 'One');
        const err = await rejection(store.entries.update(scope, 'p', { contentTypeId: 'post', fields: { title: en('x') } }, 7));
        expect(err.id).toBe('VersionMismatch');
        expect((await rejection(store.entries.publish(scope, 'p', 2))).id).toBe('VersionMismatch');
        expect(await store.entries.get(scope, 'p')).toMatchObject({ sys: { version: 1 }, fields: { title: en('One') } });
      });

      it('lets exactly one of two concurrent writers with the same version win', async () => {
        await post('p', 'One');
        const results = await Promise.allSettled(
          ['A', 'B', 'C'].map((t) => store.entries.update(scope, 'p', { contentTypeId: 'post', fields: { title: en(t) } }, 1)),
        );
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        expect((await store.entries.get(scope, 'p'))?.sys.version).toBe(2);
      });

      it('versions content types and assets the same way', async () => {
        const ct = await store.contentTypes.publish(scope, 'post');
        expect(ct).toMatchObject({ name: 'Post', displayField: 'title', sys: { version: 2, publishedVersion: 1 } });
        expect((await store.contentTypes.getPublished(scope, 'post'))?.fields.map((f) => f.id)).toEqual(['title', 'rank', 'flag']);
        const asset = await store.assets.create(scope, { fields: { title: en('Pic') } });
        expect(asset.sys.id).toMatch(/^[0-9A-Za-z]{22}$/);
        expect((await store.assets.publish(scope, asset.sys.id)).sys.publishedCounter).toBe(1);
        expect((await store.assets.listPublished(scope)).items.map((a) => a.fields.title)).toEqual([en('Pic')]);
      });
    });

    describe('errors', () => {
      it('says NOT_FOUND for unknown ids', async () => {
        for (const attempt of [
          () => store.entries.update(scope, 'ghost', { contentTypeId: 'post', fields: {} }),
          () => store.entries.publish(scope, 'ghost'),
          () => store.entries.unpublish(scope, 'ghost'),
          () => store.entries.delete(scope, 'ghost'),
        ]) {
          expect((await rejection(attempt())).id).toBe('NotFound');
        }
        expect(await store.entries.get(scope, 'ghost')).toBeUndefined();
      });

      it('refuses a duplicate id, an unknown content type, and unpublishing a draft', async () => {
        await post('p', 'One');
        const duplicate = await rejection(post('p', 'Again'));
        expect([duplicate.id, duplicate.message]).toEqual(['ValidationFailed', 'Entry "p" already exists']);
        expect((await rejection(store.entries.create(scope, { contentTypeId: 'ghost', fields: {} }))).id).toBe('ValidationFailed');
        expect((await rejection(store.entries.unpublish(scope, 'p'))).id).toBe('BadRequest');
        expect((await store.entries.get(scope, 'p'))?.fields.title).toEqual(en('One'));
      });

      it('refuses to delete what is published, and deletes drafts', async () => {
        await post('p', 'One');
        await store.entries.publish(scope, 'p');
        expect((await rejection(store.entries.delete(scope, 'p'))).id).toBe('BadRequest');
        expect((await store.entries.getPublished(scope, 'p'))?.fields.title).toEqual(en('One'));
        expect((await store.entries.get(scope, 'p'))?.sys.version).toBe(2);
        await store.entries.unpublish(scope, 'p');
        await store.entries.delete(scope, 'p');
        expect(await store.entries.get(scope, 'p')).toBeUndefined();
      });

      it('never lets a delete racing a publish leave a snapshot without its entry', async () => {
        await post('p', 'One');
        const [deleted, published] = await Promise.allSettled([store.entries.delete(scope, 'p'), store.entries.publish(scope, 'p')]);
        const draft = await store.entries.get(scope, 'p');
        const snapshot = await store.entries.getPublished(scope, 'p');
        if (deleted.status === 'fulfilled') expect([draft, snapshot, published.status]).toEqual([undefined, undefined, 'rejected']);
        else expect([draft?.sys.publishedVersion, snapshot?.sys.publishedVersion, published.status]).toEqual([1, 1, 'fulfilled']);
      });
    });

    describe('lists', () => {
      beforeEach(async () => {
        await post('a', 'Apple', 3);
        await post('b', 'Banana', 10);
        await post('c', 'Cherry', 1);
        await store.entries.create(scope, { id: 'd', contentTypeId: 'post', fields: { title: en('Date'), flag: en(true) } });
        await store.entries.publish(scope, 'a');
        await store.entries.publish(scope, 'b');
      });

      it('filter by field values, sys ids and content type', async () => {
        const ids = async (q: Parameters<Store['entries']['list']>[1]) => (await store.entries.list(scope, q)).items.map((e) => e.sys.id);
        expect(await ids({ where: [{ field: 'title', locale: 'en-US', op: 'eq', value: 'Banana' }] })).toEqual(['b']);
        expect(await ids({ where: [{ field: 'rank', locale: 'en-US', op: 'eq', value: 10 }] })).toEqual(['b']);
        expect(await ids({ where: [{ field: 'flag', locale: 'en-US', op: 'eq', value: true }] })).toEqual(['d']);
        expect(await ids({ where: [{ field: 'title', locale: 'en-US', op: 'ne', value: 'Banana' }] })).toEqual(['a', 'c', 'd']);
        expect(await ids({ where: [{ field: 'title', locale: 'en-US', op: 'in', values: ['Cherry', 'Apple'] }] })).toEqual(['a', 'c']);
        expect(await ids({ where: [{ sys: 'id', op: 'in', values: ['d', 'b', 'zz'] }] })).toEqual(['b', 'd']);
        expect(await ids({ where: [{ sys: 'id', op: 'in', values: [] }] })).toEqual([]);
        expect(await ids({ where: [{ sys: 'id', op: 'eq', value: 'c' }] })).toEqual(['c']);
        expect(await ids({ contentTypeId: 'other' })).toEqual([]);
        const rank = { field: 'rank', locale: 'en-US' } as const;
        expect(await ids({ where: [{ ...rank, op: 'gte', value: 3 }] })).toEqual(['a', 'b']);
        expect(await ids({ where: [{ ...rank, op: 'lt', value: 3 }] })).toEqual(['c']);
        expect(await ids({ where: [{ ...rank, op: 'gt', value: 1 }, { ...rank, op: 'lte', value: 3 }] })).toEqual(['a']);
        expect(await ids({ where: [{ ...rank, op: 'nin', values: [3, 10] }] })).toEqual(['c', 'd']);
        expect(await ids({ where: [{ ...rank, op: 'exists', value: false }] })).toEqual(['d']);
        expect(await ids({ where: [{ ...rank, op: 'exists', value: true }] })).toEqual(['a', 'b', 'c']);
        expect(await ids({ where: [{ field: 'title', locale: 'en-US', op: 'lt', value: 'Bz' }] })).toEqual(['a', 'b']);
        const created = (await store.entries.get(scope, 'c'))!.sys.createdAt;
        // Creation times may share a millisecond, so only what the order guarantees is checked.
        expect(await ids({ where: [{ sys: 'createdAt', op: 'lte', value: created }] })).toEqual(expect.arrayContaining(['a', 'b', 'c']));
        expect(await ids({ where: [{ sys: 'createdAt', op: 'gt', value: created }] })).not.toEqual(expect.arrayContaining(['c']));
      });

      it('combine conditions with any (OR of AND groups) and not, a missing value counting as not holding', async () => {
        const ids = async (q: Parameters<Store['entries']['list']>[1]) => (await store.entries.list(scope, q)).items.map((e) => e.sys.id);
        const rank = { field: 'rank', locale: 'en-US' } as const;
        const title = { field: 'title', locale: 'en-US' } as const;
        expect(await ids({ where: [{ op: 'any', of: [[{ ...title, op: 'eq', value: 'Apple' }], [{ ...rank, op: 'lt', value: 3 }]] }] })).toEqual(['a', 'c']);
        expect(await ids({ where: [{ op: 'any', of: [[{ ...rank, op: 'gte', value: 3 }, { ...title, op: 'eq', value: 'Banana' }], [{ sys: 'id', op: 'eq', value: 'd' }]] }] })).toEqual(['b', 'd']);
        expect(await ids({ where: [{ op: 'any', of: [] }] })).toEqual([]);
        expect(await ids({ where: [{ op: 'not', condition: { ...rank, op: 'gte', value: 3 } }] })).toEqual(['c', 'd']);
        expect(await ids({ where: [{ op: 'not', condition: { op: 'any', of: [[{ ...title, op: 'eq', value: 'Apple' }], [{ sys: 'id', op: 'eq', value: 'd' }]] } }] })).toEqual(['b', 'c']);
      });

      it('find a part of a text value in any case, % and _ taken literally', async () => {
        const ids = async (q: Parameters<Store['entries']['list']>[1]) => (await store.entries.list(scope, q)).items.map((e) => e.sys.id);
        await post('e', '100%_Juice.PNG');
        const title = { field: 'title', locale: 'en-US' } as const;
        expect(await ids({ where: [{ ...title, op: 'contains', text: 'ANAN' }] })).toEqual(['b']);
        expect(await ids({ where: [{ ...title, op: 'contains', text: '0%_j' }] })).toEqual(['e']);
        expect(await ids({ where: [{ ...title, op: 'contains', text: '%' }] })).toEqual(['e']);
        expect(await ids({ where: [{ ...title, op: 'contains', text: 'a_p' }] })).toEqual([]);
        expect(await ids({ where: [{ field: 'rank', locale: 'en-US', op: 'contains', text: '1' }] })).toEqual(['b', 'c']);
      });

      it('filter drafts by editorial status as the editor computes it (publishedVersion + 1 is unchanged)', async () => {
        const ids = async (status: 'draft' | 'changed' | 'published' | 'archived') => (await store.entries.list(scope, { where: [{ op: 'status', status }] })).items.map((e) => e.sys.id);
        // a and b are published; change b; archive d; c stays a draft.
        const b = (await store.entries.get(scope, 'b'))!;
        await store.entries.update(scope, 'b', { contentTypeId: 'post', fields: { ...b.fields, title: en('Blueberry') } }, b.sys.version);
        await store.entries.archive(scope, 'd');
        expect(await ids('published')).toEqual(['a']);
        expect(await ids('changed')).toEqual(['b']);
        expect(await ids('draft')).toEqual(['c']);
        expect(await ids('archived')).toEqual(['d']);
        expect((await store.entries.listPublished(scope, { where: [{ op: 'status', status: 'published' }] })).items).toEqual([]);
      });

      it('filter and order by sys.firstPublishedAt and sys.publishedVersion, drafts and published alike', async () => {
        const a = (await store.entries.get(scope, 'a'))!;
        const b = (await store.entries.get(scope, 'b'))!;
        for (const list of [store.entries.list.bind(store.entries), store.entries.listPublished.bind(store.entries)]) {
          const ids = async (q: Parameters<Store['entries']['list']>[1]) => (await list(scope, q)).items.map((e) => e.sys.id);
          expect(await ids({ where: [{ sys: 'publishedVersion', op: 'eq', value: a.sys.publishedVersion! }, { sys: 'id', op: 'in', values: ['a', 'b'] }] })).toEqual(a.sys.publishedVersion === b.sys.publishedVersion ? ['a', 'b'] : ['a']);
          expect(await ids({ where: [{ sys: 'firstPublishedAt', op: 'gte', value: b.sys.firstPublishedAt! }] })).toContain('b');
          expect(await ids({ where: [{ sys: 'firstPublishedAt', op: 'exists', value: true }], order: [{ sys: 'firstPublishedAt', direction: 'desc' }, { sys: 'id', direction: 'desc' }] })).toEqual(
            a.sys.firstPublishedAt! > b.sys.firstPublishedAt! ? ['a', 'b'] : ['b', 'a'],
          );
        }
        expect((await store.entries.list(scope, { where: [{ sys: 'publishedVersion', op: 'exists', value: false }] })).items.map((e) => e.sys.id).sort()).toEqual(['c', 'd']);
      });

      it('find items by what they link to, in any field or one field, drafts and published apart', async () => {
        const link = (id: string) => ({ sys: { type: 'Link', linkType: 'Entry', id } });
        await store.contentTypes.update(scope, 'post', { ...postType, fields: [...postType.fields, field('next', 'Link', { linkType: 'Entry' }), field('tags', 'Array', { items: { type: 'Symbol' } })] });
        await store.entries.update(scope, 'c', { contentTypeId: 'post', fields: { title: en('Cherry'), next: en(link('a')), tags: en(['red', 'sweet']) } });
        await store.entries.update(scope, 'd', { contentTypeId: 'post', fields: { title: en('Date'), next: en(link('b')), tags: en(['sweet']) } });
        await store.entries.publish(scope, 'c');
        const ids = async (where: Condition[], published = false) =>
          (await (published ? store.entries.listPublished(scope, { where }) : store.entries.list(scope, { where }))).items.map((e) => e.sys.id);
        expect(await ids([{ op: 'linksTo', linkType: 'Entry', ids: ['a'] }])).toEqual(['c']);
        expect(await ids([{ op: 'linksTo', linkType: 'Entry', ids: ['a', 'b'], field: 'next' }])).toEqual(['c', 'd']);
        expect(await ids([{ op: 'linksTo', linkType: 'Entry', ids: ['a'], field: 'title' }])).toEqual([]);
        expect(await ids([{ op: 'linksTo', linkType: 'Asset', ids: ['a'] }])).toEqual([]);
        expect(await ids([{ op: 'linksTo', linkType: 'Entry', ids: ['a', 'b'] }], true)).toEqual(['c']);
        await store.entries.update(scope, 'c', { contentTypeId: 'post', fields: { title: en('Cherry') } });
        expect(await ids([{ op: 'linksTo', linkType: 'Entry', ids: ['a'] }])).toEqual([]);
        expect(await ids([{ op: 'linksTo', linkType: 'Entry', ids: ['a'] }], true)).toEqual(['c']);
        await store.entries.unpublish(scope, 'c');
        expect(await ids([{ op: 'linksTo', linkType: 'Entry', ids: ['a'] }], true)).toEqual([]);

        const tags = { field: 'tags', locale: 'en-US', op: 'has' } as const;
        expect(await ids([{ ...tags, mode: 'any', values: ['sweet'] }])).toEqual(['d']);
        expect(await ids([{ ...tags, mode: 'all', values: ['sweet', 'red'] }])).toEqual([]);
        expect(await ids([{ ...tags, mode: 'none', values: ['red'] }])).toEqual(['a', 'b', 'c', 'd']);
      });

      it('search full text by word prefix, in any field or one, drafts and published apart', async () => {
        await store.entries.update(scope, 'b', { contentTypeId: 'post', fields: { title: en('Banana bread, baked slowly'), rank: en(10) } });
        const ids = async (text: string, field?: string, published = false) => {
          const where: Condition[] = [{ op: 'match', text, ...(field ? { field } : {}) }];
          return (await (published ? store.entries.listPublished(scope, { where }) : store.entries.list(scope, { where }))).items.map((e) => e.sys.id);
        };
        expect(await ids('bread')).toEqual(['b']);
        expect(await ids('BAK bread')).toEqual(['b']);
        expect(await ids('bread cherry')).toEqual([]);
        expect(await ids('bread', 'title')).toEqual(['b']);
        expect(await ids('bread', 'rank')).toEqual([]);
        expect(await ids('"; DROP TABLE x; --')).toEqual([]);
        expect(await ids('  ')).toEqual(['a', 'b', 'c', 'd']);
        // The published snapshot still says Banana; the draft says Banana bread.
        expect(await ids('bread', undefined, true)).toEqual([]);
        expect(await ids('banana', undefined, true)).toEqual(['b']);
      });

      it('find Location values in a circle or box and order them nearest first', async () => {
        await store.contentTypes.create(scope, { id: 'place', name: 'Place', description: null, displayField: 'title', fields: [field('title', 'Symbol'), field('where', 'Location')] });
        const at = (id: string, lat: number, lon: number) =>
          store.entries.create(scope, { id, contentTypeId: 'place', fields: { title: en(id), where: en({ lat, lon }) } });
        await at('berlin', 52.52, 13.405);
        await at('potsdam', 52.39, 13.065);
        await at('hamburg', 53.551, 9.993);
        await store.entries.create(scope, { id: 'nowhere', contentTypeId: 'place', fields: { title: en('nowhere') } });
        const ids = async (q: Parameters<Store['entries']['list']>[1]) => (await store.entries.list(scope, { contentTypeId: 'place', ...q })).items.map((e) => e.sys.id);
        const where = { field: 'where', locale: 'en-US', op: 'within' } as const;
        expect(await ids({ where: [{ ...where, area: { circle: { lat: 52.52, lon: 13.405, radiusKm: 40 } } }], order: [{ sys: 'id', direction: 'asc' }] })).toEqual(['berlin', 'potsdam']);
        expect(await ids({ where: [{ ...where, area: { circle: { lat: 52.52, lon: 13.405, radiusKm: 10 } } }] })).toEqual(['berlin']);
        expect(await ids({ where: [{ ...where, area: { box: { bottomLeft: { lat: 53, lon: 9 }, topRight: { lat: 54, lon: 11 } } } }] })).toEqual(['hamburg']);
        expect(await ids({ order: [{ field: 'where', locale: 'en-US', near: { lat: 53.5, lon: 10 }, direction: 'asc' }] })).toEqual(['hamburg', 'potsdam', 'berlin', 'nowhere']);
      });

      it('order by field values (numbers as numbers, missing last) and by sys', async () => {
        const order = async (o: NonNullable<Parameters<Store['entries']['list']>[1]>['order']) =>
          (await store.entries.list(scope, { order: o })).items.map((e) => e.sys.id);
        expect(await order([{ field: 'rank', locale: 'en-US', direction: 'asc' }])).toEqual(['c', 'a', 'b', 'd']);
        expect(await order([{ field: 'rank', locale: 'en-US', direction: 'desc' }])).toEqual(['b', 'a', 'c', 'd']);
        expect(await order([{ field: 'title', locale: 'en-US', direction: 'desc' }])).toEqual(['d', 'c', 'b', 'a']);
        expect(await order([{ sys: 'id', direction: 'desc' }])).toEqual(['d', 'c', 'b', 'a']);
      });

      it('treat a JSON null like a missing value, in both dialects', async () => {
        await store.entries.create(scope, { id: 'e', contentTypeId: 'post', fields: { title: en('Elder'), rank: en(null) } });
        const rank = { field: 'rank', locale: 'en-US' } as const;
        const ids = async (q: Parameters<Store['entries']['list']>[1]) => (await store.entries.list(scope, q)).items.map((e) => e.sys.id);
        expect(await ids({ where: [{ ...rank, op: 'exists', value: false }] })).toEqual(['d', 'e']);
        expect(await ids({ where: [{ ...rank, op: 'ne', value: 3 }] })).toEqual(['b', 'c', 'd', 'e']);
        expect(await ids({ order: [{ ...rank, direction: 'desc' }] })).toEqual(['b', 'a', 'c', 'd', 'e']);
      });

      it('page with total, skip and limit', async () => {
        const page = await store.entries.list(scope, { order: [{ sys: 'id', direction: 'asc' }], skip: 1, limit: 2 });
        expect(page).toMatchObject({ total: 4, skip: 1, limit: 2 });
        expect(page.items.map((e) => e.sys.id)).toEqual(['b', 'c']);
        expect((await store.entries.list(scope, { limit: 0 })).items).toEqual([]);
        expect(await store.entries.list(scope, { skip: 10 })).toMatchObject({ total: 4, skip: 10, limit: 100, items: [] });
        expect((await rejection(store.entries.list(scope, { limit: 1001 }))).id).toBe('InvalidQuery');
      });

      it('list published snapshots only', async () => {
        const page = await store.entries.listPublished(scope, { order: [{ field: 'rank', locale: 'en-US', direction: 'desc' }] });
        expect(page.total).toBe(2);
        expect(page.items.map((e) => [e.sys.id, e.sys.publishedVersion])).toEqual([
          ['b', 1],
          ['a', 1],
        ]);
        const apple = { contentTypeId: 'post', where: [{ field: 'title', locale: 'en-US', op: 'eq', value: 'Apple' } as const] };
        expect((await store.entries.listPublished(scope, apple)).items.map((e) => e.sys.id)).toEqual(['a']);
        expect((await store.entries.list(scope)).total).toBe(4);

        // A draft edit moves what list sees, not what listPublished sees.
        await store.entries.update(scope, 'a', { contentTypeId: 'post', fields: { title: en('Avocado'), rank: en(3) } });
        expect((await store.entries.list(scope, apple)).items).toEqual([]);
        expect((await store.entries.listPublished(scope, apple)).items.map((e) => [e.sys.id, e.sys.version])).toEqual([['a', 2]]);
      });
    });

    describe('tags', () => {
      it('create, rename with versions, list by visibility, and refuse duplicates', async () => {
        const tag = await store.tags.create(scope, { id: 'nyCampaign', name: 'NY Campaign', visibility: 'public' });
        expect(tag).toMatchObject({ id: 'nyCampaign', name: 'NY Campaign', visibility: 'public', version: 1 });
        await store.tags.create(scope, { id: 'internal', name: 'Internal', visibility: 'private' });
        expect((await store.tags.list(scope)).items.map((t) => t.id)).toEqual(['internal', 'nyCampaign']);
        expect((await store.tags.list(scope, { visibility: 'public' })).items.map((t) => t.id)).toEqual(['nyCampaign']);
        expect((await rejection(store.tags.create(scope, { id: 'other', name: 'Internal', visibility: 'public' }))).id).toBe('ValidationFailed');
        expect((await rejection(store.tags.create(scope, { id: 'internal', name: 'Else', visibility: 'public' }))).id).toBe('ValidationFailed');
        expect((await store.tags.update(scope, 'nyCampaign', 'New York', 1)).version).toBe(2);
        expect((await rejection(store.tags.update(scope, 'nyCampaign', 'Stale', 1))).id).toBe('VersionMismatch');
        expect((await rejection(store.tags.update(scope, 'nyCampaign', 'Internal'))).id).toBe('ValidationFailed');
        expect((await store.tags.get(scope, 'nyCampaign'))?.name).toBe('New York');
        expect((await rejection(store.tags.create({ ...scope, environmentId: 'nope' }, { id: 'x', name: 'X', visibility: 'public' }))).id).toBe('NotFound');
      });

      it('keep tags on entries through update and publish, query them, and guard their deletion', async () => {
        for (const id of ['a', 'b', 'c']) await store.tags.create(scope, { id, name: `Tag ${id}`, visibility: 'public' });
        await store.entries.create(scope, { id: 'e1', contentTypeId: 'post', fields: { title: en('one') }, metadata: { tags: ['a', 'b', 'a'] } });
        await store.entries.create(scope, { id: 'e2', contentTypeId: 'post', fields: { title: en('two') }, metadata: { tags: ['b'] } });
        await post('e3', 'three');
        expect((await store.entries.get(scope, 'e1'))?.metadata).toEqual({ tags: ['a', 'b'] });
        expect((await store.entries.get(scope, 'e3'))?.metadata).toEqual({ tags: [] });
        // An update without metadata keeps the tags; with metadata it replaces them.
        const e1 = await store.entries.update(scope, 'e1', { contentTypeId: 'post', fields: { title: en('one!') } });
        expect(e1.metadata.tags).toEqual(['a', 'b']);
        expect((await rejection(store.entries.update(scope, 'e2', { contentTypeId: 'post', fields: {}, metadata: { tags: ['zzz'] } }))).id).toBe('ValidationFailed');

        const ids = async (where: Condition[], published = false) =>
          (await (published ? store.entries.listPublished(scope, { where }) : store.entries.list(scope, { where }))).items.map((e) => e.sys.id).sort();
        expect(await ids([{ op: 'tagged', mode: 'any', ids: ['a', 'c'] }])).toEqual(['e1']);
        expect(await ids([{ op: 'tagged', mode: 'all', ids: ['a', 'b'] }])).toEqual(['e1']);
        expect(await ids([{ op: 'tagged', mode: 'none', ids: ['a'] }])).toEqual(['e2', 'e3']);
        expect(await ids([{ op: 'tagged', mode: 'any' }])).toEqual(['e1', 'e2']);
        expect(await ids([{ op: 'tagged', mode: 'none' }])).toEqual(['e3']);
        expect(await ids([{ op: 'tagged', mode: 'any', ids: ['a'] }], true)).toEqual([]);

        await store.entries.publish(scope, 'e1');
        await store.entries.update(scope, 'e1', { contentTypeId: 'post', fields: { title: en('one') }, metadata: { tags: [] } });
        expect((await store.entries.getPublished(scope, 'e1'))?.metadata.tags).toEqual(['a', 'b']);
        expect(await ids([{ op: 'tagged', mode: 'any', ids: ['a'] }], true)).toEqual(['e1']);
        expect(await ids([{ op: 'tagged', mode: 'any', ids: ['a'] }])).toEqual([]);
        // Still on the published snapshot: deleting the tag would leave a dangling link.
        expect((await rejection(store.tags.delete(scope, 'a'))).id).toBe('BadRequest');
        await store.entries.unpublish(scope, 'e1');
        await store.tags.delete(scope, 'a');
        expect(await store.tags.get(scope, 'a')).toBeUndefined();
        await store.assets.create(scope, { id: 'pic', fields: { title: en('Pic') }, metadata: { tags: ['c'] } });
        expect((await store.assets.list(scope, { where: [{ op: 'tagged', mode: 'any', ids: ['c'] }] })).items.map((a) => a.sys.id)).toEqual(['pic']);
      });
    });

    describe('sync log', () => {
      it('numbers publishes and unpublishes of entries and assets in order, latest state per item', async () => {
        const start = await store.changes.latest();
        await post('a', 'A');
        await post('b', 'B');
        await store.entries.publish(scope, 'a');
        await store.entries.publish(scope, 'b');
        const asset = await store.assets.create(scope, { id: 'pic', fields: {} });
        await store.assets.publish(scope, asset.sys.id);
        await store.contentTypes.publish(scope, 'post');
        await store.entries.publish(scope, 'a');
        const all = await store.changes.list(scope, { after: start, limit: 100, includeDeleted: true });
        expect(all.map((c) => `${c.kind}:${c.id}`)).toEqual(['Entry:b', 'Asset:pic', 'Entry:a']);
        expect(all.map((c) => c.seq)).toEqual([...all.map((c) => c.seq)].sort((x, y) => x - y));
        expect(await store.changes.latest()).toBe(all.at(-1)!.seq);

        await store.entries.unpublish(scope, 'b');
        const after = all.at(-1)!.seq;
        const delta = await store.changes.list(scope, { after, limit: 100, includeDeleted: true });
        expect(delta).toEqual([expect.objectContaining({ kind: 'Entry', id: 'b', deleted: true })]);
        expect(delta[0]!.sys.publishedCounter).toBe(1);
        expect(await store.changes.list(scope, { after, limit: 100, includeDeleted: false })).toEqual([]);
        expect((await store.changes.list(scope, { after: start, limit: 100, includeDeleted: false, kinds: ['Asset'] })).map((c) => c.id)).toEqual(['pic']);
        // b's row moved to its unpublish; a (at `after`) lies past upTo.
        expect((await store.changes.list(scope, { after: start, upTo: after - 1, limit: 100, includeDeleted: true })).map((c) => c.id)).toEqual(['pic']);
        // Sync pages go newest first, as Contentful's.
        expect((await store.changes.list(scope, { after: start, limit: 2, includeDeleted: false, newestFirst: true })).map((c) => c.id)).toEqual(['a', 'pic']);
      });

      it('orders and filters by revision (publish count; drafts: version) and content type', async () => {
        await post('once', 'Once');
        await post('twice', 'Twice');
        for (const id of ['once', 'twice', 'twice']) await store.entries.publish(scope, id);
        const published = await store.entries.listPublished(scope, { where: [{ sys: 'id', op: 'in', values: ['once', 'twice'] }], order: [{ sys: 'revision', direction: 'desc' }] });
        expect(published.items.map((e) => [e.sys.id, e.sys.publishedCounter])).toEqual([['twice', 2], ['once', 1]]);
        const drafts = await store.entries.list(scope, { where: [{ sys: 'revision', op: 'gte', value: 3 }, { sys: 'contentType', op: 'eq', value: 'post' }] });
        expect(drafts.items.map((e) => e.sys.id)).toContain('twice');
        expect(drafts.items.map((e) => e.sys.id)).not.toContain('once');
      });
    });

    describe('big pages and snapshots', () => {
      /** More items than one statement reads (versioned-repository.ts), written in one transaction. */
      const many = 450;
      beforeEach(async () => {
        await store.contentTypes.publish(scope, 'post');
        await store.transaction(async (tx) => {
          for (let i = 0; i < many; i++) {
            await tx.entries.create(scope, { id: `p${String(i).padStart(3, '0')}`, contentTypeId: 'post', fields: { title: en(`Post ${i % 7}`), rank: en((i * 37) % 101) } });
            await tx.entries.publish(scope, `p${String(i).padStart(3, '0')}`);
          }
        });
      });

      it('read a big page as the small pages that make it up, in the same order', async () => {
        const query = { contentTypeId: 'post', order: [{ field: 'rank', locale: 'en-US', direction: 'desc' as const }, { field: 'title', locale: 'en-US', direction: 'asc' as const }], skip: 3 };
        const big = await store.entries.listPublished(scope, { ...query, limit: 1000 });
        const small: unknown[] = [];
        for (let skip = 3; skip < many; skip += 100) small.push(...(await store.entries.listPublished(scope, { ...query, skip, limit: 100 })).items);
        expect(big.total).toBe(many);
        expect(big.items).toHaveLength(many - 3);
        expect(big.items).toEqual(small);
        // Uncounted, the same items.
        expect(await store.entries.pagePublished(scope, { ...query, limit: 1000 })).toEqual(big.items);
        expect(await store.entries.pagePublished(scope, { ...query, skip: 103, limit: 100 })).toEqual(small.slice(100, 200));
      });

      it('give the event loop turns while a big page is read', async () => {
        let turns = 0;
        const count = () => {
          turns++;
          if (!done) setImmediate(count);
        };
        let done = false;
        setImmediate(count);
        await store.entries.list(scope, { limit: 1000 });
        done = true;
        expect(turns).toBeGreaterThan(1);
      });

      it('show one moment of the data to every read in a snapshot, whatever is written meanwhile', async () => {
        const seen = await store.snapshot(async (view) => {
          const before = await view.entries.listPublished(scope, { limit: 1000, order: [{ sys: 'id', direction: 'asc' }] });
          await store.entries.update(scope, 'p000', { contentTypeId: 'post', fields: { title: en('Changed') } });
          await store.entries.publish(scope, 'p000');
          await store.entries.unpublish(scope, 'p001');
          const after = await view.entries.listPublished(scope, { limit: 1000, order: [{ sys: 'id', direction: 'asc' }] });
          const one = await view.entries.getPublished(scope, 'p000');
          return { before, after, one };
        });
        expect(seen.after).toEqual(seen.before);
        expect(seen.one?.fields.title).toEqual(en('Post 0'));
        expect((await store.entries.getPublished(scope, 'p000'))?.fields.title).toEqual(en('Changed'));
        expect(await store.entries.getPublished(scope, 'p001')).toBeUndefined();
      });
    });

    describe('transactions', () => {
      it('roll back every write when the function throws', async () => {
        const err = await store
          .transaction(async (tx) => {
            await tx.entries.create(scope, { id: 'x', contentTypeId: 'post', fields: {} });
            await tx.entries.publish(scope, 'x');
            await tx.settings.set('in-tx', 'yes');
            throw new Error('boom');
          })
          .catch((e: unknown) => e);
        expect((err as Error).message).toBe('boom');
        expect(await store.entries.get(scope, 'x')).toBeUndefined();
        expect(await store.entries.getPublished(scope, 'x')).toBeUndefined();
        expect(await store.settings.get('in-tx')).toBeUndefined();
      });

      it('reuse the open transaction when nested', async () => {
        await store.transaction(async (tx) => {
          await tx.transaction(async (inner) => {
            await inner.entries.create(scope, { id: 'n', contentTypeId: 'post', fields: {} });
          });
          expect(await tx.entries.get(scope, 'n')).toBeDefined();
        });
        expect(await store.entries.get(scope, 'n')).toBeDefined();
      });
    });

    describe('API keys and settings', () => {
      it('find keys by token hash', async () => {
        const hash = randomBytes(32).toString('hex');
        const key = await store.apiKeys.create({ spaceId: scope.spaceId, kind: 'delivery', name: 'Website', tokenHash: hash, environments: ['master'] });
        expect(await store.apiKeys.findByTokenHash(hash)).toEqual(key);
        expect(await store.apiKeys.findByTokenHash('0'.repeat(64))).toBeUndefined();
        expect((await store.apiKeys.list(scope.spaceId)).map((k) => k.kind)).toEqual(['delivery']);
        expect((await rejection(store.apiKeys.create({ ...key, id: 'other' }))).id).toBe('ValidationFailed');
      });

      it('keep users with lowercased e-mail addresses', async () => {
        const email = `Ed.${scope.spaceId}@Example.com`;
        const user = await store.users.create({ email, name: 'Ed', role: 'editor', passwordHash: 'h1' });
        expect(user.email).toBe(email.toLowerCase());
        expect(await store.users.findByEmail(email.toUpperCase())).toEqual(user);
        const updated = await store.users.update(user.id, { role: 'admin', passwordHash: 'h2' });
        expect(updated).toMatchObject({ id: user.id, role: 'admin', passwordHash: 'h2', name: 'Ed' });
        expect((await rejection(store.users.create({ email, name: 'Twin', role: 'author', passwordHash: 'x' }))).id).toBe('ValidationFailed');
        expect((await rejection(store.users.update('ghost', { role: 'admin' }))).id).toBe('NotFound');
      });

      it('upsert settings', async () => {
        const key = `k-${scope.spaceId}`;
        expect(await store.settings.get(key)).toBeUndefined();
        await store.settings.set(key, 'one');
        await store.settings.set(key, 'two');
        expect(await store.settings.get(key)).toBe('two');
      });
    });

    describe('authors, archive, snapshots (Management API)', () => {
      it('record who created, changed and published a draft', async () => {
        const created = await store.entries.create(scope, { id: 'by', contentTypeId: 'post', fields: { title: en('a') } }, 'alice');
        expect(created.sys).toMatchObject({ createdBy: 'alice', updatedBy: 'alice', publishedBy: null });
        const updated = await store.entries.update(scope, 'by', { contentTypeId: 'post', fields: { title: en('b') } }, 1, 'bob');
        expect(updated.sys).toMatchObject({ createdBy: 'alice', updatedBy: 'bob' });
        const published = await store.entries.publish(scope, 'by', 2, 'carol');
        expect(published.sys).toMatchObject({ createdBy: 'alice', publishedBy: 'carol' });
        expect((await store.entries.get(scope, 'by'))?.sys).toMatchObject({ createdBy: 'alice', updatedBy: 'carol', publishedBy: 'carol' });
        expect((await store.entries.getPublished(scope, 'by'))?.sys.publishedBy).toBe('carol');
      });

      it('archive only unpublished items; archived items cannot change or publish and leave preview lists', async () => {
        await post('arc', 'Archive me');
        await store.entries.publish(scope, 'arc');
        expect((await rejection(store.entries.archive(scope, 'arc'))).id).toBe('BadRequest');
        await store.entries.unpublish(scope, 'arc');
        expect((await rejection(store.entries.archive(scope, 'arc', 1))).id).toBe('VersionMismatch');
        const archived = await store.entries.archive(scope, 'arc', 3, 'dan');
        expect(archived.sys).toMatchObject({ version: 4, archivedVersion: 3, archivedBy: 'dan', archivedAt: expect.any(String) });
        expect((await rejection(store.entries.publish(scope, 'arc'))).id).toBe('BadRequest');
        expect((await rejection(store.entries.update(scope, 'arc', { contentTypeId: 'post', fields: {} }))).id).toBe('BadRequest');
        expect((await rejection(store.entries.archive(scope, 'arc'))).id).toBe('BadRequest');
        await post('live', 'Live');
        expect((await store.entries.list(scope, { excludeArchived: true })).items.map((e) => e.sys.id)).toEqual(['live']);
        expect((await store.entries.list(scope)).total).toBe(2);
        const back = await store.entries.unarchive(scope, 'arc', 4);
        expect(back.sys).toMatchObject({ version: 5, archivedAt: null, archivedVersion: null });
        expect((await rejection(store.entries.unarchive(scope, 'arc'))).id).toBe('BadRequest');
        await store.entries.publish(scope, 'arc');
      });

      it('keep a snapshot per publish, newest first, gone with the item', async () => {
        await post('snap', 'First');
        await store.entries.publish(scope, 'snap', undefined, 'ann');
        await store.entries.update(scope, 'snap', { contentTypeId: 'post', fields: { title: en('Second') } });
        await store.entries.publish(scope, 'snap');
        const page = await store.entries.snapshots(scope, 'snap');
        expect(page.total).toBe(2);
        expect(page.items.map((s) => s.record.fields.title)).toEqual([en('Second'), en('First')]);
        const oldest = page.items[1]!;
        expect(oldest.createdBy).toBe('ann');
        expect(oldest.record.sys).toMatchObject({ id: 'snap', contentTypeId: 'post', publishedVersion: 1 });
        expect(await store.entries.snapshot(scope, 'snap', oldest.id)).toEqual(oldest);
        expect(await store.entries.snapshot(scope, 'other', oldest.id)).toBeUndefined();
        expect((await store.entries.snapshots(scope, 'snap', { limit: 1, skip: 1 })).items.map((s) => s.id)).toEqual([oldest.id]);
        await store.contentTypes.publish(scope, 'post');
        expect((await store.contentTypes.snapshots(scope, 'post')).items[0]?.record.name).toBe('Post');
        await store.entries.unpublish(scope, 'snap');
        expect((await store.entries.snapshots(scope, 'snap')).total).toBe(2);
        await store.entries.delete(scope, 'snap');
        expect((await store.entries.snapshots(scope, 'snap')).total).toBe(0);
      });

      it('update and delete locales with version checks', async () => {
        const de = await store.locales.create(scope, { code: 'de-DE', name: 'German', default: false, fallbackCode: null, optional: true, contentDeliveryApi: true, contentManagementApi: true });
        await store.locales.create(scope, { code: 'fr-FR', name: 'French', default: false, fallbackCode: null, optional: true, contentDeliveryApi: true, contentManagementApi: true });
        const before = await store.changes.latest();
        const updated = await store.locales.update(scope, de.id, { name: 'Deutsch', fallbackCode: 'fr-FR' }, 1);
        expect(updated).toMatchObject({ code: 'de-DE', name: 'Deutsch', fallbackCode: 'fr-FR', version: 2 });
        expect(await store.changes.latest()).toBeGreaterThan(before);
        expect((await rejection(store.locales.update(scope, de.id, { name: 'x' }, 1))).id).toBe('VersionMismatch');
        expect((await rejection(store.locales.update(scope, de.id, { code: 'fr-FR' }))).id).toBe('ValidationFailed');
        expect((await rejection(store.locales.update(scope, 'ghost', { name: 'x' }))).id).toBe('NotFound');
        await store.locales.delete(scope, de.id);
        expect((await store.locales.list(scope)).map((l) => l.code)).toEqual(['fr-FR']);
        expect((await rejection(store.locales.delete(scope, de.id))).id).toBe('NotFound');
      });

      it('keep uploads per space', async () => {
        const hash = randomBytes(32).toString('hex');
        const up = await store.uploads.create({ spaceId: scope.spaceId, hash, size: 3_000_000_000, expiresAt: '2099-01-01T00:00:00.000Z', createdBy: 'u' });
        expect(await store.uploads.get(scope.spaceId, up.id)).toEqual(up);
        expect(up.size).toBe(3_000_000_000);
        expect(await store.uploads.get('elsewhere', up.id)).toBeUndefined();
        await store.uploads.delete(scope.spaceId, up.id);
        expect(await store.uploads.get(scope.spaceId, up.id)).toBeUndefined();
        expect((await rejection(store.uploads.delete(scope.spaceId, up.id))).id).toBe('NotFound');
      });

      it('find expired uploads and uploads holding given bytes', async () => {
        const [old, fresh] = [randomBytes(32).toString('hex'), randomBytes(32).toString('hex')];
        const gone = await store.uploads.create({ spaceId: scope.spaceId, hash: old, size: 1, expiresAt: '2000-01-01T00:00:00.000Z', createdBy: null });
        await store.uploads.create({ spaceId: scope.spaceId, hash: fresh, size: 1, expiresAt: '2999-01-01T00:00:00.000Z', createdBy: null });
        const expired = await store.uploads.expired('2026-01-01T00:00:00.000Z', 1000);
        expect(expired.map((u) => u.id)).toContain(gone.id);
        expect(expired.every((u) => u.expiresAt < '2026-01-01T00:00:00.000Z')).toBe(true);
        expect(await store.uploads.holdsHash(fresh)).toBe(true);
        await store.uploads.delete(scope.spaceId, gone.id);
        expect(await store.uploads.holdsHash(old)).toBe(false);
      });

      it('update, pair and revoke API keys', async () => {
        const hash = randomBytes(32).toString('hex');
        const key = await store.apiKeys.create({ spaceId: scope.spaceId, kind: 'delivery', name: 'Site', tokenHash: hash, environments: ['master'] });
        expect(key).toMatchObject({ version: 1, description: null, pairedId: null });
        const preview = await store.apiKeys.create({ spaceId: scope.spaceId, kind: 'preview', name: 'Site', tokenHash: randomBytes(32).toString('hex'), environments: ['master'], pairedId: key.id });
        const updated = await store.apiKeys.update(scope.spaceId, key.id, { name: 'Website', description: 'public', pairedId: preview.id }, 1);
        expect(updated).toMatchObject({ name: 'Website', description: 'public', pairedId: preview.id, version: 2 });
        expect(await store.apiKeys.get(scope.spaceId, key.id)).toEqual(updated);
        expect((await rejection(store.apiKeys.update(scope.spaceId, key.id, { name: 'x' }, 1))).id).toBe('VersionMismatch');
        await store.apiKeys.delete(scope.spaceId, key.id);
        expect(await store.apiKeys.findByTokenHash(hash)).toBeUndefined();
        expect((await rejection(store.apiKeys.delete(scope.spaceId, key.id))).id).toBe('NotFound');
        expect(await store.apiKeys.get('elsewhere', preview.id)).toBeUndefined();
      });
    });
    describeEventStoreContract(() => ({ store, scope }));
    describeEnvironmentContract(() => ({ store, scope }));
  });
}
