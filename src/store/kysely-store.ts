/** The Store over a Kysely connection or transaction; both dialects share every line here. */
import type { Kysely } from 'kysely';
import { FolioError, resourceNotFound } from '../errors/index.js';
import { assetCodec, contentTypeCodec, entryCodec } from './codecs.js';
import type { DialectAdapter, Snapshot } from './dialect.js';
import { newId, now } from './ids.js';
import { environmentMissing, insertChecked, takenError } from './insert-checked.js';
import { accessTokensRepository, sessionsRepository } from './access-store.js';
import { loginFailureStore } from './login-failures.js';
import type { Database, LocalesTable } from './schema.js';
import type { Store } from './store.js';
import type { ApiKeyKind, ApiKeyRecord, LocaleRecord, SpaceRecord, UploadRecord, UserRecord, UserRole, VersionedSys } from './types.js';
import { tagsRepository } from './tags-repository.js';
import { documentsRepository } from './documents-repository.js';
import { fragmentsRepository } from './fragments-repository.js';
import { bumpChangeCounter, movedChangeCounter, readChangeCounter, versionedRepository, type RepositoryContext } from './versioned-repository.js';
import { outboxStore } from './outbox.js';
import { announceWrite, hearingOthers, onWrite } from './write-notices.js';
import { scheduledActionStore } from './scheduled-action-store.js';
import { portableStore } from './portable.js';
import { webhookStore } from './webhook-store.js';
import { environmentsRepository } from './environments-repository.js';
import { CountMemo } from './count-memo.js';

const spaceOf = (row: Database['spaces']): SpaceRecord => ({
  id: row.id,
  name: row.name,
  defaultLocale: row.default_locale,
  version: row.version,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

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
  description: row.description,
  pairedId: row.paired_id,
  version: row.version,
  updatedAt: row.updated_at ?? row.created_at,
});

