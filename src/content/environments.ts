/**
 * Environments and aliases as Contentful has them. A new environment is always a copy of
 * another (`master` unless the client names a source), as Contentful's are: it answers at once
 * with status `queued` and becomes `ready` when the copy, one transaction, commits.
 */
import type { Actor } from '../auth/index.js';
import { FolioError, refused, resourceNotFound } from '../errors/index.js';
import type { Store } from '../store/store.js';
import type { EnvironmentAliasRecord, EnvironmentRecord } from '../store/types.js';
import { check } from './actor.js';

/** Neither renamed nor deleted, as in Contentful (with or without the alias of that id). */
const master = 'master';

export interface EnvironmentView {
  environment: EnvironmentRecord;
  /** Set when the id asked for is an alias: the alias's id, which the answer shows as its own. */
  aliasId?: string;
  /** Aliases that target this environment. */
  aliases: string[];
}

async function viewOf(store: Store, spaceId: string, environment: EnvironmentRecord, aliasId?: string): Promise<EnvironmentView> {
  const aliases = (await store.environmentAliases.list(spaceId)).filter((a) => a.environmentId === environment.id).map((a) => a.id);
  return { environment, aliases, ...(aliasId ? { aliasId } : {}) };
}

export async function getEnvironment(store: Store, spaceId: string, id: string, actor: Actor): Promise<EnvironmentView> {
  check(actor, 'read');
  const resolved = await store.environments.resolve(spaceId, id);
  if (!resolved) throw resourceNotFound('Environment', id);
  return viewOf(store, spaceId, resolved.environment, resolved.aliasId);
}

/**
 * Every environment, and each alias as the environment it shows (Contentful lists both). An
 * alias that shares its id with an environment (`master` pointed elsewhere) hides that one.
 */
export async function listEnvironments(store: Store, spaceId: string, actor: Actor): Promise<EnvironmentView[]> {
  check(actor, 'read');
  const [environments, aliases] = await Promise.all([store.environments.list(spaceId), store.environmentAliases.list(spaceId)]);
  const byId = new Map(environments.map((e) => [e.id, e]));
  const targets = (id: string) => aliases.filter((a) => a.environmentId === id).map((a) => a.id);
  const hidden = (id: string) => aliases.some((a) => a.id === id && a.environmentId !== id);
  const views: EnvironmentView[] = environments.filter((e) => !hidden(e.id)).map((e) => ({ environment: e, aliases: targets(e.id) }));
  for (const alias of aliases) {
    const target = byId.get(alias.environmentId);
    if (target && alias.id !== target.id) views.push({ environment: target, aliasId: alias.id, aliases: targets(target.id) });
  }
  return views.sort((a, b) => (a.aliasId ?? a.environment.id).localeCompare(b.aliasId ?? b.environment.id));
}

export interface EnvironmentPut {
  name: string;
  /** X-Contentful-Source-Environment: an environment or alias id; master when absent. */
  source?: string;
  /** X-Contentful-Version: present when renaming an existing environment. */
  version?: number;
}

/**
 * Creates (and starts copying) or renames. `copied` settles when the copy is done; the caller
 * need not wait for it (Contentful's clients poll the status).
 */
export async function putEnvironment(
  store: Store,
  spaceId: string,
  id: string,
  input: EnvironmentPut,
  actor: Actor,
): Promise<{ view: EnvironmentView; created: boolean; copied?: Promise<EnvironmentRecord | undefined> }> {
  check(actor, 'manageSpace');
  const existing = await store.environments.get(spaceId, id);
  if (existing) {
    if (id === master) throw new FolioError('BAD_REQUEST', 'The master environment cannot be renamed');
    if (input.version === undefined) throw refused('taken', ['sys', 'id'], `Environment "${id}" already exists`);
    const renamed = await store.environments.rename(spaceId, id, input.name, input.version);
    return { view: await viewOf(store, spaceId, renamed), created: false };
  }
  if (await store.environmentAliases.get(spaceId, id)) throw refused('taken', ['sys', 'id'], `"${id}" is an environment alias`);
  const sourceId = input.source ?? master;
  const source = await store.environments.resolve(spaceId, sourceId);
  if (!source) throw resourceNotFound('Environment', sourceId);
  if (source.environment.status !== 'ready') throw new FolioError('BAD_REQUEST', `Environment "${sourceId}" is not ready to be copied (${source.environment.status})`);
  const environment = await store.environments.create(spaceId, { id, name: input.name, status: 'queued' });
  const copied = store.environments.clone(spaceId, source.environment.id, id).catch(async (err: unknown) => {
    // The copy rolled back whole; the environment stays, marked failed, for the client to delete.
    await store.environments.setStatus(spaceId, id, 'failed').catch(() => undefined);
    throw err;
  });
  return { view: { environment, aliases: [] }, created: true, copied };
}

export async function deleteEnvironment(store: Store, spaceId: string, id: string, actor: Actor): Promise<void> {
  check(actor, 'manageSpace');
  if (id === master) throw new FolioError('BAD_REQUEST', 'The master environment cannot be deleted');
  if (await store.environmentAliases.get(spaceId, id)) throw new FolioError('BAD_REQUEST', `"${id}" is an environment alias: delete it through environment_aliases`);
  await store.environments.delete(spaceId, id);
}

export async function listEnvironmentAliases(store: Store, spaceId: string, actor: Actor): Promise<EnvironmentAliasRecord[]> {
  check(actor, 'read');
  return store.environmentAliases.list(spaceId);
}

export async function getEnvironmentAlias(store: Store, spaceId: string, id: string, actor: Actor): Promise<EnvironmentAliasRecord> {
  check(actor, 'read');
  const alias = await store.environmentAliases.get(spaceId, id);
  if (!alias) throw resourceNotFound('EnvironmentAlias', id);
  return alias;
}

export async function putEnvironmentAlias(store: Store, spaceId: string, id: string, environmentId: string, version: number | undefined, actor: Actor) {
  check(actor, 'manageSpace');
  return store.environmentAliases.put(spaceId, id, environmentId, version);
}

export async function deleteEnvironmentAlias(store: Store, spaceId: string, id: string, actor: Actor): Promise<void> {
  check(actor, 'manageSpace');
  await store.environmentAliases.delete(spaceId, id);
}

/**
 * At start: a copy no server is running any more (its server stopped; the copy, one
 * transaction, rolled back whole) leaves its environment `failed`, for the client to delete and
 * create again, as Contentful's failed environments are.
 */
export async function settleInterruptedClones(store: Store): Promise<Array<{ spaceId: string; id: string }>> {
  return store.environments.settleQueued();
}
