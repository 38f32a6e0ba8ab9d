/**
 * An environment clone under kill -9, shared by the SQLite and PostgreSQL files: a real `folio
 * serve` starts copying `master` (a thousand entries) into a new environment and is killed with
 * SIGKILL as soon as it answered `queued`, a few rounds over. After the restart no environment
 * is left `queued`: the copy either committed (ready, every entry there) or was settled as
 * `failed` with nothing in it, and a failed one can be deleted and made again.
 */
import { expect } from 'vitest';
import { systemActor } from '../../src/auth/index.js';
import { createEntry, publishContentType, saveContentType } from '../../src/content/index.js';
import { defineField, openStore } from '../../src/store/index.js';
import { killServe, startReady } from '../support/serve-process.js';
import { freePort } from './folio.js';

const token = 'environment-crash-management';
const entries = 1000;

export async function cloneCrashRounds(options: { dataDir: string; databaseUrl?: string; rounds: number }) {
  const port = await freePort();
  const env = { FOLIO_DATA_DIR: options.dataDir, PORT: String(port), FOLIO_MANAGEMENT_TOKEN: token, FOLIO_DEMO: '0', ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}) };
  const space = `http://127.0.0.1:${port}/management/spaces/folio`;
  const call = (method: string, path: string, headers: Record<string, string> = {}, body?: unknown) =>
    fetch(`${space}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/vnd.contentful.management.v1+json', ...headers }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  const start = () => startReady(env);
  const kill = killServe;
  const statusOf = async (id: string) => ((await (await call('GET', `/environments/${id}`)).json()) as { sys: { status: { sys: { id: string } } } }).sys.status.sys.id;
  const totalIn = async (id: string) => ((await (await call('GET', `/environments/${id}/entries?limit=0`)).json()) as { total: number }).total;

  let serve = await start();
  // The content is written by the operations directly (quicker than a thousand requests), into the served database.
  const store = await openStore(options.databaseUrl ? { databaseUrl: options.databaseUrl } : { sqlitePath: `${options.dataDir}/folio.db` });
  try {
    const scope = { spaceId: 'folio', environmentId: 'master' };
    const fields = [defineField('title', 'Symbol', { name: 'Title' }), defineField('body', 'Text', { name: 'Body' })];
    await saveContentType(store, scope, { id: 'bulk', body: { name: 'Bulk', description: null, displayField: 'title', fields } }, systemActor);
    await publishContentType(store, scope, { id: 'bulk' }, systemActor);
    await store.transaction(async (tx) => {
      for (let i = 0; i < entries; i++) {
        await createEntry(tx, scope, { id: `bulk-${i}`, contentTypeId: 'bulk', fields: { title: { 'en-US': `Bulk ${i}` }, body: { 'en-US': `Text of entry ${i}. `.repeat(50) } } }, systemActor);
      }
    });
  } finally {
    await store.close();
  }

  const outcomes = { failed: 0, ready: 0 };
  try {
    for (let round = 0; round < options.rounds; round++) {
      const id = `branch-${round}`;
      const made = await call('PUT', `/environments/${id}`, {}, { name: id });
      expect(made.status).toBe(201);
      await kill(serve);
      serve = await start();
      const status = await statusOf(id);
      expect(status).not.toBe('queued');
      if (status === 'ready') {
        expect(await totalIn(id)).toBe(entries);
        outcomes.ready++;
        continue;
      }
      expect(status).toBe('failed');
      outcomes.failed++;
      // Nothing half-copied is left, and the failed environment can be deleted and made again.
      expect((await call('DELETE', `/environments/${id}`)).status).toBe(204);
      expect((await call('PUT', `/environments/${id}`, {}, { name: id })).status).toBe(201);
      for (let i = 0; i < 600 && (await statusOf(id)) === 'queued'; i++) await new Promise((r) => setTimeout(r, 100));
      expect(await statusOf(id)).toBe('ready');
      expect(await totalIn(id)).toBe(entries);
    }
    return outcomes;
  } finally {
    await kill(serve);
  }
}
