/**
 * Scheduling on the edit page. The panel sits in the sidebar, inside the article form, so its
 * controls belong to forms of their own (the `form` attribute) rendered after the article form:
 * forms cannot nest.
 */
import { html, type SafeHtml } from '../../site/views/index.js';
import type { ScheduledChange } from '../operations.js';
import { problemFor, type FieldProblem } from './layout.js';
import { timeTag } from './history.js';

export interface SchedulePanelModel {
  articleId: string;
  pending: ScheduledChange[];
  canSchedule: boolean;
  /** What was typed, kept when the time was refused. */
  value: string;
  problems: FieldProblem[];
  now: number;
}

const verbs = { publish: 'Publish', unpublish: 'Unpublish' } as const;

/** The first pending publish, for "goes live" in the status panel. */
export function goLiveNote(pending: ScheduledChange[], now: number): SafeHtml {
  const next = pending.find((a) => a.action === 'publish');
  if (!next) return html``;
  const due = Date.parse(next.scheduledFor) <= now;
  return html`<p class="scheduled-note"><span class="badge scheduled">Scheduled</span> ${due ? html`Was due ${timeTag(next.scheduledFor)}; it goes live within moments.` : html`Goes live ${timeTag(next.scheduledFor)}.`}</p>`;
}

export function schedulePanel(m: SchedulePanelModel): SafeHtml {
  if (!m.canSchedule && m.pending.length === 0) return html``;
  const errors = problemFor(m.problems, 'scheduleAt');
  const describedBy = ['f-scheduleAt-hint', errors.length ? 'f-scheduleAt-error' : ''].filter(Boolean).join(' ');
  return html`<section class="panel" aria-labelledby="schedule-heading" id="schedule">
  <h2 id="schedule-heading">Schedule</h2>
  ${m.pending.length
    ? html`<ul class="pending">
    ${m.pending.map(
      (a) => html`<li><span><strong>${verbs[a.action]}</strong> ${timeTag(a.scheduledFor)}${a.timezone ? html` <span class="sub">(${a.timezone})</span>` : ''}<span class="sub"> · by ${a.by}</span>${Date.parse(a.scheduledFor) <= m.now ? html`<span class="sub"> · due now</span>` : ''}</span>
      ${m.canSchedule ? html`<button type="submit" form="schedule-cancel-form" name="actionId" value="${a.id}">Cancel<span class="visually-hidden"> the scheduled ${a.action}</span></button>` : ''}</li>`,
    )}
  </ul>`
    : ''}
  ${m.canSchedule
    ? html`<div class="field${errors.length ? ' invalid' : ''}">
    <label for="f-scheduleAt">Date and time</label>
    <p class="hint" id="f-scheduleAt-hint" data-local-hint>In UTC (turn on JavaScript to use your own time zone).</p>
    <input type="datetime-local" id="f-scheduleAt" name="at" form="schedule-form" value="${m.value}" min="${new Date(m.now).toISOString().slice(0, 16)}" aria-describedby="${describedBy}"${errors.length ? html` aria-invalid="true"` : ''}>
    ${errors.length ? html`<p class="error-text" id="f-scheduleAt-error">${errors.map((e) => e.message).join(' ')}</p>` : ''}
  </div>
  <div class="actions">
    <button type="submit" form="schedule-form" name="action" value="publish">Schedule publish</button>
    <button type="submit" form="schedule-form" name="action" value="unpublish">Schedule unpublish</button>
  </div>`
    : ''}
</section>`;
}

/** The forms the panel's controls submit, placed after the article form. */
export function scheduleForms(articleId: string, csrf: string, canSchedule: boolean): SafeHtml {
  if (!canSchedule) return html``;
  return html`<form method="post" action="/admin/articles/${articleId}/schedule" id="schedule-form" hidden>
  <input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="datetime" value=""><input type="hidden" name="timezone" value="">
</form>
<form method="post" action="/admin/articles/${articleId}/schedule/cancel" id="schedule-cancel-form" hidden><input type="hidden" name="_csrf" value="${csrf}"></form>`;
}
