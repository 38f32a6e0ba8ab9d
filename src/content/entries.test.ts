/** Entry operations against a real SQLite store: validation, publish rules, draft/published split. */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FolioError } from '../errors/index.js';
import { ensureSpace } from '../setup/space.js';
import { defineField as field, openStore } from '../store/index.js';
import type { Store } from '../store/store.js';
import type { ContentTypeBody, Scope } from '../store/types.js';
import { publishContentType, saveContentType } from './content-types.js';
import { createEntry, publishEntry, updateEntry } from './entries.js';
import { resolveLinks } from './links.js';
import { createLocale } from './locales.js';
import { systemActor } from '../auth/index.js';

let dir: string;
let store: Store;
let scope: Scope;


const post: ContentTypeBody = {
  name: 'Post',
  description: null,
  displayField: 'title',
  fields: [
    field('title', 'Symbol', { required: true }),
    field('slug', 'Symbol', { required: true, validations: [{ unique: true }, { regexp: { pattern: '^[a-z0-9-]+$' } }] }),
    field('kind', 'Symbol', { validations: [{ in: ['Article', 'News'] }] }),
    field('views', 'Integer'),
    field('when', 'Date'),
    field('where', 'Location'),
    field('related', 'Array', { items: { type: 'Link', linkType: 'Entry', validations: [{ linkContentType: ['post'] }] } }),
    field('tags', 'Array', { items: { type: 'Symbol' } }),
    field('note', 'Link', { linkType: 'Entry' }),
  ],
};
const note: ContentTypeBody = { name: 'Note', description: null, displayField: 'text', fields: [field('text', 'Text')] };

const en = (v: unknown) => ({ 'en-US': v as never });

