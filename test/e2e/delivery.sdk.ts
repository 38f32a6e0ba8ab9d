/**
 * The Delivery and Preview APIs driven by the official `contentful` client, changing nothing but
 * the settings CONTRACT.md gives. Run on every store (see *.sqlite/*.postgres test files).
 */
import * as contentful from 'contentful';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishEntry, updateEntry } from '../../src/content/index.js';
import { openStore } from '../../src/store/index.js';
import { startTestFolio, type TestFolio } from './folio.js';
import { systemActor } from '../../src/auth/index.js';

const deliveryToken = 'delivery-token-for-tests';
const previewToken = 'preview-token-for-tests';

export function describeDeliveryApi(name: string, env: () => Promise<Record<string, string>>) {
  describe(`Delivery API with the contentful SDK: ${name}`, () => {
    let folio: TestFolio;
    let client: contentful.ContentfulClientApi<undefined>;
    let previewClient: contentful.ContentfulClientApi<undefined>;

    beforeAll(async () => {
      folio = await startTestFolio({ FOLIO_DELIVERY_TOKEN: deliveryToken, FOLIO_PREVIEW_TOKEN: previewToken, ...(await env()) });
      const host = new URL(folio.url).host;
      client = contentful.createClient({ space: 'folio', accessToken: deliveryToken, host, insecure: true, basePath: 'delivery' });
      previewClient = contentful.createClient({ space: 'folio', accessToken: previewToken, host, insecure: true, basePath: 'preview' });
    });
    afterAll(() => folio?.destroy());

    /** Changes a draft's title through the content operations, as an editor would. */
    async function retitleDraft(id: string, title: string) {
      const store = await openStore(folio.storeOptions);
      try {
        const scope = { spaceId: 'folio', environmentId: 'master' };
        const current = (await store.entries.get(scope, id))!;
        await updateEntry(store, scope, { id, fields: { ...current.fields, title: { 'en-US': title } } }, systemActor);
      } finally {
        await store.close();
      }
    }

    it('reads the space, locales and content types', async () => {
      const locales = await client.getLocales();
      expect(locales.items.map((l) => [l.code, l.default])).toEqual([['en-US', true]]);
      const types = await client.getContentTypes();
      expect(types.items.map((t) => t.sys.id).sort()).toEqual(['article', 'author', 'topic']);
      const article = await client.getContentType('article');
      expect(article.displayField).toBe('title');
      expect(article.fields.find((f) => f.id === 'featuredImage')).toMatchObject({ type: 'Link', linkType: 'Asset' });
      expect((await client.getTags()).items).toEqual([]);
      expect((await fetch(`${folio.url}/delivery/spaces/folio/tags?access_token=${deliveryToken}&limit=1001`)).status).toBe(400);
    });

    it('getSpace() works: the client asks for the space with a trailing slash', async () => {
      const space = await client.getSpace();
      expect(space.sys).toMatchObject({ type: 'Space', id: 'folio' });
    });

    it('lists articles newest first with linked image, topics and author resolved', async () => {
      const res = await client.getEntries({ content_type: 'article', order: ['-fields.publishDate'], include: 2 });
      expect(res.total).toBe(7);
      expect(res.items).toHaveLength(7);
      const first = res.items[0]!;
      expect(first.fields.title).toBe('What Does a DevOps Engineer Do? And How to Become One');
      expect(first.sys).toMatchObject({ type: 'Entry', locale: 'en-US', contentType: { sys: { id: 'article' } }, revision: 1 });
      const image = first.fields.featuredImage as contentful.Asset;
      expect(image.fields.description).toBe(
        '[Featured Image] A DevOps engineer types on their computer and looks at their dual monitors as they update software coding.',
      );
      expect(image.fields.file?.url).toMatch(/^\/\/localhost:\d+\/images\/folio\/image-what-does-a-devops-engineer-do\/[0-9a-f]{32}\/[\w.-]+\.jpg$/);
      expect(image.fields.file?.details).toMatchObject({
        size: expect.any(Number),
        image: { width: 1920, height: 1280, thumbhash: expect.stringMatching(/^[A-Za-z0-9+/]+=*$/), dominantColor: expect.stringMatching(/^#[0-9a-f]{6}$/) },
      });
      expect(image.fields.file).not.toHaveProperty('hash');
      const author = first.fields.author as contentful.Entry;
      expect(author.fields.name).toBe('Folio Editorial Team');
      expect((first.fields.topics as contentful.Entry[]).map((t) => t.fields.name)).toEqual(['DevOps', 'Software Development']);
      const dates = res.items.map((e) => e.fields.publishDate as string);
      expect([...dates].sort().reverse()).toEqual(dates);
    });

    it('leaves links unresolved with include=0 and resolves them with include=1 and 10', async () => {
      const none = await client.getEntries({ content_type: 'article', include: 0, limit: 1, order: ['-fields.publishDate'] });
      expect((none.items[0]!.fields.author as { sys: { type: string } }).sys.type).toBe('Link');
      for (const include of [1, 10] as const) {
        const some = await client.getEntries({ content_type: 'article', include, limit: 1, order: ['-fields.publishDate'] });
        expect((some.items[0]!.fields.author as contentful.Entry).fields.name).toBe('Folio Editorial Team');
      }
    });

    it('filters with Contentful operators', async () => {
      const titles = async (q: Record<string, unknown>) =>
        (await client.getEntries({ content_type: 'article', order: ['fields.publishDate'], ...q } as never)).items.map((e) => e.fields.slug);
      expect(await titles({ 'fields.slug': 'how-to-learn-python' })).toEqual(['how-to-learn-python']);
      expect(await titles({ 'fields.publishDate[gte]': '2021-11-01', 'fields.publishDate[lt]': '2021-12-01' })).toEqual([
        'typescript-vs-javascript',
        'what-is-a-full-stack-developer',
      ]);
      expect(await titles({ 'fields.slug[in]': 'how-to-learn-python,typescript-vs-javascript' })).toEqual(['how-to-learn-python', 'typescript-vs-javascript']);
      expect((await titles({ 'fields.slug[nin]': 'how-to-learn-python' })).length).toBe(6);
      expect((await titles({ 'fields.slug[ne]': 'how-to-learn-python' })).length).toBe(6);
      expect((await titles({ 'fields.body[exists]': 'true' })).length).toBe(7);
      expect(await titles({ 'sys.id': 'article-how-to-learn-python' })).toEqual(['how-to-learn-python']);
      const page = await client.getEntries({ content_type: 'article', order: ['fields.publishDate'], skip: 5, limit: 5 });
      expect([page.total, page.skip, page.limit, page.items.length]).toEqual([7, 5, 5, 2]);
    });

    it('answers reference, links-to and array queries', async () => {
      const slugs = async (q: Record<string, unknown>) =>
        (await client.getEntries({ content_type: 'article', order: ['fields.publishDate'], ...q } as never)).items.map((e) => e.fields.slug);
      const python = ['how-to-learn-python'];
      expect(await slugs({ 'fields.topics.sys.id': 'topic-python' })).toEqual(python);
      expect((await slugs({ 'fields.topics.sys.id[in]': 'topic-python,topic-degrees' })).sort()).toEqual(['how-long-does-an-associate-degree-take', 'how-to-learn-python']);
      expect(await slugs({ 'fields.topics.sys.contentType.sys.id': 'topic', 'fields.topics.fields.name': 'Python' })).toEqual(python);
      expect(await slugs({ 'fields.author.sys.contentType.sys.id': 'author', 'fields.author.fields.name[match]': 'nobody' })).toEqual([]);
      expect((await slugs({ 'fields.author.sys.contentType.sys.id': 'author', 'fields.author.fields.slug': 'folio-editorial-team' })).length).toBe(7);
      expect(await slugs({ links_to_asset: 'image-how-to-learn-python' })).toEqual(python);
      const linking = await client.getEntries({ links_to_entry: 'topic-game-development' });
      expect(linking.items.map((e) => e.sys.id)).toEqual(['article-how-to-become-a-game-developer']);
    });

    it('searches full text with query= and [match], bodies included', async () => {
      const slugs = async (q: Record<string, unknown>) =>
        (await client.getEntries({ content_type: 'article', order: ['fields.publishDate'], ...q } as never)).items.map((e) => e.fields.slug);
      expect(await slugs({ query: 'traceback' })).toEqual(['how-to-learn-python']);
      expect(await slugs({ query: 'Godot engine' })).toEqual(['how-to-become-a-game-developer']);
      expect(await slugs({ 'fields.title[match]': 'typescript' })).toEqual(['typescript-vs-javascript']);
      expect(await slugs({ 'fields.title[match]': 'traceback' })).toEqual([]);
      const everything = await client.getEntries({ query: 'devops' });
      expect(everything.items.map((e) => e.sys.id)).toEqual(expect.arrayContaining(['topic-devops', 'article-what-does-a-devops-engineer-do']));
    });

    it('answers bad queries with 400 InvalidQuery, never a 5xx', async () => {
      const url = (q: string) => `${folio.url}/delivery/spaces/folio/environments/master/entries?access_token=${deliveryToken}&${q}`;
      for (const q of ['limit=1001', 'fields.title=x', 'content_type=article&order=fields.description', 'content_type=article&fields.title[bogus]=x', 'include=11', 'content_type=nope', 'content_type=article&fields.title[near]=1,2', 'content_type=article&fields.title[within]=1,2,3', 'mimetype_group=pictures']) {
        const res = await fetch(url(q));
        expect(res.status, q).toBe(400);
        expect(((await res.json()) as { sys: { id: string } }).sys.id, q).toBe('InvalidQuery');
      }
    });

    it('reads single entries and assets, and all locales with withAllLocales', async () => {
      const entry = await client.getEntry('article-how-to-learn-python');
      expect(entry.fields.title).toBe('How to Learn Python: A Step-by-Step Guide');
      const asset = await client.getAsset('image-how-to-learn-python');
      expect(asset.fields.file?.contentType).toBe('image/jpeg');
      const assets = await client.getAssets();
      expect(assets.total).toBe(7);
      expect((await client.getAssets({ mimetype_group: 'image' })).total).toBe(7);
      expect((await client.getAssets({ mimetype_group: 'video' })).total).toBe(0);
      const all = await client.withAllLocales.getEntry('article-how-to-learn-python');
      expect(all.fields.title).toEqual({ 'en-US': 'How to Learn Python: A Step-by-Step Guide' });
      await expect(client.getEntry('nope')).rejects.toThrow();
    });

    it('answers If-None-Match with 304 until the content changes', async () => {
      const url = `${folio.url}/delivery/spaces/folio/environments/master/entries?content_type=topic&access_token=${deliveryToken}`;
      const first = await fetch(url);
      const etag = first.headers.get('etag')!;
      expect(etag).toMatch(/^"[\w-]+"$/);
      expect((await fetch(url, { headers: { 'if-none-match': etag } })).status).toBe(304);
      const other = await fetch(`${url}&limit=1`, { headers: { 'if-none-match': etag } });
      expect(other.status).toBe(200);
    });

    it('serves repeated delivery reads from its cache until something is published', async () => {
      const url = `${folio.url}/delivery/spaces/folio/environments/master/entries/topic-python?access_token=${deliveryToken}`;
      const get = async () => {
        const res = await fetch(url);
        return [res.headers.get('x-folio-cache'), ((await res.json()) as { fields: { name: string } }).fields.name];
      };
      await get();
      expect(await get()).toEqual(['hit', 'Python']);
      const store = await openStore(folio.storeOptions);
      try {
        const scope = { spaceId: 'folio', environmentId: 'master' };
        const topic = (await store.entries.get(scope, 'topic-python'))!;
        await updateEntry(store, scope, { id: 'topic-python', fields: { ...topic.fields, name: { 'en-US': 'Python 3' } } }, systemActor);
        expect(await get()).toEqual(['hit', 'Python']);
        await publishEntry(store, scope, { id: 'topic-python' }, systemActor);
        expect(await get()).toEqual(['miss', 'Python 3']);
      } finally {
        await store.close();
      }
      // Large cached answers go out gzipped to clients that accept it (fetch and the SDK do).
      const list = await fetch(`${folio.url}/delivery/spaces/folio/environments/master/entries?content_type=article&access_token=${deliveryToken}`);
      await list.arrayBuffer();
      const again = await fetch(`${folio.url}/delivery/spaces/folio/environments/master/entries?content_type=article&access_token=${deliveryToken}`);
      expect([again.headers.get('x-folio-cache'), again.headers.get('content-encoding'), again.headers.get('vary')]).toEqual(['hit', 'gzip', 'Accept-Encoding']);
      expect(((await again.json()) as { total: number }).total).toBe(7);
      const preview = await fetch(`${folio.url}/preview/spaces/folio/environments/master/entries/topic-python?access_token=${previewToken}`);
      expect(preview.headers.get('x-folio-cache')).toBeNull();
    });

    it('refuses missing and wrong tokens with 401 AccessTokenInvalid', async () => {
      const base = `${folio.url}/delivery/spaces/folio/environments/master/entries`;
      for (const headers of [{} as Record<string, string>, { authorization: 'Bearer wrong-token' }, { authorization: `Bearer ${previewToken}` }]) {
        const res = await fetch(base, { headers });
        expect(res.status).toBe(401);
        expect(((await res.json()) as { sys: { id: string } }).sys.id).toBe('AccessTokenInvalid');
      }
      const otherEnv = await fetch(`${folio.url}/delivery/spaces/folio/environments/staging/entries`, { headers: { authorization: `Bearer ${deliveryToken}` } });
      expect(otherEnv.status).toBe(404);
    });

    it('shows drafts on preview only, and changes delivery only on publish', async () => {
      const id = 'article-how-to-learn-python';
      const store = await openStore(folio.storeOptions);
      try {
        const scope = { spaceId: 'folio', environmentId: 'master' };
        const current = (await store.entries.get(scope, id))!;
        await updateEntry(store, scope, { id, fields: { ...current.fields, title: { 'en-US': 'Python, drafted' } } }, systemActor);
        expect((await previewClient.getEntry(id)).fields.title).toBe('Python, drafted');
        expect((await client.getEntry(id)).fields.title).toBe('How to Learn Python: A Step-by-Step Guide');
        await publishEntry(store, scope, { id }, systemActor);
        expect((await client.getEntry(id)).fields.title).toBe('Python, drafted');
      } finally {
        await store.close();
      }
    });

    it('syncs: an initial snapshot in pages, then exactly the publishes and deletions since', async () => {
      const initial = await client.sync({ initial: true, limit: 5 } as never);
      expect(initial.entries).toHaveLength(14);
      expect(initial.assets).toHaveLength(7);
      expect(initial.deletedEntries).toHaveLength(0);
      expect(typeof initial.nextSyncToken).toBe('string');
      const article = initial.entries.find((e) => e.sys.id === 'article-what-does-a-devops-engineer-do')!;
      expect(article.fields.title).toEqual({ 'en-US': 'What Does a DevOps Engineer Do? And How to Become One' });

      const nothing = await client.sync({ nextSyncToken: initial.nextSyncToken });
      expect([nothing.entries.length, nothing.deletedEntries.length]).toEqual([0, 0]);

      const store = await openStore(folio.storeOptions);
      const scope = { spaceId: 'folio', environmentId: 'master' };
      try {
        const changed = 'article-how-to-become-a-game-developer';
        const current = (await store.entries.get(scope, changed))!;
        await updateEntry(store, scope, { id: changed, fields: { ...current.fields, title: { 'en-US': 'Game development, revised' } } }, systemActor);
        await publishEntry(store, scope, { id: changed }, systemActor);
        await store.entries.unpublish(scope, 'article-devops-team-roles-and-responsibilities');
        await store.entries.unpublish(scope, 'article-how-long-does-an-associate-degree-take');
        await store.entries.delete(scope, 'article-how-long-does-an-associate-degree-take');

        const delta = await client.sync({ nextSyncToken: nothing.nextSyncToken });
        expect(delta.entries.map((e) => [e.sys.id, (e.fields.title as Record<string, string>)['en-US']])).toEqual([[changed, 'Game development, revised']]);
        expect(delta.deletedEntries.map((e) => e.sys.id).sort()).toEqual([
          'article-devops-team-roles-and-responsibilities',
          'article-how-long-does-an-associate-degree-take',
        ]);

        // Applying the delta to the snapshot gives exactly what is published now.
        const synced = new Map(initial.entries.map((e) => [e.sys.id, e]));
        for (const e of delta.entries) synced.set(e.sys.id, e);
        for (const d of delta.deletedEntries) synced.delete(d.sys.id);
        const published = await store.entries.listPublished(scope, { limit: 1000 });
        expect([...synced.keys()].sort()).toEqual(published.items.map((e) => e.sys.id).sort());
      } finally {
        await store.close();
      }
    });

    it('syncs newest-updated first, and syncs drafts on the Preview API', async () => {
      const initial = await client.sync({ initial: true, type: 'Entry', content_type: 'article' } as never);
      const updated = initial.entries.map((e) => e.sys.updatedAt);
      expect(updated).toEqual([...updated].sort().reverse());

      const draftId = 'article-how-to-become-a-game-developer';
      await retitleDraft(draftId, 'A draft only preview sees');
      const drafts = await previewClient.sync({ initial: true, limit: 4 } as never);
      const draft = drafts.entries.find((e) => e.sys.id === draftId)!;
      expect((draft.fields.title as Record<string, string>)['en-US']).toBe('A draft only preview sees');
      expect(drafts.entries[0]!.sys.id).toBe(draftId);
      const published = await client.sync({ initial: true } as never);
      expect(drafts.entries.length + drafts.assets.length).toBeGreaterThanOrEqual(published.entries.length + published.assets.length);
      const again = await previewClient.sync({ nextSyncToken: drafts.nextSyncToken });
      expect(again.entries).toEqual([]);
    });

    it('refuses a bad sync token or type with 400', async () => {
      const url = `${folio.url}/delivery/spaces/folio/environments/master/sync?access_token=${deliveryToken}`;
      for (const q of ['&sync_token=garbage', '&initial=true&type=Nope', '', '&initial=true&content_type=article']) {
        const res = await fetch(url + q);
        expect(res.status, q).toBe(400);
      }
    });

    it('refuses with withoutUnresolvableLinks nothing that resolves', async () => {
      const res = await client.withoutUnresolvableLinks.getEntries({ content_type: 'article', limit: 1, order: ['-fields.publishDate'] });
      expect((res.items[0]!.fields.author as contentful.Entry | undefined)?.fields.name).toBe('Folio Editorial Team');
    });

    it('queries content types, locales and assets with the query language, as on entries', async () => {
      const types = await client.getContentTypes({ 'sys.id[in]': 'article,topic', order: 'sys.id' } as never);
      expect(types.items.map((t) => t.sys.id)).toEqual(['article', 'topic']);
      const first = await client.getContentTypes({ order: '-sys.id', limit: 1, skip: 1 } as never);
      expect([first.total, first.skip, first.limit, first.items.map((t) => t.sys.id)]).toEqual([3, 1, 1, ['author']]);
      expect((await client.getContentTypes({ 'name[match]': 'artic' } as never)).items.map((t) => t.sys.id)).toEqual(['article']);
      // The SDK's types take no query here, but it sends one (getLocales(query = {})).
      const locales = await (client.getLocales as (q: object) => ReturnType<typeof client.getLocales>)({ limit: 1 });
      expect([locales.total, locales.limit, locales.items.length]).toEqual([1, 1, 1]);
      const assets = await client.getAssets({ 'fields.title[match]': 'python', 'fields.file.contentType': 'image/jpeg' } as never);
      expect(assets.items.map((a) => a.sys.id)).toEqual(['image-how-to-learn-python']);
      expect((await client.getAssets({ 'fields.file.details.size[gt]': '1' } as never)).total).toBe(7);
    });

    it('walks entries and assets with cursors: pages.next and pages.prev, no total, each item once', async () => {
      const seen: string[] = [];
      const pages: string[][] = [];
      let page = await client.getEntriesWithCursor({ content_type: 'article', limit: 3, order: ['sys.id'] });
      expect(page).not.toHaveProperty('total');
      expect(page.pages.prev).toBeUndefined();
      for (;;) {
        seen.push(...page.items.map((e) => e.sys.id));
        pages.push(page.items.map((e) => e.sys.id));
        if (!page.pages.next) break;
        page = await client.getEntriesWithCursor({ content_type: 'article', limit: 3, order: ['sys.id'], pageNext: page.pages.next });
        expect(page.pages.prev).toEqual(expect.any(String));
      }
      const all = await client.getEntries({ content_type: 'article', order: ['sys.id'] });
      expect(seen).toEqual(all.items.map((e) => e.sys.id));
      const back = await client.getEntriesWithCursor({ content_type: 'article', limit: 3, order: ['sys.id'], pagePrev: page.pages.prev! });
      expect(pages.length).toBeGreaterThan(1);
      expect(back.items.map((e) => e.sys.id)).toEqual(pages.at(-2));
      const assets = await client.getAssetsWithCursor({ limit: 5 });
      expect([assets.items.length, typeof assets.pages.next]).toEqual([5, 'string']);
      const rest = await client.getAssetsWithCursor({ limit: 5, pageNext: assets.pages.next! });
      expect([rest.items.length, rest.pages.next]).toEqual([2, undefined]);
    });

    it('orders by sys.revision, sys.contentType.sys.id and several keys, ties broken by sys.id', async () => {
      const res = await client.getEntries({ order: ['sys.contentType.sys.id', '-sys.revision', 'sys.id'] as never, limit: 1000, select: ['sys.id', 'sys.contentType'] as never });
      const rows = res.items.map((e) => [e.sys.contentType.sys.id, e.sys.id]);
      const expected = [...rows].sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : 0));
      expect(rows.map((r) => r[0])).toEqual(expected.map((r) => r[0]));
      const topics = (await client.getEntries({ content_type: 'topic', order: ['-sys.revision'] as never })).items.map((e) => [e.sys.revision, e.sys.id] as const);
      const byRevision = [...topics].sort((a, b) => b[0] - a[0] || (a[1] < b[1] ? -1 : 1));
      expect(topics).toEqual(byRevision);
    });

    it('answers Contentful\'s error shapes: unknown locale, unknown parameter, 404 details', async () => {
      const get = async (path: string) => {
        const res = await fetch(`${folio.url}/delivery/spaces/folio/environments/master${path}`, { headers: { authorization: `Bearer ${deliveryToken}` } });
        const { requestId: _id, ...body } = (await res.json()) as Record<string, unknown>;
        return { status: res.status, body };
      };
      expect(await get('/entries/topic-python?locale=invalidLocale')).toEqual({ status: 400, body: { sys: { type: 'Error', id: 'BadRequest' }, message: 'Unknown locale: invalidLocale' } });
      expect((await get('/entries?name=0')).body).toMatchObject({
        sys: { type: 'Error', id: 'InvalidQuery' },
        details: { errors: [{ name: 'unknown', path: ['name'], details: 'The path "name" is not recognized' }] },
      });
      expect(await get('/entries/not-existing')).toMatchObject({ status: 404, body: { details: { type: 'Entry', id: 'not-existing', environment: 'master', space: 'folio' } } });
      expect((await get('/content_types/nope')).body.details).toEqual({ type: 'ContentType', id: 'nope', environment: 'master', space: 'folio' });
    });

    it('shows public tags, tags published entries, and filters by them', async () => {
      const store = await openStore(folio.storeOptions);
      const scope = { spaceId: 'folio', environmentId: 'master' };
      const python = 'article-how-to-learn-python';
      const devops = 'article-what-does-a-devops-engineer-do';
      try {
        await store.tags.create(scope, { id: 'beginner', name: 'Beginner', visibility: 'public' });
        await store.tags.create(scope, { id: 'evergreen', name: 'Evergreen', visibility: 'public' });
        await store.tags.create(scope, { id: 'legalReview', name: 'Legal review', visibility: 'private' });
        for (const [id, tags] of [[python, ['beginner', 'evergreen', 'legalReview']], [devops, ['evergreen']]] as const) {
          const current = (await store.entries.get(scope, id))!;
          await store.entries.update(scope, id, { contentTypeId: 'article', fields: current.fields, metadata: { tags: [...tags] } });
          await publishEntry(store, scope, { id }, systemActor);
        }
      } finally {
        await store.close();
      }
      const tags = await client.getTags();
      expect(tags.items.map((t) => [t.sys.id, t.name, t.sys.visibility])).toEqual([
        ['beginner', 'Beginner', 'public'],
        ['evergreen', 'Evergreen', 'public'],
      ]);
      expect((await client.getTag('evergreen')).name).toBe('Evergreen');
      await expect(client.getTag('legalReview')).rejects.toThrow();

      // Private tags stay out of the read APIs, on the entry as in the list.
      const entry = await client.getEntry(python);
      expect(entry.metadata.tags.map((t) => t.sys.id)).toEqual(['beginner', 'evergreen']);
      const ids = async (query: Record<string, string>) =>
        (await client.getEntries({ content_type: 'article', order: ['sys.id'], ...query } as never)).items.map((e) => e.sys.id);
      expect(await ids({ 'metadata.tags.sys.id[in]': 'beginner,nothing' })).toEqual([python]);
      expect(await ids({ 'metadata.tags.sys.id[all]': 'beginner,evergreen' })).toEqual([python]);
      expect(await ids({ 'metadata.tags.sys.id[in]': 'evergreen' })).toEqual([python, devops].sort());
      expect(await ids({ 'metadata.tags.sys.id[nin]': 'evergreen' })).not.toContain(devops);
      expect((await ids({ 'metadata.tags[exists]': 'true' })).sort()).toEqual([python, devops].sort());
      expect(await ids({ 'metadata.tags[exists]': 'false' })).not.toContain(python);

      const bad = await fetch(`${folio.url}/delivery/spaces/folio/entries?access_token=${deliveryToken}&metadata.tags[in]=x`);
      expect(bad.status).toBe(400);
    });
  });
}
