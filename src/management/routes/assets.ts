/** Assets: create, read, list, update, delete, publish, unpublish, archive, unarchive, process. */
import type { FastifyInstance } from 'fastify';
import { assertCan, type Actor } from '../../auth/index.js';
import {
  archiveAsset,
  createAsset,
  deleteAsset,
  getAsset,
  processAssetFile,
  publishAsset,
  unarchiveAsset,
  unpublishAsset,
  updateAsset,
} from '../../content/index.js';
import { applySelect, chooseLocale, parseContentQuery } from '../../contentful/index.js';
import { mapInSlices, sendInSlices } from '../../http/slices.js';
import type { Store } from '../../store/index.js';
import type { Scope } from '../../store/types.js';
import { begin, pathOf, scoped, type ManagementOptions, type Req } from '../context.js';
import { cursorCollection, cursorPaging } from '../cursor.js';
import { assertResourceId, newResourceId } from '../ids.js';
import { publishVersion, requiredVersion, versionHeader } from '../parse.js';
import { assetInput, type ParsedAssetInput } from '../parse-asset.js';
import { remoteFileDefaults, withRemoteFiles } from '../remote-file.js';
import { publicTargetsOnly } from '../../webhooks/index.js';
import { assetJson, collection } from '../serialize.js';

type One = Req<{ id: string }>;

/** Lists drafts (or, `published`, the published snapshots) with the Delivery API's filters, or cursor paging. */
export async function listAssets(store: Store, scope: Scope, publicUrl: string, raw: Record<string, unknown>, path: string, published = false) {
  const { query, cursor } = cursorPaging(raw);
  const q = await parseContentQuery(query, new Map(), chooseLocale(query.locale, await store.locales.list(scope)), async () => []);
  const result = await (published ? store.assets.listPublished : store.assets.list)(scope, q.list);
  const items = await mapInSlices(result.items, (a) => applySelect(assetJson(publicUrl, scope, a), q.select));
  return cursor ? cursorCollection({ ...result, items }, path) : collection(items, result);
}

export function assetRoutes(app: FastifyInstance, { store, storage, publicUrl, uploadLimitBytes, outboundTargets }: ManagementOptions) {
  const remote = { policy: outboundTargets ?? publicTargetsOnly, maxBytes: uploadLimitBytes, ...remoteFileDefaults };
  const remoteFilesOf = (spaceId: string, input: ParsedAssetInput, actor: Actor) => withRemoteFiles(store, storage, spaceId, input, remote, actor);
  for (const base of scoped('/assets')) {
    app.get(base, async (request: Req, reply) => {
      const { actor, scope } = await begin(store, request);
      assertCan(actor, 'read');
      return sendInSlices(reply, await listAssets(store, scope, publicUrl, request.query as Record<string, unknown>, pathOf(request)));
    });

    app.post(base, async (request: Req, reply) => {
      const { actor, scope } = await begin(store, request);
      const input = await remoteFilesOf(scope.spaceId, assetInput(request.body, publicUrl, request.headers.host, scope.spaceId), actor);
      return reply.code(201).send(assetJson(publicUrl, scope, await createAsset(store, scope, { ...input, id: newResourceId() }, actor)));
    });

    app.get(`${base}/:id`, async (request: One) => {
      const { actor, scope } = await begin(store, request);
      return assetJson(publicUrl, scope, await getAsset(store, scope, request.params.id, actor));
    });

    app.put(`${base}/:id`, async (request: One, reply) => {
      const { actor, scope } = await begin(store, request);
      const id = assertResourceId(request.params.id);
      const version = versionHeader(request);
      const input = await remoteFilesOf(scope.spaceId, assetInput(request.body, publicUrl, request.headers.host, scope.spaceId), actor);
      if (!(await store.assets.get(scope, id))) return reply.code(201).send(assetJson(publicUrl, scope, await createAsset(store, scope, { ...input, id }, actor)));
      if (version === undefined) requiredVersion(request, `asset "${id}"`);
      return assetJson(publicUrl, scope, await updateAsset(store, scope, { ...input, id, version }, actor));
    });

    app.delete(`${base}/:id`, async (request: One, reply) => {
      const { actor, scope } = await begin(store, request);
      await deleteAsset(store, scope, { id: request.params.id, version: versionHeader(request) }, actor);
      return reply.code(204).send();
    });

    app.put(`${base}/:id/files/:locale/process`, async (request: Req<{ id: string; locale: string }>, reply) => {
      const { actor, scope } = await begin(store, request);
      // The client sends the version it saw; processing runs on whatever is current, so
      // processForAllLocales can process every locale at once with one version.
      versionHeader(request);
      await processAssetFile(store, storage, scope, { id: request.params.id, locale: request.params.locale }, actor);
      return reply.code(204).send();
    });

    // Contentful requires the version to publish (the official client always sends it).
    app.put(`${base}/:id/published`, async (request: One) => {
      const { actor, scope } = await begin(store, request);
      return assetJson(publicUrl, scope, await publishAsset(store, scope, { id: request.params.id, version: await publishVersion(request, `asset "${request.params.id}"`, () => getAsset(store, scope, request.params.id, actor)) }, actor));
    });

    app.delete(`${base}/:id/published`, async (request: One) => {
      const { actor, scope } = await begin(store, request);
      return assetJson(publicUrl, scope, await unpublishAsset(store, scope, { id: request.params.id, version: versionHeader(request) }, actor));
    });

    app.put(`${base}/:id/archived`, async (request: One) => {
      const { actor, scope } = await begin(store, request);
      return assetJson(publicUrl, scope, await archiveAsset(store, scope, { id: request.params.id, version: versionHeader(request) }, actor));
    });

    app.delete(`${base}/:id/archived`, async (request: One) => {
      const { actor, scope } = await begin(store, request);
      return assetJson(publicUrl, scope, await unarchiveAsset(store, scope, { id: request.params.id, version: versionHeader(request) }, actor));
    });
  }
}
