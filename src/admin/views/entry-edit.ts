/** Editing one entry of any content type in one locale: its fields, a locale switcher, status and actions. Works without JS. */
import { html, type HtmlValue } from '../../site/views/index.js';
import type { Status } from '../status.js';
import { publishLabel, statusBadge } from './articles.js';
import { entryField, type FieldView } from './entry-fields.js';
import { errorSummary, renderPage, type FieldProblem, type Viewer } from './layout.js';

export interface EntryEditModel {
  viewer: Viewer;
  csrf: string;
  type: { id: string; name: string };
  /** Empty: a new entry, stored at its first save. */
  id: string;
  version: number;
  status: Status;
  title: string;
  locale: string;
  locales: Array<{ code: string; name: string }>;
  fields: FieldView[];
  problems: FieldProblem[];
  notice?: string | undefined;
  conflict?: boolean;
  can: { save: boolean; publish: boolean; unpublish: boolean; archive: boolean; delete: boolean };
  /** The comments panel (a stored entry only); its own form, so after the entry's. */
  comments?: HtmlValue;
}

export function entryHref(id: string, locale: string, defaultLocale: string, extra = ''): string {
  const q = [locale !== defaultLocale ? `locale=${encodeURIComponent(locale)}` : '', extra].filter(Boolean).join('&');
  return `/admin/entries/${id}${q ? `?${q}` : ''}`;
}

export function renderEntryEdit(m: EntryEditModel): string {
  const base = m.id ? `/admin/entries/${m.id}` : `/admin/entries/new`;
  const query = (locale: string) => {
    const q = new URLSearchParams();
    if (!m.id) q.set('type', m.type.id);
    q.set('locale', locale);
    return `${base}?${q.toString()}`;
  };
  const title = m.title || `Untitled ${m.type.name}`;
  const names = new Map(m.fields.map((f) => [f.field.def.id, f.field.def.name || f.field.def.id]));
  const live = m.status === 'published' || m.status === 'changed';
  return renderPage({
    title,
    viewer: m.viewer,
    section: 'content',
    csrf: m.csrf,
    body: html`<div class="page-head">
  <div><p class="hint"><a href="/admin/entries?type=${encodeURIComponent(m.type.id)}">${m.type.name}</a></p><h1>${title}</h1></div>
  <div>${statusBadge(m.status)}</div>
</div>
${m.conflict
  ? html`<div class="error-summary" role="alert" tabindex="-1" id="error-summary"><h2>Someone else changed this entry</h2>
  <p>Your changes are still in the form below but were <strong>not saved</strong>. <a href="${query(m.locale)}">Open the latest version</a> to see theirs.</p></div>`
  : errorSummary(m.problems.map((p) => ({ field: p.field, message: names.has(p.field) ? `${names.get(p.field)}: ${p.message}` : p.message })))}
${m.notice ? html`<p class="notice" role="status">${m.notice}</p>` : ''}
${m.locales.length > 1
  ? html`<nav class="locales" aria-label="Locales"><ul class="links">${m.locales.map(
      (l) => html`<li><a href="${query(l.code)}"${l.code === m.locale ? html` aria-current="page"` : ''}>${l.name} (${l.code})</a></li>`,
    )}</ul></nav>`
  : ''}
<form method="post" action="${m.id ? base : `/admin/entries/new?type=${encodeURIComponent(m.type.id)}`}" id="entry-form" data-id="${m.id}">
<input type="hidden" name="_csrf" value="${m.csrf}">
<input type="hidden" name="version" value="${m.version}">
<input type="hidden" name="locale" value="${m.locale}">
<div class="edit">
<div class="panel">
  <fieldset ${m.can.save ? '' : 'disabled'} class="checks block">
  <legend class="visually-hidden">${m.type.name} (${m.locale})</legend>
  ${m.fields.map((f) => entryField(f, m.problems))}
  </fieldset>
</div>
<aside aria-label="Publishing">
  <section class="panel" aria-labelledby="status-heading">
    <h2 id="status-heading">Status: ${statusBadge(m.status)}</h2>
    <div class="actions">
      ${m.can.save ? html`<button type="submit" name="intent" value="save">Save draft</button>` : ''}
      ${m.can.publish && m.status !== 'archived' ? html`<button class="primary" type="submit" name="intent" value="publish">${publishLabel(m.status)}</button>` : ''}
      ${m.can.unpublish && live ? html`<button type="submit" name="intent" value="unpublish">Unpublish</button>` : ''}
      ${m.can.archive && m.status === 'archived' ? html`<button type="submit" name="intent" value="unarchive">Unarchive</button>` : ''}
    </div>
    <p class="save-state" role="status">${!m.can.save ? 'You can read this entry but not change it.' : m.id ? `Version ${m.version}` : 'Not saved yet: the draft is made when you save.'}</p>
    ${m.id && (m.can.archive || m.can.delete)
      ? html`<p class="links">${m.can.archive && m.status !== 'archived' ? html`<a class="button" href="${base}/archive">Archive…</a>` : ''}
    ${m.can.delete ? html`<a class="button danger" href="${base}/delete">Delete…</a>` : ''}</p>`
      : ''}
  </section>
</aside>
</div>
</form>
${m.comments ?? ''}`,
  });
}
