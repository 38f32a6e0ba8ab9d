/**
 * The GraphQL Content API driven by a real GraphQL client (graphql-request) with queries written
 * as Contentful's reference and starters write them, changing nothing but the endpoint and token.
 * Run on every store (see *.sqlite/*.postgres test files).
 */
import { GraphQLClient, gql } from 'graphql-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/auth/index.js';
import { createEntry, createLocale, createTag, getContentType, publishContentType, publishEntry, saveContentType, updateEntry } from '../../src/content/index.js';
import { cardImageQuery } from '../../src/site/data.js';
import { defineField, openStore, type Store } from '../../src/store/index.js';
import { startTestFolio, type TestFolio } from './folio.js';

const deliveryToken = 'graphql-delivery-token';
const previewToken = 'graphql-preview-token';
const scope = { spaceId: 'folio', environmentId: 'master' };

type Raw = { data: Record<string, any> | null; errors?: Array<{ message: string; path?: unknown[]; extensions: { contentful: { code: string; details?: Record<string, unknown> } } }> };

/** The seed's cards as a Contentful starter asks for them: one query, image URLs included. */
export const cardsQuery = gql`
  query Cards($limit: Int = 7) {
    articleCollection(order: publishDate_DESC, limit: $limit) {
      total
      items {
        sys { id }
        title
        slug
        description
        publishDate
        type
        featuredImage {
          url(transform: { width: 330, height: 216, resizeStrategy: FILL, resizeFocus: FACES, quality: 60, format: JPG_PROGRESSIVE })
          description
        }
      }
    }
  }
`;

