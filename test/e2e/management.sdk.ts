/**
 * The Content Management API driven by the official `contentful-management` client, configured
 * exactly as CONTRACT.md says (which gives v12's default, the plain client). Run on every store
 * (see management.sqlite/.postgres test files).
 */
import * as contentfulManagement from 'contentful-management';
import type { PlainClientAPI } from 'contentful-management';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFolio, type TestFolio } from './folio.js';

const managementToken = 'management-token-for-tests';
const previewToken = 'preview-token-for-tests';
const deliveryToken = 'delivery-token-for-tests';
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
const arrayBuffer = (b: Buffer) => new Uint8Array(b).buffer;

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
      folio = await startTestFolio({ FOLIO_MANAGEMENT_TOKEN: managementToken, FOLIO_PREVIEW_TOKEN: previewToken, FOLIO_DELIVERY_TOKEN: deliveryToken, FOLIO_UPLOAD_LIMIT_MB: '1', ...(await env()) });
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

    it('renames the space with a version check, and the Delivery API shows the new name', async () => {
      const space = await client.space.get({ spaceId: 'folio' });
      const renamed = await client.space.update({ spaceId: 'folio' }, { ...space, name: 'Renamed space' });
      expect([renamed.name, renamed.sys.version]).toEqual(['Renamed space', space.sys.version + 1]);
      expect(await failure(client.space.update({ spaceId: 'folio' }, { ...space, name: 'Stale' }))).toMatchObject({ status: 409, sys: 'VersionMismatch' });
      expect(await failure(client.space.update({ spaceId: 'folio' }, { ...renamed, name: '' }))).toMatchObject({ status: 422, sys: 'ValidationFailed' });
      const delivered = await fetch(`${folio.url}/delivery/spaces/folio?access_token=${deliveryToken}`);
      expect(((await delivered.json()) as { name: string }).name).toBe('Renamed space');
      const back = await client.space.update({ spaceId: 'folio' }, { ...renamed, name: space.name });
      expect(back.name).toBe(space.name);
    });

    it('answers every 404 with Contentful\'s details: type, id, environment, space', async () => {
      const details = async (path: string) => ((await (await raw(path)).json()) as { details?: unknown }).details;
      expect(await details('/entries/nope')).toEqual({ type: 'Entry', id: 'nope', environment: 'master', space: 'folio' });
      expect(await details('/bulk_actions/actions/fakeId')).toEqual({ type: 'BulkAction', id: 'fakeId', environment: 'master', space: 'folio' });
      const hook = await fetch(`${folio.url}/management/spaces/folio/webhook_definitions/nope`, { headers: { authorization: `Bearer ${managementToken}` } });
      expect([hook.status, ((await hook.json()) as { details: unknown }).details]).toEqual([404, { type: 'WebhookDefinition', id: 'nope', space: 'folio' }]);
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
      const patched = await client.entry.patch({ ...one, version: 2 }, [
        { op: 'replace', path: '/fields/body/en-US', value: 'Patched words' },
        { op: 'add', path: '/fields/code', value: { 'en-US': 'XYZ' } },
      ]);
      expect(patched.fields).toMatchObject({ body: en('Patched words'), code: en('XYZ'), title: en('Second note') });
      expect(patched.sys.version).toBe(3);
      expect(await failure(client.entry.patch({ ...one, version: 2 }, [{ op: 'remove', path: '/fields/code' }]))).toMatchObject({ status: 409 });
      expect(await failure(client.entry.patch({ ...one, version: 3 }, [{ op: 'remove', path: '/fields/nope' }]))).toMatchObject({ status: 422 });
      expect(await failure(client.entry.patch({ ...one, version: 3 }, [{ op: 'test', path: '/fields/code/en-US', value: 'ABC' }]))).toMatchObject({ status: 422 });
      const restored = await client.entry.patch({ ...one, version: 3 }, [{ op: 'remove', path: '/fields/code' }, { op: 'replace', path: '/fields/body/en-US', value: 'More words' }]);
      const published = await client.entry.publish(one, restored);
      expect(published.sys).toMatchObject({ version: 5, publishedVersion: 4, publishedCounter: 1, publishedBy: { sys: { type: 'Link', linkType: 'User' } } });
      expect(await failure(client.entry.publish(one, updated))).toMatchObject({ status: 409, sys: 'VersionMismatch' });
      const changed = await client.entry.update(one, { ...published, fields: { ...published.fields, body: en('Changed') } });
      expect(changed.sys).toMatchObject({ version: 6, publishedVersion: 4 });
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


    it('checks asset link rules and date ranges on publish, and removes fields the Contentful way', async () => {
      const link = (id: string) => ({ sys: { type: 'Link', linkType: 'Asset', id } });
      const type = await client.contentType.createWithId({ ...at, contentTypeId: 'gallery' }, {
        name: 'Gallery',
        fields: [
          { id: 'picture', name: 'Picture', type: 'Link', linkType: 'Asset', required: false, localized: false, validations: [{ linkMimetypeGroup: ['image'] }, { assetFileSize: { max: 100 } }, { assetImageDimensions: { width: { max: 1000 } } }] as never },
          { id: 'doc', name: 'Doc', type: 'Link', linkType: 'Asset', required: false, localized: false, validations: [{ linkMimetypeGroup: ['pdfdocument'] }] as never },
          { id: 'when', name: 'When', type: 'Date', required: false, localized: false, validations: [{ dateRange: { min: '2020-01-01', max: '2020-12-31' } }] as never },
          { id: 'old', name: 'Old', type: 'Symbol', required: false, localized: false },
        ],
      });
      const active = await client.contentType.publish({ ...at, contentTypeId: 'gallery' }, type);
      const image = 'image-what-does-a-devops-engineer-do';
      const entry = await client.entry.create({ ...at, contentTypeId: 'gallery' }, { fields: { picture: en(link(image)), doc: en(link(image)), when: en('2021-06-01') } });
      const err = await failure(client.entry.publish({ ...at, entryId: entry.sys.id }, entry));
      expect((err.details.errors as Array<{ name: string; path: string[] }>).map((e) => `${e.name}:${e.path.join('.')}`).sort()).toEqual([
        'assetFileSize:fields.picture.en-US',
        'assetImageDimensions:fields.picture.en-US',
        'dateRange:fields.when.en-US',
        'linkMimetypeGroup:fields.doc.en-US',
      ]);

      // A field goes in two steps: omitted (and activated), then deleted.
      const omitted = await client.contentType.update({ ...at, contentTypeId: 'gallery' }, { ...active, fields: active.fields.map((f) => (f.id === 'old' ? { ...f, omitted: true } : f)) });
      const activeAgain = await client.contentType.publish({ ...at, contentTypeId: 'gallery' }, omitted);
      const deleted = await client.contentType.update({ ...at, contentTypeId: 'gallery' }, { ...activeAgain, fields: activeAgain.fields.map((f) => (f.id === 'old' ? { ...f, deleted: true } : f)) } as never);
      expect(deleted.fields.map((f) => f.id)).toEqual(['picture', 'doc', 'when']);
      await client.contentType.publish({ ...at, contentTypeId: 'gallery' }, deleted);
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

      const typeSnapshots = await client.snapshot.getManyForContentType({ ...at, contentTypeId: 'note' });
      expect(typeSnapshots.items.length).toBeGreaterThanOrEqual(2);
      expect(typeSnapshots.items[0]!.sys.snapshotEntityType).toBe('ContentType');
      expect(typeSnapshots.items[0]!.snapshot).toMatchObject({ name: 'Note', sys: { type: 'ContentType', id: 'note' } });
      const typeSnapshot = await client.snapshot.getForContentType({ ...at, contentTypeId: 'note', snapshotId: typeSnapshots.items[0]!.sys.id });
      expect(typeSnapshot.sys.id).toBe(typeSnapshots.items[0]!.sys.id);
    });


    /** Every stored object (not temp files), to see exactly what an upload left behind. */
    const storedObjects = async () =>
      (await readdir(path.join(folio.dataDir, 'files'), { recursive: true, withFileTypes: true }))
        .filter((e) => e.isFile() && !e.parentPath.includes('.tmp'))
        .map((e) => e.name)
        .sort();

    it('uploads a real image, processes it into an asset and serves it', async () => {
      const image = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#3366cc' } }).png().toBuffer();
      const upload = await client.upload.create(at, { file: arrayBuffer(image) });
      expect(upload.sys).toMatchObject({ type: 'Upload', id: expect.any(String), expiresAt: expect.any(String) });
      expect((await client.upload.get({ ...at, uploadId: upload.sys.id })).sys.id).toBe(upload.sys.id);

      const created = await client.asset.create(at, {
        fields: {
          title: en('Blue'),
          description: en('A blue rectangle'),
          file: en({ fileName: 'blue.png', contentType: 'image/png', uploadFrom: { sys: { type: 'Link', linkType: 'Upload', id: upload.sys.id } } }),
        },
      });
      expect(created.fields.file['en-US']).not.toHaveProperty('url');
      const processed = await client.asset.processForAllLocales(at, created);
      const file = processed.fields.file['en-US']!;
      expect(file.url).toMatch(/^\/\/localhost:\d+\/images\/folio\/[A-Za-z0-9]+\/[0-9a-f]{32}\/blue\.png$/);
      expect(file.details).toMatchObject({ size: image.length, image: { width: 640, height: 480, thumbhash: expect.any(String), dominantColor: expect.stringMatching(/^#[0-9a-f]{6}$/) } });
      const served = await fetch(`http:${file.url}`);
      expect(served.status).toBe(200);
      expect(Buffer.from(await served.arrayBuffer())).toEqual(image);

      // Details come from what Folio stored; only the focal point is the client's to set.
      const one = { ...at, assetId: processed.sys.id };
      const tampered = { ...file, details: { size: 1, image: { width: 9999, height: 1, focalPoint: { x: 0.25, y: 0.75 } } } };
      const updated = await client.asset.update(one, { ...processed, fields: { ...processed.fields, file: en(tampered) } } as never);
      expect(updated.fields.file['en-US']!.details).toMatchObject({ size: image.length, image: { width: 640, height: 480, focalPoint: { x: 0.25, y: 0.75 } } });
      // A focal point changes crops, so the image URL (cached as immutable) changes with it.
      const focused = updated.fields.file['en-US']!;
      expect(focused.url).not.toBe(file.url);
      expect((await fetch(`http:${file.url}`)).status).toBe(404);
      const roundTrip = await client.asset.update(one, updated);
      expect(roundTrip.fields.file['en-US']!.url).toBe(focused.url);
      const outside = { ...file, details: { image: { focalPoint: { x: 2, y: 0 } } } };
      expect(await failure(client.asset.update(one, { ...roundTrip, fields: { ...roundTrip.fields, file: en(outside) } } as never))).toMatchObject({ status: 422 });
      const foreign = { ...file, url: '//elsewhere.example/images/x/y/0123456789abcdef0123456789abcdef/blue.png' };
      expect(await failure(client.asset.update(one, { ...roundTrip, fields: { ...roundTrip.fields, file: en(foreign) } } as never))).toMatchObject({ status: 422 });
      expect(await failure(client.asset.update(one, processed))).toMatchObject({ status: 409, sys: 'VersionMismatch' });

      const published = await client.asset.publish(one, roundTrip);
      expect(published.sys).toMatchObject({ publishedVersion: roundTrip.sys.version, publishedBy: { sys: { linkType: 'User' } } });
      const unpublished = await client.asset.unpublish(one);
      expect(unpublished.sys).not.toHaveProperty('publishedVersion');
      const archived = await client.asset.archive(one);
      expect(archived.sys.archivedVersion).toBe(unpublished.sys.version);
      expect(await failure(client.asset.publish(one, archived))).toMatchObject({ status: 400 });
      await client.asset.unarchive(one);
      expect((await client.asset.getMany({ ...at, query: { 'sys.id': one.assetId } })).items.map((a) => a.sys.id)).toEqual([one.assetId]);

      // The upload can go; the asset keeps its bytes.
      await client.upload.delete({ ...at, uploadId: upload.sys.id });
      expect(await failure(client.upload.get({ ...at, uploadId: upload.sys.id }))).toMatchObject({ status: 404 });
      expect((await fetch(`http:${focused.url}`)).status).toBe(200);
      await client.asset.delete(one);
      expect(await failure(client.asset.get(one))).toMatchObject({ status: 404 });
    });

    it('creates assets from files in one call, and from upload URLs of this Folio only', async () => {
      const text = Buffer.from('plain words');
      const asset = await client.asset.createFromFiles(at, {
        fields: { title: en('Notes'), description: en(''), file: en({ fileName: 'notes.txt', contentType: 'text/plain', file: text }) },
      } as never);
      const done = await client.asset.processForLocale(at, asset, 'en-US');
      expect(done.fields.file['en-US']).toMatchObject({ contentType: 'text/plain', details: { size: text.length }, url: expect.stringContaining('/files/folio/') });

      const spaceUpload = await fetch(`${folio.url}/management/spaces/folio/uploads`, {
        method: 'POST',
        body: text,
        headers: { authorization: `Bearer ${managementToken}`, 'content-type': 'application/octet-stream' },
      });
      expect(spaceUpload.status).toBe(201);
      const { sys } = (await spaceUpload.json()) as { sys: { id: string } };
      const byUrl = await client.asset.create(at, {
        fields: { title: en('By URL'), file: en({ fileName: 'n.txt', contentType: 'text/plain', upload: `${folio.url}/management/spaces/folio/uploads/${sys.id}` }) },
      } as never);
      expect((await client.asset.processForAllLocales(at, byUrl)).fields.file['en-US']!.url).toBeDefined();
      const elsewhere = await failure(
        client.asset.create(at, { fields: { title: en('Remote'), file: en({ fileName: 'r.png', contentType: 'image/png', upload: 'http://10.1.2.3/r.png' }) } } as never),
      );
      expect(elsewhere).toMatchObject({ status: 422, sys: 'ValidationFailed' });
      // Files named by URL are fetched under the webhooks' outbound rules: no private addresses.
      expect(elsewhere.message).toContain('does not fetch');
      expect(elsewhere.details.errors[0].path).toEqual(['fields', 'file', 'en-US', 'upload']);
    });

    it('refuses uploads over the limit, images that do not decode and types their bytes contradict; nothing is stored', async () => {
      const before = await storedObjects();
      const tooBig = await failure(client.upload.create(at, { file: arrayBuffer(Buffer.alloc(1536 * 1024, 7)) }));
      expect(tooBig.status).toBe(413);
      expect(tooBig.message).toContain('1 MB');
      expect(await storedObjects()).toEqual(before);

      const fake = await client.upload.create(at, { file: arrayBuffer(Buffer.from('not a png at all')) });
      const asset = await client.asset.create(at, {
        fields: { title: en('Fake'), file: en({ fileName: 'fake.png', contentType: 'image/png', uploadFrom: { sys: { type: 'Link', linkType: 'Upload', id: fake.sys.id } } }) },
      });
      const refused = await failure(client.asset.processForAllLocales(at, asset));
      expect(refused).toMatchObject({ status: 422, sys: 'ValidationFailed' });
      expect((await client.asset.get({ ...at, assetId: asset.sys.id })).fields.file['en-US']).not.toHaveProperty('url');
      expect(await failure(client.asset.publish({ ...at, assetId: asset.sys.id }, asset))).toMatchObject({ status: 422 });

      // Any type of file is accepted, but it must be a media type, and the bytes must be what it says.
      const untyped = await failure(
        client.asset.create(at, { fields: { file: en({ fileName: 'x.ico', contentType: 'icon', uploadFrom: { sys: { type: 'Link', linkType: 'Upload', id: fake.sys.id } } }) } } as never),
      );
      expect(untyped).toMatchObject({ status: 422 });
      const icon = await client.asset.create(at, { fields: { file: en({ fileName: 'x.ico', contentType: 'image/x-icon', uploadFrom: { sys: { type: 'Link', linkType: 'Upload', id: fake.sys.id } } }) } } as never);
      expect(await failure(client.asset.processForAllLocales(at, icon))).toMatchObject({ status: 422, sys: 'ValidationFailed' });
      const json = await raw('/uploads', { method: 'POST', body: '{"file": "x"}' });
      expect(json.status).toBe(400);
      await client.upload.delete({ ...at, uploadId: fake.sys.id });
    });

    it("refuses to publish an article whose featured image has no alt text", async () => {
      const image = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#aa3300' } }).jpeg().toBuffer();
      const upload = await client.upload.create(at, { file: arrayBuffer(image) });
      const bare = await client.asset.create(at, {
        fields: { title: en('No alt'), file: en({ fileName: 'a.jpg', contentType: 'image/jpeg', uploadFrom: { sys: { type: 'Link', linkType: 'Upload', id: upload.sys.id } } }) },
      });
      const asset = await client.asset.processForAllLocales(at, bare);
      // The asset itself is refused too, by the rule every door shares (the editor, the scheduler).
      const refused = await failure(client.asset.publish({ ...at, assetId: bare.sys.id }, asset));
      expect(refused).toMatchObject({ status: 422, sys: 'ValidationFailed' });
      expect(refused.details.errors).toEqual([expect.objectContaining({ name: 'altText', path: ['fields', 'description', 'en-US'] })]);
      const [article] = (await client.entry.getMany({ ...at, query: { content_type: 'article', limit: 1, order: 'sys.id' } })).items;
      const one = { ...at, entryId: article!.sys.id };
      const linked = await client.entry.update(one, { ...article!, fields: { ...article!.fields, featuredImage: en({ sys: { type: 'Link', linkType: 'Asset', id: asset.sys.id } }) } });
      const err = await failure(client.entry.publish(one, linked));
      expect(err).toMatchObject({ status: 422, sys: 'ValidationFailed' });
      expect(err.details.errors).toEqual([expect.objectContaining({ name: 'altText', path: ['fields', 'featuredImage', 'en-US'] })]);
      const described = await client.asset.update({ ...at, assetId: asset.sys.id }, { ...asset, fields: { ...asset.fields, description: en('A red square') } });
      await client.asset.publish({ ...at, assetId: asset.sys.id }, described);
      expect((await client.entry.publish(one, linked)).sys.publishedVersion).toBe(linked.sys.version);
    });


    it('publishes and unpublishes chosen locales, as contentful-management 12 asks for them', async () => {
      const de = await client.locale.create(at, { name: 'German', code: 'de-DE', fallbackCode: 'en-US', optional: true, contentDeliveryApi: true, contentManagementApi: true });
      const type = await client.contentType.createWithId({ ...at, contentTypeId: 'greeting' }, { name: 'Greeting', displayField: 'text', fields: [{ id: 'text', name: 'Text', type: 'Symbol', localized: true, required: true }] });
      await client.contentType.publish({ ...at, contentTypeId: 'greeting' }, type);
      const one = { ...at, entryId: 'greeting-1' };
      const draft = await client.entry.createWithId({ ...one, contentTypeId: 'greeting' }, { fields: { text: { 'en-US': 'Hello', 'de-DE': 'Hallo' } } });
      const delivered = async () => (await (await fetch(`${folio.url}/delivery/spaces/folio/entries/greeting-1?locale=*&access_token=${deliveryToken}`)).json()).fields?.text;

      const english = await client.entry.publish({ ...one, locales: ['en-US'] } as never, draft);
      expect(await delivered()).toEqual({ 'en-US': 'Hello' });
      const edited = await client.entry.update(one, { ...english, fields: { text: { 'en-US': 'Hello again', 'de-DE': 'Guten Tag' } } });
      const german = await client.entry.publish({ ...one, locales: ['de-DE'] } as never, edited);
      // The English draft change stays unpublished; German goes live.
      expect(await delivered()).toEqual({ 'en-US': 'Hello', 'de-DE': 'Guten Tag' });
      const withoutGerman = await client.entry.unpublish({ ...one, locales: ['de-DE'] } as never, german);
      expect(withoutGerman.sys.publishedVersion).toBeDefined();
      expect(await delivered()).toEqual({ 'en-US': 'Hello' });
      expect(await failure(client.entry.publish({ ...one, locales: ['xx-XX'] } as never, withoutGerman))).toMatchObject({ status: 422 });

      await client.entry.unpublish(one, withoutGerman);
      await client.entry.delete(one);
      const cleared = await client.contentType.unpublish({ ...at, contentTypeId: 'greeting' });
      await client.contentType.delete({ ...at, contentTypeId: cleared.sys.id });
      await client.locale.delete({ ...at, localeId: de.sys.id });
    });

    it('creates, updates and deletes locales; fallbacks never loop and the default stays', async () => {
      const initial = await client.locale.getMany({ ...at, query: {} });
      expect(initial.items.map((l) => [l.code, l.default])).toEqual([['en-US', true]]);
      const de = await client.locale.create(at, { name: 'German', code: 'de-DE', fallbackCode: 'en-US', optional: true, contentDeliveryApi: true, contentManagementApi: true });
      expect(de).toMatchObject({ code: 'de-DE', fallbackCode: 'en-US', default: false, sys: { type: 'Locale', version: 1 } });
      const fr = await client.locale.create(at, { name: 'French', code: 'fr-FR', fallbackCode: 'de-DE', optional: true } as never);
      const deId = { ...at, localeId: de.sys.id };
      const loop = await failure(client.locale.update(deId, { ...de, fallbackCode: 'fr-FR' }));
      expect(loop).toMatchObject({ status: 422, sys: 'ValidationFailed' });
      expect(loop.message).toContain('loop');
      const renamed = await client.locale.update(deId, { ...de, name: 'Deutsch' });
      expect(renamed).toMatchObject({ name: 'Deutsch', sys: { version: 2 } });
      expect(await failure(client.locale.update(deId, { ...de, name: 'Stale' }))).toMatchObject({ status: 409 });
      expect(await failure(client.locale.update(deId, { ...renamed, code: 'de-AT' }))).toMatchObject({ status: 422 });
      const en = initial.items[0]!;
      expect(await failure(client.locale.delete({ ...at, localeId: en.sys.id }))).toMatchObject({ status: 422 });
      expect(await failure(client.locale.delete(deId))).toMatchObject({ status: 422 }); // fr-FR falls back to it

      const asset = await client.asset.create(at, { fields: { title: { 'fr-FR': 'Bonjour' } } } as never);
      const frId = { ...at, localeId: fr.sys.id };
      expect((await failure(client.locale.delete(frId))).message).toContain('fr-FR');
      await client.asset.delete({ ...at, assetId: asset.sys.id });
      await client.locale.delete(frId);
      await client.locale.delete(deId);
      expect((await client.locale.getMany({ ...at, query: {} })).items.map((l) => l.code)).toEqual(['en-US']);
    });

    it('creates delivery keys with paired preview keys, shows tokens once and revokes them', async () => {
      const created = await client.apiKey.create({ spaceId: 'folio' }, { name: 'Website', environments: [{ sys: { type: 'Link', linkType: 'Environment', id: 'master' } }] } as never);
      expect(created).toMatchObject({ name: 'Website', accessToken: expect.stringMatching(/^[\w-]{43}$/), preview_api_key: { sys: { type: 'Link', linkType: 'PreviewApiKey' } } });
      const previewToken = (created as unknown as { previewAccessToken: string }).previewAccessToken;
      const read = (api: string, token: string) => fetch(`${folio.url}/${api}/spaces/folio/environments/master/entries?limit=1`, { headers: { authorization: `Bearer ${token}` } });
      expect((await read('delivery', created.accessToken)).status).toBe(200);
      expect((await read('preview', previewToken)).status).toBe(200);

      const fetched = await client.apiKey.get({ spaceId: 'folio', apiKeyId: created.sys.id });
      expect(fetched).not.toHaveProperty('accessToken');
      const preview = await client.previewApiKey.get({ spaceId: 'folio', previewApiKeyId: created.preview_api_key.sys.id });
      expect(preview.sys).toMatchObject({ type: 'PreviewApiKey', id: created.preview_api_key.sys.id });
      expect((await client.apiKey.getMany({ spaceId: 'folio', query: {} })).items.map((k) => k.name)).toContain('Website');
      const renamed = await client.apiKey.update({ spaceId: 'folio', apiKeyId: created.sys.id }, { ...fetched, name: 'Site' });
      expect(renamed).toMatchObject({ name: 'Site', sys: { version: 2 } });
      expect(await failure(client.apiKey.update({ spaceId: 'folio', apiKeyId: created.sys.id }, fetched))).toMatchObject({ status: 409 });
      expect(await failure(client.apiKey.create({ spaceId: 'folio' }, { name: 'Bad', environments: [{ sys: { type: 'Link', linkType: 'Environment', id: 'nope' } }] } as never))).toMatchObject({ status: 422 });

      await client.apiKey.delete({ spaceId: 'folio', apiKeyId: created.sys.id });
      expect((await read('delivery', created.accessToken)).status).toBe(401);
      expect((await read('preview', previewToken)).status).toBe(401);
      expect(await failure(client.apiKey.get({ spaceId: 'folio', apiKeyId: created.sys.id }))).toMatchObject({ status: 404 });
    });

    it('manages tags, tags entries and assets, and the Delivery API shows public tags only', async () => {
      const tagAt = (tagId: string) => ({ ...at, tagId });
      const tagLink = (id: string) => ({ sys: { type: 'Link', linkType: 'Tag', id } }) as const;
      // Public tags made here show on the Delivery API; private ones never do.
      const deliveredTags = async () =>
        ((await (await fetch(`${folio.url}/delivery/spaces/folio/environments/master/tags?access_token=${deliveryToken}`)).json()).items as Array<{ name: string }>).map((t) => t.name);
      expect(await deliveredTags()).toEqual([]);
      const featured = await client.tag.createWithId(tagAt('featured'), { name: 'Featured', sys: { visibility: 'public' } });
      expect(featured).toMatchObject({ name: 'Featured', sys: { type: 'Tag', id: 'featured', visibility: 'public', version: 1, environment: { sys: { id: 'master' } } } });
      const staff = await client.tag.createWithId(tagAt('staff'), { name: 'Staff', sys: { visibility: 'private' } });
      expect(staff.sys.visibility).toBe('private');
      // No visibility at all: private, as in Contentful.
      const plain = await raw('/tags/plain', { method: 'PUT', body: JSON.stringify({ name: 'Plain' }) });
      expect([plain.status, (await plain.json()).sys.visibility]).toEqual([201, 'private']);
      expect(await failure(client.tag.createWithId(tagAt('other'), { name: 'Featured', sys: { visibility: 'public' } }))).toMatchObject({ status: 422 });
      expect(await failure(client.tag.createWithId(tagAt('odd'), { name: 'Odd', sys: { visibility: 'secret' as never } }))).toMatchObject({ status: 422 });

      const names = async (query: Record<string, unknown>) => (await client.tag.getMany({ ...at, query })).items.map((t) => t.name);
      expect(await names({})).toEqual(['Featured', 'Plain', 'Staff']);
      expect(await deliveredTags()).toEqual(['Featured']);
      expect(await names({ limit: 1, skip: 1 })).toEqual(['Plain']);
      expect(await names({ 'sys.id[in]': 'staff,featured' })).toEqual(['Featured', 'Staff']);
      expect((await client.tag.get(tagAt('staff'))).name).toBe('Staff');
      expect(await failure(client.tag.get(tagAt('ghost')))).toMatchObject({ status: 404, sys: 'NotFound' });

      const renamed = await client.tag.update(tagAt('staff'), { ...staff, name: 'Staff only' });
      expect(renamed).toMatchObject({ name: 'Staff only', sys: { version: 2, visibility: 'private' } });
      expect(await failure(client.tag.update(tagAt('staff'), { ...staff, name: 'Stale' }))).toMatchObject({ status: 409, sys: 'VersionMismatch' });

      const entry = await client.entry.create({ ...at, contentTypeId: 'note' }, { fields: { title: en('Tagged note') } });
      expect(entry.metadata).toEqual({ tags: [], concepts: [] });
      const featuredOnly = await client.entry.update({ ...at, entryId: entry.sys.id }, { ...entry, metadata: { tags: [tagLink('featured')] } });
      expect(featuredOnly.metadata?.tags).toEqual([tagLink('featured')]);
      const tagged = await client.entry.patch({ ...at, entryId: entry.sys.id, version: featuredOnly.sys.version }, [{ op: 'add', path: '/metadata/tags/-', value: tagLink('staff') }]);
      expect(tagged.metadata?.tags.map((t) => t.sys.id)).toEqual(['featured', 'staff']);
      // A PUT without metadata keeps the tags.
      const kept = await raw(`/entries/${entry.sys.id}`, { method: 'PUT', body: JSON.stringify({ fields: { title: en('Tagged note!') } }), headers: { 'x-contentful-version': String(tagged.sys.version) } });
      const keptBody = await kept.json();
      expect([kept.status, keptBody.metadata.tags.map((t: { sys: { id: string } }) => t.sys.id)]).toEqual([200, ['featured', 'staff']]);
      const published = await client.entry.publish({ ...at, entryId: entry.sys.id }, keptBody);

      const delivered = await fetch(`${folio.url}/delivery/spaces/folio/environments/master/entries?metadata.tags.sys.id[in]=featured&access_token=${deliveryToken}`);
      const page = await delivered.json();
      expect(page.items.map((e: { sys: { id: string } }) => e.sys.id)).toEqual([entry.sys.id]);
      expect(page.items[0].metadata.tags).toEqual([tagLink('featured')]);

      const unknown = await failure(client.entry.update({ ...at, entryId: entry.sys.id }, { ...published, metadata: { tags: [tagLink('ghost')] } }));
      expect(unknown).toMatchObject({ status: 422, sys: 'ValidationFailed' });
      expect(unknown.details.errors[0]).toMatchObject({ name: 'notResolvable', path: ['metadata', 'tags'] });

      const asset = await client.asset.create(at, { fields: { title: en('Tagged asset') }, metadata: { tags: [tagLink('plain')] } } as never);
      expect(asset.metadata?.tags).toEqual([tagLink('plain')]);
      expect(await failure(client.tag.delete({ ...tagAt('plain'), version: 1 }))).toMatchObject({ status: 400 });
      await client.asset.delete({ ...at, assetId: asset.sys.id });
      await client.tag.delete({ ...tagAt('plain'), version: 1 });

      // In use by the draft and the published entry: refused until both let go.
      expect(await failure(client.tag.delete({ ...tagAt('featured'), version: 1 }))).toMatchObject({ status: 400, sys: 'BadRequest' });
      const untagged = await client.entry.update({ ...at, entryId: entry.sys.id }, { ...published, metadata: { tags: [] } });
      expect(untagged.metadata?.tags).toEqual([]);
      expect(await failure(client.tag.delete({ ...tagAt('featured'), version: 1 }))).toMatchObject({ status: 400 });
      await client.entry.unpublish({ ...at, entryId: entry.sys.id });
      expect(await failure(client.tag.delete({ ...tagAt('staff'), version: 1 }))).toMatchObject({ status: 409 });
      const gone = await raw('/tags/featured', { method: 'DELETE', headers: { 'x-contentful-version': '1' } });
      expect(gone.status).toBe(204);
      await client.tag.delete({ ...tagAt('staff'), version: 2 });
      expect(await names({})).toEqual([]);
      expect(await deliveredTags()).toEqual([]);
      await client.entry.delete({ ...at, entryId: entry.sys.id });
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
        ['/content_types', { method: 'POST', body: '{"name": "X", "fields": [{"id": "a", "type": "Symbol", "validations": [{"regexp": {"pattern": "("}}]}]}' }, 422],
        ['/content_types', { method: 'POST', body: '{"name": "X", "fields": [{"id": "a", "type": "Symbol", "validations": [{"regexp": {"pattern": "a", "flags": "zz"}}]}]}' }, 422],
        ['/content_types/ghost/published', { method: 'PUT' }, 404],
        ['/entries/ghost/published', { method: 'PUT' }, 404],
        ['/entries/ghost/archived', { method: 'PUT' }, 404],
        ['/entries/ghost/snapshots', {}, 404],
        ['/assets', { method: 'POST', body: '{"fields": {"file": "x"}}' }, 422],
        ['/assets', { method: 'POST', body: '{"fields": {"file": {"en-US": {"fileName": "a.png"}}}}' }, 422],
        ['/assets', { method: 'POST', body: '{"fields": {"file": {"en-US": {"fileName": "a", "contentType": "text/plain", "uploadFrom": {"sys": {"id": 3}}}}}}' }, 422],
        ['/assets', { method: 'POST', body: '{"fields": {"colour": {"en-US": "red"}}}' }, 422],
        ['/assets', { method: 'POST', body: '{"fields": {"title": {"xx-XX": "t"}}}' }, 422],
        ['/assets/ghost/files/en-US/process', { method: 'PUT' }, 404],
        ['/assets?limit=-1', {}, 400],
        ['/uploads/ghost', {}, 404],
        ['/locales', { method: 'POST', body: '{"name": "X", "code": "not a code"}' }, 422],
        ['/locales', { method: 'POST', body: '{"name": "X", "code": "de-CH", "fallbackCode": "zz-ZZ"}' }, 422],
        ['/locales', { method: 'POST', body: '{"name": "X", "code": "en-US"}' }, 422],
        ['/locales/ghost', { method: 'PUT', body: '{"name": "X"}', headers: { 'x-contentful-version': '1' } }, 404],
        ['/content_types/note', { method: 'PUT', body: 'null', headers: { 'x-contentful-version': '1' } }, 400],
        ['/tags/t1', { method: 'PUT', body: '{"name": ""}' }, 422],
        ['/tags/bad%20id', { method: 'PUT', body: '{"name": "X"}' }, 400],
        ['/tags/contentful.x', { method: 'PUT', body: '{"name": "X"}' }, 422],
        ['/tags?limit=5000', {}, 400],
        ['/tags?sys.visibility=secret', {}, 400],
        ['/tags/ghost', { method: 'DELETE', headers: { 'x-contentful-version': '1' } }, 404],
        ['/entries', { method: 'POST', body: '{"fields": {}, "metadata": {"tags": ["x"]}}', headers: { 'x-contentful-content-type': 'note' } }, 422],
        ['/entries', { method: 'POST', body: '{"fields": {}, "metadata": {"tags": [], "concepts": [{"sys": {"id": "c"}}]}}', headers: { 'x-contentful-content-type': 'note' } }, 422],
        ['/assets', { method: 'POST', body: '{"fields": {}, "metadata": "tags"}' }, 422],
      ];
      const keys = await fetch(`${folio.url}/management/spaces/folio/api_keys`, {
        method: 'POST',
        body: '{"name": ""}',
        headers: { authorization: `Bearer ${managementToken}`, 'content-type': 'application/json' },
      });
      expect(keys.status).toBe(422);
      for (const [path, init, status] of cases) {
        const res = await raw(path, init);
        const body = await res.json();
        expect([path, res.status], JSON.stringify(body)).toEqual([path, status]);
        expect(body.sys.type).toBe('Error');
      }
    });
  });
}
