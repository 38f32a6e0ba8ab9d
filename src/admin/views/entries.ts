/**
 * Entries of any content type, or of all: search, filters, sort and pages kept in the address,
 * saved views in a sidebar, and bulk actions on the rows chosen, with one summary of what
 * happened. Everything works without JavaScript: filters are a GET form, bulk actions a POST one.
 */
import { html, type SafeHtml } from '../../site/views/index.js';
import { isFiltered, listHrefOf, sortLabels, sorts, type ListState, type Sort } from '../entry-list.js';
import { filterStatuses, statusLabels, type Status } from '../status.js';
import { statusBadge, when } from './articles.js';
import { renderPage, type Viewer } from './layout.js';

export interface EntryRow {
  id: string;
  version: number;
  /** The entry's editor (articles have their own). */
  href: string;
  title: string;
  typeName: string;
  status: Status;
  updatedAt: string;
  updatedBy: string;
}

export type BulkVerb = 'publish' | 'unpublish' | 'archive' | 'unarchive' | 'delete';

/** What one bulk action did: the entries done, and each refused one with the reasons. */
export interface BulkSummary {
  action: BulkVerb;
  done: Array<{ id: string; title: string }>;
  refused: Array<{ id: string; title: string; reasons: string[] }>;
}

export interface SavedViewLink {
  id: string;
  name: string;
  href: string;
  current: boolean;
}

export interface Choice {
  id: string;
  name: string;
}

export interface EntriesModel {
  viewer: Viewer;
  csrf: string;
  state: ListState;
  rows: EntryRow[];
  total: number;
  pages: number;
  types: Choice[];
  users: Choice[];
  tags: Choice[];
  views: SavedViewLink[];
  /** What this role may do in bulk (buttons for the rest are not shown). */
  verbs: BulkVerb[];
  canCreate: boolean;
  /** Rows shown checked ("Select all on this page" without JavaScript). */
  selectAll: boolean;
  notice?: string | undefined;
  summary?: BulkSummary | undefined;
}

const path = '/admin/entries';

