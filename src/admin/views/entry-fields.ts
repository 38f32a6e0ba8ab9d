/** One input per field of the generic entry form, by widget; each with its label, help, fallback and errors. */
import { html, type SafeHtml } from '../../site/views/index.js';
import { inputName, shownMarker, zones, type FormField, type Raw } from '../entry-form.js';
import { statusLabels, type Status } from '../status.js';
import type { FieldProblem } from './layout.js';
import { pickerUpload } from './media.js';

export interface LinkChoice {
  id: string;
  label: string;
  /** Entries: their status, shown beside the title. */
  status?: Status;
  /** Entries: the title alone (the label adds the type). */
  title?: string;
}

export interface FieldView {
  field: FormField;
  raw: Raw;
  /** The value the locale falls back to, in the form's shape, when this locale has none. */
  fallback?: { locale: string; raw: Raw } | undefined;
  /** Pickers' choices (links). */
  choices?: LinkChoice[];
  /** Not editable here (a field that is not localized, seen from another locale). */
  readOnlyNote?: string | undefined;
  /** Media fields: contentTypeId/fieldId, so the picker can upload new files held to the field's rules. */
  uploadField?: string | undefined;
  /** Reference fields: contentTypeId/fieldId, which the script's search names (the server reads the allowed types from it). */
  linkField?: string | undefined;
  /** What linkField's picker searches: entries (reference fields) or assets (media fields). */
  linkKind?: 'entries' | 'assets' | undefined;
  /** Reference fields: the types this person may create from here ("Create new <type>"). */
  createTypes?: Array<{ id: string; name: string }> | undefined;
  /** A stored entry: without the script, "Create new <type>" saves the form, makes the draft and links it. */
  createByForm?: boolean | undefined;
  /** The locale this input writes, and its inputs' name prefix ('' for the form's own locale). */
  locale: string;
  column: string;
  /** Required in this locale: the field is required and the locale is not optional (Contentful's rule). */
  required: boolean;
  /** Required elsewhere but optional here: said beside the label. */
  optionalHere?: boolean;
  /** Two locales side by side: each label names its locale. */
  showLocale?: boolean;
}

/** A problem with a field's value in one locale (none: the form's own locale). */
export interface EntryProblem extends FieldProblem {
  locale?: string;
}

/** The id of a field's input: the side column's carry its locale, so both columns can be on one page. */
export const inputId = (fieldId: string, column: string, locale: string) => (column ? `f-${locale}-${fieldId}` : `f-${fieldId}`);

const selected = (on: boolean) => (on ? html` selected` : '');
const checked = (on: boolean) => (on ? html` checked` : '');

