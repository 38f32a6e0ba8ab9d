/**
 * Content type operations (Contentful's model): definitions are checked before they are
 * saved; changes that would strand existing content are refused as Contentful refuses them.
 */
import type { Actor } from '../auth/index.js';
import { FolioError, validationFailed } from '../errors/index.js';
import type { Store } from '../store/store.js';
import type { ContentTypeBody, ContentTypeRecord, FieldDefinition, Scope } from '../store/types.js';
import { isForbiddenKey } from '../validate/json-shape.js';
import { actorId, check } from './actor.js';
import { dropEditorInterface, syncEditorInterface } from './editor-interfaces.js';

const fieldTypes = new Set(['Symbol', 'Text', 'RichText', 'Integer', 'Number', 'Date', 'Boolean', 'Object', 'Location', 'Link', 'ResourceLink', 'Array']);

/** Contentful's allowedResources: `{type: 'Contentful:Entry', source: 'crn:…:spaces/{id}', contentTypes: [ids]}`, 1 to 3 of them. */
function allowedResourcesProblem(f: FieldDefinition): string | undefined {
  const resources = f.allowedResources;
  if (!Array.isArray(resources) || resources.length === 0 || resources.length > 3) return 'needs allowedResources: 1 to 3 {type, source, contentTypes}';
  const ok = resources.every((r) => {
    const o = r as { type?: unknown; source?: unknown; contentTypes?: unknown } | null;
    return o !== null && typeof o === 'object' && o.type === 'Contentful:Entry' && typeof o.source === 'string' && /^crn:contentful:::content:spaces\/[A-Za-z0-9_-]+$/.test(o.source)
      && Array.isArray(o.contentTypes) && o.contentTypes.length > 0 && o.contentTypes.every((c) => typeof c === 'string');
  });
  return ok ? undefined : 'allowedResources entries must be {type: "Contentful:Entry", source: "crn:contentful:::content:spaces/{id}", contentTypes: [ids]}';
}

function definitionProblems(body: ContentTypeBody): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  if (body.fields.length > 50) problems.push('A content type has at most 50 fields');
  body.fields.forEach((f: FieldDefinition, i) => {
    if (!/^[a-zA-Z][a-zA-Z0-9_]{0,63}$/.test(f.id)) problems.push(`fields[${i}].id "${f.id}" must start with a letter and hold only letters, digits and "_"`);
    if (isForbiddenKey(f.id)) problems.push(`fields[${i}].id "${f.id}" is reserved: it names an object's prototype`);
    if (ids.has(f.id)) problems.push(`fields[${i}].id "${f.id}" is used twice`);
    ids.add(f.id);
    if (!fieldTypes.has(f.type)) problems.push(`fields[${i}].type "${f.type}" is not a field type`);
    if (f.type === 'Link' && f.linkType !== 'Entry' && f.linkType !== 'Asset') problems.push(`fields[${i}] needs linkType Entry or Asset`);
    if (f.type === 'Array' && f.items?.type !== 'Symbol' && f.items?.type !== 'Link' && f.items?.type !== 'ResourceLink') problems.push(`fields[${i}] needs items of type Symbol, Link or ResourceLink`);
    const resourceLinks = f.type === 'ResourceLink' || (f.type === 'Array' && f.items?.type === 'ResourceLink');
    const resourcesProblem = resourceLinks ? allowedResourcesProblem(f) : f.allowedResources !== undefined ? 'has allowedResources but does not hold ResourceLinks' : undefined;
    if (resourcesProblem) problems.push(`fields[${i}] ${resourcesProblem}`);
    if (f.type === 'Array' && f.items?.type === 'Link' && f.items.linkType !== 'Entry' && f.items.linkType !== 'Asset') {
      problems.push(`fields[${i}].items needs linkType Entry or Asset`);
    }
    for (const [j, rule] of [...f.validations, ...(f.items?.validations ?? [])].entries()) {
      const r = rule as { regexp?: { pattern?: unknown; flags?: unknown }; prohibitRegexp?: { pattern?: unknown; flags?: unknown } } | null;
      for (const spec of [r?.regexp, r?.prohibitRegexp]) {
        if (spec === undefined) continue;
        try {
          new RegExp(String(spec.pattern), typeof spec.flags === 'string' ? spec.flags : '');
        } catch {
          problems.push(`fields[${i}].validations[${j}] has a pattern or flags that are not a regular expression`);
        }
      }
    }
  });
  if (body.displayField !== null && !ids.has(body.displayField)) problems.push(`displayField "${body.displayField}" is not a field`);
  const display = body.fields.find((f) => f.id === body.displayField);
  if (display && display.type !== 'Symbol' && display.type !== 'Text') problems.push(`displayField "${display.id}" must be a Symbol or Text field`);
  return problems;
}

/**
 * Against the published version: a field keeps its type (entries hold values of it), and a
 * field leaves only after it was omitted and that omission published, as in Contentful.
 */
