/** The comments panel beside an entry, and the page of comments that mention you. */
import { html, type SafeHtml } from '../../site/views/index.js';
import type { CommentPart, CommentView } from '../comments.js';
import { renderPage, type Viewer } from './layout.js';

const part = (p: CommentPart): SafeHtml => ('mention' in p ? html`<strong class="mention" data-user="${p.userId}">@${p.mention}</strong>` : html`${p.text}`);

const commentBody = (c: CommentView) => html`<p class="comment-body">${c.lines.map((line, i) => html`${i > 0 ? html`<br>` : ''}${line.map(part)}`)}</p>`;

const commentItem = (c: CommentView) => html`<li class="comment" id="comment-${c.id}">
  <p class="hint">${c.author} · <time datetime="${c.createdAt}">${c.createdAt.slice(0, 16).replace('T', ' ')}</time>${c.status === 'resolved' ? ' · resolved' : ''}</p>
  ${commentBody(c)}
</li>`;

export interface CommentsPanelModel {
  entryId: string;
  csrf: string;
  comments: CommentView[];
  people: Array<{ name: string; markup: string }>;
}

export function commentsPanel(m: CommentsPanelModel): SafeHtml {
  return html`<section class="panel comments" aria-labelledby="comments-heading">
  <h2 id="comments-heading">Comments (${m.comments.length})</h2>
  ${m.comments.length ? html`<ul class="plain">${m.comments.map(commentItem)}</ul>` : html`<p class="hint">No comments yet.</p>`}
  <form method="post" action="/admin/entries/${m.entryId}/comments">
    <input type="hidden" name="_csrf" value="${m.csrf}">
    <div class="field">
      <label for="f-comment">Add a comment</label>
      <p class="hint" id="f-comment-hint">Mention someone with @[name](id): they will find it under Mentions.</p>
      <textarea id="f-comment" name="body" maxlength="2000" required aria-describedby="f-comment-hint"></textarea>
    </div>
    <details><summary>People you can mention</summary><ul class="plain">${m.people.map((p) => html`<li>${p.name}: <code>${p.markup}</code></li>`)}</ul></details>
    <button type="submit">Comment</button>
  </form>
</section>`;
}

export function renderMentions(m: { viewer: Viewer; csrf: string; items: Array<CommentView & { entryId: string }> }): string {
  return renderPage({
    title: 'Mentions',
    viewer: m.viewer,
    section: 'mentions',
    csrf: m.csrf,
    body: html`<div class="page-head"><h1>Mentions</h1></div>
${m.items.length
  ? html`<ul class="plain">${m.items.map((c) => html`<li class="comment panel"><p class="hint">${c.author} on <a href="/admin/entries/${c.entryId}#comment-${c.id}">entry ${c.entryId}</a> · <time datetime="${c.createdAt}">${c.createdAt.slice(0, 16).replace('T', ' ')}</time></p>${commentBody(c)}</li>`)}</ul>`
  : html`<p>Nobody has mentioned you in a comment yet.</p>`}`,
  });
}
