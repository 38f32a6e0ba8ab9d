import type { FieldDefinition } from './types.js';

/** A field definition with Contentful's defaults for everything not given. */
export const defineField = (
  id: string,
  type: FieldDefinition['type'],
  extra: Partial<Omit<FieldDefinition, 'id' | 'type'>> = {},
): FieldDefinition => ({
  id,
  name: id,
  type,
  localized: false,
  required: false,
  validations: [],
  disabled: false,
  omitted: false,
  ...extra,
});
