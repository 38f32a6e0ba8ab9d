/**
 * The whole public hub over HTTP on the demo content: every page type, feeds and sitemap as XML,
 * JSON-LD, a crawl of every internal link, search, draft links, and the page cache following
 * published changes. Changes are written through a second Store on the same database, as the
 * editor (another process) would.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishAsset, publishEntry, unpublishEntry, updateEntry } from '../../src/content/index.js';
import { createPreviewUrl } from '../../src/site/index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { validationErrors } from '../../src/site/views/test-support/pages.js';
import { startTestFolio, type TestFolio } from './folio.js';
import { systemActor } from '../../src/auth/index.js';

let folio: TestFolio;
let store: Store;
let publicUrl: string;
const scope = { spaceId: 'folio', environmentId: 'master' };

beforeAll(async () => {
  folio = await startTestFolio();
  store = await openStore(folio.storeOptions);
  publicUrl = folio.url.replace('127.0.0.1', 'localhost');
});
afterAll(async () => {
  await store?.close();
  await folio?.destroy();
});

/** Absolute URLs under the public URL are fetched from the test server. */
const local = (url: string) => (url.startsWith(publicUrl) ? url.slice(publicUrl.length) || '/' : url);
const get = (path: string, init?: RequestInit) => fetch(new URL(local(path), folio.url), init);
const text = async (path: string) => {
  const res = await get(path);
  expect(res.status, path).toBe(200);
  return res.text();
};
const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const jsonLd = (html: string) =>
  [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!) as Record<string, unknown>);