function control(v: FieldView, id: string, describedBy: string): SafeHtml {
  const { field, raw } = v;
  const part = (p: string) => inputName(field.def.id, p, v.column);
  const name = part('');
  const [first = '', second = ''] = raw;
  const aria = describedBy ? html` aria-describedby="${describedBy}"` : '';
  const placeholder = v.fallback ? html` placeholder="${v.fallback.raw.join(', ')}"` : '';
  switch (field.kind) {
    case 'text':
      return html`<input type="text" id="${id}" name="${name}" value="${first}"${aria}${placeholder}>`;
    case 'slug': {
      // The script keeps it following its source field until edited, and says when another entry of the type has it.
      const from = field.slugSource ? html` data-slug-from="${inputId(field.slugSource, v.column, v.locale)}"` : '';
      return html`<input type="text" id="${id}" name="${name}" value="${first}"${aria}${placeholder} data-slug data-slug-locale="${v.locale}"${from} autocomplete="off" spellcheck="false">`;
    }
    case 'markdown':
      // The script adds a toolbar and a preview; without it, the text area.
      return html`<div class="markdown-field" data-markdown><textarea id="${id}" name="${name}" rows="10"${aria}${placeholder}>${first}</textarea></div>`;
    case 'textarea':
    case 'json': {
      const area = html`<textarea id="${id}" name="${name}" rows="${field.kind === 'json' ? 8 : 5}"${field.kind === 'json' ? html` class="code" spellcheck="false"` : ''}${aria}${placeholder}>${first}</textarea>`;
      if (field.def.type !== 'RichText') return area;
      // The script puts the rich text editor here, offering only the nodes and marks the field allows; without it, the JSON.
      const allowed = (key: 'enabledNodeTypes' | 'enabledMarks') => {
        const rule = field.def.validations?.find((r) => Array.isArray((r as Record<string, unknown>)[key])) as Record<string, unknown> | undefined;
        return rule ? JSON.stringify(rule[key]) : undefined;
      };
      const nodes = allowed('enabledNodeTypes');
      const marks = allowed('enabledMarks');
      return html`<div class="rich-text-field" data-rich-text data-editor-id="${id}-editor" data-labelledby="${id}-label"${nodes ? html` data-enabled-nodes="${nodes}"` : ''}${marks ? html` data-enabled-marks="${marks}"` : ''}>${area}</div>`;
    }
    case 'number':
      return html`<input type="number" id="${id}" name="${name}" value="${first}" step="${field.def.type === 'Integer' ? '1' : 'any'}"${aria}${placeholder}>`;
    case 'date':
      return field.dateOnly
        ? html`<input type="date" id="${id}" name="${name}" value="${first}"${aria}>`
        : html`<span class="inline-form"><input type="datetime-local" id="${id}" name="${name}" value="${first}"${aria}>
  <label class="visually-hidden" for="${id}-zone">Time zone</label>
  <select id="${id}-zone" name="${part('zone')}"><option value="">No zone</option>${zones.map((z) => html`<option value="${z}"${selected(z === second)}>${z === 'Z' ? 'UTC' : `UTC${z}`}</option>`)}</select></span>`;
    case 'boolean':
      return html`<span class="checks" id="${id}"${aria}>${[
        ['true', 'Yes'],
        ['false', 'No'],
        ['', 'Not set'],
      ].map(([value, label]) => html`<label><input type="radio" name="${name}" value="${value}"${checked(first === value)}> ${label}</label>`)}</span>`;
    case 'choice':
      return field.radio
        ? html`<span class="checks" id="${id}"${aria}>${['', ...field.options].map((o) => html`<label><input type="radio" name="${name}" value="${o}"${checked(first === o)}> ${o || 'None'}</label>`)}</span>`
        : html`<select id="${id}" name="${name}"${aria}><option value="">Choose a value</option>${withCurrent(field.options, first).map((o) => html`<option value="${o}"${selected(o === first)}>${o}</option>`)}</select>`;
    case 'choices':
      return html`<span class="checks" id="${id}"${aria}>${withCurrent(field.options, ...raw).map((o) => html`<label><input type="checkbox" name="${name}" value="${o}"${checked(raw.includes(o))}> ${o}</label>`)}</span>`;
    case 'tags':
      return html`<input type="text" id="${id}" name="${name}" value="${first}"${aria}${placeholder}>`;
    case 'location':
      return html`<span class="inline-form" id="${id}"${aria}><label>Latitude <input type="number" step="any" min="-90" max="90" name="${part('lat')}" value="${first}"></label>
  <label>Longitude <input type="number" step="any" min="-180" max="180" name="${part('lon')}" value="${second}"></label></span>`;
    case 'entry':
    case 'asset':
      return html`<select id="${id}" name="${name}"${aria} data-link-picker${linkData(v)}><option value="">None</option>${(v.choices ?? []).map((c) => linkOption(c, c.id === first))}</select>`;
    case 'entries':
    case 'assets':
      return html`<select id="${id}" name="${name}" multiple size="${Math.min(8, Math.max(3, v.choices?.length ?? 0))}"${aria} data-link-picker${linkData(v)}>${linkedFirst(v.choices ?? [], raw).map((c) => linkOption(c, raw.includes(c.id)))}</select>`;
  }
}

/** Reference and media fields tell the script where to search and what it may create. */
const linkData = (v: FieldView) =>
  v.linkField ? html` data-link-field="${v.linkField}" data-link-kind="${v.linkKind ?? 'entries'}" data-create-types="${JSON.stringify(v.createTypes ?? [])}"` : '';

const linkOption = (c: LinkChoice, on: boolean) =>
  html`<option value="${c.id}"${selected(on)}${c.title !== undefined ? html` data-title="${c.title}"` : ''}${c.status ? html` data-status="${c.status}"` : ''}>${choiceLabel(c)}</option>`;

/** The linked ones first, in the field's order: the form sends options in their order, so a save keeps it. */
const linkedFirst = (choices: LinkChoice[], raw: Raw) => {
  const byId = new Map(choices.map((c) => [c.id, c]));
  const linked = raw.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  return [...linked, ...choices.filter((c) => !raw.includes(c.id))];
};

