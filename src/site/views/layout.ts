/** The document shell every page shares: head, skip link, site header, main, footer. */
import { attrs, html, raw, type SafeHtml } from './html.js';
import { cssHref } from './styles.js';

export const defaultTagline = 'Career articles';

/** What the site settings add to every page (src/site/settings.ts); absent: the defaults. */
export interface PageLook {
  tagline: string;
  /** BCP 47, for `<html lang>`. */
  language: string;
  logo?: { src: string; width: number; height: number };
  /** The settings' navigation topics, in order, shown in the header. */
  nav: Array<{ name: string; slug: string }>;
  /** og:image for pages without an image of their own. */
  socialImage?: { url: string; width: number; height: number; alt: string };
}

export interface PageOptions {
  siteName: string;
  look?: PageLook;
  /** The page's own title; the site name is appended when it fits. */
  title: string;
  description?: string;
  /** Absolute URL; omitted on error pages, which have no canonical address. */
  canonicalUrl?: string;
  /** Error pages, search results and drafts ask search engines not to index them. */
  noindex?: boolean;
  /** Open Graph: `website` for the hub, `article` for articles. */
  ogType?: 'website' | 'article';
  /** Absolute URL of a preview image, with its size and alt text. */
  ogImage?: string | { url: string; width: number; height: number; alt: string };
  /** Article pages: ISO date-times for article:published_time / modified_time. */
  published?: string;
  modified?: string;
  /** The home page marks its brand link as the current page. */
  isHome?: boolean;
  tagline?: string;
  main: SafeHtml;
  /** The LCP image, fetched before the stylesheet is parsed. */
  preloadImage?: { href: string; srcset?: string; sizes?: string };
  /** Structured data; each object becomes one JSON-LD script. */
  jsonLd?: object[];
  /** The site's absolute base URL, for feed links in the head. */
  publicUrl?: string;
  /** Topics for the footer navigation. */
  topics?: Array<{ name: string; slug: string }>;
  /** The header search box's value; `false` leaves the box out (the search page has its own). */
  search?: string | false;
  /** Deferred scripts (same-origin paths); pages read fine without them. */
  scripts?: string[];
  /** Shown above the header on draft previews. */
  banner?: SafeHtml;
  /** rel=prev / rel=next for paginated lists. */
  prev?: string;
  next?: string;
}

/** Search results cut titles near 60–70 characters: add the site name only when it fits. */
const maxTitle = 70;
export function documentTitle(title: string, siteName: string, tagline = ''): string {
  if (!title || title === siteName) return tagline ? `${siteName} – ${tagline}` : siteName;
  const full = `${title} – ${siteName}`;
  return full.length <= maxTitle ? full : title;
}

/** A small "F" monogram, inline so pages need no favicon request (or its 404). */
const favicon =
  'data:image/svg+xml,' +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#0b57d0"/><stop offset="1" stop-color="#7c4dff"/></linearGradient></defs><rect width="32" height="32" rx="8" fill="url(#g)"/><path d="M11 8h11v3.5h-7v3.5h6v3.5h-6V24h-4z" fill="#fff"/></svg>',
  );

/** JSON inside <script>: "<" escaped so no string in it can close the element. */
export const scriptJson = (value: object): string =>
  JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

