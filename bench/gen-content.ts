/**
 * npm run gen:content -- N [prefix] — adds N published articles to the instance the environment
 * names (FOLIO_DATA_DIR or DATABASE_URL, as `folio serve` reads them), as Folio itself acting.
 * Each is a copy of the first published article with its title, slug and publish date varied.
 * On SQLite one article per batch of 2,000 goes through the content operations and the others
 * copy its rows (clone-articles.ts); on PostgreSQL, or with GEN_OPERATIONS_ONLY=1, every one goes
 * through the operations (about 30 statements each). Start the instance once first, so the demo
 * is there.
 * Ids are `<prefix>-<i>`: run it again with another prefix (default `gen`) to add more.
 */
import { pathToFileURL } from 'node:url';
import { systemActor } from '../src/auth/index.js';
import { loadConfig } from '../src/config/index.js';
import { createEntry, publishEntry } from '../src/content/index.js';
import { openStore, type Store } from '../src/store/index.js';
import type { Scope } from '../src/store/types.js';
import { cloneArticles, type Clone } from './clone-articles.js';

/** Articles per transaction: one commit (one fsync on SQLite) per batch instead of per article. */
const batch = 200;
/** Articles per batch on the fast path: one seed made by the operations, the rest copied from it. */
const cloneBatch = 2000;

/** The i-th generated article's id and varied fields. */
function article(prefix: string, i: number): Clone {
  const day = String((i % 28) + 1).padStart(2, '0');
  const month = String((i % 12) + 1).padStart(2, '0');
  return {
    id: `${prefix.toLowerCase()}-${i}`,
    title: `${prefix} article ${i}`,
    slug: `${prefix.toLowerCase()}-article-${i}`,
    publishDate: `20${10 + (i % 10)}-${month}-${day}`,
  };
}

/**
 * Adds `count` published articles. With `sqliteFile` (the store's own file), each batch's first
 * article goes through the operations and the others are copies of its rows (clone-articles.ts);
 * without, every article goes through the operations (PostgreSQL, or to measure them).
 */
export async function generateArticles(
  store: Store,
  scope: Scope,
  count: number,
  prefix: string,
  progress?: (done: number) => void,
  sqliteFile?: string,
): Promise<void> {
  const template = (await store.entries.listPublished(scope, { contentTypeId: 'article', limit: 1 })).items[0];
  if (!template) throw new Error('no published article to copy: start Folio once first so the demo content is loaded');
  const make = async (tx: Store, i: number) => {
    const { id, title, slug, publishDate } = article(prefix, i);
    const fields = { ...template.fields, title: { 'en-US': title }, slug: { 'en-US': slug }, publishDate: { 'en-US': publishDate } };
    await createEntry(tx, scope, { id, contentTypeId: 'article', fields }, systemActor);
    await publishEntry(tx, scope, { id }, systemActor);
  };
  const size = sqliteFile ? cloneBatch : batch;
  for (let from = 0; from < count; from += size) {
    const to = Math.min(count, from + size);
    if (sqliteFile) {
      await make(store, from);
      const clones = Array.from({ length: to - from - 1 }, (_, k) => article(prefix, from + 1 + k));
      if (clones.length) cloneArticles(sqliteFile, scope, article(prefix, from).id, clones);
    } else {
      await store.transaction(async (tx) => {
        for (let i = from; i < to; i++) await make(tx, i);
      });
    }
    progress?.(to);
  }
}

async function main() {
  const count = Number(process.argv[2]);
  const prefix = process.argv[3] ?? 'gen';
  if (!Number.isInteger(count) || count < 1) throw new Error('usage: npm run gen:content -- N [prefix]   (N published articles)');
  if (!/^[A-Za-z][A-Za-z0-9]{0,15}$/.test(prefix)) throw new Error('prefix: letters and digits, up to 16');
  const config = loadConfig(process.env);
  const store = await openStore({ databaseUrl: config.databaseUrl, sqlitePath: config.sqlitePath });
  const started = performance.now();
  try {
    const fast = config.databaseUrl === undefined && process.env.GEN_OPERATIONS_ONLY !== '1';
    await generateArticles(store, { spaceId: config.spaceId, environmentId: 'master' }, count, prefix, (done) => process.stderr.write(`\r${done} of ${count}`), fast ? config.sqlitePath : undefined);
  } finally {
    await store.close();
  }
  console.error(`\n${count} published articles added in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
