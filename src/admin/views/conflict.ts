/**
 * The no-JavaScript answer to a save that lost the race: what differs between the person's
 * values and the latest version, field by field, each with its choice. Both editors show it.
 */
import { html, type SafeHtml } from '../../site/views/index.js';
import { choiceName, mineName, type DifferingField } from '../conflict.js';
import { diffHtml } from './history.js';

export interface ConflictModel {
  /** What is edited: "article", "entry". */
  noun: string;
  csrf: string;
  /** Where the choices post. */
  action: string;
  /** The latest version: the patch applies to it and nothing newer. */
  version: number;
  latestHref: string;
  fields: DifferingField[];
  /** The form's own hidden values to carry over (the entry editor's locale and side). */
  hidden?: Record<string, string>;
}

export function conflictPanel(m: ConflictModel): SafeHtml {
  return html`<div class="error-summary" role="alert" tabindex="-1" id="error-summary"><h2>Someone else changed this ${m.noun}</h2>
  <p>Your changes are still in the form below but were <strong>not saved</strong>. ${m.fields.length ? 'Choose below which value each field keeps, or ' : ''}<a href="${m.latestHref}">open the latest version</a> to see theirs.</p></div>
${m.fields.length
  ? html`<form class="panel conflict" method="post" action="${m.action}" id="conflict-form" aria-labelledby="conflict-heading">
  <h2 id="conflict-heading">${m.fields.length === 1 ? 'One field differs' : `${m.fields.length} fields differ`}</h2>
  <p class="legend">Words only in their version are <del>struck through</del>; words only in yours are <ins>underlined</ins>. Fields not listed keep the latest version’s values.</p>
  <input type="hidden" name="_csrf" value="${m.csrf}">
  <input type="hidden" name="version" value="${m.version}">
  ${Object.entries(m.hidden ?? {}).map(([k, v]) => html`<input type="hidden" name="${k}" value="${v}">`)}
  ${m.fields.map((f, i) => {
    const id = `conflict-${i}`;
    return html`<fieldset class="checks conflict-field" id="${id}">
    <legend>${f.label} <span class="sub">(${f.locale})</span></legend>
    <p class="diff">${f.parts.length ? diffHtml(f.parts) : html`<span class="hint">Both empty</span>`}</p>
    <input type="hidden" name="${mineName(f)}" value="${f.mine === undefined ? '' : JSON.stringify(f.mine)}">
    <label><input type="radio" name="${choiceName(f)}" value="mine" required> Keep mine</label>
    <label><input type="radio" name="${choiceName(f)}" value="theirs" required> Take theirs</label>
  </fieldset>`;
  })}
  <button class="primary" type="submit">Save these choices</button>
</form>`
  : ''}`;
}
