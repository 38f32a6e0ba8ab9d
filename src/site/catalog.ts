/**
 * What hub pages show about published articles, topics and authors, read from the store with
 * queries bounded by the page: a page of articles, one article by slug, a few related ones.
 * Nothing here holds a list that grows with the content; only the navigation frame (the
 * topics in the footer and chips) is kept, capped at `maxNavTopics`.
 */
import type { Document } from '@contentful/rich-text-types';
import { resolveLinks, type LinkedItems } from '../content/index.js';
import type { AssetRecord, Condition, EntryRecord, Json, ListQuery, OrderBy } from '../store/types.js';
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
  /** Published topics only, in the article's order. */
  topicIds: string[];
  topicNames: string[];
  authorId?: string;
  authorName?: string;
  /** Plain text of the body: reading time, search snippets. */
  bodyText: string;
}

/** The topics every page links to (footer) and the chips of those that have articles. */
export interface NavFrame {
  topics: TopicInfo[];
  usedTopicIds: Set<string>;
}

/** Topics in the navigation at most; more stay reachable from articles and the sitemap. */
export const maxNavTopics = 100;
/** Rows per store query when walking a whole set (the sitemap); the store's own maximum. */
export const chunkSize = 1000;
/** Articles sharing a topic that related-article ranking looks at: the newest of them. */
const relatedCandidates = 50;

/** The ids an array of links points to. */
export const linkIds = (v: Json | undefined): string[] =>
  (Array.isArray(v) ? v : []).flatMap((l) => (is.plainObject(l) && is.plainObject(l.sys) && is.string(l.sys.id) ? [l.sys.id] : []));

export function articleInfo(ctx: SiteContext, article: EntryRecord, linked: LinkedItems): ArticleInfo {
  const { locale } = ctx;
  const asset: AssetRecord | undefined = linkedAsset(linked, fieldOf(article, 'featuredImage', locale));
  const image = imageOf(ctx, asset);
  const author = linkedEntry(linked, fieldOf(article, 'author', locale));
  const body = fieldOf(article, 'body', locale);
  // Only topics that are published (resolveLinks read published entries) and have a page.
  const topics = linkIds(fieldOf(article, 'topics', locale)).flatMap((id) => {
    const t = linked.entries.get(id);
    return t?.sys.contentTypeId === 'topic' && textOf(t, 'slug', locale) ? [t] : [];
  });
  return {
    id: article.sys.id,
    slug: textOf(article, 'slug', locale),
    title: textOf(article, 'title', locale),
    description: textOf(article, 'description', locale),
    publishDate: textOf(article, 'publishDate', locale),
    type: textOf(article, 'type', locale),
    updatedAt: article.sys.updatedAt,
    ...(image && asset ? { image: { ...image, assetId: asset.sys.id } } : {}),
    topicIds: topics.map((t) => t.sys.id),
    topicNames: topics.map((t) => textOf(t, 'name', locale)),
    ...(author?.sys.contentTypeId === 'author' && textOf(author, 'slug', locale)
      ? { authorId: author.sys.id, authorName: textOf(author, 'name', locale) }
      : {}),
    bodyText: is.plainObject(body) ? plainText(body as unknown as Document) : '',
  };
}

export const topicInfo = (ctx: SiteContext, e: EntryRecord): TopicInfo => ({
  id: e.sys.id,
  slug: textOf(e, 'slug', ctx.locale),
  name: textOf(e, 'name', ctx.locale),
  description: textOf(e, 'description', ctx.locale),
  updatedAt: e.sys.updatedAt,
});

export const authorInfo = (ctx: SiteContext, e: EntryRecord): AuthorInfo => ({
  id: e.sys.id,
  slug: textOf(e, 'slug', ctx.locale),
  name: textOf(e, 'name', ctx.locale),
  bio: textOf(e, 'bio', ctx.locale),
  updatedAt: e.sys.updatedAt,
});

/** Only items with a slug have a page on the hub. */
export const hasSlug = (ctx: SiteContext): Condition => ({ field: 'slug', locale: ctx.locale, op: 'exists', value: true });
export const newestFirst = (ctx: SiteContext): OrderBy[] => [
  { field: 'publishDate', locale: ctx.locale, direction: 'desc' },
  { sys: 'id', direction: 'asc' },
];
const byName = (ctx: SiteContext): OrderBy[] => [
  { field: 'name', locale: ctx.locale, direction: 'asc' },
  { sys: 'id', direction: 'asc' },
];
/** Articles filed under this topic. */
export const inTopic = (topicIds: string[]): Condition => ({ op: 'linksTo', linkType: 'Entry', ids: topicIds, field: 'topics' });

async function infos(ctx: SiteContext, records: EntryRecord[]): Promise<ArticleInfo[]> {
  const linked = await resolveLinks(ctx.store, ctx.scope, records, { depth: 1, published: true });
  return records.map((a) => articleInfo(ctx, a, linked));
}

/** One page of published articles with a slug, newest first, and how many there are in all. */
export async function articlesPage(
  ctx: SiteContext,
  query: { where?: Condition[]; skip: number; limit: number },
): Promise<{ total: number; articles: ArticleInfo[] }> {
  const page = await ctx.store.entries.listPublished(ctx.scope, {
    contentTypeId: 'article',
    where: [hasSlug(ctx), ...(query.where ?? [])],
    order: newestFirst(ctx),
    skip: query.skip,
    limit: query.limit,
  });
  return { total: page.total, articles: await infos(ctx, page.items) };
}

