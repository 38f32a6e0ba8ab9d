/** The media library: filters, upload area and grid; one asset's details; the delete and archive questions. */
import { html, type SafeHtml } from '../../site/views/index.js';
import { kindLabels, mediaStatuses, sizeRanges, type MediaFilters } from '../media-filters.js';
import { statusLabels, type Status } from '../status.js';
import { listHref, statusBadge } from './articles.js';
import { errorSummary, problemFor, renderPage, textField, type FieldProblem, type Viewer } from './layout.js';
import { confirmPanel } from './settings.js';

export interface MediaCard {
  id: string;
  title: string;
  thumb?: string | undefined;
  fileName: string;
  size: string;
  /** An image without alt text. */
  needsAlt: boolean;
  status: Status;
}

export interface MediaModel {
  viewer: Viewer;
  csrf: string;
  scriptHref?: string | undefined;
  cards: MediaCard[];
  total: number;
  page: number;
  pages: number;
  filters: MediaFilters;
  notice?: string | undefined;
  /** Files a form upload refused, each naming its file. */
  problems?: FieldProblem[];
  canUpload: boolean;
}

const options = (entries: Array<[string, string]>, chosen: string, none: string) =>
  html`<option value="">${none}</option>${entries.map(([value, label]) => html`<option value="${value}"${value === chosen ? html` selected` : ''}>${label}</option>`)}`;

/**
 * The library's upload area, a real form: without JavaScript it posts the chosen files in one
 * multipart body (the native file input shows them); the script (upload.ts) turns the label into
 * the button and sends each file on its own with a progress bar and its own answer.
 */
export const uploadZone = (opts: { id: string; heading: string; hint: string; csrf: string }) => html`<form class="drop" id="${opts.id}" data-upload method="post" action="/admin/media/upload" enctype="multipart/form-data" aria-labelledby="${opts.id}-heading">
  <input type="hidden" name="_csrf" value="${opts.csrf}">
  <h2 id="${opts.id}-heading">${opts.heading}</h2>
  <p class="hint">${opts.hint}</p>
  <label class="button" for="${opts.id}-input" hidden>Choose files</label>
  <input type="file" id="${opts.id}-input" name="files" data-upload-input multiple>
  <button type="submit" data-upload-submit>Upload</button>
  <p class="upload-summary" data-upload-summary role="status"></p>
  <ul class="uploads" data-upload-list></ul>
</form>`;

/**
 * Upload straight from a media field's picker: hidden until the script runs (it needs it); each
 * new asset is added to the picker `target` (a select, or a list of radio buttons) and chosen.
 * `field` (contentTypeId/fieldId) makes the server hold the file to the field's mimetype rule.
 */
export const pickerUpload = (opts: { target: string; field: string }) => html`<div class="drop compact" id="${opts.target}-upload" data-upload data-field="${opts.field}" data-picker-for="${opts.target}" hidden>
  <label class="button" for="${opts.target}-upload-input">Upload new…</label>
  <input class="visually-hidden" type="file" id="${opts.target}-upload-input" data-upload-input multiple>
  <span class="hint">or drop files here</span>
  <p class="upload-summary" data-upload-summary role="status"></p>
  <ul class="uploads" data-upload-list></ul>
</div>`;

