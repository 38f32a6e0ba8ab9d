/**
 * Tag operations: anyone who reads content reads tags; creating, renaming and deleting them is
 * model work (admins), as Contentful keeps tag management to space admins by default. The store
 * keeps names unique, checks versions and refuses to delete a tag still in use.
 */
import type { Actor } from '../auth/index.js';
import { FolioError, refused } from '../errors/index.js';
import type { Store } from '../store/store.js';
import type { Page, Scope, TagRecord, TagVisibility } from '../store/types.js';
import { check } from './actor.js';

export interface TagInput {
  id: string;
  name: string;
  visibility: TagVisibility;
}

const invalid = (path: string, details: string): never => {
  throw refused('invalid', [path], details);
};

function assertName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > 64) invalid('name', 'A tag name has 1 to 64 characters');
  return trimmed;
}

export async function listTags(store: Store, scope: Scope, query: { skip?: number; limit?: number; visibility?: TagVisibility } = {}, actor: Actor): Promise<Page<TagRecord>> {
  check(actor, 'read');
  return store.tags.list(scope, query);
}

export async function getTag(store: Store, scope: Scope, id: string, actor: Actor): Promise<TagRecord> {
  check(actor, 'read');
  const tag = await store.tags.get(scope, id);
  if (!tag) throw new FolioError('NOT_FOUND', `Tag "${id}" not found`, { details: { type: 'Tag', id } });
  return tag;
}

export async function createTag(store: Store, scope: Scope, input: TagInput, actor: Actor): Promise<TagRecord> {
  check(actor, 'manageModel');
  // Contentful reserves this prefix for its own tags.
  if (input.id.startsWith('contentful.')) invalid('sys.id', 'Tag ids starting with "contentful." are reserved');
  return store.tags.create(scope, { ...input, name: assertName(input.name) });
}

export async function updateTag(store: Store, scope: Scope, { id, name, version }: { id: string; name: string; version?: number | undefined }, actor: Actor): Promise<TagRecord> {
  check(actor, 'manageModel');
  return store.tags.update(scope, id, assertName(name), version);
}

export async function deleteTag(store: Store, scope: Scope, { id, version }: { id: string; version?: number | undefined }, actor: Actor): Promise<void> {
  check(actor, 'manageModel');
  await store.tags.delete(scope, id, version);
}
