/**
 * The Management API families the official `contentful-management` client offers beyond the
 * everyday ones (editor interfaces, published collections, references, bulk actions …), driven
 * by that client (plain and legacy), error cases included. Run on every store (see
 * management.sqlite/.postgres test files).
 */
import * as contentfulManagement from 'contentful-management';
import type { PlainClientAPI } from 'contentful-management';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { startTestFolio, type TestFolio } from './folio.js';
import { failure } from './management.sdk.js';

const managementToken = 'management-token-for-family-tests';
const at = { spaceId: 'folio', environmentId: 'master' };

export function describeManagementFamilies(name: string, env: () => Promise<Record<string, string>>) {
  describe(`Management API families with the contentful-management SDK: ${name}`, () => {
    let folio: TestFolio;
    let client: PlainClientAPI;
    let host: string;
    let base: string;

    const raw = (path: string, init: RequestInit = {}) =>
      fetch(`${base}${path}`, { ...init, headers: { authorization: `Bearer ${managementToken}`, 'content-type': 'application/json', ...(init.headers ?? {}) } });

    beforeAll(async () => {
      folio = await startTestFolio({ FOLIO_MANAGEMENT_TOKEN: managementToken, ...(await env()) });
      host = new URL(folio.url).host;
      base = `${folio.url}/management/spaces/folio/environments/master`;
      client = contentfulManagement.createClient({ accessToken: managementToken, host, hostUpload: host, insecure: true, basePath: 'management' });
    });
    afterAll(() => folio?.destroy());

    it('gives every content type an editor interface with Contentful’s default widgets, versioned', async () => {
      const ct = { ...at, contentTypeId: 'widgets' };
      await client.contentType.createWithId(ct, {
        name: 'Widgets',
        displayField: 'summary',
        fields: [
          { id: 'title', name: 'Title', type: 'Symbol', required: false, localized: false },
          { id: 'summary', name: 'Summary', type: 'Text', required: false, localized: false },
          { id: 'body', name: 'Body', type: 'Text', required: false, localized: false },
          { id: 'rich', name: 'Rich', type: 'RichText', required: false, localized: false },
          { id: 'count', name: 'Count', type: 'Integer', required: false, localized: false },
          { id: 'ratio', name: 'Ratio', type: 'Number', required: false, localized: false },
          { id: 'day', name: 'Day', type: 'Date', required: false, localized: false },
          { id: 'flag', name: 'Flag', type: 'Boolean', required: false, localized: false },
          { id: 'place', name: 'Place', type: 'Location', required: false, localized: false },
          { id: 'data', name: 'Data', type: 'Object', required: false, localized: false },
          { id: 'author', name: 'Author', type: 'Link', linkType: 'Entry', required: false, localized: false },
          { id: 'image', name: 'Image', type: 'Link', linkType: 'Asset', required: false, localized: false },
          { id: 'related', name: 'Related', type: 'Array', items: { type: 'Link', linkType: 'Entry', validations: [] }, required: false, localized: false },
          { id: 'gallery', name: 'Gallery', type: 'Array', items: { type: 'Link', linkType: 'Asset', validations: [] }, required: false, localized: false },
          { id: 'keywords', name: 'Keywords', type: 'Array', items: { type: 'Symbol', validations: [] }, required: false, localized: false },
          { id: 'kind', name: 'Kind', type: 'Symbol', required: false, localized: false, validations: [{ in: ['a', 'b'] }] },
        ],
      });
      const made = await client.editorInterface.get(ct);
      expect(made.sys).toMatchObject({ id: 'default', type: 'EditorInterface', version: 1, contentType: { sys: { type: 'Link', linkType: 'ContentType', id: 'widgets' } } });
      expect(Object.fromEntries(made.controls!.map((c) => [c.fieldId, c.widgetId]))).toEqual({
        title: 'singleLine',
        summary: 'singleLine',
        body: 'markdown',
        rich: 'richTextEditor',
        count: 'numberEditor',
        ratio: 'numberEditor',
        day: 'datePicker',
        flag: 'boolean',
        place: 'locationEditor',
        data: 'objectEditor',
        author: 'entryLinkEditor',
        image: 'assetLinkEditor',
        related: 'entryLinksEditor',
        gallery: 'assetLinksEditor',
        keywords: 'tagEditor',
        kind: 'dropdown',
      });
      expect(made.controls!.every((c) => c.widgetNamespace === 'builtin')).toBe(true);

      const controls = made.controls!.map((c) => (c.fieldId === 'body' ? { ...c, widgetId: 'multipleLine', settings: { helpText: 'Keep it short' } } : c));
      const sidebar = [{ widgetId: 'publication-widget', widgetNamespace: 'sidebar-builtin' }];
      const editorLayout = [{ groupId: 'main', name: 'Main', items: [{ fieldId: 'title' }] }];
      const groupControls = [{ groupId: 'main', widgetId: 'topLevelTab', widgetNamespace: 'builtin' }];
      const updated = await client.editorInterface.update(ct, { ...made, controls, sidebar, editorLayout, groupControls } as never);
      expect(updated.sys.version).toBe(2);
      expect(updated.controls!.find((c) => c.fieldId === 'body')).toEqual({ fieldId: 'body', widgetId: 'multipleLine', widgetNamespace: 'builtin', settings: { helpText: 'Keep it short' } });
      expect(updated).toMatchObject({ sidebar, editorLayout, groupControls });
      // A stale copy loses; a PUT without the version is refused.
      expect(await failure(client.editorInterface.update(ct, made))).toMatchObject({ status: 409, sys: 'VersionMismatch' });
      const noVersion = await raw('/content_types/widgets/editor_interface', { method: 'PUT', body: JSON.stringify({ controls: [] }) });
      expect([noVersion.status, (await noVersion.json()).sys.id]).toEqual([409, 'VersionMismatch']);
      const bad = await raw('/content_types/widgets/editor_interface', { method: 'PUT', headers: { 'x-contentful-version': '2' }, body: JSON.stringify({ controls: [{ widgetId: 'x' }] }) });
      expect([bad.status, (await bad.json()).details.errors[0].path]).toEqual([422, ['controls', 0, 'fieldId']]);
      const hostile = await raw('/content_types/widgets/editor_interface', {
        method: 'PUT',
        headers: { 'x-contentful-version': '2' },
        body: '{"controls":[{"fieldId":"title","settings":{"__proto__":{"polluted":true}}}]}',
      });
      expect(hostile.status).toBe(422);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();

      // A field added to the type gets a default control; the chosen ones stay.
      const type = await client.contentType.get(ct);
      await client.contentType.update(ct, { ...type, fields: [...type.fields, { id: 'extra', name: 'Extra', type: 'Boolean', required: false, localized: false }] });
      const grown = await client.editorInterface.get(ct);
      expect(grown.sys.version).toBe(3);
      expect(grown.controls!.find((c) => c.fieldId === 'body')!.widgetId).toBe('multipleLine');
      expect(grown.controls!.at(-1)).toEqual({ fieldId: 'extra', widgetId: 'boolean', widgetNamespace: 'builtin' });

      // The environment's list holds one per content type, demo types included (made on first read).
      const all = await client.editorInterface.getMany(at);
      expect(all.items.map((e) => e.sys.contentType.sys.id).sort()).toEqual(['article', 'author', 'topic', 'widgets']);
      const article = all.items.find((e) => e.sys.contentType.sys.id === 'article')!;
      expect(article.controls!.find((c) => c.fieldId === 'body')!.widgetId).toBe('richTextEditor');

      // The legacy client's methods, and 404 for a type that does not exist.
      const legacy = contentfulManagement.createClient({ accessToken: managementToken, host, hostUpload: host, insecure: true, basePath: 'management' }, { type: 'legacy' });
      const environment = await (await legacy.getSpace('folio')).getEnvironment('master');
      const viaType = await (await environment.getContentType('widgets')).getEditorInterface();
      viaType.controls![0]!.settings = { helpText: 'The title' };
      expect((await viaType.update()).sys.version).toBe(4);
      expect((await environment.getEditorInterfaceForContentType('widgets')).controls![0]!.settings).toEqual({ helpText: 'The title' });
      expect(await failure(client.editorInterface.get({ ...at, contentTypeId: 'nope' }))).toMatchObject({ status: 404, sys: 'NotFound' });

      // Deleting the type deletes its interface.
      await client.contentType.delete(ct);
      expect(await failure(client.editorInterface.get(ct))).toMatchObject({ status: 404, sys: 'NotFound' });
      expect((await client.editorInterface.getMany(at)).items).toHaveLength(3);
    });

    it('lists published entries and assets (public collections) with the /entries query language and cursor paging', async () => {
      const legacy = contentfulManagement.createClient({ accessToken: managementToken, host, hostUpload: host, insecure: true, basePath: 'management' }, { type: 'legacy' });
      const environment = await (await legacy.getSpace('folio')).getEnvironment('master');
      const published = await client.entry.getPublished({ ...at, query: { content_type: 'article', order: 'sys.id' } });
      expect(published.total).toBe(7);
      expect(published.items.every((e) => typeof e.sys.publishedVersion === 'number')).toBe(true);
      const first = published.items[0]!;

      // A draft change stays out of the published collection; a draft-only entry is absent.
      const draft = await client.entry.get({ ...at, entryId: first.sys.id });
      await client.entry.update({ ...at, entryId: first.sys.id }, { ...draft, fields: { ...draft.fields, title: { 'en-US': 'Draft title' } } });
      const unpublishedOnly = await client.entry.create({ ...at, contentTypeId: 'topic' }, { fields: { name: { 'en-US': 'Draft topic' }, slug: { 'en-US': 'draft-topic' } } });
      const again = await client.entry.getPublished({ ...at, query: { 'sys.id': first.sys.id } });
      expect(again.items.map((e) => e.fields.title)).toEqual([first.fields.title]);
      expect((await client.entry.get({ ...at, entryId: first.sys.id })).fields.title).toEqual({ 'en-US': 'Draft title' });
      expect((await client.entry.getPublished({ ...at, query: { 'sys.id': unpublishedOnly.sys.id } })).total).toBe(0);
      expect((await client.entry.getMany({ ...at, query: { 'sys.id': unpublishedOnly.sys.id } })).total).toBe(1);
      // The query language of /entries: field filters, select, order.
      const slug = (first.fields.slug as Record<string, string>)['en-US']!;
      const bySlug = await client.entry.getPublished({ ...at, query: { content_type: 'article', 'fields.slug': slug, select: 'sys.id,fields.slug' } });
      expect(bySlug.items).toHaveLength(1);
      expect(Object.keys(bySlug.items[0]!.fields)).toEqual(['slug']);
      expect(await failure(client.entry.getPublished({ ...at, query: { content_type: 'nope' } }))).toMatchObject({ status: 400, sys: 'InvalidQuery' });

      // Cursor paging walks the whole collection once, forwards and back.
      const seen: string[] = [];
      let page = await environment.getPublishedEntriesWithCursor({ content_type: 'article', order: 'sys.id', limit: 3 });
      seen.push(...page.items.map((e) => e.sys.id));
      while (page.pages?.next) {
        page = await environment.getPublishedEntriesWithCursor({ content_type: 'article', order: 'sys.id', limit: 3, pageNext: page.pages.next });
        seen.push(...page.items.map((e) => e.sys.id));
      }
      expect(seen).toEqual(published.items.map((e) => e.sys.id));
      const back = await environment.getPublishedEntriesWithCursor({ content_type: 'article', order: 'sys.id', limit: 3, pagePrev: page.pages!.prev! });
      expect(back.items.map((e) => e.sys.id)).toEqual(seen.slice(3, 6));
      const drafts = await client.entry.getManyWithCursor({ ...at, query: { content_type: 'article', order: 'sys.id', limit: 5 } as never });
      expect([drafts.items.length, typeof drafts.pages?.next]).toEqual([5, 'string']);
      const types = await client.contentType.getManyWithCursor({ ...at, query: { limit: 2 } });
      expect(types.items.map((t) => t.sys.id)).toEqual(['article', 'author']);
      const forged = await raw(`/public/entries?cursor=true&pageNext=${Buffer.from('skip:-1').toString('base64url')}`);
      expect([forged.status, (await forged.json()).sys.id]).toEqual([400, 'InvalidQuery']);
      expect((await raw('/public/entries?cursor=true&skip=3')).status).toBe(400);

      // Assets: a draft-only asset is absent, the published ones carry their file.
      const assets = await client.asset.getPublished({ ...at, query: {} });
      expect(assets.total).toBeGreaterThan(0);
      expect(assets.items.every((a) => typeof a.sys.publishedVersion === 'number' && !!a.fields.file)).toBe(true);
      const draftAsset = await client.asset.create(at, { fields: { title: { 'en-US': 'Draft only' } } as never });
      expect((await client.asset.getPublished({ ...at, query: { 'sys.id': draftAsset.sys.id } })).total).toBe(0);
      const assetPage = await environment.getPublishedAssetsWithCursor({ limit: 1 });
      expect(assetPage.items).toHaveLength(1);
      expect(await failure(client.entry.getPublished({ spaceId: 'folio', environmentId: 'nope', query: {} }))).toMatchObject({ status: 404, sys: 'NotFound' });
    });

    it('answers an entry’s references to the depth asked (include), drafts included', async () => {
      const ct = { ...at, contentTypeId: 'chain' };
      const type = await client.contentType.createWithId(ct, {
        name: 'Chain',
        displayField: 'name',
        fields: [
          { id: 'name', name: 'Name', type: 'Symbol', required: false, localized: false },
          { id: 'next', name: 'Next', type: 'Link', linkType: 'Entry', required: false, localized: false },
          { id: 'pics', name: 'Pics', type: 'Array', items: { type: 'Link', linkType: 'Asset', validations: [] }, required: false, localized: false },
        ],
      });
      await client.contentType.publish(ct, type);
      const asset = (await client.asset.getPublished({ ...at, query: { limit: 1 } })).items[0]!;
      const entryLink = (id: string) => ({ 'en-US': { sys: { type: 'Link', linkType: 'Entry', id } } });
      await client.entry.createWithId({ ...ct, entryId: 'chain-c' }, { fields: { name: { 'en-US': 'C' } } });
      await client.entry.createWithId({ ...ct, entryId: 'chain-b' }, { fields: { name: { 'en-US': 'B' }, next: entryLink('chain-c') } });
      await client.entry.createWithId({ ...ct, entryId: 'chain-a' }, {
        fields: { name: { 'en-US': 'A' }, next: entryLink('chain-b'), pics: { 'en-US': [{ sys: { type: 'Link', linkType: 'Asset', id: asset.sys.id } }] } },
      });
      const one = await client.entry.references({ ...at, entryId: 'chain-a', include: 1 });
      expect(one.items.map((e) => e.sys.id)).toEqual(['chain-a']);
      expect(one.includes!.Entry!.map((e) => e.sys.id)).toEqual(['chain-b']);
      expect(one.includes!.Asset!.map((a) => a.sys.id)).toEqual([asset.sys.id]);
      const two = await client.entry.references({ ...at, entryId: 'chain-a', include: 2 });
      expect(two.includes!.Entry!.map((e) => e.sys.id).sort()).toEqual(['chain-b', 'chain-c']);
      expect(two.includes!.Entry![0]!.sys.type).toBe('Entry');
      // The legacy client's entry.references() asks with its default depth.
      const legacy = contentfulManagement.createClient({ accessToken: managementToken, host, hostUpload: host, insecure: true, basePath: 'management' }, { type: 'legacy' });
      const environment = await (await legacy.getSpace('folio')).getEnvironment('master');
      const viaEntry = (await (await environment.getEntry('chain-b')).references({ include: 1 })) as unknown as { includes?: { Entry?: Array<{ sys: { id: string } }> } };
      expect(viaEntry.includes!.Entry!.map((e: { sys: { id: string } }) => e.sys.id)).toEqual(['chain-c']);
      expect(await failure(client.entry.references({ ...at, entryId: 'nope', include: 1 }))).toMatchObject({ status: 404, sys: 'NotFound' });
      expect(await failure(client.entry.references({ ...at, entryId: 'chain-a', include: 11 }))).toMatchObject({ status: 400, sys: 'InvalidQuery' });
    });

    it('creates at a chosen id with a PUT and no version for every createWithId the client offers', async () => {
      const key = await client.apiKey.createWithId({ spaceId: 'folio', apiKeyId: 'site-key' }, { name: 'Site', environments: [{ sys: { type: 'Link', linkType: 'Environment', id: 'master' } }] } as never);
      expect(key.sys.id).toBe('site-key');
      expect(key.accessToken).toMatch(/.{20,}/);
      expect((await client.apiKey.get({ spaceId: 'folio', apiKeyId: 'site-key' })).name).toBe('Site');
      // The id is now taken: a second PUT is an update and needs the version.
      expect(await failure(client.apiKey.createWithId({ spaceId: 'folio', apiKeyId: 'site-key' }, { name: 'Again', environments: [] } as never))).toMatchObject({ status: 409, sys: 'VersionMismatch' });

      const made = await Promise.all([
        client.contentType.createWithId({ ...at, contentTypeId: 'withid' }, { name: 'With id', fields: [{ id: 'title', name: 'Title', type: 'Symbol', required: false, localized: false }] }),
        client.tag.createWithId({ ...at, tagId: 'withid' }, { name: 'With id', sys: { visibility: 'public' } } as never),
        client.asset.createWithId({ ...at, assetId: 'withid' }, { fields: { title: { 'en-US': 'With id' } } as never }),
      ]);
      expect(made.map((m) => m.sys.id)).toEqual(['withid', 'withid', 'withid']);
      const legacy = contentfulManagement.createClient({ accessToken: managementToken, host, hostUpload: host, insecure: true, basePath: 'management' }, { type: 'legacy' });
      const space = await legacy.getSpace('folio');
      expect((await space.createWebhookWithId('withid', { name: 'With id', url: 'https://example.com/hook', topics: ['Entry.publish'] } as never)).sys.id).toBe('withid');
      const legacyKey = await space.createApiKeyWithId('legacy-key', { name: 'Legacy', environments: [{ sys: { type: 'Link', linkType: 'Environment', id: 'master' } }] } as never);
      expect(legacyKey.sys.id).toBe('legacy-key');
      await client.contentType.publish({ ...at, contentTypeId: 'withid' }, made[0] as never);
      const entry = await client.entry.createWithId({ ...at, contentTypeId: 'withid', entryId: 'withid' }, { fields: { title: { 'en-US': 'With id' } } });
      expect(entry.sys.id).toBe('withid');
    });

    it('runs bulk actions (v1 and v2) all or nothing, with each failing entity’s error, up to 200 entities', async () => {
      const ct = { ...at, contentTypeId: 'bulk' };
      const type = await client.contentType.createWithId(ct, { name: 'Bulk', displayField: 'title', fields: [{ id: 'title', name: 'Title', type: 'Symbol', required: true, localized: false }] });
      await client.contentType.publish(ct, type);
      const make = (id: string, title?: string) => client.entry.createWithId({ ...ct, entryId: id }, { fields: title ? { title: { 'en-US': title } } : {} });
      const [b1, b2, b3] = await Promise.all([make('bulk-1', 'One'), make('bulk-2', 'Two'), make('bulk-3')]);
      const versioned = (e: { sys: { id: string; version: number } }) => ({ sys: { type: 'Link', linkType: 'Entry', id: e.sys.id, version: e.sys.version } }) as const;
      const items = (...links: unknown[]) => ({ entities: { sys: { type: 'Array' }, items: links } }) as never;

      const ok = await client.bulkAction.publish(at, items(versioned(b1!), versioned(b2!)));
      expect(ok.sys).toMatchObject({ type: 'BulkAction', status: 'succeeded' });
      expect(ok.action).toBe('publish');
      for (const id of ['bulk-1', 'bulk-2']) expect((await client.entry.get({ ...at, entryId: id })).sys.publishedVersion).toBeDefined();
      expect((await client.bulkAction.get({ ...at, bulkActionId: ok.sys.id })).sys.status).toBe('succeeded');

      // One invalid entity and one stale version fail the whole action: nothing is published.
      const current1 = await client.entry.get({ ...at, entryId: 'bulk-1' });
      const changed1 = await client.entry.update({ ...at, entryId: 'bulk-1' }, { ...current1, fields: { title: { 'en-US': 'One, changed' } } });
      const failed = await client.bulkAction.publish(at, items(versioned(changed1), versioned(b3!), versioned(b2!)));
      expect(failed.sys.status).toBe('failed');
      expect(failed.error!.sys.id).toBe('BulkActionFailed');
      const errors = failed.error!.details!.errors as unknown as Array<{ entity: { sys: { id: string } }; error: { sys: { id: string } } }>;
      expect(errors.map((e) => [e.entity.sys.id, e.error.sys.id])).toEqual([
        ['bulk-3', 'ValidationFailed'],
        ['bulk-2', 'VersionMismatch'],
      ]);
      expect((await client.entry.getPublished({ ...at, query: { 'sys.id': 'bulk-1' } })).items[0]!.fields.title).toEqual({ 'en-US': 'One' });

      // validate writes nothing either way; a missing entity is that entity's NotFound.
      const valid = await client.bulkAction.validate(at, { entities: { sys: { type: 'Array' }, items: [{ sys: { type: 'Link', linkType: 'Entry', id: 'bulk-1' } }] } });
      expect(valid.sys.status).toBe('succeeded');
      expect((await client.entry.get({ ...at, entryId: 'bulk-1' })).sys.publishedVersion).toBe(current1.sys.publishedVersion);
      const invalid = await client.bulkAction.validate(at, { entities: { sys: { type: 'Array' }, items: [{ sys: { type: 'Link', linkType: 'Entry', id: 'bulk-3' } }, { sys: { type: 'Link', linkType: 'Entry', id: 'ghost' } }] } });
      expect(invalid.sys.status).toBe('failed');
      expect((invalid.error!.details!.errors as unknown as Array<{ error: { sys: { id: string } } }>).map((e) => e.error.sys.id)).toEqual(['ValidationFailed', 'NotFound']);

      // v2, and the legacy client's wrapper that polls until the action is done.
      const unpublished = await client.bulkAction.unpublishV2(at, { action: 'unpublish', entities: [{ entity: { sys: { type: 'Link', linkType: 'Entry', id: 'bulk-2' } } }] } as never);
      expect(unpublished.sys.status).toBe('succeeded');
      expect((await client.bulkAction.getV2({ ...at, bulkActionId: unpublished.sys.id })).sys.status).toBe('succeeded');
      expect((await client.entry.get({ ...at, entryId: 'bulk-2' })).sys.publishedVersion).toBeUndefined();
      const legacy = contentfulManagement.createClient({ accessToken: managementToken, host, hostUpload: host, insecure: true, basePath: 'management' }, { type: 'legacy' });
      const environment = await (await legacy.getSpace('folio')).getEnvironment('master');
      const latest = await client.entry.get({ ...at, entryId: 'bulk-1' });
      const action = await environment.createPublishBulkAction(items(versioned(latest)));
      expect((await action.waitProcessing()).sys.status).toBe('succeeded');
      expect((await client.entry.getPublished({ ...at, query: { 'sys.id': 'bulk-1' } })).items[0]!.fields.title).toEqual({ 'en-US': 'One, changed' });

      // Limits and malformed bodies are 422; an unknown action id is 404.
      const many = Array.from({ length: 201 }, (_, i) => ({ sys: { type: 'Link', linkType: 'Entry', id: `e${i}` } }));
      expect(await failure(client.bulkAction.validate(at, { entities: { sys: { type: 'Array' }, items: many } } as never))).toMatchObject({ status: 422, sys: 'ValidationFailed' });
      expect(await failure(client.bulkAction.publish(at, items({ sys: { type: 'Link', linkType: 'Tag', id: 'x' } })))).toMatchObject({ status: 422 });
      expect(await failure(client.bulkAction.publish(at, items()))).toMatchObject({ status: 422 });
      expect(await failure(client.bulkAction.get({ ...at, bulkActionId: 'nope' }))).toMatchObject({ status: 404, sys: 'NotFound' });
    });

    it('keeps comments (threaded, resolvable) on entries and content types, and tasks assigned to users', async () => {
      const store = await openStore(folio.storeOptions);
      const user = await store.users.create({ email: 'reviewer@example.com', name: 'Reviewer', role: 'editor', passwordHash: 'x' });
      await store.close();
      const talk = await client.contentType.createWithId({ ...at, contentTypeId: 'talk' }, { name: 'Talk', fields: [{ id: 'title', name: 'Title', type: 'Symbol', required: false, localized: false }] });
      await client.contentType.publish({ ...at, contentTypeId: 'talk' }, talk);
      await client.entry.createWithId({ ...at, contentTypeId: 'talk', entryId: 'talk-1' }, { fields: { title: { 'en-US': 'Talk' } } });
      const entry = { ...at, entryId: 'talk-1' };
      const first = await client.comment.create(entry, { body: 'Is the title right?' });
      expect(first.sys).toMatchObject({ type: 'Comment', version: 1, parentEntity: { sys: { linkType: 'Entry', id: 'talk-1' } }, parent: null });
      expect(first.status).toBe('active');
      const reply = await client.comment.create({ ...entry, parentCommentId: first.sys.id }, { body: 'Yes, checked.' });
      expect(reply.sys.parent).toEqual({ sys: { type: 'Link', linkType: 'Comment', id: first.sys.id } });
      const resolved = await client.comment.update({ ...entry, commentId: first.sys.id }, { ...first, status: 'resolved' } as never);
      expect([resolved.status, resolved.sys.version]).toEqual(['resolved', 2]);
      expect(await failure(client.comment.update({ ...entry, commentId: first.sys.id }, first as never))).toMatchObject({ status: 409, sys: 'VersionMismatch' });
      expect((await client.comment.getMany({ ...entry, query: {} })).items.map((c) => c.body).sort()).toEqual(['Is the title right?', 'Yes, checked.']);
      const onType = await client.comment.create({ spaceId: 'folio', environmentId: 'master', parentEntityType: 'ContentType', parentEntityId: 'talk' } as never, { body: 'Add a summary field?' });
      expect(onType.sys.parentEntity.sys).toMatchObject({ linkType: 'ContentType', id: 'talk' });
      expect((await client.comment.getMany({ ...entry, query: {} })).total).toBe(2);
      await client.comment.delete({ ...entry, commentId: reply.sys.id, version: 1 });
      expect(await failure(client.comment.get({ ...entry, commentId: reply.sys.id }))).toMatchObject({ status: 404, sys: 'NotFound' });
      expect(await failure(client.comment.create({ ...at, entryId: 'ghost' }, { body: 'x' }))).toMatchObject({ status: 404 });
      expect(await failure(client.comment.create(entry, { body: 'x'.repeat(513) }))).toMatchObject({ status: 422 });
      expect(await failure(client.comment.create({ ...entry, parentCommentId: 'ghost' }, { body: 'x' }))).toMatchObject({ status: 404 });

      // Mentions: a rich-text body with mention nodes, read back as rich text or as plain text.
      const text = (value: string) => ({ nodeType: 'text', value, marks: [], data: {} });
      const mention = (id: string, linkType = 'User') => ({ nodeType: 'mention', data: { target: { sys: { type: 'Link', linkType, id } } }, content: [text('Reviewer')] });
      const doc = (...content: unknown[]) => ({ nodeType: 'document', data: {}, content: [{ nodeType: 'paragraph', data: {}, content }] });
      const mentioning = await client.comment.create(entry, { body: doc(text('Please check, '), mention(user.id), text('.')) } as never);
      expect((mentioning as unknown as { body: { content: Array<{ content: unknown[] }> } }).body.content[0]!.content[1]).toMatchObject({ nodeType: 'mention', data: { target: { sys: { linkType: 'User', id: user.id } } } });
      expect((await client.comment.get({ ...entry, commentId: mentioning.sys.id })).body).toBe('Please check, @Reviewer.');
      const rich = await client.comment.getMany({ ...entry, bodyFormat: 'rich-text', query: {} } as never);
      expect(rich.items.every((c) => typeof c.body === 'object')).toBe(true);
      expect(rich.items.find((c) => c.sys.id === first.sys.id)!.body).toEqual(doc(text('Is the title right?')));
      expect(await failure(client.comment.create(entry, { body: doc(mention('nobody')) } as never))).toMatchObject({ status: 422, details: { errors: [{ path: ['body'] }] } });
      expect(await failure(client.comment.create(entry, { body: doc(mention('team-1', 'Team')) } as never))).toMatchObject({ status: 422 });
      expect(await failure(client.comment.create(entry, { body: { nodeType: 'document', data: {}, content: [{ nodeType: 'heading-1', data: {}, content: [text('x')] }] } } as never))).toMatchObject({ status: 422 });
      await client.comment.delete({ ...entry, commentId: mentioning.sys.id, version: 1 });

      const assignedTo = { sys: { type: 'Link', linkType: 'User', id: user.id } } as const;
      const task = await client.task.create(entry, { body: 'Check the facts', assignedTo, status: 'active', dueDate: '2030-01-31' } as never);
      expect(task).toMatchObject({ body: 'Check the facts', status: 'active', assignedTo, dueDate: '2030-01-31', sys: { type: 'Task', version: 1 } });
      const done = await client.task.update({ ...entry, taskId: task.sys.id }, { ...task, status: 'resolved' } as never);
      expect(done.status).toBe('resolved');
      expect((await client.task.getMany({ ...entry, query: {} })).items.map((t) => t.status)).toEqual(['resolved']);
      expect(await failure(client.task.create(entry, { body: 'x', assignedTo: { sys: { type: 'Link', linkType: 'User', id: 'nobody' } }, status: 'active' } as never))).toMatchObject({
        status: 422,
        details: { errors: [{ path: ['assignedTo'] }] },
      });
      await client.task.delete({ ...entry, taskId: task.sys.id, version: 2 });
      expect((await client.task.getMany({ ...entry, query: {} })).total).toBe(0);
    });

    it('publishes, unpublishes and validates releases all or nothing, keeps their actions, archives them', async () => {
      const ct = { ...at, contentTypeId: 'rel' };
      const type = await client.contentType.createWithId(ct, { name: 'Rel', displayField: 'title', fields: [{ id: 'title', name: 'Title', type: 'Symbol', required: true, localized: false }] });
      await client.contentType.publish(ct, type);
      await client.entry.createWithId({ ...ct, entryId: 'rel-1' }, { fields: { title: { 'en-US': 'First' } } });
      await client.entry.createWithId({ ...ct, entryId: 'rel-2' }, { fields: {} });
      const entryLink = (id: string) => ({ sys: { type: 'Link', linkType: 'Entry', id } }) as const;
      const created = await client.release.create(at, { title: 'Spring', entities: { sys: { type: 'Array' }, items: [entryLink('rel-1')] } } as never);
      expect(created.sys).toMatchObject({ type: 'Release', version: 1, status: 'active' });
      const published = await client.release.publish({ ...at, releaseId: created.sys.id, version: created.sys.version });
      expect(published).toMatchObject({ action: 'publish', sys: { type: 'ReleaseAction', status: 'succeeded', release: { sys: { id: created.sys.id } } } });
      expect((await client.entry.get({ ...at, entryId: 'rel-1' })).sys.publishedVersion).toBeDefined();
      const afterPublish = await client.release.get({ ...at, releaseId: created.sys.id });
      expect(afterPublish.sys.lastAction).toEqual({ sys: { type: 'Link', linkType: 'ReleaseAction', id: published.sys.id } });
      const unpublished = await client.release.unpublish({ ...at, releaseId: created.sys.id, version: afterPublish.sys.version });
      expect([unpublished.action, unpublished.sys.status]).toEqual(['unpublish', 'succeeded']);
      expect((await client.entry.get({ ...at, entryId: 'rel-1' })).sys.publishedVersion).toBeUndefined();
      const again = await client.release.get({ ...at, releaseId: created.sys.id });
      expect((await client.release.publish({ ...at, releaseId: created.sys.id, version: again.sys.version })).sys.status).toBe('succeeded');

      // With an invalid entry in it, publishing changes nothing and says which entity failed.
      const draft = await client.entry.get({ ...at, entryId: 'rel-1' });
      await client.entry.update({ ...at, entryId: 'rel-1' }, { ...draft, fields: { title: { 'en-US': 'First, changed' } } });
      const current = await client.release.get({ ...at, releaseId: created.sys.id });
      const grown = await client.release.update({ ...at, releaseId: created.sys.id, version: current.sys.version }, { title: 'Spring', entities: { sys: { type: 'Array' }, items: [entryLink('rel-1'), entryLink('rel-2')] } } as never);
      const failed = await client.release.publish({ ...at, releaseId: grown.sys.id, version: grown.sys.version });
      expect(failed.sys.status).toBe('failed');
      expect((failed as unknown as { error: { details: { errors: Array<{ entity: { sys: { id: string } } }> } } }).error.details.errors.map((e) => e.entity.sys.id)).toEqual(['rel-2']);
      expect((await client.entry.getPublished({ ...at, query: { 'sys.id': 'rel-1' } })).items[0]!.fields.title).toEqual({ 'en-US': 'First' });
      const validated = await client.release.validate({ ...at, releaseId: grown.sys.id } as never);
      expect(validated.sys.status).toBe('failed');
      expect((await client.releaseAction.get({ ...at, releaseId: grown.sys.id, actionId: failed.sys.id })).sys.status).toBe('failed');
      const actions = await client.releaseAction.queryForRelease({ ...at, releaseId: grown.sys.id } as never);
      expect(actions.items.map((a) => a.action).sort()).toEqual(['publish', 'publish', 'publish', 'unpublish', 'validate']);
      expect((await client.release.query({ ...at, query: { 'entities.sys.id[in]': 'rel-2' } as never })).items.map((r) => r.sys.id)).toEqual([grown.sys.id]);

      // Archived releases cannot act; unarchived they can; stale versions lose; then delete.
      const latest = await client.release.get({ ...at, releaseId: grown.sys.id });
      expect(await failure(client.release.publish({ ...at, releaseId: grown.sys.id, version: 1 }))).toMatchObject({ status: 409, sys: 'VersionMismatch' });
      const archived = await client.release.archive({ ...at, releaseId: grown.sys.id, version: latest.sys.version });
      expect(archived.sys.status).toBe('archived');
      expect(await failure(client.release.publish({ ...at, releaseId: grown.sys.id, version: archived.sys.version }))).toMatchObject({ status: 400, sys: 'BadRequest' });
      const active = await client.release.unarchive({ ...at, releaseId: grown.sys.id, version: archived.sys.version });
      expect(active.sys.status).toBe('active');
      await client.release.delete({ ...at, releaseId: grown.sys.id });
      const missing = await failure(client.release.get({ ...at, releaseId: grown.sys.id }));
      expect(missing).toMatchObject({ status: 404, sys: 'NotFound' });
      expect(await failure(client.release.create(at, { title: '', entities: { sys: { type: 'Array' }, items: [] } } as never))).toMatchObject({ status: 422 });
    });

    it('holds entry changes made with a releaseId in the release until it is published, then publishes them all or nothing', async () => {
      const ct = { ...at, contentTypeId: 'held' };
      const type = await client.contentType.createWithId(ct, { name: 'Held', displayField: 'title', fields: [{ id: 'title', name: 'Title', type: 'Symbol', required: true, localized: false }] });
      await client.contentType.publish(ct, type);
      const made = await client.entry.createWithId({ ...ct, entryId: 'held-1' }, { fields: { title: { 'en-US': 'Old' } } });
      await client.entry.publish({ ...at, entryId: 'held-1' }, made);
      const release = await client.release.create(at, { title: 'Held', entities: { sys: { type: 'Array' }, items: [{ sys: { type: 'Link', linkType: 'Entry', id: 'held-1' } }] } } as never);
      const releaseId = release.sys.id;
      const inRelease = { ...at, entryId: 'held-1', releaseId };

      const copy = await client.entry.get(inRelease);
      expect(copy.sys.version).toBe((await client.entry.get({ ...at, entryId: 'held-1' })).sys.version);
      const updated = await client.entry.update(inRelease, { ...copy, fields: { title: { 'en-US': 'New' } } });
      expect(updated.fields.title).toEqual({ 'en-US': 'New' });
      expect(updated.sys.version).toBe(copy.sys.version + 1);
      expect((updated.sys as unknown as { release: unknown }).release).toEqual({ sys: { type: 'Link', linkType: 'Release', id: releaseId } });
      const patched = await client.entry.patch({ ...inRelease, version: updated.sys.version }, [{ op: 'replace', path: '/fields/title/en-US', value: 'Newer' }]);
      expect(patched.fields.title).toEqual({ 'en-US': 'Newer' });
      expect(await failure(client.entry.update(inRelease, { ...updated, fields: { title: { 'en-US': 'Stale' } } }))).toMatchObject({ status: 409, sys: 'VersionMismatch' });
      // The environment's entry, draft and published, has not changed.
      expect((await client.entry.get({ ...at, entryId: 'held-1' })).fields.title).toEqual({ 'en-US': 'Old' });
      expect((await client.entry.getPublished({ ...at, query: { 'sys.id': 'held-1' } })).items[0]!.fields.title).toEqual({ 'en-US': 'Old' });

      // Created in the release: it joins the release and is a draft without fields until then.
      await client.entry.createWithId({ ...ct, entryId: 'held-2', releaseId }, { fields: { title: { 'en-US': 'Brand new' } } });
      expect((await client.entry.get({ ...at, entryId: 'held-2' })).fields).toEqual({});
      const grown = await client.release.get({ ...at, releaseId });
      expect(grown.entities.items.map((l) => l.sys.id)).toEqual(['held-1', 'held-2']);
      expect((await client.entry.getMany({ ...at, releaseId, query: {} })).items.map((e) => [e.sys.id, e.fields.title])).toEqual([
        ['held-1', { 'en-US': 'Newer' }],
        ['held-2', { 'en-US': 'Brand new' }],
      ]);
      expect(await failure(client.entry.get({ ...at, entryId: 'rel-nope', releaseId }))).toMatchObject({ status: 404 });

      // A held copy that cannot be published fails the whole release: nothing is written.
      const second = await client.entry.get({ ...at, entryId: 'held-2', releaseId });
      await client.entry.update({ ...at, entryId: 'held-2', releaseId }, { ...second, fields: {} });
      const failed = await client.release.publish({ ...at, releaseId, version: grown.sys.version });
      expect(failed.sys.status).toBe('failed');
      expect((await client.entry.get({ ...at, entryId: 'held-1' })).fields.title).toEqual({ 'en-US': 'Old' });
      expect((await client.entry.get({ ...at, entryId: 'held-1', releaseId })).fields.title).toEqual({ 'en-US': 'Newer' });

      const fixed = await client.entry.get({ ...at, entryId: 'held-2', releaseId });
      await client.entry.update({ ...at, entryId: 'held-2', releaseId }, { ...fixed, fields: { title: { 'en-US': 'Brand new' } } });
      const latest = await client.release.get({ ...at, releaseId });
      expect((await client.release.publish({ ...at, releaseId, version: latest.sys.version })).sys.status).toBe('succeeded');
      const published = await client.entry.getPublished({ ...at, query: { 'sys.id[in]': 'held-1,held-2', order: 'sys.id' } });
      expect(published.items.map((e) => e.fields.title)).toEqual([{ 'en-US': 'Newer' }, { 'en-US': 'Brand new' }]);
      expect((await client.entry.get({ ...at, entryId: 'held-1' })).fields.title).toEqual({ 'en-US': 'Newer' });
    });
  });
}
