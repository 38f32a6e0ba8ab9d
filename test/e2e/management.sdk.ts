/**
 * The Content Management API driven by the official `contentful-management` client, configured
 * exactly as CONTRACT.md says (which gives v12's default, the plain client). Run on every store
 * (see management.sqlite/.postgres test files).
 */
import * as contentfulManagement from 'contentful-management';
import type { PlainClientAPI } from 'contentful-management';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFolio, type TestFolio } from './folio.js';

const managementToken = 'management-token-for-tests';
const previewToken = 'preview-token-for-tests';
const at = { spaceId: 'folio', environmentId: 'master' };

/** What the client's error carries: it puts Contentful's error JSON (and the status) in `message`. */
export async function failure(p: Promise<unknown>): Promise<{ status: number; sys: string; message: string; details: any }> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e as Error,
  );
  expect(err, 'expected the call to fail').toBeInstanceOf(Error);
  const parsed = JSON.parse(err!.message) as { status: number; message: string; details: unknown };
  return { status: parsed.status, sys: err!.name, message: parsed.message, details: parsed.details };
}

const en = <T>(v: T) => ({ 'en-US': v });

export function describeManagementApi(name: string, env: () => Promise<Record<string, string>>) {
  describe(`Management API with the contentful-management SDK: ${name}`, () => {
    let folio: TestFolio;
    let client: PlainClientAPI;
    let host: string;
    let base: string;

    /** Raw HTTP for what the client never sends (bad bodies, missing headers). */
    const raw = (path: string, init: RequestInit = {}) =>
      fetch(`${base}${path}`, { ...init, headers: { authorization: `Bearer ${managementToken}`, 'content-type': 'application/json', ...(init.headers ?? {}) } });

    beforeAll(async () => {
      folio = await startTestFolio({ FOLIO_MANAGEMENT_TOKEN: managementToken, FOLIO_PREVIEW_TOKEN: previewToken, FOLIO_UPLOAD_LIMIT_MB: '1', ...(await env()) });
      host = new URL(folio.url).host;
      base = `${folio.url}/management/spaces/folio/environments/master`;
      client = contentfulManagement.createClient({ accessToken: managementToken, host, hostUpload: host, insecure: true, basePath: 'management' });
    });
    afterAll(() => folio?.destroy());

    it('reads spaces and environments, with the plain and the legacy client', async () => {
      const space = await client.space.get({ spaceId: 'folio' });
      expect(space.sys).toMatchObject({ type: 'Space', id: 'folio' });
      expect((await client.space.getMany({})).items.map((s) => s.sys.id)).toEqual(['folio']);
      expect((await client.environment.getMany({ spaceId: 'folio' })).items.map((e) => e.sys.id)).toEqual(['master']);
      expect((await client.environment.get(at)).sys).toMatchObject({ type: 'Environment', id: 'master', space: { sys: { id: 'folio' } } });
      expect(await failure(client.space.get({ spaceId: 'nope' }))).toMatchObject({ status: 404, sys: 'NotFound' });
      expect(await failure(client.environment.get({ spaceId: 'folio', environmentId: 'nope' }))).toMatchObject({ status: 404, sys: 'NotFound' });
      const bad = contentfulManagement.createClient({ accessToken: 'wrong-token', host, hostUpload: host, insecure: true, basePath: 'management' });
      expect(await failure(bad.space.get({ spaceId: 'folio' }))).toMatchObject({ status: 401, sys: 'AccessTokenInvalid' });

      const legacy = contentfulManagement.createClient({ accessToken: managementToken, host, hostUpload: host, insecure: true, basePath: 'management' }, { type: 'legacy' });
      const environment = await (await legacy.getSpace('folio')).getEnvironment('master');
      const articles = await environment.getEntries({ content_type: 'article', limit: 2 });
      expect(articles.total).toBe(7);
      expect(articles.items[0]!.isPublished()).toBe(true);
    });

    it('creates, updates, activates, deactivates and deletes content types with version checks', async () => {
      const created = await client.contentType.createWithId({ ...at, contentTypeId: 'note' }, {
        name: 'Note',
        displayField: 'title',
        fields: [
          { id: 'title', name: 'Title', type: 'Symbol', required: true, localized: false, validations: [{ size: { max: 20 } }] },
          { id: 'body', name: 'Body', type: 'Text', required: false, localized: false },
          { id: 'rank', name: 'Rank', type: 'Integer', required: false, localized: false, validations: [{ range: { min: 1, max: 5 } }] },
          {
            id: 'code',
            name: 'Code',
            type: 'Symbol',
            required: false,
            localized: false,
            validations: [{ regexp: { pattern: '^[A-Z]+$' } }, { prohibitRegexp: { pattern: 'BAD' } }, { in: ['ABC', 'XYZ', 'BADX'] }, { unique: true }] as never,
          },
          { id: 'links', name: 'Links', type: 'Array', required: false, localized: false, items: { type: 'Link', linkType: 'Entry', validations: [{ linkContentType: ['note'] }] } },
          { id: 'rich', name: 'Rich', type: 'RichText', required: false, localized: false, validations: [{ enabledNodeTypes: ['heading-2'] }, { enabledMarks: ['bold'] }] as never },
        ],
      });
      expect(created.sys).toMatchObject({ type: 'ContentType', id: 'note', version: 1, createdBy: { sys: { type: 'Link', linkType: 'User' } } });
      expect(created.sys).not.toHaveProperty('publishedVersion');
      const activated = await client.contentType.publish({ ...at, contentTypeId: 'note' }, created);
      expect(activated.sys).toMatchObject({ version: 2, publishedVersion: 1, publishedCounter: 1, publishedAt: expect.any(String), firstPublishedAt: expect.any(String) });
      const updated = await client.contentType.update({ ...at, contentTypeId: 'note' }, { ...activated, description: 'Short notes' });
      expect(updated.sys.version).toBe(3);
      // The stale copy (version 2) loses.
      expect(await failure(client.contentType.update({ ...at, contentTypeId: 'note' }, activated))).toMatchObject({ status: 409, sys: 'VersionMismatch' });
      const noVersion = await raw('/content_types/note', { method: 'PUT', body: JSON.stringify({ name: 'Note', fields: [] }) });
      expect([noVersion.status, (await noVersion.json()).sys.id]).toEqual([409, 'VersionMismatch']);
      const republished = await client.contentType.publish({ ...at, contentTypeId: 'note' }, updated);
      expect(republished.sys).toMatchObject({ publishedVersion: 3, publishedCounter: 2 });

      // A published field keeps its type, and leaves only after being omitted.
      const retyped = { ...republished, fields: republished.fields.map((f) => (f.id === 'body' ? { ...f, type: 'Integer' } : f)) };
      const changed = await failure(client.contentType.update({ ...at, contentTypeId: 'note' }, retyped as never));
      expect(changed).toMatchObject({ status: 422, sys: 'ValidationFailed' });
      expect(JSON.stringify(changed.details)).toContain('body');
      const dropped = { ...republished, fields: republished.fields.filter((f) => f.id !== 'body') };
      expect(await failure(client.contentType.update({ ...at, contentTypeId: 'note' }, dropped))).toMatchObject({ status: 422 });

      const fresh = await client.contentType.get({ ...at, contentTypeId: 'note' });
      expect(fresh.fields.map((f) => f.id)).toEqual(['title', 'body', 'rank', 'code', 'links', 'rich']);
      expect(fresh.fields.find((f) => f.id === 'links')).toMatchObject({ items: { type: 'Link', linkType: 'Entry', validations: [{ linkContentType: ['note'] }] } });
      expect((await client.contentType.getMany({ ...at, query: {} })).items.map((t) => t.sys.id)).toEqual(['article', 'author', 'note', 'topic']);

      const scratch = await client.contentType.create(at, { name: 'Scratch', fields: [{ id: 'x', name: 'X', type: 'Symbol', required: false, localized: false }] });
      expect(scratch.sys.id).toMatch(/^[A-Za-z0-9]{22}$/);
      const id = { ...at, contentTypeId: scratch.sys.id };
      await client.contentType.publish(id, scratch);
      expect(await failure(client.contentType.delete(id))).toMatchObject({ status: 400, sys: 'BadRequest' });
      const inactive = await client.contentType.unpublish(id);
      expect(inactive.sys).not.toHaveProperty('publishedVersion');
      await client.contentType.delete(id);
      expect(await failure(client.contentType.get(id))).toMatchObject({ status: 404 });
      // Types with entries stay.
      expect(await failure(client.contentType.unpublish({ ...at, contentTypeId: 'topic' }))).toMatchObject({ status: 400, sys: 'BadRequest' });
      expect(await failure(client.contentType.delete({ ...at, contentTypeId: 'topic' }))).toMatchObject({ status: 400, sys: 'BadRequest' });
    });

    it('creates, lists, updates, publishes and deletes entries', async () => {
      const entry = await client.entry.create({ ...at, contentTypeId: 'note' }, { fields: { title: en('First note'), rank: en(2) } });
      expect(entry.sys).toMatchObject({ type: 'Entry', version: 1, contentType: { sys: { id: 'note' } }, environment: { sys: { id: 'master' } } });
      expect(entry.sys).not.toHaveProperty('publishedVersion');
      const withId = await client.entry.createWithId({ ...at, contentTypeId: 'note', entryId: 'note-2' }, { fields: { title: en('Second note'), rank: en(4) } });
      expect(withId.sys.id).toBe('note-2');
      expect((await client.entry.get({ ...at, entryId: 'note-2' })).fields.title).toEqual(en('Second note'));

      const ids = async (query: Record<string, unknown>) => (await client.entry.getMany({ ...at, query })).items.map((e) => e.sys.id);
      expect(await ids({ content_type: 'note', order: '-fields.rank' })).toEqual(['note-2', entry.sys.id]);
      expect(await ids({ content_type: 'note', 'fields.rank[lt]': 3 })).toEqual([entry.sys.id]);
      expect((await client.entry.getMany({ ...at, query: { content_type: 'article' } })).total).toBe(7);

      const updated = await client.entry.update({ ...at, entryId: 'note-2' }, { ...withId, fields: { ...withId.fields, body: en('More words') } });
      expect(updated.sys).toMatchObject({ version: 2, updatedBy: { sys: { linkType: 'User' } } });
      expect(await failure(client.entry.update({ ...at, entryId: 'note-2' }, withId))).toMatchObject({ status: 409, sys: 'VersionMismatch' });

      const one = { ...at, entryId: 'note-2' };
      const published = await client.entry.publish(one, updated);
      expect(published.sys).toMatchObject({ version: 3, publishedVersion: 2, publishedCounter: 1, publishedBy: { sys: { type: 'Link', linkType: 'User' } } });
      expect(await failure(client.entry.publish(one, updated))).toMatchObject({ status: 409, sys: 'VersionMismatch' });
      const changed = await client.entry.update(one, { ...published, fields: { ...published.fields, body: en('Changed') } });
      expect(changed.sys).toMatchObject({ version: 4, publishedVersion: 2 });
      const republished = await client.entry.publish(one, changed);
      const unpublished = await client.entry.unpublish(one, republished);
      expect(unpublished.sys).not.toHaveProperty('publishedVersion');
      expect(unpublished.sys.publishedCounter).toBe(2);
      await client.entry.delete(one);
      expect(await failure(client.entry.get(one))).toMatchObject({ status: 404, sys: 'NotFound' });
    });

    it('refuses to publish entries that break validations, with details', async () => {
      const entry = await client.entry.create({ ...at, contentTypeId: 'note' }, {
        fields: {
          title: en('A title far longer than twenty characters'),
          rank: en(9),
          code: en('BADX'),
          links: en([{ sys: { type: 'Link', linkType: 'Entry', id: 'author-folio-editorial-team' } }]),
          rich: en({
            nodeType: 'document',
            data: {},
            content: [{ nodeType: 'heading-1', data: {}, content: [{ nodeType: 'text', value: 'H', marks: [{ type: 'italic' }], data: {} }] }],
          }),
        },
      });
      const err = await failure(client.entry.publish({ ...at, entryId: entry.sys.id }, entry));
      expect(err).toMatchObject({ status: 422, sys: 'ValidationFailed' });
      const names = (err.details.errors as Array<{ name: string; path: string[] }>).map((e) => `${e.name}:${e.path.join('.')}`).sort();
      expect(names).toEqual([
        'enabledMarks:fields.rich.en-US',
        'enabledNodeTypes:fields.rich.en-US',
        'linkContentType:fields.links.en-US',
        'prohibitRegexp:fields.code.en-US',
        'range:fields.rank.en-US',
        'size:fields.title.en-US',
      ]);
      expect(err.details.errors[0]).toMatchObject({ details: expect.any(String), value: expect.anything() });
      const required = await client.entry.create({ ...at, contentTypeId: 'note' }, { fields: { body: en('no title') } });
      const missing = await failure(client.entry.publish({ ...at, entryId: required.sys.id }, required));
      expect(missing.details.errors).toEqual([expect.objectContaining({ name: 'required', path: ['fields', 'title'] })]);
      const first = await client.entry.create({ ...at, contentTypeId: 'note' }, { fields: { title: en('Unique'), code: en('ABC') } });
      await client.entry.publish({ ...at, entryId: first.sys.id }, first);
      const twin = await client.entry.create({ ...at, contentTypeId: 'note' }, { fields: { title: en('Twin'), code: en('ABC') } });
      expect((await failure(client.entry.publish({ ...at, entryId: twin.sys.id }, twin))).details.errors).toEqual([
        expect.objectContaining({ name: 'unique', path: ['fields', 'code', 'en-US'] }),
      ]);
    });

    it('archives and unarchives entries; archived entries cannot be published or edited and leave preview', async () => {
      const one = { ...at, entryId: 'to-archive' };
      const entry = await client.entry.createWithId({ ...one, contentTypeId: 'note' }, { fields: { title: en('Archive me') } });
      const published = await client.entry.publish(one, entry);
      expect(await failure(client.entry.archive(one))).toMatchObject({ status: 400, sys: 'BadRequest' });
      await client.entry.unpublish(one, published);
      const archived = await client.entry.archive(one);
      expect(archived.sys).toMatchObject({ version: 4, archivedVersion: 3, archivedBy: { sys: { linkType: 'User' } }, archivedAt: expect.any(String) });
      expect(await failure(client.entry.publish(one, archived))).toMatchObject({ status: 400, sys: 'BadRequest' });
      expect(await failure(client.entry.update(one, { ...archived, fields: { title: en('Edited') } }))).toMatchObject({ status: 400, sys: 'BadRequest' });
      const preview = (path: string) => fetch(`${folio.url}/preview/spaces/folio/environments/master${path}`, { headers: { authorization: `Bearer ${previewToken}` } });
      expect((await preview('/entries/to-archive')).status).toBe(404);
      expect((await (await preview('/entries?content_type=note&sys.id=to-archive')).json()).total).toBe(0);
      const back = await client.entry.unarchive(one);
      expect(back.sys).not.toHaveProperty('archivedVersion');
      expect(back.sys).not.toHaveProperty('archivedAt');
      expect((await preview('/entries/to-archive')).status).toBe(200);
      await client.entry.publish(one, back);
    });

    it('keeps a snapshot of each publish', async () => {
      const one = { ...at, entryId: 'history' };
      const entry = await client.entry.createWithId({ ...one, contentTypeId: 'note' }, { fields: { title: en('v1') } });
      const first = await client.entry.publish(one, entry);
      const second = await client.entry.update(one, { ...first, fields: { title: en('v2') } });
      await client.entry.publish(one, second);
      const snapshots = await client.snapshot.getManyForEntry(one);
      expect(snapshots.total).toBe(2);
      expect(snapshots.items.map((s) => s.snapshot.fields.title)).toEqual([en('v2'), en('v1')]);
      const oldest = snapshots.items[1]!;
      expect(oldest.sys).toMatchObject({ type: 'Snapshot', snapshotType: 'publish', snapshotEntityType: 'Entry', createdBy: { sys: { linkType: 'User' } } });
      expect(oldest.snapshot.sys).toMatchObject({ id: 'history', publishedVersion: 1, contentType: { sys: { id: 'note' } } });
      const again = await client.snapshot.getForEntry({ ...one, snapshotId: oldest.sys.id });
      expect(again.snapshot.fields.title).toEqual(en('v1'));
      expect(await failure(client.snapshot.getForEntry({ ...one, snapshotId: 'nope' }))).toMatchObject({ status: 404 });
      expect(await failure(client.snapshot.getManyForEntry({ ...at, entryId: 'nope' }))).toMatchObject({ status: 404 });
    });

    it('answers bad input with 4xx, never a 5xx', async () => {
      const cases: Array<[string, RequestInit, number]> = [
        ['/entries', { method: 'POST', body: '{"fields": ', headers: { 'x-contentful-content-type': 'note' } }, 400],
        ['/entries', { method: 'POST', body: '{"fields": {"title": "no locale"}}', headers: { 'x-contentful-content-type': 'note' } }, 422],
        ['/entries', { method: 'POST', body: '{"fields": {"title": {"en-US": 42}}}', headers: { 'x-contentful-content-type': 'note' } }, 422],
        ['/entries', { method: 'POST', body: '{"fields": {}}', headers: { 'x-contentful-content-type': 'ghost' } }, 422],
        ['/entries', { method: 'POST', body: '{"fields": {}}' }, 422],
        ['/entries', { method: 'POST', body: '[1,2]', headers: { 'x-contentful-content-type': 'note' } }, 400],
        ['/entries/x', { method: 'PUT', body: '{"fields": {}}', headers: { 'x-contentful-content-type': 'note', 'x-contentful-version': 'abc' } }, 400],
        ['/entries/bad%20id', { method: 'PUT', body: '{"fields": {}}', headers: { 'x-contentful-content-type': 'note' } }, 400],
        ['/entries?order=fields.nope&content_type=note', {}, 400],
        ['/entries?limit=5000', {}, 400],
        ['/content_types', { method: 'POST', body: '{"name": 5}' }, 422],
        ['/content_types', { method: 'POST', body: '{"name": "X", "fields": [{"id": "a", "name": "A", "type": "Nope"}]}' }, 422],
        ['/content_types', { method: 'POST', body: '{"name": "X", "fields": [{"id": "a", "type": "Symbol", "required": "yes"}]}' }, 422],
        ['/content_types/ghost/published', { method: 'PUT' }, 404],
        ['/entries/ghost/published', { method: 'PUT' }, 404],
      ];
      for (const [path, init, status] of cases) {
        const res = await raw(path, init);
        const body = await res.json();
        expect([path, res.status], JSON.stringify(body)).toEqual([path, status]);
        expect(body.sys.type).toBe('Error');
      }
    });
  });
}