async function validationErrors(p: Promise<unknown>): Promise<Array<{ name: string; path: string[] }>> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(FolioError);
  expect((err as FolioError).id).toBe('ValidationFailed');
  return (err as FolioError).details!.errors as Array<{ name: string; path: string[] }>;
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'folio-content-'));
  store = await openStore({ sqlitePath: path.join(dir, 'folio.db') });
  scope = await ensureSpace(store, 'test');
  await saveContentType(store, scope, { id: 'post', body: post }, systemActor);
  await publishContentType(store, scope, { id: 'post' }, systemActor);
  await saveContentType(store, scope, { id: 'note', body: note }, systemActor);
  await publishContentType(store, scope, { id: 'note' }, systemActor);
});
afterAll(async () => {
  await store.close();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('content types', () => {
  it('refuse bad definitions', async () => {
    const bad = { ...post, displayField: 'missing', fields: [field('title', 'Symbol'), field('title', 'Nope' as never)] };
    const errors = await validationErrors(saveContentType(store, scope, { id: 'bad', body: bad }, systemActor));
    expect(errors.length).toBe(3);
    expect(await store.contentTypes.get(scope, 'bad')).toBeUndefined();
  });
});

describe('entries', () => {
  it('refuse values of the wrong type, unknown fields and unknown locales', async () => {
    const errors = await validationErrors(
      createEntry(store, scope, {
        contentTypeId: 'post',
        fields: {
          title: en(42),
          views: en(1.5),
          when: en('yesterday'),
          where: en({ lat: 100, lon: 0 }),
          tags: en(['a', 3]),
          nope: en('x'),
          slug: { 'de-DE': 'x' },
        },
      }, systemActor),
    );
    expect(errors.map((e) => `${e.name}:${e.path.join('.')}`).sort()).toEqual([
      'type:fields.tags.en-US',
      'type:fields.title.en-US',
      'type:fields.views.en-US',
      'type:fields.when.en-US',
      'type:fields.where.en-US',
      'unknown:fields.nope',
      'unknown:fields.slug.de-DE',
    ]);
    expect((await store.entries.list(scope)).total).toBe(0);
  });

  it('refuse an unknown content type', async () => {
    await validationErrors(createEntry(store, scope, { contentTypeId: 'ghost', fields: {} }, systemActor));
  });

  it('allow incomplete drafts but not incomplete publishes', async () => {
    const draft = await createEntry(store, scope, { id: 'p1', contentTypeId: 'post', fields: { title: en('Hello') } }, systemActor);
    expect(draft.sys.version).toBe(1);
    const errors = await validationErrors(publishEntry(store, scope, { id: 'p1' }, systemActor));
    expect(errors).toEqual([expect.objectContaining({ name: 'required', path: ['fields', 'slug'] })]);
    expect(await store.entries.getPublished(scope, 'p1')).toBeUndefined();
  });

  it('check in, regexp and unique on publish', async () => {
    await updateEntry(store, scope, { id: 'p1', fields: { title: en('Hello'), slug: en('Bad Slug'), kind: en('Essay') } }, systemActor);
    const errors = await validationErrors(publishEntry(store, scope, { id: 'p1' }, systemActor));
    expect(errors.map((e) => e.name).sort()).toEqual(['in', 'regexp']);

    await updateEntry(store, scope, { id: 'p1', fields: { title: en('Hello'), slug: en('hello'), kind: en('News') } }, systemActor);
    const published = await publishEntry(store, scope, { id: 'p1' }, systemActor);
    expect(published.sys.publishedVersion).toBe(published.sys.version - 1);

    await createEntry(store, scope, { id: 'p2', contentTypeId: 'post', fields: { title: en('Again'), slug: en('hello') } }, systemActor);
    expect((await validationErrors(publishEntry(store, scope, { id: 'p2' }, systemActor))).map((e) => e.name)).toEqual(['unique']);
    // The same entry republished keeps its own slug.
    await publishEntry(store, scope, { id: 'p1' }, systemActor);
  });

  it('check linked content types on publish', async () => {
    await createEntry(store, scope, { id: 'n1', contentTypeId: 'note', fields: { text: en('a note') } }, systemActor);
    await updateEntry(store, scope, { id: 'p2', fields: {
      title: en('Again'),
      slug: en('again'),
      related: en([{ sys: { type: 'Link', linkType: 'Entry', id: 'n1' } }]),
    } }, systemActor);
    expect((await validationErrors(publishEntry(store, scope, { id: 'p2' }, systemActor))).map((e) => e.name)).toEqual(['linkContentType']);
  });

  it('keep what readers see until the next publish', async () => {
    await updateEntry(store, scope, { id: 'p1', fields: { title: en('Edited'), slug: en('hello') } }, systemActor);
    expect((await store.entries.getPublished(scope, 'p1'))?.fields.title).toEqual(en('Hello'));
    await publishEntry(store, scope, { id: 'p1' }, systemActor);
    expect((await store.entries.getPublished(scope, 'p1'))?.fields.title).toEqual(en('Edited'));
  });

  it('require a required localized field in every locale that is not optional, as Contentful does', async () => {
    const locale = (code: string, optional: boolean) => createLocale(store, scope, { code, name: code, fallbackCode: 'en-US', optional, contentDeliveryApi: true, contentManagementApi: true }, systemActor);
    await locale('fr-FR', false);
    await locale('de-DE', true);
    const card: ContentTypeBody = { name: 'Card', description: null, displayField: 'title', fields: [field('title', 'Symbol', { required: true, localized: true }), field('code', 'Symbol', { required: true })] };
    await saveContentType(store, scope, { id: 'card', body: card }, systemActor);
    await publishContentType(store, scope, { id: 'card' }, systemActor);
    await createEntry(store, scope, { id: 'c1', contentTypeId: 'card', fields: { title: en('Hello'), code: en('x') } }, systemActor);
    const errors = await validationErrors(publishEntry(store, scope, { id: 'c1' }, systemActor));
    // French may not be empty; German is optional; a field that is not localized has only the default locale.
    expect(errors).toEqual([expect.objectContaining({ name: 'required', path: ['fields', 'title', 'fr-FR'], details: 'The property "title" is required here' })]);
    await updateEntry(store, scope, { id: 'c1', fields: { title: { 'en-US': 'Hello', 'fr-FR': 'Bonjour' }, code: en('x') } }, systemActor);
    expect((await publishEntry(store, scope, { id: 'c1' }, systemActor)).sys.publishedVersion).not.toBeNull();
  });
});

describe('resolveLinks', () => {
  it('follows links level by level and only to published items', async () => {
    await updateEntry(store, scope, { id: 'p2', fields: {
      title: en('Again'),
      slug: en('again'),
      related: en([{ sys: { type: 'Link', linkType: 'Entry', id: 'p1' } }]),
      note: en({ sys: { type: 'Link', linkType: 'Entry', id: 'n1' } }),
    } }, systemActor);
    await publishEntry(store, scope, { id: 'p2' }, systemActor);
    const p2 = (await store.entries.getPublished(scope, 'p2'))!;
    const published = await resolveLinks(store, scope, [p2], { depth: 1, published: true });
    expect([...published.entries.keys()].sort()).toEqual(['p1', 'p2']);
    const drafts = await resolveLinks(store, scope, [p2], { depth: 1, published: false });
    expect([...drafts.entries.keys()].sort()).toEqual(['n1', 'p1', 'p2']);
  });

  it('reads each level with one batched query per link type, however many entries link (no N+1)', async () => {
    const link = (id: string) => ({ sys: { type: 'Link', linkType: 'Entry', id } });
    // Chains post → post → note, for 100 roots: 300 entries, three levels.
    for (let i = 0; i < 100; i++) {
      await createEntry(store, scope, { id: `nn${i}`, contentTypeId: 'note', fields: { text: en(`note ${i}`) } }, systemActor);
      await publishEntry(store, scope, { id: `nn${i}` }, systemActor);
      await createEntry(store, scope, { id: `mid${i}`, contentTypeId: 'post', fields: { title: en(`mid ${i}`), slug: en(`mid-${i}`), note: en(link(`nn${i}`)) } }, systemActor);
      await publishEntry(store, scope, { id: `mid${i}` }, systemActor);
      await createEntry(store, scope, { id: `root${i}`, contentTypeId: 'post', fields: { title: en(`root ${i}`), slug: en(`root-${i}`), related: en([link(`mid${i}`)]) } }, systemActor);
      await publishEntry(store, scope, { id: `root${i}` }, systemActor);
    }
    const counted = async (roots: number, depth: number) => {
      const calls = { entries: 0, assets: 0 };
      const entries = store.entries.listPublished.bind(store.entries);
      const assets = store.assets.listPublished.bind(store.assets);
      const spy = {
        ...store,
        entries: { ...store.entries, listPublished: (...args: Parameters<typeof entries>) => (calls.entries++, entries(...args)) },
        assets: { ...store.assets, listPublished: (...args: Parameters<typeof assets>) => (calls.assets++, assets(...args)) },
      } as Store;
      const ids = Array.from({ length: roots }, (_, i) => `root${i}`);
      const rootEntries = (await store.entries.listPublished(scope, { where: [{ op: 'in', sys: 'id', values: ids }], limit: 1000 })).items;
      const found = await resolveLinks(spy, scope, rootEntries, { depth, published: true });
      return { calls, found: found.entries.size };
    };
    const ten = await counted(10, 10);
    const hundred = await counted(100, 10);
    expect(hundred.found).toBe(300);
    expect(ten.found).toBe(30);
    // Two levels have links (root → mid → note); the third finds none and stops.
    expect(hundred.calls).toEqual(ten.calls);
    expect(hundred.calls.entries).toBeLessThanOrEqual(3);
  });
});
