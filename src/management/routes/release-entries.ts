/**
 * Entries inside a release (Releases v2, what contentful-management 12 sends for `entry.*` with
 * a `releaseId`): `…/releases/{id}/entries` (list, POST to create one in the release) and
 * `…/releases/{id}/entries/{entryId}` (get, PUT to update the release's copy or create with an
 * id, PATCH with JSON Patch). The changes wait in the release until it is published.
 */
import type { FastifyInstance } from 'fastify';
import { getReleaseEntry, listReleaseEntries, patchReleaseEntry, putReleaseEntry } from '../../content/index.js';
import type { EntryRecord, Scope } from '../../store/types.js';
import { begin, scoped, type ManagementOptions, type Req } from '../context.js';
import { assertResourceId, newResourceId } from '../ids.js';
import { bodyObject, localizedFields, metadataInput, requiredVersion, versionHeader } from '../parse.js';
import { collection, entryJson } from '../serialize.js';
import { link } from '../../contentful/index.js';
import { contentTypeHeader, entryPatchCodec } from './entries.js';

type One = Req<{ releaseId: string; entryId: string }>;

/** An entry as the release holds it; sys.release says which release's copy it is. */
const releaseEntryJson = (scope: Scope, releaseId: string, entry: EntryRecord) => {
  const json = entryJson(scope, entry);
  return { ...json, sys: { ...json.sys, release: link('Release', releaseId) } };
};

export function releaseEntryRoutes(app: FastifyInstance, { store }: ManagementOptions) {
  for (const base of scoped('/releases/:releaseId/entries')) {
    app.get(base, async (request: Req<{ releaseId: string }>) => {
      const { actor, scope } = await begin(store, request);
      const items = await listReleaseEntries(store, scope, request.params.releaseId, actor);
      return collection(items.map((e) => releaseEntryJson(scope, request.params.releaseId, e)), { total: items.length, skip: 0, limit: items.length });
    });

    const put = async (request: One, entryId: string, create: boolean) => {
      const { actor, scope } = await begin(store, request);
      const body = bodyObject(request.body);
      const version = versionHeader(request);
      const write = {
        releaseId: request.params.releaseId,
        entryId,
        fields: localizedFields(body.fields),
        metadata: metadataInput(body.metadata),
        version,
        // A PUT without a version creates (createWithId); with one it updates.
        ...(create || version === undefined ? { contentTypeId: contentTypeHeader(request) } : {}),
      };
      const { entry, created } = await putReleaseEntry(store, scope, write, actor);
      return { status: created ? 201 : 200, json: releaseEntryJson(scope, request.params.releaseId, entry) };
    };

    app.post(base, async (request: One, reply) => {
      const { status, json } = await put(request, newResourceId(), true);
      return reply.code(status).send(json);
    });

    app.get(`${base}/:entryId`, async (request: One) => {
      const { actor, scope } = await begin(store, request);
      return releaseEntryJson(scope, request.params.releaseId, await getReleaseEntry(store, scope, request.params.releaseId, request.params.entryId, actor));
    });

    app.put(`${base}/:entryId`, async (request: One, reply) => {
      const { status, json } = await put(request, assertResourceId(request.params.entryId), false);
      return reply.code(status).send(json);
    });

    app.patch(`${base}/:entryId`, async (request: One) => {
      const { actor, scope } = await begin(store, request);
      const { releaseId, entryId } = request.params;
      const version = requiredVersion(request, `entry "${entryId}" in release "${releaseId}"`);
      const entry = await patchReleaseEntry(store, scope, { releaseId, entryId, operations: request.body, version, codec: entryPatchCodec(scope) }, actor);
      return releaseEntryJson(scope, releaseId, entry);
    });
  }
}
