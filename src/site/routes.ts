/** The public hub's HTTP layer: catalog and page cache in, view models shaped, pages out. */
import type { Document } from '@contentful/rich-text-types';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { resolveLinks } from '../content/index.js';
import { FolioError, notFound } from '../errors/index.js';
import type { EntryRecord } from '../store/types.js';
import * as is from '../validate/is.js';
import { articleInfo, authorBySlug, loadCatalog, relatedArticles, topicBySlug, type ArticleInfo, type Catalog } from './catalog.js';
import { fieldOf, imageOf, textOf, type SiteContext } from './data.js';
import { articleHref, authorHref, bodyPicture, cardOf, heroPicture, leadOf, shownAssets, topicHref, usedTopics } from './models.js';
import { articleOrderKey, assetKey, entryKey, PageCache, prepare, relatedKey, type CachedPage, type ChangeSet, type RenderedPage } from './page-cache.js';
import { checkPreviewLink, previewSecret } from './preview-links.js';
import { readingMinutes, wordCount } from './reading.js';
import { searchArticles, termPattern, maxQueryLength } from './search.js';
import { articleData, breadcrumbList, websiteData } from './structured-data.js';
import { cssHref, renderArticle, renderError, renderHome, siteCss } from './views/index.js';
import { renderAtom, renderRobots, renderRss, renderSitemap, type FeedItem } from './views/feeds.js';
import { renderAuthorPage, renderSearchPage, renderSearchResults, renderTopicPage } from './views/listing.js';
import { highlight, type CardModel } from './views/parts.js';
import { searchScript, searchScriptHref } from './views/scripts.js';

export const siteName = 'Folio';
const siteDescription = 'Guides to in-demand roles, the skills they take, and practical steps to get started.';

/** Cards per page on the home page (the lead counts on page 1) and on topic pages. */
export const homePageSize = 6;
export const topicPageSize = 12;
/** Pages kept in memory; search pages make the key space open-ended. */
const maxCachedPages = 2000;
const feedSize = 50;

const html = 'text/html; charset=utf-8';

export interface SiteOptions {
  context: SiteContext;
  /** Signs draft links; default: a secret kept in the store's settings. */
  previewSecret?: string;
}

function send(request: FastifyRequest, reply: FastifyReply, page: CachedPage, cacheControl = 'public, max-age=0, must-revalidate') {
  reply.code(page.status).type(page.contentType).header('cache-control', cacheControl).header('etag', page.etag).header('vary', 'Accept-Encoding');
  if (page.status === 200 && request.headers['if-none-match'] === page.etag) return reply.code(304).send();
  if (page.gzip && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) return reply.header('content-encoding', 'gzip').send(page.gzip);
  return reply.send(page.body);
}

/** `?page=`: absent is 1; anything but a positive whole number is a 400. */
function pageParam(value: unknown): number {
  if (value === undefined) return 1;
  if (typeof value !== 'string' || !/^[1-9]\d{0,5}$/.test(value)) throw new FolioError('BAD_REQUEST', 'page must be a positive whole number');
  return Number(value);
}

