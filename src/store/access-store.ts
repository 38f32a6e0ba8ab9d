/** Sessions and personal access tokens over Kysely: the sign-in side of the Store. */
import type { Kysely } from 'kysely';
import { FolioError } from '../errors/index.js';
import type { DialectAdapter } from './dialect.js';
import { newId, now } from './ids.js';
import { insertChecked } from './insert-checked.js';
import type { AccessTokensTable, Database, SessionsTable } from './schema.js';
import type { Store } from './store.js';
import type { AccessTokenRecord, SessionRecord } from './types.js';

const sessionOf = (row: SessionsTable): SessionRecord => ({
  idHash: row.id_hash,
  userId: row.user_id,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  lastSeenAt: row.last_seen_at,
});

const tokenOf = (row: AccessTokensTable): AccessTokenRecord => ({
  id: row.id,
  userId: row.user_id,
  name: row.name,
  tokenHash: row.token_hash,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  revokedAt: row.revoked_at,
  lastUsedAt: row.last_used_at,
});

export function sessionsRepository(db: Kysely<Database>, adapter: DialectAdapter): Store['sessions'] {
  return {
    create: async (session) => {
      const row: SessionsTable = {
        id_hash: session.idHash,
        user_id: session.userId,
        created_at: session.createdAt,
        expires_at: session.expiresAt,
        last_seen_at: session.createdAt,
      };
      await insertChecked(adapter, () => db.insertInto('sessions').values(row).execute(), {
        duplicate: { message: 'This session already exists', path: ['idHash'] },
        missingParent: `User "${session.userId}" not found`,
      });
      return sessionOf(row);
    },
    find: async (idHash) => {
      const row = await db.selectFrom('sessions').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
      return row && sessionOf(row);
    },
    touch: async (idHash, lastSeenAt) => {
      await db.updateTable('sessions').set({ last_seen_at: lastSeenAt }).where('id_hash', '=', idHash).execute();
    },
    delete: async (idHash) => {
      await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
    },
    deleteForUser: async (userId) => {
      await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
    },
    deleteExpired: async (at) => {
      const result = await db.deleteFrom('sessions').where('expires_at', '<=', at).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

export function accessTokensRepository(db: Kysely<Database>, adapter: DialectAdapter): Store['accessTokens'] {
  return {
    create: async (token) => {
      const row: AccessTokensTable = {
        id: token.id ?? newId(),
        user_id: token.userId,
        name: token.name,
        token_hash: token.tokenHash,
        created_at: now(),
        expires_at: token.expiresAt,
        revoked_at: null,
        last_used_at: null,
      };
      await insertChecked(adapter, () => db.insertInto('access_tokens').values(row).execute(), {
        duplicate: { message: 'A token with this id or value already exists', path: ['tokenHash'] },
        missingParent: `User "${token.userId}" not found`,
      });
      return tokenOf(row);
    },
    findByTokenHash: async (tokenHash) => {
      const row = await db.selectFrom('access_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
      return row && tokenOf(row);
    },
    listForUser: async (userId) =>
      (await db.selectFrom('access_tokens').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').orderBy('id').execute()).map(tokenOf),
    revoke: async (userId, id) => {
      const row = await db
        .updateTable('access_tokens')
        .set({ revoked_at: now() })
        .where('id', '=', id)
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .returningAll()
        .executeTakeFirst();
      if (row) return tokenOf(row);
      const existing = await db.selectFrom('access_tokens').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
      if (!existing) throw new FolioError('NOT_FOUND', `Token "${id}" not found`);
      return tokenOf(existing);
    },
    markUsed: async (id, at) => {
      await db.updateTable('access_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
    },
  };
}
