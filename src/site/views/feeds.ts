/**
 * RSS 2.0, Atom 1.0, sitemap.xml and robots.txt: text in, XML out, every value escaped.
 * An RSS item's <description> is HTML by convention (readers render it), so its text is
 * escaped as HTML first and the result as XML: the XML parser yields `&lt;b&gt;`, which a
 * reader shows as "<b>". Atom's <summary> has no type attribute, so it is text: escaped once.
 */
import { escapeHtml as xml } from './html.js';

export interface FeedItem {
  title: string;
  /** Absolute URL. */
  url: string;
  description: string;
  /** `YYYY-MM-DD` or ISO date-time. */
  published: string;
  updated: string;
  author?: string;
  categories: string[];
  image?: { url: string; type: string; length?: number };
}

export interface FeedModel {
  title: string;
  description: string;
  /** BCP 47; default `en`. */
  language?: string;
  /** The site's absolute base URL. */
  siteUrl: string;
  items: FeedItem[];
}

const toDate = (value: string): Date => {
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  return Number.isNaN(d.getTime()) ? new Date(0) : d;
};

export function renderRss(model: FeedModel): string {
  const site = model.siteUrl.replace(/\/+$/, '');
  const newest = model.items.reduce((max, i) => Math.max(max, toDate(i.updated).getTime()), 0);
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>${xml(model.title)}</title>
<link>${xml(site)}/</link>
<description>${xml(model.description)}</description>
<language>${xml(model.language ?? 'en')}</language>
<atom:link href="${xml(site)}/rss.xml" rel="self" type="application/rss+xml"/>
${newest ? `<lastBuildDate>${new Date(newest).toUTCString()}</lastBuildDate>\n` : ''}${model.items
    .map(
      (i) => `<item>
<title>${xml(i.title)}</title>
<link>${xml(i.url)}</link>
<guid isPermaLink="true">${xml(i.url)}</guid>
<description>${xml(xml(i.description))}</description>
<pubDate>${toDate(i.published).toUTCString()}</pubDate>
${i.author ? `<dc:creator>${xml(i.author)}</dc:creator>\n` : ''}${i.categories.map((c) => `<category>${xml(c)}</category>\n`).join('')}${
        i.image ? `<enclosure url="${xml(i.image.url)}" type="${xml(i.image.type)}" length="${i.image.length ?? 0}"/>\n` : ''
      }</item>
`,
    )
    .join('')}</channel>
</rss>
`;
}

export function renderAtom(model: FeedModel): string {
  const site = model.siteUrl.replace(/\/+$/, '');
  const newest = model.items.reduce((max, i) => Math.max(max, toDate(i.updated).getTime()), 0);
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xml(model.language ?? 'en')}">
<title>${xml(model.title)}</title>
<subtitle>${xml(model.description)}</subtitle>
<id>${xml(site)}/</id>
<link rel="alternate" type="text/html" href="${xml(site)}/"/>
<link rel="self" type="application/atom+xml" href="${xml(site)}/atom.xml"/>
<updated>${new Date(newest).toISOString()}</updated>
${model.items
  .map(
    (i) => `<entry>
<title>${xml(i.title)}</title>
<id>${xml(i.url)}</id>
<link rel="alternate" type="text/html" href="${xml(i.url)}"/>
<published>${toDate(i.published).toISOString()}</published>
<updated>${toDate(i.updated).toISOString()}</updated>
<author><name>${xml(i.author || model.title)}</name></author>
<summary>${xml(i.description)}</summary>
${i.categories.map((c) => `<category term="${xml(c)}"/>\n`).join('')}</entry>
`,
  )
  .join('')}</feed>
`;
}

export interface SitemapUrl {
  loc: string;
  lastmod?: string;
}

export function renderSitemap(urls: SitemapUrl[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.map((u) => `<url><loc>${xml(u.loc)}</loc>${u.lastmod ? `<lastmod>${xml(u.lastmod)}</lastmod>` : ''}</url>\n`).join('')}</urlset>
`;
}

/** A sitemap index: the sitemap files, each with at most 50,000 URLs. */
export function renderSitemapIndex(locs: string[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${locs.map((loc) => `<sitemap><loc>${xml(loc)}</loc></sitemap>\n`).join('')}</sitemapindex>
`;
}

export function renderRobots(siteUrl: string): string {
  const site = siteUrl.replace(/\/+$/, '');
  return `User-agent: *
Allow: /
Disallow: /drafts/
Disallow: /admin

Sitemap: ${site}/sitemap.xml
`;
}
