/**
 * The frame of the Settings area (content types, API keys, webhooks, users): its sub-navigation,
 * a confirmation page for deletions, and small pieces the settings screens share.
 */
import { can } from '../../auth/index.js';
import { html, type HtmlValue, type SafeHtml } from '../../site/views/index.js';
import { errorSummary, renderPage, settingsLinks, type FieldProblem, type Viewer } from './layout.js';

export type SettingsArea = (typeof settingsLinks)[number]['id'];

export interface SettingsPageModel {
  title: string;
  viewer: Viewer;
  csrf: string;
  area: SettingsArea;
  body: HtmlValue;
}

export function settingsNav(viewer: Viewer, area: SettingsArea): SafeHtml {
  const actor = { kind: 'user' as const, id: '', role: viewer.role };
  return html`<nav class="subnav" aria-label="Settings"><ul>
  ${settingsLinks
    .filter((l) => can(actor, l.action))
    .map((l) => html`<li><a href="${l.href}"${l.id === area ? html` aria-current="page"` : ''}>${l.label}</a></li>`)}
</ul></nav>`;
}

export function renderSettingsPage(m: SettingsPageModel): string {
  return renderPage({ title: m.title, viewer: m.viewer, section: 'settings', csrf: m.csrf, body: html`${settingsNav(m.viewer, m.area)}\n${m.body}` });
}

export const hiddenCsrf = (csrf: string) => html`<input type="hidden" name="_csrf" value="${csrf}">`;

export const noticeOf = (notice: string | undefined) => (notice ? html`<p class="notice" role="status">${notice}</p>` : '');

export const day = (iso: string) => iso.slice(0, 10);
export const minute = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

export interface ConfirmModel {
  viewer: Viewer;
  csrf: string;
  area: SettingsArea;
  title: string;
  /** What will be lost, in a sentence or two. */
  consequence: HtmlValue;
  action: string;
  confirmLabel: string;
  cancelHref: string;
  /** A version the deletion is checked against, when the resource has one. */
  version?: number | undefined;
  problems?: FieldProblem[];
}

/** The second step of every deletion: say what goes, then a danger button and a way back. */
export function renderConfirm(m: ConfirmModel): string {
  return renderSettingsPage({ title: m.title, viewer: m.viewer, csrf: m.csrf, area: m.area, body: confirmPanel(m) });
}

/** The confirmation itself, for any screen (settings, articles). */
export const confirmPanel = (m: Omit<ConfirmModel, 'viewer' | 'area'>) => html`<section class="panel narrow confirm" aria-labelledby="confirm-heading">
  <h1 id="confirm-heading">${m.title}</h1>
  ${errorSummary(m.problems ?? [])}
  <p>${m.consequence}</p>
  <form method="post" action="${m.action}" class="actions">
    ${hiddenCsrf(m.csrf)}
    ${m.version !== undefined ? html`<input type="hidden" name="version" value="${m.version}">` : ''}
    <button class="danger-fill" type="submit" id="f-confirm">${m.confirmLabel}</button>
    <a class="button" href="${m.cancelHref}">Cancel</a>
  </form>
</section>`;

/** A labelled checkbox; `checked` decides its state. */
export const checkbox = (opts: { name: string; value?: string; label: HtmlValue; checked: boolean; id?: string; hint?: string }) =>
  html`<label class="check"><input type="checkbox" name="${opts.name}" value="${opts.value ?? 'on'}"${opts.id ? html` id="${opts.id}"` : ''}${opts.checked ? html` checked` : ''}> <span>${opts.label}</span></label>${opts.hint ? html`<p class="hint">${opts.hint}</p>` : ''}`;
