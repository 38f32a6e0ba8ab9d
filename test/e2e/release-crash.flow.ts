/**
 * A release publish under kill -9, shared by the SQLite and PostgreSQL files: a real `folio serve`
 * publishes (then unpublishes …) a release of 120 entries and is killed with
 * SIGKILL, every other round the moment the release action is seen `inProgress` in the database,
 * in the others just after it answered. While it runs,
 * a reader of the Delivery API and of the database sees 0 or all 120 entries published, never
 * a part; after the restart the entries are all published or none, and no action is left
 * `inProgress`: one the dead server was running is `failed` with Contentful's error shape, and
 * nothing of it was applied; a publish that committed is `succeeded`.
 */
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { expect } from 'vitest';
import { killServe, startReady } from '../support/serve-process.js';
import { freePort } from './folio.js';

const tokens = { management: 'release-crash-management', delivery: 'release-crash-delivery' };
const count = 120;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Peek {
  /** Status of every ReleaseAction, by id. */
  actions(): Promise<Map<string, string>>;
  /** How many entries of the type are published. */
  published(): Promise<number>;
  close(): Promise<void>;
}

function peekSqlite(file: string): Peek {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  return {
    actions: async () => new Map((db.prepare(`SELECT id, body FROM documents WHERE kind = 'ReleaseAction'`).all() as Array<{ id: string; body: string }>).map((r) => [r.id, JSON.parse(r.body).status as string])),
    published: async () => (db.prepare(`SELECT count(*) AS n FROM published WHERE kind = 'Entry' AND content_type_id = 'crash'`).get() as { n: number }).n,
    close: async () => void db.close(),
  };
}

