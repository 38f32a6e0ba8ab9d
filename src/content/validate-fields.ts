import { validationFailed } from '../errors/index.js';
import type { ContentTypeBody, Json, LocaleRecord, LocalizedFields } from '../store/types.js';
import { checkFieldValue, type FieldError } from './field-rules.js';

const isEmpty = (v: Json | undefined) =>
  v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/**
 * Checks locale-keyed fields against a content type. Drafts may be incomplete and break
 * validations (as in Contentful); `publish` also applies validations and required fields.
 */
export function fieldErrors(
  type: ContentTypeBody,
  fields: LocalizedFields,
  locales: LocaleRecord[],
  mode: 'draft' | 'publish',
): FieldError[] {
  const errors: FieldError[] = [];
  const codes = new Set(locales.map((l) => l.code));
  const defaultLocale = locales.find((l) => l.default)?.code ?? 'en-US';
  const defs = new Map(type.fields.map((f) => [f.id, f]));

  for (const [fieldId, byLocale] of Object.entries(fields)) {
    const def = defs.get(fieldId);
    if (!def) {
      errors.push({ name: 'unknown', path: ['fields', fieldId], details: `The field "${fieldId}" is not part of the content type` });
      continue;
    }
    for (const [locale, value] of Object.entries(byLocale ?? {})) {
      if (!codes.has(locale)) {
        errors.push({ name: 'unknown', path: ['fields', fieldId, locale], details: `Unknown locale "${locale}"` });
      } else if (!def.localized && locale !== defaultLocale) {
        errors.push({ name: 'unknown', path: ['fields', fieldId, locale], details: `The field "${fieldId}" is not localized` });
      } else if (value !== null) {
        errors.push(...checkFieldValue(def, locale, value, mode === 'publish'));
      }
    }
  }
  if (mode === 'publish') {
    // As in Contentful: a required field is required in the default locale and, when localized,
    // in every locale that is not optional.
    const strict = locales.filter((l) => !l.default && l.optional === false).map((l) => l.code);
    for (const def of type.fields) {
      if (!def.required || def.disabled || def.omitted) continue;
      if (isEmpty(fields[def.id]?.[defaultLocale])) errors.push({ name: 'required', path: ['fields', def.id], details: `The property "${def.id}" is required here` });
      for (const code of def.localized ? strict : []) {
        if (isEmpty(fields[def.id]?.[code])) errors.push({ name: 'required', path: ['fields', def.id, code], details: `The property "${def.id}" is required here` });
      }
    }
  }
  return errors;
}

export function assertNoFieldErrors(errors: FieldError[]): void {
  if (errors.length > 0) {
    throw validationFailed(errors);
  }
}