const articleLinks = (html: string) => [...new Set([...html.matchAll(/href="(\/articles\/[^"#]+)"/g)].map((m) => m[1]!))];

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

async function edit(id: string, change: (fields: Record<string, Record<string, unknown>>) => void, publish = true) {
  const entry = (await store.entries.get(scope, id))!;
  const fields = structuredClone(entry.fields) as Record<string, Record<string, unknown>>;
  change(fields);
  const updated = await updateEntry(store, scope, { id, fields: fields as never, version: entry.sys.version }, systemActor);
  if (publish) await publishEntry(store, scope, { id, version: updated.sys.version }, systemActor);
}

describe('pages', () => {
  it('home: a lead, topic chips, cards newest first and pagination with rel links', async () => {
    const first = await text('/');
    expect(first).toMatch(/<article class="lead">[\s\S]*What Does a DevOps Engineer Do\?/);
    expect(first).toMatch(/<link rel="preload" as="image" href="[^"]+fm=auto[^"]*" imagesrcset="[^"]+" imagesizes="[^"]+" fetchpriority="high">/);
    for (const slug of ['devops', 'degrees', 'python']) expect(first).toContain(`<a class="chip" href="/topics/${slug}">`);
    expect(first).toContain('<link rel="next" href="/?page=2">');
    expect(first).toContain('<a href="/?page=2" aria-label="Page 2">2</a>');
    const second = await text('/?page=2');
    expect(second).toContain('<link rel="prev" href="/">');
    expect(second).toContain('DevOps Team Roles and Responsibilities');
    expect(second).toMatch(/<link rel="canonical" href="http:\/\/localhost:\d+\/\?page=2">/);
    expect((await get('/?page=3')).status).toBe(404);
    expect((await get('/?page=0')).status).toBe(400);
    expect((await get('/?page=abc')).status).toBe(400);
  });

  it('a topic page lists its articles with its description', async () => {
    const html = await text('/topics/devops');
    expect(html).toContain('<h1>DevOps</h1>');
    expect(html).toContain('Building, shipping and running software as one team.');
    expect(articleLinks(html.slice(html.indexOf('<ul class="cards"')))).toEqual([
      '/articles/what-does-a-devops-engineer-do',
      '/articles/devops-team-roles-and-responsibilities',
    ]);
    expect(html).toContain('<a class="chip" href="/topics/devops" aria-current="page">');
    expect((await get('/topics/nope')).status).toBe(404);
  });

  it('an author page lists every article by the author', async () => {
    const html = await text('/authors/folio-editorial-team');
    expect(html).toContain('<h1>Folio Editorial Team</h1>');
    expect(html).toContain('7 articles');
    expect(articleLinks(html)).toHaveLength(7);
  });

  it('an article: hero through the Images API, byline, reading time, contents, anchors, topics, related, metadata', async () => {
    const html = await text('/articles/how-to-become-a-game-developer');
    const hero = html.match(/<div class="hero"><img [^>]*><\/div>/)?.[0] ?? '';
    expect(unescape(hero)).toMatch(/srcset="[^"]*\?w=480&h=270&fit=fill&f=faces&fm=auto&q=70 480w, /);
    expect(hero).toMatch(/sizes="[^"]+"/);
    expect(hero).toMatch(/style="background-color:#[0-9a-f]{6};background-image:url\(data:image\/png;base64,/);
    expect(hero).toMatch(/alt="\[Featured [Ii]mage\] /);
    expect(html).toMatch(/<p class="byline"><span>By <a href="\/authors\/folio-editorial-team">Folio Editorial Team<\/a><\/span><time datetime="2021-10-30">October 30, 2021<\/time><span>\d+ min read<\/span><\/p>/);
    expect(html).toContain('<nav class="toc" aria-labelledby="toc-title">');
    const toc = [...html.matchAll(/<li><a href="#([^"]+)">/g)].map((m) => m[1]!);
    expect(toc.length).toBeGreaterThanOrEqual(3);
    for (const id of toc) expect(html).toContain(`<h2 id="${id}">`);
    expect(html).toContain('<a class="chip" href="/topics/game-development">Game Development</a>');
    // Related: articles sharing the most topics, then newest.
    const related = html.slice(html.indexOf('<section class="related'));
    expect(articleLinks(related)).toEqual(['/articles/what-is-a-full-stack-developer', '/articles/typescript-vs-javascript', '/articles/how-to-learn-python']);
    expect(html.match(/<h1\b/g)).toHaveLength(1);
    // Open Graph and Twitter, absolute under the public URL.
    expect(html).toMatch(/<meta property="og:url" content="http:\/\/localhost:\d+\/articles\/how-to-become-a-game-developer">/);
    expect(html).toMatch(/<meta property="og:image" content="http:\/\/localhost:\d+\/images\/folio\//);
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image">');
    expect(html).toContain('<meta property="article:published_time" content="2021-10-30">');
  });

  it('JSON-LD parses: Article and BreadcrumbList with absolute URLs', async () => {
    const [article, crumbs] = jsonLd(await text('/articles/what-does-a-devops-engineer-do'));
    expect(article).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Article',
      headline: 'What Does a DevOps Engineer Do? And How to Become One',
      datePublished: '2021-12-15',
      author: { '@type': 'Person', name: 'Folio Editorial Team', url: `${publicUrl}/authors/folio-editorial-team` },
      mainEntityOfPage: { '@id': `${publicUrl}/articles/what-does-a-devops-engineer-do` },
    });
    expect((article!.image as string[])[0]).toMatch(/^http:\/\/localhost:\d+\/images\//);
    expect(crumbs).toMatchObject({
      '@type': 'BreadcrumbList',
      itemListElement: [
        { position: 1, name: 'Home', item: `${publicUrl}/` },
        { position: 2, name: 'DevOps', item: `${publicUrl}/topics/devops` },
        { position: 3, item: `${publicUrl}/articles/what-does-a-devops-engineer-do` },
      ],
    });
    expect(jsonLd(await text('/topics/python'))[0]).toMatchObject({ '@type': 'BreadcrumbList' });
    expect(jsonLd(await text('/'))[0]).toMatchObject({ '@type': 'WebSite', url: `${publicUrl}/` });
  });

  it('a real 404 page and error pages for bad input', async () => {
    const res = await get('/articles/nope');
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain('<h1>Page not found</h1>');
    expect(html).toContain('<meta name="robots" content="noindex">');
  });
});

describe('search', () => {
  it('ranks title matches first and highlights matches, escaped', async () => {
    const html = await text('/search?q=python');
    const links = articleLinks(html.slice(html.indexOf('id="search-results"')));
    expect(links[0]).toBe('/articles/how-to-learn-python');
    expect(links.length).toBeGreaterThan(1);
    expect(html).toContain('<a href="/articles/how-to-learn-python">How to Learn <mark>Python</mark>: A Step-by-Step Guide</a>');
    expect(html).toMatch(/<p class="snippet">[^<]*<mark>Python<\/mark>/);
    expect(html).toMatch(/articles match “python”/);
  });

  it('matches word prefixes, and says so when nothing matches', async () => {
    expect(articleLinks(await text('/search?q=devop'))).toContain('/articles/what-does-a-devops-engineer-do');
    expect(await text('/search?q=zzyzx')).toContain('No articles match “zzyzx”');
    expect(await text('/search')).toContain('Type a word or two');
  });

  it('never echoes markup from the query', async () => {
    const html = await text(`/search?q=${encodeURIComponent('<script>alert(1)</script> "x"')}`);
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &quot;x&quot;');
  });

  it('serves the results alone as a fragment for search-as-you-type', async () => {
    const fragment = await text('/search?q=python&fragment=1');
    expect(fragment).not.toContain('<html');
    expect(fragment).toContain('<p class="search-status" role="status">');
    expect(fragment).toContain('<mark>Python</mark>');
  });
});

describe('feeds, sitemap, robots', () => {
  it('RSS 2.0 is well-formed with channel and item elements', async () => {
    const res = await get('/rss.xml');
    expect(res.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    const body = await res.text();
    expect(XMLValidator.validate(body)).toBe(true);
    const channel = xml.parse(body).rss.channel;
    expect(channel.title).toBeTruthy();
    expect(channel.link).toBe(`${publicUrl}/`);
    expect(channel.description).toBeTruthy();
    const items = asArray(channel.item) as Array<Record<string, any>>;
    expect(items).toHaveLength(7);
    for (const item of items) {
      expect(item.title).toBeTruthy();
      expect(item.link).toMatch(new RegExp(`^${publicUrl}/articles/`));
      expect(item.guid['#text']).toBe(item.link);
      expect(new Date(item.pubDate).toUTCString()).toBe(item.pubDate);
      expect(item.description).toBeTruthy();
    }
    expect(items[0]!.title).toBe('What Does a DevOps Engineer Do? And How to Become One');
  });

  it('Atom is well-formed with feed and entry elements', async () => {
    const body = await text('/atom.xml');
    expect(XMLValidator.validate(body)).toBe(true);
    const feed = xml.parse(body).feed;
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    for (const key of ['title', 'id', 'updated']) expect(feed[key]).toBeTruthy();
    const entries = asArray(feed.entry) as Array<Record<string, any>>;
    expect(entries).toHaveLength(7);
    for (const e of entries) {
      for (const key of ['title', 'id', 'updated', 'published', 'summary']) expect(e[key], key).toBeTruthy();
      expect(e.author.name).toBe('Folio Editorial Team');
      expect(e.link['@href']).toBe(e.id);
    }
  });

  it('the sitemap lists every page with absolute URLs; robots.txt points to it', async () => {
    const body = await text('/sitemap.xml');
    expect(XMLValidator.validate(body)).toBe(true);
    const urls = (asArray(xml.parse(body).urlset.url) as Array<{ loc: string }>).map((u) => u.loc);
    expect(urls).toContain(`${publicUrl}/`);
    expect(urls.filter((u) => u.includes('/articles/'))).toHaveLength(7);
    expect(urls.filter((u) => u.includes('/topics/'))).toHaveLength(6);
    expect(urls).toContain(`${publicUrl}/authors/folio-editorial-team`);
    for (const url of urls) expect((await get(url)).status, url).toBe(200);
    const robots = await text('/robots.txt');
    expect(robots).toContain(`Sitemap: ${publicUrl}/sitemap.xml`);
    expect(robots).toContain('Disallow: /drafts/');
  });
});

describe('every internal link resolves', () => {
  it('crawls the whole site from / with no 404s, and every page is valid HTML', async () => {
    const seen = new Set<string>();
    const queue = ['/'];
    const resources = new Set<string>();
    while (queue.length) {
      const path = queue.shift()!;
      if (seen.has(path)) continue;
      seen.add(path);
      const res = await get(path);
      expect(res.status, path).toBe(200);
      if (!res.headers.get('content-type')?.startsWith('text/html')) continue;
      const html = await res.text();
      expect(await validationErrors(html), path).toEqual([]);
      for (const m of html.matchAll(/\s(?:href|src)="([^"]+)"/g)) {
        const url = unescape(m[1]!);
        if (url.startsWith('#') || url.startsWith('data:') || url.startsWith('mailto:')) continue;
        const abs = new URL(url, `${publicUrl}${path}`);
        if (abs.origin !== new URL(publicUrl).origin) continue;
        const target = abs.pathname + abs.search;
        if (abs.pathname.startsWith('/images/') || abs.pathname.startsWith('/assets/') || abs.pathname.endsWith('.xml')) resources.add(target);
        else if (!seen.has(target)) queue.push(target);
      }
      for (const m of html.matchAll(/\ssrcset="([^"]+)"/g)) {
        for (const candidate of unescape(m[1]!).split(', ')) resources.add(local(new URL(candidate.split(' ')[0]!, publicUrl).href));
      }
    }
    expect(seen.size).toBeGreaterThanOrEqual(7 + 6 + 1 + 2);
    for (const r of resources) expect((await get(r, { headers: { accept: 'image/webp,*/*' } })).status, r).toBe(200);
  });
});

describe('the page cache', () => {
  it('answers with an ETag and 304 on If-None-Match, and gzip when asked', async () => {
    const res = await get('/topics/python');
    const etag = res.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect((await get('/topics/python', { headers: { 'if-none-match': etag } })).status).toBe(304);
    const again = await get('/topics/python');
    expect(again.headers.get('x-hub-cache')).toBe('hit');
    expect(again.headers.get('etag')).toBe(etag);
  });

  it('a published change shows on the next request and drops only the pages that show it', async () => {
    const pages = ['/', '/topics/degrees', '/articles/how-long-does-an-associate-degree-take', '/articles/how-to-become-a-game-developer', '/articles/what-does-a-devops-engineer-do', '/rss.xml'];
    for (const p of pages) await text(p);
    for (const p of pages) expect((await get(p)).headers.get('x-hub-cache'), p).toBe('hit');

    await edit('article-how-long-does-an-associate-degree-take', (f) => {
      f.title!['en-US'] = 'How Long Is an Associate Degree? (Updated)';
    });
    const cacheState = async (p: string) => {
      const res = await get(p);
      return { cache: res.headers.get('x-hub-cache'), body: await res.text() };
    };
    for (const p of ['/', '/topics/degrees', '/articles/how-long-does-an-associate-degree-take', '/rss.xml']) {
      const { cache, body } = await cacheState(p);
      expect(cache, p).toBe('miss');
      expect(body, p).toContain('How Long Is an Associate Degree? (Updated)');
    }
    // Neither shows the degree article, nor can it join their related lists (no shared topic).
    for (const p of ['/articles/how-to-become-a-game-developer', '/articles/what-does-a-devops-engineer-do']) {
      expect((await cacheState(p)).cache, p).toBe('hit');
    }
  });

  it("republishing an article's text keeps the pages it could only have joined; moving it in the lists drops them", async () => {
    const topicsOf = (e: { fields: Record<string, Record<string, unknown>> }) =>
      ((e.fields.topics?.['en-US'] ?? []) as Array<{ sys: { id: string } }>).map((l) => l.sys.id);
    const slugOf = (e: { fields: Record<string, Record<string, unknown>> }) => String(e.fields.slug!['en-US']);
    const articles = (await store.entries.listPublished(scope, { contentTypeId: 'article', limit: 100 })).items;
    const html = new Map<string, string>();
    for (const a of articles) html.set(a.sys.id, await text(`/articles/${slugOf(a)}`));
    // An article, and the pages of articles sharing a topic with it (their related lists depend
    // on that topic) that do not show it now.
    const pick = articles
      .map((x) => ({
        x,
        neighbours: articles
          .filter((a) => a !== x && topicsOf(a).some((t) => topicsOf(x).includes(t)) && !html.get(a.sys.id)!.includes(`/articles/${slugOf(x)}"`))
          .map((a) => `/articles/${slugOf(a)}`),
      }))
      .find((c) => c.neighbours.length > 0)!;
    expect(pick).toBeDefined();
    const { x, neighbours } = pick;
    const title = String(x.fields.title!['en-US']);
    const date = String(x.fields.publishDate!['en-US']);
    for (const p of neighbours) expect((await get(p)).headers.get('x-hub-cache'), p).toBe('hit');

    await edit(x.sys.id, (f) => {
      f.title!['en-US'] = `${title} (Revised)`;
    });
    const own = await get(`/articles/${slugOf(x)}`);
    expect(own.headers.get('x-hub-cache')).toBe('miss');
    expect(await own.text()).toContain(`${title} (Revised)`);
    for (const p of neighbours) expect((await get(p)).headers.get('x-hub-cache'), p).toBe('hit');

    await edit(x.sys.id, (f) => {
      f.publishDate!['en-US'] = '2030-01-01';
    });
    for (const p of neighbours) expect((await get(p)).headers.get('x-hub-cache'), p).toBe('miss');
    await edit(x.sys.id, (f) => {
      f.title!['en-US'] = title;
      f.publishDate!['en-US'] = date;
    });
  });

  it('a changed asset drops the pages that show it', async () => {
    for (const p of ['/articles/how-to-become-a-game-developer', '/articles/devops-team-roles-and-responsibilities']) await text(p);
    const asset = (await store.assets.list(scope, { limit: 100 })).items.find((a) =>
      String(a.fields.description?.['en-US']).includes('game'),
    )!;
    const fields = structuredClone(asset.fields);
    fields.description!['en-US'] = '[Featured Image] Two game developers test a level together.';
    const updated = await store.assets.update(scope, asset.sys.id, { fields }, asset.sys.version);
    await publishAsset(store, scope, { id: asset.sys.id, version: updated.sys.version }, systemActor);
    const game = await get('/articles/how-to-become-a-game-developer');
    expect(game.headers.get('x-hub-cache')).toBe('miss');
    expect(await game.text()).toContain('alt="[Featured Image] Two game developers test a level together."');
    expect((await get('/articles/devops-team-roles-and-responsibilities')).headers.get('x-hub-cache')).toBe('hit');
  });

  it('saving a draft changes nothing the public sees', async () => {
    await text('/articles/typescript-vs-javascript');
    await edit('article-typescript-vs-javascript', (f) => {
      f.title!['en-US'] = 'Draft title nobody should see';
    }, false);
    const res = await get('/articles/typescript-vs-javascript');
    expect(res.headers.get('x-hub-cache')).toBe('hit');
    expect(await res.text()).not.toContain('Draft title nobody should see');
  });

  it('an unpublished article disappears from pages, feeds, sitemap and search', async () => {
    const slug = 'how-to-learn-python';
    for (const p of ['/', '/topics/python', '/rss.xml', '/atom.xml', '/sitemap.xml', '/search?q=python', `/articles/${slug}`, '/articles/how-to-become-a-game-developer']) {
      expect(await text(p), p).toContain(slug);
    }
    const entry = (await store.entries.get(scope, `article-${slug}`))!;
    await unpublishEntry(store, scope, { id: entry.sys.id, version: entry.sys.version }, systemActor);
    expect((await get(`/articles/${slug}`)).status).toBe(404);
    // Six articles now fit on one page.
    expect((await get('/?page=2')).status).toBe(404);
    for (const p of ['/', '/topics/python', '/topics/programming-languages', '/rss.xml', '/atom.xml', '/sitemap.xml', '/search?q=python', '/articles/how-to-become-a-game-developer', '/authors/folio-editorial-team']) {
      const res = await get(p);
      expect(res.status, p).toBe(200);
      expect(await res.text(), p).not.toContain(slug);
    }
    await publishEntry(store, scope, { id: entry.sys.id }, systemActor);
    expect(await text('/search?q=python')).toContain(slug);
  });
});

describe('draft links', () => {
  it('show the current draft with a banner, unindexed and uncached', async () => {
    await edit('article-devops-team-roles-and-responsibilities', (f) => {
      f.title!['en-US'] = 'DevOps Team Roles (draft)';
    }, false);
    const url = await createPreviewUrl(store, publicUrl, 'article-devops-team-roles-and-responsibilities', { ttlSeconds: 600 });
    expect(url).toMatch(new RegExp(`^${publicUrl}/drafts/article-devops-team-roles-and-responsibilities\\?expires=\\d+&sig=[\\w-]+$`));
    const res = await get(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(res.headers.get('x-robots-tag')).toBe('noindex');
    const html = await res.text();
    expect(html).toContain('<h1>DevOps Team Roles (draft)</h1>');
    expect(html).toContain('Draft preview');
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(await text('/articles/devops-team-roles-and-responsibilities')).not.toContain('(draft)');
  });

  it('refuse expired, tampered and foreign links with a readable page', async () => {
    const id = 'article-devops-team-roles-and-responsibilities';
    const expired = await createPreviewUrl(store, publicUrl, id, { ttlSeconds: 60, now: new Date(Date.now() - 3_600_000) });
    const res = await get(expired);
    expect(res.status).toBe(410);
    expect(await res.text()).toContain('This preview link has expired');

    const valid = await createPreviewUrl(store, publicUrl, id);
    const tampered = valid.replace(/sig=./, (s) => (s.endsWith('A') ? 'sig=B' : 'sig=A'));
    const later = valid.replace(/expires=(\d+)/, (_, e) => `expires=${Number(e) + 86_400}`);
    const otherEntry = valid.replace(id, 'article-how-to-learn-python');
    for (const bad of [tampered, later, otherEntry, `${publicUrl}/drafts/${id}`, `${publicUrl}/drafts/${id}?expires=abc&sig=x`]) {
      const r = await get(bad);
      expect(r.status, bad).toBe(403);
      expect(r.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await r.text()).toContain('This preview link is not valid');
    }
    const gone = await createPreviewUrl(store, publicUrl, 'no-such-entry');
    expect((await get(gone)).status).toBe(404);
    await expect(createPreviewUrl(store, publicUrl, id, { ttlSeconds: 0 })).rejects.toThrow(/ttlSeconds/);
  });
});