export function renderMedia(m: MediaModel): string {
  const f = m.filters;
  const filtered = !!(f.q || f.kind || f.size || f.status || f.missing);
  const href = (page: number) => listHref('/admin/media', { ...f }, page);
  return renderPage({
    title: 'Media',
    viewer: m.viewer,
    section: 'media',
    csrf: m.csrf,
    scriptHref: m.scriptHref,
    body: html`<div class="page-head"><h1>Media</h1><span class="hint">${m.total} ${m.total === 1 ? 'file' : 'files'}${filtered ? ' match' : ''}</span></div>
${errorSummary(m.problems ?? [], 'drop-')}
${m.notice ? html`<p class="notice" role="status">${m.notice}</p>` : ''}
${m.canUpload ? uploadZone({ id: 'drop', heading: 'Upload files', hint: 'Drag files here, or choose several at once. Each is sent on its own; give images alt text afterwards.', csrf: m.csrf }) : ''}
<form class="filters" method="get" action="/admin/media" role="search" aria-label="Filter files">
  <div class="field grow"><label for="q">Search</label><input type="search" id="q" name="q" value="${f.q}" placeholder="Title, alt text or file name"></div>
  <div class="field"><label for="kind">Type</label><select id="kind" name="kind">${options(Object.entries(kindLabels), f.kind, 'Any type')}</select></div>
  <div class="field"><label for="size">Size</label><select id="size" name="size">${options(Object.entries(sizeRanges).map(([k, r]) => [k, r.label]), f.size, 'Any size')}</select></div>
  <div class="field"><label for="status">Status</label><select id="status" name="status">${options(mediaStatuses.map((s) => [s, statusLabels[s]]), f.status, 'Any status')}</select></div>
  <label class="check filter-check"><input type="checkbox" name="missing" value="alt"${f.missing ? html` checked` : ''}> <span>No alt text</span></label>
  <button type="submit">Apply</button>
  ${filtered ? html`<a class="button" href="/admin/media">Clear</a>` : ''}
</form>
${m.cards.length === 0
  ? html`<div class="panel empty">${filtered ? 'No files match these filters.' : 'No files yet.'}</div>`
  : html`<ul class="grid" id="media-grid">
  ${m.cards.map(
    (c) => html`<li><a class="card" href="/admin/media/${c.id}">
    ${c.thumb ? html`<img src="${c.thumb}" alt="" loading="lazy" width="300" height="200">` : html`<span class="file-kind">${c.fileName.includes('.') ? c.fileName.split('.').pop()!.toUpperCase() : 'FILE'}</span>`}
    <span class="meta"><span class="name">${c.title || c.fileName}</span>
    <span class="sub">${c.fileName}${c.size ? html` · ${c.size}` : ''}</span>
    <span>${statusBadge(c.status)} ${c.needsAlt ? html`<span class="badge draft">No alt text</span>` : ''}</span></span>
  </a></li>`,
  )}
</ul>`}
${m.pages > 1
  ? html`<nav class="pager" aria-label="Pages"><span>Page ${m.page} of ${m.pages}</span><ul>
  ${m.page > 1 ? html`<li><a class="button" href="${href(m.page - 1)}" rel="prev">Previous</a></li>` : ''}
  ${m.page < m.pages ? html`<li><a class="button" href="${href(m.page + 1)}" rel="next">Next</a></li>` : ''}
</ul></nav>`
  : ''}`,
  });
}

export interface UsageItem {
  id: string;
  title: string;
  type: string;
  href: string;
  status: Status;
}

export interface Usage {
  published: UsageItem[];
  drafts: UsageItem[];
  publishedTotal: number;
  draftTotal: number;
}

export interface AssetFileFacts {
  contentType: string;
  kind: string;
  size: string;
  bytes?: number | undefined;
  width?: number;
  height?: number;
  faces: number;
  download: string;
}

export interface AssetEditModel {
  viewer: Viewer;
  csrf: string;
  scriptHref?: string | undefined;
  id: string;
  version: number;
  status: Status;
  /** The locale the form edits. */
  locale: string;
  locales: Array<{ code: string; name: string; default: boolean; title: string; description: string }>;
  title: string;
  description: string;
  fileName: string;
  file?: AssetFileFacts | undefined;
  image?: { src: string; width: number; height: number; focalPoint?: { x: number; y: number } | undefined; faces?: Array<{ x: number; y: number; width: number; height: number }> } | undefined;
  /** Crops as the hub and the Images API make them: label, URL, size. */
  previews: Array<{ label: string; src: string; width: number; height: number; query: string }>;
  usage: Usage;
  problems: FieldProblem[];
  notice?: string | undefined;
  conflict?: boolean;
  can: { save: boolean; archive: boolean; delete: boolean };
}

