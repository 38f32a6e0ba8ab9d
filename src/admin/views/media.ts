/** The media library: upload area, asset grid, and one asset's details with its focal point. */
import { html } from '../../site/views/index.js';
import type { Status } from '../status.js';
import { statusBadge } from './articles.js';
import { errorSummary, renderPage, textField, type FieldProblem, type Viewer } from './layout.js';

export interface MediaCard {
  id: string;
  title: string;
  thumb?: string | undefined;
  fileName: string;
  hasAlt: boolean;
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
  canUpload: boolean;
}

export function renderMedia(m: MediaModel): string {
  return renderPage({
    title: 'Media',
    viewer: m.viewer,
    section: 'media',
    csrf: m.csrf,
    scriptHref: m.scriptHref,
    body: html`<div class="page-head"><h1>Media</h1><span class="hint">${m.total} ${m.total === 1 ? 'file' : 'files'}</span></div>
${m.canUpload
  ? html`<section class="drop" id="drop" aria-labelledby="upload-heading">
  <h2 id="upload-heading">Upload images</h2>
  <p class="hint">Drag files here, or choose them. Each is sent as it is; give it alt text afterwards.</p>
  <label class="button" for="upload-input">Choose files</label>
  <input class="visually-hidden" type="file" id="upload-input" accept="image/*" multiple>
  <noscript><p class="hint">Uploading needs JavaScript.</p></noscript>
  <ul class="uploads" id="uploads" aria-live="polite"></ul>
</section>`
  : ''}
${m.cards.length === 0
  ? html`<div class="panel empty">No files yet.</div>`
  : html`<ul class="grid">
  ${m.cards.map(
    (c) => html`<li><a class="card" href="/admin/media/${c.id}">
    ${c.thumb ? html`<img src="${c.thumb}" alt="" loading="lazy" width="300" height="200">` : html`<span class="file-kind">${c.fileName.includes('.') ? c.fileName.split('.').pop()!.toUpperCase() : 'FILE'}</span>`}
    <span class="meta"><span class="name">${c.title || c.fileName}</span>
    <span>${statusBadge(c.status)} ${c.hasAlt ? '' : html`<span class="badge draft">No alt text</span>`}</span></span>
  </a></li>`,
  )}
</ul>`}
${m.pages > 1
  ? html`<nav class="pager" aria-label="Pages"><span>Page ${m.page} of ${m.pages}</span><ul>
  ${m.page > 1 ? html`<li><a class="button" href="/admin/media?page=${m.page - 1}" rel="prev">Previous</a></li>` : ''}
  ${m.page < m.pages ? html`<li><a class="button" href="/admin/media?page=${m.page + 1}" rel="next">Next</a></li>` : ''}
</ul></nav>`
  : ''}`,
  });
}

export interface AssetEditModel {
  viewer: Viewer;
  csrf: string;
  scriptHref?: string | undefined;
  id: string;
  version: number;
  status: Status;
  title: string;
  description: string;
  fileName: string;
  image?: { src: string; width: number; height: number; focalPoint?: { x: number; y: number } | undefined } | undefined;
  /** Crops as the hub and the Images API make them: label, URL, size. */
  previews: Array<{ label: string; src: string; width: number; height: number; query: string }>;
  problems: FieldProblem[];
  notice?: string | undefined;
  conflict?: boolean;
  canSave: boolean;
}

export function renderAssetEdit(m: AssetEditModel): string {
  const fp = m.image?.focalPoint;
  return renderPage({
    title: m.title || m.fileName,
    viewer: m.viewer,
    section: 'media',
    csrf: m.csrf,
    scriptHref: m.scriptHref,
    body: html`<div class="page-head"><div><p class="hint"><a href="/admin/media">Media</a></p><h1>${m.title || m.fileName}</h1></div><div>${statusBadge(m.status)}</div></div>
${m.conflict ? html`<div class="error-summary" role="alert" tabindex="-1" id="error-summary"><h2>Someone else changed this file</h2><p>Your changes below were not saved. Save again to replace theirs.</p></div>` : errorSummary(m.problems)}
${m.notice ? html`<p class="notice" role="status">${m.notice}</p>` : ''}
<div class="media-edit">
<div class="panel">
  ${m.image
    ? html`<h2 id="focal-heading">Focal point</h2>
  <p class="hint" id="focal-hint">Click the part of the image that must stay in every crop. With the keyboard, focus the image and use the arrow keys.</p>
  <div class="focal" id="focal" data-width="${m.image.width}" data-height="${m.image.height}">
    <img src="${m.image.src}" alt="${m.description}" width="${m.image.width}" height="${m.image.height}" id="focal-image">
    <span class="dot" id="focal-dot" hidden${fp ? html` data-x="${fp.x.toFixed(3)}" data-y="${fp.y.toFixed(3)}"` : ''}></span>
  </div>
  <h2 class="spaced">Previews</h2>
  <div class="previews" id="previews">
    ${m.previews.map((p) => html`<figure><img src="${p.src}" data-query="${p.query}" alt="" width="${p.width}" height="${p.height}"><figcaption>${p.label}</figcaption></figure>`)}
  </div>`
    : html`<p>${m.fileName} is not an image.</p>`}
</div>
<form class="panel" method="post" action="/admin/media/${m.id}" id="asset-form">
  <input type="hidden" name="_csrf" value="${m.csrf}">
  <input type="hidden" name="version" value="${m.version}">
  <fieldset ${m.canSave ? '' : 'disabled'} class="checks block">
  <legend class="visually-hidden">File details</legend>
  ${textField({ name: 'description', label: 'Alt text', value: m.description, problems: m.problems, textarea: true, hint: 'Describe what the image shows for people who cannot see it. Articles that use this image cannot be published without it.' })}
  ${textField({ name: 'title', label: 'Title', value: m.title, problems: m.problems })}
  ${m.image
    ? html`<fieldset class="checks" aria-describedby="focal-hint"><legend>Focal point (0 to 1 from the left and top)</legend>
    <div class="pair">
      <div class="field"><label for="f-focalX">Across</label><input type="number" id="f-focalX" name="focalX" min="0" max="1" step="0.001" value="${fp ? fp.x.toFixed(3) : ''}"></div>
      <div class="field"><label for="f-focalY">Down</label><input type="number" id="f-focalY" name="focalY" min="0" max="1" step="0.001" value="${fp ? fp.y.toFixed(3) : ''}"></div>
    </div></fieldset>`
    : ''}
  <button class="primary" type="submit">Save</button>
  </fieldset>
  <p class="hint">${m.fileName}</p>
</form>
</div>`,
  });
}