/** The published entry of this type whose slug is `slug` (the first created, should two share it). */
async function bySlug(ctx: SiteContext, contentTypeId: string, slug: string): Promise<EntryRecord | undefined> {
  if (!slug) return undefined;
  const page = await ctx.store.entries.listPublished(ctx.scope, {
    contentTypeId,
    where: [{ field: 'slug', locale: ctx.locale, op: 'eq', value: slug }],
    // The default order (created first): the slug index (migration 0026) holds it after the
    // slug, so this is one index probe; ordered by id, SQLite walked every published entry.
    limit: 1,
  });
  return page.items[0];
}

export const articleBySlug = (ctx: SiteContext, slug: string) => bySlug(ctx, 'article', slug);
export const topicBySlug = async (ctx: SiteContext, slug: string) => {
  const e = await bySlug(ctx, 'topic', slug);
  return e && topicInfo(ctx, e);
};
export const authorBySlug = async (ctx: SiteContext, slug: string) => {
  const e = await bySlug(ctx, 'author', slug);
  return e && authorInfo(ctx, e);
};

/** Articles "read next" shows on an article page. */
export const relatedCount = 3;

/**
 * What the related lists of every article filed under one set of topics are picked from, read
 * once for all of them (`pickRelated` picks one page's): when a publish moves that set's list,
 * it is read again once, not once per article page that shows it.
 */
export interface RelatedPool {
  /** The newest articles sharing a topic, one more than ranking looks at (a page leaves itself out), with how many they share. */
  sharing: Array<{ id: string; shared: number }>;
  /** The newest articles of all, to fill up with; only read when too few share a topic. */
  newest: string[];
  /** Every article some page's pick can show. */
  infos: Map<string, ArticleInfo>;
}

/**
 * Up to `relatedCount` articles for "read next" on the page of `articleId`: of the newest
 * articles sharing a topic with it, those sharing the most, then the newest; filled up with
 * the newest articles.
 */
export function pickRelated(pool: Omit<RelatedPool, 'infos'>, articleId: string): string[] {
  const candidates = pool.sharing.filter((s) => s.id !== articleId).slice(0, relatedCandidates);
  const chosen = candidates
    .map((s, index) => ({ ...s, index }))
    .sort((x, y) => y.shared - x.shared || x.index - y.index)
    .slice(0, relatedCount)
    .map((s) => s.id);
  for (const id of pool.newest) {
    if (chosen.length >= relatedCount) break;
    if (id !== articleId && !chosen.includes(id)) chosen.push(id);
  }
  return chosen;
}

/** The pool of the related lists of articles filed under `topicIds` (published topics, as `ArticleInfo.topicIds`). */
export async function relatedPool(ctx: SiteContext, topicIds: string[]): Promise<RelatedPool> {
  // Uncounted: how many articles a topic has is not shown, and counting them read them all.
  const list = (query: ListQuery) => ctx.store.entries.pagePublished(ctx.scope, { contentTypeId: 'article', order: newestFirst(ctx), ...query });
  const topics = new Set(topicIds);
  const sharingRecords = topics.size ? await list({ where: [hasSlug(ctx), inTopic([...topics])], limit: relatedCandidates + 1 }) : [];
  const sharing = sharingRecords.map((e) => ({ id: e.sys.id, shared: linkIds(fieldOf(e, 'topics', ctx.locale)).filter((t) => topics.has(t)).length }));
  // A page that leaves itself out of `sharing` fills up with at most relatedCount of the newest
  // it neither shows nor is: relatedCount + 1 of them are always enough.
  const newestRecords = sharing.length <= relatedCount ? await list({ where: [hasSlug(ctx)], limit: relatedCount + 1 }) : [];
  const pool = { sharing, newest: newestRecords.map((e) => e.sys.id) };
  // Any page's pick: of one in `sharing`, of one among the newest (it leaves itself out of the
  // fill-up, so a later one takes its place), or of any other (which leaves nothing out).
  const shown = new Set([...sharing.map((s) => s.id), ...pool.newest, ''].flatMap((self) => pickRelated(pool, self)));
  const records = new Map([...sharingRecords, ...newestRecords].map((e) => [e.sys.id, e]));
  const chosen = [...shown].map((id) => records.get(id)!);
  const infoList = await infos(ctx, chosen);
  return { ...pool, infos: new Map(infoList.map((a) => [a.id, a])) };
}

/** Which of these topics have at least one published article: the first one found, not a count of them all. */
async function usedOf(ctx: SiteContext, topicIds: string[]): Promise<Set<string>> {
  const firsts = await Promise.all(
    topicIds.map((id) => ctx.store.entries.pagePublished(ctx.scope, { contentTypeId: 'article', where: [hasSlug(ctx), inTopic([id])], limit: 1 })),
  );
  return new Set(topicIds.filter((_, i) => firsts[i]!.length > 0));
}

/** The navigation frame: the topics by name, and which have articles. */
export async function loadNavFrame(ctx: SiteContext): Promise<NavFrame> {
  const first = await ctx.store.entries.pagePublished(ctx.scope, { contentTypeId: 'topic', where: [hasSlug(ctx)], order: byName(ctx), limit: maxNavTopics });
  const topics = first.map((t) => topicInfo(ctx, t));
  return { topics, usedTopicIds: await usedOf(ctx, topics.map((t) => t.id)) };
}

/** The frame after articles filed under `topicIds` changed: only those topics are counted again. */
export async function refreshNavFrame(ctx: SiteContext, frame: NavFrame, topicIds: Iterable<string>): Promise<NavFrame> {
  const shown = new Set(frame.topics.map((t) => t.id));
  const recount = [...new Set(topicIds)].filter((id) => shown.has(id));
  if (recount.length === 0) return frame;
  const used = await usedOf(ctx, recount);
  const usedTopicIds = new Set(frame.usedTopicIds);
  for (const id of recount) used.has(id) ? usedTopicIds.add(id) : usedTopicIds.delete(id);
  return { topics: frame.topics, usedTopicIds };
}