const usageList = (items: UsageItem[]) => html`<ul class="usage">${items.map((u) => html`<li><a href="${u.href}">${u.title}</a> <span class="sub">${u.type}</span> ${statusBadge(u.status)}</li>`)}</ul>`;

function usagePanel(u: Usage): SafeHtml {
  const more = (shown: number, total: number) => (total > shown ? html`<p class="hint">And ${total - shown} more.</p>` : '');
  return html`<section class="panel" aria-labelledby="usage-heading">
  <h2 id="usage-heading">Where it is used</h2>
  ${u.publishedTotal + u.draftTotal === 0
    ? html`<p class="hint" id="usage-none">No entry links to this file.</p>`
    : html`${u.published.length ? html`<h3>Published entries (${u.publishedTotal})</h3>${usageList(u.published)}${more(u.published.length, u.publishedTotal)}` : ''}
  ${u.drafts.length ? html`<h3>Drafts only</h3>${usageList(u.drafts)}` : ''}`}
</section>`;
}

function factsPanel(m: AssetEditModel): SafeHtml {
  const f = m.file;
  if (!f) return html`<section class="panel"><h2>File</h2><p>This asset has no processed file in the default locale.</p></section>`;
  return html`<section class="panel" aria-labelledby="file-heading">
  <h2 id="file-heading">File</h2>
  <dl class="facts">
    <dt>Name</dt><dd class="break">${m.fileName}</dd>
    <dt>Type</dt><dd>${f.contentType} <span class="sub">(${f.kind}, read from the file’s bytes)</span></dd>
    <dt>Size</dt><dd>${f.size}${f.bytes !== undefined ? html` <span class="sub">(${f.bytes.toLocaleString('en-GB')} bytes)</span>` : ''}</dd>
    ${f.width && f.height ? html`<dt>Dimensions</dt><dd>${f.width} × ${f.height} px</dd><dt>Faces found</dt><dd><span id="faces">${f.faces === 0 ? 'None' : String(f.faces)}</span>${f.faces ? html` <span class="sub">(outlined on the image; crops with f=faces keep them)</span>` : ''}</dd>` : ''}
  </dl>
  <p class="actions"><a class="button" href="${f.download}" download="${m.fileName}">Download original</a></p>
  ${m.can.save
    ? html`<form class="replace" id="replace" method="post" action="/admin/media/${m.id}/file" enctype="multipart/form-data" data-version="${m.version}" data-action="/admin/media/${m.id}/file">
    <input type="hidden" name="_csrf" value="${m.csrf}">
    <input type="hidden" name="version" value="${m.version}">
    <label class="button" for="replace-input" hidden>Replace file…</label>
    <input type="file" id="replace-input" name="file" aria-describedby="replace-hint">
    <button type="submit" data-upload-submit>Upload the new file</button>
    <p class="hint" id="replace-hint">The new file takes this asset’s place everywhere it is used; links to crops of the old file stop working.</p>
    ${problemFor(m.problems, 'replace').map((p) => html`<p class="error-text" id="f-replace">${p.message}</p>`)}
    <p class="replace-state" role="status" id="replace-state"></p>
  </form>`
    : ''}
</section>`;
}

function localeSwitch(m: AssetEditModel): SafeHtml {
  if (m.locales.length < 2) return html``;
  return html`<nav class="locale-switch" aria-label="Locales"><ul>
  ${m.locales.map((l) => html`<li><a href="/admin/media/${m.id}${l.default ? '' : `?locale=${encodeURIComponent(l.code)}`}"${l.code === m.locale ? html` aria-current="page"` : ''}>${l.name} <span class="sub">${l.code}</span></a></li>`)}
</ul></nav>`;
}

