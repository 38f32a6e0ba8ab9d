/**
 * Request bodies, headers and query parameters of the Management API, checked once at the edge
 * with src/validate/is.ts. Everything here either returns well-typed input or throws a 4xx.
 */
import type { FastifyRequest } from 'fastify';
import { FolioError, validationFailed } from '../errors/index.js';
import type { ContentTypeBody, FieldDefinition, FieldItems, Json, LocalizedFields, ResourceMetadata } from '../store/types.js';
import * as is from '../validate/is.js';
import { shapeErrors } from '../content/field-rules.js';
import { versionHeader } from '../contentful/index.js';

const refuse = (path: Array<string | number>, details: string): never => {
  throw validationFailed([{ name: 'type', path, details }], details);
};

export { versionHeader };

/** Updates must say which version they change, or Contentful answers 409. */
export function requiredVersion(request: FastifyRequest, what: string): number {
  const v = versionHeader(request);
  if (v === undefined) {
    throw new FolioError('VERSION_MISMATCH', `Updating ${what} needs the current version in the X-Contentful-Version header`);
  }
  return v;
}

/**
 * Publishing needs the version, as Contentful requires (the official client always sends it).
 * A missing resource is still a 404 first: `exists` reads it (and throws NOT_FOUND) only when
 * the header is absent, so the common path costs nothing extra.
 */
export async function publishVersion(request: FastifyRequest, what: string, exists: () => Promise<unknown>): Promise<number> {
  const version = versionHeader(request);
  if (version !== undefined) return version;
  await exists();
  return requiredVersion(request, what);
}

export function bodyObject(body: unknown): Record<string, unknown> {
  if (!is.plainObject(body)) return is.invalid('body', 'a JSON object', body === undefined ? undefined : JSON.stringify(body), 'BAD_REQUEST');
  return body;
}

/** fields: { fieldId: { locale: value } }. */
export function localizedFields(value: unknown): LocalizedFields {
  if (value === undefined) return {};
  if (!is.plainObject(value)) return refuse(['fields'], 'fields must be an object of fields keyed by locale');
  for (const [id, byLocale] of Object.entries(value)) {
    if (!is.plainObject(byLocale)) refuse(['fields', id], `fields.${id} must be an object keyed by locale, e.g. {"en-US": …}`);
  }
  return value as LocalizedFields;
}

/**
 * metadata: { tags: [Link Tag…], concepts: [] } → the tag ids. Absent (or without tags) is
 * undefined, which keeps the stored tags: a PUT that leaves metadata out does not untag.
 * Taxonomy concepts are not supported, so only an empty list is accepted.
 */
export function metadataInput(value: unknown): ResourceMetadata | undefined {
  if (value === undefined || value === null) return undefined;
  if (!is.plainObject(value)) return refuse(['metadata'], 'metadata must be an object such as {"tags": []}');
  if (value.concepts !== undefined && !(Array.isArray(value.concepts) && value.concepts.length === 0)) {
    refuse(['metadata', 'concepts'], 'Folio has no taxonomy concepts: metadata.concepts must be empty');
  }
  if (value.tags === undefined) return undefined;
  if (!Array.isArray(value.tags)) return refuse(['metadata', 'tags'], 'metadata.tags must be an array of Links to tags');
  const ids = value.tags.map((t: unknown, i) => {
    const sys = is.plainObject(t) ? t.sys : undefined;
    if (!is.plainObject(sys) || sys.type !== 'Link' || sys.linkType !== 'Tag' || !is.nonEmptyString(sys.id)) {
      return refuse(['metadata', 'tags', i], `metadata.tags[${i}] must be {"sys": {"type": "Link", "linkType": "Tag", "id": "…"}}`);
    }
    return sys.id;
  });
  return { tags: [...new Set(ids)] };
}

const optionalBool = (v: unknown, path: Array<string | number>, fallback = false): boolean => {
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'boolean') return refuse(path, `${path.join('.')} must be true or false`);
  return v;
};

function validations(v: unknown, path: Array<string | number>): Json[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || v.some((r) => !is.plainObject(r))) return refuse(path, `${path.join('.')} must be an array of objects`);
  // Stored with the model and read on every save: held to the same shape limits as field values.
  const shape = shapeErrors(v as Json, path.map(String));
  if (shape.length) throw validationFailed(shape, shape[0]!.details);
  return v as Json[];
}

