/** Content types: the list with the create form, one type with its fields, and the field form. */
import { html, type SafeHtml } from '../../site/views/index.js';
import { fieldTypeChoices, type FieldFormValues } from '../field-form.js';
import { errorSummary, problemFor, textField, type FieldProblem, type Viewer } from './layout.js';
import { checkbox, hiddenCsrf, noticeOf, renderSettingsPage } from './settings.js';

export type TypeStatus = 'draft' | 'active' | 'changed';
const statusLabels: Record<TypeStatus, string> = { draft: 'Draft', active: 'Active', changed: 'Changed' };
const statusBadge = (s: TypeStatus) => html`<span class="badge ${s === 'active' ? 'published' : s}">${statusLabels[s]}</span>`;

export interface TypeRow {
  id: string;
  name: string;
  fields: number;
  status: TypeStatus;
}

export interface NewTypeValues {
  id: string;
  name: string;
  description: string;
  titleField: string;
}

export interface ContentTypesModel {
  viewer: Viewer;
  csrf: string;
  types: TypeRow[];
  problems: FieldProblem[];
  values: NewTypeValues;
  notice?: string | undefined;
}

export function renderContentTypes(m: ContentTypesModel): string {
  return renderSettingsPage({
    title: 'Content types',
    viewer: m.viewer,
    csrf: m.csrf,
    area: 'content-types',
    body: html`<div class="page-head"><h1>Content types</h1></div>
<p class="hint measure">The content model: which fields entries of each type have. A type is used by the APIs once it is active; changes to an active type apply when it is activated again.</p>
${errorSummary(m.problems)}
${noticeOf(m.notice)}
${m.types.length === 0
  ? html`<div class="panel empty">There are no content types yet.</div>`
  : html`<div class="table-wrap"><table class="stack">
  <caption class="visually-hidden">Content types</caption>
  <thead><tr><th scope="col">Name</th><th scope="col">ID</th><th scope="col">Fields</th><th scope="col">Status</th></tr></thead>
  <tbody>
  ${m.types.map(
    (t) => html`<tr>
    <td class="title"><a href="/admin/content-types/${t.id}">${t.name}</a></td>
    <td data-label="ID"><code>${t.id}</code></td>
    <td data-label="Fields">${t.fields}</td>
    <td data-label="Status">${statusBadge(t.status)}</td>
  </tr>`,
  )}
  </tbody>
</table></div>`}
<section class="panel narrow" aria-labelledby="new-heading">
  <h2 id="new-heading">New content type</h2>
  <form method="post" action="/admin/content-types" novalidate>
    ${hiddenCsrf(m.csrf)}
    ${textField({ name: 'name', label: 'Name', value: m.values.name, problems: m.problems, hint: 'What an entry of this type is, e.g. “Event”.' })}
    ${textField({ name: 'id', label: 'ID', value: m.values.id, problems: m.problems, inputClass: 'mono', hint: 'Used by the APIs (content_type=…); it cannot change later. Letters, digits, “.”, “-” and “_”.' })}
    ${textField({ name: 'description', label: 'Description (optional)', value: m.values.description, problems: m.problems })}
    ${textField({ name: 'titleField', label: 'Display field (optional)', value: m.values.titleField, problems: m.problems, inputClass: 'mono', hint: 'The id of a short text field that names each entry, e.g. “title”. It is added for you.' })}
    <button class="primary" type="submit">Create content type</button>
  </form>
</section>`,
  });
}

export interface FieldRow {
  id: string;
  name: string;
  type: string;
  required: boolean;
  localized: boolean;
  omitted: boolean;
  rules: string[];
  isDisplay: boolean;
}

export interface ContentTypeModel {
  viewer: Viewer;
  csrf: string;
  id: string;
  version: number;
  status: TypeStatus;
  details: { name: string; description: string; displayField: string; previewUrl: string };
  /** Fields that can name entries (Symbol and Text). */
  displayChoices: Array<{ id: string; name: string }>;
  fields: FieldRow[];
  newField: FieldFormValues;
  problems: FieldProblem[];
  notice?: string | undefined;
}

const yes = (b: boolean) => (b ? 'Yes' : html`<span class="muted">No</span>`);

