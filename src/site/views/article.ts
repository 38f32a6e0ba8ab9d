/** `/articles/{slug}`: one article with its hero image and Rich Text body. */
import type { Document } from '@contentful/rich-text-types';
import { formatDate, isoDate } from './format.js';
import { attrs, html } from './html.js';
import { absoluteUrl, page } from './layout.js';
import { renderRichText, type ResolvedAsset } from './rich-text.js';
import { oneLine } from './text.js';

export interface HeroImage {
  src: string;
  srcset?: string;
  sizes?: string;
  width: number;
  height: number;
  alt: string;
}

export interface TopicModel {
  name: string;
  slug: string;
}

export interface ArticleModel {
  siteName: string;
  title: string;
  description: string;
  /** `YYYY-MM-DD` or an ISO date-time. */
  publishDate: string;
  type: string;
  authorName?: string;
  topics: TopicModel[];
  hero?: HeroImage;
  body?: Document;
  /** For embedded-asset blocks and asset hyperlinks in `body`. */
  resolveAsset(id: string): ResolvedAsset | undefined;
  /** For entry hyperlinks in `body`. */
  resolveEntryHref(id: string): string | undefined;
  /** Absolute URL of this page; its origin also decides which body links are external. */
  canonicalUrl: string;
  tagline?: string;
}

const originOf = (url: string): string | undefined => {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
};

export function renderArticle(model: ArticleModel): string {
  const title = oneLine(model.title);
  const description = oneLine(model.description);
  const type = oneLine(model.type);
  const author = oneLine(model.authorName);
  const datetime = isoDate(model.publishDate);
  const topics = model.topics.filter((t) => oneLine(t.name));
  const hero = model.hero;
  const siteOrigin = originOf(model.canonicalUrl);
  const body = renderRichText(model.body, {
    resolveAsset: (id) => model.resolveAsset(id),
    resolveEntryHref: (id) => model.resolveEntryHref(id),
    ...(siteOrigin ? { siteOrigin } : {}),
  });

  const main = html`<nav class="crumbs" aria-label="Breadcrumb">
<ol class="breadcrumb">
<li><a href="/">Home</a></li>
<li><span aria-current="page">${title}</span></li>
</ol>
</nav>
<article>
<header class="article-header">
${type ? html`<p class="kicker">${type}</p>` : ''}
<h1>${title}</h1>
${description ? html`<p class="lede">${description}</p>` : ''}
${
  author || datetime
    ? html`<p class="byline">${author ? html`<span>By <strong>${author}</strong></span>` : ''}${
        datetime ? html`<time datetime="${datetime}">${formatDate(model.publishDate)}</time>` : ''
      }</p>`
    : ''
}
${
  topics.length
    ? html`<ul class="topics">
${topics.map((t) => html`<li class="chip">${oneLine(t.name)}</li>`)}
</ul>`
    : ''
}
</header>
${
  hero
    ? html`<div class="hero"><img src="${hero.src}" width="${hero.width}" height="${hero.height}" alt="${oneLine(hero.alt)}"${attrs({
        srcset: hero.srcset,
        sizes: hero.srcset ? hero.sizes : undefined,
      })} fetchpriority="high"></div>`
    : ''
}
<div class="prose">
${body}
</div>
</article>`;

  const ogImage = hero ? absoluteUrl(hero.src, model.canonicalUrl) : undefined;
  return page({
    siteName: model.siteName,
    title,
    ...(model.tagline !== undefined ? { tagline: model.tagline } : {}),
    ...(description ? { description } : {}),
    canonicalUrl: model.canonicalUrl,
    ogType: 'article',
    ...(ogImage ? { ogImage } : {}),
    main,
  });
}
