/**
 * The generic entry form: which input each field gets (from its type and its editor interface
 * widget), how a stored value shows in it, and how what was sent becomes a value again.
 * A field is compared in its form shape: only a field whose inputs differ from the stored
 * value's becomes a change, so values the form cannot show exactly (seconds of a date, the
 * order of links) stay as stored unless the person edits them.
 */
import type { EditorInterfaceControl } from '../content/index.js';
import type { FieldDefinition, Json } from '../store/types.js';
import * as is from '../validate/is.js';
import { formList, formString } from './http.js';

export type WidgetKind = 'text' | 'slug' | 'textarea' | 'markdown' | 'number' | 'date' | 'boolean' | 'choice' | 'choices' | 'tags' | 'location' | 'json' | 'entry' | 'entries' | 'asset' | 'assets';

export interface FormField {
  def: FieldDefinition;
  kind: WidgetKind;
  widgetId: string;
  helpText: string;
  /** The `in` validation's values (choice, choices). */
  options: string[];
  /** Radio buttons instead of a dropdown (choice). */
  radio: boolean;
  /** A date without time (the date picker's `dateonly` format). */
  dateOnly: boolean;
  /** linkContentType: which content types a link may point at (empty: any). */
  linkTypes: string[];
  /** linkMimetypeGroup: which kinds of file an asset link may point at (empty: any). */
  mimeGroups: string[];
  /** Slug editor: the field it is made from until edited (the content type's display field). */
  slugSource?: string | undefined;
}

/** Values of a field in the form: one string per input (a list for pickers and checkboxes). */
export type Raw = string[];

const ruleValues = (validations: Json[] | undefined, key: string): Json[] | undefined => {
  for (const rule of validations ?? []) if (is.plainObject(rule) && Array.isArray(rule[key])) return rule[key] as Json[];
  return undefined;
};

const textWidgets: Record<string, WidgetKind> = { multipleLine: 'textarea', markdown: 'markdown' };
const symbolWidgets: Record<string, WidgetKind> = { slugEditor: 'slug' };

function kindOf(def: FieldDefinition, widgetId: string, options: string[] | undefined): WidgetKind {
  const choosable = options && (widgetId === 'dropdown' || widgetId === 'radio');
  switch (def.type) {
    case 'Symbol':
      return choosable ? 'choice' : (symbolWidgets[widgetId] ?? textWidgets[widgetId] ?? 'text');
    case 'Text':
      return choosable ? 'choice' : (textWidgets[widgetId] ?? (widgetId !== 'singleLine' ? 'textarea' : 'text'));
    case 'Integer':
    case 'Number':
      return choosable ? 'choice' : 'number';
    case 'Date':
      return 'date';
    case 'Boolean':
      return 'boolean';
    case 'Location':
      return 'location';
    case 'Link':
      return def.linkType === 'Asset' ? 'asset' : 'entry';
    case 'Array':
      if (def.items?.type === 'Symbol') return ruleValues(def.items.validations, 'in') ? 'choices' : 'tags';
      if (def.items?.type === 'Link') return def.items.linkType === 'Asset' ? 'assets' : 'entries';
      return 'json';
    default:
      // Object, and RichText: a JSON text area (the article's rich text editor is bound to the article form).
      return 'json';
  }
}

/**
 * The fields the form shows, in the content type's order: disabled and omitted ones are left alone.
 * `displayField` is what a slug editor follows (Contentful's slug editor follows the title).
 */
export function formFields(fields: FieldDefinition[], controls: Map<string, EditorInterfaceControl>, displayField?: string | null): FormField[] {
  return fields
    .filter((def) => !def.disabled && !def.omitted && def.type !== 'ResourceLink' && !(def.type === 'Array' && def.items?.type === 'ResourceLink'))
    .map((def) => {
      const control = controls.get(def.id);
      const widgetId = control?.widgetId ?? '';
      const options = (ruleValues(def.type === 'Array' ? def.items?.validations : def.validations, 'in') ?? []).map(String);
      const helpText = control?.settings?.helpText;
      return {
        def,
        kind: kindOf(def, widgetId || (options.length ? 'dropdown' : ''), options.length ? options : undefined),
        widgetId,
        helpText: is.string(helpText) ? helpText : '',
        options,
        radio: widgetId === 'radio',
        dateOnly: control?.settings?.format === 'dateonly',
        linkTypes: (ruleValues(def.type === 'Array' ? def.items?.validations : def.validations, 'linkContentType') ?? []).filter(is.string),
        mimeGroups: (ruleValues(def.type === 'Array' ? def.items?.validations : def.validations, 'linkMimetypeGroup') ?? []).filter(is.string),
        slugSource: widgetId === 'slugEditor' && displayField && displayField !== def.id ? displayField : undefined,
      };
    });
}

