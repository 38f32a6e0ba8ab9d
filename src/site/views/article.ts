/** `/articles/{slug}` (and drafts): one article with hero, byline, contents, body, related. */
import type { Document } from '@contentful/rich-text-types';
import { formatDate, isoDate } from './format.js';
import { html, raw, type SafeHtml } from './html.js';
import { absoluteUrl, page, type PageLook } from './layout.js';
import { picture, renderCards, type CardModel, type PictureModel } from './parts.js';
import { renderRichText, type EmbeddedEntry, type ResolvedAsset } from './rich-text.js';
import { oneLine } from './text.js';

export type HeroImage = PictureModel;

export interface TopicModel {
  name: string;
  slug: string;
}

export interface ArticleModel {
  siteName: string;
  /** The site settings' part of every page. */
  look?: PageLook;
  title: string;
  description: string;
  /** `YYYY-MM-DD` or an ISO date-time. */
  publishDate: string;
  /** ISO date-time of the last published change. */
  updatedAt?: string;
  type: string;
  authorName?: string;
  authorSlug?: string;
  topics: TopicModel[];
  hero?: HeroImage;
  body?: Document;
  readingMinutes?: number;
  related?: CardModel[];
  /** The related section already rendered (`renderRelated`), or a slot to put it in later; instead of `related`. */
  relatedHtml?: SafeHtml;
  /** For embedded-asset blocks and asset hyperlinks in `body`. */
  resolveAsset(id: string): ResolvedAsset | undefined;
  /** For entry hyperlinks in `body`. */
  resolveEntryHref(id: string): string | undefined;
  /** For embedded entries in `body`. */
  resolveEntry?(id: string): EmbeddedEntry | undefined;
  /** Absolute URL of this page; its origin also decides which body links are external. */
  canonicalUrl: string;
  publicUrl?: string;
  tagline?: string;
  topicsNav?: TopicModel[];
  jsonLd?: object[];
  /** Draft previews: a banner, and no indexing. */
  draft?: { expiresAt: string };
}

/** Articles with at least this many sections get a table of contents. */
export const tocMinHeadings = 3;

const originOf = (url: string): string | undefined => {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
};

function tableOfContents(headings: Array<{ level: number; text: string; id: string }>): SafeHtml {
  const top = headings.filter((h) => h.level === 2);
  if (top.length < tocMinHeadings) return raw('');
  return html`<nav class="toc" aria-labelledby="toc-title">
<h2 id="toc-title">In this article</h2>
<ol>${top.map((h) => html`<li><a href="#${h.id}">${h.text}</a></li>`)}</ol>
</nav>`;
}

/** "Read next" under an article: nothing when there is nothing to suggest. */
export function renderRelated(cards: CardModel[]): SafeHtml {
  return cards.length
    ? html`<section class="related wrap" aria-labelledby="related-title">
<h2 id="related-title">Related articles</h2>
${renderCards(cards, { headingLevel: 3 })}
</section>`
    : raw('');
}

export function renderArticle(model: ArticleModel): string {
  const title = oneLine(model.title);
  const description = oneLine(model.description);
  const type = oneLine(model.type);
  const author = oneLine(model.authorName);
  const datetime = isoDate(model.publishDate);
  const topics = model.topics.filter((t) => oneLine(t.name));
  const hero = model.hero;
  const siteOrigin = originOf(model.canonicalUrl);
  const headings: Array<{ level: number; text: string; id: string }> = [];
  const body = renderRichText(model.body, {
    resolveAsset: (id) => model.resolveAsset(id),
    resolveEntryHref: (id) => model.resolveEntryHref(id),
    ...(model.resolveEntry ? { resolveEntry: (id: string) => model.resolveEntry!(id) } : {}),
    onHeading: (h) => headings.push(h),
    ...(siteOrigin ? { siteOrigin } : {}),
  });
  const firstTopic = topics[0];

  const main = html`<nav class="crumbs" aria-label="Breadcrumb">
<ol class="breadcrumb">
<li><a href="/">Home</a></li>
${firstTopic ? html`<li><a href="/topics/${encodeURIComponent(firstTopic.slug)}">${oneLine(firstTopic.name)}</a></li>` : ''}
<li><span aria-current="page">${title}</span></li>
</ol>
</nav>
<article>
<header class="article-header">
${type ? html`<p class="kicker">${type}</p>` : ''}
<h1>${title}</h1>
${description ? html`<p class="lede">${description}</p>` : ''}
${author || datetime || model.readingMinutes ? html`<p class="byline">${
    author
      ? html`<span>By ${model.authorSlug ? html`<a href="/authors/${encodeURIComponent(model.authorSlug)}">${author}</a>` : html`<strong>${author}</strong>`}</span>`
      : ''
  }${datetime ? html`<time datetime="${datetime}">${formatDate(model.publishDate)}</time>` : ''}${
    model.readingMinutes ? html`<span>${model.readingMinutes} min read</span>` : ''
  }</p>` : ''}
${
  topics.length
    ? html`<ul class="topics">
${topics.map((t) => html`<li><a class="chip" href="/topics/${encodeURIComponent(t.slug)}">${oneLine(t.name)}</a></li>`)}
</ul>`
    : ''
}
</header>
${hero ? html`<div class="hero">${picture(hero, { eager: true, priority: true, blur: true })}</div>` : ''}
${tableOfContents(headings)}
<div class="prose">
${body}
</div>
</article>
${model.relatedHtml ?? renderRelated(model.related ?? [])}`;

  const ogImage = hero ? absoluteUrl(hero.src, model.canonicalUrl) : undefined;
  return page({
    siteName: model.siteName,
    ...(model.look ? { look: model.look } : {}),
    title,
    ...(model.tagline !== undefined ? { tagline: model.tagline } : {}),
    ...(description ? { description } : {}),
    canonicalUrl: model.canonicalUrl,
    ogType: 'article',
    ...(ogImage && hero ? { ogImage: { url: ogImage, width: hero.width, height: hero.height, alt: oneLine(hero.alt) } } : {}),
    ...(datetime ? { published: datetime } : {}),
    ...(model.updatedAt ? { modified: model.updatedAt } : {}),
    ...(hero ? { preloadImage: { href: hero.src, ...(hero.srcset ? { srcset: hero.srcset } : {}), ...(hero.sizes ? { sizes: hero.sizes } : {}) } } : {}),
    ...(model.publicUrl ? { publicUrl: model.publicUrl } : {}),
    ...(model.topicsNav ? { topics: model.topicsNav } : {}),
    ...(model.jsonLd ? { jsonLd: model.jsonLd } : {}),
    ...(model.draft
      ? {
          noindex: true,
          banner: html`<p class="draft-banner" role="status"><strong>Draft preview</strong> — not published. This link expires <time datetime="${model.draft.expiresAt}">${formatDate(model.draft.expiresAt)} at ${model.draft.expiresAt.slice(11, 16)} UTC</time>.</p>`,
        }
      : {}),
    main,
  });
}
