/**
 * Editing one entry of any content type: its fields in one locale or two side by side, a locale
 * switcher, status and actions, and the live preview beside the form when the type has one.
 * Works without JS; the script adds autosave, errors as you type and conflict resolution.
 */
import { html, type HtmlValue } from '../../site/views/index.js';
import type { Status } from '../status.js';
import { statusBadge } from './articles.js';
import { entryField, inputId, type EntryProblem, type FieldView } from './entry-fields.js';
import { errorSummary, renderPage, type Viewer } from './layout.js';
import { previewPane } from './preview-pane.js';
import { statusPanel } from './status-panel.js';

export interface EntryEditModel {
  viewer: Viewer;
  csrf: string;
  scriptHref?: string | undefined;
  /** displayField: the field that names the entry (its title, kept in step as it is typed). */
  type: { id: string; name: string; displayField?: string };
  /** Empty: a new entry, stored at its first save. */
  id: string;
  version: number;
  status: Status;
  title: string;
  locale: string;
  /** The locale shown beside `locale`, if any. */
  side?: string | undefined;
  locales: Array<{ code: string; name: string }>;
  /** The form's locale first; the side locale second. Both list the same fields in the same order. */
  columns: Array<{ locale: string; name: string; fields: FieldView[] }>;
  problems: EntryProblem[];
  notice?: string | undefined;
  /** A link after the notice (the entry it speaks of). */
  noticeLink?: { href: string; text: string } | undefined;
  /** A lost save's comparison and choices (views/conflict.ts), shown instead of the error summary. */
  conflict?: HtmlValue | undefined;
  /** Live preview: the frame's address (empty until there is something to show). */
  preview?: { src: string } | undefined;
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
  const query = (locale: string, side = m.side) => {
    const q = new URLSearchParams();
    if (!m.id) q.set('type', m.type.id);
    q.set('locale', locale);
    if (side && side !== locale) q.set('side', side);
    return `${base}?${q.toString()}`;
  };
  const title = m.title || `Untitled ${m.type.name}`;
  const [own, beside] = m.columns;
  const names = new Map((own?.fields ?? []).map((f) => [f.field.def.id, f.field.def.name || f.field.def.id]));
  const summary = m.problems.map((p) => {
    const name = names.has(p.field) ? `${names.get(p.field)}${beside ? ` (${p.locale ?? m.locale})` : ''}: ` : '';
    const id = inputId(p.field, p.locale && p.locale !== m.locale ? 'side' : '', p.locale ?? m.locale);
    return { field: id.slice(2), message: `${name}${p.message}` };
  });
  const rows = (own?.fields ?? []).map((f, i) => {
    const other = beside?.fields[i];
    return other ? html`<div class="field-row">${entryField(f, m.problems)}${entryField(other, m.problems)}</div>` : entryField(f, m.problems);
  });
  return renderPage({
    title,
    viewer: m.viewer,
    section: 'content',
    csrf: m.csrf,
    scriptHref: m.scriptHref,
    body: html`<div class="page-head">
  <div><p class="hint"><a href="/admin/entries?type=${encodeURIComponent(m.type.id)}">${m.type.name}</a></p><h1>${title}</h1></div>
  <div>${statusBadge(m.status)}</div>
</div>
${m.conflict
  ? m.conflict
  : errorSummary(summary)}
${m.notice ? html`<p class="notice" role="status">${m.notice}${m.noticeLink ? html` <a href="${m.noticeLink.href}">${m.noticeLink.text}</a>` : ''}</p>` : ''}
${m.locales.length > 1
  ? html`<nav class="locales" aria-label="Locales"><span class="hint">Locale</span><ul class="links">${m.locales.map(
      (l) => html`<li><a href="${query(l.code)}"${l.code === m.locale ? html` aria-current="page"` : ''}>${l.name} (${l.code})</a></li>`,
    )}</ul></nav>
<nav class="locales" aria-label="Side by side"><span class="hint">Side by side with</span><ul class="links"><li><a href="${query(m.locale, '')}"${m.side ? '' : html` aria-current="page"`}>No other locale</a></li>${m.locales
      .filter((l) => l.code !== m.locale)
      .map((l) => html`<li><a href="${query(m.locale, l.code)}"${l.code === m.side ? html` aria-current="page"` : ''}>${l.name} beside</a></li>`)}</ul></nav>`
  : ''}
<form method="post" action="${m.id ? base : `/admin/entries/new?type=${encodeURIComponent(m.type.id)}`}" id="entry-form" data-id="${m.id}" data-type="${m.type.id}" data-display-field="${m.type.displayField ?? ''}" data-untitled="Untitled ${m.type.name}" data-autosave="${m.can.save ? 'on' : 'off'}">
<input type="hidden" name="_csrf" value="${m.csrf}">
<input type="hidden" name="version" value="${m.version}">
<input type="hidden" name="locale" value="${m.locale}">
${m.side ? html`<input type="hidden" name="side" value="${m.side}">` : ''}
<div class="edit${m.preview ? ' previewing' : ''}">
<div class="panel">
  <fieldset ${m.can.save ? '' : 'disabled'} class="checks block">
  <legend class="visually-hidden">${m.type.name} (${m.columns.map((c) => c.locale).join(', ')})</legend>
  ${beside ? html`<div class="field-row column-heads" aria-hidden="true"><h2>${own!.name} (${own!.locale})</h2><h2>${beside.name} (${beside.locale})</h2></div>` : ''}
  ${rows}
  </fieldset>
</div>
<aside aria-label="Publishing">
  ${statusPanel({ status: m.status, id: m.id, version: m.version, noun: 'entry', base, can: m.can, unarchive: { intent: true } })}
  ${m.preview ? previewPane(m.preview.src) : ''}
</aside>
</div>
</form>
${m.comments ?? ''}`,
  });
}