function textsTable(m: AssetEditModel): SafeHtml {
  if (m.locales.length < 2) return html``;
  return html`<table class="texts"><caption>Title and alt text in every locale</caption>
  <thead><tr><th scope="col">Locale</th><th scope="col">Title</th><th scope="col">Alt text</th></tr></thead>
  <tbody>${m.locales.map((l) => html`<tr><th scope="row">${l.code}</th><td>${l.title || html`<span class="sub">none</span>`}</td><td>${l.description || html`<span class="sub">none</span>`}</td></tr>`)}</tbody>
</table>`;
}

function removalButtons(m: AssetEditModel): SafeHtml {
  const archived = m.status === 'archived';
  return html`<div class="actions">
  ${m.can.archive && !archived ? html`<a class="button" href="/admin/media/${m.id}/archive">Archive</a>` : ''}
  ${m.can.archive && archived
    ? html`<form method="post" action="/admin/media/${m.id}/unarchive"><input type="hidden" name="_csrf" value="${m.csrf}"><input type="hidden" name="version" value="${m.version}"><button type="submit">Unarchive</button></form>`
    : ''}
  ${m.can.delete ? html`<a class="button danger" href="/admin/media/${m.id}/delete">Delete</a>` : ''}
</div>`;
}

export function renderAssetEdit(m: AssetEditModel): string {
  const fp = m.image?.focalPoint;
  const defaultLocale = m.locales.find((l) => l.default)?.code ?? m.locale;
  return renderPage({
    title: m.title || m.fileName,
    viewer: m.viewer,
    section: 'media',
    csrf: m.csrf,
    scriptHref: m.scriptHref,
    body: html`<div class="page-head"><div><p class="hint"><a href="/admin/media">Media</a></p><h1 class="break">${m.title || m.fileName}</h1></div><div>${statusBadge(m.status)}</div></div>
${m.conflict ? html`<div class="error-summary" role="alert" tabindex="-1" id="error-summary"><h2>Someone else changed this file</h2><p>Your changes below were not saved. Save again to replace theirs.</p></div>` : errorSummary(m.problems)}
${m.notice ? html`<p class="notice" role="status">${m.notice}</p>` : ''}
<div class="media-edit">
<div class="stack">
<div class="panel">
  ${m.image
    ? html`<h2 id="focal-heading">Focal point</h2>
  <p class="hint" id="focal-hint">Click the part of the image that must stay in every crop. With the keyboard, focus the image and use the arrow keys.</p>
  <div class="focal" id="focal" data-width="${m.image.width}" data-height="${m.image.height}">
    <img src="${m.image.src}" alt="${m.description}" width="${m.image.width}" height="${m.image.height}" id="focal-image">
    ${m.image.faces?.length
      ? html`<svg class="faces" viewBox="0 0 ${m.image.width} ${m.image.height}" preserveAspectRatio="none" aria-hidden="true">${m.image.faces.map((f) => html`<rect x="${f.x}" y="${f.y}" width="${f.width}" height="${f.height}" rx="4"></rect>`)}</svg>`
      : ''}
    <span class="dot" id="focal-dot" hidden${fp ? html` data-x="${fp.x.toFixed(3)}" data-y="${fp.y.toFixed(3)}"` : ''}></span>
  </div>
  <h2 class="spaced">Previews</h2>
  <div class="previews" id="previews">
    ${m.previews.map((p) => html`<figure><img src="${p.src}" data-query="${p.query}" alt="" width="${p.width}" height="${p.height}"><figcaption>${p.label}</figcaption></figure>`)}
  </div>`
    : m.file?.width
      ? html`<p>The focal point belongs to the file; set it in <a href="/admin/media/${m.id}">${defaultLocale}</a>.</p>`
      : html`<p class="break">${m.fileName || 'This asset'} is not an image.</p>`}
</div>
${factsPanel(m)}
${usagePanel(m.usage)}
</div>
<div class="stack">
<form class="panel" method="post" action="/admin/media/${m.id}" id="asset-form">
  <input type="hidden" name="_csrf" value="${m.csrf}">
  <input type="hidden" name="version" value="${m.version}">
  <input type="hidden" name="locale" value="${m.locale}">
  ${localeSwitch(m)}
  <fieldset ${m.can.save ? '' : 'disabled'} class="checks block">
  <legend class="visually-hidden">File details in ${m.locale}</legend>
  ${textField({ name: 'description', label: `Alt text (${m.locale})`, value: m.description, problems: m.problems, textarea: true, hint: 'Describe what the image shows for people who cannot see it. Articles that use this image cannot be published without it.' })}
  ${textField({ name: 'title', label: `Title (${m.locale})`, value: m.title, problems: m.problems })}
  ${m.image
    ? html`<fieldset class="checks" aria-describedby="focal-hint"><legend>Focal point (0 to 1 from the left and top)</legend>
    <div class="pair">
      <div class="field"><label for="f-focalX">Across</label><input type="number" id="f-focalX" name="focalX" min="0" max="1" step="0.001" value="${fp ? fp.x.toFixed(3) : ''}"></div>
      <div class="field"><label for="f-focalY">Down</label><input type="number" id="f-focalY" name="focalY" min="0" max="1" step="0.001" value="${fp ? fp.y.toFixed(3) : ''}"></div>
    </div></fieldset>`
    : ''}
  <button class="primary" type="submit">Save</button>
  </fieldset>
  ${textsTable(m)}
</form>
${m.can.archive || m.can.delete ? html`<section class="panel" aria-label="Archive or delete">${removalButtons(m)}</section>` : ''}
</div>
</div>`,
  });
}