/**
 * Input names: `f.<field>[.<part>]` for the form's locale; a second locale shown side by side
 * prefixes its inputs with `column` (see sideColumn).
 */
export const inputName = (fieldId: string, part = '', column = '') => `${column}f.${fieldId}${part ? `.${part}` : ''}`;
/** Sent with every field the form shows: a field without it was not on the form and is not touched. */
export const shownMarker = (fieldId: string, column = '') => inputName(fieldId, 'shown', column);
/**
 * Sent with a list of links by the link picker's script, where people put links in order: the
 * order sent is the order wanted. A plain multiple select sends its options in list order, which
 * says nothing, so without the marker links already stored keep their order (keepOrder).
 */
export const orderedMarker = (fieldId: string, column = '') => inputName(fieldId, 'ordered', column);
/** The prefix of the inputs of the locale shown beside the form's own. */
export const sideColumn = 'side.';

/** UTC and the offsets in use, for the date picker's zone. */
export const zones = ['Z', ...Array.from({ length: 27 }, (_, i) => i - 12).flatMap((h) => [`${h < 0 ? '-' : '+'}${String(Math.abs(h)).padStart(2, '0')}:00`, ...(h === 5 ? ['+05:30'] : [])])];

const dateShape = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(?::\d{2}(?:\.\d{1,3})?)?)?(Z|[+-]\d{2}:\d{2})?$/;

const linkIds = (v: Json | undefined): string[] =>
  (Array.isArray(v) ? v : v === undefined ? [] : [v]).flatMap((l) => (is.plainObject(l) && is.plainObject(l.sys) && is.string(l.sys.id) ? [l.sys.id] : []));

/** A stored value in the form's shape. */
export function rawOf(field: FormField, v: Json | undefined): Raw {
  if (v === undefined || v === null) return field.kind === 'date' || field.kind === 'location' ? ['', ''] : isList(field) ? [] : [''];
  switch (field.kind) {
    case 'date': {
      const m = is.string(v) ? dateShape.exec(v) : null;
      if (!m) return [String(v), ''];
      return [field.dateOnly || !m[2] ? m[1]! : `${m[1]}T${m[2]}`, m[3] ?? ''];
    }
    case 'boolean':
      return [v === true ? 'true' : v === false ? 'false' : ''];
    case 'location':
      return is.plainObject(v) ? [String(v.lat ?? ''), String(v.lon ?? '')] : ['', ''];
    case 'tags':
      return [Array.isArray(v) ? v.map(String).join(', ') : String(v)];
    case 'choices':
      return Array.isArray(v) ? v.map(String) : [String(v)];
    case 'entry':
    case 'asset':
      return [linkIds(v)[0] ?? ''];
    case 'entries':
    case 'assets':
      return linkIds(v);
    case 'json':
      return [JSON.stringify(v, null, 2)];
    default:
      return [is.string(v) ? v : String(v)];
  }
}

const isList = (field: FormField) => field.kind === 'choices' || field.kind === 'entries' || field.kind === 'assets';

/** What the form sent for a field; undefined when the field was not on the form. */
export function rawFrom(body: unknown, field: FormField, column = ''): Raw | undefined {
  const id = field.def.id;
  const name = (part = '') => inputName(id, part, column);
  if (!formString(body, shownMarker(id, column))) return undefined;
  if (isList(field)) return formList(body, name());
  if (field.kind === 'date') return [formString(body, name()).trim(), formString(body, name('zone'))];
  if (field.kind === 'location') return [formString(body, name('lat')).trim(), formString(body, name('lon')).trim()];
  // Browsers send a text area's line breaks as CRLF.
  return [formString(body, name()).replace(/\r\n/g, '\n')];
}

/** Whether the form put a list field's values in the order wanted (orderedMarker). */
export function sentInOrder(body: unknown, field: FormField, column = ''): boolean {
  return isList(field) && formString(body, orderedMarker(field.def.id, column)) === '1';
}

/** The inverse of rawFrom: a value in the form's shape as input name → values (what the script puts back into inputs). */
export function inputsOf(field: FormField, raw: Raw, column = ''): Record<string, string[]> {
  const id = field.def.id;
  const out: Record<string, string[]> = Object.create(null);
  const [first = '', second = ''] = raw;
  if (isList(field)) out[inputName(id, '', column)] = raw;
  else if (field.kind === 'date') Object.assign(out, { [inputName(id, '', column)]: [first], [inputName(id, 'zone', column)]: [second] });
  else if (field.kind === 'location') Object.assign(out, { [inputName(id, 'lat', column)]: [first], [inputName(id, 'lon', column)]: [second] });
  else out[inputName(id, '', column)] = [first];
  return out;
}

