import { FolioError } from '../errors/index.js';
import type { Store } from '../store/store.js';
import type { ContentTypeBody, ContentTypeRecord, FieldDefinition, Scope } from '../store/types.js';

const fieldTypes = new Set(['Symbol', 'Text', 'RichText', 'Integer', 'Number', 'Date', 'Boolean', 'Object', 'Location', 'Link', 'Array']);

function definitionProblems(body: ContentTypeBody): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  body.fields.forEach((f: FieldDefinition, i) => {
    if (!/^[a-zA-Z][a-zA-Z0-9_]{0,63}$/.test(f.id)) problems.push(`fields[${i}].id "${f.id}" must start with a letter and hold only letters, digits and "_"`);
    if (ids.has(f.id)) problems.push(`fields[${i}].id "${f.id}" is used twice`);
    ids.add(f.id);
    if (!fieldTypes.has(f.type)) problems.push(`fields[${i}].type "${f.type}" is not a field type`);
    if (f.type === 'Link' && f.linkType !== 'Entry' && f.linkType !== 'Asset') problems.push(`fields[${i}] needs linkType Entry or Asset`);
    if (f.type === 'Array' && f.items?.type !== 'Symbol' && f.items?.type !== 'Link') problems.push(`fields[${i}] needs items of type Symbol or Link`);
  });
  if (body.displayField !== null && !ids.has(body.displayField)) problems.push(`displayField "${body.displayField}" is not a field`);
  return problems;
}

/** Creates or replaces a content type's draft after checking the definition itself. */
export async function saveContentType(
  store: Store,
  scope: Scope,
  id: string,
  body: ContentTypeBody,
  expectedVersion?: number,
): Promise<ContentTypeRecord> {
  const problems = definitionProblems(body);
  if (problems.length) {
    throw new FolioError('VALIDATION_FAILED', problems.join('; '), {
      details: { errors: problems.map((details) => ({ name: 'invalid', details })) },
    });
  }
  return store.transaction(async (tx) =>
    (await tx.contentTypes.get(scope, id))
      ? tx.contentTypes.update(scope, id, body, expectedVersion)
      : tx.contentTypes.create(scope, { ...body, id }),
  );
}

export const publishContentType = (store: Store, scope: Scope, id: string, expectedVersion?: number) =>
  store.contentTypes.publish(scope, id, expectedVersion);
