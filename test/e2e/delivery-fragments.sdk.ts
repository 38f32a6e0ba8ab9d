/**
 * Delivery entry pages joined from stored fragments (src/delivery/fragments.ts) answer the very
 * bytes the general path writes, for every kind of entries query, before and after fragments
 * are stored, and after what shaped them changes. Run on every store (*.sqlite/*.postgres).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/auth/index.js';
import { createEntry, createLocale, getContentType, publishContentType, publishEntry, saveContentType, unpublishAsset, unpublishEntry, updateEntry } from '../../src/content/index.js';
import { createReader } from '../../src/delivery/index.js';
import { stampOf } from '../../src/delivery/fragments.js';
import { stringifyInSlices } from '../../src/http/slices.js';
import { openStore, type Store } from '../../src/store/index.js';
import { startTestFolio, type TestFolio } from './folio.js';

const token = 'delivery-token-for-fragment-tests';
const scope = { spaceId: 'folio', environmentId: 'master' };
const entriesPath = '/delivery/spaces/folio/environments/master/entries';

/** Queries the fragment path serves, and two it leaves to the general path (select, an unknown locale). */
const queries = [
  'content_type=article&limit=100&include=1',
  'content_type=article&include=0',
  'content_type=article&include=2&order=-fields.publishDate',
  'content_type=article&include=10&locale=*',
  'content_type=article&include=3&locale=de-DE',
  'include=2&limit=5&skip=2&order=sys.id',
  'content_type=article&limit=3&cursor=true&order=sys.id',
  'content_type=article&fields.slug[in]=how-to-learn-python,what-does-a-devops-engineer-do&include=1',
  'content_type=article&fields.author.sys.contentType.sys.id=author&fields.author.fields.name[match]=folio&include=1',
  'content_type=article&fields.title[match]=python&include=2',
  'content_type=article&select=fields.title,sys.id&include=1',
  'content_type=topic&limit=0',
  'sys.id=fragments-dangling&include=2',
];

