/**
 * The content type field form ↔ Contentful's field definition: Contentful's field types (with
 * Link Entry/Asset and Arrays of Symbol or Link) and the common validations (size, in, regexp,
 * unique, linkContentType), put where Contentful keeps them (on the field, or on `items` for
 * arrays). Validations the form does not show (range, dateRange, rich text rules …) are kept.
 */
import type { FieldDefinition, Json } from '../store/types.js';
import { formString } from './http.js';
import type { FieldProblem } from './views/layout.js';

export const fieldTypeChoices = [
  { value: 'Symbol', label: 'Short text (Symbol)' },
  { value: 'Text', label: 'Long text (Text)' },
  { value: 'RichText', label: 'Rich text' },
  { value: 'Integer', label: 'Integer' },
  { value: 'Number', label: 'Decimal number' },
  { value: 'Date', label: 'Date and time' },
  { value: 'Boolean', label: 'Boolean' },
  { value: 'Location', label: 'Location' },
  { value: 'Object', label: 'JSON object' },
  { value: 'Link:Entry', label: 'Reference to an entry (Link Entry)' },
  { value: 'Link:Asset', label: 'Media (Link Asset)' },
  { value: 'Array:Symbol', label: 'List of short texts (Array of Symbol)' },
  { value: 'Array:Link:Entry', label: 'References to entries (Array of Link Entry)' },
  { value: 'Array:Link:Asset', label: 'Media, several (Array of Link Asset)' },
] as const;

export type FieldTypeChoice = (typeof fieldTypeChoices)[number]['value'];

export interface FieldFormValues {
  id: string;
  name: string;
  type: string;
  required: boolean;
  localized: boolean;
  omitted: boolean;
  sizeMin: string;
  sizeMax: string;
  /** Allowed values, one a line. */
  inValues: string;
  pattern: string;
  flags: string;
  unique: boolean;
  /** Content type ids entries may link to, comma-separated. */
  linkTypes: string;
}

export const blankField = (): FieldFormValues => ({
  id: '',
  name: '',
  type: 'Symbol',
  required: false,
  localized: false,
  omitted: false,
  sizeMin: '',
  sizeMax: '',
  inValues: '',
  pattern: '',
  flags: '',
  unique: false,
  linkTypes: '',
});

export const typeChoiceOf = (f: Pick<FieldDefinition, 'type' | 'linkType' | 'items'>): string =>
  f.type === 'Link' ? `Link:${f.linkType ?? 'Entry'}` : f.type === 'Array' ? (f.items?.type === 'Link' ? `Array:Link:${f.items.linkType ?? 'Entry'}` : 'Array:Symbol') : f.type;

export const typeLabel = (f: Pick<FieldDefinition, 'type' | 'linkType' | 'items'>): string => {
  const choice = typeChoiceOf(f);
  return fieldTypeChoices.find((c) => c.value === choice)?.label ?? f.type;
};

const kinds = ['size', 'in', 'regexp', 'unique', 'linkContentType'] as const;
type Kind = (typeof kinds)[number];
const obj = (r: Json): Record<string, Json> | undefined => (r !== null && typeof r === 'object' && !Array.isArray(r) ? r : undefined);
const kindOf = (r: Json): Kind | undefined => kinds.find((k) => obj(r)?.[k] !== undefined);
const find = (rules: Json[] | undefined, kind: Kind) => (rules ?? []).map(obj).find((r) => r?.[kind] !== undefined);

export function fieldFormValuesOf(f: FieldDefinition): FieldFormValues {
  const all = [...f.validations, ...(f.items?.validations ?? [])];
  const size = obj(find(all, 'size')?.size ?? null);
  const regexp = obj(find(all, 'regexp')?.regexp ?? null);
  const allowed = find(all, 'in')?.in;
  const links = find(all, 'linkContentType')?.linkContentType;
  return {
    id: f.id,
    name: f.name,
    type: typeChoiceOf(f),
    required: f.required,
    localized: f.localized,
    omitted: f.omitted,
    sizeMin: typeof size?.min === 'number' ? String(size.min) : '',
    sizeMax: typeof size?.max === 'number' ? String(size.max) : '',
    inValues: Array.isArray(allowed) ? allowed.map(String).join('\n') : '',
    pattern: typeof regexp?.pattern === 'string' ? regexp.pattern : '',
    flags: typeof regexp?.flags === 'string' ? regexp.flags : '',
    unique: find(all, 'unique')?.unique === true,
    linkTypes: Array.isArray(links) ? links.map(String).join(', ') : '',
  };
}

