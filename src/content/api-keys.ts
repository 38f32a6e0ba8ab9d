/**
 * Content Delivery API keys as Contentful models them: each delivery key has a paired preview
 * key. Tokens are generated here, shown once in the create answer, and stored only as hashes.
 */
import { generateToken, hashToken, type Actor } from '../auth/index.js';
import { FolioError, refused } from '../errors/index.js';
import type { Store } from '../store/store.js';
import type { ApiKeyRecord } from '../store/types.js';
import { check } from './actor.js';

export interface ApiKeyInput {
  name: string;
  description: string | null;
  /** Environment ids the key may read. */
  environments: string[];
  /** The delivery key's id when the client chooses it (PUT to a new id); generated otherwise. */
  id?: string;
}

async function assertEnvironments(store: Store, spaceId: string, ids: string[]) {
  // A key may name aliases as well as environments, as Contentful's may.
  const [environments, aliases] = await Promise.all([store.environments.list(spaceId), store.environmentAliases.list(spaceId)]);
  const known = new Set([...environments, ...aliases].map((e) => e.id));
  const missing = ids.filter((id) => !known.has(id));
  if (missing.length) {
    throw refused('notResolvable', ['environments'], `Unknown environment ${missing.join(', ')}`);
  }
}

async function keyOf(store: Store, spaceId: string, id: string, kind: 'delivery' | 'preview'): Promise<ApiKeyRecord> {
  const key = await store.apiKeys.get(spaceId, id);
  if (!key || key.kind !== kind) throw new FolioError('NOT_FOUND', `${kind === 'delivery' ? 'API key' : 'Preview API key'} "${id}" not found`);
  return key;
}

export async function listApiKeys(store: Store, spaceId: string, kind: 'delivery' | 'preview', actor: Actor): Promise<ApiKeyRecord[]> {
  check(actor, 'manageApiKeys');
  return (await store.apiKeys.list(spaceId)).filter((k) => k.kind === kind);
}

export async function getApiKey(store: Store, spaceId: string, id: string, kind: 'delivery' | 'preview', actor: Actor): Promise<ApiKeyRecord> {
  check(actor, 'manageApiKeys');
  return keyOf(store, spaceId, id, kind);
}

/** A delivery key and its preview key, with both tokens (the only time anyone sees them). */
export async function createApiKey(store: Store, spaceId: string, input: ApiKeyInput, actor: Actor) {
  check(actor, 'manageApiKeys');
  return store.transaction(async (tx) => {
    await assertEnvironments(tx, spaceId, input.environments);
    const accessToken = generateToken();
    const previewToken = generateToken();
    const base = { spaceId, name: input.name, description: input.description, environments: input.environments };
    const preview = await tx.apiKeys.create({ ...base, kind: 'preview', tokenHash: hashToken(previewToken) });
    const delivery = await tx.apiKeys.create({ ...base, kind: 'delivery', tokenHash: hashToken(accessToken), pairedId: preview.id, ...(input.id ? { id: input.id } : {}) });
    const pairedPreview = await tx.apiKeys.update(spaceId, preview.id, { pairedId: delivery.id });
    return { delivery, preview: pairedPreview, accessToken, previewToken };
  });
}

/** Name, description and environments change on both keys of the pair. */
export async function updateApiKey(store: Store, spaceId: string, id: string, input: ApiKeyInput, expectedVersion: number | undefined, actor: Actor) {
  check(actor, 'manageApiKeys');
  return store.transaction(async (tx) => {
    const key = await keyOf(tx, spaceId, id, 'delivery');
    await assertEnvironments(tx, spaceId, input.environments);
    const updated = await tx.apiKeys.update(spaceId, id, input, expectedVersion);
    if (key.pairedId && (await tx.apiKeys.get(spaceId, key.pairedId))) await tx.apiKeys.update(spaceId, key.pairedId, input);
    return updated;
  });
}

/** Revokes the delivery key and its preview key at once. */
export async function deleteApiKey(store: Store, spaceId: string, id: string, actor: Actor): Promise<void> {
  check(actor, 'manageApiKeys');
  await store.transaction(async (tx) => {
    const key = await keyOf(tx, spaceId, id, 'delivery');
    await tx.apiKeys.delete(spaceId, id);
    if (key.pairedId && (await tx.apiKeys.get(spaceId, key.pairedId))) await tx.apiKeys.delete(spaceId, key.pairedId);
  });
}