export interface AssetRemovalModel {
  viewer: Viewer;
  csrf: string;
  kind: 'archive' | 'delete';
  id: string;
  version: number;
  name: string;
  live: boolean;
  usage: Usage;
  problems: FieldProblem[];
}

/** The question before a delete or archive; while published entries link to the file, the refusal with their list instead. */
export function renderAssetRemoval(m: AssetRemovalModel): string {
  const verb = m.kind === 'delete' ? 'Delete' : 'Archive';
  const title = `${verb} “${m.name}”?`;
  const live = m.live ? 'It is published: Folio unpublishes it first. ' : '';
  const body =
    m.usage.publishedTotal > 0
      ? html`<section class="panel narrow confirm" aria-labelledby="confirm-heading">
  <h1 id="confirm-heading">This file is in use</h1>
  <div class="error-summary" role="alert" tabindex="-1" id="error-summary"><h2>It cannot be ${m.kind === 'delete' ? 'deleted' : 'archived'} while published entries show it</h2>
  <p>${m.usage.publishedTotal === 1 ? 'This published entry links' : `These ${m.usage.publishedTotal} published entries link`} to it. Remove the file from ${m.usage.publishedTotal === 1 ? 'it' : 'them'} (or unpublish ${m.usage.publishedTotal === 1 ? 'it' : 'them'}) first.</p></div>
  ${usageList(m.usage.published)}
  <p class="actions"><a class="button" href="/admin/media/${m.id}">Back to the file</a></p>
</section>`
      : confirmPanel({
          csrf: m.csrf,
          title,
          consequence:
            m.kind === 'delete'
              ? `${live}The file is deleted from the library. ${m.usage.draftTotal ? `${m.usage.draftTotal} draft ${m.usage.draftTotal === 1 ? 'entry links' : 'entries link'} to it and will show it as missing. ` : 'No entry uses it. '}This cannot be undone.`
              : `${live}Archived files cannot be used or published until they are unarchived, which you can do at any time.`,
          action: `/admin/media/${m.id}/${m.kind}`,
          confirmLabel: `${verb} file`,
          cancelHref: `/admin/media/${m.id}`,
          version: m.version,
          problems: m.problems,
        });
  return renderPage({ title, viewer: m.viewer, section: 'media', csrf: m.csrf, body });
}