function changeProblems(published: ContentTypeRecord | undefined, body: ContentTypeBody): string[] {
  if (!published) return [];
  const problems: string[] = [];
  const next = new Map(body.fields.map((f) => [f.id, f]));
  for (const old of published.fields) {
    const now = next.get(old.id);
    if (!now) {
      if (!old.omitted) problems.push(`Field "${old.id}" must be omitted and the content type activated before the field can be deleted`);
      continue;
    }
    const itemsOf = (f: FieldDefinition) => `${f.items?.type ?? ''}/${f.items?.linkType ?? ''}`;
    if (now.type !== old.type || (now.linkType ?? '') !== (old.linkType ?? '') || itemsOf(now) !== itemsOf(old)) {
      problems.push(`Field "${old.id}" cannot change its type from ${old.type} once the content type is active`);
    }
  }
  return problems;
}

const invalid = (problems: string[]) =>
  validationFailed(problems.map((details) => ({ name: 'invalid', path: [], details })), problems.join('; '));

async function currentType(store: Store, scope: Scope, id: string): Promise<ContentTypeRecord> {
  const type = await store.contentTypes.get(scope, id);
  if (!type) throw new FolioError('NOT_FOUND', `Content type "${id}" not found`, { details: { type: 'ContentType', id } });
  return type;
}

export async function getContentType(store: Store, scope: Scope, id: string, actor: Actor): Promise<ContentTypeRecord> {
  check(actor, 'read');
  return currentType(store, scope, id);
}

/** Which content type, at which version (undefined: whatever is current). */
export interface ContentTypeTarget {
  id: string;
  version?: number | undefined;
}

/**
 * Creates or replaces a content type's draft after checking the definition itself.
 * Its editor interface follows in the same transaction.
 */
export async function saveContentType(store: Store, scope: Scope, { id, body, version: expectedVersion }: ContentTypeTarget & { body: ContentTypeBody }, actor: Actor): Promise<ContentTypeRecord> {
  check(actor, 'manageModel');
  const problems = definitionProblems(body);
  if (problems.length) throw invalid(problems);
  return store.transaction(async (tx) => {
    const saved = await saveDraft(tx, scope, id, body, expectedVersion, actor);
    await syncEditorInterface(tx, scope, saved, actorId(actor));
    return saved;
  });
}

async function saveDraft(tx: Store, scope: Scope, id: string, body: ContentTypeBody, expectedVersion: number | undefined, actor: Actor) {
  if (!(await tx.contentTypes.get(scope, id))) return tx.contentTypes.create(scope, { ...body, id }, actorId(actor));
  const changes = changeProblems(await tx.contentTypes.getPublished(scope, id), body);
  if (changes.length) throw invalid(changes);
  return tx.contentTypes.update(scope, id, body, expectedVersion, actorId(actor));
}

export async function publishContentType(store: Store, scope: Scope, { id, version: expectedVersion }: ContentTypeTarget, actor: Actor) {
  check(actor, 'manageModel');
  return store.transaction(async (tx) => {
    const draft = await currentType(tx, scope, id);
    const published = await tx.contentTypes.getPublished(scope, id);
    const changes = changeProblems(published, draft);
    if (changes.length) throw invalid(changes);
    const record = await tx.contentTypes.publish(scope, id, expectedVersion, actorId(actor));
    // A field that leaves the model takes its values along, in the same transaction.
    const kept = new Set(draft.fields.map((f) => f.id));
    for (const gone of published?.fields.filter((f) => !kept.has(f.id)) ?? []) await tx.entries.removeField(scope, id, gone.id);
    return record;
  });
}

async function assertNoEntries(store: Store, scope: Scope, id: string, doing: string) {
  const { total } = await store.entries.list(scope, { contentTypeId: id, limit: 0 });
  if (total > 0) {
    throw new FolioError('BAD_REQUEST', `Cannot ${doing} content type "${id}": ${total} entr${total === 1 ? 'y uses' : 'ies use'} it; delete them first`, {
      details: { type: 'ContentType', id, entries: total },
    });
  }
}

/** Deactivate: entries need their type active, so only a type without entries can go. */
export async function unpublishContentType(store: Store, scope: Scope, { id, version: expectedVersion }: ContentTypeTarget, actor: Actor) {
  check(actor, 'manageModel');
  return store.transaction(async (tx) => {
    await currentType(tx, scope, id);
    await assertNoEntries(tx, scope, id, 'deactivate');
    return tx.contentTypes.unpublish(scope, id, expectedVersion, actorId(actor));
  });
}

export async function deleteContentType(store: Store, scope: Scope, { id, version: expectedVersion }: ContentTypeTarget, actor: Actor) {
  check(actor, 'manageModel');
  return store.transaction(async (tx) => {
    await currentType(tx, scope, id);
    await assertNoEntries(tx, scope, id, 'delete');
    await tx.contentTypes.delete(scope, id, expectedVersion);
    await dropEditorInterface(tx, scope, id);
  });
}
