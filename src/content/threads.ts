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
import { newId } from '../store/ids.js';
import type { Store } from '../store/store.js';
import type { DocumentRecord, Json, Page, Scope } from '../store/types.js';
import { isScheduleDateTime } from '../scheduling/input.js';
import * as is from '../validate/is.js';
import { actorId, check } from './actor.js';
import { maxBodyLength, mentionedUsers, parseCommentDocument } from './comment-body.js';

export type ThreadKind = 'Comment' | 'Task';
export type ParentType = 'Entry' | 'ContentType';

export interface ThreadParent {
  type: ParentType;
  id: string;
}

const statuses = ['active', 'resolved'] as const;

const refuse = (path: string, details: string): never => {
  throw validationFailed([{ name: 'invalid', path: [path], details }], details);
};

const parentKey = (parent: ThreadParent) => `${parent.type}:${parent.id}`;

async function assertParent(store: Store, scope: Scope, parent: ThreadParent) {
  const found = parent.type === 'Entry' ? await store.entries.get(scope, parent.id) : await store.contentTypes.get(scope, parent.id);
  if (!found) throw new FolioError('NOT_FOUND', `${parent.type} "${parent.id}" not found`, { details: { type: parent.type, id: parent.id } });
}

/** A plain-text body, or a rich-text document with mentions of users who exist (kept as `mentions`). */
async function bodyOf(store: Store, v: unknown): Promise<{ body: Json; mentions: string[] }> {
  if (is.string(v)) return v.length >= 1 && v.length <= maxBodyLength ? { body: v, mentions: [] } : refuse('body', `body has 1 to ${maxBodyLength} characters`);
  const doc = parseCommentDocument(v);
  const mentions = mentionedUsers(doc);
  for (const id of mentions) if (!(await store.users.get(id))) refuse('body', `There is no user "${id}" to mention`);
  return { body: doc as unknown as Json, mentions };
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
  const { body, mentions } = await bodyOf(store, input.body);
  const common = { body, ...(mentions.length > 0 ? { mentions } : {}), status: statusOf(input.status, 'active') };
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

export interface ThreadCreate {
  kind: ThreadKind;
  parent: ThreadParent;
  /** Generated when absent. */
  id?: string;
  input: Record<string, unknown>;
  /** A reply: the comment it answers (X-Contentful-Parent-Id). */
  parentComment?: string | null;
}

export async function createThread(store: Store, scope: Scope, { kind, parent, id = newId(), input, parentComment = null }: ThreadCreate, actor: Actor): Promise<DocumentRecord> {
  check(actor, kind === 'Task' ? 'create' : 'read');
  return store.transaction(async (tx) => {
    await assertParent(tx, scope, parent);
    if (parentComment !== null) await existing(tx, scope, 'Comment', parent, parentComment);
    const body = await bodyFor(tx, kind, input, parentComment);
    return tx.documents.create(scope, kind, { id, parentId: parentKey(parent), body }, actorId(actor));
  });
}

export interface ThreadUpdate {
  kind: ThreadKind;
  parent: ThreadParent;
  id: string;
  input: Record<string, unknown>;
  version: number;
}

export async function updateThread(store: Store, scope: Scope, { kind, parent, id, input, version }: ThreadUpdate, actor: Actor): Promise<DocumentRecord> {
  check(actor, 'read');
  return store.transaction(async (tx) => {
    const doc = await existing(tx, scope, kind, parent, id);
    assertMayChange(actor, doc, kind);
    const body = await bodyFor(tx, kind, input, (doc.body.parentComment as string | null | undefined) ?? null);
    return tx.documents.update(scope, kind, id, body, version, actorId(actor));
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

/** Who a comment mentions (none for tasks and plain comments). */
export const mentionsOf = (doc: DocumentRecord): string[] => (Array.isArray(doc.body.mentions) ? doc.body.mentions.filter(is.string) : []);

/** The thread's parent, from its key (`Entry:id`). */
export function parentOf(doc: DocumentRecord): ThreadParent {
  const [type, ...rest] = (doc.parentId ?? '').split(':');
  return { type: type === 'ContentType' ? 'ContentType' : 'Entry', id: rest.join(':') };
}

/**
 * The comments that mention a user, newest first: how Folio tells people they were mentioned
 * (listed for them in the editor; Folio sends no mail for it). The newest thousand are looked at.
 */
export async function listMentions(store: Store, scope: Scope, userId: string, actor: Actor): Promise<DocumentRecord[]> {
  check(actor, 'read');
  const recent = await store.documents.list(scope, 'Comment', { limit: 1000, newestFirst: true });
  return recent.items.filter((c) => mentionsOf(c).includes(userId));
}
