/** schema.org JSON-LD for the hub's pages, every URL absolute under FOLIO_PUBLIC_URL. */
import { isoDate } from './views/index.js';

export interface Crumb {
  name: string;
  /** Absolute URL. */
  url: string;
}

export function breadcrumbList(crumbs: Crumb[]): object {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((c, i) => ({ '@type': 'ListItem', position: i + 1, name: c.name, item: c.url })),
  };
}

export function articleData(a: {
  url: string;
  title: string;
  description: string;
  publishDate: string;
  updatedAt: string;
  image?: string;
  author?: { name: string; url?: string };
  siteName: string;
  siteUrl: string;
  keywords: string[];
  wordCount: number;
}): object {
  return {
    '@context': 'https://schema.org',
    '@type': 'Article',
    headline: a.title,
    description: a.description,
    mainEntityOfPage: { '@type': 'WebPage', '@id': a.url },
    url: a.url,
    ...(isoDate(a.publishDate) ? { datePublished: isoDate(a.publishDate) } : {}),
    dateModified: a.updatedAt,
    ...(a.image ? { image: [a.image] } : {}),
    ...(a.author ? { author: { '@type': 'Person', name: a.author.name, ...(a.author.url ? { url: a.author.url } : {}) } } : {}),
    publisher: { '@type': 'Organization', name: a.siteName, url: a.siteUrl },
    ...(a.keywords.length ? { keywords: a.keywords.join(', ') } : {}),
    wordCount: a.wordCount,
  };
}

export function websiteData(siteName: string, siteUrl: string): object {
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    name: siteName,
    url: `${siteUrl}/`,
    potentialAction: { '@type': 'SearchAction', target: `${siteUrl}/search?q={search_term_string}`, 'query-input': 'required name=search_term_string' },
  };
}