export function page(opts: PageOptions): string {
  const look = opts.look;
  const tagline = look?.tagline ?? opts.tagline ?? defaultTagline;
  const title = documentTitle(opts.title, opts.siteName, tagline);
  const base = opts.publicUrl?.replace(/\/+$/, '');
  const preload = opts.preloadImage;
  return `<!DOCTYPE html>\n${html`<html lang="${look?.language ?? 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
${opts.description ? html`<meta name="description" content="${opts.description}">` : ''}
${opts.noindex ? html`<meta name="robots" content="noindex">` : ''}
${opts.canonicalUrl ? html`<link rel="canonical" href="${opts.canonicalUrl}">` : ''}
${opts.prev ? html`<link rel="prev" href="${opts.prev}">` : ''}
${opts.next ? html`<link rel="next" href="${opts.next}">` : ''}
<meta name="color-scheme" content="light dark">
<meta name="theme-color" content="#ffffff" media="(prefers-color-scheme: light)">
<meta name="theme-color" content="#101317" media="(prefers-color-scheme: dark)">
${preload ? html`<link rel="preload" as="image" href="${preload.href}"${attrs({ imagesrcset: preload.srcset, imagesizes: preload.srcset ? preload.sizes : undefined })} fetchpriority="high">` : ''}
<link rel="stylesheet" href="${cssHref()}">
<link rel="icon" href="${favicon}" type="image/svg+xml">
${base ? html`<link rel="alternate" type="application/rss+xml" title="${opts.siteName} (RSS)" href="${base}/rss.xml">
<link rel="alternate" type="application/atom+xml" title="${opts.siteName} (Atom)" href="${base}/atom.xml">` : ''}
${opts.ogType ? openGraph(look?.socialImage && !opts.ogImage ? { ...opts, ogImage: look.socialImage } : opts, title) : ''}
${(opts.jsonLd ?? []).map((data) => html`<script type="application/ld+json">${raw(scriptJson(data))}</script>\n`)}
${(opts.scripts ?? []).map((src) => html`<script src="${src}" defer></script>\n`)}
</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
${opts.banner ?? ''}
<header class="site-header">
<div class="wrap">
<a class="brand${look?.logo ? ' has-logo' : ''}" href="/"${attrs({ 'aria-current': opts.isHome ? 'page' : undefined })}>${look?.logo ? html`<img src="${look.logo.src}" width="${look.logo.width}" height="${look.logo.height}" alt="">` : ''}${opts.siteName}</a>
${tagline ? html`<p class="tagline">${tagline}</p>` : ''}
${opts.search === false ? '' : searchBox(opts.search ?? '')}
${look?.nav.length ? html`<nav class="site-nav" aria-label="Sections"><ul>${look.nav.map((t) => html`<li><a href="/topics/${encodeURIComponent(t.slug)}">${t.name}</a></li>`)}</ul></nav>` : ''}
</div>
</header>
<main id="main">
${opts.main}
</main>
<footer class="site-footer">
<div class="wrap">
${opts.topics?.length ? html`<nav class="footer-topics" aria-label="Topics"><h2>Topics</h2><ul>${opts.topics.map((t) => html`<li><a href="/topics/${encodeURIComponent(t.slug)}">${t.name}</a></li>`)}</ul></nav>` : ''}
<p>${opts.siteName} · ${tagline}</p>
<p class="footer-links"><a href="/">All articles</a> <a href="/search">Search</a> <a href="/rss.xml">RSS feed</a> <a href="/atom.xml">Atom feed</a></p>
</div>
</footer>
</body>
</html>`}\n`.replace(/\n{2,}/g, '\n');
}

function searchBox(value: string): SafeHtml {
  return html`<form class="site-search" role="search" action="/search" method="get">
<label class="visually-hidden" for="site-search-q">Search articles</label>
<input id="site-search-q" type="search" name="q" value="${value}" placeholder="Search articles" autocomplete="off">
<button type="submit">Search</button>
</form>`;
}

function openGraph(opts: PageOptions, title: string): SafeHtml {
  const image = typeof opts.ogImage === 'string' ? { url: opts.ogImage } : opts.ogImage;
  return html`<meta property="og:site_name" content="${opts.siteName}">
<meta property="og:type" content="${opts.ogType}">
<meta property="og:title" content="${title}">
${opts.description ? html`<meta property="og:description" content="${opts.description}">` : ''}
${opts.canonicalUrl ? html`<meta property="og:url" content="${opts.canonicalUrl}">` : ''}
${image ? html`<meta property="og:image" content="${image.url}">` : ''}
${image && 'width' in image ? html`<meta property="og:image:width" content="${image.width}">
<meta property="og:image:height" content="${image.height}">
<meta property="og:image:alt" content="${image.alt}">` : ''}
${opts.published ? html`<meta property="article:published_time" content="${opts.published}">` : ''}
${opts.modified ? html`<meta property="article:modified_time" content="${opts.modified}">` : ''}
<meta name="twitter:card" content="${image ? 'summary_large_image' : 'summary'}">
<meta name="twitter:title" content="${title}">
${opts.description ? html`<meta name="twitter:description" content="${opts.description}">` : ''}
${image ? html`<meta name="twitter:image" content="${image.url}">` : ''}
${image && 'alt' in image ? html`<meta name="twitter:image:alt" content="${image.alt}">` : ''}`;
}

/** Resolves a (possibly protocol-relative) URL against the page's absolute URL. */
export function absoluteUrl(url: string, base: string | undefined): string | undefined {
  try {
    return new URL(url, base).href;
  } catch {
    return undefined;
  }
}