export function describeDeliveryFragments(name: string, env: () => Promise<Record<string, string>>) {
  describe(`Delivery pages from stored fragments: ${name}`, () => {
    let folio: TestFolio;
    let store: Store;
    let publicUrl: string;
    let imageId: string;

    beforeAll(async () => {
      folio = await startTestFolio({ FOLIO_DELIVERY_TOKEN: token, FOLIO_DELIVERY_CACHE: '0', ...(await env()) });
      publicUrl = `http://localhost:${new URL(folio.url).port}`;
      store = await openStore(folio.storeOptions);
      // A second locale falling back to the first, and an article whose links lead nowhere
      // (its author and image published, linked, then unpublished).
      await createLocale(store, scope, { code: 'de-DE', name: 'German', fallbackCode: 'en-US', optional: true, contentDeliveryApi: true, contentManagementApi: true }, systemActor);
      const article = (await store.entries.listPublished(scope, { contentTypeId: 'article', limit: 1 })).items[0]!;
      const author = { name: { 'en-US': 'Gone Soon' }, slug: { 'en-US': 'gone-soon' } };
      await createEntry(store, scope, { id: 'fragments-author', contentTypeId: 'author', fields: author }, systemActor);
      await publishEntry(store, scope, { id: 'fragments-author' }, systemActor);
      const fields = { ...article.fields, slug: { 'en-US': 'fragments-dangling' }, author: { 'en-US': { sys: { type: 'Link', linkType: 'Entry', id: 'fragments-author' } } } };
      await createEntry(store, scope, { id: 'fragments-dangling', contentTypeId: 'article', fields }, systemActor);
      await publishEntry(store, scope, { id: 'fragments-dangling' }, systemActor);
      await unpublishEntry(store, scope, { id: 'fragments-author' }, systemActor);
      imageId = (article.fields.featuredImage!['en-US'] as { sys: { id: string } }).sys.id;
      await unpublishAsset(store, scope, { id: imageId }, systemActor);
    });
    afterAll(async () => {
      await store?.close();
      await folio?.destroy();
    });

    const served = async (query: string) => {
      const res = await fetch(`${folio.url}${entriesPath}?${query}`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
      return res.text();
    };
    /** The general path's answer, shaped from the records in this process. */
    const general = async (query: string) => {
      const reader = createReader(store, publicUrl, 'delivery');
      const params = Object.fromEntries(new URLSearchParams(query));
      const { ctx } = await reader.context(scope, params.locale);
      return stringifyInSlices(await reader.entries(scope, ctx, params, `${entriesPath}?${query}`));
    };
    const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

    it('answers every query with the general path’s bytes, before and after its fragments are stored', async () => {
      for (const query of queries) {
        const first = await served(query);
        await settle();
        const again = await served(query);
        const expected = await general(query);
        expect(first, query).toBe(expected);
        expect(again, query).toBe(expected);
      }
      // The dangling links are reported, not resolved.
      const dangling = JSON.parse(await served('sys.id=fragments-dangling&include=2')) as { errors: Array<{ details: { id: string } }> };
      expect(dangling.errors.map((e) => e.details.id)).toEqual(expect.arrayContaining(['fragments-author', imageId]));
    });

    it('keeps each published item’s JSON per locale once a page has shown it', async () => {
      await served('content_type=article&include=1');
      await served('content_type=article&include=1&locale=*');
      await settle();
      const reader = createReader(store, publicUrl, 'delivery');
      const keys = (await store.entries.publishedKeys(scope, { contentTypeId: 'article', limit: 100 })).items;
      for (const locale of ['en-US', '*']) {
        const { ctx } = await reader.context(scope, locale);
        const stored = await store.fragments.read(scope, 'Entry', keys, locale, stampOf(ctx));
        expect(stored.size, locale).toBe(keys.length);
        for (const key of keys) {
          const record = (await store.entries.getPublished(scope, key.id))!;
          expect(JSON.parse(stored.get(key.id)!.body.toString('utf8'))).toMatchObject({ sys: { id: key.id, revision: record.sys.publishedCounter } });
        }
      }
      // Linked ids' keys, uncounted, in Delivery's default order; unpublished ids are left out.
      const ids = keys.map((k) => k.id).reverse().concat('fragments-author');
      expect(await store.fragments.published(scope, 'Entry', ids)).toEqual(keys);
    });

    it('shows a new publish, an unpublish and a changed model at once, in the same bytes', async () => {
      const query = 'content_type=article&include=2&order=sys.id';
      await served(query);
      await settle();
      const article = (await store.entries.get(scope, 'fragments-dangling'))!;
      await updateEntry(store, scope, { id: article.sys.id, fields: { ...article.fields, title: { 'en-US': 'Retitled after its fragment was stored' } } }, systemActor);
      await publishEntry(store, scope, { id: article.sys.id }, systemActor);
      const afterPublish = await served(query);
      expect(afterPublish).toContain('Retitled after its fragment was stored');
      expect(afterPublish).toBe(await general(query));

      // Hiding a field changes every article's JSON without a publish of any article.
      const type = await getContentType(store, scope, 'article', systemActor);
      const { sys, ...body } = type;
      const fields = body.fields.map((f) => (f.id === 'publishDate' ? { ...f, omitted: true } : f));
      const saved = await saveContentType(store, scope, { id: 'article', body: { ...body, fields }, version: sys.version }, systemActor);
      await publishContentType(store, scope, { id: 'article', version: saved.sys.version }, systemActor);
      const afterModel = await served(query);
      expect(afterModel).not.toContain('"publishDate"');
      expect(afterModel).toBe(await general(query));

      await unpublishEntry(store, scope, { id: article.sys.id }, systemActor);
      const afterUnpublish = await served(query);
      expect(afterUnpublish).not.toContain('fragments-dangling');
      expect(afterUnpublish).toBe(await general(query));
    });

    it('gives one ETag per state without hashing the body: the same for stored fragments, 304 for it, new when a shown item changes', async () => {
      const query = 'content_type=article&include=1&order=-sys.id&limit=7';
      const get = (headers: Record<string, string> = {}) => fetch(`${folio.url}${entriesPath}?${query}`, { headers: { authorization: `Bearer ${token}`, ...headers } });
      const first = await get();
      const etag = first.headers.get('etag')!;
      const body = (await first.json()) as { includes: { Entry: Array<{ sys: { id: string } }> } };
      await settle();
      // Shaped on the first request, read back stored on the second: one state, one tag.
      expect((await get()).headers.get('etag')).toBe(etag);
      const revalidated = await get({ 'if-none-match': `W/${etag}` });
      expect(revalidated.status).toBe(304);

      // Only an included entry changes: the page's own items are the same, the tag is not.
      const authorId = body.includes.Entry[0]!.sys.id;
      const author = (await store.entries.get(scope, authorId))!;
      await updateEntry(store, scope, { id: authorId, fields: { ...author.fields, name: { 'en-US': 'Renamed Author' } } }, systemActor);
      await publishEntry(store, scope, { id: authorId }, systemActor);
      const changed = await get({ 'if-none-match': etag });
      expect(changed.status).toBe(200);
      expect(await changed.text()).toContain('Renamed Author');
      const next = changed.headers.get('etag')!;
      expect(next).not.toBe(etag);
      await settle();
      expect((await get()).headers.get('etag')).toBe(next);

      // Another locale shows other bytes: another tag.
      const inGerman = await fetch(`${folio.url}${entriesPath}?${query}&locale=de-DE`, { headers: { authorization: `Bearer ${token}` } });
      expect(inGerman.headers.get('etag')).not.toBe(next);
    });
  });
}
