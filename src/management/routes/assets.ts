/** Assets: create, read, list, update, delete, publish, unpublish, archive, unarchive, process. */
import type { FastifyInstance } from 'fastify';
import { assertCan } from '../../auth/index.js';
import {
  archiveAsset,
  createAsset,
  deleteAsset,
  getAsset,
  processAssetFile,
  publishAssetAs,
  unarchiveAsset,
  unpublishAsset,
  updateAsset,
} from '../../content/index.js';
import { applySelect, chooseLocale, parseContentQuery } from '../../contentful/index.js';
import { mapInSlices, sendInSlices } from '../../http/slices.js';
import { begin, scoped, type ManagementOptions, type Req } from '../context.js';
import { assertResourceId, newResourceId } from '../ids.js';
import { publishVersion, requiredVersion, versionHeader } from '../parse.js';
import { assetInput } from '../parse-asset.js';
import { assetJson, collection } from '../serialize.js';

type One = Req<{ id: string }>;

export function assetRoutes(app: FastifyInstance, { store, storage, publicUrl }: ManagementOptions) {
  for (const base of scoped('/assets')) {
    app.get(base, async (request: Req, reply) => {
      const { actor, scope } = await begin(store, request);
      assertCan(actor, 'read');
      const query = request.query as Record<string, unknown>;
      const q = await parseContentQuery(query, new Map(), chooseLocale(query.locale, await store.locales.list(scope)), async () => [], 'Asset');
      const result = await store.assets.list(scope, q.list);
      return sendInSlices(reply, collection(await mapInSlices(result.items, (a) => applySelect(assetJson(publicUrl, scope, a), q.select)), result));
    });

    app.post(base, async (request: Req, reply) => {
      const { actor, scope } = await begin(store, request);
      const input = assetInput(request.body, publicUrl, request.headers.host, scope.spaceId);
      return reply.code(201).send(assetJson(publicUrl, scope, await createAsset(store, scope, newResourceId(), input, actor)));
    });

    app.get(`${base}/:id`, async (request: One) => {
      const { actor, scope } = await begin(store, request);
      return assetJson(publicUrl, scope, await getAsset(store, scope, request.params.id, actor));
    });

    app.put(`${base}/:id`, async (request: One, reply) => {
      const { actor, scope } = await begin(store, request);
      const id = assertResourceId(request.params.id);
      const version = versionHeader(request);
      const input = assetInput(request.body, publicUrl, request.headers.host, scope.spaceId);
      if (!(await store.assets.get(scope, id))) return reply.code(201).send(assetJson(publicUrl, scope, await createAsset(store, scope, id, input, actor)));
      if (version === undefined) requiredVersion(request, `asset "${id}"`);
      return assetJson(publicUrl, scope, await updateAsset(store, scope, id, input, version, actor));
    });

    app.delete(`${base}/:id`, async (request: One, reply) => {
      const { actor, scope } = await begin(store, request);
      await deleteAsset(store, scope, request.params.id, versionHeader(request), actor);
      return reply.code(204).send();
    });

    app.put(`${base}/:id/files/:locale/process`, async (request: Req<{ id: string; locale: string }>, reply) => {
      const { actor, scope } = await begin(store, request);
      // The client sends the version it saw; processing runs on whatever is current, so
      // processForAllLocales can process every locale at once with one version.
      versionHeader(request);
      await processAssetFile(store, storage, scope, request.params.id, request.params.locale, actor);
      return reply.code(204).send();
    });

    // Contentful requires the version to publish (the official client always sends it).
    app.put(`${base}/:id/published`, async (request: One) => {
      const { actor, scope } = await begin(store, request);
      return assetJson(publicUrl, scope, await publishAssetAs(store, scope, request.params.id, await publishVersion(request, `asset "${request.params.id}"`, () => getAsset(store, scope, request.params.id, actor)), actor));
    });

    app.delete(`${base}/:id/published`, async (request: One) => {
      const { actor, scope } = await begin(store, request);
      return assetJson(publicUrl, scope, await unpublishAsset(store, scope, request.params.id, versionHeader(request), actor));
    });

    app.put(`${base}/:id/archived`, async (request: One) => {
      const { actor, scope } = await begin(store, request);
      return assetJson(publicUrl, scope, await archiveAsset(store, scope, request.params.id, versionHeader(request), actor));
    });

    app.delete(`${base}/:id/archived`, async (request: One) => {
      const { actor, scope } = await begin(store, request);
      return assetJson(publicUrl, scope, await unarchiveAsset(store, scope, request.params.id, versionHeader(request), actor));
    });
  }
}