export function renderContentType(m: ContentTypeModel): string {
  const activeLabel = m.status === 'draft' ? 'Activate' : 'Activate changes';
  return renderSettingsPage({
    title: `Content type ${m.details.name}`,
    viewer: m.viewer,
    csrf: m.csrf,
    area: 'content-types',
    body: html`<div class="page-head"><div><h1>${m.details.name} ${statusBadge(m.status)}</h1><div class="sub">ID <code>${m.id}</code></div></div>
  <div class="actions" id="f-actions">
    ${m.status !== 'active' ? html`<form method="post" action="/admin/content-types/${m.id}/activate">${hiddenCsrf(m.csrf)}<input type="hidden" name="version" value="${m.version}"><button class="primary" type="submit">${activeLabel}</button></form>` : ''}
    ${m.status !== 'draft' ? html`<form method="post" action="/admin/content-types/${m.id}/deactivate">${hiddenCsrf(m.csrf)}<input type="hidden" name="version" value="${m.version}"><button type="submit">Deactivate</button></form>` : ''}
    <a class="button danger" href="/admin/content-types/${m.id}/delete">Delete…</a>
  </div></div>
${errorSummary(m.problems)}
${noticeOf(m.notice)}
<section aria-labelledby="fields-heading" class="spaced-bottom">
<h2 id="fields-heading">Fields</h2>
${m.fields.length === 0
  ? html`<div class="panel empty">No fields yet. Add the first one below.</div>`
  : html`<div class="table-wrap"><table class="stack">
  <caption class="visually-hidden">Fields of ${m.details.name}</caption>
  <thead><tr><th scope="col">Name</th><th scope="col">Type</th><th scope="col">Required</th><th scope="col">Localized</th><th scope="col">Validations</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
  <tbody>
  ${m.fields.map(
    (f) => html`<tr>
    <td class="title"><a href="/admin/content-types/${m.id}/fields/${f.id}">${f.name}</a><div class="sub"><code>${f.id}</code>${f.isDisplay ? ' · display field' : ''}${f.omitted ? html` · <span class="badge archived">hidden</span>` : ''}</div></td>
    <td data-label="Type">${f.type}</td>
    <td data-label="Required">${yes(f.required)}</td>
    <td data-label="Localized">${yes(f.localized)}</td>
    <td data-label="Validations">${f.rules.length ? html`<ul class="rules">${f.rules.map((r) => html`<li>${r}</li>`)}</ul>` : html`<span class="muted">None</span>`}</td>
    <td><div class="actions"><a class="button" href="/admin/content-types/${m.id}/fields/${f.id}">Edit<span class="visually-hidden"> ${f.name}</span></a>
      <form method="post" action="/admin/content-types/${m.id}/fields/${f.id}/remove">${hiddenCsrf(m.csrf)}<input type="hidden" name="version" value="${m.version}"><button class="danger" type="submit">${f.omitted ? 'Delete' : 'Remove'}<span class="visually-hidden"> ${f.name}</span></button></form></div></td>
  </tr>`,
  )}
  </tbody>
</table></div>`}
</section>
<div class="split">
  <section class="panel" aria-labelledby="add-heading">
    <h2 id="add-heading">Add a field</h2>
    <form method="post" action="/admin/content-types/${m.id}/fields" novalidate>
      ${hiddenCsrf(m.csrf)}
      <input type="hidden" name="version" value="${m.version}">
      ${fieldInputs(m.newField, m.problems, true)}
      <button class="primary" type="submit">Add field</button>
    </form>
  </section>
  <section class="panel" aria-labelledby="details-heading">
    <h2 id="details-heading">Details</h2>
    <form method="post" action="/admin/content-types/${m.id}" novalidate>
      ${hiddenCsrf(m.csrf)}
      <input type="hidden" name="version" value="${m.version}">
      ${textField({ name: 'ct-name', label: 'Name', value: m.details.name, problems: m.problems })}
      ${textField({ name: 'ct-description', label: 'Description', value: m.details.description, problems: m.problems, textarea: true })}
      <div class="field"><label for="f-ct-display">Display field</label>
        <select id="f-ct-display" name="ct-display" aria-describedby="f-ct-display-hint"><option value="">None</option>${m.displayChoices.map((c) => html`<option value="${c.id}"${c.id === m.details.displayField ? html` selected` : ''}>${c.name} (${c.id})</option>`)}</select>
        <p class="hint" id="f-ct-display-hint">The text field that names entries in lists.</p></div>
      ${textField({ name: 'ct-preview', label: 'Preview URL', value: m.details.previewUrl, problems: m.problems, hint: 'The page that shows an entry, for the live preview beside the editor, as in Contentful’s content preview: “/events/{fields.slug}” on this site, or https://… on another. Placeholders: {fields.<field id>}, {entry.sys.id}, {locale}. Leave empty for no preview.' })}
      <button type="submit">Save details</button>
    </form>
  </section>
</div>`,
  });
}

