/** The public hub's HTTP layer: store queries bounded by the page and the page cache in, view models shaped, pages out. */
import { randomUUID } from 'node:crypto';
import type { Document } from '@contentful/rich-text-types';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { resolveLinks } from '../content/index.js';
import { FolioError, notFound } from '../errors/index.js';
import { bodyFor, negotiateEncoding } from '../http/encoding.js';
import type { FastPath } from '../http/fast-path.js';
import type { ContentVersion, Store } from '../store/index.js';
import type { Condition, EntryRecord } from '../store/types.js';
import * as is from '../validate/is.js';
import {
  articleBySlug,
  articleInfo,
  articlesPage,
  authorBySlug,
  inTopic,
  linkIds,
  loadNavFrame,
  pickRelated,
  refreshNavFrame,
  relatedPool,
  topicBySlug,
  type NavFrame,
  type RelatedPool,
} from './catalog.js';
import { fieldOf, imageOf, textOf, type SiteContext } from './data.js';
import { articleHref, authorHref, bodyPicture, cardOf, heroPicture, leadOf, shownArticles, shownAssets, topicHref, usedTopics } from './models.js';
import { articleOrderKey, assetKey, entryKey, PageCache, prepare, relatedKey, type CachedPage, type ChangeSet, type RenderedPage } from './page-cache.js';
import { loadSiteLook, pageLook, type SiteLook } from './look.js';
import { defaultSiteSettings } from './settings.js';
import { checkPreviewLink, previewSecret } from './preview-links.js';
import { readingMinutes, wordCount } from './reading.js';
import { searchArticles, termPattern, maxQueryLength } from './search.js';
import { defaultSitemapMaxUrls, planSitemap, sitemapUrls } from './sitemap.js';
import { articleData, breadcrumbList, websiteData } from './structured-data.js';
import { cssHref, raw, renderArticle, renderError, renderHome, renderRelated, siteCss, type SafeHtml } from './views/index.js';
import { renderAtom, renderRobots, renderRss, renderSitemap, renderSitemapIndex, type FeedItem } from './views/feeds.js';
import { renderAuthorPage, renderSearchPage, renderSearchResults, renderTopicPage } from './views/listing.js';
import { highlight, type CardModel } from './views/parts.js';
import { searchScript, searchScriptHref } from './views/scripts.js';

/** The site's name until the settings name another (pages outside the hub's routes use it). */
export const siteName = defaultSiteSettings.name;
const siteDescription = 'Guides to in-demand roles, the skills they take, and practical steps to get started.';

/** Cards per page on the home page (the lead counts on page 1) and on topic pages. */
export const homePageSize = 6;
export const topicPageSize = 12;
/** Pages kept in memory; search pages make the key space open-ended. */
const maxCachedPages = 2000;
const feedSize = 50;

const html = 'text/html; charset=utf-8';

export interface SiteOptions {
  /** Its store reads published content (a replica's, when it is not behind: replica-reads.ts). */
  context: SiteContext;
  /** Where draft links read: the primary (default: the context's store). */
  draftStore?: Store;
  /** Signs draft links; default: a secret kept in the store's settings. */
  previewSecret?: string;
  /** URLs per sitemap file; past it /sitemap.xml is an index of /sitemap-N.xml (default 50,000). */
  sitemapMaxUrls?: number;
  /** Told the page cache once, for /metrics. */
  observe?: (status: { pageCache: PageCache }) => void;
  /** The app's content version (the page cache makes its own without). */
  version?: ContentVersion;
  /** Where cached pages are offered for replay before routing. */
  fastPath?: FastPath;
}

function send(request: FastifyRequest, reply: FastifyReply, page: CachedPage, cacheControl = 'public, max-age=0, must-revalidate') {
  reply.code(page.status).type(page.contentType).header('cache-control', cacheControl).header('etag', page.etag).header('vary', 'Accept-Encoding');
  if (page.status === 200 && request.headers['if-none-match'] === page.etag) return reply.code(304).send();
  const coding = negotiateEncoding(request.headers['accept-encoding'], page.codings);
  if (coding !== 'identity') reply.header('content-encoding', coding);
  return reply.send(bodyFor(page, coding));
}