/** A stored value outside the list stays choosable, so saving an unrelated change does not drop it. */
const withCurrent = (options: string[], ...current: string[]) => [...options, ...current.filter((c) => c !== '' && !options.includes(c))];

const choiceLabel = (c: LinkChoice) => (c.status ? `${c.label} · ${statusLabels[c.status]}` : c.label);

const hints: Partial<Record<FormField['kind'], string>> = {
  slug: 'Lower-case words joined by hyphens, unique among entries of this type.',
  markdown: 'Markdown.',
  tags: 'Separate values with commas.',
  json: 'JSON.',
  entries: 'Hold Ctrl or ⌘ to choose several.',
  assets: 'Hold Ctrl or ⌘ to choose several.',
};

/** Widgets that show the fallback value as their placeholder; the others name it in the hint. */
const placeholders = new Set<FormField['kind']>(['text', 'slug', 'textarea', 'markdown', 'json', 'number', 'tags']);

export function entryField(v: FieldView, problems: EntryProblem[]): SafeHtml {
  const { def } = v.field;
  const id = inputId(def.id, v.column, v.locale);
  const errors = problems.filter((p) => p.field === def.id && (p.locale ?? v.locale) === v.locale);
  const kindHint = def.type === 'RichText' ? 'Rich text: type / at the start of a line for blocks (without scripts: Contentful’s JSON document).' : (hints[v.field.kind] ?? '');
  const help = [v.field.helpText, kindHint].filter(Boolean).join(' ');
  const shown = v.fallback && v.fallback.raw.some((r) => r !== '') ? v.fallback : undefined;
  const fallback = shown
    ? placeholders.has(v.field.kind)
      ? `Fallback · Empty here: readers see the ${shown.locale} value. It is shown greyed in the box.`
      : `Fallback · Empty here: readers see the ${shown.locale} value. It is ${shown.raw.filter(Boolean).join(', ')}.`
    : '';
  const slug = v.field.kind === 'slug';
  const describedBy = [help ? `${id}-hint` : '', fallback ? `${id}-fallback` : '', errors.length ? `${id}-error` : '', slug ? `${id}-slug` : ''].filter(Boolean).join(' ');
  const label = html`${def.name || def.id}${v.showLocale ? html` <span class="locale-tag">${v.locale}</span>` : ''}${v.required ? html` <span class="hint">(required)</span>` : v.optionalHere ? html` <span class="hint">(optional in ${v.locale})</span>` : ''}`;
  if (v.readOnlyNote) {
    return html`<div class="field" data-locale="${v.locale}"><span class="label"><strong>${label}</strong></span><p class="hint">${v.readOnlyNote}</p></div>`;
  }
  const grouped = v.field.kind === 'boolean' || v.field.kind === 'choices' || v.field.kind === 'location' || (v.field.kind === 'choice' && v.field.radio);
  return html`<div class="field${errors.length ? ' invalid' : ''}${shown ? ' has-fallback' : ''}" data-field="${def.id}" data-locale="${v.locale}" data-widget="${v.field.widgetId}">
  <input type="hidden" name="${shownMarker(def.id, v.column)}" value="1">
  ${grouped ? html`<span class="label" id="${id}-label"><strong>${label}</strong></span>` : html`<label for="${id}" id="${id}-label">${label}</label>`}
  ${help ? html`<p class="hint" id="${id}-hint">${v.field.helpText}${v.field.helpText && kindHint ? ' ' : ''}${kindHint ? html`<span class="kind-hint">${kindHint}</span>` : ''}</p>` : ''}
  ${control(v, id, describedBy)}
  ${v.uploadField && (v.field.kind === 'asset' || v.field.kind === 'assets') ? pickerUpload({ target: id, field: v.uploadField }) : ''}
  ${v.createByForm && v.createTypes?.length
    ? html`<p class="actions link-create-form">${v.createTypes.map((t) => html`<button type="submit" name="newLink" value="${v.locale}|${def.id}|${t.id}">Create new ${t.name}</button>`)}</p>`
    : ''}
  ${fallback ? html`<p class="hint" id="${id}-fallback">${fallback}</p>` : ''}
  ${slug ? html`<p class="hint slug-state" id="${id}-slug" role="status" aria-live="polite"></p>` : ''}
  <p class="error-text" id="${id}-error"${errors.length ? '' : html` hidden`}>${errors.map((e) => e.message).join(' ')}</p>
</div>`;
}
