import Fastify, { type FastifyInstance } from 'fastify';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/support/tmp.js';
import { errorBody, isFolioError } from '../errors/index.js';
import { ensureApiKeys, ensureSpace } from '../setup/index.js';
import { openStore } from '../store/index.js';
import type { Store } from '../store/store.js';
import { managementActor } from './management-actor.js';

let dir: Awaited<ReturnType<typeof tempDir>>;
let store: Store;
let app: FastifyInstance;
const tokens = { management: 'management-token-1', delivery: 'delivery-token-1', preview: 'preview-token-1' };

beforeAll(async () => {
  dir = await tempDir();
  store = await openStore({ sqlitePath: path.join(dir.dir, 'folio.db') });
  await ensureSpace(store, 'folio');
  await ensureApiKeys(store, 'folio', tokens);
  app = Fastify();
  app.setErrorHandler((err, _req, reply) => (isFolioError(err) ? reply.status(err.status).send(errorBody(err, 'r')) : reply.status(500).send()));
  app.get('/who', async (request) => managementActor(store, request));
});
afterAll(async () => {
  await app.close();
  await store.close();
  await dir.remove();
});

describe('managementActor', () => {
  it('treats the management API key as an admin, by header or query', async () => {
    for (const request of [
      { url: '/who', headers: { authorization: `Bearer ${tokens.management}` } },
      { url: `/who?access_token=${tokens.management}` },
    ]) {
      const res = await app.inject(request);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ kind: 'apiKey', role: 'admin' });
    }
  });

  it('refuses read-API tokens, unknown and malformed tokens with 401 AccessTokenInvalid', async () => {
    for (const headers of [
      { authorization: `Bearer ${tokens.delivery}` },
      { authorization: `Bearer ${tokens.preview}` },
      { authorization: 'Bearer nope' },
      { authorization: 'Basic abc' },
      {},
    ]) {
      const res = await app.inject({ url: '/who', headers });
      expect(res.statusCode).toBe(401);
      expect(res.json().sys.id).toBe('AccessTokenInvalid');
    }
  });
});