/** Reads the field form: the values to show again, and the definition or the problems with it. */
export function parseFieldForm(body: unknown, existing?: FieldDefinition): { values: FieldFormValues; field?: FieldDefinition; problems: FieldProblem[] } {
  const values: FieldFormValues = {
    id: existing ? existing.id : formString(body, 'field-id').trim(),
    name: formString(body, 'field-name').trim(),
    type: formString(body, 'field-type'),
    required: formString(body, 'field-required') === 'on',
    localized: formString(body, 'field-localized') === 'on',
    omitted: formString(body, 'field-omitted') === 'on',
    sizeMin: formString(body, 'field-size-min').trim(),
    sizeMax: formString(body, 'field-size-max').trim(),
    inValues: formString(body, 'field-in').trim(),
    pattern: formString(body, 'field-pattern').trim(),
    flags: formString(body, 'field-flags').trim(),
    unique: formString(body, 'field-unique') === 'on',
    linkTypes: formString(body, 'field-link-types').trim(),
  };
  const problems: FieldProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ field: `field-${field}`, message });
  if (!/^[a-zA-Z][a-zA-Z0-9_]{0,63}$/.test(values.id)) problem('id', 'Give the field an id that starts with a letter and has only letters, digits and “_” (up to 64).');
  if (!values.name || values.name.length > 50) problem('name', 'Give the field a name of up to 50 characters.');
  const choice = fieldTypeChoices.find((c) => c.value === values.type)?.value;
  if (!choice) problem('type', 'Choose a field type from the list.');
  const [base, a, b] = (choice ?? 'Symbol').split(':') as [string, string?, string?];
  const isArray = base === 'Array';
  const itemType = isArray ? a : undefined;
  const linkType = base === 'Link' ? a : isArray && a === 'Link' ? b : undefined;
  const texty = base === 'Symbol' || base === 'Text' || itemType === 'Symbol';
  const numeric = base === 'Integer' || base === 'Number';

  const rules = new Map<Kind, Json>();
  const min = values.sizeMin === '' ? undefined : Number(values.sizeMin);
  const max = values.sizeMax === '' ? undefined : Number(values.sizeMax);
  if (min !== undefined || max !== undefined) {
    if (!(base === 'Symbol' || base === 'Text' || isArray)) problem('size-min', 'A length limit applies to text and list fields only.');
    else if ([min, max].some((n) => n !== undefined && !(Number.isInteger(n) && n >= 0))) problem('size-min', 'Use whole numbers of 0 or more for the limits.');
    else if (min !== undefined && max !== undefined && min > max) problem('size-min', 'The minimum is larger than the maximum.');
    else rules.set('size', { ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) });
  }
  if (values.inValues) {
    const list = values.inValues
      .split(/\r?\n/)
      .map((s) => s.trim())
      .filter(Boolean);
    if (!(texty || numeric)) problem('in', 'Allowed values apply to text and number fields only.');
    else if (numeric && list.some((v) => !Number.isFinite(Number(v)) || (base === 'Integer' && !Number.isInteger(Number(v))))) problem('in', `Every allowed value must be ${base === 'Integer' ? 'a whole number' : 'a number'}.`);
    else rules.set('in', numeric ? list.map(Number) : list);
  }
  if (values.pattern || values.flags) {
    if (!texty) problem('pattern', 'A pattern applies to text fields only.');
    else if (!/^[gimsuy]*$/.test(values.flags)) problem('flags', 'Flags are letters among g, i, m, s, u and y.');
    else {
      try {
        new RegExp(values.pattern, values.flags);
        rules.set('regexp', { pattern: values.pattern, ...(values.flags ? { flags: values.flags } : {}) });
      } catch {
        problem('pattern', 'This is not a valid regular expression.');
      }
    }
  }
  if (values.unique) {
    if (!(base === 'Symbol' || numeric)) problem('unique', 'Only short text and number fields can be unique.');
    else rules.set('unique', true);
  }
  if (values.linkTypes) {
    const ids = values.linkTypes.split(/[\s,]+/).filter(Boolean);
    if (linkType !== 'Entry') problem('link-types', 'Content types to link to apply to entry references only.');
    else if (ids.some((id) => !/^[A-Za-z0-9._-]{1,64}$/.test(id))) problem('link-types', 'List content type ids, separated by commas.');
    else rules.set('linkContentType', ids);
  }
  if (problems.length || !choice) return { values, problems };

  // Rules on an array's items: allowed values, patterns and link targets; the rest on the field.
  const onItems = (kind: Kind) => isArray && (kind === 'in' || kind === 'regexp' || kind === 'linkContentType');
  const oldField = existing?.validations ?? [];
  const oldItems = existing?.items?.validations ?? [];
  const build = (old: Json[], items: boolean): Json[] => {
    const kept = old.filter((r) => kindOf(r) === undefined);
    const made = [...rules].filter(([kind]) => onItems(kind) === items).map(([kind, spec]) => ({ ...(find(old, kind) ?? {}), [kind]: spec }) as Json);
    return [...made, ...kept];
  };
  const field: FieldDefinition = {
    id: values.id,
    name: values.name,
    type: base as FieldDefinition['type'],
    localized: values.localized,
    required: values.required,
    validations: build(oldField, false),
    disabled: existing?.disabled ?? false,
    omitted: existing ? values.omitted : false,
    ...(base === 'Link' ? { linkType: linkType as 'Entry' | 'Asset' } : {}),
    ...(isArray ? { items: { type: itemType as 'Symbol' | 'Link', ...(linkType ? { linkType: linkType as 'Entry' | 'Asset' } : {}), validations: build(oldItems, true) } } : {}),
  };
  return { values, field, problems };
}

