/**
 * Comments (on entries and content types, threaded by a parent comment, active or resolved) and
 * tasks (on entries, assigned to a user, active or resolved, with an optional due date), as
 * Contentful's Management API has them. Both are documents of the environment that belong to
 * the entity they discuss and go when it goes from view (a missing parent is a 404).
 * Anyone who may read the entity may comment; a comment is changed or deleted by its author or
 * an admin. Tasks are made by those who may create content; the assignee may resolve one.
 */
import type { Actor } from '../auth/index.js';
import { FolioError, validationFailed } from '../errors/index.js';
import type { Store } from '../store/store.js';
import type { DocumentRecord, Json, Page, Scope } from '../store/types.js';
import { isScheduleDateTime } from '../scheduling/input.js';
import * as is from '../validate/is.js';
import { inspectJson } from '../validate/json-shape.js';
import { actorId, check } from './actor.js';

export type ThreadKind = 'Comment' | 'Task';
export type ParentType = 'Entry' | 'ContentType';

export interface ThreadParent {
  type: ParentType;
  id: string;
}

/** Contentful's limit on a comment's or task's text. */
const maxBodyLength = 512;
const statuses = ['active', 'resolved'] as const;

const refuse = (path: string, details: string): never => {
  throw validationFailed([{ name: 'invalid', path: [path], details }], details);
};

const parentKey = (parent: ThreadParent) => `${parent.type}:${parent.id}`;

async function assertParent(store: Store, scope: Scope, parent: ThreadParent) {
  const found = parent.type === 'Entry' ? await store.entries.get(scope, parent.id) : await store.contentTypes.get(scope, parent.id);
  if (!found) throw new FolioError('NOT_FOUND', `${parent.type} "${parent.id}" not found`, { details: { type: parent.type, id: parent.id } });
}

/** A plain-text body, or a rich-text document (mentions) kept to the field value limits. */
function bodyOf(v: unknown): Json {
  if (is.string(v)) return v.length >= 1 && v.length <= maxBodyLength ? v : refuse('body', `body has 1 to ${maxBodyLength} characters`);
  if (is.plainObject(v) && v.nodeType === 'document' && !inspectJson(v, { maxDepth: 16, maxNodes: 2_000 })) return v as Json;
  return refuse('body', 'body must be text or a rich text document');
}

function statusOf(v: unknown, fallback: 'active'): string {
  if (v === undefined) return fallback;
  return is.oneOf(v, statuses) ? v : refuse('status', 'status must be "active" or "resolved"');
}

async function taskFields(store: Store, input: Record<string, unknown>): Promise<Record<string, Json>> {
  const sys = is.plainObject(input.assignedTo) ? input.assignedTo.sys : undefined;
  if (!is.plainObject(sys) || sys.type !== 'Link' || sys.linkType !== 'User' || !is.nonEmptyString(sys.id)) refuse('assignedTo', 'assignedTo must be a Link to a User');
  const userId = (sys as { id: string }).id;
  if (!(await store.users.get(userId))) refuse('assignedTo', `There is no user "${userId}"`);
  if (input.dueDate !== undefined && input.dueDate !== null && !(is.string(input.dueDate) && (isScheduleDateTime(input.dueDate) || /^\d{4}-\d\d-\d\d$/.test(input.dueDate)))) {
    refuse('dueDate', 'dueDate must be an ISO-8601 date or date-time');
  }
  return { assignedTo: { sys: { type: 'Link', linkType: 'User', id: userId } }, ...(is.string(input.dueDate) ? { dueDate: input.dueDate } : {}) };
}

async function bodyFor(store: Store, kind: ThreadKind, input: Record<string, unknown>, parentComment: string | null): Promise<Record<string, Json>> {
  const common = { body: bodyOf(input.body), status: statusOf(input.status, 'active') };
  if (kind === 'Task') return { ...common, ...(await taskFields(store, input)) };
  return { ...common, parentComment };
}

async function existing(store: Store, scope: Scope, kind: ThreadKind, parent: ThreadParent, id: string): Promise<DocumentRecord> {
  const doc = await store.documents.get(scope, kind, id);
  if (!doc || doc.parentId !== parentKey(parent)) throw new FolioError('NOT_FOUND', `${kind} "${id}" not found`, { details: { type: kind, id } });
  return doc;
}

/** Authors of a comment (or task) and admins change it; an assignee may change a task's status. */
function assertMayChange(actor: Actor, doc: DocumentRecord, kind: ThreadKind) {
  const assignee = kind === 'Task' && (doc.body.assignedTo as { sys?: { id?: string } } | undefined)?.sys?.id === actor.id;
  if (actor.role === 'admin' || doc.createdBy === actor.id || assignee) return;
  throw new FolioError('ACCESS_DENIED', `Only its author or an admin may change this ${kind.toLowerCase()}`);
}

export async function listThreads(store: Store, scope: Scope, kind: ThreadKind, parent: ThreadParent, page: { limit: number; skip: number }, actor: Actor): Promise<Page<DocumentRecord>> {
  check(actor, 'read');
  await assertParent(store, scope, parent);
  return store.documents.list(scope, kind, { parentId: parentKey(parent), ...page });
}

export async function getThread(store: Store, scope: Scope, kind: ThreadKind, parent: ThreadParent, id: string, actor: Actor): Promise<DocumentRecord> {
  check(actor, 'read');
  await assertParent(store, scope, parent);
  return existing(store, scope, kind, parent, id);
}

export async function createThread(
  store: Store,
  scope: Scope,
  kind: ThreadKind,
  parent: ThreadParent,
  id: string,
  input: Record<string, unknown>,
  parentComment: string | null,
  actor: Actor,
): Promise<DocumentRecord> {
  check(actor, kind === 'Task' ? 'create' : 'read');
  return store.transaction(async (tx) => {
    await assertParent(tx, scope, parent);
    if (parentComment !== null) await existing(tx, scope, 'Comment', parent, parentComment);
    const body = await bodyFor(tx, kind, input, parentComment);
    return tx.documents.create(scope, kind, { id, parentId: parentKey(parent), body }, actorId(actor));
  });
}

export async function updateThread(
  store: Store,
  scope: Scope,
  kind: ThreadKind,
  parent: ThreadParent,
  id: string,
  input: Record<string, unknown>,
  expectedVersion: number,
  actor: Actor,
): Promise<DocumentRecord> {
  check(actor, 'read');
  return store.transaction(async (tx) => {
    const doc = await existing(tx, scope, kind, parent, id);
    assertMayChange(actor, doc, kind);
    const body = await bodyFor(tx, kind, input, (doc.body.parentComment as string | null | undefined) ?? null);
    return tx.documents.update(scope, kind, id, body, expectedVersion, actorId(actor));
  });
}

export async function deleteThread(store: Store, scope: Scope, kind: ThreadKind, parent: ThreadParent, id: string, expectedVersion: number | undefined, actor: Actor): Promise<void> {
  check(actor, 'read');
  await store.transaction(async (tx) => {
    const doc = await existing(tx, scope, kind, parent, id);
    if (actor.role !== 'admin' && doc.createdBy !== actor.id) throw new FolioError('ACCESS_DENIED', `Only its author or an admin may delete this ${kind.toLowerCase()}`);
    await tx.documents.delete(scope, kind, id, expectedVersion);
  });
}
