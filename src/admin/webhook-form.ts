/**
 * The webhook form ↔ a webhook definition as the Management API takes it. The form shows what
 * people set most (topics, environment and content type filters, headers, basic auth); filters
 * it cannot show (e.g. a regexp on sys.id set through the API) are kept as they are.
 */
import type { WebhookDefinitionRecord } from '../store/index.js';
import type { Json } from '../store/types.js';
import { formList, formString } from './http.js';
import { table } from '../validate/json-shape.js';

export type FilterOp = 'any' | 'is' | 'not';

export interface FilterValues {
  op: FilterOp;
  /** Ids, comma-separated as typed. */
  values: string;
}

export interface HeaderValues {
  key: string;
  value: string;
  secret: boolean;
  /** A stored secret value exists (its input is left empty to keep it). */
  stored: boolean;
}

export interface WebhookFormValues {
  name: string;
  url: string;
  active: boolean;
  topics: string[];
  environment: FilterValues;
  contentType: FilterValues;
  headers: HeaderValues[];
  basicUsername: string;
  /** A password is stored: an empty input keeps it. */
  basicPasswordStored: boolean;
  /** Filters the form does not show, kept on save. */
  otherFilters: Json[];
  newSecret: boolean;
}

const docs = { environment: 'sys.environment.sys.id', contentType: 'sys.contentType.sys.id' } as const;

export const blankWebhook = (): WebhookFormValues => ({
  name: '',
  url: '',
  active: true,
  topics: [],
  environment: { op: 'any', values: '' },
  contentType: { op: 'any', values: '' },
  headers: [],
  basicUsername: '',
  basicPasswordStored: false,
  otherFilters: [],
  newSecret: false,
});

/** `{equals|in: [{doc}, v]}`, possibly under `not`, as the form's filter, if it is one. */
function asFormFilter(filter: Json): { doc: string; op: FilterOp; values: string[] } | undefined {
  if (filter === null || typeof filter !== 'object' || Array.isArray(filter)) return undefined;
  const negated = 'not' in filter;
  const inner = negated ? filter.not : filter;
  if (inner === null || typeof inner !== 'object' || Array.isArray(inner)) return undefined;
  const [op, args] = Object.entries(inner)[0] ?? [];
  if ((op !== 'equals' && op !== 'in') || !Array.isArray(args)) return undefined;
  const [doc, value] = args as [{ doc?: unknown } | null, Json];
  const values = op === 'equals' ? [value] : Array.isArray(value) ? value : [];
  if (typeof doc?.doc !== 'string' || !values.every((v) => typeof v === 'string')) return undefined;
  return { doc: doc.doc, op: negated ? 'not' : 'is', values: values as string[] };
}

export function formValuesOf(hook: WebhookDefinitionRecord): WebhookFormValues {
  const values = blankWebhook();
  for (const filter of hook.filters) {
    const f = asFormFilter(filter);
    const slot = f?.doc === docs.environment ? 'environment' : f?.doc === docs.contentType ? 'contentType' : undefined;
    if (f && slot && values[slot].op === 'any') values[slot] = { op: f.op, values: f.values.join(', ') };
    else values.otherFilters.push(filter);
  }
  return {
    ...values,
    name: hook.name,
    url: hook.url,
    active: hook.active,
    topics: hook.topics,
    headers: hook.headers.map((h) => ({ key: h.key, value: h.secret ? '' : h.value, secret: h.secret, stored: h.secret })),
    basicUsername: hook.httpBasicUsername ?? '',
    basicPasswordStored: hook.httpBasicPassword !== null,
  };
}

/** Blank header rows under the filled ones: forms without JavaScript cannot add rows. */
export const spareHeaderRows = 2;
const maxHeaderRows = 40;

const ids = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);

function filterOf(doc: string, f: FilterValues): Json | undefined {
  const list = ids(f.values);
  if (f.op === 'any' || list.length === 0) return undefined;
  const match: Json = list.length === 1 ? { equals: [{ doc }, list[0]!] } : { in: [{ doc }, list] };
  return f.op === 'not' ? { not: match } : match;
}

