/** Entries of any content type, or of all: search, type and status filters, status badges, pages. */
import { html } from '../../site/views/index.js';
import { filterStatuses, statusLabels, type Status } from '../status.js';
import { listHref, statusBadge, when } from './articles.js';
import { renderPage, type Viewer } from './layout.js';

export interface EntryRow {
  id: string;
  /** The entry's editor (articles have their own). */
  href: string;
  title: string;
  typeName: string;
  status: Status;
  updatedAt: string;
}

export interface EntriesModel {
  viewer: Viewer;
  csrf: string;
  rows: EntryRow[];
  total: number;
  page: number;
  pages: number;
  filters: { type: string; q: string; status: string };
  types: Array<{ id: string; name: string }>;
  canCreate: boolean;
  notice?: string | undefined;
}

const pageHref = (filters: EntriesModel['filters'], page: number) => listHref('/admin/entries', filters, page);

export function renderEntries(m: EntriesModel): string {
  const { filters } = m;
  const type = m.types.find((t) => t.id === filters.type);
  const heading = type ? type.name : 'All content';
  const filtered = !!(filters.q || filters.status);
  const count = `${m.total} ${m.total === 1 ? 'entry' : 'entries'}`;
  return renderPage({
    title: heading,
    viewer: m.viewer,
    section: 'content',
    csrf: m.csrf,
    body: html`<div class="page-head">
  <h1>${heading}</h1>
  ${m.canCreate && type ? html`<a class="button primary" href="/admin/entries/new?type=${encodeURIComponent(type.id)}">New ${type.name}</a>` : ''}
</div>
${m.notice ? html`<p class="notice" role="status">${m.notice}</p>` : ''}
<form class="filters" method="get" action="/admin/entries" role="search" aria-label="Filter entries">
  <div class="field grow"><label for="q">Search</label><input type="search" id="q" name="q" value="${filters.q}" placeholder="Words in any text field"></div>
  <div class="field"><label for="type">Content type</label><select id="type" name="type"><option value="">All types</option>
    ${m.types.map((t) => html`<option value="${t.id}"${t.id === filters.type ? html` selected` : ''}>${t.name}</option>`)}</select></div>
  <div class="field"><label for="status">Status</label><select id="status" name="status"><option value="">Any status</option>
    ${filterStatuses.map((s) => html`<option value="${s}"${s === filters.status ? html` selected` : ''}>${statusLabels[s]}</option>`)}</select></div>
  <button type="submit">Apply</button>
  ${filtered ? html`<a class="button" href="${pageHref({ type: filters.type, q: '', status: '' }, 1)}">Clear</a>` : ''}
</form>
<p class="visually-hidden" role="status">${count}</p>
${m.rows.length === 0
  ? html`<div class="panel empty">${filtered ? 'No entries match these filters.' : 'No entries yet.'}</div>`
  : html`<table class="articles entries">
  <caption class="visually-hidden">Entries, most recently changed first</caption>
  <thead><tr><th scope="col">Title</th><th scope="col">Type</th><th scope="col">Status</th><th scope="col" class="hide-narrow">Updated</th></tr></thead>
  <tbody>
  ${m.rows.map(
    (r) => html`<tr>
    <td class="title"><a href="${r.href}">${r.title || 'Untitled'}</a></td>
    <td>${r.typeName}</td>
    <td>${statusBadge(r.status)}</td>
    <td class="hide-narrow"><time datetime="${r.updatedAt}">${when(r.updatedAt)}</time></td>
  </tr>`,
  )}
  </tbody>
</table>`}
<nav class="pager" aria-label="Pages">
  <span>Page ${m.page} of ${m.pages} · ${count}</span>
  ${m.pages > 1
    ? html`<ul>
    ${m.page > 1 ? html`<li><a class="button" href="${pageHref(filters, m.page - 1)}" rel="prev">Previous</a></li>` : ''}
    ${m.page < m.pages ? html`<li><a class="button" href="${pageHref(filters, m.page + 1)}" rel="next">Next</a></li>` : ''}
  </ul>`
    : ''}
</nav>`,
  });
}
