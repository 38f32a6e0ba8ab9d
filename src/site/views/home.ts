/** `/`: the hub — an intro and a grid of article cards, newest first. */
import { formatDate, isoDate } from './format.js';
import { attrs, html, type SafeHtml } from './html.js';
import { absoluteUrl, defaultTagline, page } from './layout.js';
import { oneLine } from './text.js';

export interface CardImage {
  src: string;
  width: number;
  height: number;
  alt: string;
}

export interface CardModel {
  title: string;
  href: string;
  description: string;
  /** `YYYY-MM-DD` or an ISO date-time. */
  publishDate: string;
  /** "Article", "Guide", … */
  type: string;
  image?: CardImage;
}

export interface HomeModel {
  siteName: string;
  /** In display order: the caller sorts newest first (`sortNewestFirst` does it). */
  cards: CardModel[];
  /** The site's absolute base URL, e.g. `https://example.com`; the home page's canonical URL. */
  publicUrl: string;
  /** Under the site name in the header; default "Career articles". */
  tagline?: string;
  /** The page's h1; default "Explore career articles". */
  heading?: string;
  /** The paragraph under the h1, also the meta description. */
  intro?: string;
}

export const homeDefaults = {
  heading: 'Explore career articles',
  intro: 'Guides to in-demand roles, the skills they take, and practical steps to get started.',
} as const;

/** How many cards load eagerly: the first row on most screens. */
const eagerCards = 3;

/** Newest first by publish date; undated cards last; ties keep their order. */
export function sortNewestFirst<T extends { publishDate: string }>(cards: readonly T[]): T[] {
  const key = (c: T) => isoDate(c.publishDate) ?? '';
  return [...cards].sort((a, b) => (key(a) < key(b) ? 1 : key(a) > key(b) ? -1 : 0));
}

function cardImage(image: CardImage | undefined, index: number): SafeHtml {
  if (!image) return html`<div class="card-media" aria-hidden="true"></div>`;
  const eager = index < eagerCards;
  return html`<img class="card-media" src="${image.src}" width="${image.width}" height="${image.height}" alt="${oneLine(image.alt)}"${attrs(
    {
      fetchpriority: index === 0 ? 'high' : undefined,
      loading: eager ? undefined : 'lazy',
      decoding: eager ? undefined : 'async',
    },
  )}>`;
}

export function renderCard(card: CardModel, index: number): SafeHtml {
  const datetime = isoDate(card.publishDate);
  const type = oneLine(card.type);
  return html`<li>
<article class="card">
${cardImage(card.image, index)}
<div class="card-body">
<h2><a href="${card.href}">${oneLine(card.title)}</a></h2>
${card.description ? html`<p>${oneLine(card.description)}</p>` : ''}
<p class="card-meta">${datetime ? html`<time datetime="${datetime}">${formatDate(card.publishDate)}</time>` : ''}${type ? html`<span class="badge">${type}</span>` : ''}</p>
</div>
</article>
</li>`;
}

export function renderHome(model: HomeModel): string {
  const heading = model.heading ?? homeDefaults.heading;
  const intro = model.intro ?? homeDefaults.intro;
  const count = model.cards.length;
  const main = html`<div class="wrap">
<div class="hub-intro">
<h1>${heading}</h1>
${intro ? html`<p>${intro}</p>` : ''}
</div>
${
  count
    ? html`<ul class="cards">
${model.cards.map((card, i) => renderCard(card, i))}
</ul>`
    : html`<p class="empty">No articles have been published yet. Check back soon.</p>`
}
</div>`;
  return page({
    siteName: model.siteName,
    title: model.siteName,
    tagline: model.tagline ?? defaultTagline,
    description: intro,
    canonicalUrl: absoluteUrl('/', model.publicUrl.replace(/\/*$/, '/')),
    ogType: 'website',
    isHome: true,
    main,
  });
}