export function describeGraphqlApi(name: string, env: () => Promise<Record<string, string>>) {
  describe(`GraphQL Content API with graphql-request: ${name}`, () => {
    let folio: TestFolio;
    let store: Store;
    let client: GraphQLClient;
    let preview: GraphQLClient;
    let endpoint: string;
    /** Data and errors together, as Contentful's partial answers have both. */
    const raw = async (c: GraphQLClient, query: string, variables?: Record<string, unknown>): Promise<Raw> => {
      const res = await c.rawRequest<Record<string, any>>(query, variables);
      return { data: res.data, ...(res.errors ? { errors: res.errors as unknown as Raw['errors'] } : {}) };
    };
    const rest = async (path: string) => (await (await fetch(`${folio.url}/delivery/spaces/folio/${path}${path.includes('?') ? '&' : '?'}access_token=${deliveryToken}`)).json()) as { items: Array<{ sys: { id: string }; fields: Record<string, unknown> }>; total: number };

    beforeAll(async () => {
      folio = await startTestFolio({ FOLIO_DELIVERY_TOKEN: deliveryToken, FOLIO_PREVIEW_TOKEN: previewToken, ...(await env()) });
      store = await openStore(folio.storeOptions);
      endpoint = `${folio.url}/graphql/content/v1/spaces/folio/environments/master`;
      client = new GraphQLClient(endpoint, { headers: { authorization: `Bearer ${deliveryToken}` }, errorPolicy: 'all' });
      preview = new GraphQLClient(`${folio.url}/graphql/content/v1/spaces/folio`, { headers: { authorization: `Bearer ${previewToken}` }, errorPolicy: 'all' });
    });
    afterAll(async () => {
      await store?.close();
      await folio?.destroy();
    });

    it("answers the seed's cards: title, summary, date, type, a face-aware card image URL and its alt text", async () => {
      const { data, errors } = await raw(client, cardsQuery);
      expect(errors).toBeUndefined();
      const cards = data!.articleCollection;
      expect(cards.total).toBe(7);
      expect(cards.items).toHaveLength(7);
      const viaRest = await rest('entries?content_type=article&order=-fields.publishDate&include=1');
      expect(cards.items.map((c: any) => c.sys.id)).toEqual(viaRest.items.map((e) => e.sys.id));
      const first = cards.items[0];
      expect(first).toMatchObject({ title: 'What Does a DevOps Engineer Do? And How to Become One', type: 'Article', publishDate: viaRest.items[0]!.fields.publishDate, description: viaRest.items[0]!.fields.description });
      expect(first.featuredImage.description).toBe('[Featured Image] A DevOps engineer types on their computer and looks at their dual monitors as they update software coding.');
      const url = new URL(first.featuredImage.url);
      expect(url.pathname).toMatch(/^\/images\/folio\/image-what-does-a-devops-engineer-do\/[0-9a-f]{32}\/[\w.-]+\.jpg$/);
      // The same transform the hub's cards use, so the URL is one field away.
      expect(Object.fromEntries(url.searchParams)).toEqual(Object.fromEntries(new URLSearchParams(cardImageQuery)));
      const image = await fetch(url);
      expect(image.status).toBe(200);
      expect(image.headers.get('content-type')).toBe('image/jpeg');
    });

    it('serves GET with ?access_token= and the query in the URL, and answers the same again from cache', async () => {
      const url = new URL(endpoint);
      url.searchParams.set('query', '{ articleCollection(limit: 2, order: sys_id_ASC) { items { sys { id } } } }');
      url.searchParams.set('access_token', deliveryToken);
      const first = await fetch(url);
      expect(first.status).toBe(200);
      const again = await fetch(url);
      expect(again.headers.get('x-folio-cache')).toBe('hit');
      expect(await again.json()).toEqual(await first.json());
    });

    it('filters with where (operators, AND/OR, sys, links) and orders, as Delivery answers the same question', async () => {
      const ids = async (where: string, order = 'title_ASC') => {
        const { data, errors } = await raw(client, `{ articleCollection(where: ${where}, order: [${order}]) { items { sys { id } } } }`);
        expect(errors, where).toBeUndefined();
        return data!.articleCollection.items.map((i: any) => i.sys.id as string);
      };
      const viaRest = async (q: string) => (await rest(`entries?content_type=article&order=fields.title&${q}`)).items.map((e) => e.sys.id);
      expect(await ids('{ publishDate_gte: "2021-11-01", publishDate_lt: "2021-12-01" }')).toEqual(await viaRest('fields.publishDate[gte]=2021-11-01&fields.publishDate[lt]=2021-12-01'));
      expect(await ids('{ slug_in: ["how-to-learn-python", "typescript-vs-javascript"] }')).toEqual(await viaRest('fields.slug[in]=how-to-learn-python,typescript-vs-javascript'));
      expect(await ids('{ slug_not: "how-to-learn-python" }')).toHaveLength(6);
      expect(await ids('{ slug_not_in: ["how-to-learn-python"] }')).toHaveLength(6);
      expect(await ids('{ body_exists: true }')).toHaveLength(7);
      expect(await ids('{ title_contains: "typescript" }')).toEqual(await viaRest('fields.title[match]=typescript'));
      expect(await ids('{ title_not_contains: "typescript" }')).toHaveLength(6);
      expect(await ids('{ sys: { id: "article-how-to-learn-python" } }')).toEqual(['article-how-to-learn-python']);
      expect(await ids('{ OR: [{ slug: "how-to-learn-python" }, { slug: "typescript-vs-javascript" }] }')).toEqual(await viaRest('fields.slug[in]=how-to-learn-python,typescript-vs-javascript'));
      expect(await ids('{ AND: [{ publishDate_gte: "2021-11-01" }, { OR: [{ slug: "how-to-learn-python" }, { type: "Article" }] }] }')).toEqual(await viaRest('fields.publishDate[gte]=2021-11-01'));
      // Filters on a linked entry's fields (one content type allowed), as Delivery's reference queries.
      expect(await ids('{ topics: { name: "Python" } }')).toEqual(await viaRest('fields.topics.sys.contentType.sys.id=topic&fields.topics.fields.name=Python'));
      expect(await ids('{ author: { slug: "folio-editorial-team" } }')).toHaveLength(7);
      expect(await ids('{ author: { name_contains: "nobody" } }')).toEqual([]);
      expect(await ids('{ featuredImage_exists: true, topicsCollection_exists: true }')).toHaveLength(7);
      expect(await ids('{}', 'publishDate_DESC')).toEqual((await rest('entries?content_type=article&order=-fields.publishDate')).items.map((e) => e.sys.id));
      expect(await ids('{}', 'sys_id_DESC')).toEqual((await rest('entries?content_type=article&order=-sys.id')).items.map((e) => e.sys.id));
      expect(await ids('{ sys: { publishedVersion_gte: 1, firstPublishedAt_exists: true } }')).toHaveLength(7);
      const byFirstPublish = (await raw(client, '{ articleCollection(order: [sys_firstPublishedAt_DESC, sys_id_ASC]) { items { sys { id firstPublishedAt } } } }')).data!.articleCollection.items;
      expect(byFirstPublish.map((i: any) => i.sys.firstPublishedAt)).toEqual(byFirstPublish.map((i: any) => i.sys.firstPublishedAt).sort().reverse());
      const page = (await raw(client, '{ articleCollection(order: publishDate_ASC, skip: 5, limit: 5) { total skip limit items { slug } } }')).data!.articleCollection;
      expect([page.total, page.skip, page.limit, page.items.length]).toEqual([7, 5, 5, 2]);
      const assets = async (where: string) => (await raw(client, `{ assetCollection(where: ${where}) { total items { width contentType } } }`)).data!.assetCollection;
      const wide = await assets('{ contentType: "image/jpeg", width_gte: 1000 }');
      expect(wide.items.every((a: any) => a.width >= 1000 && a.contentType === 'image/jpeg')).toBe(true);
      const narrow = await assets('{ contentType: "image/jpeg", width_lt: 1000 }');
      expect(narrow.items.every((a: any) => a.width < 1000)).toBe(true);
      expect(wide.total + narrow.total).toBe((await assets('{ contentType: "image/jpeg" }')).total);
      expect(wide.total).toBeGreaterThan(0);
    });

    it('reads one entry and follows links three deep; linkedFrom finds who links here', async () => {
      const { data, errors } = await raw(
        client,
        gql`
          query One($id: String!) {
            article(id: $id) {
              title
              sys { id spaceId environmentId publishedAt firstPublishedAt publishedVersion locale }
              author {
                name
                linkedFrom {
                  articleCollection(limit: 10) {
                    total
                    items { slug topicsCollection(limit: 5) { items { name linkedFrom { entryCollection(limit: 1) { total } } } } }
                  }
                }
              }
            }
            missing: article(id: "no-such-entry") { title }
          }
        `,
        { id: 'article-how-to-learn-python' },
      );
      expect(errors).toBeUndefined();
      const article = data!.article;
      expect(article.title).toBe('How to Learn Python: A Step-by-Step Guide');
      expect(article.sys).toMatchObject({ id: 'article-how-to-learn-python', spaceId: 'folio', environmentId: 'master', locale: 'en-US', publishedVersion: expect.any(Number) });
      expect(Date.parse(article.sys.publishedAt)).toBeGreaterThan(0);
      expect(data!.missing).toBeNull();
      const linking = article.author.linkedFrom.articleCollection;
      expect(linking.total).toBe(7);
      const python = linking.items.find((i: any) => i.slug === 'how-to-learn-python');
      const topic = python.topicsCollection.items.find((t: any) => t.name === 'Python');
      expect(topic.linkedFrom.entryCollection.total).toBe((await rest('entries?links_to_entry=topic-python')).total);
      // Links to one content type filter and order like a collection of that type.
      const topics = await raw(client, '{ article(id: "article-how-to-learn-python") { all: topicsCollection { items { name } } byName: topicsCollection(order: name_DESC) { total items { name } } python: topicsCollection(where: { name: "Python" }) { total items { name } } } }');
      expect(topics.errors).toBeUndefined();
      const names = topics.data!.article.all.items.map((t: any) => t.name as string);
      expect(names.length).toBeGreaterThan(1);
      expect(topics.data!.article.byName).toEqual({ total: names.length, items: [...names].sort().reverse().map((name) => ({ name })) });
      expect(topics.data!.article.python).toEqual({ total: 1, items: [{ name: 'Python' }] });
    });

    it('resolves RichText links (entries inline, block, hyperlink; assets block, hyperlink) and reports an unresolvable link beside the data', async () => {
      const text = (value: string) => ({ nodeType: 'text', value, marks: [], data: {} });
      const target = (linkType: string, id: string) => ({ target: { sys: { type: 'Link', linkType, id } } });
      const body = {
        nodeType: 'document',
        data: {},
        content: [
          { nodeType: 'paragraph', data: {}, content: [text('By '), { nodeType: 'embedded-entry-inline', data: target('Entry', 'author-folio-editorial-team'), content: [] }, { nodeType: 'entry-hyperlink', data: target('Entry', 'topic-python'), content: [text('Python')] }, { nodeType: 'asset-hyperlink', data: target('Asset', 'image-how-to-learn-python'), content: [text('image')] }, text('.')] },
          { nodeType: 'embedded-entry-block', data: target('Entry', 'article-how-to-learn-python'), content: [] },
          { nodeType: 'embedded-asset-block', data: target('Asset', 'image-what-does-a-devops-engineer-do'), content: [] },
        ],
      };
      await createEntry(store, scope, { id: 'author-draft-only', contentTypeId: 'author', fields: { name: { 'en-US': 'Draft Author' }, slug: { 'en-US': 'draft-author' } } }, systemActor);
      await createEntry(store, scope, { id: 'topic-draft-only', contentTypeId: 'topic', fields: { name: { 'en-US': 'Draft Topic' }, slug: { 'en-US': 'draft-topic' } } }, systemActor);
      const topicLink = (id: string) => ({ sys: { type: 'Link', linkType: 'Entry', id } });
      await createEntry(
        store,
        scope,
        {
          id: 'article-rich',
          contentTypeId: 'article',
          fields: {
            title: { 'en-US': 'Rich links' },
            slug: { 'en-US': 'rich-links' },
            description: { 'en-US': 'Embeds.' },
            body: { 'en-US': body },
            publishDate: { 'en-US': '2020-01-01' },
            type: { 'en-US': 'Guide' },
            author: { 'en-US': { sys: { type: 'Link', linkType: 'Entry', id: 'author-draft-only' } } },
            topics: { 'en-US': [topicLink('topic-python'), topicLink('topic-draft-only')] },
          },
        },
        systemActor,
      );
      await publishEntry(store, scope, { id: 'article-rich' }, systemActor);
      const query = gql`
        query Rich($preview: Boolean) {
          article(id: "article-rich", preview: $preview) {
            title
            author { name }
            topicsCollection { total items { name } }
            body {
              json
              links {
                entries { inline { sys { id } ... on Author { name } } block { sys { id } ... on Article { title } } hyperlink { __typename sys { id } } }
                assets { block { sys { id } url description } hyperlink { sys { id } } }
              }
            }
          }
        }
      `;
      const { data, errors } = await raw(client, query);
      const links = data!.article.body.links;
      expect(data!.article.body.json).toEqual(body);
      expect(links.entries.inline).toEqual([{ sys: { id: 'author-folio-editorial-team' }, name: 'Folio Editorial Team' }]);
      expect(links.entries.block).toEqual([{ sys: { id: 'article-how-to-learn-python' }, title: 'How to Learn Python: A Step-by-Step Guide' }]);
      expect(links.entries.hyperlink).toEqual([{ __typename: 'Topic', sys: { id: 'topic-python' } }]);
      expect(links.assets.block[0].sys.id).toBe('image-what-does-a-devops-engineer-do');
      expect(links.assets.block[0].url).toMatch(/^http:\/\/localhost:\d+\/images\/folio\/image-what-does-a-devops-engineer-do\//);
      expect(links.assets.hyperlink).toEqual([{ sys: { id: 'image-how-to-learn-python' } }]);
      // The author is a draft: published content cannot reach it, the rest of the answer stands.
      expect(data!.article.author).toBeNull();
      // In a link collection the unresolvable item stays in its place as null.
      expect(data!.article.topicsCollection).toEqual({ total: 2, items: [{ name: 'Python' }, null] });
      expect(errors!.map((e) => [e.path, e.extensions.contentful.code, e.extensions.contentful.details?.linkId])).toEqual([
        [['article', 'author'], 'UNRESOLVABLE_LINK', 'author-draft-only'],
        [['article', 'topicsCollection', 'items', 1], 'UNRESOLVABLE_LINK', 'topic-draft-only'],
      ]);
      expect(errors![0]!.extensions.contentful).toMatchObject({ details: { linkType: 'Entry', field: 'author', linkId: 'author-draft-only' } });
      // Preview sees drafts, so the same link resolves there.
      const previewed = await raw(preview, query, { preview: true });
      expect(previewed.errors).toBeUndefined();
      expect(previewed.data!.article.author.name).toBe('Draft Author');
      expect(previewed.data!.article.topicsCollection.items).toEqual([{ name: 'Python' }, { name: 'Draft Topic' }]);
    });

    it('shows drafts to preview tokens with preview: true, and refuses preview to delivery tokens', async () => {
      const current = (await store.entries.get(scope, 'article-how-to-learn-python'))!;
      await updateEntry(store, scope, { id: current.sys.id, fields: { ...current.fields, title: { 'en-US': 'Python, drafted' } } }, systemActor);
      const query = '{ article(id: "article-how-to-learn-python", preview: true) { title } }';
      expect((await raw(preview, query)).data!.article.title).toBe('Python, drafted');
      expect((await raw(preview, '{ article(id: "article-how-to-learn-python") { title } }')).data!.article.title).toBe('How to Learn Python: A Step-by-Step Guide');
      const refused = await raw(client, query);
      expect(refused.data!.article).toBeNull();
      expect(refused.errors![0]!.extensions.contentful.code).toBe('ACCESS_TOKEN_INVALID');
      await updateEntry(store, scope, { id: current.sys.id, fields: current.fields }, systemActor);
    });

    it('sees a new field as soon as its content type is published, with locale fallback and UNKNOWN_LOCALE', async () => {
      const before = await fetch(endpoint, { method: 'POST', headers: { authorization: `Bearer ${deliveryToken}`, 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ articleCollection(limit: 1) { items { subtitle } } }' }) });
      expect(before.status).toBe(400);
      expect(((await before.json()) as Raw).errors![0]!.extensions.contentful.code).toBe('GRAPHQL_VALIDATION_FAILED');
      await createLocale(store, scope, { code: 'de-DE', name: 'German', fallbackCode: 'en-US', optional: true, contentDeliveryApi: true, contentManagementApi: true }, systemActor);
      const type = await getContentType(store, scope, 'article', systemActor);
      await saveContentType(store, scope, { id: 'article', body: { name: type.name, description: type.description, displayField: type.displayField, fields: [...type.fields, defineField('subtitle', 'Symbol', { name: 'Subtitle', localized: true })] }, version: type.sys.version }, systemActor);
      await publishContentType(store, scope, { id: 'article' }, systemActor);
      for (const [id, subtitle] of [['article-how-to-learn-python', { 'en-US': 'In English', 'de-DE': 'Auf Deutsch' }], ['article-typescript-vs-javascript', { 'en-US': 'Only English' }]] as const) {
        const entry = (await store.entries.get(scope, id))!;
        await updateEntry(store, scope, { id: id, fields: { ...entry.fields, subtitle } }, systemActor);
        await publishEntry(store, scope, { id: id }, systemActor);
      }
      const { data, errors } = await raw(
        client,
        `{ articleCollection(locale: "de-DE", where: { slug_in: ["how-to-learn-python", "typescript-vs-javascript"] }, order: slug_ASC) { items { slug subtitle english: subtitle(locale: "en-US") sys { locale } } } }`,
      );
      expect(errors).toBeUndefined();
      expect(data!.articleCollection.items).toEqual([
        { slug: 'how-to-learn-python', subtitle: 'Auf Deutsch', english: 'In English', sys: { locale: 'de-DE' } },
        // No German value: the fallback locale's, as Contentful does.
        { slug: 'typescript-vs-javascript', subtitle: 'Only English', english: 'Only English', sys: { locale: 'de-DE' } },
      ]);
      const unknown = await raw(client, '{ articleCollection(locale: "xx-XX") { total } article(id: "article-how-to-learn-python") { title } }');
      expect(unknown.data).toEqual({ articleCollection: null, article: { title: 'How to Learn Python: A Step-by-Step Guide' } });
      expect(unknown.errors![0]!.extensions.contentful.code).toBe('UNKNOWN_LOCALE');
    });

    it('shows public tags in contentfulMetadata and filters by them', async () => {
      await createTag(store, scope, { id: 'featured', name: 'Featured', visibility: 'public' }, systemActor);
      await createTag(store, scope, { id: 'internal', name: 'Internal', visibility: 'private' }, systemActor);
      const entry = (await store.entries.get(scope, 'article-typescript-vs-javascript'))!;
      await updateEntry(store, scope, { id: entry.sys.id, fields: entry.fields, metadata: { tags: ['featured', 'internal'] } }, systemActor);
      await publishEntry(store, scope, { id: entry.sys.id }, systemActor);
      const { data, errors } = await raw(
        client,
        '{ tagged: articleCollection(where: { contentfulMetadata: { tags: { id_contains_some: ["featured"] } } }) { items { slug contentfulMetadata { tags { id name } concepts { id } } } } untagged: articleCollection(where: { contentfulMetadata: { tags_exists: false } }) { total } }',
      );
      expect(errors).toBeUndefined();
      expect(data!.tagged.items).toEqual([{ slug: 'typescript-vs-javascript', contentfulMetadata: { tags: [{ id: 'featured', name: 'Featured' }], concepts: [] } }]);
      expect(data!.untagged.total).toBe(data!.tagged.items.length === 1 ? (await rest('entries?content_type=article&metadata.tags[exists]=false')).total : -1);
    });

    it('drops a cached answer when what it shows is published again', async () => {
      const query = '{ article(id: "article-how-to-become-a-game-developer") { title } }';
      const first = await raw(client, query);
      const entry = (await store.entries.get(scope, 'article-how-to-become-a-game-developer'))!;
      await updateEntry(store, scope, { id: entry.sys.id, fields: { ...entry.fields, title: { 'en-US': 'Game development, revised' } } }, systemActor);
      expect(await raw(client, query)).toEqual(first);
      await publishEntry(store, scope, { id: entry.sys.id }, systemActor);
      expect((await raw(client, query)).data!.article.title).toBe('Game development, revised');
      const cards = await raw(client, cardsQuery, { limit: 7 });
      expect(cards.data!.articleCollection.items.map((c: any) => c.title)).toContain('Game development, revised');
    });
  });
}
