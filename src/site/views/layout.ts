/** The document shell every page shares: head, skip link, site header, main, footer. */
import { attrs, html, type SafeHtml } from './html.js';
import { cssHref } from './styles.js';

export const defaultTagline = 'Career articles';

export interface PageOptions {
  siteName: string;
  /** The page's own title; the site name is appended when it fits. */
  title: string;
  description?: string;
  /** Absolute URL; omitted on error pages, which have no canonical address. */
  canonicalUrl?: string;
  /** Error pages ask search engines not to index them. */
  noindex?: boolean;
  /** Open Graph: `website` for the hub, `article` for articles. */
  ogType?: 'website' | 'article';
  /** Absolute URL of a preview image. */
  ogImage?: string;
  /** The home page marks its brand link as the current page. */
  isHome?: boolean;
  tagline?: string;
  main: SafeHtml;
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

export function page(opts: PageOptions): string {
  const tagline = opts.tagline ?? defaultTagline;
  const title = documentTitle(opts.title, opts.siteName, tagline);
  return `<!DOCTYPE html>\n${html`<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
${opts.description ? html`<meta name="description" content="${opts.description}">` : ''}
${opts.noindex ? html`<meta name="robots" content="noindex">` : ''}
${opts.canonicalUrl ? html`<link rel="canonical" href="${opts.canonicalUrl}">` : ''}
<meta name="color-scheme" content="light dark">
<meta name="theme-color" content="#ffffff" media="(prefers-color-scheme: light)">
<meta name="theme-color" content="#101317" media="(prefers-color-scheme: dark)">
<link rel="stylesheet" href="${cssHref()}">
<link rel="icon" href="${favicon}" type="image/svg+xml">
${opts.ogType ? openGraph(opts, title) : ''}
</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
<header class="site-header">
<div class="wrap">
<a class="brand" href="/"${attrs({ 'aria-current': opts.isHome ? 'page' : undefined })}>${opts.siteName}</a>
${tagline ? html`<p class="tagline">${tagline}</p>` : ''}
</div>
</header>
<main id="main">
${opts.main}
</main>
<footer class="site-footer">
<div class="wrap">
<p>${opts.siteName} · ${tagline}</p>
<p><a href="/">All articles</a></p>
</div>
</footer>
</body>
</html>`}\n`.replace(/\n{2,}/g, '\n');
}

function openGraph(opts: PageOptions, title: string): SafeHtml {
  return html`<meta property="og:site_name" content="${opts.siteName}">
<meta property="og:type" content="${opts.ogType}">
<meta property="og:title" content="${title}">
${opts.description ? html`<meta property="og:description" content="${opts.description}">` : ''}
${opts.canonicalUrl ? html`<meta property="og:url" content="${opts.canonicalUrl}">` : ''}
${opts.ogImage ? html`<meta property="og:image" content="${opts.ogImage}">` : ''}
<meta name="twitter:card" content="${opts.ogImage ? 'summary_large_image' : 'summary'}">`;
}

/** Resolves a (possibly protocol-relative) URL against the page's absolute URL. */
export function absoluteUrl(url: string, base: string | undefined): string | undefined {
  try {
    return new URL(url, base).href;
  } catch {
    return undefined;
  }
}
