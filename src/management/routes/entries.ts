/**
 * Entries: create (POST with X-Contentful-Content-Type, or PUT with an id), read, list with the
 * Delivery query language, update (PUT, or PATCH with JSON Patch), delete, publish, unpublish,
 * archive, unarchive.
 */
import type { FastifyInstance } from 'fastify';
import { assertCan } from '../../auth/index.js';
import {
  archiveEntry,
  createEntry,
  deleteEntry,
  getEntry,
  patchEntry,
  publishEntry,
  unarchiveEntry,
  unpublishEntry,
  updateEntry,
} from '../../content/index.js';
import { applySelect, chooseLocale, parseContentQuery } from '../../contentful/index.js';
import { validationFailed } from '../../errors/index.js';
import { mapInSlices, sendInSlices } from '../../http/slices.js';
import type { Store } from '../../store/index.js';
import type { EntryRecord, Json, Scope } from '../../store/types.js';
import * as is from '../../validate/is.js';
import { begin, pathOf, scoped, type ManagementOptions, type Req } from '../context.js';
import { cursorCollection, cursorPaging } from '../cursor.js';
import { assertResourceId, newResourceId } from '../ids.js';
import { bodyObject, localizedFields, metadataInput, localesToPublish, publishVersion, requiredVersion, versionHeader } from '../parse.js';
import { collection, entryJson } from '../serialize.js';

type One = Req<{ id: string }>;

export const tagsOf = (body: Record<string, unknown>) => {
  const metadata = metadataInput(body.metadata);
  return metadata ? { metadata } : {};
};

/** How a JSON Patch sees an entry through this API, and reads the patched document back. */
export const entryPatchCodec = (scope: Scope) => ({
  toDocument: (current: EntryRecord) => ({ fields: current.fields, metadata: entryJson(scope, current).metadata }) as Json,
  fromDocument: (patched: Json) => {
    const body = bodyObject(patched);
    return { fields: localizedFields(body.fields), metadata: metadataInput(body.metadata) };
  },
});

export function contentTypeHeader(request: Req): string {
  const raw = request.headers['x-contentful-content-type'];
  if (!is.nonEmptyString(raw)) {
    throw validationFailed([{ name: 'required', path: ['sys', 'contentType'], details: 'X-Contentful-Content-Type header missing' }], 'Creating an entry needs its content type id in the X-Contentful-Content-Type header');
  }
  return raw;
}

/**
 * Lists drafts (or, `published`, the published snapshots) with the Delivery API's filters, order
 * and paging, or cursor paging; every locale in each item.
 */
export async function listEntries(store: Store, scope: Scope, raw: Record<string, unknown>, path: string, published = false) {
  const { query, cursor } = cursorPaging(raw);
  const entries = published ? store.entries.listPublished : store.entries.list;
  const [locales, types] = await Promise.all([store.locales.list(scope), store.contentTypes.list(scope, { limit: 1000 })]);
  const typeMap = new Map(types.items.map((t) => [t.sys.id, t]));
  const { include: _include, ...rest } = query;
  const q = await parseContentQuery(rest, typeMap, chooseLocale(query.locale, locales), async (contentTypeId, where) =>
    (await entries(scope, { contentTypeId, where, limit: 1000 })).items.map((e) => e.sys.id),
  );
  const result = await entries(scope, q.list);
  const items = await mapInSlices(result.items, (e) => applySelect(entryJson(scope, e), q.select));
  return cursor ? cursorCollection({ ...result, items }, path) : collection(items, result);
}

export function entryRoutes(app: FastifyInstance, { store }: ManagementOptions) {
  for (const base of scoped('/entries')) {
    app.get(base, async (request: Req, reply) => {
      const { actor, scope } = await begin(store, request);
      assertCan(actor, 'read');
      return sendInSlices(reply, await listEntries(store, scope, request.query as Record<string, unknown>, pathOf(request)));
    });

    app.post(base, async (request: Req, reply) => {
      const { actor, scope } = await begin(store, request);
      const contentTypeId = contentTypeHeader(request);
      const body = bodyObject(request.body);
      const fields = localizedFields(body.fields);
      const entry = await createEntry(store, scope, { id: newResourceId(), contentTypeId, fields, ...tagsOf(body) }, actor);
      return reply.code(201).send(entryJson(scope, entry));
    });

    app.get(`${base}/:id`, async (request: One) => {
      const { actor, scope } = await begin(store, request);
      return entryJson(scope, await getEntry(store, scope, request.params.id, actor));
    });

    app.put(`${base}/:id`, async (request: One, reply) => {
      const { actor, scope } = await begin(store, request);
      const id = assertResourceId(request.params.id);
      const version = versionHeader(request);
      const body = bodyObject(request.body);
      const fields = localizedFields(body.fields);
      if (!(await store.entries.get(scope, id))) {
        const entry = await createEntry(store, scope, { id, contentTypeId: contentTypeHeader(request), fields, ...tagsOf(body) }, actor);
        return reply.code(201).send(entryJson(scope, entry));
      }
      if (version === undefined) requiredVersion(request, `entry "${id}"`);
      return entryJson(scope, await updateEntry(store, scope, { id, fields, version, metadata: metadataInput(body.metadata) }, actor));
    });

    app.patch(`${base}/:id`, async (request: One) => {
      const { actor, scope } = await begin(store, request);
      const version = requiredVersion(request, `entry "${request.params.id}"`);
      const entry = await patchEntry(store, scope, { id: request.params.id, operations: request.body, version, codec: entryPatchCodec(scope) }, actor);
      return entryJson(scope, entry);
    });

    app.delete(`${base}/:id`, async (request: One, reply) => {
      const { actor, scope } = await begin(store, request);
      await deleteEntry(store, scope, { id: request.params.id, version: versionHeader(request) }, actor);
      return reply.code(204).send();
    });

    // Contentful requires the version to publish (the official client always sends it).
    app.put(`${base}/:id/published`, async (request: One) => {
      const { actor, scope } = await begin(store, request);
      const locales = localesToPublish(request.body);
      const version = await publishVersion(request, `entry "${request.params.id}"`, () => getEntry(store, scope, request.params.id, actor));
      return entryJson(scope, await publishEntry(store, scope, { id: request.params.id, version, ...(locales ? { locales } : {}) }, actor));
    });

    app.delete(`${base}/:id/published`, async (request: One) => {
      const { actor, scope } = await begin(store, request);
      return entryJson(scope, await unpublishEntry(store, scope, { id: request.params.id, version: versionHeader(request) }, actor));
    });

    app.put(`${base}/:id/archived`, async (request: One) => {
      const { actor, scope } = await begin(store, request);
      return entryJson(scope, await archiveEntry(store, scope, { id: request.params.id, version: versionHeader(request) }, actor));
    });

    app.delete(`${base}/:id/archived`, async (request: One) => {
      const { actor, scope } = await begin(store, request);
      return entryJson(scope, await unarchiveEntry(store, scope, { id: request.params.id, version: versionHeader(request) }, actor));
    });
  }
}