export async function siteRoutes(app: FastifyInstance, opts: SiteOptions) {
  const ctx = opts.context;
  const { locale } = ctx;
  const base = ctx.publicUrl.replace(/\/+$/, '');
  const perHomePage = homePageSize;

  // Each article as last published: its topics, and what places it in lists and related links.
  // A republish that keeps them (new text, say) moves no list: only pages showing it re-render.
  let placed: Map<string, { topics: string[]; placement: string }> | undefined;
  let catalogPromise: Promise<Catalog> | undefined;
  const placementOf = (slug: string, publishDate: string, topics: string[], authorId: string | undefined) => JSON.stringify([slug, publishDate, topics, authorId ?? null]);
  const linkIds = (raw: unknown) =>
    (Array.isArray(raw) ? raw : [raw]).flatMap((l) => (is.plainObject(l) && is.plainObject(l.sys) && is.string(l.sys.id) ? [l.sys.id] : []));

  const onChange = async (changes: ChangeSet) => {
    const keys: string[] = [];
    for (const id of changes.articles) {
      const now = await ctx.store.entries.getPublished(ctx.scope, id);
      const topics = now ? linkIds(fieldOf(now, 'topics', locale)) : [];
      const placement = now && placementOf(textOf(now, 'slug', locale), textOf(now, 'publishDate', locale), topics, linkIds(fieldOf(now, 'author', locale))[0]);
      const before = placed?.get(id);
      if (!before || !placement || before.placement !== placement) {
        keys.push(articleOrderKey);
        for (const t of [...(before?.topics ?? []), ...topics]) keys.push(relatedKey(t));
      }
      if (placed) placement ? placed.set(id, { topics, placement }) : placed.delete(id);
    }
    if (changes.all) placed = undefined;
    catalogPromise = undefined;
    return keys;
  };
  const cache = new PageCache(ctx.store, ctx.scope, { maxPages: maxCachedPages, onChange });

  const catalog = (): Promise<Catalog> => {
    if (!catalogPromise) {
      const generation = cache.currentGeneration;
      const loading = loadCatalog(ctx);
      catalogPromise = loading;
      loading.then(
        (c) => {
          if (!placed && generation === cache.currentGeneration) {
            placed = new Map(c.articles.map((a) => [a.id, { topics: a.topicIds, placement: placementOf(a.slug, a.publishDate, a.topicIds, a.authorId) }]));
          }
        },
        () => {
          if (catalogPromise === loading) catalogPromise = undefined;
        },
      );
    }
    return catalogPromise;
  };

  /** Answers from the cache, or renders, keeps and answers. */
  async function cached(request: FastifyRequest, reply: FastifyReply, key: string, render: (c: Catalog) => Promise<RenderedPage> | RenderedPage) {
    await cache.sync();
    const { page, hit } = await cache.load(key, async () => render(await catalog()));
    reply.header('x-hub-cache', hit ? 'hit' : 'miss');
    return send(request, reply, page);
  }

  const footerTopics = (c: Catalog) => [...c.topics.values()].map((t) => ({ name: t.name, slug: t.slug }));
  const topicDeps = (c: Catalog) => ['topics', ...[...c.topics.keys()].map(entryKey)];

  app.get(cssHref(), (_req, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=31536000, immutable').send(siteCss),
  );
  app.get(searchScriptHref(), (_req, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=31536000, immutable').send(searchScript),
  );

  app.get<{ Querystring: { page?: string } }>('/', async (request, reply) => {
    const current = pageParam(request.query.page);
    return cached(request, reply, `/?page=${current}`, (c) => {
      const pages = Math.max(1, Math.ceil(c.articles.length / perHomePage));
      if (current > pages) throw notFound(`There is no page ${current}`);
      const shown = c.articles.slice((current - 1) * perHomePage, current * perHomePage);
      const lead = current === 1 ? shown[0] : undefined;
      const rest = lead ? shown.slice(1) : shown;
      return {
        status: 200,
        contentType: html,
        deps: [articleOrderKey, ...shown.map((a) => entryKey(a.id)), ...topicDeps(c), ...shownAssets(shown)],
        body: renderHome({
          siteName,
          publicUrl: ctx.publicUrl,
          ...(lead ? { lead: leadOf(ctx, lead) } : {}),
          cards: rest.map((a) => cardOf(ctx, a)),
          page: current,
          pages,
          chips: usedTopics(c).map((t) => ({ name: t.name, href: topicHref(t.slug) })),
          topics: footerTopics(c),
          jsonLd: [websiteData(siteName, base)],
        }),
      };
    });
  });

  app.get<{ Params: { slug: string }; Querystring: { page?: string } }>('/topics/:slug', async (request, reply) => {
    const current = pageParam(request.query.page);
    return cached(request, reply, `/topics/${request.params.slug}?page=${current}`, (c) => {
      const topic = topicBySlug(c, request.params.slug);
      if (!topic) throw notFound(`No topic at ${request.url}`);
      const all = c.articles.filter((a) => a.topicIds.includes(topic.id));
      const pages = Math.max(1, Math.ceil(all.length / topicPageSize));
      if (current > pages) throw notFound(`There is no page ${current}`);
      const shown = all.slice((current - 1) * topicPageSize, current * topicPageSize);
      return {
        status: 200,
        contentType: html,
        deps: [articleOrderKey, ...shown.map((a) => entryKey(a.id)), ...topicDeps(c), ...shownAssets(shown)],
        body: renderTopicPage({
          siteName,
          publicUrl: ctx.publicUrl,
          name: topic.name,
          slug: topic.slug,
          description: topic.description,
          cards: shown.map((a) => cardOf(ctx, a)),
          chips: usedTopics(c).map((t) => ({ name: t.name, href: topicHref(t.slug), current: t.id === topic.id })),
          page: current,
          pages,
          topics: footerTopics(c),
          jsonLd: [breadcrumbList([{ name: 'Home', url: `${base}/` }, { name: topic.name, url: base + topicHref(topic.slug) }])],
        }),
      };
    });
  });

  app.get<{ Params: { slug: string } }>('/authors/:slug', async (request, reply) =>
    cached(request, reply, `/authors/${request.params.slug}`, (c) => {
      const author = authorBySlug(c, request.params.slug);
      if (!author) throw notFound(`No author at ${request.url}`);
      const shown = c.articles.filter((a) => a.authorId === author.id);
      return {
        status: 200,
        contentType: html,
        deps: [articleOrderKey, ...shown.map((a) => entryKey(a.id)), 'authors', entryKey(author.id), ...topicDeps(c), ...shownAssets(shown)],
        body: renderAuthorPage({
          siteName,
          publicUrl: ctx.publicUrl,
          name: author.name,
          slug: author.slug,
          bio: author.bio,
          cards: shown.map((a) => cardOf(ctx, a)),
          topics: footerTopics(c),
          jsonLd: [
            breadcrumbList([{ name: 'Home', url: `${base}/` }, { name: author.name, url: base + authorHref(author.slug) }]),
            { '@context': 'https://schema.org', '@type': 'ProfilePage', mainEntity: { '@type': 'Person', name: author.name, description: author.bio, url: base + authorHref(author.slug) } },
          ],
        }),
      };
    }),
  );

  app.get<{ Querystring: { q?: unknown; fragment?: unknown } }>('/search', async (request, reply) => {
    const raw = request.query.q;
    const q = typeof raw === 'string' ? raw.replace(/\s+/g, ' ').trim().slice(0, maxQueryLength) : '';
    const fragment = request.query.fragment === '1';
    return cached(request, reply, `/search?q=${q}&fragment=${fragment}`, async (c) => {
      const { terms, hits } = await searchArticles(ctx, c, q);
      const re = termPattern(terms);
      const cards: CardModel[] = hits.map((h) => ({
        ...cardOf(ctx, h.article),
        titleHtml: highlight(h.article.title, re),
        snippet: highlight(h.snippet, re),
      }));
      return {
        status: 200,
        contentType: html,
        deps: ['articles', ...topicDeps(c), ...shownAssets(hits.map((h) => h.article))],
        body: fragment
          ? renderSearchResults(q, cards).value
          : renderSearchPage({ siteName, publicUrl: ctx.publicUrl, query: q, cards, scriptSrc: searchScriptHref(), topics: footerTopics(c) }),
      };
    });
  });

  /** The article page for a published entry, or a draft (preview) with its draft links. */
  async function articlePage(c: Catalog, entry: EntryRecord, draft?: { expiresAt: string }): Promise<RenderedPage> {
    const linked = await resolveLinks(ctx.store, ctx.scope, [entry], { depth: 1, published: !draft });
    const info = articleInfo(ctx, entry, linked);
    const topics = info.topicIds.flatMap((id) => {
      const t = linked.entries.get(id);
      return t ? [{ id, name: textOf(t, 'name', locale), slug: textOf(t, 'slug', locale) }] : [];
    });
    const author = info.authorId ? linked.entries.get(info.authorId) : undefined;
    const authorSlug = author ? textOf(author, 'slug', locale) : '';
    const related = relatedArticles(c, info);
    const url = base + articleHref(info.slug);
    const hero = info.image ? heroPicture(ctx, info.image) : undefined;
    const body = fieldOf(entry, 'body', locale);
    const sharesTopic = (a: ArticleInfo) => a.topicIds.some((t) => info.topicIds.includes(t));
    const deps = [
      entryKey(entry.sys.id),
      ...[...linked.entries.keys()].map(entryKey),
      ...[...linked.assets.keys()].map(assetKey),
      ...info.topicIds.map(relatedKey),
      ...related.map((a) => entryKey(a.id)),
      ...shownAssets(related),
      ...topicDeps(c),
      // Filled up with the newest articles: any new article may take a place.
      ...(related.length < 3 || related.some((a) => !sharesTopic(a)) ? [articleOrderKey] : []),
    ];
    return {
      status: 200,
      contentType: html,
      deps,
      body: renderArticle({
        siteName,
        title: info.title,
        description: info.description,
        publishDate: info.publishDate,
        updatedAt: entry.sys.updatedAt,
        type: info.type,
        ...(author ? { authorName: textOf(author, 'name', locale) } : {}),
        ...(authorSlug && c.authors.has(author!.sys.id) ? { authorSlug } : {}),
        topics: topics.filter((t) => c.topics.has(t.id) || draft),
        ...(hero ? { hero } : {}),
        ...(is.plainObject(body) ? { body: body as unknown as Document } : {}),
        readingMinutes: readingMinutes(info.bodyText),
        related: related.map((a) => cardOf(ctx, a)),
        resolveAsset: (id: string) => {
          const image = imageOf(ctx, linked.assets.get(id));
          const asset = linked.assets.get(id);
          return image && { ...bodyPicture(ctx, image), ...(asset && textOf(asset, 'title', locale) ? { caption: textOf(asset, 'title', locale) } : {}) };
        },
        resolveEntryHref: (id: string) => {
          const e = linked.entries.get(id);
          if (!e) return undefined;
          const slug = textOf(e, 'slug', locale);
          if (!slug) return undefined;
          if (e.sys.contentTypeId === 'article') return articleHref(slug);
          if (e.sys.contentTypeId === 'topic') return topicHref(slug);
          if (e.sys.contentTypeId === 'author') return authorHref(slug);
          return undefined;
        },
        resolveEntry: (id: string) => {
          const e = linked.entries.get(id);
          if (!e) return undefined;
          const kind = e.sys.contentTypeId;
          const slug = textOf(e, 'slug', locale);
          const title = textOf(e, kind === 'article' ? 'title' : 'name', locale);
          const href = !slug ? undefined : kind === 'article' ? articleHref(slug) : kind === 'topic' ? topicHref(slug) : kind === 'author' ? authorHref(slug) : undefined;
          const description = textOf(e, kind === 'author' ? 'bio' : 'description', locale);
          return { title, ...(href ? { href } : {}), ...(description ? { description } : {}), kind: kind.charAt(0).toUpperCase() + kind.slice(1) };
        },
        canonicalUrl: url,
        publicUrl: ctx.publicUrl,
        topicsNav: footerTopics(c),
        ...(draft ? { draft } : {}),
        jsonLd: [
          articleData({
            url,
            title: info.title,
            description: info.description,
            publishDate: info.publishDate,
            updatedAt: entry.sys.updatedAt,
            ...(hero ? { image: new URL(hero.src, url).href } : {}),
            ...(author ? { author: { name: textOf(author, 'name', locale), ...(authorSlug ? { url: base + authorHref(authorSlug) } : {}) } } : {}),
            siteName,
            siteUrl: `${base}/`,
            keywords: topics.map((t) => t.name),
            wordCount: wordCount(info.bodyText),
          }),
          breadcrumbList([
            { name: 'Home', url: `${base}/` },
            ...(topics[0] ? [{ name: topics[0].name, url: base + topicHref(topics[0].slug) }] : []),
            { name: info.title, url },
          ]),
        ],
      }),
    };
  }

  app.get<{ Params: { slug: string } }>('/articles/:slug', async (request, reply) =>
    cached(request, reply, `/articles/${request.params.slug}`, async (c) => {
      const info = c.bySlug.get(request.params.slug);
      const entry = info && (await ctx.store.entries.getPublished(ctx.scope, info.id));
      if (!entry) throw notFound(`No article at ${request.url}`);
      return articlePage(c, entry);
    }),
  );

  app.get<{ Params: { entryId: string }; Querystring: { expires?: unknown; sig?: unknown } }>('/drafts/:entryId', async (request, reply) => {
    const secret = opts.previewSecret ?? (await previewSecret(ctx.store));
    const check = checkPreviewLink(secret, request.params.entryId, request.query.expires, request.query.sig);
    const refuse = (status: number, title: string, text: string) =>
      send(request, reply, prepare({ status, contentType: html, deps: [], body: renderError({ siteName, status, title, text }) }), 'no-store');
    if (!check.ok) {
      return check.reason === 'expired'
        ? refuse(410, 'This preview link has expired', 'Preview links work for a limited time. Open the draft again from the editor to get a new link.')
        : refuse(403, 'This preview link is not valid', 'The link is incomplete or was changed. Copy it again from the editor.');
    }
    const entry = await ctx.store.entries.get(ctx.scope, request.params.entryId);
    if (!entry || entry.sys.contentTypeId !== 'article') {
      return refuse(404, 'This draft no longer exists', 'The entry was deleted, or is not an article the hub can show.');
    }
    const page = await articlePage(await catalog(), entry, { expiresAt: new Date(Number(request.query.expires) * 1000).toISOString() });
    reply.header('x-robots-tag', 'noindex');
    return send(request, reply, prepare(page), 'private, no-store');
  });

  const feedItems = (c: Catalog): FeedItem[] =>
    c.articles.slice(0, feedSize).map((a) => ({
      title: a.title,
      url: base + articleHref(a.slug),
      description: a.description,
      published: a.publishDate,
      updated: a.updatedAt,
      ...(a.authorId && c.authors.get(a.authorId) ? { author: c.authors.get(a.authorId)!.name } : {}),
      categories: a.topicIds.flatMap((t) => (c.topics.get(t) ? [c.topics.get(t)!.name] : [])),
    }));
  const feedDeps = ['articles', 'topics', 'authors'];
  const feed = { title: `${siteName} – Career articles`, description: siteDescription, siteUrl: base };

  app.get('/rss.xml', (request, reply) =>
    cached(request, reply, '/rss.xml', (c) => ({ status: 200, contentType: 'application/rss+xml; charset=utf-8', deps: feedDeps, body: renderRss({ ...feed, items: feedItems(c) }) })),
  );
  app.get('/atom.xml', (request, reply) =>
    cached(request, reply, '/atom.xml', (c) => ({ status: 200, contentType: 'application/atom+xml; charset=utf-8', deps: feedDeps, body: renderAtom({ ...feed, items: feedItems(c) }) })),
  );
  app.get('/sitemap.xml', (request, reply) =>
    cached(request, reply, '/sitemap.xml', (c) => {
      const newest = c.articles.reduce((m, a) => (a.updatedAt > m ? a.updatedAt : m), '');
      const homePages = Math.max(1, Math.ceil(c.articles.length / perHomePage));
      const urls = [
        { loc: `${base}/`, ...(newest ? { lastmod: newest } : {}) },
        ...Array.from({ length: homePages - 1 }, (_, i) => ({ loc: `${base}/?page=${i + 2}` })),
        ...c.articles.map((a) => ({ loc: base + articleHref(a.slug), lastmod: a.updatedAt })),
        ...[...c.topics.values()].map((t) => ({ loc: base + topicHref(t.slug), lastmod: t.updatedAt })),
        ...[...c.authors.values()].map((a) => ({ loc: base + authorHref(a.slug), lastmod: a.updatedAt })),
      ];
      return { status: 200, contentType: 'application/xml; charset=utf-8', deps: feedDeps, body: renderSitemap(urls) };
    }),
  );
  app.get('/robots.txt', (request, reply) =>
    send(request, reply, prepare({ status: 200, contentType: 'text/plain; charset=utf-8', deps: [], body: renderRobots(base) }), 'public, max-age=3600'),
  );
}