const verbLabels: Record<BulkVerb, { button: string; done: string }> = {
  publish: { button: 'Publish', done: 'published' },
  unpublish: { button: 'Unpublish', done: 'unpublished' },
  archive: { button: 'Archive…', done: 'archived' },
  unarchive: { button: 'Unarchive', done: 'unarchived' },
  delete: { button: 'Delete…', done: 'deleted' },
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const selectField = (id: string, label: string, value: string, empty: string, options: Array<{ value: string; label: string }>) =>
  html`<div class="field"><label for="${id}">${label}</label><select id="${id}" name="${id}"><option value="">${empty}</option>
    ${options.map((o) => html`<option value="${o.value}"${o.value === value ? html` selected` : ''}>${o.label}</option>`)}</select></div>`;

/** The undo of an archive: the same bulk operation, unarchiving what was just archived. */
function undoForm(csrf: string, state: ListState, ids: string[]): SafeHtml {
  return html`<form method="post" action="${path}/bulk" class="inline-form">
    <input type="hidden" name="_csrf" value="${csrf}">
    <input type="hidden" name="return" value="${listHrefOf(path, state)}">
    <input type="hidden" name="ids" value="${ids.join(',')}">
    <button type="submit" name="action" value="unarchive">Undo: unarchive ${ids.length === 1 ? 'it' : 'them'}</button>
  </form>`;
}

export function summaryPanel(csrf: string, state: ListState, s: BulkSummary): SafeHtml {
  const verb = verbLabels[s.action].done;
  const head = [s.done.length ? `${plural(s.done.length, 'entry', 'entries')} ${verb}` : `Nothing was ${verb}`, s.refused.length ? `${s.refused.length} refused` : ''].filter(Boolean).join(', ');
  const only = s.done.length === 1 && s.refused.length === 0 ? s.done[0]! : undefined;
  return html`<div class="notice bulk-summary${s.refused.length ? ' warn' : ''}" role="status" tabindex="-1" id="bulk-summary">
  <p><strong>${only ? `“${only.title || 'Untitled'}” ${verb}.` : `${head}.`}</strong></p>
  ${s.action === 'archive' && s.done.length ? undoForm(csrf, state, s.done.map((d) => d.id)) : ''}
  ${s.refused.length
    ? html`<ul class="refused">${s.refused.map((r) => html`<li><a href="${path}/${encodeURIComponent(r.id)}">${r.title || 'Untitled'}</a>: ${r.reasons.join(' ')}</li>`)}</ul>`
    : ''}
</div>`;
}

/** A column heading that sorts by it: the first click in its natural order, the next reversed. */
function sortHeading(state: ListState, sort: Sort, label: string, cls = ''): SafeHtml {
  const active = state.sort === sort;
  const nextDir = active ? (state.dir === 'asc' ? 'desc' : 'asc') : undefined;
  const href = listHrefOf(path, state, { sort, page: 1, ...(nextDir ? { dir: nextDir } : { dir: sort === 'title' || sort === 'status' ? 'asc' : 'desc' }) });
  const ariaSort = active ? (state.dir === 'asc' ? 'ascending' : 'descending') : undefined;
  return html`<th scope="col"${cls ? html` class="${cls}"` : ''}${ariaSort ? html` aria-sort="${ariaSort}"` : ''}><a href="${href}">${label}${active ? (state.dir === 'asc' ? ' ↑' : ' ↓') : ''}</a></th>`;
}

function filtersForm(m: EntriesModel): SafeHtml {
  const s = m.state;
  // Title sorts by the type's display field, so it needs one type.
  const sortChoices = sorts.filter((x) => x !== 'title' || s.type);
  return html`<form class="filters" method="get" action="${path}" role="search" aria-label="Filter entries">
  <div class="field grow"><label for="q">Search</label><input type="search" id="q" name="q" value="${s.q}" placeholder="Words in any text field"></div>
  ${selectField('type', 'Content type', s.type, 'All types', m.types.map((t) => ({ value: t.id, label: t.name })))}
  ${selectField('status', 'Status', s.status, 'Any status', filterStatuses.map((x) => ({ value: x, label: statusLabels[x] })))}
  ${selectField('author', 'Created by', s.author, 'Anyone', m.users.map((u) => ({ value: u.id, label: u.name })))}
  ${selectField('updatedBy', 'Updated by', s.updatedBy, 'Anyone', m.users.map((u) => ({ value: u.id, label: u.name })))}
  ${m.tags.length ? selectField('tag', 'Tag', s.tag, 'Any tag', m.tags.map((t) => ({ value: t.id, label: t.name }))) : ''}
  <div class="field"><label for="since">Updated since</label><input type="date" id="since" name="since" value="${s.since}"></div>
  ${selectField('sort', 'Sort by', s.sort === 'updated' ? '' : s.sort, sortLabels.updated, sortChoices.filter((x) => x !== 'updated').map((x) => ({ value: x, label: sortLabels[x] })))}
  <div class="field"><label for="dir">Order</label><select id="dir" name="dir">
    <option value="desc"${s.dir === 'desc' ? html` selected` : ''}>Descending</option>
    <option value="asc"${s.dir === 'asc' ? html` selected` : ''}>Ascending</option></select></div>
  <div class="filter-actions"><button type="submit" class="primary">Apply</button>
  ${isFiltered(s) || s.sort !== 'updated' ? html`<a class="button" href="${listHrefOf(path, { ...s, q: '', status: '', author: '', updatedBy: '', tag: '', since: '', sort: 'updated', dir: 'desc', page: 1 })}">Clear</a>` : ''}</div>
</form>`;
}

function viewsSidebar(m: EntriesModel): SafeHtml {
  const here = listHrefOf(path, { ...m.state, page: 1 });
  return html`<aside class="views panel" aria-labelledby="views-heading">
  <h2 id="views-heading">Saved views</h2>
  ${m.views.length === 0
    ? html`<p class="sub">None yet. Filter and sort the list, then save it here.</p>`
    : html`<ul class="view-list">${m.views.map(
        (v) => html`<li><a href="${v.href}"${v.current ? html` aria-current="page"` : ''}>${v.name}</a>
      <form method="post" action="${path}/views/${encodeURIComponent(v.id)}/delete"><input type="hidden" name="_csrf" value="${m.csrf}"><input type="hidden" name="return" value="${here}">
      <button type="submit" class="link-button danger" aria-label="Delete the view “${v.name}”">Delete</button></form></li>`,
      )}</ul>`}
  <form method="post" action="${path}/views" class="save-view">
    <input type="hidden" name="_csrf" value="${m.csrf}">
    <input type="hidden" name="query" value="${here}">
    <label for="view-name">Save this view as</label>
    <div class="pair"><input type="text" id="view-name" name="name" maxlength="80" required placeholder="e.g. My drafts"><button type="submit">Save</button></div>
  </form>
</aside>`;
}

const withSelectAll = (href: string) => `${href}${href.includes('?') ? '&' : '?'}select=all`;

function bulkBar(m: EntriesModel): SafeHtml {
  if (m.verbs.length === 0 || m.rows.length === 0) return html``;
  return html`<div class="bulk-bar" role="group" aria-label="Bulk actions on the selected entries">
  <span class="sub">With the selected:</span>
  ${m.verbs.map((v) => html`<button type="submit" name="action" value="${v}"${v === 'delete' ? html` class="danger"` : ''}>${verbLabels[v].button}</button>`)}
  ${m.selectAll
    ? html`<a class="button" href="${listHrefOf(path, m.state)}">Select none</a>`
    : html`<a class="button" href="${withSelectAll(listHrefOf(path, m.state))}">Select all ${m.rows.length}</a>`}
</div>`;
}

function table(m: EntriesModel): SafeHtml {
  const s = m.state;
  const here = listHrefOf(path, s);
  return html`<form method="post" action="${path}/bulk" id="bulk-form">
<input type="hidden" name="_csrf" value="${m.csrf}">
<input type="hidden" name="return" value="${here}">
${bulkBar(m)}
<table class="articles entries">
  <caption class="visually-hidden">Entries, sorted by ${sortLabels[s.sort].toLowerCase()}, ${s.dir === 'asc' ? 'ascending' : 'descending'}</caption>
  <thead><tr>${m.verbs.length ? html`<th scope="col" class="pick"><span class="visually-hidden">Selected</span></th>` : ''}${s.type ? sortHeading(s, 'title', 'Title') : html`<th scope="col">Title</th>`}<th scope="col">Type</th>${sortHeading(s, 'status', 'Status')}${sortHeading(s, 'updated', 'Updated', 'hide-narrow')}${m.verbs.some((v) => v === 'archive' || v === 'delete') ? html`<th scope="col" class="hide-narrow"><span class="visually-hidden">Actions</span></th>` : ''}</tr></thead>
  <tbody>
  ${m.rows.map((r) => {
    const name = r.title || 'Untitled';
    const confirmHref = (verb: 'archive' | 'delete') => `${path}/bulk?action=${verb}&ids=${encodeURIComponent(`${r.id}@${r.version}`)}&return=${encodeURIComponent(here)}`;
    return html`<tr>
    ${m.verbs.length ? html`<td class="pick"><input type="checkbox" name="ids" value="${r.id}@${r.version}" id="pick-${r.id}" aria-label="Select “${name}”"${m.selectAll ? html` checked` : ''}></td>` : ''}
    <td class="title"><a href="${r.href}">${name}</a></td>
    <td>${r.typeName}</td>
    <td>${statusBadge(r.status)}</td>
    <td class="hide-narrow"><time datetime="${r.updatedAt}">${when(r.updatedAt)}</time>${r.updatedBy ? html`<div class="sub">${r.updatedBy}</div>` : ''}</td>
    ${m.verbs.some((v) => v === 'archive' || v === 'delete')
      ? html`<td class="row-actions">${m.verbs.includes('archive') && r.status !== 'archived' ? html`<a href="${confirmHref('archive')}" aria-label="Archive “${name}”">Archive</a>` : ''}
      ${m.verbs.includes('delete') ? html`<a class="danger" href="${confirmHref('delete')}" aria-label="Delete “${name}”">Delete</a>` : ''}</td>`
      : ''}
  </tr>`;
  })}
  </tbody>
</table>
</form>`;
}

export function renderEntries(m: EntriesModel): string {
  const s = m.state;
  const type = m.types.find((t) => t.id === s.type);
  const heading = type ? type.name : 'All content';
  const count = plural(m.total, 'entry', 'entries');
  return renderPage({
    title: heading,
    viewer: m.viewer,
    section: 'content',
    csrf: m.csrf,
    body: html`<div class="page-head">
  <h1>${heading}</h1>
  ${m.canCreate && type ? html`<a class="button primary" href="/admin/entries/new?type=${encodeURIComponent(type.id)}">New ${type.name}</a>` : ''}
</div>
${m.summary ? summaryPanel(m.csrf, s, m.summary) : ''}
${m.notice ? html`<p class="notice" role="status">${m.notice}</p>` : ''}
<div class="list-layout">
<div class="list-main">
${filtersForm(m)}
<p class="visually-hidden" role="status">${count}</p>
${m.rows.length === 0 ? html`<div class="panel empty">${isFiltered(s) ? 'No entries match these filters.' : 'No entries yet.'}</div>` : table(m)}
<nav class="pager" aria-label="Pages">
  <span>Page ${s.page} of ${m.pages} · ${count}</span>
  ${m.pages > 1
    ? html`<ul>
    ${s.page > 1 ? html`<li><a class="button" href="${listHrefOf(path, s, { page: s.page - 1 })}" rel="prev">Previous</a></li>` : ''}
    ${s.page < m.pages ? html`<li><a class="button" href="${listHrefOf(path, s, { page: s.page + 1 })}" rel="next">Next</a></li>` : ''}
  </ul>`
    : ''}
</nav>
</div>
${viewsSidebar(m)}
</div>`,
  });
}

/** The question asked before archiving or deleting entries from the list. */
export function renderBulkConfirm(m: { viewer: Viewer; csrf: string; action: 'archive' | 'delete'; entries: Array<{ id: string; version: number; title: string; live: boolean }>; returnHref: string }): string {
  const n = m.entries.length;
  const live = m.entries.filter((e) => e.live).length;
  const what = n === 1 ? `“${m.entries[0]!.title || 'Untitled'}”` : plural(n, 'entry', 'entries');
  const title = `${m.action === 'delete' ? 'Delete' : 'Archive'} ${what}?`;
  const consequence =
    m.action === 'delete'
      ? `${n === 1 ? 'The entry and its version history are' : 'These entries and their version histories are'} deleted for good. This cannot be undone.`
      : `Archived entries cannot be edited or published until they are unarchived; you can undo this from the list.`;
  return renderPage({
    title,
    viewer: m.viewer,
    section: 'content',
    csrf: m.csrf,
    body: html`<section class="panel narrow confirm" aria-labelledby="confirm-heading">
  <h1 id="confirm-heading">${title}</h1>
  <p>${consequence}</p>
  ${live ? html`<p class="notice warn">${live === n ? (n === 1 ? 'It is' : 'They are') : `${live} of them are`} published: Folio refuses to ${m.action} published entries. Unpublish ${live === 1 ? 'it' : 'them'} first.</p>` : ''}
  ${n > 1 ? html`<ul>${m.entries.map((e) => html`<li>${e.title || 'Untitled'}${e.live ? html` <span class="badge published">Published</span>` : ''}</li>`)}</ul>` : ''}
  <form method="post" action="${path}/bulk" class="actions">
    <input type="hidden" name="_csrf" value="${m.csrf}">
    <input type="hidden" name="return" value="${m.returnHref}">
    <input type="hidden" name="confirmed" value="1">
    <input type="hidden" name="ids" value="${m.entries.map((e) => `${e.id}@${e.version}`).join(',')}">
    <button class="${m.action === 'delete' ? 'danger-fill' : 'primary'}" type="submit" name="action" value="${m.action}" id="f-confirm">${m.action === 'delete' ? 'Delete' : 'Archive'} ${n === 1 ? 'entry' : plural(n, 'entry', 'entries')}</button>
    <a class="button" href="${m.returnHref}">Cancel</a>
  </form>
</section>`,
  });
}
