import Fastify, { type FastifyInstance } from 'fastify';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/support/tmp.js';
import { errorBody, isFolioError } from '../errors/index.js';
import { openStore } from '../store/index.js';
import type { Store } from '../store/store.js';
import type { UserRecord } from '../store/types.js';
import { createAccessToken } from './access-tokens.js';
import { managementActor } from './management-actor.js';

let dir: Awaited<ReturnType<typeof tempDir>>;
let store: Store;
let app: FastifyInstance;
let author: UserRecord;

beforeAll(async () => {
  dir = await tempDir();
  store = await openStore({ sqlitePath: path.join(dir.dir, 'folio.db') });
  author = await store.users.create({ email: 'ann@example.com', name: 'Ann', role: 'author', passwordHash: 'x' });
  app = Fastify();
  app.setErrorHandler((err, _req, reply) => (isFolioError(err) ? reply.status(err.status).send(errorBody(err, 'r')) : reply.status(500).send()));
  app.get('/who', async (request) => managementActor(store, request));
});
afterAll(async () => {
  await app.close();
  await store.close();
  await dir.remove();
});

const who = (token: string) => app.inject({ url: '/who', headers: { authorization: `Bearer ${token}` } });

describe('personal access tokens through managementActor', () => {
  it('act as their owner with the owner’s current role', async () => {
    const { token, record } = await createAccessToken(store, author.id, { name: 'CI' });
    expect(record.tokenHash).not.toContain(token);
    let res = await who(token);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ kind: 'user', id: author.id, role: 'author' });
    expect((await store.accessTokens.findByTokenHash(record.tokenHash))?.lastUsedAt).not.toBeNull();

    await store.users.update(author.id, { role: 'editor' });
    res = await who(token);
    expect(res.json().role).toBe('editor');
  });

  it('stop working when revoked, expired, or their owner is removed', async () => {
    const revoked = await createAccessToken(store, author.id, { name: 'old' });
    await store.accessTokens.revoke(author.id, revoked.record.id);
    const expired = await createAccessToken(store, author.id, { name: 'short', expiresAt: new Date(Date.now() - 1000).toISOString() });
    const other = await store.users.create({ email: 'gone@example.com', name: 'Gone', role: 'admin', passwordHash: 'x' });
    const orphan = await createAccessToken(store, other.id, { name: 'x' });
    await store.users.delete(other.id);
    for (const token of [revoked.token, expired.token, orphan.token, 'folio_pat_unknown']) {
      const res = await who(token);
      expect(res.statusCode).toBe(401);
      expect(res.json().sys.id).toBe('AccessTokenInvalid');
    }
  });
});
