/** The articles list: search, filters, status badges, pagination. */
import { html, type SafeHtml } from '../../site/views/index.js';
import { sortLabels, sorts } from '../entry-list.js';
import { filterStatuses, statusLabels, type Status } from '../status.js';
import { renderPage, type Viewer } from './layout.js';

export interface ArticleRow {
  id: string;
  title: string;
  slug: string;
  status: Status;
  type: string;
  topics: string[];
  updatedAt: string;
}

export interface ArticlesModel {
  viewer: Viewer;
  csrf: string;
  rows: ArticleRow[];
  total: number;
  page: number;
  pages: number;
  /** sort and dir: empty when they are the list's defaults (newest change first). */
  filters: { q: string; topic: string; status: string; sort?: string; dir?: string };
  topics: Array<{ id: string; name: string }>;
  canCreate: boolean;
  notice?: string | undefined;
}

export const statusBadge = (status: Status): SafeHtml => html`<span class="badge ${status}">${statusLabels[status]}</span>`;

export const when = (iso: string) => new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });

/** A list's address with its filters (empty ones left out) and page. */
export function listHref(path: string, filters: Record<string, string>, page: number): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v) q.set(k, v);
  if (page > 1) q.set('page', String(page));
  const s = q.toString();
  return `${path}${s ? `?${s}` : ''}`;
}

const pageHref = (filters: ArticlesModel['filters'], page: number) => listHref('/admin/articles', filters, page);

/** The publish button says what publishing does now. */
export const publishLabel = (status: Status) => (status === 'published' ? 'Publish again' : status === 'changed' ? 'Publish changes' : 'Publish');

export function renderArticles(m: ArticlesModel): string {
  const { filters } = m;
  const filtered = !!(filters.q || filters.topic || filters.status);
  return renderPage({
    title: 'Articles',
    viewer: m.viewer,
    section: 'articles',
    csrf: m.csrf,
    body: html`<div class="page-head">
  <h1>Articles</h1>
  ${m.canCreate
    ? html`<form method="post" action="/admin/articles"><input type="hidden" name="_csrf" value="${m.csrf}"><button class="primary" type="submit">New article</button></form>`
    : ''}
</div>
${m.notice ? html`<p class="notice" role="status">${m.notice}</p>` : ''}
<form class="filters" method="get" action="/admin/articles" role="search" aria-label="Filter articles">
  <div class="field grow"><label for="q">Search</label><input type="search" id="q" name="q" value="${filters.q}" placeholder="Words in the title or text"></div>
  <div class="field"><label for="topic">Topic</label><select id="topic" name="topic"><option value="">All topics</option>
    ${m.topics.map((t) => html`<option value="${t.id}"${t.id === filters.topic ? html` selected` : ''}>${t.name}</option>`)}</select></div>
  <div class="field"><label for="status">Status</label><select id="status" name="status"><option value="">Any status</option>
    ${filterStatuses.map((s) => html`<option value="${s}"${s === filters.status ? html` selected` : ''}>${statusLabels[s]}</option>`)}</select></div>
  <div class="field"><label for="sort">Sort by</label><select id="sort" name="sort">
    ${sorts.map((s) => html`<option value="${s === 'updated' ? '' : s}"${(filters.sort || 'updated') === s ? html` selected` : ''}>${sortLabels[s]}</option>`)}</select></div>
  <div class="field"><label for="dir">Order</label><select id="dir" name="dir"><option value="">Natural</option>
    <option value="desc"${filters.dir === 'desc' ? html` selected` : ''}>Descending</option><option value="asc"${filters.dir === 'asc' ? html` selected` : ''}>Ascending</option></select></div>
  <button type="submit">Apply</button>
  ${filtered ? html`<a class="button" href="/admin/articles">Clear</a>` : ''}
</form>
<p class="visually-hidden" role="status">${m.total} ${m.total === 1 ? 'article' : 'articles'}</p>
${m.rows.length === 0
  ? html`<div class="panel empty">${filtered ? 'No articles match these filters.' : 'No articles yet.'}</div>`
  : html`<table class="articles">
  <caption class="visually-hidden">Articles, most recently changed first</caption>
  <thead><tr><th scope="col">Title</th><th scope="col">Status</th><th scope="col" class="hide-narrow">Type</th><th scope="col" class="hide-narrow">Topics</th><th scope="col" class="hide-narrow">Updated</th></tr></thead>
  <tbody>
  ${m.rows.map(
    (r) => html`<tr>
    <td class="title"><a href="/admin/articles/${r.id}">${r.title || 'Untitled'}</a><div class="sub">/${r.slug}</div></td>
    <td>${statusBadge(r.status)}</td>
    <td class="hide-narrow">${r.type}</td>
    <td class="hide-narrow">${r.topics.join(', ')}</td>
    <td class="hide-narrow"><time datetime="${r.updatedAt}">${when(r.updatedAt)}</time></td>
  </tr>`,
  )}
  </tbody>
</table>`}
${m.pages > 1
  ? html`<nav class="pager" aria-label="Pages">
  <span>Page ${m.page} of ${m.pages} · ${m.total} articles</span>
  <ul>
    ${m.page > 1 ? html`<li><a class="button" href="${pageHref(filters, m.page - 1)}" rel="prev">Previous</a></li>` : ''}
    ${m.page < m.pages ? html`<li><a class="button" href="${pageHref(filters, m.page + 1)}" rel="next">Next</a></li>` : ''}
  </ul>
</nav>`
  : html`<p class="pager">${m.total} ${m.total === 1 ? 'article' : 'articles'}</p>`}`,
  });
}
