/**
 * Environments and aliases driven by the official `contentful-management` client: clone master,
 * read the copy through the Delivery API, change it apart from master, swap the master alias,
 * delete. Run on every store (see management.sqlite/.postgres test files).
 */
import * as contentfulManagement from 'contentful-management';
import type { EnvironmentProps, PlainClientAPI } from 'contentful-management';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFolio, type TestFolio } from './folio.js';
import { failure } from './management.sdk.js';

const managementToken = 'management-token-for-environments';
const envLink = (id: string) => ({ sys: { type: 'Link', linkType: 'Environment', id } }) as const;

export function describeEnvironments(name: string, env: () => Promise<Record<string, string>>) {
  describe(`Environments and aliases with the contentful-management SDK: ${name}`, () => {
    let folio: TestFolio;
    let client: PlainClientAPI;
    let deliveryToken: string;
    let articleId: string;
    let masterTitle: string;

    /** What the Delivery API serves for one article (its title), and how many articles. */
    async function delivered(environment: string) {
      const res = await fetch(`${folio.url}/delivery/spaces/folio/environments/${environment}/entries?content_type=article&order=sys.id&access_token=${deliveryToken}`);
      if (res.status !== 200) return { status: res.status, total: 0, title: undefined };
      const body = (await res.json()) as { total: number; items: Array<{ sys: { id: string }; fields: { title: string } }> };
      return { status: res.status, total: body.total, title: body.items.find((i) => i.sys.id === articleId)?.fields.title };
    }

    /** Contentful's clients poll until the copy is in; so does this. */
    async function ready(environmentId: string): Promise<EnvironmentProps> {
      for (let i = 0; i < 200; i++) {
        const e = await client.environment.get({ spaceId: 'folio', environmentId });
        if (e.sys.status.sys.id !== 'queued') return e;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`environment ${environmentId} stayed queued`);
    }

    beforeAll(async () => {
      folio = await startTestFolio({ FOLIO_MANAGEMENT_TOKEN: managementToken, ...(await env()) });
      const host = new URL(folio.url).host;
      client = contentfulManagement.createClient({ accessToken: managementToken, host, hostUpload: host, insecure: true, basePath: 'management' });
      const first = (await client.entry.getMany({ spaceId: 'folio', environmentId: 'master', query: { content_type: 'article', order: 'sys.id', limit: 1 } })).items[0]!;
      articleId = first.sys.id;
      masterTitle = (first.fields.title as Record<string, string>)['en-US']!;
    });
    afterAll(() => folio?.destroy());

    it('clones master (the default source) and the copy serves the same content to a key that names it', async () => {
      expect((await client.environment.getMany({ spaceId: 'folio' })).items.map((e) => [e.sys.id, e.sys.status.sys.id])).toEqual([['master', 'ready']]);
      const created = await client.environment.createWithId({ spaceId: 'folio', environmentId: 'staging' }, { name: 'Staging' });
      expect(created.sys.id).toBe('staging');
      expect(['queued', 'ready']).toContain(created.sys.status.sys.id);
      const staging = await ready('staging');
      expect(staging).toMatchObject({ name: 'Staging', sys: { status: { sys: { id: 'ready' } } } });

      const key = await client.apiKey.createWithId({ spaceId: 'folio', apiKeyId: 'env-key' }, { name: 'Both', environments: [envLink('master'), envLink('staging')] } as never);
      deliveryToken = key.accessToken;
      const fromMaster = await delivered('master');
      expect(fromMaster).toMatchObject({ status: 200, title: masterTitle });
      expect(fromMaster.total).toBeGreaterThan(0);
      expect(await delivered('staging')).toEqual(fromMaster);
      // Drafts, the model, locales and editor interfaces came too.
      const at = { spaceId: 'folio', environmentId: 'staging' };
      expect((await client.contentType.getMany(at)).items.map((t) => t.sys.id).sort()).toEqual((await client.contentType.getMany({ ...at, environmentId: 'master' })).items.map((t) => t.sys.id).sort());
      expect((await client.locale.getMany(at)).items.map((l) => l.code)).toEqual((await client.locale.getMany({ ...at, environmentId: 'master' })).items.map((l) => l.code));
      expect((await client.entry.getMany({ ...at, query: { limit: 0 } })).total).toBe((await client.entry.getMany({ ...at, environmentId: 'master', query: { limit: 0 } })).total);
      expect((await client.asset.getMany({ ...at, query: { limit: 0 } })).total).toBe((await client.asset.getMany({ ...at, environmentId: 'master', query: { limit: 0 } })).total);
      expect((await client.editorInterface.get({ ...at, contentTypeId: 'article' })).controls?.length).toBeGreaterThan(0);
      // Full-text search answers in the copy: its index rows were copied.
      const word = masterTitle.split(/\s+/).find((w) => /^[A-Za-z]{4,}$/.test(w))!;
      const found = await fetch(`${folio.url}/delivery/spaces/folio/environments/staging/entries?content_type=article&query=${word}&access_token=${deliveryToken}`);
      expect(((await found.json()) as { items: Array<{ sys: { id: string } }> }).items.map((i) => i.sys.id)).toContain(articleId);
    });

    it('keeps staging and master apart', async () => {
      const at = { spaceId: 'folio', environmentId: 'staging', entryId: articleId };
      const entry = await client.entry.get(at);
      const changed = await client.entry.update(at, { ...entry, fields: { ...entry.fields, title: { 'en-US': 'Staged headline' } } });
      await client.entry.publish(at, changed);
      expect(await delivered('staging')).toMatchObject({ title: 'Staged headline' });
      expect(await delivered('master')).toMatchObject({ title: masterTitle });
      expect((await client.entry.get({ ...at, environmentId: 'master' })).fields.title).toEqual({ 'en-US': masterTitle });
    });

    it('points the master alias at staging: every API on master then serves staging, and back', async () => {
      expect((await client.environmentAlias.getMany({ spaceId: 'folio' })).items).toEqual([]);
      const alias = await client.environmentAlias.createWithId({ spaceId: 'folio', environmentAliasId: 'master' }, { environment: envLink('staging') });
      expect(alias).toMatchObject({ sys: { type: 'EnvironmentAlias', id: 'master', version: 1 }, environment: envLink('staging') });
      expect(await delivered('master')).toMatchObject({ status: 200, title: 'Staged headline' });
      const unprefixed = await fetch(`${folio.url}/delivery/spaces/folio/entries/${articleId}?access_token=${deliveryToken}`);
      expect(((await unprefixed.json()) as { fields: { title: string } }).fields.title).toBe('Staged headline');
      expect((await client.entry.get({ spaceId: 'folio', environmentId: 'master', entryId: articleId })).fields.title).toEqual({ 'en-US': 'Staged headline' });
      expect((await client.environment.get({ spaceId: 'folio', environmentId: 'master' })).sys).toMatchObject({ id: 'master', aliasedEnvironment: envLink('staging') });
      const listed = (await client.environment.getMany({ spaceId: 'folio' })).items;
      expect(listed.map((e) => [e.sys.id, (e.sys as { aliasedEnvironment?: { sys: { id: string } } }).aliasedEnvironment?.sys.id])).toEqual([['master', 'staging'], ['staging', undefined]]);
      expect(listed[1]!.sys.aliases).toEqual([{ sys: { type: 'Link', linkType: 'EnvironmentAlias', id: 'master' } }]);
      // Sync reads staging's log, and its next URL keeps the id the client used.
      const synced = (await (await fetch(`${folio.url}/delivery/spaces/folio/environments/master/sync?initial=true&type=Entry&access_token=${deliveryToken}`)).json()) as {
        items: Array<{ sys: { id: string; environment: { sys: { id: string } } }; fields: { title?: Record<string, string> } }>;
        nextSyncUrl: string;
      };
      expect(synced.items.find((i) => i.sys.id === articleId)?.fields.title).toEqual({ 'en-US': 'Staged headline' });
      expect(synced.nextSyncUrl).toContain('/environments/master/sync');
      expect(synced.items[0]!.sys.environment.sys.id).toBe('master');
      const graphql = await fetch(`${folio.url}/graphql/content/v1/spaces/folio/environments/master`, {
        method: 'POST',
        headers: { authorization: `Bearer ${deliveryToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ query: `{ article(id: "${articleId}") { title } }` }),
      });
      expect(((await graphql.json()) as { data: { article: { title: string } } }).data.article.title).toBe('Staged headline');

      // An alias's target cannot go; a stale version cannot move the alias.
      expect(await failure(client.environment.delete({ spaceId: 'folio', environmentId: 'staging' }))).toMatchObject({ status: 400, sys: 'BadRequest' });
      expect(await failure(client.environmentAlias.update({ spaceId: 'folio', environmentAliasId: 'master' }, { ...alias, sys: { ...alias.sys, version: 9 }, environment: envLink('master') }))).toMatchObject({ status: 409, sys: 'VersionMismatch' });
      const back = await client.environmentAlias.update({ spaceId: 'folio', environmentAliasId: 'master' }, { ...alias, environment: envLink('master') });
      expect(back.sys.version).toBe(2);
      expect(await delivered('master')).toMatchObject({ title: masterTitle });
    });

    it('deletes an environment and refuses what Contentful refuses', async () => {
      expect(await failure(client.environment.delete({ spaceId: 'folio', environmentId: 'master' }))).toMatchObject({ status: 400, sys: 'BadRequest' });
      expect(await failure(client.environment.createWithId({ spaceId: 'folio', environmentId: 'broken', sourceEnvironmentId: 'nope' }, { name: 'Broken' }))).toMatchObject({ status: 404, sys: 'NotFound' });
      expect(await failure(client.environment.get({ spaceId: 'folio', environmentId: 'broken' }))).toMatchObject({ status: 404 });
      expect(await failure(client.environment.createWithId({ spaceId: 'folio', environmentId: 'staging' }, { name: 'Again' }))).toMatchObject({ status: 422, sys: 'ValidationFailed' });

      // POST picks the id; update renames with the version.
      const scratch = await ready((await client.environment.create({ spaceId: 'folio' }, { name: 'Scratch' })).sys.id);
      expect(scratch.sys.id).toMatch(/^[A-Za-z0-9]{22}$/);
      const renamed = await client.environment.update({ spaceId: 'folio', environmentId: scratch.sys.id }, { ...scratch, name: 'Renamed' });
      expect([renamed.name, renamed.sys.version]).toEqual(['Renamed', scratch.sys.version + 1]);
      expect(await failure(client.environment.update({ spaceId: 'folio', environmentId: scratch.sys.id }, { ...scratch, name: 'Stale' }))).toMatchObject({ status: 409, sys: 'VersionMismatch' });
      await client.environment.delete({ spaceId: 'folio', environmentId: scratch.sys.id });

      await client.environment.delete({ spaceId: 'folio', environmentId: 'staging' });
      expect(await failure(client.environment.get({ spaceId: 'folio', environmentId: 'staging' }))).toMatchObject({ status: 404, sys: 'NotFound' });
      expect((await delivered('staging')).status).toBe(404);
      expect((await delivered('master')).status).toBe(200);
      expect((await client.environment.getMany({ spaceId: 'folio', query: { limit: 1 } }))).toMatchObject({ total: 1, limit: 1, items: [{ sys: { id: 'master' } }] });
    });
  });
}