export interface ParsedWebhookForm {
  values: WebhookFormValues;
  /** The definition for the webhook operations (parseDefinition checks it). */
  input: Record<string, unknown>;
  /** The form row of each header sent, to show a header's problem beside its row. */
  headerRows: number[];
}

/** Reads the posted form; `current` supplies the filters the form does not show and stored secrets. */
export function parseWebhookForm(body: unknown, current?: WebhookDefinitionRecord): ParsedWebhookForm {
  const op = (name: string): FilterOp => {
    const v = formString(body, name);
    return v === 'is' || v === 'not' ? v : 'any';
  };
  const currentValues = current ? formValuesOf(current) : blankWebhook();
  const headers: HeaderValues[] = [];
  const sent: Array<{ key: string; value?: string; secret: boolean }> = [];
  const headerRows: number[] = [];
  for (let i = 0; i < maxHeaderRows; i++) {
    const key = formString(body, `header-key-${i}`).trim();
    const value = formString(body, `header-value-${i}`);
    const secret = formString(body, `header-secret-${i}`) === 'on';
    if (!key && !value) continue;
    const stored = secret && !value && !!current?.headers.some((h) => h.key === key && h.secret);
    headers.push({ key, value, secret, stored });
    // An empty secret value keeps the stored one (parseDefinition looks it up), or is refused when there is none.
    sent.push(secret && !value ? { key, secret } : { key, value, secret });
    headerRows.push(i);
  }
  const values: WebhookFormValues = {
    name: formString(body, 'name').trim(),
    url: formString(body, 'url').trim(),
    active: formString(body, 'active') === 'on',
    topics: formList(body, 'topics'),
    environment: { op: op('env-op'), values: formString(body, 'env-values') },
    contentType: { op: op('ct-op'), values: formString(body, 'ct-values') },
    headers,
    basicUsername: formString(body, 'basic-user').trim(),
    basicPasswordStored: currentValues.basicPasswordStored,
    otherFilters: currentValues.otherFilters,
    newSecret: formString(body, 'new-secret') === 'on',
  };
  const password = formString(body, 'basic-password');
  const filters = [filterOf(docs.environment, values.environment), filterOf(docs.contentType, values.contentType), ...values.otherFilters].filter((f) => f !== undefined);
  const input: Record<string, unknown> = {
    name: values.name,
    url: values.url,
    topics: values.topics,
    filters,
    headers: sent,
    httpBasicUsername: values.basicUsername || null,
    active: values.active,
  };
  // Left empty, a stored password stays (when the user name stays); with no user name, none.
  if (!values.basicUsername) input.httpBasicPassword = null;
  else if (password) input.httpBasicPassword = password;
  return { values, input, headerRows };
}

/** A parseDefinition problem path → the id (after "f-") of the form field it concerns. */
export function webhookFieldOf(path: unknown[] | undefined, headerRows: number[]): string | undefined {
  if (!Array.isArray(path)) return undefined;
  const [top, index, part] = path;
  switch (top) {
    case 'name':
    case 'url':
    case 'topics':
      return top;
    case 'filters':
      return 'env-values';
    case 'headers':
      return typeof index === 'number' ? `header-${part === 'value' ? 'value' : 'key'}-${headerRows[index] ?? 0}` : 'header-key-0';
    case 'httpBasicUsername':
      return 'basic-user';
    case 'httpBasicPassword':
      return 'basic-password';
    default:
      return undefined;
  }
}

const friendly = table<string>({
  name: 'Give the webhook a name of up to 255 characters.',
  url: 'Enter the address to call: an absolute http:// or https:// URL, without a user name or password in it.',
  topics: 'Choose at least one event to send.',
});

export function webhookMessageOf(field: string, details: string | undefined): string | undefined {
  if (field.startsWith('header-value-')) return 'Enter the header’s value: one line of up to 1,000 characters.';
  if (field.startsWith('header-key-') && details?.startsWith('key must be')) return 'Use a header name of letters, digits and dashes, e.g. X-Api-Key.';
  return friendly[field] ?? details;
}
