/**
 * The publishing panel both editors show beside their form: status, the form's save / publish /
 * unpublish / unarchive buttons, the save-state line the autosave script writes to, and the
 * archive and delete links. Ids (status-heading, publish-button, save-state) are the script's.
 */
import { html, type HtmlValue } from '../../site/views/index.js';
import type { Status } from '../status.js';
import { publishLabel, statusBadge } from './articles.js';

export interface StatusPanelModel {
  status: Status;
  /** Empty: not stored yet. */
  id: string;
  version: number;
  /** How the page names what it edits: "article", "entry". */
  noun: string;
  /** Where /archive and /delete hang off: the entry's editor address. */
  base: string;
  can: { save: boolean; publish: boolean; unpublish: boolean; archive: boolean; delete: boolean };
  /**
   * An archived entry's Unarchive button: the form's own `intent` (the generic editor), or a
   * separate form's id (the article editor posts to its own route).
   */
  unarchive: { intent: true } | { form: string };
  /** More of the panel for a stored entry, after the save state (schedule note, preview links). */
  extra?: HtmlValue;
}

export function statusPanel(m: StatusPanelModel): HtmlValue {
  const archived = m.status === 'archived';
  const live = m.status === 'published' || m.status === 'changed';
  const unarchive = 'form' in m.unarchive ? html`<button type="submit" form="${m.unarchive.form}">Unarchive</button>` : html`<button type="submit" name="intent" value="unarchive">Unarchive</button>`;
  return html`<section class="panel" aria-labelledby="status-heading">
    <h2 id="status-heading">Status: ${statusBadge(m.status)}</h2>
    <div class="actions">
      ${m.can.save ? html`<button type="submit" name="intent" value="save">Save draft</button>` : ''}
      ${m.can.publish && !archived ? html`<button class="primary" type="submit" name="intent" value="publish" id="publish-button">${publishLabel(m.status)}</button>` : ''}
      ${m.can.unpublish && live ? html`<button type="submit" name="intent" value="unpublish">Unpublish</button>` : ''}
      ${m.id && m.can.archive && archived ? unarchive : ''}
    </div>
    <p class="save-state" id="save-state" role="status" aria-live="polite">${!m.can.save ? `You can read this ${m.noun} but not change it.` : m.id ? `Version ${m.version}` : 'Not saved yet: the draft is made when you write something.'}</p>
    ${m.id ? (m.extra ?? '') : ''}
    ${m.id && ((m.can.archive && !archived) || m.can.delete)
      ? html`<p class="links">${m.can.archive && !archived ? html`<a class="button" href="${m.base}/archive">Archive…</a>` : ''}
    ${m.can.delete ? html`<a class="button danger" href="${m.base}/delete">Delete…</a>` : ''}</p>`
      : ''}
  </section>`;
}