const uploadOf = (row: Database['uploads']): UploadRecord => ({
  spaceId: row.space_id,
  id: row.id,
  hash: row.hash,
  size: Number(row.size),
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  createdBy: row.created_by,
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
  /** snapshot: how to read one moment outside a transaction; absent inside one, which is one already. */
  options: { inTransaction: boolean; snapshot?: Snapshot; close: () => Promise<void>; database?: string; counts?: CountMemo },
): Store {
  // A store's own memo, lent to its snapshots; a transaction keeps none (count-memo.ts).
  const counts = options.counts ?? (options.inTransaction ? undefined : new CountMemo());
  /** After a commit that moved the content version: this process's readers hear at once. */
  const committed = () => {
    if (!options.inTransaction && options.database !== undefined) announceWrite(options.database);
  };
  const transaction = <T>(fn: (tx: Store) => Promise<T>): Promise<T> => {
    if (options.inTransaction) return fn(store);
    let trx: Kysely<Database> | undefined;
    // Only transactions that moved the counter: the background queues commit often and change nothing readers see.
    return db
      .transaction()
      .execute((t) => fn(kyselyStore((trx = t), adapter, { inTransaction: true, close: options.close })))
      .finally(() => trx && movedChangeCounter(trx) && committed());
  };
  /** The counter moved outside a transaction (committed already). */
  const bumped = async (d: Kysely<Database>) => {
    const value = await bumpChangeCounter(d);
    committed();
    return value;
  };
  const snapshot = <T>(fn: (view: Store) => Promise<T>): Promise<T> =>
    options.inTransaction || !options.snapshot
      ? fn(store)
      : options.snapshot((view) => fn(kyselyStore(view, adapter, { inTransaction: true, close: options.close, ...(counts ? { counts } : {}) })));
  const contextOf = (s: Store) => (s as Store & { context: RepositoryContext }).context;

  const context: RepositoryContext = {
    db,
    adapter,
    atomically: (fn) => transaction((tx) => fn(contextOf(tx))),
    snapshot: (fn) => snapshot((view) => fn(contextOf(view))),
    oneMoment: options.inTransaction,
    ...(counts ? { counts } : {}),
  };

  const store: Store & { context: RepositoryContext } = {
    dialect: adapter.name,
    context,
    transaction,
    exclusively: (name, fn) =>
      transaction(async (tx) => {
        await adapter.lock(contextOf(tx).db, name);
        return fn(tx);
      }),
    snapshot,
    close: options.close,

    spaces: {
      get: async (id) => {
        const row = await db.selectFrom('spaces').selectAll().where('id', '=', id).executeTakeFirst();
        return row && spaceOf(row);
      },
      list: async () => {
        const rows = await db.selectFrom('spaces').selectAll().orderBy('id').execute();
        return rows.map(spaceOf);
      },
      create: async ({ id, name, defaultLocale }) => {
        const time = now();
        await insertChecked(adapter, () => db.insertInto('spaces').values({ id, name, default_locale: defaultLocale, version: 1, created_at: time, updated_at: time }).execute(), {
          duplicate: { message: `Space "${id}" already exists`, path: ['sys', 'id'] },
        });
        return { id, name, defaultLocale, version: 1, createdAt: time, updatedAt: time };
      },
      rename: async (id, name, expectedVersion) => {
        const time = now();
        const result = await db.updateTable('spaces').set((eb) => ({ name, updated_at: time, version: eb('version', '+', 1) })).where('id', '=', id).where('version', '=', expectedVersion).executeTakeFirst();
        if (Number(result.numUpdatedRows) !== 1) {
          const exists = await db.selectFrom('spaces').select('version').where('id', '=', id).executeTakeFirst();
          if (!exists) throw resourceNotFound('Space', id);
          throw new FolioError('VERSION_MISMATCH');
        }
        return spaceOf((await db.selectFrom('spaces').selectAll().where('id', '=', id).executeTakeFirstOrThrow()));
      },
    },

    ...environmentsRepository(context),

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
        try {
          await insertChecked(adapter, () => db.insertInto('locales').values(row).execute(), {
            duplicate: { message: `Locale "${locale.code}" (or its id) already exists`, path: ['code'] },
            missingParent: environmentMissing(scope.spaceId, scope.environmentId),
          });
        } finally {
          committed();
        }
        return localeOf(row);
      },
      update: (scope, id, changes, expectedVersion) =>
        transaction(async (tx) => {
          const t = (tx as Store & { context: RepositoryContext }).context.db;
          const row = await t
            .selectFrom('locales')
            .selectAll()
            .where('space_id', '=', scope.spaceId)
            .where('environment_id', '=', scope.environmentId)
            .where('id', '=', id)
            .executeTakeFirst();
          if (!row) throw new FolioError('NOT_FOUND', `Locale "${id}" not found`, { details: { type: 'Locale', id } });
          if (expectedVersion !== undefined && expectedVersion !== row.version) {
            throw new FolioError('VERSION_MISMATCH', `Locale "${id}" is at version ${row.version}, not ${expectedVersion}`);
          }
          const next: LocalesTable = {
            ...row,
            code: changes.code ?? row.code,
            name: changes.name ?? row.name,
            fallback_code: changes.fallbackCode !== undefined ? changes.fallbackCode : row.fallback_code,
            optional: changes.optional !== undefined ? (changes.optional ? 1 : 0) : row.optional,
            content_delivery_api: changes.contentDeliveryApi !== undefined ? (changes.contentDeliveryApi ? 1 : 0) : row.content_delivery_api,
            content_management_api: changes.contentManagementApi !== undefined ? (changes.contentManagementApi ? 1 : 0) : row.content_management_api,
            version: row.version + 1,
            updated_at: now(),
          };
          await bumpChangeCounter(t);
          const duplicate = { message: `Locale "${next.code}" already exists`, path: ['code'] };
          if (next.code !== row.code) {
            const clash = await t
              .selectFrom('locales')
              .select('id')
              .where('space_id', '=', scope.spaceId)
              .where('environment_id', '=', scope.environmentId)
              .where('code', '=', next.code)
              .executeTakeFirst();
            if (clash) throw takenError(duplicate);
          }
          const result = await t
            .updateTable('locales')
            .set(next)
            .where('space_id', '=', scope.spaceId)
            .where('environment_id', '=', scope.environmentId)
            .where('id', '=', id)
            .where('version', '=', row.version)
            .executeTakeFirst();
          if (Number(result.numUpdatedRows) !== 1) throw new FolioError('VERSION_MISMATCH', `Locale "${id}" was changed by someone else; reload and retry`);
          return localeOf(next);
        }),
      delete: (scope, id) =>
        transaction(async (tx) => {
          const t = (tx as Store & { context: RepositoryContext }).context.db;
          const result = await t
            .deleteFrom('locales')
            .where('space_id', '=', scope.spaceId)
            .where('environment_id', '=', scope.environmentId)
            .where('id', '=', id)
            .executeTakeFirst();
          if (Number(result.numDeletedRows) !== 1) throw new FolioError('NOT_FOUND', `Locale "${id}" not found`, { details: { type: 'Locale', id } });
          await bumpChangeCounter(t);
        }),
    },

    uploads: {
      create: async (upload) => {
        const row = {
          space_id: upload.spaceId,
          id: upload.id ?? newId(),
          hash: upload.hash,
          size: upload.size,
          created_at: now(),
          expires_at: upload.expiresAt,
          created_by: upload.createdBy,
        };
        await insertChecked(adapter, () => db.insertInto('uploads').values(row).execute(), {
          duplicate: { message: `Upload "${row.id}" already exists`, path: ['sys', 'id'] },
          missingParent: `Space "${upload.spaceId}" not found`,
        });
        return uploadOf(row);
      },
      get: async (spaceId, id) => {
        const row = await db.selectFrom('uploads').selectAll().where('space_id', '=', spaceId).where('id', '=', id).executeTakeFirst();
        return row && uploadOf(row);
      },
      delete: async (spaceId, id) => {
        const result = await db.deleteFrom('uploads').where('space_id', '=', spaceId).where('id', '=', id).executeTakeFirst();
        if (Number(result.numDeletedRows) !== 1) throw new FolioError('NOT_FOUND', `Upload "${id}" not found`, { details: { type: 'Upload', id } });
      },
      expired: async (time, limit) =>
        (await db.selectFrom('uploads').selectAll().where('expires_at', '<', time).orderBy('expires_at').orderBy('id').limit(limit).execute()).map(uploadOf),
      holdsHash: async (hash) => !!(await db.selectFrom('uploads').select('id').where('hash', '=', hash).limit(1).executeTakeFirst()),
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
          description: key.description ?? null,
          paired_id: key.pairedId ?? null,
          version: 1,
          updated_at: null,
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
      get: async (spaceId, id) => {
        const row = await db.selectFrom('api_keys').selectAll().where('space_id', '=', spaceId).where('id', '=', id).executeTakeFirst();
        return row && apiKeyOf(row);
      },
      update: async (spaceId, id, changes, expectedVersion) => {
        const row = await db.selectFrom('api_keys').selectAll().where('space_id', '=', spaceId).where('id', '=', id).executeTakeFirst();
        if (!row) throw new FolioError('NOT_FOUND', `API key "${id}" not found`, { details: { type: 'ApiKey', id } });
        if (expectedVersion !== undefined && expectedVersion !== row.version) {
          throw new FolioError('VERSION_MISMATCH', `API key "${id}" is at version ${row.version}, not ${expectedVersion}`);
        }
        const set = {
          ...(changes.name !== undefined ? { name: changes.name } : {}),
          ...(changes.description !== undefined ? { description: changes.description } : {}),
          ...(changes.environments !== undefined ? { environments: JSON.stringify(changes.environments) } : {}),
          ...(changes.pairedId !== undefined ? { paired_id: changes.pairedId } : {}),
          version: row.version + 1,
          updated_at: now(),
        };
        const next = await db.updateTable('api_keys').set(set).where('id', '=', id).where('version', '=', row.version).returningAll().executeTakeFirst();
        if (!next) throw new FolioError('VERSION_MISMATCH', `API key "${id}" was changed by someone else; reload and retry`);
        // Readers remember granted keys per content version: moving it makes them check again.
        await bumped(db);
        return apiKeyOf(next);
      },
      delete: async (spaceId, id) => {
        const result = await db.deleteFrom('api_keys').where('space_id', '=', spaceId).where('id', '=', id).executeTakeFirst();
        if (Number(result.numDeletedRows) !== 1) throw new FolioError('NOT_FOUND', `API key "${id}" not found`, { details: { type: 'ApiKey', id } });
        await bumped(db);
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
      get: async (id) => {
        const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
        return row && userOf(row);
      },
      delete: async (id) => {
        // Sessions and tokens go with the user (ON DELETE CASCADE).
        const result = await db.deleteFrom('users').where('id', '=', id).executeTakeFirst();
        if (Number(result.numDeletedRows) === 0) throw new FolioError('NOT_FOUND', `User "${id}" not found`);
      },
    },

    sessions: sessionsRepository(db, adapter),
    loginFailures: loginFailureStore(db),
    accessTokens: accessTokensRepository(db, adapter),

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
        const rows = await query.orderBy('seq', q.newestFirst ? 'desc' : 'asc').limit(q.limit).execute();
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
      latest: () => readChangeCounter(db),
      onWrite: (listener) => (options.database === undefined ? () => {} : onWrite(options.database, listener)),
      hearsOthers: () => options.database !== undefined && hearingOthers(options.database),
      bump: async () => {
        // Inside a transaction the commit announces it; outside, `bumped` does.
        if (options.inTransaction) await bumpChangeCounter(db);
        else await bumped(db);
      },
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
    portable: portableStore(db, adapter),
    documents: documentsRepository(db, adapter),
    fragments: fragmentsRepository(db, adapter),
  };

  return store;
}
