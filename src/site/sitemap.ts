/**
 * The sitemap, read from the store a chunk at a time: the home pages, every published article,
 * topic and author with a slug. Past `maxUrls` URLs (the protocol's limit is 50,000)
 * /sitemap.xml becomes a sitemap index and /sitemap-N.xml hold the URLs in order, `maxUrls`
 * each; a file reads only the rows it lists.
 */
import type { Condition } from '../store/types.js';
import { chunkSize, hasSlug } from './catalog.js';
import type { SiteContext } from './data.js';
import { articleHref, authorHref, topicHref } from './models.js';
import type { SitemapUrl } from './views/feeds.js';

/** URLs in one sitemap file, by the protocol. */
export const defaultSitemapMaxUrls = 50_000;

interface Section {
  count: number;
  /** URLs `skip` to `skip + count` of this section. */
  urls(skip: number, count: number): AsyncIterable<SitemapUrl>;
}

export interface SitemapPlan {
  total: number;
  sections: Section[];
}

/** Published entries of a type with a slug, by id, from `skip` on: one query per chunk, keyed by the last id. */
async function* walk(ctx: SiteContext, contentTypeId: string, skip: number, count: number) {
  let after: string | undefined;
  for (let left = count; left > 0; ) {
    const where: Condition[] = [hasSlug(ctx), ...(after === undefined ? [] : [{ sys: 'id' as const, op: 'gt' as const, value: after }])];
    const page = await ctx.store.entries.listPublished(ctx.scope, {
      contentTypeId,
      where,
      order: [{ sys: 'id', direction: 'asc' }],
      skip: after === undefined ? skip : 0,
      limit: Math.min(chunkSize, left),
    });
    if (page.items.length === 0) return;
    yield* page.items;
    left -= page.items.length;
    after = page.items.at(-1)!.sys.id;
  }
}

const countOf = async (ctx: SiteContext, contentTypeId: string) =>
  (await ctx.store.entries.listPublished(ctx.scope, { contentTypeId, where: [hasSlug(ctx)], limit: 0 })).total;

export async function planSitemap(ctx: SiteContext, base: string, perHomePage: number): Promise<SitemapPlan> {
  const [articles, topics, authors, newest] = await Promise.all([
    countOf(ctx, 'article'),
    countOf(ctx, 'topic'),
    countOf(ctx, 'author'),
    ctx.store.entries.listPublished(ctx.scope, { contentTypeId: 'article', where: [hasSlug(ctx)], order: [{ sys: 'updatedAt', direction: 'desc' }], limit: 1 }),
  ]);
  const lastmod = newest.items[0]?.sys.updatedAt;
  const slugOf = (fields: Record<string, Record<string, unknown>>) => String(fields.slug?.[ctx.locale] ?? '');
  const entries = (contentTypeId: string, count: number, href: (slug: string) => string): Section => ({
    count,
    async *urls(skip, n) {
      for await (const e of walk(ctx, contentTypeId, skip, n)) yield { loc: base + href(slugOf(e.fields)), lastmod: e.sys.updatedAt };
    },
  });
  const home: Section = {
    count: Math.max(1, Math.ceil(articles / perHomePage)),
    async *urls(skip, n) {
      for (let page = skip + 1; page <= skip + n; page++) yield page === 1 ? { loc: `${base}/`, ...(lastmod ? { lastmod } : {}) } : { loc: `${base}/?page=${page}` };
    },
  };
  const sections = [home, entries('article', articles, articleHref), entries('topic', topics, topicHref), entries('author', authors, authorHref)];
  return { total: sections.reduce((n, s) => n + s.count, 0), sections };
}

/** URLs `start` to `end` of the whole sitemap, in order. */
export async function sitemapUrls(plan: SitemapPlan, start: number, end: number): Promise<SitemapUrl[]> {
  const urls: SitemapUrl[] = [];
  let offset = 0;
  for (const section of plan.sections) {
    const from = Math.max(start, offset);
    const to = Math.min(end, offset + section.count);
    if (from < to) for await (const url of section.urls(from - offset, to - from)) urls.push(url);
    offset += section.count;
  }
  return urls;
}