/** `?page=`: absent is 1; anything but a positive whole number is a 400. */
function pageParam(value: unknown): number {
  if (value === undefined) return 1;
  if (typeof value !== 'string' || !/^[1-9]\d{0,5}$/.test(value)) throw new FolioError('BAD_REQUEST', 'page must be a positive whole number');
  return Number(value);
}

export async function siteRoutes(app: FastifyInstance, opts: SiteOptions) {
  const ctx = opts.context;
  const drafts = opts.draftStore ?? ctx.store;
  const { locale } = ctx;
  const base = ctx.publicUrl.replace(/\/+$/, '');
  const perHomePage = homePageSize;

  const sitemapMaxUrls = opts.sitemapMaxUrls ?? defaultSitemapMaxUrls;
  let framePromise: Promise<NavFrame> | undefined;

  /**
   * Articles unpublished or deleted since the cache was last emptied: only those, not every
   * article. Past `maxWithdrawn` every publish counts as a move (correct, only less precise).
   */
  const withdrawn = new Set<string>();
  const maxWithdrawn = 10_000;
  /** An article's recent published versions, newest first (snapshots outlive unpublish). */
  const history = async (id: string) => (await ctx.store.entries.snapshots(ctx.scope, id, { limit: 10 })).items.map((s) => s.record);
  /** What places an article in lists and related links: slug, date, topics, author. */
  const placementOf = (r: EntryRecord) =>
    JSON.stringify([textOf(r, 'slug', locale), textOf(r, 'publishDate', locale), linkIds(fieldOf(r, 'topics', locale)), linkIds(fieldOf(r, 'author', locale))[0] ?? null]);

  const onChange = async (changes: ChangeSet) => {
    const keys: string[] = [];
    const touchedTopics = new Set<string>();
    let unknown = false;
    for (const id of changes.articles) {
      const now = await ctx.store.entries.getPublished(ctx.scope, id);
      const versions = await history(id);
      const before = versions.flatMap((r) => linkIds(fieldOf(r, 'topics', locale)));
      // A republish that keeps its place in every recent version (new text, say) moves no list
      // and no related link: only the pages that show it re-render (they carry its Entry key).
      const place = now && placementOf(now);
      let moved = !place || versions.length < 2 || versions.some((r) => placementOf(r) !== place);
      // Snapshots do not show an unpublish: remember which articles left the lists, so coming back moves them.
      if (!now) {
        if (withdrawn.size <= maxWithdrawn) withdrawn.add(id);
      }
      else if (withdrawn.delete(id) || withdrawn.size > maxWithdrawn) moved = true;
      if (moved) {
        keys.push(articleOrderKey);
        for (const t of [...before, ...(now ? linkIds(fieldOf(now, 'topics', locale)) : [])]) {
          keys.push(relatedKey(t));
          touchedTopics.add(t);
        }
      }
      // Deleted with its history before we looked: any related list may have shown it.
      if (!now && before.length === 0) {
        keys.push(relatedKey('*'));
        unknown = true;
      }
    }
    if (changes.all) withdrawn.clear();
    // Settings changes leave no log row, so they arrive as `all`; the look's images arrive by key.
    if (changes.all || lookShown?.deps.some((k) => changes.keys.has(k))) lookPromise = undefined;
    if (changes.all || unknown || changes.keys.has('topics')) framePromise = undefined;
    else if (framePromise && touchedTopics.size) keepFrame(framePromise.then((f) => refreshNavFrame(ctx, f, touchedTopics)));
    return keys;
  };
  const cache = new PageCache(ctx.store, ctx.scope, { maxPages: maxCachedPages, onChange, ...(opts.version ? { version: opts.version } : {}) });
  opts.observe?.({ pageCache: cache });
  // Replayed pages stand while the cache keeps them; after a change the cache marks what it drops first.
  const unfollow = opts.fastPath?.follow(() => cache.sync());
  app.addHook('onClose', async () => unfollow?.());

  function keepFrame(loading: Promise<NavFrame>): Promise<NavFrame> {
    framePromise = loading;
    loading.catch(() => {
      if (framePromise === loading) framePromise = undefined;
    });
    return loading;
  }
  const frame = (): Promise<NavFrame> => framePromise ?? keepFrame(loadNavFrame(ctx));
  let lookPromise: Promise<SiteLook> | undefined;
  let lookShown: SiteLook | undefined;
  const look = (): Promise<SiteLook> => {
    if (lookPromise) return lookPromise;
    const loading = loadSiteLook(ctx).then((l) => (lookShown = l));
    loading.catch(() => {
      if (lookPromise === loading) lookPromise = undefined;
    });
    return (lookPromise = loading);
  };

  /** Answers from the cache, or renders, keeps and answers. */
  async function cached(request: FastifyRequest, reply: FastifyReply, key: string, render: (f: NavFrame, l: SiteLook) => Promise<RenderedPage> | RenderedPage) {
    await cache.sync();
    const { page, hit, standing } = await cache.load(key, async () => {
      const [f, l] = await Promise.all([frame(), look()]);
      const rendered = await render(f, l);
      return { ...rendered, deps: [...rendered.deps, ...l.deps] };
    });
    reply.header('x-hub-cache', hit ? 'hit' : 'miss');
    if (page.status === 200) {
      opts.fastPath?.offer(request.raw, reply.raw, { route: request.routeOptions.url ?? request.url, vary: ['accept-encoding'], encodings: page.codings, cacheHeader: 'x-hub-cache', standing });
    }
    return send(request, reply, page);
  }

  const footerTopics = (f: NavFrame) => f.topics.map((t) => ({ name: t.name, slug: t.slug }));
  const topicDeps = (f: NavFrame) => ['topics', ...f.topics.map((t) => entryKey(t.id))];
  const pagesOf = (total: number, size: number) => Math.max(1, Math.ceil(total / size));

  app.get(cssHref(), (_req, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=31536000, immutable').send(siteCss),
  );
  app.get(searchScriptHref(), (_req, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=31536000, immutable').send(searchScript),
  );

  app.get<{ Querystring: { page?: string } }>('/', async (request, reply) => {
    const current = pageParam(request.query.page);
    return cached(request, reply, `/?page=${current}`, async (f, l) => {
      const { total, articles: shown } = await articlesPage(ctx, { skip: (current - 1) * perHomePage, limit: perHomePage });
      const pages = pagesOf(total, perHomePage);
      if (current > pages) throw notFound(`There is no page ${current}`);
      const lead = current === 1 ? shown[0] : undefined;
      const rest = lead ? shown.slice(1) : shown;
      return {
        status: 200,
        contentType: html,
        deps: [articleOrderKey, ...shownArticles(shown), ...topicDeps(f)],
        body: renderHome({
          siteName: l.settings.name,
          look: pageLook(f, l),
          publicUrl: ctx.publicUrl,
          ...(lead ? { lead: leadOf(ctx, lead) } : {}),
          cards: rest.map((a) => cardOf(ctx, a)),
          page: current,
          pages,
          chips: usedTopics(f).map((t) => ({ name: t.name, href: topicHref(t.slug) })),
          topics: footerTopics(f),
          jsonLd: [websiteData(l.settings.name, base)],
        }),
      };
    });
  });

  app.get<{ Params: { slug: string }; Querystring: { page?: string } }>('/topics/:slug', async (request, reply) => {
    const current = pageParam(request.query.page);
    return cached(request, reply, `/topics/${request.params.slug}?page=${current}`, async (f, l) => {
      const topic = await topicBySlug(ctx, request.params.slug);
      if (!topic) throw notFound(`No topic at ${request.url}`);
      const { total, articles: shown } = await articlesPage(ctx, { where: [inTopic([topic.id])], skip: (current - 1) * topicPageSize, limit: topicPageSize });
      const pages = pagesOf(total, topicPageSize);
      if (current > pages) throw notFound(`There is no page ${current}`);
      return {
        status: 200,
        contentType: html,
        deps: [articleOrderKey, entryKey(topic.id), ...shownArticles(shown), ...topicDeps(f)],
        body: renderTopicPage({
          siteName: l.settings.name,
          look: pageLook(f, l),
          publicUrl: ctx.publicUrl,
          name: topic.name,
          slug: topic.slug,
          description: topic.description,
          cards: shown.map((a) => cardOf(ctx, a)),
          chips: usedTopics(f).map((t) => ({ name: t.name, href: topicHref(t.slug), current: t.id === topic.id })),
          page: current,
          pages,
          topics: footerTopics(f),
          jsonLd: [breadcrumbList([{ name: 'Home', url: `${base}/` }, { name: topic.name, url: base + topicHref(topic.slug) }])],
        }),
      };
    });
  });

  app.get<{ Params: { slug: string }; Querystring: { page?: string } }>('/authors/:slug', async (request, reply) => {
    const current = pageParam(request.query.page);
    return cached(request, reply, `/authors/${request.params.slug}?page=${current}`, async (f, l) => {
      const author = await authorBySlug(ctx, request.params.slug);
      if (!author) throw notFound(`No author at ${request.url}`);
      const byAuthor: Condition = { op: 'linksTo', linkType: 'Entry', ids: [author.id], field: 'author' };
      const { total, articles: shown } = await articlesPage(ctx, { where: [byAuthor], skip: (current - 1) * topicPageSize, limit: topicPageSize });
      const pages = pagesOf(total, topicPageSize);
      if (current > pages) throw notFound(`There is no page ${current}`);
      return {
        status: 200,
        contentType: html,
        deps: [articleOrderKey, ...shownArticles(shown), 'authors', entryKey(author.id), ...topicDeps(f)],
        body: renderAuthorPage({
          siteName: l.settings.name,
          look: pageLook(f, l),
          publicUrl: ctx.publicUrl,
          name: author.name,
          slug: author.slug,
          bio: author.bio,
          cards: shown.map((a) => cardOf(ctx, a)),
          total,
          page: current,
          pages,
          topics: footerTopics(f),
          jsonLd: [
            breadcrumbList([{ name: 'Home', url: `${base}/` }, { name: author.name, url: base + authorHref(author.slug) }]),
            { '@context': 'https://schema.org', '@type': 'ProfilePage', mainEntity: { '@type': 'Person', name: author.name, description: author.bio, url: base + authorHref(author.slug) } },
          ],
        }),
      };
    });
  });

  app.get<{ Querystring: { q?: unknown; fragment?: unknown } }>('/search', async (request, reply) => {
    const raw = request.query.q;
    const q = typeof raw === 'string' ? raw.replace(/\s+/g, ' ').trim().slice(0, maxQueryLength) : '';
    const fragment = request.query.fragment === '1';
    return cached(request, reply, `/search?q=${q}&fragment=${fragment}`, async (f, l) => {
      const { terms, hits } = await searchArticles(ctx, q);
      const re = termPattern(terms);
      const cards: CardModel[] = hits.map((h) => ({
        ...cardOf(ctx, h.article),
        titleHtml: highlight(h.article.title, re),
        snippet: highlight(h.snippet, re),
      }));
      return {
        status: 200,
        contentType: html,
        deps: ['articles', ...topicDeps(f), ...shownAssets(hits.map((h) => h.article))],
        body: fragment
          ? renderSearchResults(q, cards).value
          : renderSearchPage({ siteName: l.settings.name, look: pageLook(f, l), publicUrl: ctx.publicUrl, query: q, cards, scriptSrc: searchScriptHref(), topics: footerTopics(f) }),
      };
    });
  });

  /** Stands in an article's cached shell where its related list goes; random, so no content can hold it. */
  const relatedSlot = `<!--related-${randomUUID()}-->`;
  /**
   * The related list of the article `articleId`, picked from its topics' pool, and what it shows:
   * which articles a pick takes hangs on the pool's list keys alone, so a page depends on those
   * and on the articles it shows, not on the others in the pool (they drop only the pool).
   */
  const relatedOf = (pool: RelatedPool, topics: string[], articleId: string) => {
    const shown = pickRelated(pool, articleId).map((id) => pool.infos.get(id)!);
    return {
      html: renderRelated(shown.map((a) => cardOf(ctx, a))),
      deps: [...relatedListDeps(pool, topics), ...shownArticles(shown)],
    };
  };
  const relatedListDeps = (pool: Omit<RelatedPool, 'infos'>, topics: string[]) => [
    ...topics.map(relatedKey),
    relatedKey('*'),
    // Filled up with the newest articles: any new article may take a place.
    ...(pool.newest.length ? [articleOrderKey] : []),
  ];
  const topicSet = (topicIds: string[]) => [...new Set(topicIds)].sort();
  /** The pool of related lists for one set of topics, kept as a part every page of an article filed under them shares. */
  const relatedPart = (topics: string[]) =>
    cache.part(`related:${topics.join(',')}`, async () => {
      const pool = await relatedPool(ctx, topics);
      const shown = [...pool.infos.values()];
      return { value: pool, deps: [...relatedListDeps(pool, topics), ...shownArticles(shown)] };
    });

  /**
   * The article page for a published entry, or a draft (preview) with its draft links: all but
   * the related list, which `related` renders from the article's info (a slot, for a shell).
   */
  async function articlePage(
    f: NavFrame,
    l: SiteLook,
    entry: EntryRecord,
    related: (info: { id: string; topicIds: string[] }) => Promise<SafeHtml> | SafeHtml,
    draft?: { expiresAt: string },
  ): Promise<RenderedPage & { topicIds: string[] }> {
    const linked = await resolveLinks(draft ? drafts : ctx.store, ctx.scope, [entry], { depth: 1, published: !draft });
    const info = articleInfo(ctx, entry, linked);
    const topics = info.topicIds.flatMap((id) => {
      const t = linked.entries.get(id);
      return t ? [{ id, name: textOf(t, 'name', locale), slug: textOf(t, 'slug', locale) }] : [];
    });
    const author = info.authorId ? linked.entries.get(info.authorId) : undefined;
    const authorSlug = author ? textOf(author, 'slug', locale) : '';
    const url = base + articleHref(info.slug);
    const hero = info.image ? heroPicture(ctx, info.image) : undefined;
    const body = fieldOf(entry, 'body', locale);
    const deps = [
      entryKey(entry.sys.id),
      ...[...linked.entries.keys()].map(entryKey),
      ...[...linked.assets.keys()].map(assetKey),
      ...topicDeps(f),
      ...l.deps,
    ];
    return {
      status: 200,
      contentType: html,
      deps,
      topicIds: info.topicIds,
      body: renderArticle({
        siteName: l.settings.name,
        look: pageLook(f, l),
        title: info.title,
        description: info.description,
        publishDate: info.publishDate,
        updatedAt: entry.sys.updatedAt,
        type: info.type,
        ...(author ? { authorName: textOf(author, 'name', locale) } : {}),
        ...(authorSlug && author!.sys.contentTypeId === 'author' ? { authorSlug } : {}),
        topics,
        ...(hero ? { hero } : {}),
        ...(is.plainObject(body) ? { body: body as unknown as Document } : {}),
        readingMinutes: readingMinutes(info.bodyText),
        relatedHtml: await related(info),
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
        topicsNav: footerTopics(f),
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
            siteName: l.settings.name,
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

  // An article page is its own content (the shell, keyed by what it shows) with the related list
  // of its topics put in: a publish that changes a list many pages suggest renders that list
  // once, and each page is assembled again from memory.
  app.get<{ Params: { slug: string } }>('/articles/:slug', async (request, reply) => {
    const key = `/articles/${request.params.slug}`;
    return cached(request, reply, key, async (f, l) => {
      const shell = await cache.part(`shell:${key}`, async () => {
        const entry = await articleBySlug(ctx, request.params.slug);
        if (!entry) throw notFound(`No article at ${request.url}`);
        const page = await articlePage(f, l, entry, () => raw(relatedSlot));
        const [head, tail, ...rest] = page.body.split(relatedSlot);
        if (tail === undefined || rest.length) throw new Error('an article shell holds its related slot once');
        return { value: { head: head!, tail, id: entry.sys.id, topicIds: page.topicIds }, deps: page.deps };
      });
      const topics = topicSet(shell.value.topicIds);
      const pool = await relatedPart(topics);
      const { head, tail, id } = shell.value;
      const related = relatedOf(pool.value, topics, id);
      return { status: 200, contentType: html, deps: [...shell.deps, ...related.deps], body: head + related.html.value + tail };
    });
  });

  app.get<{ Params: { entryId: string }; Querystring: { expires?: unknown; sig?: unknown } }>('/drafts/:entryId', async (request, reply) => {
    const secret = opts.previewSecret ?? (await previewSecret(drafts));
    const check = checkPreviewLink(secret, request.params.entryId, request.query.expires, request.query.sig);
    const [f, l] = await Promise.all([frame(), look()]);
    const refuse = (status: number, title: string, text: string) =>
      send(request, reply, prepare({ status, contentType: html, deps: [], body: renderError({ siteName: l.settings.name, look: pageLook(f, l), status, title, text }) }), 'no-store');
    if (!check.ok) {
      return check.reason === 'expired'
        ? refuse(410, 'This preview link has expired', 'Preview links work for a limited time. Open the draft again from the editor to get a new link.')
        : refuse(403, 'This preview link is not valid', 'The link is incomplete or was changed. Copy it again from the editor.');
    }
    const entry = await drafts.entries.get(ctx.scope, request.params.entryId);
    if (!entry || entry.sys.contentTypeId !== 'article') {
      return refuse(404, 'This draft no longer exists', 'The entry was deleted, or is not an article the hub can show.');
    }
    const related = async (info: { id: string; topicIds: string[] }) => {
      const topics = topicSet(info.topicIds);
      return relatedOf(await relatedPool(ctx, topics), topics, info.id).html;
    };
    const page = await articlePage(f, l, entry, related, { expiresAt: new Date(Number(request.query.expires) * 1000).toISOString() });
    reply.header('x-robots-tag', 'noindex');
    return send(request, reply, prepare(page), 'private, no-store');
  });

  const feedItems = async (): Promise<FeedItem[]> =>
    (await articlesPage(ctx, { skip: 0, limit: feedSize })).articles.map((a) => ({
      title: a.title,
      url: base + articleHref(a.slug),
      description: a.description,
      published: a.publishDate,
      updated: a.updatedAt,
      ...(a.authorName !== undefined ? { author: a.authorName } : {}),
      categories: a.topicNames,
    }));
  const feedDeps = ['articles', 'topics', 'authors'];
  const feedOf = async (l: SiteLook) => ({
    title: l.settings.tagline ? `${l.settings.name} – ${l.settings.tagline}` : l.settings.name,
    description: siteDescription,
    language: l.settings.language,
    siteUrl: base,
    items: await feedItems(),
  });

  app.get('/rss.xml', (request, reply) =>
    cached(request, reply, '/rss.xml', async (_f, l) => ({ status: 200, contentType: 'application/rss+xml; charset=utf-8', deps: feedDeps, body: renderRss(await feedOf(l)) })),
  );
  app.get('/atom.xml', (request, reply) =>
    cached(request, reply, '/atom.xml', async (_f, l) => ({ status: 200, contentType: 'application/atom+xml; charset=utf-8', deps: feedDeps, body: renderAtom(await feedOf(l)) })),
  );
  const xmlType = 'application/xml; charset=utf-8';
  app.get('/sitemap.xml', (request, reply) =>
    cached(request, reply, '/sitemap.xml', async () => {
      const plan = await planSitemap(ctx, base, perHomePage);
      if (plan.total <= sitemapMaxUrls) return { status: 200, contentType: xmlType, deps: feedDeps, body: renderSitemap(await sitemapUrls(plan, 0, plan.total)) };
      const files = Math.ceil(plan.total / sitemapMaxUrls);
      return { status: 200, contentType: xmlType, deps: feedDeps, body: renderSitemapIndex(Array.from({ length: files }, (_, i) => `${base}/sitemap-${i + 1}.xml`)) };
    }),
  );
  app.get<{ Params: { n: string } }>('/sitemap-:n.xml', (request, reply) => {
    const n = /^[1-9]\d{0,6}$/.exec(request.params.n)?.[0];
    if (!n) throw notFound(`No sitemap at ${request.url}`);
    return cached(request, reply, `/sitemap-${n}.xml`, async () => {
      const plan = await planSitemap(ctx, base, perHomePage);
      const start = (Number(n) - 1) * sitemapMaxUrls;
      if (plan.total <= sitemapMaxUrls || start >= plan.total) throw notFound(`There is no sitemap ${n}`);
      return { status: 200, contentType: xmlType, deps: feedDeps, body: renderSitemap(await sitemapUrls(plan, start, Math.min(plan.total, start + sitemapMaxUrls))) };
    });
  });
  app.get('/robots.txt', (request, reply) =>
    send(request, reply, prepare({ status: 200, contentType: 'text/plain; charset=utf-8', deps: [], body: renderRobots(base) }), 'public, max-age=3600'),
  );
}
