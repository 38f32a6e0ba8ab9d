/** Editing one article: fields, rich-text body, sidebar with status and actions. Works without JS. */
import { html, raw, type HtmlValue, type SafeHtml } from '../../site/views/index.js';
import type { Status } from '../status.js';
import type { HistoryItem, ScheduledChange } from '../operations.js';
import { statusBadge } from './articles.js';
import { historyPanel } from './history.js';
import { pickerUpload } from './media.js';
import { errorSummary, problemFor, renderPage, selectField, textField, type FieldProblem, type Viewer } from './layout.js';
import { previewPane } from './preview-pane.js';
import { statusPanel } from './status-panel.js';
import { goLiveNote, schedulePanel, scheduleForms } from './schedule.js';
import { table } from '../../validate/json-shape.js';

export interface ArticleFormValues {
  title: string;
  slug: string;
  description: string;
  /** The RichText document as JSON text. */
  body: string;
  publishDate: string;
  type: string;
  featuredImage: string;
  topics: string[];
  author: string;
}

export interface PickerImage {
  id: string;
  title: string;
  thumb: string;
  hasAlt: boolean;
}

export interface ArticleEditModel {
  viewer: Viewer;
  csrf: string;
  scriptHref?: string | undefined;
  /** The live preview frame's address: the draft's signed link (empty for a new article). */
  previewSrc?: string | undefined;
  id: string;
  version: number;
  status: Status;
  values: ArticleFormValues;
  /** Server-rendered body for reading without JavaScript. */
  bodyHtml: SafeHtml;
  problems: FieldProblem[];
  notice?: string | undefined;
  /** A lost save's comparison and choices (views/conflict.ts), shown instead of the error summary. */
  conflict?: HtmlValue | undefined;
  options: { types: readonly string[]; topics: Array<{ id: string; name: string }>; authors: Array<{ id: string; name: string }>; images: PickerImage[] };
  can: { save: boolean; publish: boolean; unpublish: boolean; schedule: boolean; restore: boolean; archive: boolean; delete: boolean };
  publicHref?: string | undefined;
  history: { items: HistoryItem[]; total: number };
  /** Pending scheduled changes, soonest first; `value` is the typed time kept after a refusal. */
  schedule: { pending: ScheduledChange[]; value: string; now: number };
  /** Where the asset thumbnails of embedded images come from, for the editor's node view. */
  assetThumbs: Record<string, { src: string; title: string }>;
  /** The comments panel (a stored article only); its own form, so outside the article's. */
  comments?: HtmlValue | undefined;
}

const fieldNames = table<string>({
  title: 'Title',
  slug: 'Slug',
  description: 'Description',
  body: 'Body',
  publishDate: 'Publish date',
  type: 'Type',
  featuredImage: 'Featured image',
  topics: 'Topics',
  author: 'Author',
  scheduleAt: 'Schedule',
});

const select = (name: string, label: string, value: string, options: Array<{ id: string; name: string }>, problems: FieldProblem[], empty?: string): SafeHtml =>
  selectField({ name, label, value, options, problems, ...(empty !== undefined ? { empty } : {}) });

