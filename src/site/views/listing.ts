/** `/topics/{slug}`, `/authors/{slug}` and `/search`: lists of cards under a heading. */
import { html, type SafeHtml } from './html.js';
import { page, type PageLook } from './layout.js';
import { pageHref, renderCards, renderChips, renderPagination, type CardModel, type ChipModel } from './parts.js';
import { oneLine } from './text.js';

interface Common {
  siteName: string;
  /** The site settings' part of every page. */
  look?: PageLook;
  publicUrl: string;
  topics?: Array<{ name: string; slug: string }>;
  jsonLd?: object[];
}

export interface TopicPageModel extends Common {
  name: string;
  slug: string;
  description: string;
  cards: CardModel[];
  chips: ChipModel[];
  page: number;
  pages: number;
}

const base = (publicUrl: string) => publicUrl.replace(/\/+$/, '');

function crumbs(items: Array<{ name: string; href?: string }>): SafeHtml {
  return html`<nav class="crumbs wide" aria-label="Breadcrumb"><ol class="breadcrumb">
${items.map((c) => (c.href ? html`<li><a href="${c.href}">${c.name}</a></li>` : html`<li><span aria-current="page">${c.name}</span></li>`))}
</ol></nav>`;
}

export function renderTopicPage(model: TopicPageModel): string {
  const path = `/topics/${encodeURIComponent(model.slug)}`;
  const name = oneLine(model.name);
  const description = oneLine(model.description) || `Articles about ${name}.`;
  const main = html`<div class="wrap">
${crumbs([{ name: 'Home', href: '/' }, { name }])}
<div class="hub-intro">
<p class="kicker">Topic</p>
<h1>${name}${model.page > 1 ? html` <span class="page-of">(page ${model.page} of ${model.pages})</span>` : ''}</h1>
<p>${description}</p>
</div>
${renderChips(model.chips, 'Other topics')}
${model.cards.length ? renderCards(model.cards, { eagerCount: 3 }) : html`<p class="empty">No articles on this topic yet.</p>`}
${renderPagination(path, model.page, model.pages)}
</div>`;
  return page({
    siteName: model.siteName,
    ...(model.look ? { look: model.look } : {}),
    title: model.page > 1 ? `${name} articles, page ${model.page}` : `${name} articles`,
    description,
    canonicalUrl: base(model.publicUrl) + pageHref(path, model.page),
    ogType: 'website',
    publicUrl: model.publicUrl,
    ...(model.topics ? { topics: model.topics } : {}),
    ...(model.page > 1 ? { prev: pageHref(path, model.page - 1) } : {}),
    ...(model.page < model.pages ? { next: pageHref(path, model.page + 1) } : {}),
    ...(model.jsonLd ? { jsonLd: model.jsonLd } : {}),
    main,
  });
}

export interface AuthorPageModel extends Common {
  name: string;
  slug: string;
  bio: string;
  cards: CardModel[];
  /** Articles by the author in all, over every page. */
  total: number;
  page: number;
  pages: number;
}

export function renderAuthorPage(model: AuthorPageModel): string {
  const path = `/authors/${encodeURIComponent(model.slug)}`;
  const name = oneLine(model.name);
  const bio = oneLine(model.bio);
  const count = model.total;
  const main = html`<div class="wrap">
${crumbs([{ name: 'Home', href: '/' }, { name }])}
<div class="hub-intro author-intro">
<span class="avatar" aria-hidden="true">${initials(name)}</span>
<div>
<p class="kicker">Author</p>
<h1>${name}${model.page > 1 ? html` <span class="page-of">(page ${model.page} of ${model.pages})</span>` : ''}</h1>
${bio ? html`<p>${bio}</p>` : ''}
<p class="count">${count === 1 ? '1 article' : `${count} articles`}</p>
</div>
</div>
${model.cards.length ? renderCards(model.cards, { eagerCount: 3 }) : html`<p class="empty">No published articles yet.</p>`}
${renderPagination(path, model.page, model.pages)}
</div>`;
  return page({
    siteName: model.siteName,
    ...(model.look ? { look: model.look } : {}),
    title: model.page > 1 ? `${name}, author, page ${model.page}` : `${name}, author`,
    description: bio || `Articles by ${name}.`,
    canonicalUrl: base(model.publicUrl) + pageHref(path, model.page),
    ogType: 'website',
    publicUrl: model.publicUrl,
    ...(model.topics ? { topics: model.topics } : {}),
    ...(model.page > 1 ? { prev: pageHref(path, model.page - 1) } : {}),
    ...(model.page < model.pages ? { next: pageHref(path, model.page + 1) } : {}),
    ...(model.jsonLd ? { jsonLd: model.jsonLd } : {}),
    main,
  });
}

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');

export interface SearchPageModel extends Common {
  query: string;
  cards: CardModel[];
  scriptSrc: string;
}

/** The results part alone: the page embeds it, search-as-you-type swaps it in. */
export function renderSearchResults(query: string, cards: CardModel[]): SafeHtml {
  const q = oneLine(query);
  if (!q) return html`<p class="search-status" role="status">Type a word or two to search all articles.</p>`;
  return html`<p class="search-status" role="status">${
    cards.length ? `${cards.length} ${cards.length === 1 ? 'article matches' : 'articles match'} “${q}”` : `No articles match “${q}”. Try fewer or other words.`
  }</p>
${cards.length ? renderCards(cards, { eagerCount: 2 }) : ''}`;
}

export function renderSearchPage(model: SearchPageModel): string {
  const q = oneLine(model.query);
  const main = html`<div class="wrap">
<div class="hub-intro">
<h1>Search articles</h1>
<form class="search-form" role="search" action="/search" method="get" data-live-search>
<label for="search-q">Words to look for</label>
<div class="search-row">
<input id="search-q" type="search" name="q" value="${q}" autocomplete="off" maxlength="200" aria-controls="search-results">
<button type="submit">Search</button>
</div>
</form>
</div>
<div id="search-results" class="search-results">
${renderSearchResults(q, model.cards)}
</div>
</div>`;
  return page({
    siteName: model.siteName,
    ...(model.look ? { look: model.look } : {}),
    title: q ? `Search: ${q}` : 'Search articles',
    description: 'Search every article on the hub.',
    canonicalUrl: `${base(model.publicUrl)}/search${q ? `?q=${encodeURIComponent(q)}` : ''}`,
    publicUrl: model.publicUrl,
    search: false,
    scripts: [model.scriptSrc],
    ...(model.topics ? { topics: model.topics } : {}),
    main,
  });
}

