/** The Store over a Kysely connection or transaction; both dialects share every line here. */
import type { Kysely } from 'kysely';
import { FolioError } from '../errors/index.js';
import { assetCodec, contentTypeCodec, entryCodec } from './codecs.js';
import type { DialectAdapter } from './dialect.js';
import { newId, now } from './ids.js';
import { environmentMissing, insertChecked } from './insert-checked.js';
import type { Database, LocalesTable } from './schema.js';
import type { Store } from './store.js';
import type { ApiKeyKind, ApiKeyRecord, LocaleRecord, UserRecord, UserRole, VersionedSys } from './types.js';
import { tagsRepository } from './tags-repository.js';
import { bumpChangeCounter, versionedRepository, type RepositoryContext } from './versioned-repository.js';
import { outboxStore } from './outbox.js';
import { scheduledActionStore } from './scheduled-action-store.js';
import { webhookStore } from './webhook-store.js';

const localeOf = (row: LocalesTable): LocaleRecord => ({
  id: row.id,
  code: row.code,
  name: row.name,
  default: row.is_default === 1,
  fallbackCode: row.fallback_code,
  optional: row.optional === 1,
  contentDeliveryApi: row.content_delivery_api === 1,
  contentManagementApi: row.content_management_api === 1,
  version: row.version,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const apiKeyOf = (row: Database['api_keys']): ApiKeyRecord => ({
  id: row.id,
  spaceId: row.space_id,
  kind: row.kind as ApiKeyKind,
  name: row.name,
  tokenHash: row.token_hash,
  environments: JSON.parse(row.environments) as string[],
  createdAt: row.created_at,
});

const userOf = (row: Database['users']): UserRecord => ({
  id: row.id,
  email: row.email,
  name: row.name,
  role: row.role as UserRole,
  passwordHash: row.password_hash,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export function kyselyStore(
  db: Kysely<Database>,
  adapter: DialectAdapter,
  options: { inTransaction: boolean; close: () => Promise<void> },
): Store {
  const transaction = <T>(fn: (tx: Store) => Promise<T>): Promise<T> =>
    options.inTransaction
      ? fn(store)
      : db.transaction().execute((trx) => fn(kyselyStore(trx, adapter, { inTransaction: true, close: options.close })));

  const context: RepositoryContext = {
    db,
    adapter,
    atomically: (fn) => transaction((tx) => fn((tx as Store & { context: RepositoryContext }).context)),
  };

  const store: Store & { context: RepositoryContext } = {
    dialect: adapter.name,
    context,
    transaction,
    close: options.close,

    spaces: {
      get: async (id) => {
        const row = await db.selectFrom('spaces').selectAll().where('id', '=', id).executeTakeFirst();
        return row && { id: row.id, name: row.name, defaultLocale: row.default_locale, createdAt: row.created_at, updatedAt: row.updated_at };
      },
      list: async () => {
        const rows = await db.selectFrom('spaces').selectAll().orderBy('id').execute();
        return rows.map((row) => ({ id: row.id, name: row.name, defaultLocale: row.default_locale, createdAt: row.created_at, updatedAt: row.updated_at }));
      },
      create: async ({ id, name, defaultLocale }) => {
        const time = now();
        await insertChecked(adapter, () => db.insertInto('spaces').values({ id, name, default_locale: defaultLocale, created_at: time, updated_at: time }).execute(), {
          duplicate: { message: `Space "${id}" already exists`, path: ['sys', 'id'] },
        });
        return { id, name, defaultLocale, createdAt: time, updatedAt: time };
      },
    },

    environments: {
      get: async (spaceId, id) => {
        const row = await db.selectFrom('environments').selectAll().where('space_id', '=', spaceId).where('id', '=', id).executeTakeFirst();
        return row && { spaceId: row.space_id, id: row.id, name: row.name, createdAt: row.created_at, updatedAt: row.updated_at };
      },
      list: async (spaceId) => {
        const rows = await db.selectFrom('environments').selectAll().where('space_id', '=', spaceId).orderBy('id').execute();
        return rows.map((row) => ({ spaceId: row.space_id, id: row.id, name: row.name, createdAt: row.created_at, updatedAt: row.updated_at }));
      },
      create: async (spaceId, { id, name }) => {
        const time = now();
        await insertChecked(adapter, () => db.insertInto('environments').values({ space_id: spaceId, id, name, created_at: time, updated_at: time }).execute(), {
          duplicate: { message: `Environment "${id}" already exists in space "${spaceId}"`, path: ['sys', 'id'] },
          missingParent: `Space "${spaceId}" not found`,
        });
        return { spaceId, id, name, createdAt: time, updatedAt: time };
      },
    },

    locales: {
      list: async (scope) => {
        const rows = await db
          .selectFrom('locales')
          .selectAll()
          .where('space_id', '=', scope.spaceId)
          .where('environment_id', '=', scope.environmentId)
          .orderBy('is_default', 'desc')
          .orderBy('created_at')
          .orderBy('code')
          .execute();
        return rows.map(localeOf);
      },
      create: async (scope, locale) => {
        const time = now();
        const row: LocalesTable = {
          space_id: scope.spaceId,
          environment_id: scope.environmentId,
          id: locale.id ?? newId(),
          code: locale.code,
          name: locale.name,
          is_default: locale.default ? 1 : 0,
          fallback_code: locale.fallbackCode,
          optional: locale.optional ? 1 : 0,
          content_delivery_api: locale.contentDeliveryApi ? 1 : 0,
          content_management_api: locale.contentManagementApi ? 1 : 0,
          version: 1,
          created_at: time,
          updated_at: time,
        };
        // A new locale changes what readers get, so it moves the content version too.
        await bumpChangeCounter(db);
        await insertChecked(adapter, () => db.insertInto('locales').values(row).execute(), {
          duplicate: { message: `Locale "${locale.code}" (or its id) already exists`, path: ['code'] },
          missingParent: environmentMissing(scope.spaceId, scope.environmentId),
        });
        return localeOf(row);
      },
    },

    contentTypes: versionedRepository(context, contentTypeCodec),
    entries: versionedRepository(context, entryCodec),
    assets: versionedRepository(context, assetCodec),

    apiKeys: {
      create: async (key) => {
        const row = {
          id: key.id ?? newId(),
          space_id: key.spaceId,
          kind: key.kind,
          name: key.name,
          token_hash: key.tokenHash,
          environments: JSON.stringify(key.environments),
          created_at: now(),
        };
        await insertChecked(adapter, () => db.insertInto('api_keys').values(row).execute(), {
          duplicate: { message: 'An API key with this id or token already exists', path: ['tokenHash'] },
          missingParent: `Space "${key.spaceId}" not found`,
        });
        return apiKeyOf(row);
      },
      findByTokenHash: async (tokenHash) => {
        const row = await db.selectFrom('api_keys').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
        return row && apiKeyOf(row);
      },
      list: async (spaceId) => {
        const rows = await db.selectFrom('api_keys').selectAll().where('space_id', '=', spaceId).orderBy('created_at').orderBy('id').execute();
        return rows.map(apiKeyOf);
      },
    },

    users: {
      findByEmail: async (email) => {
        const row = await db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
        return row && userOf(row);
      },
      list: async () => (await db.selectFrom('users').selectAll().orderBy('created_at').orderBy('id').execute()).map(userOf),
      create: async (user) => {
        const time = now();
        const row = {
          id: user.id ?? newId(),
          email: user.email.toLowerCase(),
          name: user.name,
          role: user.role,
          password_hash: user.passwordHash,
          created_at: time,
          updated_at: time,
        };
        await insertChecked(adapter, () => db.insertInto('users').values(row).execute(), {
          duplicate: { message: `A user with e-mail ${row.email} (or this id) already exists`, path: ['email'] },
        });
        return userOf(row);
      },
      update: async (id, changes) => {
        const set = {
          ...(changes.name !== undefined ? { name: changes.name } : {}),
          ...(changes.role !== undefined ? { role: changes.role } : {}),
          ...(changes.passwordHash !== undefined ? { password_hash: changes.passwordHash } : {}),
          updated_at: now(),
        };
        const row = await db.updateTable('users').set(set).where('id', '=', id).returningAll().executeTakeFirst();
        if (!row) throw new FolioError('NOT_FOUND', `User "${id}" not found`);
        return userOf(row);
      },
    },

    changes: {
      list: async (scope, q) => {
        let query = db
          .selectFrom('changes')
          .selectAll()
          .where('space_id', '=', scope.spaceId)
          .where('environment_id', '=', scope.environmentId)
          .where('seq', '>', q.after);
        if (q.upTo !== undefined) query = query.where('seq', '<=', q.upTo);
        if (q.kinds) query = query.where('kind', 'in', q.kinds);
        if (q.contentTypeId !== undefined) query = query.where('content_type_id', '=', q.contentTypeId);
        if (!q.includeDeleted) query = query.where('deleted', '=', 0);
        const rows = await query.orderBy('seq').limit(q.limit).execute();
        return rows.map((row) => ({
          seq: Number(row.seq),
          kind: row.kind as 'Entry' | 'Asset',
          id: row.id,
          deleted: row.deleted === 1,
          contentTypeId: row.content_type_id,
          changedAt: row.changed_at,
          sys: JSON.parse(row.sys) as VersionedSys,
        }));
      },
      latest: async () =>
        Number((await db.selectFrom('counters').select('value').where('name', '=', 'changes').executeTakeFirst())?.value ?? 0),
    },

    tags: tagsRepository(db, adapter),

    settings: {
      get: async (key) => (await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst())?.value,
      set: async (key, value) => {
        await db
          .insertInto('settings')
          .values({ key, value })
          .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
          .execute();
      },
    },

    outbox: outboxStore(db, adapter),
    webhooks: webhookStore(db, adapter, (fn) => context.atomically((ctx) => fn(ctx.db))),
    scheduledActions: scheduledActionStore(db, adapter),
  };

  return store;
}