export function renderArticleEdit(m: ArticleEditModel): string {
  const v = m.values;
  const imageErrors = problemFor(m.problems, 'featuredImage');
  const bodyErrors = problemFor(m.problems, 'body');
  const topicErrors = problemFor(m.problems, 'topics');
  const current = m.options.images.find((i) => i.id === v.featuredImage);
  const readOnly = !m.can.save;
  return renderPage({
    title: v.title || 'Untitled article',
    viewer: m.viewer,
    section: 'articles',
    csrf: m.csrf,
    scriptHref: m.scriptHref,
    body: html`<div class="page-head">
  <div><p class="hint"><a href="/admin/articles">Articles</a></p><h1>${v.title || 'Untitled article'}</h1></div>
  <div>${statusBadge(m.status)}</div>
</div>
${m.conflict
  ? m.conflict
  : errorSummary(m.problems.map((p) => ({ field: p.field, message: p.message.startsWith(fieldNames[p.field] ?? '\u0000') ? p.message : `${fieldNames[p.field] ?? p.field}: ${p.message}` })))}
${m.notice ? html`<p class="notice" role="status">${m.notice}</p>` : ''}
<form method="post" action="${m.id ? `/admin/articles/${m.id}` : '/admin/articles'}" id="article-form" data-id="${m.id}" data-autosave="${m.can.save ? 'on' : 'off'}">
<input type="hidden" name="_csrf" value="${m.csrf}">
<input type="hidden" name="version" value="${m.version}">
<div class="edit previewing">
<div class="panel">
  <fieldset ${readOnly ? 'disabled' : ''} class="checks block">
  <legend class="visually-hidden">Article</legend>
  ${textField({ name: 'title', label: 'Title', value: v.title, problems: m.problems, inputClass: 'title-input' })}
  ${textField({ name: 'slug', label: 'Slug', value: v.slug, problems: m.problems, hint: 'The last part of the article’s address: lowercase letters, digits and hyphens. Made from the title until you change it.' })}
  ${textField({ name: 'description', label: 'Description', value: v.description, problems: m.problems, textarea: true, hint: 'One or two sentences for cards and search results.' })}
  <div class="field${bodyErrors.length ? ' invalid' : ''}" id="f-body">
    <span class="label" id="body-label"><strong>Body</strong></span>
    <input type="hidden" name="body" value="${v.body}">
    <div id="body-editor" data-thumbs="${JSON.stringify(m.assetThumbs)}" data-images="${JSON.stringify(m.options.images.map((i) => ({ id: i.id, title: i.title, thumb: i.thumb })))}">
      <div class="body-preview">${m.bodyHtml}</div>
      <noscript><p class="hint">Turn on JavaScript to edit the body. Everything else saves without it.</p></noscript>
    </div>
    ${bodyErrors.length ? html`<p class="error-text" id="f-body-error">${bodyErrors.map((e) => e.message).join(' ')}</p>` : ''}
  </div>
  </fieldset>
</div>
<aside aria-label="Publishing">
  ${statusPanel({
    status: m.status,
    id: m.id,
    version: m.version,
    noun: 'article',
    base: `/admin/articles/${m.id}`,
    can: m.can,
    unarchive: { form: 'unarchive-form' },
    extra: html`${goLiveNote(m.schedule.pending, m.schedule.now)}
    <p class="links"><a class="button" href="/admin/articles/${m.id}/preview" target="_blank" rel="noopener">Preview draft<span class="visually-hidden"> (opens in a new tab)</span></a>
    ${m.publicHref ? html`<a href="${m.publicHref}" target="_blank" rel="noopener">View on the site<span class="visually-hidden"> (opens in a new tab)</span></a>` : ''}</p>`,
  })}
  ${previewPane(m.previewSrc ?? '')}
  ${m.id ? schedulePanel({ articleId: m.id, pending: m.schedule.pending, canSchedule: m.can.schedule, value: m.schedule.value, problems: m.problems, now: m.schedule.now }) : ''}
  <section class="panel" aria-labelledby="details-heading">
    <h2 id="details-heading">Details</h2>
    <fieldset ${readOnly ? 'disabled' : ''} class="checks block">
    <legend class="visually-hidden">Details</legend>
    ${textField({ name: 'publishDate', label: 'Publish date', type: 'date', value: v.publishDate, problems: m.problems })}
    ${select('type', 'Type', v.type, m.options.types.map((t) => ({ id: t, name: t })), m.problems, 'Choose a type')}
    ${select('author', 'Author', v.author, m.options.authors, m.problems, 'No author')}
    <fieldset class="checks" id="f-topics"><legend>Topics</legend>
      ${m.options.topics.map((t) => html`<label><input type="checkbox" name="topics" value="${t.id}"${v.topics.includes(t.id) ? html` checked` : ''}> ${t.name}</label>`)}
      ${topicErrors.length ? html`<p class="error-text">${topicErrors.map((e) => e.message).join(' ')}</p>` : ''}
    </fieldset>
    <fieldset class="checks${imageErrors.length ? ' invalid' : ''}" id="f-featuredImage"${imageErrors.length ? html` aria-describedby="f-featuredImage-error"` : ''}><legend>Featured image</legend>
      ${current ? html`<img class="current-image" src="${current.thumb}" alt="" width="288" height="192">` : ''}
      ${imageErrors.length ? html`<p class="error-text" id="f-featuredImage-error">${imageErrors.map((e) => e.message).join(' ')}</p>` : ''}
      <details${imageErrors.length ? html` open` : ''}><summary>Choose from the media library</summary>
      <div class="picker" id="featuredImage-picker">
        <label><input type="radio" name="featuredImage" value=""${v.featuredImage ? '' : html` checked`}><span class="none">None</span><span class="visually-hidden">No image</span></label>
        ${m.options.images.map(
          (i) => html`<label title="${i.title}"><input type="radio" name="featuredImage" value="${i.id}"${i.id === v.featuredImage ? html` checked` : ''}><img src="${i.thumb}" alt="" loading="lazy" width="84" height="63"><span class="visually-hidden">${i.title}${i.hasAlt ? '' : ' (no alt text yet)'}</span></label>`,
        )}
      </div>
      ${readOnly ? '' : pickerUpload({ target: 'featuredImage-picker', field: 'article/featuredImage' })}
      <p class="hint"><a href="/admin/media">Open the media library</a></p>
      </details>
    </fieldset>
    </fieldset>
  </section>
</aside>
</div>
</form>
${m.id
  ? html`<div class="below">
${historyPanel({ articleId: m.id, csrf: m.csrf, draftVersion: m.version, items: m.history.items, total: m.history.total, canRestore: m.can.restore })}
${m.comments ?? ''}
</div>
${scheduleForms(m.id, m.csrf, m.can.schedule)}
${m.can.archive && m.status === 'archived' ? html`<form method="post" action="/admin/articles/${m.id}/unarchive" id="unarchive-form"><input type="hidden" name="_csrf" value="${m.csrf}"><input type="hidden" name="version" value="${m.version}" data-draft-version></form>` : ''}`
  : ''}
${raw('')}`,
  });
}