/** The inputs of a field (new or existing); names start with "field-". */
function fieldInputs(v: FieldFormValues, problems: FieldProblem[], isNew: boolean): SafeHtml {
  const typeErrors = problemFor(problems, 'field-type');
  const inErrors = problemFor(problems, 'field-in');
  return html`<div class="field-grid">
  ${textField({ name: 'field-name', label: 'Name', value: v.name, problems })}
  ${textField({ name: 'field-id', label: 'Field ID', value: v.id, problems, inputClass: 'mono', readonly: !isNew, ...(isNew ? { hint: 'Letters, digits and “_”; starts with a letter.' } : { hint: 'A field keeps its id.' }) })}
</div>
<div class="field${typeErrors.length ? ' invalid' : ''}"><label for="f-field-type">Type</label>
  <select id="f-field-type" name="field-type"${typeErrors.length ? html` aria-invalid="true" aria-describedby="f-field-type-error"` : ''}>${fieldTypeChoices.map((c) => html`<option value="${c.value}"${c.value === v.type ? html` selected` : ''}>${c.label}</option>`)}</select>
  ${typeErrors.length ? html`<p class="error-text" id="f-field-type-error">${typeErrors.map((e) => e.message).join(' ')}</p>` : ''}
</div>
<div class="field">
  ${checkbox({ name: 'field-required', label: 'Required to publish', checked: v.required, id: 'f-field-required' })}
  ${checkbox({ name: 'field-localized', label: 'Localized: a value per locale', checked: v.localized, id: 'f-field-localized' })}
  ${isNew ? '' : checkbox({ name: 'field-omitted', label: 'Hidden from the Delivery and Preview APIs (omitted)', checked: v.omitted, id: 'f-field-omitted' })}
</div>
<fieldset class="topic-group">
  <legend>Validations</legend>
  <div class="field-grid">
    ${textField({ name: 'field-size-min', label: 'Minimum length', type: 'number', value: v.sizeMin, problems, hint: 'Characters, or items of a list.' })}
    ${textField({ name: 'field-size-max', label: 'Maximum length', type: 'number', value: v.sizeMax, problems })}
  </div>
  <div class="field${inErrors.length ? ' invalid' : ''}"><label for="f-field-in">Allowed values</label>
    <p class="hint" id="f-field-in-hint">One a line; leave empty to allow any.</p>
    <textarea id="f-field-in" name="field-in" aria-describedby="f-field-in-hint${inErrors.length ? ' f-field-in-error' : ''}"${inErrors.length ? html` aria-invalid="true"` : ''}>${v.inValues}</textarea>
    ${inErrors.length ? html`<p class="error-text" id="f-field-in-error">${inErrors.map((e) => e.message).join(' ')}</p>` : ''}
  </div>
  <div class="field-grid">
    ${textField({ name: 'field-pattern', label: 'Pattern (regular expression)', value: v.pattern, problems, inputClass: 'mono' })}
    ${textField({ name: 'field-flags', label: 'Pattern flags', value: v.flags, problems, inputClass: 'mono', hint: 'e.g. i' })}
  </div>
  <div class="field">${checkbox({ name: 'field-unique', label: 'Unique: no two entries share a value', checked: v.unique, id: 'f-field-unique' })}${problemFor(problems, 'field-unique').map((e) => html`<p class="error-text">${e.message}</p>`)}</div>
  ${textField({ name: 'field-link-types', label: 'Entries may link to content types', value: v.linkTypes, problems, inputClass: 'mono', hint: 'For references: content type ids, separated by commas; empty allows any.' })}
</fieldset>`;
}

export interface FieldEditModel {
  viewer: Viewer;
  csrf: string;
  typeId: string;
  typeName: string;
  version: number;
  values: FieldFormValues;
  problems: FieldProblem[];
}

export function renderFieldEdit(m: FieldEditModel): string {
  return renderSettingsPage({
    title: `Field ${m.values.id}`,
    viewer: m.viewer,
    csrf: m.csrf,
    area: 'content-types',
    body: html`<div class="page-head"><div><h1>${m.values.name || m.values.id}</h1><div class="sub">Field of <a href="/admin/content-types/${m.typeId}">${m.typeName}</a></div></div><a class="button" href="/admin/content-types/${m.typeId}">Back to ${m.typeName}</a></div>
${errorSummary(m.problems)}
<form method="post" action="/admin/content-types/${m.typeId}/fields/${m.values.id}" novalidate class="panel measure">
  ${hiddenCsrf(m.csrf)}
  <input type="hidden" name="version" value="${m.version}">
  ${fieldInputs(m.values, m.problems, false)}
  <p class="hint">Saving changes the draft of the content type; activate it to apply the change.</p>
  <button class="primary" type="submit">Save field</button>
</form>`,
  });
}
