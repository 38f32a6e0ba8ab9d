/**
 * A form save that lost the race (VERSION_MISMATCH), resolved without JavaScript: the fields
 * where what the person sent differs from the latest version, each with a choice (keep mine /
 * take theirs), applied as a patch of the chosen fields only against the latest version. Both
 * editors (articles, any entry) use this; the field names and values come from their save.
 */
import type { Document } from '@contentful/rich-text-types';
import type { FieldChange } from '../content/index.js';
import { plainText } from '../site/index.js';
import type { EntryRecord, Json } from '../store/types.js';
import { isFolioError } from '../errors/index.js';
import * as is from '../validate/is.js';
import { forbiddenKeys } from '../validate/json-shape.js';
import { parseJsonBody } from '../http/json-body.js';
import { wordDiff, type DiffPart } from './compare.js';
import { isRichTextDocument } from './rich-text/convert.js';

export interface DifferingField {
  field: string;
  locale: string;
  label: string;
  /** What the person sent; undefined: they emptied it. */
  mine: Json | undefined;
  theirs: Json | undefined;
  /** Theirs → mine, word by word, as a person reads the values. */
  parts: DiffPart[];
}

/** At most this many fields are offered (and read back) in one resolution. */
export const maxDiffering = 200;

const linkId = (v: Json): string | undefined => (is.plainObject(v) && is.plainObject(v.sys) && is.string(v.sys.id) ? v.sys.id : undefined);

/** A value as text to compare: words for text and rich text, ids for links, JSON for the rest. */
export function readable(v: Json | undefined): string {
  if (v === undefined || v === null) return '';
  if (is.string(v)) return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (isRichTextDocument(v)) return plainText(v as unknown as Document).trim();
  const id = linkId(v);
  if (id) return id;
  if (Array.isArray(v) && v.every((x) => linkId(x))) return v.map((x) => linkId(x)).join(', ');
  return JSON.stringify(v);
}

/**
 * The sent changes that differ from the latest version (a save computes its changes against the
 * entry it read, which is the latest: all of them differ, but values equal to theirs drop out).
 */
export function differingFields(changes: FieldChange[], latest: EntryRecord, labelOf: (field: string) => string): DifferingField[] {
  return changes.slice(0, maxDiffering).flatMap((c) => {
    const theirs = latest.fields[c.field]?.[c.locale];
    if (JSON.stringify(theirs ?? null) === JSON.stringify(c.value ?? null)) return [];
    const [a, b] = [readable(theirs), readable(c.value)];
    return [{ field: c.field, locale: c.locale, label: labelOf(c.field), mine: c.value, theirs, parts: wordDiff(a, b, true) }];
  });
}

export const choiceName = (f: { field: string; locale: string }) => `keep.${f.field}.${f.locale}`;
export const mineName = (f: { field: string; locale: string }) => `mine.${f.field}.${f.locale}`;

/**
 * The patch the person chose: each field marked "mine" with the value carried in the form. A
 * field not chosen, or not `allowed` (fields and locales the editor shows), is left as theirs.
 */
export function chosenChanges(body: unknown, allowed: (field: string, locale: string) => boolean): FieldChange[] {
  const changes: FieldChange[] = [];
  // Form bodies come with a prototype of their own (fast-querystring's): any object is read as one.
  const form = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  for (const key of Object.keys(form).slice(0, 4 * maxDiffering)) {
    const [prefix, field, locale, ...rest] = key.split('.');
    if (prefix !== 'keep' || !field || !locale || rest.length || forbiddenKeys.has(field) || forbiddenKeys.has(locale)) continue;
    if (form[key] !== 'mine' || !allowed(field, locale)) continue;
    const sent = form[mineName({ field, locale })];
    if (!is.string(sent)) continue;
    // The same JSON rules as any API body: depth, size, no prototype keys.
    const value = sent === '' ? undefined : (parseJsonBody(sent) as Json);
    changes.push({ field, locale, value });
    if (changes.length >= maxDiffering) break;
  }
  return changes;
}

/**
 * Applies the choices to the latest version through the editor's own save (a patch of the chosen
 * fields). Another save in between: the fields chosen as mine are offered again against it.
 */
export async function applyChoices(
  body: unknown,
  opts: { allowed: (field: string, locale: string) => boolean; labelOf: (field: string) => string; latest: () => Promise<EntryRecord>; save: (changes: FieldChange[], version: number) => Promise<EntryRecord> },
): Promise<{ entry: EntryRecord } | { conflict: DifferingField[]; latest: EntryRecord }> {
  const changes = chosenChanges(body, opts.allowed);
  const version = Number((body as Record<string, unknown> | undefined)?.version);
  // Theirs everywhere: the latest version already is the answer.
  if (changes.length === 0) return { entry: await opts.latest() };
  try {
    return { entry: await opts.save(changes, version) };
  } catch (err) {
    if (!(isFolioError(err) && err.code === 'VERSION_MISMATCH')) throw err;
    const latest = await opts.latest();
    return { conflict: differingFields(changes, latest, opts.labelOf), latest };
  }
}