function items(v: unknown, path: Array<string | number>): FieldItems | undefined {
  if (v === undefined || v === null) return undefined;
  if (!is.plainObject(v) || !is.string(v.type)) return refuse(path, `${path.join('.')} must be an object with a type`);
  return {
    type: v.type as FieldItems['type'],
    ...(v.linkType !== undefined ? { linkType: v.linkType as FieldItems['linkType'] } : {}),
    validations: validations(v.validations, [...path, 'validations']),
  };
}

/**
 * A content type body. Fields marked `deleted: true` are dropped here (Contentful's way to
 * remove a field that was omitted first); the operation checks the rest against the model rules.
 */
export function contentTypeBody(body: unknown): ContentTypeBody {
  const o = bodyObject(body);
  if (!is.nonEmptyString(o.name)) refuse(['name'], 'name must be a non-empty string');
  if (o.description !== undefined && o.description !== null && !is.string(o.description)) refuse(['description'], 'description must be a string');
  if (o.displayField !== undefined && o.displayField !== null && !is.string(o.displayField)) refuse(['displayField'], 'displayField must be a field id');
  const rawFields = o.fields ?? [];
  if (!Array.isArray(rawFields)) return refuse(['fields'], 'fields must be an array');
  const fields: FieldDefinition[] = [];
  rawFields.forEach((f: unknown, i) => {
    const path = ['fields', i];
    if (!is.plainObject(f)) return refuse(path, `fields[${i}] must be an object`);
    if (!is.nonEmptyString(f.id)) refuse([...path, 'id'], `fields[${i}].id must be a non-empty string`);
    if (!is.string(f.type)) refuse([...path, 'type'], `fields[${i}].type must be a field type`);
    if (f.deleted === true) return;
    const itemsDef = items(f.items, [...path, 'items']);
    fields.push({
      id: f.id as string,
      name: is.string(f.name) ? f.name : (f.id as string),
      type: f.type as FieldDefinition['type'],
      localized: optionalBool(f.localized, [...path, 'localized']),
      required: optionalBool(f.required, [...path, 'required']),
      validations: validations(f.validations, [...path, 'validations']),
      disabled: optionalBool(f.disabled, [...path, 'disabled']),
      omitted: optionalBool(f.omitted, [...path, 'omitted']),
      ...(f.linkType !== undefined ? { linkType: f.linkType as FieldDefinition['linkType'] } : {}),
      ...(itemsDef ? { items: itemsDef } : {}),
      ...(f.allowedResources !== undefined && f.allowedResources !== null ? { allowedResources: validations(f.allowedResources, [...path, 'allowedResources']) } : {}),
    });
  });
  return {
    name: o.name as string,
    description: (o.description as string | null | undefined) ?? null,
    displayField: (o.displayField as string | null | undefined) ?? null,
    fields,
  };
}

/** limit and skip of a list (CMA caps limit at 1000, as Folio's store does). */
export { pageQuery as page } from '../contentful/index.js';

/**
 * The body of `PUT …/published` for locale-based publishing, as contentful-management 12 sends
 * it: `{"add": {"fields": {"*": ["de-DE"]}}}` or `{"remove": …}`. No body: every locale.
 */
export function localesToPublish(body: unknown): { add: string[]; remove: string[] } | undefined {
  if (body === undefined || body === null || (is.plainObject(body) && Object.keys(body).length === 0)) return undefined;
  if (!is.plainObject(body)) return refuse([], 'The body of a publish must be empty or {"add"|"remove": {"fields": {"*": [locale codes]}}}');
  const codes = (side: 'add' | 'remove'): string[] => {
    const part = body[side];
    if (part === undefined) return [];
    const all = is.plainObject(part) && is.plainObject(part.fields) ? part.fields['*'] : undefined;
    if (!Array.isArray(all) || !all.every(is.nonEmptyString) || (is.plainObject(part) && is.plainObject(part.fields) && Object.keys(part.fields).length !== 1)) {
      return refuse([side], `${side} must be {"fields": {"*": [locale codes]}}: Folio publishes chosen locales for all fields`);
    }
    return all as string[];
  };
  const locales = { add: codes('add'), remove: codes('remove') };
  if (locales.add.length === 0 && locales.remove.length === 0) return refuse([], 'Name the locales to add or remove');
  return locales;
}