async function peekPostgres(url: string): Promise<Peek> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    actions: async () => new Map((await client.query<{ id: string; body: string }>(`SELECT id, body FROM documents WHERE kind = 'ReleaseAction'`)).rows.map((r) => [r.id, JSON.parse(r.body).status as string])),
    published: async () => Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM published WHERE kind = 'Entry' AND content_type_id = 'crash'`)).rows[0]!.n),
    close: () => client.end(),
  };
}

export async function releaseCrashRounds(options: { dataDir: string; databaseUrl?: string; rounds: number }) {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const env = {
    FOLIO_DATA_DIR: options.dataDir,
    PORT: String(port),
    FOLIO_MANAGEMENT_TOKEN: tokens.management,
    FOLIO_DELIVERY_TOKEN: tokens.delivery,
    FOLIO_DEMO: '0',
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
  };
  const api = `${origin}/management/spaces/folio/environments/master`;
  const call = async (method: string, url: string, init: { version?: number; body?: unknown; contentType?: string } = {}) => {
    const res = await fetch(url, {
      method,
      headers: {
        authorization: `Bearer ${tokens.management}`,
        'content-type': 'application/vnd.contentful.management.v1+json',
        ...(init.version !== undefined ? { 'x-contentful-version': String(init.version) } : {}),
        ...(init.contentType ? { 'x-contentful-content-type': init.contentType } : {}),
      },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : {}) as { sys: { id: string; version: number; status?: string }; error?: { sys: { id: string } } };
  };
  const start = () => startReady(env);
  const kill = killServe;
  /** What a reader of the Delivery API sees: how many of the entries are published. */
  const delivered = async () => {
    const res = await fetch(`${origin}/delivery/spaces/folio/environments/master/entries?content_type=crash&limit=0`, { headers: { authorization: `Bearer ${tokens.delivery}` } }).catch(() => undefined);
    return res?.ok ? ((await res.json()) as { total: number }).total : undefined;
  };

  let serve = await start();
  const peek = options.databaseUrl ? await peekPostgres(options.databaseUrl) : peekSqlite(path.join(options.dataDir, 'folio.db'));
  const outcomes = { interrupted: 0, succeeded: 0, seenByReaders: new Set<number>() };
  try {
    const type = await call('PUT', `${api}/content_types/crash`, { body: { name: 'Crash', displayField: 'title', fields: [{ id: 'title', name: 'Title', type: 'Symbol', required: true }, { id: 'body', name: 'Body', type: 'Text' }] } });
    await call('PUT', `${api}/content_types/crash/published`, { version: type.sys.version });
    const ids = Array.from({ length: count }, (_, i) => `crash-${i}`);
    for (let i = 0; i < ids.length; i += 20) {
      await Promise.all(ids.slice(i, i + 20).map((id) => call('PUT', `${api}/entries/${id}`, { contentType: 'crash', body: { fields: { title: { 'en-US': id }, body: { 'en-US': `Body of ${id} `.repeat(40) } } } })));
    }
    const release = await call('POST', `${api}/releases`, { body: { title: 'Crash', entities: { sys: { type: 'Array' }, items: ids.map((id) => ({ sys: { type: 'Link', linkType: 'Entry', id } })) } } });

    for (let round = 0; round < options.rounds; round++) {
      if (process.env.FOLIO_TEST_PROGRESS) console.error(`release crash: round ${round} at ${new Date().toISOString()}`);
      const before = new Set((await peek.actions()).keys());
      const current = await call('GET', `${api}/releases/${release.sys.id}`);
      // Publish, or (after a round that published) unpublish, and kill -9 as soon as the action runs.
      const published = (await peek.published()) === count;
      const request = fetch(`${api}/releases/${release.sys.id}/published`, {
        method: published ? 'DELETE' : 'PUT',
        headers: { authorization: `Bearer ${tokens.management}`, 'x-contentful-version': String(current.sys.version) },
      }).catch(() => undefined);
      let readers = true;
      const reading = (async () => {
        while (readers) {
          const seen = [await delivered(), await peek.published()];
          for (const n of seen) if (n !== undefined) outcomes.seenByReaders.add(n);
          await sleep(2);
        }
      })();
      // Odd rounds let the action finish (and answer) before the kill; even ones kill it mid-run.
      if (round % 2 === 1) await request;
      let running: string | undefined;
      for (let i = 0; i < 5000 && !running && round % 2 === 0; i++) {
        running = [...(await peek.actions())].find(([id, status]) => !before.has(id) && status === 'inProgress')?.[0];
        if (!running) await sleep(1);
      }
      await kill(serve);
      readers = false;
      await Promise.all([request, reading]);
      const afterKill = await peek.published();
      expect([0, count]).toContain(afterKill);

      serve = await start();
      const total = await delivered();
      expect([0, count]).toContain(total);
      expect(await peek.published()).toBe(afterKill);
      const actions = await peek.actions();
      // Nothing is left running once a server has started.
      expect([...actions.values()].filter((s) => s === 'inProgress')).toEqual([]);
      const mine = [...actions.keys()].filter((id) => !before.has(id));
      for (const id of mine) {
        const action = await call('GET', `${api}/releases/${release.sys.id}/actions/${id}`);
        if (action.sys.status === 'failed') {
          // Interrupted: nothing of it applied.
          expect(action.error!.sys.id).toBe('ActionInterrupted');
          expect(afterKill).toBe(published ? count : 0);
          outcomes.interrupted++;
        } else {
          expect(action.sys.status).toBe('succeeded');
          expect(afterKill).toBe(published ? 0 : count);
          outcomes.succeeded++;
        }
      }
    }
    console.log(`release crash rounds: ${JSON.stringify({ ...outcomes, seenByReaders: [...outcomes.seenByReaders] })}`);
    // Both ends were met: a publish killed mid-run, and one that committed; readers saw only whole states.
    expect(outcomes.interrupted).toBeGreaterThan(0);
    expect(outcomes.succeeded).toBeGreaterThan(0);
    expect([...outcomes.seenByReaders].sort((a, b) => a - b)).toEqual([0, count]);
  } finally {
    await peek.close();
    await kill(serve);
  }
}
