/** `/`: the hub — the newest story as a lead, topic chips, then cards newest first, by page. */
import { isoDate } from './format.js';
import { html } from './html.js';
import { absoluteUrl, defaultTagline, page, type PageLook } from './layout.js';
import { pageHref, renderCards, renderChips, renderLead, renderPagination, type CardModel, type ChipModel } from './parts.js';

export type { CardModel, PictureModel as CardImage } from './parts.js';
export { renderCard } from './parts.js';

export interface HomeModel {
  siteName: string;
  /** The site settings' part of every page. */
  look?: PageLook;
  /** Page 1 only: the newest article, shown large. */
  lead?: CardModel;
  /** In display order (newest first; `sortNewestFirst` does it). */
  cards: CardModel[];
  /** The site's absolute base URL, e.g. `https://example.com`; the home page's canonical URL. */
  publicUrl: string;
  /** 1-based; default 1. */
  page?: number;
  pages?: number;
  chips?: ChipModel[];
  topics?: Array<{ name: string; slug: string }>;
  /** Under the site name in the header; default "Career articles". */
  tagline?: string;
  /** The page's h1; default "Explore career articles". */
  heading?: string;
  /** The paragraph under the h1, also the meta description. */
  intro?: string;
  /** JSON-LD for the page (built by the caller from the public URL). */
  jsonLd?: object[];
}

export const homeDefaults = {
  heading: 'Explore career articles',
  intro: 'Guides to in-demand roles, the skills they take, and practical steps to get started.',
} as const;

/** Newest first by publish date; undated cards last; ties keep their order. */
export function sortNewestFirst<T extends { publishDate: string }>(cards: readonly T[]): T[] {
  const key = (c: T) => isoDate(c.publishDate) ?? '';
  return [...cards].sort((a, b) => (key(a) < key(b) ? 1 : key(a) > key(b) ? -1 : 0));
}

export function renderHome(model: HomeModel): string {
  const heading = model.heading ?? homeDefaults.heading;
  const intro = model.intro ?? homeDefaults.intro;
  const current = model.page ?? 1;
  const pages = model.pages ?? 1;
  const base = model.publicUrl.replace(/\/*$/, '/');
  const lead = model.lead;
  const main = html`<div class="wrap">
<div class="hub-intro">
<h1>${heading}${current > 1 ? html` <span class="page-of">(page ${current} of ${pages})</span>` : ''}</h1>
${intro ? html`<p>${intro}</p>` : ''}
</div>
${renderChips(model.chips ?? [], 'Browse by topic')}
${lead ? renderLead(lead) : ''}
${
  model.cards.length
    ? html`${lead ? html`<h2 class="section-title">More articles</h2>` : ''}
${renderCards(model.cards, { eagerCount: lead ? 0 : 3, headingLevel: lead ? 3 : 2 })}`
    : lead
      ? ''
      : html`<p class="empty">No articles have been published yet. Check back soon.</p>`
}
${renderPagination('/', current, pages)}
</div>`;
  const image = lead?.image;
  return page({
    siteName: model.siteName,
    ...(model.look ? { look: model.look } : {}),
    title: current > 1 ? `All articles, page ${current}` : model.siteName,
    tagline: model.tagline ?? defaultTagline,
    description: intro,
    canonicalUrl: absoluteUrl(pageHref('/', current).slice(1), base),
    ogType: 'website',
    isHome: current === 1,
    publicUrl: model.publicUrl,
    ...(model.topics ? { topics: model.topics } : {}),
    ...(image ? { preloadImage: { href: image.src, ...(image.srcset ? { srcset: image.srcset, sizes: image.sizes } : {}) } } : {}),
    ...(current > 1 ? { prev: pageHref('/', current - 1) } : {}),
    ...(current < pages ? { next: pageHref('/', current + 1) } : {}),
    ...(model.jsonLd ? { jsonLd: model.jsonLd } : {}),
    main,
  });
}