/** Lists compare as sets (choosing the same links again keeps their stored order) unless sent in order. */
export function sameRaw(field: FormField, a: Raw, b: Raw, ordered = false): boolean {
  const norm = (r: Raw) => JSON.stringify(isList(field) && !ordered ? [...r].sort() : r);
  return norm(a) === norm(b);
}

const linkTo = (linkType: 'Entry' | 'Asset', id: string): Json => ({ sys: { type: 'Link', linkType, id } });

export type Parsed = { value: Json | undefined } | { problem: string };

/** The form's inputs as a field value (undefined: empty, the value is removed), or why they cannot be one. */
export function parseRaw(field: FormField, raw: Raw, stored: Json | undefined, ordered = false): Parsed {
  const [first = '', second = ''] = raw;
  const integer = field.def.type === 'Integer';
  switch (field.kind) {
    case 'text':
    case 'slug':
    case 'textarea':
    case 'markdown':
      return { value: first === '' ? undefined : first };
    case 'number':
    case 'choice': {
      if (first.trim() === '') return { value: undefined };
      if (field.def.type !== 'Integer' && field.def.type !== 'Number') return { value: first };
      const text = first.trim();
      const n = (integer ? /^-?\d{1,16}$/ : /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/).test(text) ? Number(text) : undefined;
      return n === undefined || !Number.isFinite(n) || (integer && !Number.isSafeInteger(n)) ? { problem: integer ? 'Enter a whole number, such as 42.' : 'Enter a number, such as 4.5.' } : { value: n };
    }
    case 'date': {
      if (first === '') return { value: undefined };
      const ok = field.dateOnly ? /^\d{4}-\d{2}-\d{2}$/.test(first) : /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/.test(first);
      if (!ok || Number.isNaN(Date.parse(first.slice(0, 10))) || (second !== '' && !zones.includes(second))) {
        return { problem: field.dateOnly ? 'Enter a date such as 2026-12-31.' : 'Enter a date and time such as 2026-12-31T18:30, and pick a time zone from the list.' };
      }
      return { value: first.length > 10 ? first + second : first };
    }
    case 'boolean':
      return first === '' ? { value: undefined } : first === 'true' || first === 'false' ? { value: first === 'true' } : { problem: 'Choose yes or no.' };
    case 'location': {
      if (first === '' && second === '') return { value: undefined };
      const lat = Number(first);
      const lon = Number(second);
      if (first === '' || second === '' || !is.number(lat) || !is.number(lon) || !is.inRange(lat, -90, 90) || !is.inRange(lon, -180, 180)) {
        return { problem: 'Enter a latitude between -90 and 90 and a longitude between -180 and 180.' };
      }
      return { value: { lat, lon } };
    }
    case 'tags': {
      const tags = first.split(',').map((t) => t.trim()).filter(Boolean);
      return { value: tags.length ? tags : undefined };
    }
    case 'choices':
      return { value: raw.length ? keepOrder(raw, Array.isArray(stored) ? stored.map(String) : []) : undefined };
    case 'entry':
    case 'asset':
      if (first === '') return { value: undefined };
      return is.resourceId(first) ? { value: linkTo(field.kind === 'asset' ? 'Asset' : 'Entry', first) } : { problem: 'Choose from the list.' };
    case 'entries':
    case 'assets': {
      if (raw.length === 0) return { value: undefined };
      if (!raw.every(is.resourceId)) return { problem: 'Choose from the list.' };
      const linkType = field.kind === 'assets' ? 'Asset' : 'Entry';
      return { value: (ordered ? [...new Set(raw)] : keepOrder(raw, linkIds(stored))).map((id) => linkTo(linkType, id)) };
    }
    case 'json':
      if (first.trim() === '') return { value: undefined };
      try {
        return { value: JSON.parse(first) as Json };
      } catch (err) {
        return { problem: `This is not valid JSON: ${err instanceof Error ? err.message : 'it cannot be read'}.` };
      }
  }
}

/** The chosen values: those already stored keep their order, new ones follow in the form's order. */
function keepOrder(chosen: string[], stored: string[]): string[] {
  const set = new Set(chosen);
  const kept = stored.filter((v) => set.has(v));
  const keptSet = new Set(kept);
  return [...kept, ...[...set].filter((v) => !keptSet.has(v))];
}
