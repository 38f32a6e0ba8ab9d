/**
 * The catalog: everything list pages show about published articles, topics and authors, read
 * in a few queries and shaped once. Home, topic, author, search, feeds and the sitemap render
 * from it; the page cache keeps one copy and rebuilds it when a change reaches the store.
 */
import type { Document } from '@contentful/rich-text-types';
import { resolveLinks, type LinkedItems } from '../content/index.js';
import type { AssetRecord, EntryRecord, Json } from '../store/types.js';
import * as is from '../validate/is.js';
import { fieldOf, imageOf, linkedAsset, linkedEntry, textOf, type ImageRef, type SiteContext } from './data.js';
import { plainText } from './reading.js';

export interface TopicInfo {
  id: string;
  slug: string;
  name: string;
  description: string;
  updatedAt: string;
}

export interface AuthorInfo {
  id: string;
  slug: string;
  name: string;
  bio: string;
  updatedAt: string;
}

export interface ArticleInfo {
  id: string;
  slug: string;
  title: string;
  description: string;
  publishDate: string;
  type: string;
  /** sys.updatedAt of the published version: feeds' <updated>, the sitemap's <lastmod>. */
  updatedAt: string;
  image?: ImageRef & { assetId: string };
  topicIds: string[];
  authorId?: string;
  /** Plain text of the body: reading time, search snippets. */
  bodyText: string;
}

export interface Catalog {
  /** Newest first by publish date, then by id. */
  articles: ArticleInfo[];
  topics: Map<string, TopicInfo>;
  authors: Map<string, AuthorInfo>;
  bySlug: Map<string, ArticleInfo>;
}

const linkIds = (v: Json | undefined): string[] =>
  (Array.isArray(v) ? v : []).flatMap((l) => (is.plainObject(l) && is.plainObject(l.sys) && is.string(l.sys.id) ? [l.sys.id] : []));

export function articleInfo(ctx: SiteContext, article: EntryRecord, linked: LinkedItems): ArticleInfo {
  const { locale } = ctx;
  const asset: AssetRecord | undefined = linkedAsset(linked, fieldOf(article, 'featuredImage', locale));
  const image = imageOf(ctx, asset);
  const author = linkedEntry(linked, fieldOf(article, 'author', locale));
  const body = fieldOf(article, 'body', locale);
  return {
    id: article.sys.id,
    slug: textOf(article, 'slug', locale),
    title: textOf(article, 'title', locale),
    description: textOf(article, 'description', locale),
    publishDate: textOf(article, 'publishDate', locale),
    type: textOf(article, 'type', locale),
    updatedAt: article.sys.updatedAt,
    ...(image && asset ? { image: { ...image, assetId: asset.sys.id } } : {}),
    // Only topics that are published (resolveLinks read published entries).
    topicIds: linkIds(fieldOf(article, 'topics', locale)).filter((id) => linked.entries.get(id)?.sys.contentTypeId === 'topic'),
    ...(author?.sys.contentTypeId === 'author' ? { authorId: author.sys.id } : {}),
    bodyText: is.plainObject(body) ? plainText(body as unknown as Document) : '',
  };
}

const topicInfo = (ctx: SiteContext, e: EntryRecord): TopicInfo => ({
  id: e.sys.id,
  slug: textOf(e, 'slug', ctx.locale),
  name: textOf(e, 'name', ctx.locale),
  description: textOf(e, 'description', ctx.locale),
  updatedAt: e.sys.updatedAt,
});

const authorInfo = (ctx: SiteContext, e: EntryRecord): AuthorInfo => ({
  id: e.sys.id,
  slug: textOf(e, 'slug', ctx.locale),
  name: textOf(e, 'name', ctx.locale),
  bio: textOf(e, 'bio', ctx.locale),
  updatedAt: e.sys.updatedAt,
});

/** The hub shows at most this many articles; beyond it, the oldest drop off lists. */
export const maxArticles = 1000;

export async function loadCatalog(ctx: SiteContext): Promise<Catalog> {
  const list = (contentTypeId: string, order: 'publishDate' | 'name') =>
    ctx.store.entries.listPublished(ctx.scope, {
      contentTypeId,
      order: [{ field: order, locale: ctx.locale, direction: order === 'publishDate' ? 'desc' : 'asc' }, { sys: 'id', direction: 'asc' }],
      limit: maxArticles,
    });
  const [articles, topics, authors] = await Promise.all([list('article', 'publishDate'), list('topic', 'name'), list('author', 'name')]);
  const linked = await resolveLinks(ctx.store, ctx.scope, articles.items, { depth: 1, published: true });
  const infos = articles.items.map((a) => articleInfo(ctx, a, linked)).filter((a) => a.slug);
  return {
    articles: infos,
    topics: new Map(topics.items.map((t) => [t.sys.id, topicInfo(ctx, t)]).filter(([, t]) => (t as TopicInfo).slug) as Array<[string, TopicInfo]>),
    authors: new Map(authors.items.map((a) => [a.sys.id, authorInfo(ctx, a)]).filter(([, a]) => (a as AuthorInfo).slug) as Array<[string, AuthorInfo]>),
    bySlug: new Map(infos.map((a) => [a.slug, a])),
  };
}

/** Articles sharing the most topics with `article`, then the newest (which also fill up); never itself. */
export function relatedArticles(catalog: Catalog, article: Pick<ArticleInfo, 'id' | 'topicIds'>, count = 3): ArticleInfo[] {
  const topics = new Set(article.topicIds);
  return catalog.articles
    .filter((a) => a.id !== article.id)
    .map((a, index) => ({ a, index, shared: a.topicIds.filter((t) => topics.has(t)).length }))
    .sort((x, y) => y.shared - x.shared || x.index - y.index)
    .slice(0, count)
    .map((x) => x.a);
}

export const topicBySlug = (catalog: Catalog, slug: string) => [...catalog.topics.values()].find((t) => t.slug === slug);
export const authorBySlug = (catalog: Catalog, slug: string) => [...catalog.authors.values()].find((a) => a.slug === slug);