const list = (v: Json) => (Array.isArray(v) ? v.map(String).join(', ') : String(v));

/** One validation in words, for the fields table. */
export function describeRule(rule: Json, field: Pick<FieldDefinition, 'type'>, onItems = false): string {
  const r = obj(rule) ?? {};
  const unit = field.type === 'Array' && !onItems ? 'items' : 'characters';
  if (r.size !== undefined) {
    const s = obj(r.size) ?? {};
    if (s.min !== undefined && s.max !== undefined) return `Between ${String(s.min)} and ${String(s.max)} ${unit}`;
    if (s.min !== undefined) return `At least ${String(s.min)} ${unit}`;
    return `At most ${String(s.max)} ${unit}`;
  }
  if (r.in !== undefined) return `${onItems ? 'Each one of' : 'One of'}: ${list(r.in)}`;
  if (r.regexp !== undefined) {
    const x = obj(r.regexp) ?? {};
    return `${onItems ? 'Each matches' : 'Matches'} /${String(x.pattern)}/${typeof x.flags === 'string' ? x.flags : ''}`;
  }
  if (r.prohibitRegexp !== undefined) return `Must not match /${String(obj(r.prohibitRegexp)?.pattern)}/`;
  if (r.unique === true) return 'Unique';
  if (r.linkContentType !== undefined) return `Links to: ${list(r.linkContentType)}`;
  if (r.linkMimetypeGroup !== undefined) return `Media of type: ${list(r.linkMimetypeGroup)}`;
  if (r.range !== undefined) {
    const x = obj(r.range) ?? {};
    return x.min !== undefined && x.max !== undefined ? `From ${String(x.min)} to ${String(x.max)}` : x.min !== undefined ? `At least ${String(x.min)}` : `At most ${String(x.max)}`;
  }
  if (r.dateRange !== undefined) return 'Within a date range';
  if (r.assetFileSize !== undefined) return 'File size limit';
  if (r.assetImageDimensions !== undefined) return 'Image size limits';
  if (r.enabledNodeTypes !== undefined) return 'Limited rich text blocks';
  if (r.enabledMarks !== undefined) return 'Limited text formatting';
  return Object.keys(r)[0] ?? 'Rule';
}

export const describeRules = (f: FieldDefinition): string[] => [
  ...f.validations.map((r) => describeRule(r, f)),
  ...(f.items?.validations ?? []).map((r) => describeRule(r, f, true)),
];
