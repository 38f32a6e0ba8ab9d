/** Version history: the list on the edit page, and the page comparing a version with the draft. */
import { html, type SafeHtml } from '../../site/views/index.js';
import type { DiffPart, FieldComparison } from '../compare.js';
import type { HistoryItem } from '../operations.js';
import { renderPage, type Viewer } from './layout.js';

/** Times as UTC text; the editor's script rewrites <time data-local> in the reader's own zone. */
export const utcTime = (iso: string) =>
  `${new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' })} UTC`;

export const timeTag = (iso: string): SafeHtml => html`<time datetime="${iso}" data-local>${utcTime(iso)}</time>`;

const restoreForm = (articleId: string, item: Pick<HistoryItem, 'snapshotId' | 'version'>, csrf: string, draftVersion: number, label: SafeHtml | string) =>
  html`<form method="post" action="/admin/articles/${articleId}/history/${item.snapshotId}/restore" class="inline-form">
  <input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="version" value="${draftVersion}" data-draft-version>
  <button type="submit">${label}</button>
</form>`;

export interface HistoryPanelModel {
  articleId: string;
  csrf: string;
  draftVersion: number;
  items: HistoryItem[];
  total: number;
  canRestore: boolean;
}

export function historyPanel(m: HistoryPanelModel): SafeHtml {
  return html`<section class="panel history" aria-labelledby="history-heading">
  <h2 id="history-heading">Version history</h2>
  ${m.items.length === 0
    ? html`<p class="hint">Each time the article is published, that version is kept here. It has not been published yet.</p>`
    : html`<p class="hint">Published versions, newest first.${m.canRestore ? ' Restoring makes a version the draft again, replacing the current draft; publish it to make it live.' : ''}</p>
  <ol class="versions">
    ${m.items.map(
      (item) => html`<li>
      <div class="version-meta"><strong>Version ${item.version}</strong>${item.live ? html` <span class="badge published">Live</span>` : ''}
        <span class="sub">${timeTag(item.publishedAt)} · ${item.publishedBy}</span></div>
      <div class="version-actions">
        <a class="button" href="/admin/articles/${m.articleId}/history/${item.snapshotId}">Compare with current draft<span class="visually-hidden"> (version ${item.version})</span></a>
        ${m.canRestore ? restoreForm(m.articleId, item, m.csrf, m.draftVersion, html`Restore<span class="visually-hidden"> version ${item.version}</span>`) : ''}
      </div>
    </li>`,
    )}
  </ol>
  ${m.total > m.items.length ? html`<p class="hint">Showing the newest ${m.items.length} of ${m.total} versions.</p>` : ''}`}
</section>`;
}

/** Words removed and added, marked by more than colour: strike-through/underline and a spoken label. */
export function diffHtml(parts: DiffPart[]): SafeHtml {
  return html`${parts.map((p) =>
    p.kind === 'same'
      ? p.text
      : p.kind === 'added'
        ? html`<ins><span class="visually-hidden">[added: </span>${p.text}<span class="visually-hidden">]</span></ins>`
        : html`<del><span class="visually-hidden">[removed: </span>${p.text}<span class="visually-hidden">]</span></del>`,
  )}`;
}

export interface CompareModel {
  viewer: Viewer;
  csrf: string;
  scriptHref?: string | undefined;
  articleId: string;
  title: string;
  version: Pick<HistoryItem, 'snapshotId' | 'version' | 'publishedAt' | 'publishedBy' | 'live'>;
  draftVersion: number;
  fields: FieldComparison[];
  canRestore: boolean;
}

const shown = (text: string) => (text === '' ? html`<span class="sub">(empty)</span>` : text);

export function renderCompare(m: CompareModel): string {
  const changed = m.fields.filter((f) => f.changed);
  return renderPage({
    title: `Version ${m.version.version} · ${m.title}`,
    viewer: m.viewer,
    section: 'articles',
    csrf: m.csrf,
    scriptHref: m.scriptHref,
    body: html`<div class="page-head">
  <div><p class="hint"><a href="/admin/articles">Articles</a> › <a href="/admin/articles/${m.articleId}">${m.title}</a></p>
  <h1>Version ${m.version.version} compared with the current draft</h1></div>
</div>
<div class="panel compare-head">
  <p>Version ${m.version.version}${m.version.live ? ' (live on the site)' : ''}, published ${timeTag(m.version.publishedAt)} by ${m.version.publishedBy}, against the current draft (version ${m.draftVersion}).</p>
  <p class="legend">${changed.length === 0 ? 'The two read the same.' : html`${changed.length} of ${m.fields.length} fields differ. Words only in version ${m.version.version} are <del>struck through</del>; words only in the draft are <ins>underlined</ins>.`}</p>
  ${m.canRestore ? restoreForm(m.articleId, m.version, m.csrf, m.draftVersion, `Restore version ${m.version.version} as the draft`) : ''}
</div>
<div class="diff-fields">
${m.fields.map((f) =>
  f.changed
    ? html`<section class="panel diff-field" aria-labelledby="diff-${f.field}">
  <h2 id="diff-${f.field}">${f.label} <span class="badge changed">Changed</span></h2>
  ${f.formattingOnly ? html`<p class="hint">The words are the same; formatting, links or embedded images differ.</p>` : ''}
  <div class="diff${f.field === 'body' ? ' body-diff' : ''}">${f.parts.length ? diffHtml(f.parts) : shown('')}</div>
</section>`
    : html`<details class="panel diff-field same"><summary><strong>${f.label}</strong> <span class="sub">unchanged</span></summary>
  <div class="diff${f.field === 'body' ? ' body-diff' : ''}">${shown(f.before)}</div>
</details>`,
)}
</div>
<p><a class="button" href="/admin/articles/${m.articleId}">Back to the article</a></p>`,
  });
}
