/** The content version kept in memory: this process's commits heard at once, other processes' by polling. */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { useTempDir } from '../../test/support/tmp.js';
import { ContentVersion } from './content-version.js';
import { openStore, type Store } from './index.js';

const dir = useTempDir('folio-content-version-');
const scope = { spaceId: 'folio', environmentId: 'master' };
let store: Store | undefined;
let version: ContentVersion | undefined;
afterEach(async () => {
  version?.close();
  await store?.close();
});

async function open(file: string) {
  store = await openStore({ sqlitePath: file });
  await store.spaces.create({ id: 'folio', name: 'Folio', defaultLocale: 'en-US' });
  await store.environments.create('folio', { id: 'master', name: 'master' });
  return store;
}

/** Moves the counter as another process would: on its own connection, no Store in this process. */
function writeElsewhere(file: string) {
  const db = new Database(file);
  try {
    db.prepare("UPDATE counters SET value = value + 1 WHERE name = 'changes'").run();
  } finally {
    db.close();
  }
}

describe('ContentVersion', () => {
  it('reads the store once, then again only after a commit that moved the counter', async () => {
    const s = await open(path.join(dir(), 'a.db'));
    let reads = 0;
    const latest = s.changes.latest.bind(s.changes);
    s.changes.latest = () => {
      reads++;
      return latest();
    };
    version = new ContentVersion(s, { pollMs: 0 });
    const first = await version.current();
    expect(version.current()).toBe(first);
    expect(reads).toBe(1);
    await s.locales.create(scope, { code: 'de-DE', name: 'German', default: false, fallbackCode: null, optional: true, contentDeliveryApi: true, contentManagementApi: true });
    expect(await version.current()).toBeGreaterThan(first);
    expect(reads).toBe(2);
  });

  it('finds another process\u2019s commit by polling, and tells its listeners', async () => {
    const file = path.join(dir(), 'b.db');
    const s = await open(file);
    version = new ContentVersion(s, { pollMs: 20 });
    const first = await version.current();
    const moved = new Promise<number>((resolve) => version!.onChange(resolve));
    writeElsewhere(file);
    expect(await moved).toBe(first + 1);
    expect(version.current()).toBe(first + 1);
  });
});
